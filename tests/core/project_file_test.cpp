// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/error.h"
#include "core/io/layer_reader.h"
#include "core/project/input_checksum.h"
#include "core/project/project.h"
#include "core/project/sqlite_database.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>

#include <ogr_api.h>

using namespace riskatlas;
using namespace riskatlas::project;

namespace {

QByteArray wkbFromWkt(const char *wkt)
{
    OGRGeometryH geometry = nullptr;
    char *text = const_cast<char *>(wkt);
    EXPECT_EQ(OGR_G_CreateFromWkt(&text, nullptr, &geometry), OGRERR_NONE);
    QByteArray wkb(int(OGR_G_WkbSize(geometry)), '\0');
    OGR_G_ExportToIsoWkb(geometry, wkbNDR, reinterpret_cast<unsigned char *>(wkb.data()));
    OGR_G_DestroyGeometry(geometry);
    return wkb;
}

// Three 1 km × 1 km squares in CGCS2000 / 3-degree GK CM 120E, with a key and a level.
model::VectorLayer zones()
{
    model::VectorLayer layer;
    layer.name = QStringLiteral("five_colour_zones");
    layer.crs = crs::Crs::fromEpsg(4549);
    layer.geometryType = model::GeometryType::Polygon;
    layer.fields = {{QStringLiteral("code"), model::FieldType::String},
                    {QStringLiteral("name"), model::FieldType::String},
                    {QStringLiteral("level"), model::FieldType::Integer}};
    const char *squares[] = {
        "POLYGON ((500000 3100000,501000 3100000,501000 3101000,500000 3101000,500000 3100000))",
        "POLYGON ((501000 3100000,502000 3100000,502000 3101000,501000 3101000,501000 3100000))",
        "POLYGON ((502000 3100000,503000 3100000,503000 3101000,502000 3101000,502000 3100000))"};
    const char *names[] = {"岩头镇", "枫林镇", "桥头镇"};
    for (int i = 0; i < 3; ++i) {
        model::Feature feature;
        feature.fid = i + 1;
        feature.attributes = {QStringLiteral("33032%1").arg(i), QString::fromUtf8(names[i]), i + 2};
        feature.wkb = wkbFromWkt(squares[i]);
        layer.features.push_back(feature);
    }
    return layer;
}

// Copies the sample townships shapefile set into `dir`.
void copyTownships(const QString &dir)
{
    for (const char *suffix : {"shp", "shx", "dbf", "prj", "cpg"}) {
        const QString name = QStringLiteral("townships.") + QLatin1String(suffix);
        ASSERT_TRUE(QFile::copy(test::sampleDataPath(QStringLiteral("yongjia/") + name),
                                QDir(dir).filePath(name)));
    }
}

QByteArray sha256Of(const QString &path)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly));
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

} // namespace

TEST(ProjectFileTest, CreatedFileIsAGeoPackageWithTheRiskAtlasTables)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("永嘉 县.riskatlas"));
    {
        const Project created = Project::create(path, QStringLiteral("永嘉县风险图集"));
        EXPECT_EQ(created.schemaVersion(), 2);
        EXPECT_EQ(created.setting(QStringLiteral("name")), QStringLiteral("永嘉县风险图集"));
        EXPECT_FALSE(created.metadata(QStringLiteral("created")).isEmpty());
        // GeoPackage 1.2+: application_id 'GPKG', user_version 10200 or later.
        const auto header = created.query(QStringLiteral("PRAGMA application_id"));
        EXPECT_EQ(header[0][0].toLongLong(), 0x47504B47);
        EXPECT_GE(created.query(QStringLiteral("PRAGMA user_version"))[0][0].toLongLong(), 10200);
        SqliteDatabase raw(path);
        SqliteStatement journal(raw, QStringLiteral("PRAGMA journal_mode"));
        ASSERT_TRUE(journal.step());
        EXPECT_EQ(journal.text(0), QStringLiteral("delete"));
        const auto srs = created.query(QStringLiteral("SELECT count(*) FROM gpkg_spatial_ref_sys "
                                                      "WHERE srs_id IN (-1, 0, 4326)"));
        EXPECT_EQ(srs[0][0].toLongLong(), 3);
        const auto registered = created.query(QStringLiteral(
            "SELECT table_name FROM gpkg_contents WHERE data_type = 'attributes' ORDER BY 1"));
        ASSERT_EQ(registered.size(), 6);
        EXPECT_EQ(registered[4][0].toString(), QStringLiteral("riskatlas_runs"));
    }
    EXPECT_THROW(Project::create(path), InputError);
    // Nothing but the project is left in the folder: no journal, no temporary files.
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot),
              QStringList{QStringLiteral("永嘉 县.riskatlas")});
    const Project reopened = Project::open(path);
    EXPECT_EQ(reopened.setting(QStringLiteral("name")), QStringLiteral("永嘉县风险图集"));
}

