// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/crs/crs.h"
#include "render/atlas_config.h"
#include "render/graticule.h"
#include "render/map_layer.h"
#include "render/page_layout.h"
#include "render/scale_bar.h"

#include <QImage>
#include <QString>

#include <vector>

class QPainter;

namespace riskatlas {
class Feedback;
}

namespace riskatlas::render {

/// The atlas of one configuration, ready to paint: every layer read once, reprojected into the
/// coverage's metric CRS (CGCS2000 3° Gauss-Krüger, or its own projected CRS), decoded for
/// drawing, and the per-unit statistics computed with the core zonal functions.
///
/// Pages, in order: the cover, the contents (one page or more), the overview map of the whole
/// coverage, then one page per coverage unit in the layer's order. Pages are laid out in
/// points (1/72 inch) from the page's top-left corner. Painting is read-only: several pages
/// may be painted from different threads at once, each with its own painter.
class AtlasDocument
{
public:
    enum class PageKind { Cover, Contents, Overview, Unit };
    struct Page
    {
        PageKind kind = PageKind::Cover;
        int unit = -1;    ///< Unit: index of the coverage unit
        int contents = 0; ///< Contents: which contents page
        QString title;
    };
    struct StatisticRow
    {
        QString label;
        int decimals = 0;
        std::vector<double> values; ///< per unit
        double total = 0;
    };

    /// Reads the layers and computes the statistics. Throws InputError for a layer that cannot
    /// be read or lacks a field the configuration names, ProcessingError for failed analyses,
    /// CancelledError through `feedback`.
    AtlasDocument(AtlasConfig config, Feedback *feedback = nullptr);

    const AtlasConfig &config() const { return m_config; }
    const PageLayout &layout() const { return m_layout; }
    const crs::Crs &metricCrs() const { return m_metricCrs; }
    int pageCount() const { return int(m_pages.size()); }
    const Page &page(int index) const { return m_pages[std::size_t(index)]; }
    QStringList unitNames() const;
    const std::vector<StatisticRow> &statistics() const { return m_statistics; }

    /// The map frame's transform on page `index` (viewport in points), for pages with a map.
    MapTransform mapTransform(int index) const;
    /// 1 : N of the map on page `index`: ground metres per metre of paper; 0 without a map.
    double scaleDenominator(int index) const;
    ScaleBarSpec scaleBar(int index) const;

    /// Paints page `index` with `painter` in points. `lineScale` is the device pixels per point
    /// (1 for PDF), `imageDpi` the resolution of layers drawn as images.
    /// `dense` holds the page's dense layers rasterised beforehand (rasteriseDenseLayers());
    /// without it they are rasterised while painting.
    /// With `pdfMasks`, the tiles of `dense` encoded beforehand are drawn as placeholders and
    /// their masks appended there (MapRenderOptions::pdfMasks).
    void paintPage(QPainter &painter, int index, double lineScale, double imageDpi,
                   const std::vector<DenseImage> *dense = nullptr,
                   std::vector<EncodedStencilMask> *pdfMasks = nullptr) const;

    /// The layers drawn as images on page `index`, rasterised at `imageDpi` (none for pages
    /// without a map), each tile also encoded as a PDF stencil mask when `encodeForPdf`.
    /// Thread-safe: writePdf() runs it for the coming pages on worker threads while it paints.
    std::vector<DenseImage> rasteriseDenseLayers(int index, double imageDpi,
                                                 bool encodeForPdf = false) const;

    /// Writes pages [first, last] (0-based, inclusive) as a vector PDF with the CJK font
    /// embedded and the title, subject and creator in its metadata. Written to a temporary
    /// file and renamed: a failed or cancelled run leaves nothing. Throws ProcessingError when
    /// the file cannot be written, CancelledError through `feedback`.
    void writePdf(const QString &path, int first, int last, Feedback *feedback = nullptr) const;

    /// Page `index` as an image at `dpi` (white background).
    QImage renderPage(int index, double dpi) const;

private:
    struct Unit
    {
        QString name;
        DrawableGeometry geometry;
    };

    void paintCover(QPainter &painter) const;
    void paintContents(QPainter &painter, int contentsPage) const;
    void paintMapPage(QPainter &painter, int index, double lineScale, double imageDpi,
                      const std::vector<DenseImage> *dense,
                      std::vector<EncodedStencilMask> *pdfMasks) const;
    void paintLegend(QPainter &painter, bool unitPage, const geometry::Extent &view) const;
    void paintTable(QPainter &painter, int unit) const;
    void paintNotes(QPainter &painter) const;
    void paintTicks(QPainter &painter, int index, const QRectF &frame,
                    const MapTransform &transform) const;
    void paintPageNumber(QPainter &painter, int index) const;
    QFont font(double pointSize, bool bold = false) const;
    int contentsPerPage() const;

    AtlasConfig m_config;
    PageLayout m_layout;
    crs::Crs m_metricCrs;
    std::vector<MapLayer> m_layers;
    const MapLayer *m_coverage = nullptr;
    std::vector<Unit> m_units;
    geometry::Extent m_extent;
    std::vector<StatisticRow> m_statistics;
    std::vector<Page> m_pages;
    std::vector<Graticule> m_graticules; ///< per page (empty for pages without a map)
    QString m_date;
    QString m_notes;
};

} // namespace riskatlas::render
