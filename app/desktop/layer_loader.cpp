// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/layer_loader.h"

#include "desktop/layer_drawing.h"

#include "core/crs/coordinate_transform.h"
#include "core/error.h"
#include "core/feedback.h"
#include "core/io/dataset_path.h"
#include "core/io/layer_reader.h"
#include "core/model/vector_layer.h"

#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace riskatlas::desktop {

namespace {

struct LoadResult
{
    enum class Outcome { Loaded, Failed, Cancelled, ChooseLayer };
    Outcome outcome = Outcome::Failed;
    std::shared_ptr<LoadedLayer> layer;
    QString message;
    bool badInput = false;
    QStringList layerNames;
};

} // namespace

struct LayerLoader::Job
{
    QString pathSpec;
    std::shared_ptr<Feedback> feedback = std::make_shared<Feedback>();
    /// Child of the loader; deleted later, never inside its own finished() signal.
    QFutureWatcher<std::shared_ptr<LoadResult>> *watcher = nullptr;
};

namespace {

// Formats that can hold more than one layer; single-layer formats skip the extra open.
bool mayHoldSeveralLayers(const QString &suffix)
{
    static const QStringList suffixes = {QStringLiteral("gpkg"), QStringLiteral("gdb"),
                                         QStringLiteral("zip"),  QStringLiteral("kml"),
                                         QStringLiteral("kmz"),  QStringLiteral("sqlite"),
                                         QStringLiteral("xlsx")};
    return suffixes.contains(suffix);
}

// Every feature is reprojected on its own so that one point outside PROJ's domain costs that
// feature, not the layer; the note tells the user how many were left out.
void reprojectInto(model::VectorLayer &layer, const crs::Crs &mapCrs, Feedback &feedback,
                   QStringList &notes)
{
    feedback.setStep(LayerLoader::tr("reprojecting"));
    const crs::CoordinateTransform transform(layer.crs, mapCrs);
    if (!transform.isIdentity()) {
        qint64 failed = 0;
        const std::size_t total = layer.features.size();
        for (std::size_t i = 0; i < total; ++i) {
            if (i % 256 == 0) {
                feedback.throwIfCanceled();
                feedback.setProgress(100.0 * double(i) / double(total));
            }
            model::Feature &feature = layer.features[i];
            try {
                feature.wkb = transform.transformWkb(feature.wkb);
            } catch (const ProcessingError &) {
                feature.wkb.clear();
                ++failed;
            }
        }
        notes.append(LayerLoader::tr("Reprojected from %1 to the map's %2.")
                         .arg(layer.crs.authId(), mapCrs.authId()));
        if (failed > 0) {
            notes.append(LayerLoader::tr("%n feature(s) could not be reprojected and are not "
                                         "drawn.",
                                         nullptr, int(failed)));
        }
    }
    layer.crs = mapCrs;
}

std::shared_ptr<LoadResult>
readInBackground(const QString &pathSpec, const std::optional<crs::Crs> &mapCrs, Feedback &feedback)
{
    auto result = std::make_shared<LoadResult>();
    using Outcome = LoadResult::Outcome;
    try {
        const io::DatasetPath source = io::DatasetPath::parse(pathSpec);
        if (source.layerName.isEmpty() && !source.layerIndex &&
            mayHoldSeveralLayers(source.suffix())) {
            QStringList names;
            try {
                names = io::listLayers(source.path);
            } catch (const InputError &) {
                // readLayer() below says what is wrong with the file, in more detail.
            }
            if (names.size() > 1) {
                result->outcome = Outcome::ChooseLayer;
                result->layerNames = names;
                return result;
            }
        }

        io::ReadReport report;
        model::VectorLayer layer = io::readLayer(pathSpec, {}, &report, &feedback);
        auto loaded = std::make_shared<LoadedLayer>();
        loaded->pathSpec = pathSpec;
        loaded->sourceCrs = layer.crs;
        loaded->notes = report.fileRepairs;
        if (report.geometry.repaired > 0) {
            loaded->notes.append(LayerLoader::tr("%n invalid geometry(s) repaired.", nullptr,
                                                 int(report.geometry.repaired)));
        }
        if (report.geometry.dropped > 0) {
            loaded->notes.append(LayerLoader::tr("%n empty or collapsed geometry(s) left out.",
                                                 nullptr, int(report.geometry.dropped)));
        }

        if (mapCrs && mapCrs->isValid() && layer.crs.isValid()) {
            reprojectInto(layer, *mapCrs, feedback, loaded->notes);
        } else if (mapCrs && mapCrs->isValid() != layer.crs.isValid()) {
            loaded->notes.append(LayerLoader::tr("The layer or the map has no coordinate "
                                                 "reference system: it is drawn without "
                                                 "reprojection and may not line up."));
        }

        feedback.setStep(LayerLoader::tr("preparing to draw"));
        loaded->drawing = std::make_shared<const LayerDrawing>(buildLayerDrawing(layer, &feedback));
        if (loaded->drawing->malformed > 0) {
            loaded->notes.append(LayerLoader::tr("%n geometry(s) could not be decoded and are "
                                                 "not drawn.",
                                                 nullptr, int(loaded->drawing->malformed)));
        }
        loaded->layer = std::make_shared<const model::VectorLayer>(std::move(layer));
        result->outcome = Outcome::Loaded;
        result->layer = std::move(loaded);
    } catch (const CancelledError &) {
        result->outcome = Outcome::Cancelled;
    } catch (const Error &error) {
        result->message = error.formatted();
        result->badInput = error.kind() == ErrorKind::BadInput;
    } catch (const std::bad_alloc &) {
        result->message = LayerLoader::tr("%1: not enough memory to open it.").arg(pathSpec);
    } catch (const std::exception &error) {
        // Not a riskatlas::Error: a bug or a library failure. Say so rather than crash.
        result->message = LayerLoader::tr("%1: unexpected failure: %2")
                              .arg(pathSpec, QString::fromLocal8Bit(error.what()));
    } catch (...) {
        result->message = LayerLoader::tr("%1: unexpected failure.").arg(pathSpec);
    }
    if (result->outcome == Outcome::Failed) {
        // Every message must name the file, even one from deep inside a library.
        const QString fileName = QFileInfo(pathSpec.section(u'|', 0, 0)).fileName();
        if (!result->message.contains(fileName))
            result->message = pathSpec + QStringLiteral(": ") + result->message;
    }
    return result;
}

} // namespace

