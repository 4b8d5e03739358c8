// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
// The sample submission package, checked the way the receiving office would: unzipped, the
// shapefiles read back with GDAL (not our reader), the manifest's checksums recomputed, and
// the GeoPackage opened in QGIS to see that its layers come up coloured.
#include "core/gdal/gdal_handles.h"
#include "core/io/text_encoding.h"
#include "core/io/zip_archive.h"
#include "support/test_support.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace riskatlas;
using namespace riskatlas::test;

namespace {

// The fixture results (sample_job_results, sample_job_atlas in tests/CMakeLists.txt).
QString sampleOut()
{
    return QStringLiteral(RISKATLAS_SAMPLE_OUT);
}

const char *const kLayers[] = {"综合风险评估图", "综合风险区划图", "综合防治区划图",
                               "企业风险四色图", "区域企业风险图", "安全控制线",
                               "乡镇界"};

QString sha256(const QString &path)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return QString::fromLatin1(hash.result().toHex());
}

// Every value of `field` in the layer, read with OGR (which honours the .cpg).
QStringList ogrValues(const QString &path, const char *field)
{
    gdal::ensureRegistered();
    gdal::DatasetPtr dataset(
        GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
    EXPECT_TRUE(dataset) << path.toStdString();
    QStringList values;
    if (!dataset)
        return values;
    OGRLayerH layer = GDALDatasetGetLayer(dataset.get(), 0);
    const int index = OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(layer), field);
    EXPECT_GE(index, 0) << field;
    if (index < 0)
        return values;
    OGR_L_ResetReading(layer);
    while (OGRFeatureH feature = OGR_L_GetNextFeature(layer)) {
        values.append(QString::fromUtf8(OGR_F_GetFieldAsString(feature, index)));
        OGR_F_Destroy(feature);
    }
    return values;
}

struct Package
{
    CliResult result;
    QString dir; ///< unzipped
    QStringList entries;
};

// The GBK variant is built by the test; the UTF-8 one is the sample_job_package fixture's.
Package buildPackage(const QTemporaryDir &dir, const QString &encoding)
{
    Package package;
    QString zip;
    if (encoding == QLatin1String("UTF-8")) {
        zip = sampleOut() + QStringLiteral("/package/永嘉县成果包.zip");
        package.result.exitCode = QFileInfo::exists(zip) ? 0 : -1;
        package.result.err = QStringLiteral("%1 missing: the sample_job_package fixture did not "
                                            "run")
                                 .arg(zip);
    } else {
        zip = dir.filePath(QStringLiteral("成果包_%1.zip").arg(encoding));
        package.result = runCli({QStringLiteral("package"),
                                 sampleDataPath(QStringLiteral("yongjia/package_config.json")),
                                 QStringLiteral("-o"), zip, QStringLiteral("--results"),
                                 sampleOut(), QStringLiteral("--encoding"), encoding},
                                600000);
    }
    package.dir = dir.filePath(QStringLiteral("unzipped_%1").arg(encoding));
    QDir().mkpath(package.dir);
    if (package.result.exitCode == 0)
        package.entries = io::extractZip(zip, package.dir);
    return package;
}

class PackageCli : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(QFileInfo::exists(sampleOut() + QStringLiteral("/atlas/永嘉县图集.pdf")))
            << "the sample_job fixtures did not run (ctest runs them first)";
    }
    QTemporaryDir m_dir;
};

} // namespace

TEST_F(PackageCli, Utf8ShapefilesReadBackInChinese)
{
    const Package package = buildPackage(m_dir, QStringLiteral("UTF-8"));
    ASSERT_EQ(package.result.exitCode, 0) << package.result.err.toStdString();
    const QSet<QString> entries(package.entries.begin(), package.entries.end());
    for (const char *layer : kLayers) {
        for (const char *suffix : {".shp", ".shx", ".dbf", ".prj", ".cpg", ".qml"})
            EXPECT_TRUE(entries.contains(QStringLiteral("shp/") + QString::fromUtf8(layer) +
                                         QLatin1String(suffix)))
                << layer << suffix;
    }
    for (const char *file :
         {"永嘉县风险成果.gpkg", "永嘉县图集.pdf", "model_report.json", "manifest.json",
          "tables/risk_by_township.xlsx", "tables/level_counts.xlsx"})
        EXPECT_TRUE(entries.contains(QString::fromUtf8(file))) << file;

    const QString shp = package.dir + QStringLiteral("/shp/");
    QFile cpg(shp + QStringLiteral("乡镇界.cpg"));
    ASSERT_TRUE(cpg.open(QIODevice::ReadOnly));
    EXPECT_EQ(cpg.readAll().trimmed().toUpper(), QByteArray("UTF-8"));
    const QStringList towns = ogrValues(shp + QStringLiteral("乡镇界.shp"), "name");
    EXPECT_EQ(towns.size(), 22);
    EXPECT_TRUE(towns.contains(QStringLiteral("黄田街道")));
    EXPECT_TRUE(towns.contains(QStringLiteral("茗岙乡")));
    const QStringList levels = ogrValues(shp + QStringLiteral("综合风险区划图.shp"), "level_name");
    EXPECT_EQ(QSet<QString>(levels.begin(), levels.end()),
              (QSet<QString>{QStringLiteral("高"), QStringLiteral("较高"), QStringLiteral("中"),
                             QStringLiteral("较低"), QStringLiteral("低")}));
    const QStringList firms = ogrValues(shp + QStringLiteral("企业风险四色图.shp"), "level_name");
    EXPECT_EQ(firms.size(), 6908);
    EXPECT_EQ(firms.count(QStringLiteral("重大")), 174); // docs/enterprises.md, after adjustment
}

