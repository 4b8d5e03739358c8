// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/hazard/model_parser.h"

#include "core/error.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSet>

#include <cmath>

namespace riskatlas::hazard {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(riskatlas::hazard)
};

// Walks the document keeping the key path of every value, so that each error can name it.
class Reader
{
public:
    Reader(QString modelPath)
        : m_modelPath(std::move(modelPath))
        , m_folder(QFileInfo(m_modelPath).absoluteDir())
    {}

    [[noreturn]] void fail(const QString &path, const QString &message) const
    {
        throw InputError({m_modelPath}, path + QStringLiteral(": ") + message);
    }

    static QString child(const QString &path, const QString &key)
    {
        // Keys that are not ascii identifiers (hazard levels "3", Chinese structure names) are
        // quoted.
        bool identifier = !key.isEmpty() && !key.front().isDigit();
        for (const QChar c : key)
            identifier =
                identifier && c.unicode() < 128 && (c.isLetterOrNumber() || c == QLatin1Char('_'));
        const QString name = identifier ? key : QLatin1Char('"') + key + QLatin1Char('"');
        return path.isEmpty() ? name : path + QLatin1Char('.') + name;
    }
    static QString item(const QString &path, qsizetype index)
    {
        return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
    }

    QJsonObject object(const QJsonValue &value, const QString &path,
                       std::initializer_list<const char *> known) const
    {
        if (!value.isObject())
            fail(path, Tr::tr("expected an object"));
        const QJsonObject object = value.toObject();
        QSet<QString> allowed;
        for (const char *key : known)
            allowed.insert(QString::fromLatin1(key));
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!allowed.contains(it.key()))
                fail(child(path, it.key()), Tr::tr("unknown key"));
        }
        return object;
    }

    QJsonValue required(const QJsonObject &object, const QString &path, const char *key) const
    {
        const QString name = QString::fromLatin1(key);
        if (!object.contains(name))
            fail(child(path, name), Tr::tr("missing"));
        return object.value(name);
    }

    QString string(const QJsonValue &value, const QString &path) const
    {
        if (!value.isString() || value.toString().trimmed().isEmpty())
            fail(path, Tr::tr("expected a non-empty string"));
        return value.toString();
    }
    QString string(const QJsonObject &object, const QString &path, const char *key) const
    {
        return string(required(object, path, key), child(path, QString::fromLatin1(key)));
    }
    QString optionalString(const QJsonObject &object, const QString &path, const char *key,
                           const QString &fallback = {}) const
    {
        const QString name = QString::fromLatin1(key);
        if (!object.contains(name))
            return fallback;
        return string(object.value(name), child(path, name));
    }

    double number(const QJsonValue &value, const QString &path) const
    {
        if (!value.isDouble() || !std::isfinite(value.toDouble()))
            fail(path, Tr::tr("expected a number"));
        return value.toDouble();
    }
    double optionalNumber(const QJsonObject &object, const QString &path, const char *key,
                          double fallback) const
    {
        const QString name = QString::fromLatin1(key);
        if (!object.contains(name))
            return fallback;
        return number(object.value(name), child(path, name));
    }
    int integer(const QJsonValue &value, const QString &path, int minimum, int maximum) const
    {
        const double v = number(value, path);
        if (v != std::floor(v) || v < minimum || v > maximum)
            fail(path, Tr::tr("expected a whole number from %1 to %2").arg(minimum).arg(maximum));
        return int(v);
    }
    bool boolean(const QJsonObject &object, const QString &path, const char *key,
                 bool fallback) const
    {
        const QString name = QString::fromLatin1(key);
        if (!object.contains(name))
            return fallback;
        if (!object.value(name).isBool())
            fail(child(path, name), Tr::tr("expected true or false"));
        return object.value(name).toBool();
    }
    QJsonArray array(const QJsonValue &value, const QString &path, bool nonEmpty) const
    {
        if (!value.isArray())
            fail(path, Tr::tr("expected an array"));
        if (nonEmpty && value.toArray().isEmpty())
            fail(path, Tr::tr("expected at least one entry"));
        return value.toArray();
    }

    template<typename Enum>
    Enum choice(const QJsonValue &value, const QString &path,
                std::initializer_list<std::pair<const char *, Enum>> choices) const
    {
        const QString text = string(value, path);
        QStringList names;
        for (const auto &[name, result] : choices) {
            if (text == QString::fromUtf8(name))
                return result;
            names.append(QString::fromUtf8(name));
        }
        fail(path, Tr::tr("\"%1\" is not one of %2").arg(text, names.join(QStringLiteral(", "))));
    }

    // A data path: relative to the model file; a `|layername=` suffix is kept.
    QString dataPath(const QJsonObject &object, const QString &path, const char *key) const
    {
        return resolve(string(object, path, key));
    }
    QString resolve(const QString &spec) const
    {
        const qsizetype bar = spec.indexOf(QLatin1Char('|'));
        const QString file = bar < 0 ? spec : spec.left(bar);
        const QString suffix = bar < 0 ? QString() : spec.mid(bar);
        return QDir::cleanPath(m_folder.absoluteFilePath(file)) + suffix;
    }

    QMap<QString, double> numberMap(const QJsonValue &value, const QString &path) const
    {
        if (!value.isObject())
            fail(path, Tr::tr("expected an object"));
        const QJsonObject object = value.toObject();
        if (object.isEmpty())
            fail(path, Tr::tr("expected at least one entry"));
        QMap<QString, double> result;
        for (auto it = object.begin(); it != object.end(); ++it)
            result.insert(it.key(), number(it.value(), child(path, it.key())));
        return result;
    }

    QString id(const QJsonObject &object, const QString &path) const
    {
        const QString text = string(object, path, "id");
        for (const QChar c : text) {
            if (!(c.isDigit() || (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                  c == QLatin1Char('_')))
                fail(child(path, QStringLiteral("id")),
                     Tr::tr("\"%1\": use lower-case ascii letters, digits and _ (it names "
                            "output files)")
                         .arg(text));
        }
        return text;
    }

private:
    QString m_modelPath;
    QDir m_folder;
};

