// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/crs/crs.h"

#include <QFutureWatcher>
#include <QObject>
#include <QQueue>
#include <QStringList>

#include <memory>
#include <optional>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::model {
struct VectorLayer;
}

namespace riskatlas::desktop {

struct LayerDrawing;

/// A layer read from disk and made ready to draw.
struct LoadedLayer
{
    QString pathSpec;
    /// In the map CRS requested when the read started (or its own when there was none).
    std::shared_ptr<const model::VectorLayer> layer;
    std::shared_ptr<const LayerDrawing> drawing;
    /// The layer's CRS as stored in its source, before any reprojection.
    crs::Crs sourceCrs;
    /// Non-fatal things the user should know (reprojection, skipped geometries, repairs).
    QStringList notes;
};

/// Reads layers with io::readLayer() on a worker thread (QtConcurrent), one at a time in the
/// order asked, reprojects them into the map CRS and decodes their geometries for drawing,
/// so the UI never blocks on a large file. Sources holding several layers (a GeoPackage,
/// a zip of shapefiles) are not guessed at: layerChoiceNeeded() asks which to open.
///
/// Lives on the UI thread; its signals are emitted there. Destroying it cancels the running
/// read and waits for the worker to stop.
class LayerLoader : public QObject
{
    Q_OBJECT

public:
    explicit LayerLoader(QObject *parent = nullptr);
    ~LayerLoader() override;

    /// Queues `pathSpec` (`PATH` or `PATH|layername=NAME`). Loaded layers are reprojected into
    /// the map CRS current when their read starts (see setMapCrs()).
    void load(const QString &pathSpec);
    /// The CRS layers are reprojected into: nullopt while the map is empty (a layer keeps its
    /// own CRS and so sets the map's); an invalid Crs for a map without one (layers are drawn
    /// as they are, with a note).
    void setMapCrs(const std::optional<crs::Crs> &mapCrs) { m_mapCrs = mapCrs; }

    bool isBusy() const { return m_current != nullptr; }
    QString currentPathSpec() const;
    /// Progress of the running read, 0–100, and the name of its step; safe to poll.
    double progress() const;
    QString step() const;

public Q_SLOTS:
    /// Cancels the running read and drops the queued ones.
    void cancel();

Q_SIGNALS:
    void started(const QString &pathSpec);
    void loaded(const std::shared_ptr<const riskatlas::desktop::LoadedLayer> &layer);
    /// `message` is the error as the CLI prints it (riskatlas::Error::formatted()): it names
    /// the file, and the layer and row when known.
    void failed(const QString &pathSpec, const QString &message, bool badInput);
    void cancelled(const QString &pathSpec);
    /// `path` holds several layers; call load() with `path|layername=NAME` for those wanted.
    void layerChoiceNeeded(const QString &path, const QStringList &layerNames);
    /// Nothing is running or queued any more.
    void idle();

private:
    struct Job;

    void startNext();
    void jobFinished();

    QQueue<QString> m_queue;
    std::optional<crs::Crs> m_mapCrs;
    std::unique_ptr<Job> m_current;
};

} // namespace riskatlas::desktop
