// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

// RAII owners for GDAL/OGR C handles. Include only from .cpp files: GDAL is a private
// dependency of riskatlas_core.

#include <cpl_conv.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <memory>

namespace riskatlas::gdal {

struct DatasetCloser
{
    void operator()(GDALDatasetH dataset) const { GDALClose(dataset); }
};
struct FeatureDestroyer
{
    void operator()(OGRFeatureH feature) const { OGR_F_Destroy(feature); }
};
struct GeometryDestroyer
{
    void operator()(OGRGeometryH geometry) const { OGR_G_DestroyGeometry(geometry); }
};
struct SpatialReferenceReleaser
{
    void operator()(OGRSpatialReferenceH srs) const { OSRRelease(srs); }
};
struct TransformDestroyer
{
    void operator()(OGRCoordinateTransformationH transform) const
    {
        OCTDestroyCoordinateTransformation(transform);
    }
};
struct FieldDefnDestroyer
{
    void operator()(OGRFieldDefnH field) const { OGR_Fld_Destroy(field); }
};
struct CplFree
{
    void operator()(void *memory) const { CPLFree(memory); }
};

using DatasetPtr = std::unique_ptr<std::remove_pointer_t<GDALDatasetH>, DatasetCloser>;
using FeaturePtr = std::unique_ptr<std::remove_pointer_t<OGRFeatureH>, FeatureDestroyer>;
using GeometryPtr = std::unique_ptr<std::remove_pointer_t<OGRGeometryH>, GeometryDestroyer>;
using SpatialReferencePtr =
    std::unique_ptr<std::remove_pointer_t<OGRSpatialReferenceH>, SpatialReferenceReleaser>;
using TransformPtr =
    std::unique_ptr<std::remove_pointer_t<OGRCoordinateTransformationH>, TransformDestroyer>;
using FieldDefnPtr = std::unique_ptr<std::remove_pointer_t<OGRFieldDefnH>, FieldDefnDestroyer>;
using CplString = std::unique_ptr<char, CplFree>;

/// Registers GDAL's drivers once; safe to call from any thread, any number of times.
void ensureRegistered();
/// Registers only the GeoPackage driver, for writers that need nothing else (all of GDAL's
/// drivers take 10-15 ms to register); ensureRegistered() later adds the others. Thread-safe.
void ensureGeoPackageRegistered();

} // namespace riskatlas::gdal
