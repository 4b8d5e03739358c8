// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QPageLayout>
#include <QPageSize>
#include <QRectF>
#include <QString>
#include <QStringList>

namespace riskatlas::render {

/// A page template of the atlas: where each element goes, in millimetres from the page's
/// top-left corner, and the type sizes in points. Stored as JSON (resources/layouts/*.json,
/// docs/atlas.md):
/// `{"id", "page": {"size": "A4"|"A3", "orientation": "portrait"|"landscape"},
///   "title", "map", "legend", "table", "notes", "page_number": {"x", "y", "w", "h"},
///   "scale_bar": {"x", "y", "max_w"}, "north_arrow": {"x", "y", "size"},
///   "fonts": {"family", "latin_family", "title_pt", "heading_pt", "body_pt", "small_pt",
///   "label_pt"}}`.
/// Plain value.
struct PageLayout
{
    QString id;
    QPageSize::PageSizeId pageSize = QPageSize::A4;
    QPageLayout::Orientation orientation = QPageLayout::Portrait;
    QRectF title;
    QRectF map;
    QRectF legend;
    QRectF table;
    QRectF notes;
    QRectF pageNumber;
    QPointF scaleBar; ///< left end of the bar
    double scaleBarMaxWidth = 50;
    QPointF northArrow; ///< centre
    double northArrowSize = 12;
    QString fontFamily = QStringLiteral("Noto Sans CJK SC");
    /// Latin letters and digits come from this family when set (Chinese falls back to
    /// fontFamily): Qt 6.4 drops the text mapping of some Noto CJK Latin glyphs in a PDF, so
    /// "EPSG:4549" would not be found by search or pdftotext.
    QString latinFamily = QStringLiteral("DejaVu Sans");
    double titlePt = 16;
    double headingPt = 10;
    double bodyPt = 8;
    double smallPt = 6;
    double labelPt = 8;

    /// The page's size in millimetres, orientation applied.
    QSizeF pageSizeMm() const;
};

/// Ids of the templates bundled in the program: a4_portrait, a4_landscape, a3_portrait,
/// a3_landscape.
QStringList builtinLayoutIds();

/// Loads a bundled template by id or a user's JSON file by path. Throws InputError naming the
/// file and the key for unreadable files, malformed JSON, missing or negative boxes, boxes
/// outside the page, or an unknown page size or orientation.
PageLayout loadPageLayout(const QString &idOrPath);

/// Parses a template from JSON text; `source` names it in errors.
PageLayout parsePageLayout(const QByteArray &json, const QString &source);

} // namespace riskatlas::render
