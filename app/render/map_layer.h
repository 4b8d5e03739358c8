// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "render/feature_style.h"
#include "render/label_placer.h"
#include "render/layer_renderer.h"
#include "render/map_transform.h"
#include "render/stencil_mask_codec.h"

#include <QFont>
#include <QImage>
#include <QPainterPath>
#include <QRectF>

#include <optional>
#include <utility>
#include <vector>

class QPainter;

namespace riskatlas {
class Feedback;
}

namespace riskatlas::render {

/// A label anchor in world coordinates.
struct LabelAnchor
{
    QPointF world;
    QString text;
    bool isPoint = false; ///< a point symbol's label goes beside it, not on it
};

/// A layer ready for map drawing: its features decoded and grouped by the symbol their style
/// gives them, its label anchors, and the levels it uses (for the legend). Plain data, built
/// once and drawn on many pages; coordinates are those of the layer given (the map's CRS).
struct MapLayer
{
    QString id;
    QString title;
    LayerRole role = LayerRole::Base;
    FeatureStyle style;
    /// Drawn as an image at print resolution instead of vector paths (dense layers such as
    /// buildings: tens of thousands of paths that are a few print dots each).
    bool asImage = false;
    double labelSizePt = 0; ///< 0: no labels
    std::vector<std::pair<LayerStyle, RenderableLayer>> buckets;
    /// The levels (values of a categorised style's field) of each bucket's features.
    std::vector<QList<int>> bucketLevels;
    std::vector<LabelAnchor> labels;
    QList<int> levelsUsed; ///< distinct values of a categorised style's field, ascending
    bool isPoint = false;
    bool isLine = false;

    std::vector<LegendEntry> legend() const;
    /// The levels of the features that show in `view` (world coordinates, the map's CRS): a
    /// point inside it, a line or polygon whose path meets it. Ascending.
    QList<int> levelsIn(const geometry::Extent &view) const;
};

/// Builds a MapLayer from `layer` (already in the map's CRS). `labelField` names the field
/// whose text labels each feature (empty: no labels). Throws InputError when the style's or
/// the label's field is missing from `layer`; CancelledError through `feedback`.
MapLayer buildMapLayer(const model::VectorLayer &layer, const QString &id, const QString &title,
                       LayerRole role, const FeatureStyle &style, const QString &labelField,
                       double labelSizePt, bool asImage, Feedback *feedback = nullptr);

/// A point well inside a polygon path for its label: of a grid over the path's box, the point
/// inside that is farthest from the grid points outside. Falls back to the box's centre.
QPointF labelPoint(const QPainterPath &areas);

/// A layer drawn as an image for one map frame at print resolution (MapLayer::asImage), kept
/// as the tiles that have something drawn in them, one bit per dot (QImage::Format_Mono: 0 is
/// `colour`, 1 is clear). Plain data: may be made on another thread than the one that draws it.
struct DenseImage
{
    /// Tiles are TileSize image pixels square (less at the right and bottom edges); a run of
    /// used tiles in a row is one image.
    static constexpr int TileSize = 256;
    struct Tile
    {
        QPoint origin; ///< image pixels from the frame's top-left corner
        QImage image;
        /// The tile as a PDF stencil mask, when encoded beforehand (encodeStencilMask()).
        EncodedStencilMask pdfMask;
    };
    QString layerId;
    double pixelsPerUnit = 1.0; ///< image pixels per page unit
    double opacity = 1.0;       ///< of the whole image: the alpha of the layer's fill
    QColor colour;              ///< of the dots drawn (opaque)
    std::vector<Tile> tiles;
    int drawn = 0; ///< features drawn
};

/// Rasterises `layer` for a map frame of `frameSize` page units seen through `transform` (whose
/// viewport is the frame in page units), at `imageDpi` dots per inch of the page. Reads
/// `layer` only (it fills copies of the paths: Qt caches a path's rasteriser data inside the
/// shared path), so pages may be rasterised on several threads at once.
DenseImage rasteriseDenseLayer(const MapLayer &layer, const MapTransform &transform,
                               const QSizeF &frameSize, double imageDpi,
                               double pageUnitsPerInch = 72.0);

/// How renderMap() draws.
struct MapRenderOptions
{
    /// Multiplies every symbol width and size: the device pixels per page unit when the page
    /// is drawn scaled (a PNG at N dpi of a page laid out in points: N / 72); 1 for PDF.
    double lineScale = 1.0;
    /// Resolution, in dots per inch of the page, of layers drawn as images.
    double imageDpi = 300.0;
    /// Page units per inch (72: the page is laid out in points).
    double pageUnitsPerInch = 72.0;
    /// When set, everything outside this world-coordinate area is greyed (a unit's
    /// neighbours) before boundaries and labels are drawn.
    std::optional<QPainterPath> focus;
    QFont labelFont;
    /// Labels with this text are not offered (the page's own unit, labelled by the caller).
    QString omitLabel;
    /// Dense layers already rasterised for this frame (see rasteriseDenseLayer()), by layer
    /// id; a layer drawn as an image that is not here is rasterised on the spot.
    const std::vector<DenseImage> *denseImages = nullptr;
    /// On a PDF painter, the tiles of `denseImages` with an encoded mask are drawn as
    /// stencilMaskPlaceholder()s and their masks appended here in drawing order, for
    /// spliceStencilMasks() once the PDF is written.
    std::vector<EncodedStencilMask> *pdfMasks = nullptr;
};

/// Draws `layers` into `frame` (painter units) in draw order by role (base, zones, dense,
/// points, the focus mask, boundaries), clipped to the frame, and offers their labels to
/// `labels` (which the caller draws last, after blocking what must stay clear). `transform`'s
/// viewport must be the frame's size in painter units. Returns the features drawn.
/// On a PDF painter, layers drawn as images are written as black-and-white images that the
/// caller must turn into stencil masks with pdfBitmapsToStencilMasks() once the PDF is done
/// (and may then re-encode as CCITT G4 or JBIG2 with pdfStencilMasksToG4()), or, for tiles
/// encoded beforehand and `options.pdfMasks` set, as placeholders for spliceStencilMasks().
int renderMap(QPainter &painter, const QRectF &frame, const MapTransform &transform,
              const std::vector<const MapLayer *> &layers, const MapRenderOptions &options,
              LabelPlacer *labels);

} // namespace riskatlas::render