TEST(ProjectFileTest, SettingsSurviveReopening)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.riskatlas"));
    {
        Project project = Project::create(path);
        project.setSetting(QStringLiteral("county_code"), QStringLiteral("330324"));
        project.setSetting(QStringLiteral("说明"), QStringLiteral("汛期版"));
        EXPECT_THROW(project.setSetting(QStringLiteral(" "), QStringLiteral("x")), InputError);
    }
    const Project project = Project::open(path);
    EXPECT_EQ(project.setting(QStringLiteral("county_code")), QStringLiteral("330324"));
    EXPECT_EQ(project.setting(QStringLiteral("说明")), QStringLiteral("汛期版"));
    EXPECT_EQ(project.setting(QStringLiteral("missing"), QStringLiteral("d")), QStringLiteral("d"));
}

TEST(ProjectFileTest, NotAProjectIsAClearError)
{
    QTemporaryDir dir;
    const QString text = dir.filePath(QStringLiteral("notes.riskatlas"));
    QFile file(text);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("这不是数据库 not a database at all, just some text to fill a page");
    file.close();
    EXPECT_THROW(Project::open(text), InputError);
    EXPECT_THROW(Project::open(dir.filePath(QStringLiteral("missing.riskatlas"))), InputError);
    // A plain GeoPackage is not a project either.
    try {
        Project::open(test::sampleDataPath(QStringLiteral("yongjia/county_boundary.gpkg")));
        FAIL() << "a plain GeoPackage opened as a project";
    } catch (const InputError &error) {
        EXPECT_TRUE(error.message().contains(QStringLiteral("not a RiskAtlas project")))
            << error.formatted().toStdString();
    }
}

TEST(ProjectFileTest, ReferencedInputsAreFoundAfterTheFolderMoves)
{
    QTemporaryDir root;
    const QString before = root.filePath(QStringLiteral("县 项目"));
    ASSERT_TRUE(QDir().mkpath(before + QStringLiteral("/data")));
    copyTownships(before + QStringLiteral("/data"));
    {
        Project project = Project::create(before + QStringLiteral("/p.riskatlas"));
        const ProjectInput added =
            project.addInput(before + QStringLiteral("/data/townships.shp"),
                             QStringLiteral("townships"), InputMode::Referenced);
        EXPECT_EQ(added.name, QStringLiteral("townships"));
        EXPECT_EQ(added.path, QStringLiteral("data/townships.shp"));
        EXPECT_EQ(added.sha256.size(), 64);
        EXPECT_THROW(project.addInput(before + QStringLiteral("/data/townships.shp"),
                                      QStringLiteral("townships"), InputMode::Referenced),
                     InputError);
    }
    const QString after = root.filePath(QStringLiteral("moved/另一个 文件夹"));
    ASSERT_TRUE(QDir().mkpath(root.filePath(QStringLiteral("moved"))));
    ASSERT_TRUE(QDir().rename(before, after));

    const Project project = Project::open(after + QStringLiteral("/p.riskatlas"));
    const QList<InputCheck> checks = project.verifyInputs();
    ASSERT_EQ(checks.size(), 1);
    EXPECT_EQ(checks[0].state, InputState::Ok) << checks[0].message.toStdString();
    EXPECT_EQ(checks[0].path, after + QStringLiteral("/data/townships.shp"));
    EXPECT_EQ(project.inputPathSpec(QStringLiteral("townships")),
              after + QStringLiteral("/data/townships.shp"));
    EXPECT_EQ(project.resolveLayerReference(QStringLiteral("input:townships")),
              after + QStringLiteral("/data/townships.shp"));
    EXPECT_EQ(project.resolveLayerReference(QStringLiteral("data/x.gpkg|layername=a")),
              after + QStringLiteral("/data/x.gpkg|layername=a"));
    const model::VectorLayer townships =
        io::readLayer(project.inputPathSpec(QStringLiteral("townships")));
    EXPECT_GT(townships.features.size(), 0u);
}

