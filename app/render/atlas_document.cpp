// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "render/atlas_document.h"

#include "core/crs/coordinate_transform.h"
#include "core/error.h"
#include "core/feedback.h"
#include "core/geos/geos_context.h"
#include "core/io/layer_reader.h"
#include "core/overlay/dissolve.h"
#include "core/overlay/metric_inputs.h"
#include "core/overlay/raster_zonal.h"
#include "core/overlay/zonal_summary.h"
#include "render/graticule.h"
#include "render/pdf_g4_masks.h"
#include "render/pdf_mask_splice.h"
#include "render/pdf_stencil_masks.h"
#include "render/pdf_text_repair.h"

#include <QBuffer>
#include <QDate>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QThread>

#include <cmath>
#include <deque>
#include <future>
#include <map>

namespace riskatlas::render {

namespace {

bool isListOfStrings(const QJsonArray &array)
{
    for (const QJsonValue &item : array) {
        if (!item.isString())
            return false;
    }
    return true;
}

constexpr double PointsPerMm = 72.0 / 25.4;

QRectF toPoints(const QRectF &mm)
{
    return QRectF(mm.x() * PointsPerMm, mm.y() * PointsPerMm, mm.width() * PointsPerMm,
                  mm.height() * PointsPerMm);
}

QPointF toPoints(const QPointF &mm)
{
    return mm * PointsPerMm;
}

int fieldIndex(const model::VectorLayer &layer, const QString &name)
{
    for (qsizetype i = 0; i < layer.fields.size(); ++i) {
        if (layer.fields[i].name == name)
            return int(i);
    }
    return -1;
}

std::vector<double> column(const model::VectorLayer &result, const QString &name)
{
    std::vector<double> values(result.features.size(), 0.0);
    const int index = fieldIndex(result, name);
    if (index < 0)
        return values; // a class that occurs nowhere has no column: 0 everywhere
    for (std::size_t i = 0; i < result.features.size(); ++i)
        values[i] = result.features[i].attributes.value(index).toDouble();
    return values;
}

QString formatNumber(double value, int decimals)
{
    // Thousands separated by a thin space, as Chinese statistical tables often do with commas.
    QString text = QString::number(value, 'f', decimals);
    const qsizetype dot = text.indexOf(u'.');
    qsizetype end = dot < 0 ? text.size() : dot;
    const qsizetype start = text.startsWith(u'-') ? 1 : 0;
    for (qsizetype i = end - 3; i > start; i -= 3)
        text.insert(i, u',');
    return text;
}

// A hex digest in groups of 16, so that it wraps at a group and stays easy to compare.
QString hashGroups(const QString &hex)
{
    QStringList groups;
    for (qsizetype i = 0; i < hex.size(); i += 16)
        groups.append(hex.mid(i, 16));
    return groups.join(u' ');
}

// A nice grid interval (1, 2 or 5 × 10^n) giving about `target` lines over `span`.
double niceInterval(double span, int target)
{
    const double raw = span / target;
    const double decade = std::pow(10.0, std::floor(std::log10(raw)));
    for (double step : {1.0, 2.0, 5.0, 10.0}) {
        if (step * decade >= raw)
            return step * decade;
    }
    return 10 * decade;
}

} // namespace

AtlasDocument::AtlasDocument(AtlasConfig config, Feedback *feedback)
    : m_config(std::move(config))
    , m_layout(loadPageLayout(m_config.layout))
{
    m_date = m_config.date.isEmpty() ? QDate::currentDate().toString(Qt::ISODate) : m_config.date;

    // Read every layer once; the coverage goes first so that the metric CRS is its zone.
    std::vector<model::VectorLayer> layers;
    std::vector<const AtlasLayerConfig *> configs;
    const AtlasLayerConfig *coverageConfig = m_config.layer(m_config.coverageLayer);
    configs.push_back(coverageConfig);
    for (const AtlasLayerConfig &layer : m_config.layers) {
        if (&layer != coverageConfig)
            configs.push_back(&layer);
    }
    // All at once: a reader spends much of its time on one core (SQLite, GDAL), and a county's
    // layers are of very different sizes. The first error in configuration order is thrown;
    // the futures of std::async wait for their tasks when destroyed, so none outlives this.
    if (feedback)
        feedback->setStep(QStringLiteral("reading %1 layers").arg(configs.size()));
    std::vector<std::future<model::VectorLayer>> reading;
    for (const AtlasLayerConfig *layer : configs)
        reading.push_back(std::async(std::launch::async, [layer, feedback] {
            return io::readLayer(layer->source, {}, nullptr, feedback);
        }));
    for (std::future<model::VectorLayer> &layer : reading)
        layers.push_back(layer.get());
    std::vector<model::VectorLayer *> pointers;
    for (model::VectorLayer &layer : layers)
        pointers.push_back(&layer);
    if (feedback)
        feedback->setStep(QStringLiteral("reprojecting"));
    m_metricCrs = overlay::reprojectToMetric(pointers, {}, feedback);

    const model::VectorLayer &coverage = layers.front();
    const int nameIndex = fieldIndex(coverage, m_config.coverageNameField);
    if (nameIndex < 0)
        throw InputError({coverage.sourcePath, coverage.name},
                         QStringLiteral("coverage.name_field: the layer has no field \"%1\"")
                             .arg(m_config.coverageNameField));
    for (const model::Feature &feature : coverage.features) {
        std::optional<DrawableGeometry> geometry = parseWkb(feature.wkb);
        if (!geometry || geometry->areas.isEmpty())
            throw InputError(
                {coverage.sourcePath, coverage.name, feature.fid, QStringLiteral("fid")},
                QStringLiteral("a coverage unit must be a polygon"));
        const QString name = feature.attributes.value(nameIndex).toString();
        m_units.push_back(
            {name.isEmpty() ? QStringLiteral("#%1").arg(feature.fid) : name, std::move(*geometry)});
        if (m_units.size() == 1)
            m_extent = m_units.back().geometry.bounds;
        else
            m_extent.include(m_units.back().geometry.bounds);
    }
    if (m_units.empty())
        throw InputError({coverage.sourcePath, coverage.name},
                         QStringLiteral("the coverage layer has no units"));

    // Drawing layers in the configuration's order (the draw order is by role), and the layers
    // the statistics read.
    std::map<QString, const model::VectorLayer *> byId;
    for (std::size_t i = 0; i < configs.size(); ++i)
        byId[configs[i]->id] = &layers[i];

    // The table's rows, each from the core zonal functions on the metric layers. The
    // statistics are computed at the same time, each on its own thread: a county has a few
    // dozen units, fewer than a zonal summary's chunk, so each alone keeps one core busy.
    const std::size_t unitCount = m_units.size();
    auto statisticRows = [&](std::size_t s) {
        std::vector<StatisticRow> rows;
        const AtlasStatistic &statistic = m_config.statistics[s];
        if (feedback) {
            feedback->throwIfCanceled();
            // A per-class label is a template ("%1风险区"); the step covers all its classes.
            feedback->setStep(QStringLiteral("statistics: %1")
                                  .arg(QString(statistic.label)
                                           .replace(QStringLiteral("%1"), QStringLiteral("…"))));
            feedback->setProgress(50.0 + 50.0 * double(s) / double(m_config.statistics.size()));
        }
        auto addRow = [&](const QString &label, std::vector<double> values) {
            StatisticRow row{label, statistic.decimals, std::move(values), 0.0};
            for (double v : row.values)
                row.total += v;
            rows.push_back(std::move(row));
        };
        auto classLabel = [&](const QString &name) {
            return statistic.label.contains(QLatin1String("%1"))
                       ? statistic.label.arg(name)
                       : statistic.label + QStringLiteral(" ") + name;
        };
        switch (statistic.kind) {
        case AtlasStatistic::Kind::Area: {
            geos::Context context;
            std::vector<double> values;
            for (const model::Feature &feature : coverage.features)
                values.push_back(overlay::wkbArea(context, feature.wkb) / 1e6);
            addRow(statistic.label, std::move(values));
            break;
        }
        case AtlasStatistic::Kind::RasterSum: {
            overlay::RasterZonalOptions options;
            options.statistics = {overlay::RasterStatistic::Sum};
            options.feedback = feedback;
            overlay::RasterZonalReport report;
            const model::VectorLayer result =
                overlay::rasterZonalSummary(coverage, statistic.raster, options, &report);
            addRow(statistic.label, column(result, report.addedFields.value(0)));
            break;
        }
        case AtlasStatistic::Kind::Count: {
            overlay::ZonalOptions options;
            options.statistics = {overlay::ZonalStatistic::Count};
            options.assignment = overlay::PolygonAssignment::PointOnSurface;
            options.metricCrs = m_metricCrs;
            options.feedback = feedback;
            overlay::ZonalReport report;
            const model::VectorLayer result =
                overlay::zonalSummary(coverage, *byId[statistic.layer], options, &report);
            addRow(statistic.label, column(result, report.addedFields.value(0)));
            break;
        }
        case AtlasStatistic::Kind::CountByLevel: {
            const model::VectorLayer &source = *byId[statistic.layer];
            const int levelIndex = fieldIndex(source, statistic.field);
            if (levelIndex < 0)
                throw InputError({source.sourcePath, source.name},
                                 QStringLiteral("statistics: the layer has no field \"%1\"")
                                     .arg(statistic.field));
            const style::Palette palette = style::loadPalette(statistic.palette);
            for (const style::PaletteClass &cls : palette.classes) {
                model::VectorLayer subset = source;
                subset.features.clear();
                for (const model::Feature &feature : source.features) {
                    bool ok = false;
                    if (feature.attributes.value(levelIndex).toInt(&ok) == cls.level && ok)
                        subset.features.push_back(feature);
                }
                std::vector<double> values(unitCount, 0.0);
                if (!subset.features.empty()) {
                    overlay::ZonalOptions options;
                    options.statistics = {overlay::ZonalStatistic::Count};
                    options.assignment = overlay::PolygonAssignment::PointOnSurface;
                    options.metricCrs = m_metricCrs;
                    options.feedback = feedback;
                    overlay::ZonalReport report;
                    // Two statements: the field name exists only once zonalSummary has run,
                    // and the order in which a call's arguments are evaluated is unspecified.
                    const model::VectorLayer counted =
                        overlay::zonalSummary(coverage, subset, options, &report);
                    values = column(counted, report.addedFields.value(0));
                }
                addRow(classLabel(cls.name), std::move(values));
            }
            break;
        }
        case AtlasStatistic::Kind::ClassArea: {
            const style::Palette palette = style::loadPalette(statistic.palette);
            overlay::ZonalOptions options;
            options.statistics = {overlay::ZonalStatistic::ClassArea};
            options.field = statistic.field;
            options.metricCrs = m_metricCrs;
            options.feedback = feedback;
            overlay::ZonalReport report;
            const model::VectorLayer result =
                overlay::zonalSummary(coverage, *byId[statistic.layer], options, &report);
            for (const style::PaletteClass &cls : palette.classes) {
                std::vector<double> values =
                    column(result, QStringLiteral("area_%1").arg(cls.level));
                for (double &v : values)
                    v /= 1e6;
                addRow(classLabel(cls.name), std::move(values));
            }
            break;
        }
        }
        return rows;
    };
    std::vector<std::future<std::vector<StatisticRow>>> computing;
    for (std::size_t s = 0; s < m_config.statistics.size(); ++s)
        computing.push_back(std::async(std::launch::async, statisticRows, s));

    // The layers as drawn, on this thread while the statistics are computed: both only read
    // the metric layers.
    for (const AtlasLayerConfig &layer : m_config.layers) {
        if (feedback) {
            feedback->throwIfCanceled();
            feedback->setStep(QStringLiteral("preparing %1").arg(layer.id));
        }
        const double labelPt = layer.labelField.isEmpty() ? 0
                               : layer.labelPt > 0        ? layer.labelPt
                                                          : m_layout.labelPt;
        m_layers.push_back(buildMapLayer(*byId[layer.id], layer.id, layer.title, layer.role,
                                         layer.style, layer.labelField, labelPt, layer.asImage,
                                         feedback));
    }
    for (const MapLayer &layer : m_layers) {
        if (layer.id == m_config.coverageLayer)
            m_coverage = &layer;
    }

    for (auto &rows : computing) {
        for (StatisticRow &row : rows.get())
            m_statistics.push_back(std::move(row));
    }

    // Notes: sources, CRS, date, parameters and their hash, software.
    QStringList sources = m_config.sources;
    if (sources.isEmpty()) {
        for (const AtlasLayerConfig &layer : m_config.layers) {
            const QString file = QFileInfo(layer.source.section(u'|', 0, 0)).fileName();
            QString part = file;
            if (layer.source.contains(QLatin1String("layername=")))
                part += QStringLiteral("（") +
                        layer.source.section(QLatin1String("layername="), 1) + QStringLiteral("）");
            if (!sources.contains(part))
                sources.append(part);
        }
    }
    // key = value pairs, so that the line can wrap between them.
    QStringList pairs;
    for (auto it = m_config.parameters.begin(); it != m_config.parameters.end(); ++it) {
        const QJsonValue value = it.value();
        QString text;
        if (value.isString())
            text = value.toString();
        else if (value.isArray() && isListOfStrings(value.toArray()))
            // A list of sentences (e.g. the planner overrides a run adds) reads as text.
            text = value.toVariant().toStringList().join(QStringLiteral("，"));
        else if (value.isArray())
            text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
        else if (value.isObject())
            text =
                QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        else
            text = value.toVariant().toString();
        pairs.append(it.key() + QStringLiteral(" = ") + text);
    }
    const QString parameters = pairs.join(QStringLiteral("；"));
    m_notes = QStringLiteral("数据来源：") + sources.join(QStringLiteral("；")) +
              QStringLiteral("\n坐标系：") + m_metricCrs.name() + QStringLiteral("（") +
              m_metricCrs.authId() + QStringLiteral("）\n制图日期：") + m_date +
              QStringLiteral("\n模型参数：") + parameters + QStringLiteral("\n参数 SHA-256：") +
              hashGroups(m_config.parametersHash()) + QStringLiteral("\n制图软件：RiskAtlas ") +
              QStringLiteral(RISKATLAS_VERSION);

    // Pages.
    m_pages.push_back({PageKind::Cover, -1, 0, m_config.title});
    const int contentsEntries = int(m_units.size()) + 1;
    const int contentsPages = (contentsEntries + contentsPerPage() - 1) / contentsPerPage();
    for (int i = 0; i < contentsPages; ++i)
        m_pages.push_back({PageKind::Contents, -1, i, QStringLiteral("目录")});
    m_pages.push_back({PageKind::Overview, -1, 0, QStringLiteral("全域总览图")});
    for (std::size_t i = 0; i < m_units.size(); ++i)
        m_pages.push_back({PageKind::Unit, int(i), 0, m_units[i].name});

    // The graticule of every map page, through one transformation to lon/lat.
    m_graticules.resize(m_pages.size());
    try {
        const crs::CoordinateTransform toGeographic(m_metricCrs, crs::Crs::fromEpsg(4490));
        for (std::size_t i = 0; i < m_pages.size(); ++i) {
            const MapTransform transform = mapTransform(int(i));
            if (transform.isValid())
                m_graticules[i] = computeGraticule(toGeographic, transform);
        }
    } catch (const Error &) {
        // A CRS without a way to CGCS2000 lon/lat: the maps keep their kilometre ticks only.
    }
    if (feedback)
        feedback->setProgress(100.0);
}

QStringList AtlasDocument::unitNames() const
{
    QStringList names;
    for (const Unit &unit : m_units)
        names.append(unit.name);
    return names;
}

int AtlasDocument::contentsPerPage() const
{
    // Rows 7 mm apart between a 40 mm heading block and the page number.
    return std::max(5, int((m_layout.pageSizeMm().height() - 60.0) / 7.0));
}

QFont AtlasDocument::font(double pointSize, bool bold) const
{
    QFont font(m_layout.fontFamily);
    if (!m_layout.latinFamily.isEmpty())
        font.setFamilies({m_layout.latinFamily, m_layout.fontFamily});
    font.setPointSizeF(pointSize);
    font.setBold(bold);
    // No Latin ligatures: "ff" in a hash or "fl" in "flood" must come back from the PDF as two
    // letters, not as U+FB00/U+FB02. Chinese needs no shaping.
    font.setStyleStrategy(QFont::StyleStrategy(QFont::PreferAntialias | QFont::PreferNoShaping));
    return font;
}

MapTransform AtlasDocument::mapTransform(int index) const
{
    const Page &p = page(index);
    MapTransform transform;
    const QRectF frame = toPoints(m_layout.map);
    transform.setViewportSize(
        QSize(int(std::round(frame.width())), int(std::round(frame.height()))));
    if (p.kind == PageKind::Unit)
        transform.zoomToExtent(m_units[std::size_t(p.unit)].geometry.bounds, 0.06);
    else if (p.kind == PageKind::Overview)
        transform.zoomToExtent(m_extent, 0.03);
    else
        return {};
    // A round scale (1:70 000 rather than 1:66 131), as printed maps state it: the fitted
    // scale rounded up to a multiple of half its power of ten, so the unit still fits.
    const double fitted = transform.scale() / (0.0254 / 72.0);
    const double step = std::pow(10.0, std::floor(std::log10(fitted))) / 2.0;
    transform.setScale(std::ceil(fitted / step - 1e-9) * step * (0.0254 / 72.0));
    return transform;
}

double AtlasDocument::scaleDenominator(int index) const
{
    const MapTransform transform = mapTransform(index);
    if (!transform.isValid())
        return 0;
    // Ground metres per point of paper over metres per point.
    return transform.scale() / (0.0254 / 72.0);
}

ScaleBarSpec AtlasDocument::scaleBar(int index) const
{
    return niceScaleBar(scaleDenominator(index), m_layout.scaleBarMaxWidth);
}

std::vector<DenseImage> AtlasDocument::rasteriseDenseLayers(int index, double imageDpi,
                                                            bool encodeForPdf) const
{
    std::vector<DenseImage> images;
    const PageKind kind = page(index).kind;
    if (kind != PageKind::Overview && kind != PageKind::Unit)
        return images;
    const MapTransform transform = mapTransform(index);
    const QSizeF frame = toPoints(m_layout.map).size();
    for (const MapLayer &layer : m_layers) {
        if (layer.asImage)
            images.push_back(rasteriseDenseLayer(layer, transform, frame, imageDpi));
    }
    if (encodeForPdf) {
        for (DenseImage &image : images) {
            for (DenseImage::Tile &tile : image.tiles)
                tile.pdfMask = encodeStencilMask(tile.image, m_config.jbig2Masks
                                                                 ? StencilMaskCodecs::G4AndJbig2
                                                                 : StencilMaskCodecs::G4);
        }
    }
    return images;
}

void AtlasDocument::paintPage(QPainter &painter, int index, double lineScale, double imageDpi,
                              const std::vector<DenseImage> *dense,
                              std::vector<EncodedStencilMask> *pdfMasks) const
{
    const Page &p = page(index);
    painter.save();
    switch (p.kind) {
    case PageKind::Cover:
        paintCover(painter);
        break;
    case PageKind::Contents:
        paintContents(painter, p.contents);
        break;
    case PageKind::Overview:
    case PageKind::Unit:
        paintMapPage(painter, index, lineScale, imageDpi, dense, pdfMasks);
        break;
    }
    if (p.kind != PageKind::Cover)
        paintPageNumber(painter, index);
    painter.restore();
}

void AtlasDocument::paintCover(QPainter &painter) const
{
    const QSizeF pageSize = m_layout.pageSizeMm() * PointsPerMm;
    const double w = pageSize.width();
    const double h = pageSize.height();
    painter.setPen(QPen(QColor(160, 20, 20), 2.0));
    painter.drawLine(QPointF(w * 0.12, h * 0.30), QPointF(w * 0.88, h * 0.30));
    painter.drawLine(QPointF(w * 0.12, h * 0.52), QPointF(w * 0.88, h * 0.52));
    painter.setPen(Qt::black);
    painter.setFont(font(m_layout.titlePt * 1.8, true));
    painter.drawText(QRectF(w * 0.08, h * 0.32, w * 0.84, h * 0.12),
                     Qt::AlignCenter | Qt::TextWordWrap, m_config.title);
    if (!m_config.subtitle.isEmpty()) {
        painter.setFont(font(m_layout.titlePt));
        painter.drawText(QRectF(w * 0.08, h * 0.44, w * 0.84, h * 0.07), Qt::AlignCenter,
                         m_config.subtitle);
    }
    painter.setFont(font(m_layout.headingPt * 1.4));
    painter.drawText(QRectF(0, h * 0.74, w, h * 0.04), Qt::AlignCenter,
                     QStringLiteral("编制单位：") + m_config.producer);
    painter.drawText(QRectF(0, h * 0.78, w, h * 0.04), Qt::AlignCenter,
                     QStringLiteral("编制日期：") + m_date);
}

void AtlasDocument::paintContents(QPainter &painter, int contentsPage) const
{
    const QSizeF pageSize = m_layout.pageSizeMm() * PointsPerMm;
    const double left = 30 * PointsPerMm;
    const double right = pageSize.width() - 30 * PointsPerMm;
    painter.setPen(Qt::black);
    painter.setFont(font(m_layout.titlePt * 1.2, true));
    painter.drawText(QRectF(0, 18 * PointsPerMm, pageSize.width(), 14 * PointsPerMm),
                     Qt::AlignCenter, QStringLiteral("目  录"));
    const QFont entryFont = font(m_layout.headingPt + 1);
    painter.setFont(entryFont);
    const QFontMetricsF metrics(entryFont, painter.device());
    const int perPage = contentsPerPage();
    int row = 0;
    for (int i = 0; i < pageCount(); ++i) {
        const Page &p = page(i);
        if (p.kind != PageKind::Overview && p.kind != PageKind::Unit)
            continue;
        const int entry = row++;
        if (entry / perPage != contentsPage)
            continue;
        const double y = (40 + 7.0 * (entry % perPage)) * PointsPerMm;
        const QString number = QString::number(i + 1);
        painter.drawText(QPointF(left, y), p.title);
        const double numberX = right - metrics.horizontalAdvance(number);
        painter.drawText(QPointF(numberX, y), number);
        // Leader dots between the title and the page number.
        const double dotsFrom = left + metrics.horizontalAdvance(p.title) + 4;
        const double dotsTo = numberX - 4;
        QPen dots(QColor(120, 120, 120), 0.8, Qt::DotLine);
        painter.setPen(dots);
        if (dotsTo > dotsFrom)
            painter.drawLine(QPointF(dotsFrom, y - 2), QPointF(dotsTo, y - 2));
        painter.setPen(Qt::black);
    }
}

void AtlasDocument::paintMapPage(QPainter &painter, int index, double lineScale, double imageDpi,
                                 const std::vector<DenseImage> *dense,
                                 std::vector<EncodedStencilMask> *pdfMasks) const
{
    const Page &p = page(index);
    const bool unitPage = p.kind == PageKind::Unit;
    const QRectF frame = toPoints(m_layout.map);
    const MapTransform transform = mapTransform(index);

    painter.setPen(Qt::black);
    painter.setFont(font(m_layout.titlePt, true));
    const QString title =
        unitPage ? QString(p.title + QStringLiteral(" · ") +
                           (m_config.subtitle.isEmpty() ? m_config.title : m_config.subtitle))
                 : QString(m_config.title + QStringLiteral(" · 全域总览图"));
    painter.drawText(toPoints(m_layout.title), Qt::AlignCenter, title);

    MapRenderOptions options;
    options.lineScale = lineScale;
    options.imageDpi = imageDpi;
    options.labelFont = font(m_layout.labelPt);
    options.denseImages = dense;
    options.pdfMasks = pdfMasks;
    if (unitPage) {
        options.focus = m_units[std::size_t(p.unit)].geometry.areas;
        options.omitLabel = m_units[std::size_t(p.unit)].name;
    }
    std::vector<const MapLayer *> layers;
    for (const MapLayer &layer : m_layers)
        layers.push_back(&layer);

    painter.fillRect(frame, Qt::white);
    LabelPlacer labels(frame.adjusted(2, 2, -2, -2), painter.device());
    // The scale bar and the north arrow stay clear of labels.
    const QPointF bar = toPoints(m_layout.scaleBar);
    labels.block(
        QRectF(bar.x() - 6, bar.y() - 14, (m_layout.scaleBarMaxWidth + 14) * PointsPerMm, 34));
    const QPointF arrow = toPoints(m_layout.northArrow);
    const double arrowSize = m_layout.northArrowSize * PointsPerMm;
    labels.block(
        QRectF(arrow.x() - arrowSize / 2, arrow.y() - arrowSize / 2, arrowSize, arrowSize));
    if (unitPage && m_coverage) {
        // The page's own unit is labelled first, so that no neighbour takes its place.
        QFont unitFont = font(m_layout.labelPt * 1.5, true);
        const Unit &unit = m_units[std::size_t(p.unit)];
        labels.add(unit.name, frame.topLeft() + transform.toDevice(labelPoint(unit.geometry.areas)),
                   unitFont, QColor(20, 20, 20));
    }
    renderMap(painter, frame, transform, layers, options, &labels);
    labels.draw(painter, 1.6);

    // Frame, ticks, scale bar and north arrow over the map.
    painter.setPen(QPen(Qt::black, 0.8));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(frame);
    paintTicks(painter, index, frame, transform);
    const ScaleBarSpec spec = scaleBar(index);
    painter.fillRect(QRectF(bar.x() - 4, bar.y() - 11, spec.pageMm * PointsPerMm + 30, 30),
                     QColor(255, 255, 255, 215));
    drawScaleBar(painter, bar, spec, PointsPerMm, scaleDenominator(index), font(m_layout.smallPt));
    drawNorthArrow(painter, arrow, m_layout.northArrowSize, PointsPerMm,
                   font(m_layout.bodyPt, true));

    paintLegend(painter, unitPage, transform.visibleExtent());
    paintTable(painter, unitPage ? p.unit : -1);
    paintNotes(painter);
}

void AtlasDocument::paintTicks(QPainter &painter, int index, const QRectF &frame,
                               const MapTransform &transform) const
{
    // Gauss-Krüger kilometres at the bottom and left, CGCS2000 degrees and minutes at the top
    // and right, as Chinese topographic maps mark their frames.
    const geometry::Extent view = transform.visibleExtent();
    const double interval = niceInterval(std::max(view.width(), view.height()), 5);
    const QFont tickFont = font(m_layout.smallPt * 0.9);
    painter.setFont(tickFont);
    const QFontMetricsF metrics(tickFont, painter.device());
    const double tick = 1.5 * PointsPerMm;
    painter.setPen(QPen(Qt::black, 0.5));
    auto label = [&](double metres) {
        return QString::number(metres / 1000.0, 'f', interval >= 1000 ? 0 : 1);
    };
    for (double x = std::ceil(view.minX / interval) * interval; x <= view.maxX; x += interval) {
        const double px = frame.left() + transform.toDevice(QPointF(x, view.minY)).x();
        if (px < frame.left() + 1 || px > frame.right() - 1)
            continue;
        painter.drawLine(QPointF(px, frame.bottom()), QPointF(px, frame.bottom() - tick));
        const QString text = label(x);
        painter.drawText(QPointF(px - metrics.horizontalAdvance(text) / 2,
                                 frame.bottom() + metrics.ascent() + 1),
                         text);
    }
    for (double y = std::ceil(view.minY / interval) * interval; y <= view.maxY; y += interval) {
        const double py = frame.top() + transform.toDevice(QPointF(view.minX, y)).y();
        if (py < frame.top() + 1 || py > frame.bottom() - 1)
            continue;
        painter.drawLine(QPointF(frame.left(), py), QPointF(frame.left() + tick, py));
        const QString text = label(y);
        painter.save();
        painter.translate(frame.left() - 1.5, py + metrics.horizontalAdvance(text) / 2);
        painter.rotate(-90);
        painter.drawText(QPointF(0, 0), text);
        painter.restore();
    }
    painter.drawText(QPointF(frame.right() - metrics.horizontalAdvance(QStringLiteral("km")),
                             frame.bottom() + metrics.ascent() + 1),
                     QStringLiteral("km"));

    const Graticule &graticule = m_graticules[std::size_t(index)];
    // A label whose ends would pass the frame's corner is left out, not shifted: its tick
    // would no longer point at it.
    for (const GraticuleTick &t : graticule.top) {
        const double px = frame.left() + t.position;
        const QString text = formatDegreesMinutes(t.degrees, true);
        const double half = metrics.horizontalAdvance(text) / 2;
        if (px - half < frame.left() || px + half > frame.right())
            continue;
        painter.drawLine(QPointF(px, frame.top()), QPointF(px, frame.top() + tick));
        painter.drawText(QPointF(px - half, frame.top() - metrics.descent() - 1), text);
    }
    for (const GraticuleTick &t : graticule.right) {
        const double py = frame.top() + t.position;
        const QString text = formatDegreesMinutes(t.degrees, false);
        const double half = metrics.horizontalAdvance(text) / 2;
        if (py - half < frame.top() || py + half > frame.bottom())
            continue;
        painter.drawLine(QPointF(frame.right(), py), QPointF(frame.right() - tick, py));
        painter.save();
        painter.translate(frame.right() + 1.5 + metrics.ascent(), py + half);
        painter.rotate(-90);
        painter.drawText(QPointF(0, 0), text);
        painter.restore();
    }
}

void AtlasDocument::paintLegend(QPainter &painter, bool unitPage,
                                const geometry::Extent &view) const
{
    const QRectF box = toPoints(m_layout.legend);
    painter.setPen(QPen(QColor(90, 90, 90), 0.6));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(box);
    const QFont heading = font(m_layout.headingPt, true);
    const QFont section = font(m_layout.bodyPt, true);
    const QFont body = font(m_layout.bodyPt);
    const QFontMetricsF headingMetrics(heading, painter.device());
    const double pad = 2 * PointsPerMm;
    painter.setPen(Qt::black);
    painter.setFont(heading);
    painter.drawText(QPointF(box.left() + pad, box.top() + pad + headingMetrics.ascent()),
                     QStringLiteral("图  例"));

    // Items: a section heading (no swatch) or an entry.
    struct Item
    {
        bool isHeading;
        LegendEntry entry;
    };
    std::vector<Item> items;
    for (const MapLayer &layer : m_layers) {
        // A classified layer lists the classes drawn on this page only, in the palette's
        // order; a layer with none on the page is left out. (An empty list would mean all.)
        std::vector<LegendEntry> entries;
        if (layer.style.kind == FeatureStyle::Kind::Categorised) {
            const QList<int> levels = layer.levelsIn(view);
            if (levels.isEmpty())
                continue;
            entries = layer.style.legend(layer.title, levels, layer.isPoint, layer.isLine);
            if (entries.empty())
                continue;
        } else {
            entries = layer.legend();
        }
        if (layer.style.kind != FeatureStyle::Kind::Single)
            items.push_back({true, {QColor(), QColor(), layer.title, false, false}});
        for (const LegendEntry &entry : entries)
            items.push_back({false, entry});
    }
    if (unitPage)
        items.push_back({false,
                         {QColor(235, 235, 235), QColor(160, 160, 160), QStringLiteral("相邻区域"),
                          false, false}});

    const double top = box.top() + pad + headingMetrics.height() + 2;
    const double available = box.bottom() - pad - top;
    double rowHeight = 4.4 * PointsPerMm;
    int columns = 1;
    if (double(items.size()) * rowHeight > available)
        columns = 2;
    // One spare row per extra column: a section heading never ends a column (it moves to
    // the top of the next one, with its entries).
    const int perColumn = int(std::ceil(double(items.size() + std::size_t(columns - 1)) / columns));
    if (perColumn * rowHeight > available)
        rowHeight = available / perColumn;
    const double columnWidth = (box.width() - 2 * pad) / columns;
    const double swatchW = 5.5 * PointsPerMm;
    const double swatchH = std::min(3.2 * PointsPerMm, rowHeight * 0.75);
    painter.setRenderHint(QPainter::Antialiasing);
    int column = 0;
    int row = -1;
    for (std::size_t i = 0; i < items.size(); ++i) {
        ++row;
        const bool orphanHeading = items[i].isHeading && row == perColumn - 1;
        if ((row >= perColumn || orphanHeading) && column + 1 < columns) {
            ++column;
            row = 0;
        }
        const double x = box.left() + pad + column * columnWidth;
        const double y = top + row * rowHeight;
        const Item &item = items[i];
        painter.setPen(Qt::black);
        if (item.isHeading) {
            painter.setFont(section);
            painter.drawText(QRectF(x, y, columnWidth, rowHeight), Qt::AlignVCenter,
                             item.entry.label);
            continue;
        }
        const QRectF swatch(x + 1, y + (rowHeight - swatchH) / 2, swatchW, swatchH);
        const LegendEntry &e = item.entry;
        if (e.isPoint) {
            painter.setPen(QPen(e.stroke, 0.6));
            painter.setBrush(e.fill);
            const double d = std::min(swatchH, 2.4 * PointsPerMm);
            painter.drawEllipse(swatch.center(), d / 2, d / 2);
        } else if (e.isLine) {
            painter.setPen(QPen(e.stroke, 1.0));
            painter.drawLine(QPointF(swatch.left(), swatch.center().y()),
                             QPointF(swatch.right(), swatch.center().y()));
        } else {
            painter.setPen(e.stroke.alpha() > 0 ? QPen(e.stroke, 0.5) : QPen(Qt::NoPen));
            painter.setBrush(e.fill);
            painter.drawRect(swatch);
        }
        painter.setPen(Qt::black);
        painter.setFont(body);
        painter.drawText(QRectF(swatch.right() + 3, y, columnWidth - swatchW - 5, rowHeight),
                         Qt::AlignVCenter, e.label);
    }
}

void AtlasDocument::paintTable(QPainter &painter, int unit) const
{
    const QRectF box = toPoints(m_layout.table);
    painter.setPen(QPen(QColor(90, 90, 90), 0.6));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(box);
    const QString heading = unit >= 0
                                ? QString(m_units[std::size_t(unit)].name + QStringLiteral(" 统计"))
                                : QStringLiteral("全域统计（合计）");
    const int rows = int(m_statistics.size()) + 1;
    double rowHeight = std::min(4.6 * PointsPerMm, box.height() / rows);
    double bodyPt = m_layout.bodyPt;
    if (rowHeight < bodyPt * 1.25)
        bodyPt = rowHeight / 1.25;
    const double pad = 1.5 * PointsPerMm;
    painter.setPen(Qt::black);
    painter.setFont(font(bodyPt, true));
    painter.fillRect(QRectF(box.left(), box.top(), box.width(), rowHeight), QColor(225, 230, 238));
    painter.drawText(QRectF(box.left() + pad, box.top(), box.width() - 2 * pad, rowHeight),
                     Qt::AlignVCenter | Qt::AlignLeft, heading);
    painter.setFont(font(bodyPt));
    for (std::size_t i = 0; i < m_statistics.size(); ++i) {
        const StatisticRow &row = m_statistics[i];
        const double y = box.top() + rowHeight * double(i + 1);
        if (y + rowHeight > box.bottom() + 0.5)
            break;
        painter.setPen(QPen(QColor(200, 200, 200), 0.4));
        painter.drawLine(QPointF(box.left(), y), QPointF(box.right(), y));
        painter.setPen(Qt::black);
        const double value = unit >= 0 ? row.values[std::size_t(unit)] : row.total;
        const QRectF cell(box.left() + pad, y, box.width() - 2 * pad, rowHeight);
        painter.drawText(cell, Qt::AlignVCenter | Qt::AlignLeft, row.label);
        painter.drawText(cell, Qt::AlignVCenter | Qt::AlignRight,
                         formatNumber(value, row.decimals));
    }
}

void AtlasDocument::paintNotes(QPainter &painter) const
{
    const QRectF box = toPoints(m_layout.notes);
    painter.setPen(QPen(QColor(90, 90, 90), 0.6));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(box);
    const double pad = 1.5 * PointsPerMm;
    const QRectF inner = box.adjusted(pad, pad, -pad, -pad);
    painter.setPen(Qt::black);
    painter.setFont(font(m_layout.bodyPt, true));
    const QFontMetricsF headingMetrics(font(m_layout.bodyPt, true), painter.device());
    painter.drawText(inner, Qt::AlignLeft | Qt::AlignTop, QStringLiteral("说明"));
    const QRectF text = inner.adjusted(0, headingMetrics.height() + 1, 0, 0);
    // Shrink the type until the notes fit: a long parameter list must not be cut off.
    double pt = m_layout.smallPt;
    int flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;
    QFont small = font(pt);
    for (; pt > 3.5; pt -= 0.25) {
        small = font(pt);
        const QFontMetricsF metrics(small, painter.device());
        const QRectF needed = metrics.boundingRect(text, flags, m_notes);
        // A word longer than the box (a path, a value) may only then break anywhere.
        if (needed.width() > text.width() + 0.5)
            flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWrapAnywhere;
        if (metrics.boundingRect(text, flags, m_notes).height() <= text.height())
            break;
    }
    painter.setFont(small);
    painter.drawText(text, flags, m_notes);
}

void AtlasDocument::paintPageNumber(QPainter &painter, int index) const
{
    painter.setPen(Qt::black);
    painter.setFont(font(m_layout.bodyPt));
    painter.drawText(toPoints(m_layout.pageNumber), Qt::AlignCenter,
                     QStringLiteral("第 %1 页 / 共 %2 页").arg(index + 1).arg(pageCount()));
}

void AtlasDocument::writePdf(const QString &path, int first, int last, Feedback *feedback) const
{
    if (first < 0 || last >= pageCount() || first > last)
        throw InputError({path}, QStringLiteral("pages %1–%2 are outside 1–%3")
                                     .arg(first + 1)
                                     .arg(last + 1)
                                     .arg(pageCount()));
    // Written to memory first: the text layer is repaired before the file is saved.
    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    std::vector<EncodedStencilMask> masks; // the dense layers' tiles, in drawing order
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(72); // one device unit = one point
        writer.setPageLayout(
            QPageLayout(QPageSize(m_layout.pageSize), m_layout.orientation, QMarginsF(0, 0, 0, 0)));
        writer.setTitle(m_config.title);
        writer.setCreator(QStringLiteral("RiskAtlas ") + QStringLiteral(RISKATLAS_VERSION));
        // Qt 6.4 has no subject setter; the subject goes into the XMP packet (dc:description),
        // which replaces Qt's own, so the title and creator are repeated there.
        const QString subject = m_config.subtitle.isEmpty() ? m_config.title : m_config.subtitle;
        auto escape = [](const QString &text) {
            return text.toHtmlEscaped();
        };
        const QString xmp =
            QStringLiteral("<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>\n"
                           "<x:xmpmeta xmlns:x='adobe:ns:meta/'>\n"
                           "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>\n"
                           "<rdf:Description rdf:about='' "
                           "xmlns:dc='http://purl.org/dc/elements/1.1/' "
                           "xmlns:xmp='http://ns.adobe.com/xap/1.0/' "
                           "xmlns:pdf='http://ns.adobe.com/pdf/1.3/'>\n"
                           "<dc:title><rdf:Alt><rdf:li xml:lang='x-default'>%1</rdf:li>"
                           "</rdf:Alt></dc:title>\n"
                           "<dc:description><rdf:Alt><rdf:li xml:lang='x-default'>%2</rdf:li>"
                           "</rdf:Alt></dc:description>\n"
                           "<dc:creator><rdf:Seq><rdf:li>%3</rdf:li></rdf:Seq></dc:creator>\n"
                           "<xmp:CreatorTool>%4</xmp:CreatorTool>\n"
                           "<pdf:Keywords>%5</pdf:Keywords>\n"
                           "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
                           "<?xpacket end='w'?>")
                .arg(escape(m_config.title), escape(subject), escape(m_config.producer),
                     escape(QStringLiteral("RiskAtlas ") + QStringLiteral(RISKATLAS_VERSION)),
                     escape(QStringLiteral("parameters-sha256:") + m_config.parametersHash()));
        writer.setDocumentXmpMetadata(xmp.toUtf8());
        QPainter painter;
        if (!painter.begin(&writer))
            throw ProcessingError({path}, QStringLiteral("cannot start the PDF"));
        // Images compressed without loss (Flate, not JPEG): the dense-layer images are a flat
        // colour under a 1-bit mask, which JPEG would blur and make larger.
        painter.setRenderHint(QPainter::LosslessImageRendering);
        // The coming pages' dense layers are rasterised and encoded as stencil masks on worker
        // threads, one page each, while this thread paints and Qt's PDF engine
        // (single-threaded) compresses the page before; Qt is handed one-dot placeholders.
        auto rasterise = [this](int index, double dpi) {
            return std::async(std::launch::async, [this, index, dpi] {
                return rasteriseDenseLayers(index, dpi, true);
            });
        };
        const int ahead = std::max(1, QThread::idealThreadCount());
        std::deque<std::future<std::vector<DenseImage>>> coming;
        int queued = first;
        for (int i = first; i <= last; ++i) {
            while (queued <= last && queued < i + ahead)
                coming.push_back(rasterise(queued++, m_config.imageDpi));
            std::vector<DenseImage> dense = coming.front().get();
            coming.pop_front();
            if (feedback) {
                feedback->throwIfCanceled();
                feedback->setStep(QStringLiteral("page %1: %2").arg(i + 1).arg(page(i).title));
                feedback->setProgress(100.0 * double(i - first) / double(last - first + 1));
            }
            if (i > first)
                writer.newPage();
            paintPage(painter, i, 1.0, m_config.imageDpi, &dense, &masks);
        }
        painter.end();
    }
    buffer.close();
    // The masks encoded while painting go in place of their placeholders; then the two
    // in-place rewrites (they keep every byte offset); then, for atlases with large dense
    // layers (AtlasConfig::compactPdf), qpdf writes the file anew with the masks still in Flate
    // tried in CCITT G4 and JBIG2 and the path numbers rounded.
    if (feedback)
        feedback->setStep(QStringLiteral("text layer and stencil masks"));
    qint64 maskBytes = 0;
    for (const EncodedStencilMask &mask : masks)
        maskBytes += mask.data.size();
    pdf = spliceStencilMasks(pdf, masks, path);
    masks = {};
    qint64 bitmapBytes = 0;
    pdf = pdfBitmapsToStencilMasks(repairCjkToUnicode(pdf, m_layout.fontFamily), nullptr,
                                   &bitmapBytes);
    maskBytes += bitmapBytes;
    const bool compact = m_config.compactPdf == AtlasConfig::CompactPdf::Always ||
                         (m_config.compactPdf == AtlasConfig::CompactPdf::Auto &&
                          maskBytes >= AtlasConfig::kCompactPdfAutoBytes);
    if (compact) {
        if (feedback)
            feedback->setStep(
                QStringLiteral("map images to CCITT G4 or JBIG2, path numbers to 0.01 pt"));
        G4MaskReport masks;
        pdf = pdfStencilMasksToG4(pdf, &masks, ContentNumbers::Round,
                                  m_config.jbig2Masks ? MaskCodecs::G4AndJbig2 : MaskCodecs::G4);
        if (feedback && !masks.error.isEmpty())
            feedback->pushWarning(
                QStringLiteral("map images left Flate-compressed (%1)").arg(masks.error));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size() || !file.commit())
        throw ProcessingError({path}, QStringLiteral("cannot write: %1").arg(file.errorString()));
    if (feedback)
        feedback->setProgress(100.0);
}

QImage AtlasDocument::renderPage(int index, double dpi) const
{
    const QSizeF mm = m_layout.pageSizeMm();
    const QSize size(int(std::round(mm.width() / 25.4 * dpi)),
                     int(std::round(mm.height() / 25.4 * dpi)));
    QImage image(size, QImage::Format_RGB32);
    // The image claims 72 dpi so that a point-sized font is one unit per point, as on the PDF
    // page; the painter's scale then brings points to the requested resolution.
    const int dotsPerMetre = int(std::round(72.0 / 0.0254));
    image.setDotsPerMeterX(dotsPerMetre);
    image.setDotsPerMeterY(dotsPerMetre);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.scale(dpi / 72.0, dpi / 72.0);
    paintPage(painter, index, dpi / 72.0, dpi);
    painter.end();
    // The file records the real resolution.
    const int realDotsPerMetre = int(std::round(dpi / 0.0254));
    image.setDotsPerMeterX(realDotsPerMetre);
    image.setDotsPerMeterY(realDotsPerMetre);
    return image;
}

} // namespace riskatlas::render
