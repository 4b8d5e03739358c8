// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/project_layers.h"

#include "desktop/error_text.h"

#include "core/error.h"
#include "core/model/vector_layer.h"
#include "core/project/planner_override.h"
#include "core/project/project.h"
#include "desktop/layer_controller.h"
#include "desktop/layer_list.h"
#include "desktop/main_window.h"
#include "desktop/map_canvas.h"
#include "desktop/project_session.h"
#include "desktop/result_layers.h"

#include <QStatusBar>

namespace riskatlas::desktop {

namespace {

const QString kSpecSeparator = QStringLiteral("|layername=");

} // namespace

ProjectLayers::ProjectLayers(MainWindow *window, ProjectSession *session, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_session(session)
{}

void ProjectLayers::clear()
{
    // Layers of the previous project still queued would arrive as stray layers.
    if (!m_pending.isEmpty())
        m_window->cancelLoading();
    for (const int id : std::as_const(m_ids))
        m_window->layers()->removeLayer(id);
    m_ids.clear();
    m_base.clear();
    m_pending.clear();
}

void ProjectLayers::load()
{
    clear();
    const QString path = m_session->path();
    const QStringList names = resultLayersInDrawOrder(m_session->project()->resultLayers());
    if (names.isEmpty()) {
        m_window->statusBar()->showMessage(
            tr("Opened %1. It has no results yet: run it with Project ▸ Run.")
                .arg(m_session->name()),
            15000);
        Q_EMIT loaded();
        return;
    }
    for (const QString &name : names)
        m_pending.insert(path + kSpecSeparator + name);
    for (const QString &name : names)
        m_window->openLayer(path + kSpecSeparator + name);
}

QString ProjectLayers::title(const QString &pathSpec) const
{
    if (!m_pending.contains(pathSpec))
        return {};
    const auto info = resultLayerInfo(pathSpec.section(kSpecSeparator, 1));
    return info ? info->title : QString();
}

void ProjectLayers::added(const QString &pathSpec, int id)
{
    if (!m_pending.remove(pathSpec))
        return;
    const QString name = pathSpec.section(kSpecSeparator, 1);
    m_ids.insert(name, id);
    m_base.insert(name, m_window->canvas()->layer(id));
    if (const auto info = resultLayerInfo(name)) {
        LayerSymbology symbology = m_window->canvas()->layerSymbology(id);
        if (symbology.isCategorised()) {
            symbology.paletteId = info->paletteId;
            m_window->layers()->applySymbology(id, symbology);
        }
        m_window->layers()->setRole(id, info->role);
        m_window->layerList()->setLayerChecked(id, info->visible);
        m_window->canvas()->setLayerVisible(id, info->visible);
        if (!info->keyField.isEmpty())
            refresh(name);
    }
    if (m_pending.isEmpty()) {
        // The risk map is what a planner opens a project for: its table, its features.
        const int riskMap = m_ids.value(QStringLiteral("risk_map"), -1);
        if (riskMap >= 0)
            m_window->layerList()->setCurrentLayer(riskMap);
        m_window->statusBar()->showMessage(
            tr("Opened %1: %n result layer(s).", nullptr, int(m_ids.size())).arg(m_session->name()),
            15000);
        Q_EMIT loaded();
    }
}

void ProjectLayers::notAdded(const QString &pathSpec, bool cancelled)
{
    if (!m_pending.remove(pathSpec))
        return;
    if (cancelled)
        m_pending.clear();
    if (m_pending.isEmpty())
        Q_EMIT loaded();
}

void ProjectLayers::refresh(const QString &name)
{
    const auto info = resultLayerInfo(name);
    const auto base = m_base.value(name);
    if (!info || info->keyField.isEmpty() || !base)
        return;
    auto shown = std::make_shared<model::VectorLayer>(*base);
    try {
        const project::OverrideReport report =
            project::applyOverrides(*shown, m_session->overrides(name), info->keyField);
        m_window->canvas()->setLayerData(m_ids.value(name), shown);
        if (!report.unmatchedKeys.isEmpty())
            m_window->statusBar()->showMessage(
                tr("Overrides of %1 whose key no feature has: %2")
                    .arg(name, report.unmatchedKeys.join(QStringLiteral(", "))),
                15000);
    } catch (const std::exception &error) {
        m_window->statusBar()->showMessage(describeError(error), 15000);
    }
}

} // namespace riskatlas::desktop