TEST(ProjectFileTest, AProjectMovedWithoutItsDataFallsBackToTheAbsolutePath)
{
    QTemporaryDir dir;
    ASSERT_TRUE(QDir().mkpath(dir.filePath(QStringLiteral("data"))));
    ASSERT_TRUE(QDir().mkpath(dir.filePath(QStringLiteral("elsewhere/deeper"))));
    copyTownships(dir.filePath(QStringLiteral("data")));
    {
        Project project = Project::create(dir.filePath(QStringLiteral("p.riskatlas")));
        project.addInput(dir.filePath(QStringLiteral("data/townships.shp")),
                         QStringLiteral("townships"), InputMode::Referenced);
    }
    const QString moved = dir.filePath(QStringLiteral("elsewhere/deeper/p.riskatlas"));
    ASSERT_TRUE(QFile::rename(dir.filePath(QStringLiteral("p.riskatlas")), moved));
    const Project project = Project::open(moved);
    const QList<InputCheck> checks = project.verifyInputs();
    ASSERT_EQ(checks.size(), 1);
    EXPECT_EQ(checks[0].state, InputState::Ok);
    EXPECT_EQ(checks[0].path, dir.filePath(QStringLiteral("data/townships.shp")));
    EXPECT_TRUE(checks[0].message.contains(QStringLiteral("absolute path")));
    EXPECT_EQ(project.inputPathSpec(QStringLiteral("townships")),
              dir.filePath(QStringLiteral("data/townships.shp")));
}

TEST(ProjectFileTest, ChangedAndMissingInputsAreReportedBeforeARun)
{
    QTemporaryDir dir;
    copyTownships(dir.path());
    ASSERT_TRUE(QFile::copy(test::sampleDataPath(QStringLiteral("yongjia/county_boundary.gpkg")),
                            dir.filePath(QStringLiteral("county_boundary.gpkg"))));
    Project project = Project::create(dir.filePath(QStringLiteral("p.riskatlas")));
    project.addInput(dir.filePath(QStringLiteral("townships.shp")), QStringLiteral("townships"),
                     InputMode::Referenced);
    project.addInput(dir.filePath(QStringLiteral("county_boundary.gpkg")),
                     QStringLiteral("boundary"), InputMode::Referenced, QStringLiteral("county"));
    for (const InputCheck &check : project.verifyInputs())
        EXPECT_EQ(check.state, InputState::Ok) << check.name.toStdString();

    // One byte of the attribute table changes: the shapefile's checksum covers its .dbf.
    {
        QFile dbf(dir.filePath(QStringLiteral("townships.dbf")));
        ASSERT_TRUE(dbf.open(QIODevice::ReadWrite));
        const QByteArray bytes = dbf.readAll();
        dbf.seek(bytes.size() - 2);
        dbf.write(bytes.at(bytes.size() - 2) == 'x' ? "y" : "x");
    }
    ASSERT_TRUE(QFile::remove(dir.filePath(QStringLiteral("county_boundary.gpkg"))));
    const QList<InputCheck> checks = project.verifyInputs();
    ASSERT_EQ(checks.size(), 2);
    EXPECT_EQ(checks[0].name, QStringLiteral("townships"));
    EXPECT_EQ(checks[0].state, InputState::Changed);
    EXPECT_NE(checks[0].actualSha256, checks[0].expectedSha256);
    EXPECT_TRUE(checks[0].message.contains(QStringLiteral("changed")))
        << checks[0].message.toStdString();
    EXPECT_EQ(checks[1].state, InputState::Missing);
    EXPECT_TRUE(checks[1].message.contains(QStringLiteral("county_boundary.gpkg")));

    // Accepting the change records the new checksum.
    project.addInput(dir.filePath(QStringLiteral("townships.shp")), QStringLiteral("townships"),
                     InputMode::Referenced, {}, true);
    EXPECT_EQ(project.verifyInputs()[0].state, InputState::Ok);
}

TEST(ProjectFileTest, ChecksumOfAFileIsItsSha256)
{
    const QString path = test::sampleDataPath(QStringLiteral("yongjia/county_boundary.gpkg"));
    const InputChecksum checksum = checksumDataset(path);
    EXPECT_EQ(checksum.sha256.toLatin1(), sha256Of(path));
    EXPECT_EQ(checksum.size, QFileInfo(path).size());
    EXPECT_EQ(datasetFiles(test::sampleDataPath(QStringLiteral("yongjia/townships.shp"))).size(),
              5);
}

