// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
// The sample atlas checked the way a reviewer would: with poppler's tools, not our own code.
#include "support/test_support.h"

#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cmath>

using namespace riskatlas::test;

namespace {

// sample-data/README.md: the 22 townships of 永嘉县.
const char *const kTownships[] = {
    "南城街道", "北城街道", "东城街道", "江北街道", "三江街道", "黄田街道", "乌牛街道", "桥头镇",
    "桥下镇",   "大若岩镇", "碧莲镇",   "巽宅镇",   "岩头镇",   "枫林镇",   "岩坦镇",   "沙头镇",
    "鹤盛镇",   "金溪镇",   "云岭乡",   "溪下乡",   "界坑乡",   "茗岙乡"};

// The sample's layout (resources/layouts/a4_portrait.json): A4, map frame in mm.
constexpr double kFrameX = 12, kFrameY = 24, kFrameW = 186, kFrameH = 180;
constexpr int kPages = 1 + 1 + 1 + 22; // cover, contents, overview, townships

QString tool(const char *name)
{
    return QStandardPaths::findExecutable(QString::fromLatin1(name));
}

QByteArray run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    EXPECT_TRUE(process.waitForFinished(120000)) << program.toStdString();
    EXPECT_EQ(process.exitCode(), 0)
        << program.toStdString() << " " << process.readAllStandardError().toStdString();
    return process.readAllStandardOutput();
}

struct Rgb
{
    int r, g, b;
};

// A binary PPM (P6) as pdftoppm writes it.
struct Ppm
{
    int width = 0;
    int height = 0;
    QByteArray pixels;

    Rgb at(int x, int y) const
    {
        const auto *p =
            reinterpret_cast<const uchar *>(pixels.constData()) + (qsizetype(y) * width + x) * 3;
        return {p[0], p[1], p[2]};
    }
};

Ppm readPpm(const QString &path)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    const QByteArray data = file.readAll();
    // "P6\n<w> <h>\n255\n" then RGB bytes.
    const QList<QByteArray> header = data.left(64).split('\n');
    Ppm ppm;
    if (header.size() < 3 || header[0] != "P6")
        return ppm;
    const QList<QByteArray> size = header[1].split(' ');
    ppm.width = size.value(0).toInt();
    ppm.height = size.value(1).toInt();
    const qsizetype offset = header[0].size() + header[1].size() + header[2].size() + 3;
    ppm.pixels = data.mid(offset);
    EXPECT_EQ(ppm.pixels.size(), qsizetype(ppm.width) * ppm.height * 3);
    return ppm;
}

struct Word
{
    double xMin, yMin, xMax, yMax;
    QString text;
    double centreX() const { return (xMin + xMax) / 2; }
    double centreY() const { return (yMin + yMax) / 2; }
};

// Words of one page with their boxes in points (pdftotext -bbox).
std::vector<Word> words(const QString &pdf, int page)
{
    const QString html = QString::fromUtf8(
        run(tool("pdftotext"),
            {QStringLiteral("-bbox"), QStringLiteral("-f"), QString::number(page),
             QStringLiteral("-l"), QString::number(page), pdf, QStringLiteral("-")}));
    static const QRegularExpression pattern(QStringLiteral(
        R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re"));
    std::vector<Word> result;
    for (auto it = pattern.globalMatch(html); it.hasNext();) {
        const auto m = it.next();
        result.push_back({m.captured(1).toDouble(), m.captured(2).toDouble(),
                          m.captured(3).toDouble(), m.captured(4).toDouble(), m.captured(5)});
    }
    return result;
}

// The sample job's outputs, made once per ctest run by the sample_job_results and
// sample_job_atlas fixtures (tests/cli/sample_job.cmake).
QString sampleOut(const QString &relative)
{
    return QStringLiteral(RISKATLAS_SAMPLE_OUT "/") + relative;
}

class AtlasCli : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_pdf = sampleOut(QStringLiteral("atlas/永嘉县图集.pdf"));
        ASSERT_TRUE(QFileInfo::exists(m_pdf))
            << m_pdf.toStdString() << " missing: run the sample_job_atlas fixture (ctest)";
        if (tool("pdfinfo").isEmpty())
            GTEST_SKIP() << "poppler-utils (pdfinfo, pdffonts, pdftotext, pdftoppm) missing";
    }

    QString m_pdf;
    QTemporaryDir m_dir;
};

} // namespace