LayerLoader::LayerLoader(QObject *parent)
    : QObject(parent)
{}

LayerLoader::~LayerLoader()
{
    m_queue.clear();
    if (m_current) {
        // The worker uses GDAL and the Feedback until it returns; never leave it running
        // behind a destroyed window (or an exiting application).
        m_current->feedback->cancel();
        m_current->watcher->disconnect(this);
        m_current->watcher->waitForFinished();
    }
}

void LayerLoader::load(const QString &pathSpec)
{
    m_queue.enqueue(pathSpec);
    if (!m_current)
        startNext();
}

QString LayerLoader::currentPathSpec() const
{
    return m_current ? m_current->pathSpec : QString();
}

double LayerLoader::progress() const
{
    return m_current ? m_current->feedback->progress() : 0.0;
}

QString LayerLoader::step() const
{
    return m_current ? m_current->feedback->step() : QString();
}

void LayerLoader::cancel()
{
    m_queue.clear();
    if (m_current)
        m_current->feedback->cancel();
}

void LayerLoader::startNext()
{
    if (m_queue.isEmpty()) {
        Q_EMIT idle();
        return;
    }
    m_current = std::make_unique<Job>();
    m_current->pathSpec = m_queue.dequeue();
    m_current->watcher = new QFutureWatcher<std::shared_ptr<LoadResult>>(this);
    connect(m_current->watcher, &QFutureWatcherBase::finished, this, &LayerLoader::jobFinished);
    Q_EMIT started(m_current->pathSpec);
    m_current->watcher->setFuture(QtConcurrent::run(
        [pathSpec = m_current->pathSpec, mapCrs = m_mapCrs, feedback = m_current->feedback]() {
            return readInBackground(pathSpec, mapCrs, *feedback);
        }));
}

void LayerLoader::jobFinished()
{
    const std::unique_ptr<Job> job = std::move(m_current);
    job->watcher->deleteLater();
    const std::shared_ptr<LoadResult> result = job->watcher->result();
    // A read cancelled after it had finished (its result already queued to this thread) is
    // still cancelled: delivering it would hand a stale layer to whoever queued the same
    // path again since (a project reloaded after a run).
    if (job->feedback->isCanceled())
        result->outcome = LoadResult::Outcome::Cancelled;
    switch (result->outcome) {
    case LoadResult::Outcome::Loaded:
        Q_EMIT loaded(result->layer);
        break;
    case LoadResult::Outcome::Failed:
        Q_EMIT failed(job->pathSpec, result->message, result->badInput);
        break;
    case LoadResult::Outcome::Cancelled:
        Q_EMIT cancelled(job->pathSpec);
        break;
    case LoadResult::Outcome::ChooseLayer:
        Q_EMIT layerChoiceNeeded(job->pathSpec, result->layerNames);
        break;
    }
    // Slots above may have queued more (a layer choice) or changed the map CRS for the next.
    if (!m_current)
        startNext();
}

} // namespace riskatlas::desktop
