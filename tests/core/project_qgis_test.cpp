// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
// QGIS lists and reads a project's layers: the file is a GeoPackage QGIS understands.
#include "core/io/layer_reader.h"
#include "core/project/project.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

using namespace riskatlas;
using namespace riskatlas::project;

namespace {

// QGIS's Python: lists the sublayers of the file and, for each, whether the OGR provider
// reads it, its feature count and the values of field "level" (when it has one).
const char kScript[] = R"PY(
import json, os, sys
from qgis.core import QgsApplication, QgsProviderRegistry, QgsVectorLayer
app = QgsApplication([], False)
app.initQgis()
path = sys.argv[1]
out = {"sublayers": [], "layers": {}}
for sub in QgsProviderRegistry.instance().providerMetadata("ogr").querySublayers(path):
    out["sublayers"].append(sub.name())
    layer = QgsVectorLayer(path + "|layername=" + sub.name(), sub.name(), "ogr")
    info = {"valid": layer.isValid(), "count": layer.featureCount()}
    if layer.isValid() and layer.fields().indexOf("level") >= 0:
        info["levels"] = [f["level"] for f in layer.getFeatures()]
        info["crs"] = layer.crs().authid()
    out["layers"][sub.name()] = info
print(json.dumps(out))
sys.stdout.flush()
# QGIS 3.22 can crash tearing down layers at exit; the answer is already printed.
os._exit(0)
)PY";

} // namespace

TEST(ProjectQgisTest, QgisListsAndReadsTheResultLayers)
{
    if (!QFile::exists(QStringLiteral("/usr/share/qgis/python/qgis/core/__init__.py")) &&
        !QFile::exists(QStringLiteral("/usr/lib/python3/dist-packages/qgis/core/__init__.py")))
        GTEST_SKIP() << "python3-qgis is not installed";
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("永嘉.riskatlas"));
    {
        Project project = Project::create(path);
        project.addInput(test::sampleDataPath(QStringLiteral("yongjia/townships.shp")),
                         QStringLiteral("townships"), InputMode::Imported);
        model::VectorLayer zones = io::readLayer(
            test::sampleDataPath(QStringLiteral("yongjia/census.gpkg|layername=flood_zones")));
        zones.name = QStringLiteral("five_colour_zones");
        RunRecord run;
        run.status = QStringLiteral("ok");
        project.storeResults({zones}, &run);
        PlannerOverride entry;
        entry.layer = zones.name;
        entry.key = QStringLiteral("1");
        entry.level = 5;
        entry.reason = QStringLiteral("复核提高");
        project.addOverride(entry);
    }
    const model::VectorLayer expected = io::readLayer(
        test::sampleDataPath(QStringLiteral("yongjia/census.gpkg|layername=flood_zones")));

    QProcess python;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    python.setProcessEnvironment(environment);
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral("-c"), QString::fromUtf8(kScript), path});
    ASSERT_TRUE(python.waitForFinished(120000));
    ASSERT_EQ(python.exitCode(), 0) << python.readAllStandardError().toStdString();
    const QByteArray output = python.readAllStandardOutput();
    const QJsonObject result =
        QJsonDocument::fromJson(output.trimmed().split('\n').last()).object();
    ASSERT_FALSE(result.isEmpty()) << output.toStdString();

    QStringList sublayers;
    for (const QJsonValue &name : result.value(QStringLiteral("sublayers")).toArray())
        sublayers.append(name.toString());
    EXPECT_TRUE(sublayers.contains(QStringLiteral("five_colour_zones")));
    EXPECT_TRUE(sublayers.contains(QStringLiteral("townships")));
    EXPECT_TRUE(sublayers.contains(QStringLiteral("riskatlas_runs")));
    EXPECT_TRUE(sublayers.contains(QStringLiteral("riskatlas_overrides")));
    const QJsonObject layers = result.value(QStringLiteral("layers")).toObject();
    for (const QString &name : sublayers)
        EXPECT_TRUE(layers.value(name).toObject().value(QStringLiteral("valid")).toBool())
            << name.toStdString();
    const QJsonObject zones = layers.value(QStringLiteral("five_colour_zones")).toObject();
    ASSERT_EQ(zones.value(QStringLiteral("count")).toInt(), int(expected.features.size()));
    const QJsonArray levels = zones.value(QStringLiteral("levels")).toArray();
    qsizetype levelIndex = -1;
    for (qsizetype i = 0; i < expected.fields.size(); ++i) {
        if (expected.fields[i].name == QLatin1String("level"))
            levelIndex = i;
    }
    ASSERT_GE(levelIndex, 0);
    for (size_t i = 0; i < expected.features.size(); ++i)
        EXPECT_EQ(levels[qsizetype(i)].toInt(),
                  expected.features[i].attributes[levelIndex].toInt());
    EXPECT_EQ(zones.value(QStringLiteral("crs")).toString(), expected.crs.authId());
    EXPECT_EQ(layers.value(QStringLiteral("riskatlas_runs"))
                  .toObject()
                  .value(QStringLiteral("count"))
                  .toInt(),
              1);
    EXPECT_EQ(layers.value(QStringLiteral("riskatlas_overrides"))
                  .toObject()
                  .value(QStringLiteral("count"))
                  .toInt(),
              1);
}