TEST_F(AtlasCli, HasOnePagePerTownshipPlusCoverContentsAndOverview)
{
    const QString info = QString::fromUtf8(run(tool("pdfinfo"), {m_pdf}));
    EXPECT_TRUE(info.contains(QRegularExpression(QStringLiteral("Pages:\\s+%1\\n").arg(kPages))))
        << info.toStdString();
    EXPECT_TRUE(info.contains(QStringLiteral("永嘉县自然灾害综合风险区划图集")))
        << info.toStdString();
    EXPECT_TRUE(
        info.contains(QRegularExpression(QStringLiteral("Page size:\\s+595(\\.\\d+)? x 84[12]"))))
        << info.toStdString();
}

TEST_F(AtlasCli, EmbedsTheCjkFont)
{
    const QString fonts = QString::fromUtf8(run(tool("pdffonts"), {m_pdf}));
    bool cjkEmbedded = false;
    for (const QString &line : fonts.split(u'\n')) {
        if (!line.contains(QStringLiteral("NotoSansCJK")) &&
            !line.contains(QStringLiteral("Noto Sans CJK")))
            continue;
        // Columns: name type encoding emb sub uni object ID; "emb" must be yes.
        const QStringList columns =
            line.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        const qsizetype emb = columns.size() - 5;
        cjkEmbedded = cjkEmbedded || (emb > 0 && columns[emb] == QLatin1String("yes"));
    }
    EXPECT_TRUE(cjkEmbedded) << fonts.toStdString();
    EXPECT_FALSE(fonts.contains(QRegularExpression(QStringLiteral(" no +no +"))))
        << "a font is not embedded:\n"
        << fonts.toStdString();
}

TEST_F(AtlasCli, TextHasEveryTownshipAndTheLegend)
{
    const QString text = QString::fromUtf8(run(tool("pdftotext"), {m_pdf, QStringLiteral("-")}));
    for (const char *name : kTownships)
        EXPECT_TRUE(text.contains(QString::fromUtf8(name))) << name;
    // Qt maps some glyphs back to the Kangxi radicals that share them (黄 → ⻩); the atlas
    // repairs that, so no radical may come back from the text layer.
    for (const QChar c : text)
        EXPECT_FALSE(c.unicode() >= 0x2E80 && c.unicode() <= 0x2FDF)
            << std::hex << int(c.unicode());
    // Legend labels of the five-colour palette, each a word of its own on the overview page.
    std::vector<Word> overview = words(m_pdf, 3);
    for (const char *label : {"高", "较高", "中", "较低", "低"}) {
        const bool found = std::any_of(overview.begin(), overview.end(), [&](const Word &w) {
            return w.text == QString::fromUtf8(label);
        });
        EXPECT_TRUE(found) << label;
    }
    // Legend labels of the enterprise palette (enterprise_four_colour) on the overview page.
    for (const char *label : {"重大", "较大", "一般", "低"}) {
        const bool found = std::any_of(overview.begin(), overview.end(), [&](const Word &w) {
            return w.text == QString::fromUtf8(label);
        });
        EXPECT_TRUE(found) << label;
    }
    EXPECT_TRUE(text.contains(QStringLiteral("图  例")) || text.contains(QStringLiteral("图 例")));
    EXPECT_TRUE(text.contains(QStringLiteral("参数 SHA-256")));
    // No Latin ligatures: a hash with "ff" must read back letter by letter.
    for (const char16_t ligature : {u'\uFB00', u'\uFB01', u'\uFB02'})
        EXPECT_FALSE(text.contains(QChar(ligature)));
    EXPECT_TRUE(text.contains(QStringLiteral("EPSG:4549")));
}