TEST_F(PackageCli, GbkShapefilesCarryTheLanguageByteAndReadBack)
{
    const Package package = buildPackage(m_dir, QStringLiteral("GBK"));
    ASSERT_EQ(package.result.exitCode, 0) << package.result.err.toStdString();
    const QString dbfPath = package.dir + QStringLiteral("/shp/乡镇界.dbf");
    QFile dbf(dbfPath);
    ASSERT_TRUE(dbf.open(QIODevice::ReadOnly));
    const QByteArray bytes = dbf.readAll();
    // DBF header byte 29: language driver id 0x4D (GBK, code page 936) as ArcGIS writes it.
    EXPECT_EQ(quint8(bytes.at(29)), 0x4D);
    // The name 黄田街道 is in the file as GBK bytes, not UTF-8 ones.
    EXPECT_TRUE(bytes.contains(QByteArray("\xBB\xC6\xCC\xEF\xBD\xD6\xB5\xC0")));
    EXPECT_FALSE(bytes.contains(QStringLiteral("黄田街道").toUtf8()));
    const QStringList towns = ogrValues(package.dir + QStringLiteral("/shp/乡镇界.shp"), "name");
    EXPECT_TRUE(towns.contains(QStringLiteral("黄田街道")));
    const QStringList firms =
        ogrValues(package.dir + QStringLiteral("/shp/企业风险四色图.shp"), "level_name");
    EXPECT_EQ(firms.count(QStringLiteral("较大")), 551);
}