TEST(ProjectFileTest, ImportedInputsAreLayersOfTheFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.riskatlas"));
    {
        Project project = Project::create(path);
        const ProjectInput added = project.addInput(
            test::sampleDataPath(QStringLiteral("yongjia/census.gpkg")) +
                QStringLiteral("|layername=flood_zones"),
            QStringLiteral("hazard"), InputMode::Imported, QStringLiteral("洪涝风险区"));
        EXPECT_EQ(added.layerName, QStringLiteral("洪涝风险区"));
        EXPECT_EQ(added.sourceLayer, QStringLiteral("flood_zones"));
        EXPECT_THROW(project.addInput(test::sampleDataPath(QStringLiteral("yongjia/census.gpkg")),
                                      QStringLiteral("hazard"), InputMode::Imported),
                     InputError); // several layers, none named
        EXPECT_THROW(project.addInput(test::sampleDataPath(QStringLiteral("yongjia/townships.shp")),
                                      QStringLiteral("t"), InputMode::Imported,
                                      QStringLiteral("riskatlas_x")),
                     InputError);
    }
    const Project project = Project::open(path);
    EXPECT_EQ(project.layers(), QStringList{QStringLiteral("洪涝风险区")});
    EXPECT_TRUE(project.resultLayers().isEmpty());
    const model::VectorLayer copy =
        io::readLayer(project.inputPathSpec(QStringLiteral("洪涝风险区")));
    const model::VectorLayer source =
        io::readLayer(test::sampleDataPath(QStringLiteral("yongjia/census.gpkg")) +
                      QStringLiteral("|layername=flood_zones"));
    ASSERT_EQ(copy.features.size(), source.features.size());
    EXPECT_EQ(copy.fields, source.fields);
    for (size_t i = 0; i < copy.features.size(); ++i) {
        EXPECT_EQ(copy.features[i].attributes, source.features[i].attributes);
        EXPECT_EQ(copy.features[i].wkb, source.features[i].wkb);
    }
    EXPECT_EQ(project.verifyInputs()[0].state, InputState::Ok);
}

TEST(ProjectFileTest, RemovingAnImportedInputRemovesItsLayer)
{
    QTemporaryDir dir;
    Project project = Project::create(dir.filePath(QStringLiteral("p.riskatlas")));
    project.addInput(test::sampleDataPath(QStringLiteral("yongjia/townships.shp")),
                     QStringLiteral("townships"), InputMode::Imported);
    EXPECT_EQ(project.layers(), QStringList{QStringLiteral("townships")});
    project.removeInput(QStringLiteral("townships"));
    EXPECT_TRUE(project.layers().isEmpty());
    EXPECT_TRUE(project.inputs().isEmpty());
    EXPECT_THROW(project.removeInput(QStringLiteral("townships")), InputError);
}

TEST(ProjectFileTest, StoredResultsReadBackIdenticallyAndRunsAreLogged)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.riskatlas"));
    const model::VectorLayer layer = zones();
    {
        Project project = Project::create(path);
        RunRecord run;
        run.started = QStringLiteral("2026-11-29T08:00:00.000Z");
        run.finished = QStringLiteral("2026-11-29T08:00:02.500Z");
        run.durationSeconds = 2.5;
        run.status = QStringLiteral("ok");
        run.parameters = {{QStringLiteral("five_colour_model"), QStringLiteral("abc")}};
        run.outputs = {{QStringLiteral("five_colour_zones"), 3}};
        const qint64 id = project.storeResults({layer}, &run);
        EXPECT_EQ(id, 1);
        // Storing again replaces the layer; the log grows.
        run.status = QStringLiteral("ok");
        EXPECT_EQ(project.storeResults({layer}, &run), 2);
    }
    const Project project = Project::open(path);
    EXPECT_EQ(project.resultLayers(), QStringList{QStringLiteral("five_colour_zones")});
    const model::VectorLayer back = project.readLayer(QStringLiteral("five_colour_zones"));
    ASSERT_EQ(back.features.size(), 3u);
    EXPECT_TRUE(back.crs.isSameAs(layer.crs));
    for (size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(back.features[i].wkb, layer.features[i].wkb);
        EXPECT_EQ(back.features[i].attributes[0].toString(),
                  layer.features[i].attributes[0].toString());
        EXPECT_EQ(back.features[i].attributes[1].toString(),
                  layer.features[i].attributes[1].toString());
        EXPECT_EQ(back.features[i].attributes[2].toInt(), layer.features[i].attributes[2].toInt());
    }
    const QList<RunRecord> runs = project.runs();
    ASSERT_EQ(runs.size(), 2);
    EXPECT_EQ(runs[0].durationSeconds, 2.5);
    EXPECT_EQ(runs[0].softwareVersion, QStringLiteral("riskatlas " RISKATLAS_VERSION));
    EXPECT_EQ(runs[0].parameters.value(QStringLiteral("five_colour_model")).toString(),
              QStringLiteral("abc"));
    const QJsonObject json = runRecordToJson(runs[1]);
    EXPECT_EQ(json.value(QStringLiteral("id")).toInteger(), 2);
    EXPECT_EQ(json.value(QStringLiteral("duration_s")).toDouble(), 2.5);
    EXPECT_EQ(
        json.value(QStringLiteral("outputs")).toObject().value(QStringLiteral("five_colour_zones")),
        3);
    EXPECT_THROW(project.readLayer(QStringLiteral("nothing")), InputError);
}