TEST_F(AtlasCli, MapAreaShowsThePaletteColours)
{
    const QString prefix = m_dir.filePath(QStringLiteral("overview"));
    run(tool("pdftoppm"), {QStringLiteral("-f"), QStringLiteral("3"), QStringLiteral("-l"),
                           QStringLiteral("3"), QStringLiteral("-r"), QStringLiteral("100"),
                           QStringLiteral("-singlefile"), m_pdf, prefix});
    const Ppm page = readPpm(prefix + QStringLiteral(".ppm"));
    ASSERT_GT(page.width, 0);
    const double pxPerMm = 100 / 25.4;
    // five_colour.json, drawn at 85 % opacity over white in the sample configuration.
    const Rgb palette[] = {{0xE6, 0x00, 0x00},
                           {0xFF, 0x99, 0x00},
                           {0xFF, 0xEB, 0x00},
                           {0x3C, 0x8C, 0xDC},
                           {0x38, 0xA8, 0x00}};
    for (const Rgb &c : palette) {
        const Rgb expected = {int(std::lround(0.85 * c.r + 0.15 * 255)),
                              int(std::lround(0.85 * c.g + 0.15 * 255)),
                              int(std::lround(0.85 * c.b + 0.15 * 255))};
        int inside = 0;
        for (int y = int((kFrameY + 1) * pxPerMm); y < int((kFrameY + kFrameH - 1) * pxPerMm);
             ++y) {
            for (int x = int((kFrameX + 1) * pxPerMm); x < int((kFrameX + kFrameW - 1) * pxPerMm);
                 ++x) {
                const Rgb p = page.at(x, y);
                inside += std::abs(p.r - expected.r) <= 6 && std::abs(p.g - expected.g) <= 6 &&
                          std::abs(p.b - expected.b) <= 6;
            }
        }
        EXPECT_GT(inside, 200) << "colour " << c.r << "," << c.g << "," << c.b;
    }
}

TEST_F(AtlasCli, ScaleBarMatchesTheMapScale)
{
    // On every map page: the bar's "0" and end numbers sit on its ends; with the printed
    // 1:N the bar's page length must be its ground length within 1 %, and the coordinate
    // ticks (km) must be as far apart on paper as the same scale puts them.
    int checked = 0;
    for (int page : {3, 4, 12, kPages}) {
        const std::vector<Word> w = words(m_pdf, page);
        const auto unit = std::find_if(
            w.begin(), w.end(), [](const Word &x) { return x.text == QStringLiteral("千米"); });
        const auto ratio = std::find_if(w.begin(), w.end(), [](const Word &x) {
            return x.text.startsWith(QStringLiteral("1:"));
        });
        ASSERT_NE(unit, w.end()) << page;
        ASSERT_NE(ratio, w.end()) << page;
        const double denominator = ratio->text.mid(2).toDouble();
        ASSERT_GT(denominator, 1000) << page;
        // Tick numbers: above the unit, left of it, on one line.
        std::vector<Word> numbers;
        for (const Word &x : w) {
            bool ok = false;
            x.text.toDouble(&ok);
            if (ok && x.xMax < unit->xMin && std::abs(x.yMax - unit->yMax) < 8 &&
                x.yMax < unit->yMax && x.xMin > ratio->xMin - 10)
                numbers.push_back(x);
        }
        ASSERT_GE(numbers.size(), 3u) << page;
        std::sort(numbers.begin(), numbers.end(),
                  [](const Word &a, const Word &b) { return a.xMin < b.xMin; });
        ASSERT_EQ(numbers.front().text, QStringLiteral("0"));
        const double barPoints = numbers.back().centreX() - numbers.front().centreX();
        const double groundMetres = numbers.back().text.toDouble() * 1000.0;
        const double measured = barPoints / 72.0 * 0.0254 * denominator;
        EXPECT_NEAR(measured / groundMetres, 1.0, 0.01) << "page " << page;

        // The easting ticks under the frame: numbers (km) on one line below the frame.
        const double frameBottom = (kFrameY + kFrameH) * 72 / 25.4;
        std::vector<Word> ticks;
        for (const Word &x : w) {
            bool ok = false;
            x.text.toDouble(&ok);
            if (ok && x.yMin > frameBottom && x.yMin < frameBottom + 12)
                ticks.push_back(x);
        }
        ASSERT_GE(ticks.size(), 2u) << page;
        std::sort(ticks.begin(), ticks.end(),
                  [](const Word &a, const Word &b) { return a.xMin < b.xMin; });
        const double tickKm = ticks[1].text.toDouble() - ticks[0].text.toDouble();
        const double tickPoints = ticks[1].centreX() - ticks[0].centreX();
        const double tickMeasured = tickPoints / 72.0 * 0.0254 * denominator;
        EXPECT_NEAR(tickMeasured / (tickKm * 1000.0), 1.0, 0.01) << "page " << page;
        ++checked;
    }
    EXPECT_EQ(checked, 4);
}