UnitsSpec parseUnits(const Reader &r, const QJsonValue &value)
{
    const QString path = QStringLiteral("units");
    const QJsonObject o = r.object(value, path,
                                   {"type", "source", "id_field", "name_field", "boundary",
                                    "cell_size_m", "cell_size_arcsec"});
    UnitsSpec units;
    units.kind = r.choice<UnitKind>(r.required(o, path, "type"), QStringLiteral("units.type"),
                                    {{"admin", UnitKind::Admin},
                                     {"grid", UnitKind::SquareGrid},
                                     {"geographic_grid", UnitKind::GeographicGrid}});
    if (units.kind == UnitKind::Admin) {
        units.source = r.dataPath(o, path, "source");
        units.idField = r.string(o, path, "id_field");
        units.nameField = r.optionalString(o, path, "name_field");
        if (o.contains(QStringLiteral("boundary")))
            units.boundary = r.dataPath(o, path, "boundary");
        for (const char *key : {"cell_size_m", "cell_size_arcsec"}) {
            if (o.contains(QString::fromLatin1(key)))
                r.fail(Reader::child(path, QString::fromLatin1(key)), Tr::tr("only for a grid"));
        }
    } else {
        units.boundary = r.dataPath(o, path, "boundary");
        const char *sizeKey =
            units.kind == UnitKind::SquareGrid ? "cell_size_m" : "cell_size_arcsec";
        units.cellSize = r.number(r.required(o, path, sizeKey),
                                  Reader::child(path, QString::fromLatin1(sizeKey)));
        if (units.cellSize <= 0)
            r.fail(Reader::child(path, QString::fromLatin1(sizeKey)), Tr::tr("must be above 0"));
        for (const char *key :
             {"source", "id_field", "name_field",
              units.kind == UnitKind::SquareGrid ? "cell_size_arcsec" : "cell_size_m"}) {
            if (o.contains(QString::fromLatin1(key)))
                r.fail(Reader::child(path, QString::fromLatin1(key)),
                       Tr::tr("not for this unit type"));
        }
    }
    return units;
}

