// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/project_config_link.h"

#include "core/error.h"
#include "core/project/config_paths.h"
#include "core/project/project.h"
#include "desktop/enterprise_panel.h"
#include "desktop/five_colour_panel.h"
#include "desktop/main_window.h"
#include "desktop/project_controller.h"
#include "desktop/project_session.h"
#include "desktop/workflow_panels.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QTemporaryFile>

#include <functional>

namespace riskatlas::desktop {

namespace {

using project::ConfigKind;

project::Project *openProject(MainWindow &window)
{
    return window.project()->session()->project();
}

void explain(MainWindow &window, const QString &title, const QString &text)
{
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Ok, &window);
    box.setObjectName(QStringLiteral("projectConfigErrorBox"));
    box.exec();
}

// Lets `save` write the panel's config into a file in the project folder (so the panel's own
// writer makes its paths relative to that folder), then stores it in the project.
bool store(MainWindow &window, ConfigKind kind, const std::function<bool(const QString &)> &save)
{
    project::Project *project = openProject(window);
    if (!project)
        return false;
    QTemporaryFile file(QDir(project->folder()).filePath(QStringLiteral(".riskatlas-XXXXXX.json")));
    if (!file.open()) {
        explain(window, MainWindow::tr("Cannot store the configuration"),
                MainWindow::tr("%1: %2").arg(QDir::toNativeSeparators(project->folder()),
                                             file.errorString()));
        return false;
    }
    const QString path = file.fileName();
    file.close();
    if (!save(path))
        return false; // the panel has said why
    QFile written(path);
    QJsonParseError parseError{};
    const QJsonDocument json = written.open(QIODevice::ReadOnly)
                                   ? QJsonDocument::fromJson(written.readAll(), &parseError)
                                   : QJsonDocument();
    try {
        if (!json.isObject())
            throw ProcessingError({path}, parseError.errorString());
        project->setConfig(
            kind, QJsonDocument(relativeToFolder(json.object(), project->folder()).toObject()));
    } catch (const Error &error) {
        explain(window, MainWindow::tr("Cannot store the configuration"), error.formatted());
        return false;
    }
    window.statusBar()->showMessage(MainWindow::tr("Stored in the project; Project ▸ Run uses it."),
                                    10000);
    return true;
}

// Writes the project's config as a run reads it (paths absolute, inputs resolved) to a
// temporary file and lets `read` put it into the panel.
bool load(MainWindow &window, ConfigKind kind, const std::function<bool(const QString &)> &read)
{
    project::Project *project = openProject(window);
    if (!project)
        return false;
    try {
        const auto stored = project->config(kind);
        if (!stored) {
            explain(window, MainWindow::tr("Nothing to load"),
                    MainWindow::tr("The project has no %1 yet. Store one from the panel first.")
                        .arg(project::configKindName(kind)));
            return false;
        }
        QTemporaryFile file(QDir::temp().filePath(QStringLiteral("riskatlas-XXXXXX.json")));
        if (!file.open() ||
            file.write(project::resolveConfigPaths(stored->json, *project).toJson()) < 0)
            throw ProcessingError({file.fileName()}, file.errorString());
        file.close();
        return read(file.fileName());
    } catch (const Error &error) {
        explain(window, MainWindow::tr("Cannot load the configuration"), error.formatted());
        return false;
    }
}

} // namespace

QJsonValue relativeToFolder(const QJsonValue &value, const QString &folder)
{
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = relativeToFolder(it.value(), folder);
        return object;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array[i] = relativeToFolder(array.at(i), folder);
        return array;
    }
    if (!value.isString())
        return value;
    const QString text = value.toString();
    const qsizetype bar = text.indexOf(u'|');
    const QString file = bar < 0 ? text : text.left(bar);
    const QDir dir(folder);
    const QString base = QDir::cleanPath(dir.absolutePath()) + u'/';
    if (!QDir::isAbsolutePath(file) || !QFileInfo::exists(file) ||
        !QDir::cleanPath(file).startsWith(base))
        return value;
    return QString(dir.relativeFilePath(QDir::cleanPath(file)) +
                   (bar < 0 ? QString() : text.mid(bar)));
}

void linkPanelsToProject(MainWindow &window, const WorkflowPanels &panels, QMenu *menu)
{
    menu->addSeparator();
    QAction *storeModel = menu->addAction(MainWindow::tr("Store the model in the project"));
    QAction *loadModel = menu->addAction(MainWindow::tr("Load the project's model"));
    QAction *storeConfig =
        menu->addAction(MainWindow::tr("Store the enterprise configuration in the project"));
    QAction *loadConfig =
        menu->addAction(MainWindow::tr("Load the project's enterprise configuration"));
    storeModel->setObjectName(QStringLiteral("storeModelInProject"));
    loadModel->setObjectName(QStringLiteral("loadModelFromProject"));
    storeConfig->setObjectName(QStringLiteral("storeEnterpriseConfigInProject"));
    loadConfig->setObjectName(QStringLiteral("loadEnterpriseConfigFromProject"));
    storeModel->setStatusTip(
        MainWindow::tr("The five-colour panel's model becomes the project's five_colour_model."));
    storeConfig->setStatusTip(MainWindow::tr(
        "The enterprise panel's configuration becomes the project's enterprise_config."));

    FiveColourPanel *fiveColour = panels.fiveColour;
    EnterprisePanel *enterprises = panels.enterprises;
    QObject::connect(storeModel, &QAction::triggered, &window, [&window, fiveColour] {
        store(window, ConfigKind::FiveColourModel,
              [fiveColour](const QString &path) { return fiveColour->saveModel(path); });
    });
    QObject::connect(loadModel, &QAction::triggered, &window, [&window, fiveColour] {
        load(window, ConfigKind::FiveColourModel,
             [fiveColour](const QString &path) { return fiveColour->loadModel(path); });
    });
    QObject::connect(storeConfig, &QAction::triggered, &window, [&window, enterprises] {
        store(window, ConfigKind::EnterpriseConfig,
              [enterprises](const QString &path) { return enterprises->saveConfig(path); });
    });
    QObject::connect(loadConfig, &QAction::triggered, &window, [&window, enterprises] {
        load(window, ConfigKind::EnterpriseConfig,
             [enterprises](const QString &path) { return enterprises->loadConfig(path); });
    });

    const QList<QAction *> actions{storeModel, loadModel, storeConfig, loadConfig};
    auto enable = [&window, actions] {
        const bool open = openProject(window) != nullptr;
        for (QAction *action : actions)
            action->setEnabled(open);
    };
    QObject::connect(window.project(), &ProjectController::stateChanged, &window, enable);
    enable();
}

} // namespace riskatlas::desktop