TEST_F(AtlasCli, GraticuleInDegreesAndMinutesAtTheTopAndRight)
{
    // Meridians are labelled above the frame, parallels right of it (120°30′E, 28°10′N). Their
    // page positions are checked against the km ticks under the frame and a hand computation:
    // in Gauss-Krüger CM 120°E a meridian λ lies N·cos φ·Δλ east of 500 km (the next term of
    // the series is below a metre here), N = a / √(1 − e² sin² φ) with CGCS2000's a and e².
    const double frameTop = kFrameY * 72 / 25.4;
    const double frameRight = (kFrameX + kFrameW) * 72 / 25.4;
    const double frameBottom = (kFrameY + kFrameH) * 72 / 25.4;
    static const QRegularExpression meridian(QStringLiteral("^(\\d+)°(\\d\\d)′E$"));
    static const QRegularExpression parallel(QStringLiteral("^(\\d+)°(\\d\\d)′N$"));
    int checked = 0;
    for (int page = 4; page <= kPages; ++page) {
        const std::vector<Word> w = words(m_pdf, page);
        std::vector<std::pair<double, double>> eastings;  // (page x, degrees)
        std::vector<std::pair<double, double>> northings; // (page y, degrees)
        std::vector<Word> ticks;
        for (const Word &x : w) {
            const auto m = meridian.match(x.text);
            if (m.hasMatch()) {
                EXPECT_LT(x.yMax, frameTop) << "page " << page;
                eastings.push_back(
                    {x.centreX(), m.captured(1).toDouble() + m.captured(2).toDouble() / 60});
            }
            const auto p = parallel.match(x.text);
            if (p.hasMatch()) {
                EXPECT_GT(x.xMin, frameRight) << "page " << page;
                northings.push_back(
                    {x.centreY(), p.captured(1).toDouble() + p.captured(2).toDouble() / 60});
            }
            bool ok = false;
            x.text.toDouble(&ok);
            if (ok && x.yMin > frameBottom && x.yMin < frameBottom + 12)
                ticks.push_back(x);
        }
        EXPECT_GE(eastings.size(), 2u) << "page " << page;
        EXPECT_GE(northings.size(), 1u) << "page " << page;
        if (ticks.size() < 2 || eastings.empty() || northings.empty())
            continue;
        std::sort(ticks.begin(), ticks.end(),
                  [](const Word &a, const Word &b) { return a.xMin < b.xMin; });
        const double kmPerPoint = (ticks[1].text.toDouble() - ticks[0].text.toDouble()) /
                                  (ticks[1].centreX() - ticks[0].centreX());
        // The latitude of the frame's top edge, from a parallel's label and 110.85 km per
        // degree of latitude at 28° N (its curvature in the projection moves it by less than
        // 0.01°, a meridian then by a few metres).
        const double phi = (northings[0].second +
                            (northings[0].first - frameTop) * std::abs(kmPerPoint) / 110.85) *
                           M_PI / 180.0;
        const double a = 6378137.0;
        const double e2 = 0.00669438002290;
        const double n = a / std::sqrt(1 - e2 * std::sin(phi) * std::sin(phi));
        for (const auto &[x, degrees] : eastings) {
            const double expectedKm =
                500.0 + n * std::cos(phi) * (degrees - 120.0) * M_PI / 180.0 / 1000.0;
            const double shownKm = ticks[0].text.toDouble() + (x - ticks[0].centreX()) * kmPerPoint;
            EXPECT_NEAR(shownKm, expectedKm, 0.08) << "page " << page << " " << degrees;
            ++checked;
        }
    }
    EXPECT_GE(checked, 2 * (kPages - 3));
}

