// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/hazard/model_parser.h"

#include "core/error.h"

#include "support/test_support.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace riskatlas;
using namespace riskatlas::hazard;

namespace {

const QString kModelPath = QStringLiteral("/data/县/model.json");

QByteArray minimal()
{
    return R"({
      "units": {"type": "admin", "source": "units.shp", "id_field": "code"},
      "hazards": [
        {"id": "flood", "name": "台风洪涝", "source": "census.gpkg|layername=flood_zones",
         "scores": {"1": 0.2, "2": 0.4, "3": 0.6, "4": 0.8, "5": 1}},
        {"id": "geo", "name": "地质灾害", "source": "geo.gpkg",
         "scores": {"1": 0.2, "2": 0.4, "3": 0.6, "4": 0.8, "5": 1},
         "aggregation": "share_at_or_above", "threshold": "4"}
      ],
      "exposure": [{"id": "pop", "source": "pop.tif", "kind": "raster_sum"}],
      "vulnerability": {"source": "b.gpkg", "tables": [{"field": "structure", "factors": {"土木": 1}}]},
      "capacity": {"population": "pop.tif",
                   "indicators": [{"id": "shelter", "source": "s.gpkg", "field": "capacity"}]},
      "weights": {},
      "combine": {"formula": "H * E"},
      "classify": {"method": "jenks"},
      "zoning": {},
      "prevention": {"rules": [{"risk_levels": [5], "zone": "重点防治区"}]}
    })";
}

// Parses `json` and returns the error message, or "" when it parsed.
QString errorOf(const QByteArray &json)
{
    try {
        parseRiskModel(json, kModelPath);
    } catch (const InputError &error) {
        EXPECT_EQ(error.location().file, kModelPath);
        return error.message();
    }
    return {};
}

QByteArray with(const char *from, const char *to)
{
    QByteArray json = minimal();
    EXPECT_TRUE(json.contains(from)) << from;
    json.replace(from, to);
    return json;
}

TEST(ModelParser, ReadsTheMinimalModelWithDefaults)
{
    const RiskModel model = parseRiskModel(minimal(), kModelPath);
    EXPECT_EQ(model.units.kind, UnitKind::Admin);
    EXPECT_EQ(model.units.source, QStringLiteral("/data/县/units.shp"));
    ASSERT_EQ(model.hazards.size(), 2u);
    EXPECT_EQ(model.hazards[0].source,
              QStringLiteral("/data/县/census.gpkg|layername=flood_zones"));
    EXPECT_EQ(model.hazards[0].levelField, QStringLiteral("level"));
    EXPECT_EQ(model.hazards[0].aggregation, HazardAggregation::AreaWeightedMean);
    EXPECT_EQ(model.hazards[1].aggregation, HazardAggregation::ShareAtOrAbove);
    EXPECT_EQ(model.hazards[1].threshold, QStringLiteral("4"));
    EXPECT_EQ(model.hazardWeights.method, WeightMethod::Direct);
    EXPECT_EQ(model.hazardWeights.values.value(QStringLiteral("geo")), 1.0);
    EXPECT_EQ(model.combine.normalisation, weights::NormalisationMethod::MinMax);
    EXPECT_EQ(model.capacity.innerSigma, 0.5);
    EXPECT_EQ(model.capacity.outerSigma, 1.5);
    EXPECT_EQ(model.preventionDefault, 1);
    EXPECT_EQ(model.preventionRules.at(0).zone, 3);
    EXPECT_EQ(model.townshipIdField, QStringLiteral("code"));
    EXPECT_EQ(model.minimumMappingUnit, 0.0);
}