HazardSpec parseHazard(const Reader &r, const QJsonValue &value, const QString &path)
{
    const QJsonObject o = r.object(
        value, path, {"id", "name", "source", "level_field", "scores", "aggregation", "threshold"});
    HazardSpec h;
    h.id = r.id(o, path);
    h.name = r.string(o, path, "name");
    h.source = r.dataPath(o, path, "source");
    h.levelField = r.optionalString(o, path, "level_field", QStringLiteral("level"));
    h.scores =
        r.numberMap(r.required(o, path, "scores"), Reader::child(path, QStringLiteral("scores")));
    if (o.contains(QStringLiteral("aggregation")))
        h.aggregation = r.choice<HazardAggregation>(
            o.value(QStringLiteral("aggregation")),
            Reader::child(path, QStringLiteral("aggregation")),
            {{"area_weighted_mean", HazardAggregation::AreaWeightedMean},
             {"max_level", HazardAggregation::MaxLevel},
             {"share_at_or_above", HazardAggregation::ShareAtOrAbove}});
    if (h.aggregation == HazardAggregation::ShareAtOrAbove) {
        h.threshold = r.string(o, path, "threshold");
        if (!h.scores.contains(h.threshold))
            r.fail(Reader::child(path, QStringLiteral("threshold")),
                   Tr::tr("level \"%1\" is not in scores").arg(h.threshold));
    } else if (o.contains(QStringLiteral("threshold"))) {
        r.fail(Reader::child(path, QStringLiteral("threshold")),
               Tr::tr("only for aggregation share_at_or_above"));
    }
    return h;
}

ExposureSpec parseExposure(const Reader &r, const QJsonValue &value, const QString &path)
{
    const QJsonObject o =
        r.object(value, path, {"id", "name", "source", "kind", "field", "density"});
    ExposureSpec e;
    e.id = r.id(o, path);
    e.name = r.optionalString(o, path, "name", e.id);
    e.source = r.dataPath(o, path, "source");
    e.kind = r.choice<ExposureKind>(r.required(o, path, "kind"),
                                    Reader::child(path, QStringLiteral("kind")),
                                    {{"raster_sum", ExposureKind::RasterSum},
                                     {"count", ExposureKind::Count},
                                     {"sum", ExposureKind::Sum},
                                     {"floor_area", ExposureKind::FloorArea},
                                     {"length", ExposureKind::Length}});
    if (e.kind == ExposureKind::Sum || e.kind == ExposureKind::FloorArea)
        e.field = r.string(o, path, "field");
    else if (o.contains(QStringLiteral("field")))
        r.fail(Reader::child(path, QStringLiteral("field")),
               Tr::tr("only for kind sum or floor_area"));
    e.density = r.boolean(o, path, "density", false);
    return e;
}

VulnerabilitySpec parseVulnerability(const Reader &r, const QJsonValue &value)
{
    const QString path = QStringLiteral("vulnerability");
    const QJsonObject o = r.object(value, path, {"source", "tables", "weight", "weight_field"});
    VulnerabilitySpec v;
    v.source = r.dataPath(o, path, "source");
    const QString tablesPath = Reader::child(path, QStringLiteral("tables"));
    const QJsonArray tables = r.array(r.required(o, path, "tables"), tablesPath, true);
    for (qsizetype i = 0; i < tables.size(); ++i) {
        const QString p = Reader::item(tablesPath, i);
        const QJsonObject t = r.object(tables[i], p, {"field", "factors", "default"});
        VulnerabilityTable table;
        table.field = r.string(t, p, "field");
        table.factors =
            r.numberMap(r.required(t, p, "factors"), Reader::child(p, QStringLiteral("factors")));
        if (t.contains(QStringLiteral("default")))
            table.defaultFactor = r.number(t.value(QStringLiteral("default")),
                                           Reader::child(p, QStringLiteral("default")));
        v.tables.push_back(table);
    }
    enum class Weight { Count, Field, FloorArea };
    const Weight weight = o.contains(QStringLiteral("weight"))
                              ? r.choice<Weight>(o.value(QStringLiteral("weight")),
                                                 Reader::child(path, QStringLiteral("weight")),
                                                 {{"count", Weight::Count},
                                                  {"field", Weight::Field},
                                                  {"floor_area", Weight::FloorArea}})
                              : Weight::Count;
    if (weight != Weight::Count) {
        v.weightField = r.string(o, path, "weight_field");
        v.weightIsFloorArea = weight == Weight::FloorArea;
    } else if (o.contains(QStringLiteral("weight_field"))) {
        r.fail(Reader::child(path, QStringLiteral("weight_field")),
               Tr::tr("only for weight field or floor_area"));
    }
    return v;
}