TEST_F(AtlasCli, EachPageLegendListsTheClassesOnItsMap)
{
    // The legend box (a4_portrait: x 12–68 mm, y 208–278 mm) and the statistics table to its
    // right. A class with area or firms in the page's unit must be in that page's legend (the
    // unit is inside the map frame); the overview lists every class of the zoning, and some unit
    // page lists fewer.
    const double left = 12 * 72 / 25.4, right = 68 * 72 / 25.4;
    const double top = 208 * 72 / 25.4, bottom = 278 * 72 / 25.4;
    const QStringList zoning = {QStringLiteral("高"), QStringLiteral("较高"), QStringLiteral("中"),
                                QStringLiteral("较低"), QStringLiteral("低")};
    auto legendWords = [&](const std::vector<Word> &w) {
        QStringList result;
        for (const Word &x : w) {
            if (x.xMin > left && x.xMax < right && x.yMin > top && x.yMax < bottom)
                result.append(x.text);
        }
        return result;
    };
    const QStringList overview = legendWords(words(m_pdf, 3));
    for (const QString &cls : zoning)
        EXPECT_TRUE(overview.contains(cls)) << cls.toStdString();
    int fewer = 0;
    int checked = 0;
    for (int page = 4; page <= kPages; ++page) {
        const std::vector<Word> w = words(m_pdf, page);
        const QStringList legend = legendWords(w);
        bool lacks = false;
        for (const QString &cls : zoning)
            lacks = lacks || !legend.contains(cls);
        fewer += lacks ? 1 : 0;
        for (const Word &label : w) {
            QString cls;
            if (label.text.endsWith(QStringLiteral("风险区（km²）")))
                cls = label.text.chopped(QStringLiteral("风险区（km²）").size());
            else if (label.text.endsWith(QStringLiteral("风险企业（家）")))
                cls = label.text.chopped(QStringLiteral("风险企业（家）").size());
            if (cls.isEmpty() || label.xMin < right)
                continue;
            // The value: the rightmost number on the label's line of the table.
            const Word *value = nullptr;
            for (const Word &x : w) {
                if (std::abs(x.centreY() - label.centreY()) < 2 && x.xMin > label.xMax &&
                    x.xMax < 138 * 72 / 25.4 && (!value || x.xMin > value->xMin))
                    value = &x;
            }
            ASSERT_NE(value, nullptr) << "page " << page << " " << label.text.toStdString();
            QString number = value->text;
            if (number.remove(u',').toDouble() > 0) {
                EXPECT_TRUE(legend.contains(cls))
                    << "page " << page << ": " << cls.toStdString() << " missing from the legend";
                ++checked;
            }
        }
    }
    EXPECT_GT(fewer, 0);
    EXPECT_GT(checked, kPages - 3);
}

TEST_F(AtlasCli, DenseBuildingsAreAnImageSoThePdfStaysSmall)
{
    // 20 000 buildings as vector paths on 23 map pages would be tens of MB.
    EXPECT_LT(QFileInfo(m_pdf).size(), 6 * 1024 * 1024);
    const QString images = QString::fromUtf8(
        run(tool("pdfimages"), {QStringLiteral("-list"), QStringLiteral("-f"), QStringLiteral("4"),
                                QStringLiteral("-l"), QStringLiteral("4"), m_pdf}));
    // Header of two lines, then the buildings: one-bit stencil masks (painted in the layer's
    // colour) at the configured 300 dpi, nothing else; JBIG2 or CCITT G4, whichever is
    // smaller, unless Flate was smaller still.
    const QStringList lines = images.split(u'\n', Qt::SkipEmptyParts);
    ASSERT_GE(lines.size(), 3) << images.toStdString();
    int recoded = 0;
    int jbig2 = 0;
    for (qsizetype i = 2; i < lines.size(); ++i) {
        const QStringList columns = lines[i].simplified().split(u' ');
        ASSERT_GE(columns.size(), 14) << lines[i].toStdString();
        EXPECT_EQ(columns[2], QStringLiteral("stencil")) << lines[i].toStdString();
        EXPECT_EQ(columns[7], QStringLiteral("1")) << lines[i].toStdString(); // bits
        recoded += columns[8] == QStringLiteral("ccitt") || columns[8] == QStringLiteral("jbig2");
        jbig2 += columns[8] == QStringLiteral("jbig2") ? 1 : 0;
        EXPECT_EQ(columns[12], QStringLiteral("300")) << lines[i].toStdString(); // x-ppi
    }
    EXPECT_GT(recoded, (lines.size() - 2) / 2) << images.toStdString();
    EXPECT_GT(jbig2, 0) << images.toStdString();
}

