// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "app/cli/command.h"
#include "app/cli/progress_bar.h"

#include "core/error.h"
#include "render/atlas_config.h"
#include "render/atlas_document.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSaveFile>

#include <cstdio>

namespace riskatlas::cli {

namespace {

// "3", "2-5", "4-" or "-6" (1-based, inclusive) into 0-based [first, last].
bool parsePages(const QString &text, int pageCount, int &first, int &last)
{
    const QStringList parts = text.split(u'-');
    if (parts.size() > 2)
        return false;
    bool ok = true;
    auto number = [&](const QString &part, int fallback) {
        if (part.trimmed().isEmpty())
            return fallback;
        bool good = false;
        const int value = part.trimmed().toInt(&good);
        ok = ok && good;
        return value;
    };
    first = number(parts[0], 1) - 1;
    last = parts.size() == 2 ? number(parts[1], pageCount) - 1 : first;
    return ok && first >= 0 && last < pageCount && first <= last;
}

} // namespace

int runAtlas(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Produce the PDF atlas (图集) of CONFIG.json: a cover, the contents, an overview map and "
        "one map page per unit of the coverage layer, each with legend, scale bar, north arrow, "
        "coordinate ticks, statistics and notes. With -o PAGE.png the chosen pages are written "
        "as PNG images instead (NAME_N.png for several pages). See docs/atlas.md."));
    parser.addPositionalArgument(QStringLiteral("CONFIG"),
                                 QStringLiteral("Atlas configuration (JSON)."));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Output .pdf, or .png for page images."),
                                    QStringLiteral("OUT"));
    const QCommandLineOption pages(QStringLiteral("pages"),
                                   QStringLiteral("Pages to write, 1-based: N, A-B, A- or -B "
                                                  "(default: all)."),
                                   QStringLiteral("A-B"));
    const QCommandLineOption dpi(QStringLiteral("dpi"),
                                 QStringLiteral("Resolution: of PNG pages (default 150), and of "
                                                "the dense layers embedded as images in a PDF "
                                                "(default: the configuration's image_dpi, 300)."),
                                 QStringLiteral("N"));
    const QCommandLineOption overwrite(QStringLiteral("overwrite"),
                                       QStringLiteral("Replace an existing output."));
    const QCommandLineOption results(
        QStringLiteral("results"),
        QStringLiteral("Folder that `results:` layer sources resolve against (the outputs of "
                       "zone and enterprises); overrides the configuration's \"results\"."),
        QStringLiteral("DIR"));
    parser.addOptions({output, pages, dpi, overwrite, results});
    int exitCode = Success;
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        printError(QStringLiteral("atlas needs one CONFIG.json"));
        return BadInput;
    }
    if (!parser.isSet(output)) {
        printError(QStringLiteral("atlas needs an output: -o atlas.pdf or -o page.png"));
        return BadInput;
    }
    const QString outPath = parser.value(output);
    const QString suffix = QFileInfo(outPath).suffix().toLower();
    if (suffix != QLatin1String("pdf") && suffix != QLatin1String("png")) {
        printError(QStringLiteral("the output must be a .pdf or a .png, not \"%1\"").arg(outPath));
        return BadInput;
    }
    const bool png = suffix == QLatin1String("png");
    double resolution = 0;
    if (parser.isSet(dpi)) {
        bool ok = false;
        resolution = parser.value(dpi).toDouble(&ok);
        if (!ok || resolution < 36 || resolution > 1200) {
            printError(QStringLiteral("--dpi needs a number from 36 to 1200, not \"%1\"")
                           .arg(parser.value(dpi)));
            return BadInput;
        }
    }
    if (!png && QFileInfo::exists(outPath) && !parser.isSet(overwrite)) {
        printError(QStringLiteral("%1 exists; use --overwrite to replace it").arg(outPath));
        return BadInput;
    }

    Feedback feedback;
    ProgressBar bar(feedback);
    try {
        QElapsedTimer clock;
        clock.start();
        render::AtlasConfig config = render::loadAtlasConfig(positional[0], parser.value(results));
        if (resolution > 0 && !png)
            config.imageDpi = resolution;
        feedback.setStep(QStringLiteral("reading"));
        const render::AtlasDocument atlas(std::move(config), &feedback);
        int first = 0;
        int last = atlas.pageCount() - 1;
        if (parser.isSet(pages) && !parsePages(parser.value(pages), atlas.pageCount(), first, last))
            throw InputError({}, QStringLiteral("--pages \"%1\" is not N, A-B, A- or -B within "
                                                "1–%2")
                                     .arg(parser.value(pages))
                                     .arg(atlas.pageCount()));
        if (!png) {
            atlas.writePdf(outPath, first, last, &feedback);
            for (const QString &warning : feedback.warnings())
                std::fprintf(stderr, "warning: %s\n", warning.toUtf8().constData());
            std::printf("%s: %d pages of %d, %.1f MB, %.1f s\n", outPath.toUtf8().constData(),
                        last - first + 1, atlas.pageCount(),
                        double(QFileInfo(outPath).size()) / 1e6, double(clock.elapsed()) / 1000.0);
            return Success;
        }
        const double pngDpi = resolution > 0 ? resolution : 150.0;
        const QFileInfo info(outPath);
        for (int i = first; i <= last; ++i) {
            feedback.throwIfCanceled();
            feedback.setStep(QStringLiteral("page %1").arg(i + 1));
            feedback.setProgress(100.0 * double(i - first) / double(last - first + 1));
            const QString path = first == last
                                     ? outPath
                                     : info.dir().filePath(info.completeBaseName() +
                                                           QStringLiteral("_%1.png").arg(i + 1));
            if (QFileInfo::exists(path) && !parser.isSet(overwrite))
                throw InputError({path}, QStringLiteral("exists; use --overwrite to replace it"));
            const QImage image = atlas.renderPage(i, pngDpi);
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit())
                throw ProcessingError(
                    {path}, QStringLiteral("cannot write the PNG: %1").arg(file.errorString()));
            std::printf("%s: page %d, %d × %d px at %g dpi\n", path.toUtf8().constData(), i + 1,
                        image.width(), image.height(), pngDpi);
        }
    } catch (const Error &error) {
        return reportError(error);
    }
    return Success;
}

} // namespace riskatlas::cli