CapacitySpec parseCapacity(const Reader &r, const QJsonValue &value)
{
    const QString path = QStringLiteral("capacity");
    const QJsonObject o =
        r.object(value, path, {"population", "indicators", "inner_sigma", "outer_sigma"});
    CapacitySpec c;
    c.population = r.dataPath(o, path, "population");
    const QString listPath = Reader::child(path, QStringLiteral("indicators"));
    const QJsonArray list = r.array(r.required(o, path, "indicators"), listPath, true);
    QSet<QString> ids;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString p = Reader::item(listPath, i);
        const QJsonObject t = r.object(list[i], p, {"id", "name", "source", "field", "direction"});
        CapacityIndicator indicator;
        indicator.id = r.id(t, p);
        if (ids.contains(indicator.id))
            r.fail(Reader::child(p, QStringLiteral("id")), Tr::tr("used twice"));
        ids.insert(indicator.id);
        indicator.name = r.optionalString(t, p, "name", indicator.id);
        indicator.source = r.dataPath(t, p, "source");
        indicator.field = r.optionalString(t, p, "field");
        if (t.contains(QStringLiteral("direction")))
            indicator.direction = r.choice<weights::IndicatorDirection>(
                t.value(QStringLiteral("direction")), Reader::child(p, QStringLiteral("direction")),
                {{"benefit", weights::IndicatorDirection::Benefit},
                 {"cost", weights::IndicatorDirection::Cost}});
        c.indicators.push_back(indicator);
    }
    c.innerSigma = r.optionalNumber(o, path, "inner_sigma", 0.5);
    c.outerSigma = r.optionalNumber(o, path, "outer_sigma", 1.5);
    if (c.innerSigma <= 0 || c.outerSigma <= c.innerSigma)
        r.fail(Reader::child(path, QStringLiteral("outer_sigma")),
               Tr::tr("need 0 < inner_sigma < outer_sigma"));
    return c;
}