TEST_F(AtlasCli, QpdfFindsNoErrorInTheRewrittenFile)
{
    // The file is written by qpdf after Qt (G4 masks, object streams): its structure and every
    // stream it can decode are checked by qpdf itself.
    const QString qpdf = tool("qpdf");
    ASSERT_FALSE(qpdf.isEmpty()) << "qpdf is missing: run scripts/setup";
    const QString check = QString::fromUtf8(run(qpdf, {QStringLiteral("--check"), m_pdf}));
    EXPECT_TRUE(check.contains(QStringLiteral("No syntax or stream encoding errors")))
        << check.toStdString();
}

TEST(AtlasCliPng, PageAtTheChosenResolution)
{
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("总览.png"));
    const CliResult result =
        runCli({QStringLiteral("atlas"),
                sampleDataPath(QStringLiteral("yongjia/atlas_config.json")), QStringLiteral("-o"),
                png, QStringLiteral("--pages"), QStringLiteral("3"), QStringLiteral("--dpi"),
                QStringLiteral("100"), QStringLiteral("--results"), sampleOut({})},
               600000);
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    QFile file(png);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray header = file.read(24);
    ASSERT_EQ(header.mid(1, 3), QByteArray("PNG"));
    auto be32 = [&](int offset) {
        const auto *p = reinterpret_cast<const uchar *>(header.constData()) + offset;
        return (int(p[0]) << 24) | (int(p[1]) << 16) | (int(p[2]) << 8) | int(p[3]);
    };
    // A4 at 100 dpi: 210 mm and 297 mm over 25.4 mm per inch.
    EXPECT_EQ(be32(16), 827);
    EXPECT_EQ(be32(20), 1169);
}