TEST(ProjectFileTest, SpatialSqlWorksOnTheProjectLayers)
{
    QTemporaryDir dir;
    Project project = Project::create(dir.filePath(QStringLiteral("p.riskatlas")));
    project.storeResults({zones()}, nullptr);
    if (!project.hasSpatialSql())
        GTEST_SKIP() << "mod_spatialite not installed: " << project.spatialSqlError().toStdString();
    // Each square is 1 km²; ST_Area reads the GeoPackage blobs in amphibious mode.
    const auto rows = project.query(
        QStringLiteral("SELECT sum(ST_Area(geom)), count(*) FROM five_colour_zones WHERE level "
                       ">= ?1"),
        {3});
    ASSERT_EQ(rows.size(), 1);
    EXPECT_DOUBLE_EQ(rows[0][0].toDouble(), 2.0e6);
    EXPECT_EQ(rows[0][1].toLongLong(), 2);
    const auto converted =
        project.query(QStringLiteral("SELECT ST_Area(GeomFromGPB(geom)) FROM five_colour_zones "
                                     "LIMIT 1"));
    EXPECT_DOUBLE_EQ(converted[0][0].toDouble(), 1.0e6);
    EXPECT_THROW(project.query(QStringLiteral("DELETE FROM five_colour_zones")), InputError);
}

TEST(ProjectFileTest, SaveAsKeepsReferencedInputsFound)
{
    QTemporaryDir dir;
    ASSERT_TRUE(QDir().mkpath(dir.filePath(QStringLiteral("a/data"))));
    ASSERT_TRUE(QDir().mkpath(dir.filePath(QStringLiteral("b/c"))));
    copyTownships(dir.filePath(QStringLiteral("a/data")));
    Project project = Project::create(dir.filePath(QStringLiteral("a/p.riskatlas")));
    project.addInput(dir.filePath(QStringLiteral("a/data/townships.shp")),
                     QStringLiteral("townships"), InputMode::Referenced);
    project.storeResults({zones()}, nullptr);
    const Project copy = project.saveAs(dir.filePath(QStringLiteral("b/c/副本.riskatlas")));
    EXPECT_EQ(copy.input(QStringLiteral("townships"))->path,
              QStringLiteral("../../a/data/townships.shp"));
    EXPECT_EQ(copy.verifyInputs()[0].state, InputState::Ok);
    EXPECT_EQ(copy.resultLayers(), QStringList{QStringLiteral("five_colour_zones")});
    EXPECT_EQ(project.input(QStringLiteral("townships"))->path,
              QStringLiteral("data/townships.shp"));
    EXPECT_THROW(project.saveAs(dir.filePath(QStringLiteral("b/c/副本.riskatlas"))), InputError);
}

// A population grid is an input like any other for the checksums, but only by reference.
TEST(ProjectFileTest, RastersAreReferencedWithTheirChecksum)
{
    QTemporaryDir root;
    const QString raster = root.filePath(QStringLiteral("人口.tif"));
    ASSERT_TRUE(
        QFile::copy(test::sampleDataPath(QStringLiteral("yongjia/population_250m.tif")), raster));
    Project project = Project::create(root.filePath(QStringLiteral("p.riskatlas")));
    const ProjectInput added =
        project.addInput(raster, QStringLiteral("population"), InputMode::Referenced);
    EXPECT_EQ(added.name, QStringLiteral("人口"));
    EXPECT_EQ(added.path, QStringLiteral("人口.tif"));
    EXPECT_EQ(added.sha256, QString::fromLatin1(sha256Of(raster)));
    EXPECT_TRUE(added.sourceLayer.isEmpty());
    EXPECT_THROW(project.addInput(raster, QStringLiteral("population"), InputMode::Imported,
                                  QStringLiteral("grid")),
                 InputError);
    EXPECT_EQ(project.verifyInputs().value(0).state, InputState::Ok);
    {
        QFile file(raster);
        ASSERT_TRUE(file.open(QIODevice::Append));
        file.write("x");
    }
    EXPECT_EQ(project.verifyInputs().value(0).state, InputState::Changed);
}