WeightSpec parseWeights(const Reader &r, const QJsonObject &parent, const QString &parentPath,
                        const char *key, const QStringList &ids)
{
    const QString path = Reader::child(parentPath, QString::fromLatin1(key));
    WeightSpec w;
    w.keyPath = path;
    if (!parent.contains(QString::fromLatin1(key))) {
        // Equal weights when the group is not weighted at all.
        w.method = WeightMethod::Direct;
        for (const QString &id : ids)
            w.values.insert(id, 1.0);
        return w;
    }
    const QJsonObject o = r.object(parent.value(QString::fromLatin1(key)), path,
                                   {"method", "values", "order", "matrix"});
    w.method = r.choice<WeightMethod>(r.required(o, path, "method"),
                                      Reader::child(path, QStringLiteral("method")),
                                      {{"direct", WeightMethod::Direct},
                                       {"ahp", WeightMethod::Ahp},
                                       {"entropy", WeightMethod::Entropy}});
    const auto forbid = [&](const char *k, const QString &why) {
        if (o.contains(QString::fromLatin1(k)))
            r.fail(Reader::child(path, QString::fromLatin1(k)), why);
    };
    switch (w.method) {
    case WeightMethod::Direct: {
        forbid("order", Tr::tr("only for method ahp"));
        forbid("matrix", Tr::tr("only for method ahp"));
        const QString p = Reader::child(path, QStringLiteral("values"));
        w.values = r.numberMap(r.required(o, path, "values"), p);
        double sum = 0;
        for (auto it = w.values.begin(); it != w.values.end(); ++it) {
            if (!ids.contains(it.key()))
                r.fail(Reader::child(p, it.key()),
                       Tr::tr("is not one of %1").arg(ids.join(QStringLiteral(", "))));
            if (it.value() < 0)
                r.fail(Reader::child(p, it.key()), Tr::tr("a weight cannot be negative"));
            sum += it.value();
        }
        for (const QString &id : ids) {
            if (!w.values.contains(id))
                r.fail(Reader::child(p, id), Tr::tr("missing"));
        }
        if (sum <= 0)
            r.fail(p, Tr::tr("the weights sum to 0"));
        break;
    }
    case WeightMethod::Ahp: {
        forbid("values", Tr::tr("only for method direct"));
        const QString orderPath = Reader::child(path, QStringLiteral("order"));
        const QJsonArray order = r.array(r.required(o, path, "order"), orderPath, true);
        for (qsizetype i = 0; i < order.size(); ++i) {
            const QString id = r.string(order[i], Reader::item(orderPath, i));
            if (!ids.contains(id) || w.order.contains(id))
                r.fail(Reader::item(orderPath, i),
                       Tr::tr("\"%1\" is not one of %2, or is given twice")
                           .arg(id, ids.join(QStringLiteral(", "))));
            w.order.append(id);
        }
        if (w.order.size() != ids.size())
            r.fail(orderPath,
                   Tr::tr("must list each of %1 once").arg(ids.join(QStringLiteral(", "))));
        const QString matrixPath = Reader::child(path, QStringLiteral("matrix"));
        const QJsonArray rows = r.array(r.required(o, path, "matrix"), matrixPath, true);
        if (rows.size() != w.order.size())
            r.fail(matrixPath, Tr::tr("needs %1 rows, one per entry of order").arg(w.order.size()));
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const QString rowPath = Reader::item(matrixPath, i);
            const QJsonArray row = r.array(rows[i], rowPath, true);
            if (row.size() != rows.size())
                r.fail(rowPath, Tr::tr("needs %1 numbers").arg(rows.size()));
            std::vector<double> values;
            for (qsizetype j = 0; j < row.size(); ++j)
                values.push_back(r.number(row[j], Reader::item(rowPath, j)));
            w.matrix.push_back(values);
        }
        break;
    }
    case WeightMethod::Entropy:
        forbid("values", Tr::tr("only for method direct"));
        forbid("order", Tr::tr("only for method ahp"));
        forbid("matrix", Tr::tr("only for method ahp"));
        break;
    }
    return w;
}

} // namespace