// compact_pdf "auto": a page of the sample county's 20 000 buildings is far below the 1 MiB of
// mask streams that pays for the compacting pass, so the file keeps Qt's layout (a classic
// cross-reference table, no object streams) while its masks are the G4 or JBIG2 stencil masks
// encoded as the page was painted (the sample's own configuration says "always", which the tests
// above check); a bad value is refused naming the key.
TEST(AtlasCliCompact, AutoSkipsTheQpdfPassOnSmallMasksAndBadValuesAreRefused)
{
    QFile sample(sampleDataPath(QStringLiteral("yongjia/atlas_config.json")));
    ASSERT_TRUE(sample.open(QIODevice::ReadOnly));
    QString json = QString::fromUtf8(sample.readAll());
    ASSERT_TRUE(json.contains(QStringLiteral("\"compact_pdf\": \"always\"")));
    json.replace(QStringLiteral("\"compact_pdf\": \"always\""),
                 QStringLiteral("\"compact_pdf\": \"auto\""));
    const QString data = sampleDataPath(QStringLiteral("yongjia")) + u'/';
    for (const char *file : {"census.gpkg", "townships.shp", "population_250m.tif"})
        json.replace(u'"' + QLatin1String(file), u'"' + data + QLatin1String(file));
    QTemporaryDir dir;
    auto write = [&](const QString &name, const QString &text) {
        QFile file(dir.filePath(name));
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(text.toUtf8());
        return file.fileName();
    };
    const QString pdf = dir.filePath(QStringLiteral("一页.pdf"));
    const CliResult result =
        runCli({QStringLiteral("atlas"), write(QStringLiteral("auto.json"), json),
                QStringLiteral("-o"), pdf, QStringLiteral("--pages"), QStringLiteral("4"),
                QStringLiteral("--results"), sampleOut({})},
               600000);
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QString images =
        QString::fromUtf8(run(tool("pdfimages"), {QStringLiteral("-list"), pdf}));
    const QStringList lines = images.split(u'\n', Qt::SkipEmptyParts);
    ASSERT_GE(lines.size(), 3) << images.toStdString();
    for (qsizetype i = 2; i < lines.size(); ++i) {
        const QStringList columns = lines[i].simplified().split(u' ');
        ASSERT_GE(columns.size(), 14) << lines[i].toStdString();
        EXPECT_EQ(columns[2], QStringLiteral("stencil")) << lines[i].toStdString();
        EXPECT_TRUE(columns[8] == QLatin1String("ccitt") || columns[8] == QLatin1String("jbig2"))
            << lines[i].toStdString();
    }
    QFile written(pdf);
    ASSERT_TRUE(written.open(QIODevice::ReadOnly));
    const QByteArray bytes = written.readAll();
    EXPECT_TRUE(bytes.contains("\nxref\n0 "));
    EXPECT_FALSE(bytes.contains("/ObjStm"));

    json.replace(QStringLiteral("\"compact_pdf\": \"auto\""),
                 QStringLiteral("\"compact_pdf\": \"smallest\""));
    const CliResult bad = runCli({QStringLiteral("atlas"), write(QStringLiteral("bad.json"), json),
                                  QStringLiteral("-o"), dir.filePath(QStringLiteral("bad.pdf")),
                                  QStringLiteral("--results"), sampleOut({})});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(bad.err.contains(QStringLiteral("compact_pdf"))) << bad.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("bad.pdf"))));
}

// jbig2_masks false keeps the masks to G4 and Flate: pages 3 (the overview) and 4 (a township)
// of the sample atlas, rendered by poppler at 300 dpi in grey, are the same pixels either way,
// and only the default has JBIG2 masks.
TEST(AtlasCliCompact, Jbig2MasksPaintTheSamePagesAsG4)
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftoppm")).isEmpty())
        GTEST_SKIP() << "poppler-utils missing";
    QFile sample(sampleDataPath(QStringLiteral("yongjia/atlas_config.json")));
    ASSERT_TRUE(sample.open(QIODevice::ReadOnly));
    QString json = QString::fromUtf8(sample.readAll());
    ASSERT_TRUE(json.contains(QStringLiteral("\"compact_pdf\": \"always\",")));
    const QString data = sampleDataPath(QStringLiteral("yongjia")) + u'/';
    for (const char *file : {"census.gpkg", "townships.shp", "population_250m.tif"})
        json.replace(u'"' + QLatin1String(file), u'"' + data + QLatin1String(file));
    QTemporaryDir dir;
    auto atlas = [&](const QString &name, bool jbig2) {
        QString text = json;
        if (!jbig2)
            text.replace(QStringLiteral("\"compact_pdf\": \"always\","),
                         QStringLiteral("\"compact_pdf\": \"always\", \"jbig2_masks\": false,"));
        QFile file(dir.filePath(name + QStringLiteral(".json")));
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(text.toUtf8());
        file.close();
        const QString pdf = dir.filePath(name + QStringLiteral(".pdf"));
        const CliResult result =
            runCli({QStringLiteral("atlas"), file.fileName(), QStringLiteral("-o"), pdf,
                    QStringLiteral("--pages"), QStringLiteral("3-4"), QStringLiteral("--results"),
                    sampleOut({})},
                   600000);
        EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
        return pdf;
    };
    const QString g4 = atlas(QStringLiteral("仅 G4"), false);
    const QString jbig2 = atlas(QStringLiteral("含 JBIG2"), true);
    const auto encodings = [](const QString &pdf) {
        QMap<QString, int> count;
        const QStringList lines =
            QString::fromUtf8(run(tool("pdfimages"), {QStringLiteral("-list"), pdf}))
                .split(u'\n', Qt::SkipEmptyParts);
        for (qsizetype i = 2; i < lines.size(); ++i)
            ++count[lines[i].simplified().split(u' ').value(8)];
        return count;
    };
    const QMap<QString, int> withoutJbig2 = encodings(g4);
    const QMap<QString, int> withJbig2 = encodings(jbig2);
    EXPECT_EQ(withoutJbig2.value(QStringLiteral("jbig2")), 0);
    EXPECT_GT(withoutJbig2.value(QStringLiteral("ccitt")), 0);
    EXPECT_GT(withJbig2.value(QStringLiteral("jbig2")), 0);
    EXPECT_LT(QFileInfo(jbig2).size(), QFileInfo(g4).size());
    for (const QString &pdf : {g4, jbig2}) {
        const QString check =
            QString::fromUtf8(run(tool("qpdf"), {QStringLiteral("--check"), pdf}));
        EXPECT_TRUE(check.contains(QStringLiteral("No syntax or stream encoding errors")))
            << check.toStdString();
    }

    for (const int page : {1, 2}) {
        QByteArray pixels[2];
        for (int i = 0; i < 2; ++i) {
            const QString base = dir.filePath(QStringLiteral("page%1_%2").arg(page).arg(i));
            run(tool("pdftoppm"),
                {QStringLiteral("-r"), QStringLiteral("300"), QStringLiteral("-gray"),
                 QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"),
                 QString::number(page), QStringLiteral("-singlefile"), i == 0 ? g4 : jbig2, base});
            QFile image(base + QStringLiteral(".pgm"));
            ASSERT_TRUE(image.open(QIODevice::ReadOnly)) << image.fileName().toStdString();
            pixels[i] = image.readAll();
        }
        // A4 at 300 dpi in grey: a header and 2480 × 3508 bytes.
        EXPECT_GT(pixels[0].size(), 2480 * 3508) << "page " << page;
        EXPECT_TRUE(pixels[0] == pixels[1]) << "page " << page << " differs";
    }
}

