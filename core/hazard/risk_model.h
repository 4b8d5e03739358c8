// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/weights/indicator_direction.h"
#include "core/weights/normalisation.h"

#include <QList>
#include <QMap>
#include <QString>

#include <optional>
#include <vector>

namespace riskatlas::hazard {

/// The five-colour natural-hazard risk model, as read from its JSON file (docs/five-colour.md
/// documents every key). Plain values; paths are absolute (resolved against the model file's
/// folder by the parser) and may carry `|layername=NAME`.

enum class UnitKind {
    Admin,         ///< an administrative polygon layer (townships, villages)
    SquareGrid,    ///< square cells of `cellSize` metres in the metric CRS, clipped to a boundary
    GeographicGrid ///< cells of `cellSize` arc-seconds in CGCS2000 lon/lat, clipped likewise
};

struct UnitsSpec
{
    UnitKind kind = UnitKind::Admin;
    QString source;      ///< admin: the unit layer
    QString idField;     ///< admin: the unit identifier copied to `unit_id`
    QString nameField;   ///< admin: optional name copied to `unit_name`
    QString boundary;    ///< grids: the boundary layer; admin: optional, else the units' union
    double cellSize = 0; ///< metres (SquareGrid) or arc-seconds (GeographicGrid)
};

/// How a unit takes one hazard layer's level→score.
enum class HazardAggregation {
    AreaWeightedMean, ///< Σ score·area / unit area (uncovered parts count as score 0)
    MaxLevel,         ///< the highest score present in the unit (0 when none)
    ShareAtOrAbove    ///< share of the unit's area whose score >= score(threshold level)
};

struct HazardSpec
{
    QString id;     ///< short ascii id: output names hazard_<id>.gpkg
    QString name;   ///< e.g. 地质灾害
    QString source; ///< polygon layer, or a raster of integer levels (overlay::isRasterPath)
    QString levelField;
    /// level value (as text) → score; the score order says which way the levels run.
    QMap<QString, double> scores;
    HazardAggregation aggregation = HazardAggregation::AreaWeightedMean;
    QString threshold; ///< ShareAtOrAbove: the level whose score is the threshold
};

enum class ExposureKind {
    RasterSum, ///< sum of a raster band over the unit (e.g. persons)
    Count,     ///< features whose point-on-surface lies in the unit
    Sum,       ///< sum of a numeric field over those features
    FloorArea, ///< Σ footprint area (m², metric CRS) × floors field
    Length     ///< km of lines inside the unit (lines cut at unit borders), e.g. roads
};

struct ExposureSpec
{
    QString id; ///< also the column name in the tables
    QString name;
    QString source;
    ExposureKind kind = ExposureKind::Count;
    QString field;        ///< Sum: the value field; FloorArea: the floors field
    bool density = false; ///< per km² of the unit instead of the total
};

struct VulnerabilityTable
{
    QString field;
    QMap<QString, double> factors;
    std::optional<double> defaultFactor; ///< for values not in the table; none = error
};

struct VulnerabilitySpec
{
    QString source; ///< features (buildings); each counts in the unit of its point-on-surface
    std::vector<VulnerabilityTable> tables; ///< a feature's factor is the product over tables
    /// Weight of a feature in its unit's mean: empty = 1 each; else a FloorArea-like floors
    /// field (footprint × floors) when `weightIsFloorArea`, or a numeric field.
    QString weightField;
    bool weightIsFloorArea = false;
};

struct CapacityIndicator
{
    QString id;
    QString name;
    QString source; ///< point layer (shelters, warehouses, rescue teams)
    QString field;  ///< summed per township; empty = count of points
    weights::IndicatorDirection direction = weights::IndicatorDirection::Benefit;
};

/// Capacity is assessed per township (RiskModel::townships).
struct CapacitySpec
{
    QString population; ///< raster of persons: indicators are per 10 000 people
    std::vector<CapacityIndicator> indicators;
    double innerSigma = 0.5; ///< μ ± innerSigma·σ and μ ± outerSigma·σ
    double outerSigma = 1.5;
};

enum class WeightMethod { Direct, Ahp, Entropy };

struct WeightSpec
{
    WeightMethod method = WeightMethod::Direct;
    QMap<QString, double> values;            ///< Direct: id → weight (normalised to sum 1)
    QStringList order;                       ///< Ahp: the ids in matrix order
    std::vector<std::vector<double>> matrix; ///< Ahp: pairwise comparison matrix
    QString keyPath;                         ///< e.g. `weights.hazards`, for messages
};

struct CombineSpec
{
    QString formula; ///< muparser expression over H, E, V, C
    weights::NormalisationMethod normalisation = weights::NormalisationMethod::MinMax;
};

enum class ClassifyMethod { Jenks, Quantile, EqualInterval, StandardDeviation, Manual };

struct ClassifySpec
{
    ClassifyMethod method = ClassifyMethod::Jenks;
    std::vector<double> breaks; ///< Manual: the four inner breaks, ascending
};

struct PreventionRule
{
    QList<int> riskLevels;     ///< 1 低 … 5 高; empty = any
    QList<int> capacityLevels; ///< 1 强 … 5 弱; empty = any
    int zone = 1;              ///< 3 重点防治区, 2 次重点防治区, 1 一般防治区
};

struct RiskModel
{
    QString modelPath; ///< the JSON file, absolute
    QString title;
    UnitsSpec units;
    std::vector<HazardSpec> hazards;
    std::vector<ExposureSpec> exposure;
    VulnerabilitySpec vulnerability;
    CapacitySpec capacity;
    WeightSpec hazardWeights;
    WeightSpec exposureWeights;
    WeightSpec capacityWeights;
    CombineSpec combine;
    ClassifySpec classify;
    double minimumMappingUnit = 0;               ///< m²; zoning patches below it are eliminated
    std::vector<PreventionRule> preventionRules; ///< first match wins
    int preventionDefault = 1;
    /// Townships: capacity is assessed on them and the tables are per township. Empty source
    /// = the assessment units themselves (admin units only).
    QString townships;
    QString townshipIdField;
    QString townshipNameField;
    QString riskPalette = QStringLiteral("five_colour");
    QString capacityPalette = QStringLiteral("capacity");
    QString preventionPalette = QStringLiteral("prevention");
};

} // namespace riskatlas::hazard
