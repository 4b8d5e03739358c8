// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "render/page_layout.h"

#include "core/error.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace riskatlas::render {

namespace {

QRectF parseBox(const QJsonObject &root, const QString &key, const QSizeF &page,
                const QString &source)
{
    const QJsonValue value = root.value(key);
    if (!value.isObject())
        throw InputError({source}, QStringLiteral("%1: missing object {\"x\", \"y\", \"w\", \"h\"} "
                                                  "in millimetres")
                                       .arg(key));
    const QJsonObject box = value.toObject();
    double numbers[4] = {};
    const char *names[4] = {"x", "y", "w", "h"};
    for (int i = 0; i < 4; ++i) {
        const QJsonValue v = box.value(QLatin1String(names[i]));
        if (!v.isDouble() || v.toDouble() < 0)
            throw InputError({source}, QStringLiteral("%1.%2 must be a number of millimetres ≥ 0")
                                           .arg(key, QLatin1String(names[i])));
        numbers[i] = v.toDouble();
    }
    const QRectF rect(numbers[0], numbers[1], numbers[2], numbers[3]);
    if (rect.right() > page.width() + 1e-9 || rect.bottom() > page.height() + 1e-9)
        throw InputError({source}, QStringLiteral("%1 reaches outside the %2 × %3 mm page")
                                       .arg(key)
                                       .arg(page.width())
                                       .arg(page.height()));
    return rect;
}

double number(const QJsonObject &object, const QString &key, double fallback, const QString &source,
              const QString &path)
{
    if (!object.contains(key))
        return fallback;
    const QJsonValue v = object.value(key);
    if (!v.isDouble() || v.toDouble() <= 0)
        throw InputError({source},
                         QStringLiteral("%1.%2 must be a positive number").arg(path, key));
    return v.toDouble();
}

} // namespace

QSizeF PageLayout::pageSizeMm() const
{
    const QSizeF size = QPageSize(pageSize).size(QPageSize::Millimeter);
    return orientation == QPageLayout::Landscape ? size.transposed() : size;
}

QStringList builtinLayoutIds()
{
    return {QStringLiteral("a4_portrait"), QStringLiteral("a4_landscape"),
            QStringLiteral("a3_portrait"), QStringLiteral("a3_landscape")};
}

PageLayout loadPageLayout(const QString &idOrPath)
{
    QString path = idOrPath;
    if (builtinLayoutIds().contains(idOrPath))
        path = QStringLiteral(":/layouts/") + idOrPath + QStringLiteral(".json");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        throw InputError(
            {idOrPath},
            QStringLiteral("cannot read the page template (bundled ones: %1): %2")
                .arg(builtinLayoutIds().join(QStringLiteral(", ")), file.errorString()));
    }
    return parsePageLayout(file.readAll(), idOrPath);
}

PageLayout parsePageLayout(const QByteArray &json, const QString &source)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (!document.isObject())
        throw InputError({source},
                         QStringLiteral("not a JSON object: %1").arg(error.errorString()));
    const QJsonObject root = document.object();
    PageLayout layout;
    layout.id = root.value(QStringLiteral("id")).toString();
    const QJsonObject page = root.value(QStringLiteral("page")).toObject();
    const QString size = page.value(QStringLiteral("size")).toString();
    if (size == QLatin1String("A4"))
        layout.pageSize = QPageSize::A4;
    else if (size == QLatin1String("A3"))
        layout.pageSize = QPageSize::A3;
    else
        throw InputError({source}, QStringLiteral("page.size: \"%1\" is not A4 or A3").arg(size));
    const QString orientation = page.value(QStringLiteral("orientation")).toString();
    if (orientation == QLatin1String("portrait"))
        layout.orientation = QPageLayout::Portrait;
    else if (orientation == QLatin1String("landscape"))
        layout.orientation = QPageLayout::Landscape;
    else
        throw InputError({source}, QStringLiteral("page.orientation: \"%1\" is not portrait or "
                                                  "landscape")
                                       .arg(orientation));
    const QSizeF pageMm = layout.pageSizeMm();
    layout.title = parseBox(root, QStringLiteral("title"), pageMm, source);
    layout.map = parseBox(root, QStringLiteral("map"), pageMm, source);
    layout.legend = parseBox(root, QStringLiteral("legend"), pageMm, source);
    layout.table = parseBox(root, QStringLiteral("table"), pageMm, source);
    layout.notes = parseBox(root, QStringLiteral("notes"), pageMm, source);
    layout.pageNumber = parseBox(root, QStringLiteral("page_number"), pageMm, source);
    if (layout.map.isEmpty())
        throw InputError({source}, QStringLiteral("map: the map frame has no area"));

    const QJsonObject bar = root.value(QStringLiteral("scale_bar")).toObject();
    layout.scaleBar = QPointF(number(bar, QStringLiteral("x"), layout.map.left() + 4, source,
                                     QStringLiteral("scale_bar")),
                              number(bar, QStringLiteral("y"), layout.map.bottom() - 8, source,
                                     QStringLiteral("scale_bar")));
    layout.scaleBarMaxWidth =
        number(bar, QStringLiteral("max_w"), 50, source, QStringLiteral("scale_bar"));
    const QJsonObject arrow = root.value(QStringLiteral("north_arrow")).toObject();
    layout.northArrow = QPointF(number(arrow, QStringLiteral("x"), layout.map.right() - 10, source,
                                       QStringLiteral("north_arrow")),
                                number(arrow, QStringLiteral("y"), layout.map.top() + 10, source,
                                       QStringLiteral("north_arrow")));
    layout.northArrowSize =
        number(arrow, QStringLiteral("size"), 12, source, QStringLiteral("north_arrow"));
    if (!layout.map.contains(layout.scaleBar) || !layout.map.contains(layout.northArrow))
        throw InputError({source}, QStringLiteral("scale_bar and north_arrow must lie inside "
                                                  "the map frame"));

    const QJsonObject fonts = root.value(QStringLiteral("fonts")).toObject();
    layout.fontFamily = fonts.value(QStringLiteral("family")).toString(layout.fontFamily);
    layout.latinFamily = fonts.value(QStringLiteral("latin_family")).toString(layout.latinFamily);
    const QString f = QStringLiteral("fonts");
    layout.titlePt = number(fonts, QStringLiteral("title_pt"), layout.titlePt, source, f);
    layout.headingPt = number(fonts, QStringLiteral("heading_pt"), layout.headingPt, source, f);
    layout.bodyPt = number(fonts, QStringLiteral("body_pt"), layout.bodyPt, source, f);
    layout.smallPt = number(fonts, QStringLiteral("small_pt"), layout.smallPt, source, f);
    layout.labelPt = number(fonts, QStringLiteral("label_pt"), layout.labelPt, source, f);
    return layout;
}

} // namespace riskatlas::render