TEST(AtlasCliErrors, BadConfigurationNamesTheKey)
{
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("坏配置.json"));
    QFile file(config);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(R"({"title": "t", "layout": "a4_portrait",
                   "layers": [{"id": "a", "source": "x.shp", "role": "zonez"}],
                   "coverage": {"layer": "a", "name_field": "name"}})");
    file.close();
    const CliResult result = runCli({QStringLiteral("atlas"), config, QStringLiteral("-o"),
                                     dir.filePath(QStringLiteral("a.pdf"))});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains(QStringLiteral("layers[0].role"))) << result.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("a.pdf"))));
}

TEST(AtlasCliErrors, PagesOutOfRange)
{
    QTemporaryDir dir;
    const CliResult result = runCli(
        {QStringLiteral("atlas"), sampleDataPath(QStringLiteral("yongjia/atlas_config.json")),
         QStringLiteral("-o"), dir.filePath(QStringLiteral("a.pdf")), QStringLiteral("--pages"),
         QStringLiteral("20-99"), QStringLiteral("--results"), sampleOut({})},
        600000);
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains(QStringLiteral("--pages"))) << result.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("a.pdf"))));
}

TEST(AtlasCliErrors, MissingResultNamesTheKeyAndTheFile)
{
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("图集.json"));
    QFile file(config);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(R"({"title": "t", "layout": "a4_portrait",
                   "layers": [{"id": "a", "source": "results:五色图/risk_zoning.gpkg",
                               "role": "zones"}],
                   "coverage": {"layer": "a", "name_field": "name"}})");
    file.close();
    const QString pdf = dir.filePath(QStringLiteral("a.pdf"));
    // No results folder at all.
    CliResult result = runCli({QStringLiteral("atlas"), config, QStringLiteral("-o"), pdf});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains(QStringLiteral("layers[0].source")))
        << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(QStringLiteral("--results"))) << result.err.toStdString();
    // A results folder without the file.
    result = runCli({QStringLiteral("atlas"), config, QStringLiteral("-o"), pdf,
                     QStringLiteral("--results"), dir.path()});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains(QStringLiteral("layers[0].source")))
        << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(QStringLiteral("五色图/risk_zoning.gpkg")))
        << result.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(pdf));
}