TEST_F(PackageCli, ManifestChecksumsMatchTheFiles)
{
    const Package package = buildPackage(m_dir, QStringLiteral("UTF-8"));
    ASSERT_EQ(package.result.exitCode, 0) << package.result.err.toStdString();
    QFile file(package.dir + QStringLiteral("/manifest.json"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QJsonObject manifest = QJsonDocument::fromJson(file.readAll()).object();
    EXPECT_EQ(manifest.value(QStringLiteral("version")).toString(),
              QStringLiteral(RISKATLAS_VERSION));
    EXPECT_EQ(manifest.value(QStringLiteral("parameters"))[QStringLiteral("encoding")].toString(),
              QStringLiteral("UTF-8"));

    // Every file of the package but the manifest is listed, with its size and SHA-256.
    QSet<QString> listed;
    for (const QJsonValue &value : manifest.value(QStringLiteral("files")).toArray()) {
        const QString name = value[QStringLiteral("name")].toString();
        const QString path = package.dir + u'/' + name;
        listed.insert(name);
        EXPECT_EQ(qint64(value[QStringLiteral("size")].toDouble()), QFileInfo(path).size())
            << name.toStdString();
        EXPECT_EQ(value[QStringLiteral("sha256")].toString(), sha256(path)) << name.toStdString();
    }
    QSet<QString> expected(package.entries.begin(), package.entries.end());
    expected.remove(QStringLiteral("manifest.json"));
    EXPECT_EQ(listed, expected);

    // Inputs: checksums of the sample data as it is on disk; a shapefile with all its parts.
    QSet<QString> inputs;
    for (const QJsonValue &value : manifest.value(QStringLiteral("inputs")).toArray()) {
        const QString name = value[QStringLiteral("name")].toString();
        inputs.insert(name);
        EXPECT_EQ(value[QStringLiteral("sha256")].toString(),
                  sha256(sampleDataPath(QStringLiteral("yongjia/") + name)))
            << name.toStdString();
    }
    for (const char *name : {"townships.shp", "townships.dbf", "townships.cpg", "census.gpkg",
                             "population_250m.tif", "enterprises_2025H2.csv"})
        EXPECT_TRUE(inputs.contains(QString::fromLatin1(name))) << name;

    // The model's parameters are in the manifest as the model file holds them.
    bool modelFound = false;
    for (const QJsonValue &value : manifest.value(QStringLiteral("configs")).toArray()) {
        if (value[QStringLiteral("name")].toString() != QLatin1String("five_colour_model.json"))
            continue;
        modelFound = true;
        QFile model(sampleDataPath(QStringLiteral("yongjia/five_colour_model.json")));
        ASSERT_TRUE(model.open(QIODevice::ReadOnly));
        EXPECT_EQ(value[QStringLiteral("content")].toObject(),
                  QJsonDocument::fromJson(model.readAll()).object());
        EXPECT_EQ(value[QStringLiteral("sha256")].toString(),
                  sha256(sampleDataPath(QStringLiteral("yongjia/five_colour_model.json"))));
    }
    EXPECT_TRUE(modelFound);
}

TEST_F(PackageCli, QgisOpensTheGeoPackageColoured)
{
    QProcess probe;
    probe.start(QStringLiteral("/usr/bin/python3"),
                {QStringLiteral("-c"), QStringLiteral("import qgis.core")});
    if (!probe.waitForFinished(60000) || probe.exitStatus() != QProcess::NormalExit ||
        probe.exitCode() != 0)
        GTEST_SKIP() << "python3-qgis is not installed";

    const Package package = buildPackage(m_dir, QStringLiteral("UTF-8"));
    ASSERT_EQ(package.result.exitCode, 0) << package.result.err.toStdString();
    const QString gpkg = package.dir + QStringLiteral("/永嘉县风险成果.gpkg");
    // For each layer: renderer type, its field, and the categories as value/label/#rrggbb.
    const QString script = QStringLiteral(R"py(
import json, sys
from qgis.core import QgsApplication, QgsVectorLayer
app = QgsApplication([], False)
app.initQgis()
out = {}
for name in sys.argv[2:]:
    layer = QgsVectorLayer(sys.argv[1] + '|layername=' + name, name, 'ogr')
    message, ok = layer.loadDefaultStyle()
    r = layer.renderer()
    entry = {'valid': layer.isValid(), 'ok': ok, 'type': r.type() if r else None}
    if r and r.type() == 'categorizedSymbol':
        entry['field'] = r.classAttribute()
        entry['categories'] = [[str(c.value()), c.label(), c.symbol().color().name()]
                               for c in r.categories()]
    out[name] = entry
print(json.dumps(out, ensure_ascii=False))
)py");
    QStringList arguments{QStringLiteral("-c"), script, gpkg};
    for (const char *layer : kLayers)
        arguments.append(QString::fromUtf8(layer));
    QProcess qgis;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    qgis.setProcessEnvironment(environment);
    qgis.start(QStringLiteral("/usr/bin/python3"), arguments);
    ASSERT_TRUE(qgis.waitForFinished(300000));
    ASSERT_EQ(qgis.exitCode(), 0) << qgis.readAllStandardError().toStdString();
    const QByteArray stdoutBytes = qgis.readAllStandardOutput();
    const QJsonObject layers =
        QJsonDocument::fromJson(stdoutBytes.mid(stdoutBytes.lastIndexOf("\n{") + 1)).object();
    ASSERT_EQ(layers.size(), 7) << stdoutBytes.toStdString();

    // resources/palettes: five_colour, prevention, enterprise_four_colour.
    const QJsonArray fiveColour = QJsonDocument::fromJson(R"([
        ["5", "高", "#e60000"], ["4", "较高", "#ff9900"], ["3", "中", "#ffeb00"],
        ["2", "较低", "#3c8cdc"], ["1", "低", "#38a800"]])")
                                      .array();
    const QJsonArray enterprise = QJsonDocument::fromJson(R"([
        ["4", "重大", "#e60000"], ["3", "较大", "#ff9900"], ["2", "一般", "#ffeb00"],
        ["1", "低", "#0070ff"]])")
                                      .array();
    for (const char *name :
         {"综合风险评估图", "综合风险区划图", "企业风险四色图", "区域企业风险图", "安全控制线"}) {
        const QJsonObject layer = layers.value(QString::fromUtf8(name)).toObject();
        EXPECT_TRUE(layer.value(QStringLiteral("valid")).toBool()) << name;
        EXPECT_EQ(layer.value(QStringLiteral("type")).toString(),
                  QStringLiteral("categorizedSymbol"))
            << name;
        EXPECT_EQ(layer.value(QStringLiteral("field")).toString(), QStringLiteral("level")) << name;
        const bool isEnterprise = QString::fromUtf8(name).contains(QStringLiteral("企业")) ||
                                  QString::fromUtf8(name) == QStringLiteral("安全控制线");
        EXPECT_EQ(layer.value(QStringLiteral("categories")).toArray(),
                  isEnterprise ? enterprise : fiveColour)
            << name;
    }
    const QJsonObject prevention = layers.value(QStringLiteral("综合防治区划图")).toObject();
    EXPECT_EQ(prevention.value(QStringLiteral("type")).toString(),
              QStringLiteral("categorizedSymbol"));
    EXPECT_EQ(prevention.value(QStringLiteral("categories")).toArray().size(), 3);
    EXPECT_EQ(layers.value(QStringLiteral("乡镇界"))[QStringLiteral("type")].toString(),
              QStringLiteral("singleSymbol"));
}

TEST(PackageCliErrors, MissingResultNamesTheKeyAndTheFile)
{
    QTemporaryDir dir;
    const QString zip = dir.filePath(QStringLiteral("包.zip"));
    const CliResult result = runCli(
        {QStringLiteral("package"), sampleDataPath(QStringLiteral("yongjia/package_config.json")),
         QStringLiteral("-o"), zip, QStringLiteral("--results"), dir.path()});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains(QStringLiteral("layers[0].source")))
        << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(QStringLiteral("five_colour/risk_map.gpkg")))
        << result.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(zip));
    EXPECT_EQ(
        QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).size(),
        0);
}