RiskModel parseRiskModel(const QByteArray &json, const QString &modelPath)
{
    const Reader r(QFileInfo(modelPath).absoluteFilePath());
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        throw InputError({modelPath}, Tr::tr("not valid JSON at byte %1: %2")
                                          .arg(parseError.offset)
                                          .arg(parseError.errorString()));
    if (!document.isObject())
        throw InputError({modelPath}, Tr::tr("expected a JSON object"));
    const QJsonObject root =
        r.object(document.object(), QString(),
                 {"title", "units", "townships", "hazards", "exposure", "vulnerability", "capacity",
                  "weights", "combine", "classify", "zoning", "prevention", "palettes"});
    const QString top;
    RiskModel model;
    model.modelPath = QFileInfo(modelPath).absoluteFilePath();
    model.title = r.optionalString(root, top, "title");
    model.units = parseUnits(r, r.required(root, top, "units"));

    if (root.contains(QStringLiteral("townships"))) {
        const QString p = QStringLiteral("townships");
        const QJsonObject t = r.object(root.value(p), p, {"source", "id_field", "name_field"});
        model.townships = r.dataPath(t, p, "source");
        model.townshipIdField = r.string(t, p, "id_field");
        model.townshipNameField = r.optionalString(t, p, "name_field", model.townshipIdField);
    } else if (model.units.kind != UnitKind::Admin) {
        r.fail(QStringLiteral("townships"), Tr::tr("missing; grid units need a township layer "
                                                   "for capacity and the tables"));
    } else {
        model.townshipIdField = model.units.idField;
        model.townshipNameField =
            model.units.nameField.isEmpty() ? model.units.idField : model.units.nameField;
    }

    const QJsonArray hazards =
        r.array(r.required(root, top, "hazards"), QStringLiteral("hazards"), true);
    QStringList hazardIds;
    for (qsizetype i = 0; i < hazards.size(); ++i) {
        const QString p = Reader::item(QStringLiteral("hazards"), i);
        model.hazards.push_back(parseHazard(r, hazards[i], p));
        if (hazardIds.contains(model.hazards.back().id))
            r.fail(Reader::child(p, QStringLiteral("id")), Tr::tr("used twice"));
        hazardIds.append(model.hazards.back().id);
    }
    const QJsonArray exposure =
        r.array(r.required(root, top, "exposure"), QStringLiteral("exposure"), true);
    QStringList exposureIds;
    for (qsizetype i = 0; i < exposure.size(); ++i) {
        const QString p = Reader::item(QStringLiteral("exposure"), i);
        model.exposure.push_back(parseExposure(r, exposure[i], p));
        if (exposureIds.contains(model.exposure.back().id))
            r.fail(Reader::child(p, QStringLiteral("id")), Tr::tr("used twice"));
        exposureIds.append(model.exposure.back().id);
    }
    model.vulnerability = parseVulnerability(r, r.required(root, top, "vulnerability"));
    model.capacity = parseCapacity(r, r.required(root, top, "capacity"));
    QStringList capacityIds;
    for (const CapacityIndicator &indicator : model.capacity.indicators)
        capacityIds.append(indicator.id);

    const QString wp = QStringLiteral("weights");
    const QJsonObject weights =
        r.object(r.required(root, top, "weights"), wp, {"hazards", "exposure", "capacity"});
    model.hazardWeights = parseWeights(r, weights, wp, "hazards", hazardIds);
    model.exposureWeights = parseWeights(r, weights, wp, "exposure", exposureIds);
    model.capacityWeights = parseWeights(r, weights, wp, "capacity", capacityIds);

    const QString cp = QStringLiteral("combine");
    const QJsonObject combine =
        r.object(r.required(root, top, "combine"), cp, {"formula", "normalisation"});
    model.combine.formula = r.string(combine, cp, "formula");
    if (combine.contains(QStringLiteral("normalisation")))
        model.combine.normalisation = r.choice<weights::NormalisationMethod>(
            combine.value(QStringLiteral("normalisation")), QStringLiteral("combine.normalisation"),
            {{"min-max", weights::NormalisationMethod::MinMax},
             {"z-score", weights::NormalisationMethod::ZScore},
             {"vector", weights::NormalisationMethod::Vector}});

    const QString kp = QStringLiteral("classify");
    const QJsonObject classify =
        r.object(r.required(root, top, "classify"), kp, {"method", "classes", "breaks"});
    model.classify.method = r.choice<ClassifyMethod>(
        r.required(classify, kp, "method"), QStringLiteral("classify.method"),
        {{"jenks", ClassifyMethod::Jenks},
         {"quantile", ClassifyMethod::Quantile},
         {"equal-interval", ClassifyMethod::EqualInterval},
         {"standard-deviation", ClassifyMethod::StandardDeviation},
         {"manual", ClassifyMethod::Manual}});
    if (classify.contains(QStringLiteral("classes")) &&
        r.integer(classify.value(QStringLiteral("classes")), QStringLiteral("classify.classes"), 1,
                  100) != 5)
        r.fail(QStringLiteral("classify.classes"), Tr::tr("the five-colour map has 5 classes"));
    if (model.classify.method == ClassifyMethod::Manual) {
        const QJsonArray breaks =
            r.array(r.required(classify, kp, "breaks"), QStringLiteral("classify.breaks"), true);
        if (breaks.size() != 4)
            r.fail(QStringLiteral("classify.breaks"), Tr::tr("needs the 4 inner breaks"));
        for (qsizetype i = 0; i < breaks.size(); ++i) {
            model.classify.breaks.push_back(
                r.number(breaks[i], Reader::item(QStringLiteral("classify.breaks"), i)));
            if (i > 0 && model.classify.breaks[i] <= model.classify.breaks[i - 1])
                r.fail(Reader::item(QStringLiteral("classify.breaks"), i),
                       Tr::tr("breaks must be ascending"));
        }
    } else if (classify.contains(QStringLiteral("breaks"))) {
        r.fail(QStringLiteral("classify.breaks"), Tr::tr("only for method manual"));
    }

    const QString zp = QStringLiteral("zoning");
    const QJsonObject zoning =
        r.object(r.required(root, top, "zoning"), zp, {"minimum_mapping_unit_km2"});
    model.minimumMappingUnit = r.optionalNumber(zoning, zp, "minimum_mapping_unit_km2", 0) * 1e6;
    if (model.minimumMappingUnit < 0)
        r.fail(QStringLiteral("zoning.minimum_mapping_unit_km2"), Tr::tr("cannot be negative"));

    const QString pp = QStringLiteral("prevention");
    const QJsonObject prevention =
        r.object(r.required(root, top, "prevention"), pp, {"rules", "default"});
    const auto zone = [&](const QJsonValue &value, const QString &path) {
        return r.choice<int>(value, path,
                             {{"重点防治区", 3}, {"次重点防治区", 2}, {"一般防治区", 1}});
    };
    const QJsonArray rules =
        r.array(r.required(prevention, pp, "rules"), QStringLiteral("prevention.rules"), true);
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QString p = Reader::item(QStringLiteral("prevention.rules"), i);
        const QJsonObject o = r.object(rules[i], p, {"risk_levels", "capacity_levels", "zone"});
        PreventionRule rule;
        for (const char *key : {"risk_levels", "capacity_levels"}) {
            const QString name = QString::fromLatin1(key);
            if (!o.contains(name))
                continue;
            const QString lp = Reader::child(p, name);
            const QJsonArray levels = r.array(o.value(name), lp, true);
            for (qsizetype j = 0; j < levels.size(); ++j) {
                const int level = r.integer(levels[j], Reader::item(lp, j), 1, 5);
                (name == QLatin1String("risk_levels") ? rule.riskLevels : rule.capacityLevels)
                    .append(level);
            }
        }
        rule.zone = zone(r.required(o, p, "zone"), Reader::child(p, QStringLiteral("zone")));
        model.preventionRules.push_back(rule);
    }
    if (prevention.contains(QStringLiteral("default")))
        model.preventionDefault =
            zone(prevention.value(QStringLiteral("default")), QStringLiteral("prevention.default"));

    if (root.contains(QStringLiteral("palettes"))) {
        const QString p = QStringLiteral("palettes");
        const QJsonObject o = r.object(root.value(p), p, {"risk", "capacity", "prevention"});
        // A palette is a bundled id or a path (relative to the model) of a user palette file.
        const auto palette = [&](const char *key, const QString &fallback) {
            const QString value = r.optionalString(o, p, key, fallback);
            return value.endsWith(QLatin1String(".json")) ? r.resolve(value) : value;
        };
        model.riskPalette = palette("risk", model.riskPalette);
        model.capacityPalette = palette("capacity", model.capacityPalette);
        model.preventionPalette = palette("prevention", model.preventionPalette);
    }
    return model;
}

RiskModel loadRiskModel(const QString &modelPath)
{
    QFile file(modelPath);
    if (!file.open(QIODevice::ReadOnly))
        throw InputError({modelPath},
                         Tr::tr("cannot open the model file: %1").arg(file.errorString()));
    return parseRiskModel(file.readAll(), modelPath);
}

} // namespace riskatlas::hazard
