// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/hazard/model_json_paths.h"
#include "core/hazard/model_parser.h"

#include "support/test_support.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

using namespace riskatlas;
using namespace riskatlas::hazard;

namespace {

QJsonObject model()
{
    return QJsonDocument::fromJson(R"({
      "units": {"type": "admin", "source": "乡镇.shp", "id_field": "code",
                "boundary": "/abs/county.gpkg"},
      "townships": {"source": "../t.shp", "id_field": "code"},
      "hazards": [{"id": "flood", "source": "census.gpkg|layername=flood_zones", "level_field": 3}],
      "exposure": [{"id": "pop", "source": "pop.tif"}],
      "vulnerability": {"source": "census.gpkg|layername=buildings"},
      "capacity": {"population": "pop.tif",
                   "indicators": [{"id": "s", "source": "census.gpkg|layername=shelters"}]},
      "palettes": {"risk": "five_colour", "prevention": "my palette.json"},
      "combine": {"formula": "H"}
    })")
        .object();
}

QString at(const QJsonObject &object, const QString &key, const QString &sub)
{
    return object.value(key).toObject().value(sub).toString();
}

} // namespace

// Every path key of docs/five-colour.md is made absolute against the model's folder.
TEST(ModelJsonPaths, MakesEveryPathAbsolute)
{
    const QJsonObject out = rebaseModelPaths(model(), QStringLiteral("/data/县"), {});
    EXPECT_EQ(at(out, QStringLiteral("units"), QStringLiteral("source")),
              QStringLiteral("/data/县/乡镇.shp"));
    EXPECT_EQ(at(out, QStringLiteral("units"), QStringLiteral("boundary")),
              QStringLiteral("/abs/county.gpkg"));
    EXPECT_EQ(at(out, QStringLiteral("townships"), QStringLiteral("source")),
              QStringLiteral("/data/t.shp"));
    EXPECT_EQ(out.value(QStringLiteral("hazards"))
                  .toArray()
                  .at(0)
                  .toObject()
                  .value(QStringLiteral("source"))
                  .toString(),
              QStringLiteral("/data/县/census.gpkg|layername=flood_zones"));
    EXPECT_EQ(out.value(QStringLiteral("exposure"))
                  .toArray()
                  .at(0)
                  .toObject()
                  .value(QStringLiteral("source"))
                  .toString(),
              QStringLiteral("/data/县/pop.tif"));
    EXPECT_EQ(at(out, QStringLiteral("vulnerability"), QStringLiteral("source")),
              QStringLiteral("/data/县/census.gpkg|layername=buildings"));
    EXPECT_EQ(at(out, QStringLiteral("capacity"), QStringLiteral("population")),
              QStringLiteral("/data/县/pop.tif"));
    EXPECT_EQ(out.value(QStringLiteral("capacity"))
                  .toObject()
                  .value(QStringLiteral("indicators"))
                  .toArray()
                  .at(0)
                  .toObject()
                  .value(QStringLiteral("source"))
                  .toString(),
              QStringLiteral("/data/县/census.gpkg|layername=shelters"));
    // A bundled palette id is not a path; a palette file is.
    EXPECT_EQ(at(out, QStringLiteral("palettes"), QStringLiteral("risk")),
              QStringLiteral("five_colour"));
    EXPECT_EQ(at(out, QStringLiteral("palettes"), QStringLiteral("prevention")),
              QStringLiteral("/data/县/my palette.json"));
    // Values that are not paths, or not strings, are left for the parser.
    EXPECT_EQ(out.value(QStringLiteral("hazards"))
                  .toArray()
                  .at(0)
                  .toObject()
                  .value(QStringLiteral("level_field")),
              QJsonValue(3));
    EXPECT_EQ(at(out, QStringLiteral("combine"), QStringLiteral("formula")), QStringLiteral("H"));
}

// Saved elsewhere, the paths are relative to the new folder and the parser resolves them back
// to the same files.
TEST(ModelJsonPaths, RelativeToANewFolderResolvesToTheSameFiles)
{
    const QJsonObject absolute = rebaseModelPaths(model(), QStringLiteral("/data/县"), {});
    const QJsonObject moved =
        rebaseModelPaths(absolute, QStringLiteral("/"), QStringLiteral("/data/副本 2"));
    EXPECT_EQ(at(moved, QStringLiteral("units"), QStringLiteral("source")),
              QStringLiteral("../县/乡镇.shp"));
    EXPECT_EQ(at(moved, QStringLiteral("townships"), QStringLiteral("source")),
              QStringLiteral("../t.shp"));
    EXPECT_EQ(rebaseModelPaths(moved, QStringLiteral("/data/副本 2"), {}), absolute);
}

// The sample model survives the round trip through the strict parser.
TEST(ModelJsonPaths, SampleModelParsesTheSame)
{
    const QString path = test::sampleDataPath(QStringLiteral("yongjia/five_colour_model.json"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QJsonObject original = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject absolute = rebaseModelPaths(original, QFileInfo(path).absolutePath(), {});
    const RiskModel a = loadRiskModel(path);
    const RiskModel b =
        parseRiskModel(QJsonDocument(absolute).toJson(), QStringLiteral("/elsewhere/m.json"));
    ASSERT_EQ(a.hazards.size(), b.hazards.size());
    for (std::size_t i = 0; i < a.hazards.size(); ++i)
        EXPECT_EQ(a.hazards[i].source, b.hazards[i].source);
    EXPECT_EQ(a.units.source, b.units.source);
    EXPECT_EQ(a.units.boundary, b.units.boundary);
    EXPECT_EQ(a.capacity.population, b.capacity.population);
    EXPECT_EQ(a.vulnerability.source, b.vulnerability.source);
}