TEST(ModelParser, ErrorsNameTheKeyPath)
{
    struct Case
    {
        QByteArray json;
        const char *prefix;
    };
    const std::vector<Case> cases{
        {with(R"("5": 1}},)", R"("5": 1}, "colour": 1},)"), "hazards[0].colour: unknown key"},
        {with(R"("3": 0.6, "4": 0.8, "5": 1},
         "aggregation")",
              R"("3": "high", "4": 0.8, "5": 1},
         "aggregation")"),
         "hazards[1].scores.\"3\": expected a number"},
        {with(R"("threshold": "4")", R"("threshold": "9")"),
         "hazards[1].threshold: level \"9\" is not in scores"},
        {with(R"("units": {"type": "admin", )", R"("units": {"type": "hexagons", )"),
         "units.type: \"hexagons\" is not one of admin, grid, geographic_grid"},
        {with(R"("weights": {})", R"("weights": {"hazards": {"method": "direct",
              "values": {"flood": 1}}})"),
         "weights.hazards.values.geo: missing"},
        {with(R"("weights": {})", R"("weights": {"hazards": {"method": "ahp",
              "order": ["flood", "geo"], "matrix": [[1, 2], [0.5]]}})"),
         "weights.hazards.matrix[1]: needs 2 numbers"},
        {with(R"("classify": {"method": "jenks"})", R"("classify": {"method": "manual",
              "breaks": [1, 2, 2, 3]})"),
         "classify.breaks[2]: breaks must be ascending"},
        {with(R"("classify": {"method": "jenks"})", R"("classify": {"method": "jenks",
              "classes": 4})"),
         "classify.classes: the five-colour map has 5 classes"},
        {with(R"("zone": "重点防治区")", R"("zone": "特别防治区")"),
         "prevention.rules[0].zone: \"特别防治区\" is not one of"},
        {with(R"("risk_levels": [5])", R"("risk_levels": [6])"),
         "prevention.rules[0].risk_levels[0]: expected a whole number from 1 to 5"},
        {with(R"("zoning": {},)", R"()"), "zoning: missing"},
        {with(R"("zoning": {},)", R"("zoning": {}, "extra": 1,)"), "extra: unknown key"},
        {with(R"({"id": "pop",)", R"({"id": "Pop",)"), "exposure[0].id: \"Pop\""},
        {with(R"({"id": "geo",)", R"({"id": "flood",)"), "hazards[1].id: used twice"},
        {with(R"("kind": "raster_sum")", R"("kind": "raster_sum", "field": "x")"),
         "exposure[0].field: only for kind sum or floor_area"},
        {with(R"("kind": "raster_sum")", R"("kind": "length", "field": "x")"),
         "exposure[0].field: only for kind sum or floor_area"},
        {with(R"("kind": "raster_sum")", R"("kind": "km")"),
         "exposure[0].kind: \"km\" is not one of raster_sum, count, sum, floor_area, length"},
        {with(R"("factors": {"土木": 1})", R"("factors": {"土木": true})"),
         "vulnerability.tables[0].factors.\"土木\": expected a number"},
        {with(R"("formula": "H * E")", R"("formula": 3)"),
         "combine.formula: expected a non-empty string"},
    };
    for (const Case &c : cases) {
        const QString message = errorOf(c.json);
        EXPECT_TRUE(message.startsWith(QString::fromUtf8(c.prefix)))
            << "expected: " << c.prefix << "\n     got: " << message.toStdString();
    }
}

TEST(ModelParser, GridUnitsNeedTownships)
{
    const QByteArray json =
        with(R"("units": {"type": "admin", "source": "units.shp", "id_field": "code"})",
             R"("units": {"type": "grid", "boundary": "county.gpkg", "cell_size_m": 1000})");
    EXPECT_TRUE(errorOf(json).startsWith(QStringLiteral("townships: missing")));
    QByteArray withTownships = json;
    withTownships.replace(R"("hazards")", R"("townships": {"source": "t.shp", "id_field": "code"},
      "hazards")");
    const RiskModel model = parseRiskModel(withTownships, kModelPath);
    EXPECT_EQ(model.units.kind, UnitKind::SquareGrid);
    EXPECT_EQ(model.units.cellSize, 1000.0);
    EXPECT_EQ(model.units.boundary, QStringLiteral("/data/县/county.gpkg"));
    EXPECT_EQ(model.townships, QStringLiteral("/data/县/t.shp"));
}

TEST(ModelParser, NotJsonSaysWhere)
{
    EXPECT_TRUE(errorOf("{\"units\": ").startsWith(QStringLiteral("not valid JSON at byte")));
}

TEST(ModelParser, SampleModelsParse)
{
    for (const char *name : {"five_colour_model.json", "five_colour_model_grid.json"}) {
        const RiskModel model =
            loadRiskModel(test::sampleDataPath(QStringLiteral("yongjia/") + QLatin1String(name)));
        EXPECT_EQ(model.hazards.size(), 5u) << name;
        EXPECT_EQ(model.hazardWeights.method, WeightMethod::Ahp) << name;
    }
}

TEST(ModelParser, ReadsRoadLengthExposure)
{
    const RiskModel model =
        parseRiskModel(with(R"("source": "pop.tif", "kind": "raster_sum"})",
                            R"("source": "roads.shp", "kind": "length", "density": true})"),
                       kModelPath);
    ASSERT_EQ(model.exposure.size(), 1u);
    EXPECT_EQ(model.exposure[0].kind, ExposureKind::Length);
    EXPECT_TRUE(model.exposure[0].density);
    EXPECT_EQ(model.exposure[0].source, QStringLiteral("/data/县/roads.shp"));
}

} // namespace
