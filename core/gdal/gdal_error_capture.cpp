// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/gdal/gdal_error_capture.h"

#include "core/gdal/gdal_handles.h"

#include <cpl_error.h>
#include <ogrsf_frmts.h>

#include <mutex>

namespace riskatlas::gdal {

void ensureRegistered()
{
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

void ensureGeoPackageRegistered()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // GDALAllRegister() skips a driver already registered under its name.
        if (!GDALGetDriverByName("GPKG"))
            RegisterOGRGeoPackage();
    });
}

ErrorCapture::ErrorCapture()
{
    CPLPushErrorHandlerEx(
        [](CPLErr errorClass, CPLErrorNum number, const char *message) {
            handler(int(errorClass), int(number), message);
        },
        this);
}

ErrorCapture::~ErrorCapture()
{
    CPLPopErrorHandler();
}

void ErrorCapture::handler(int errorClass, int, const char *message)
{
    auto *self = static_cast<ErrorCapture *>(CPLGetErrorHandlerUserData());
    if (!self)
        return;
    const QString text = QString::fromUtf8(message);
    if (errorClass >= CE_Failure)
        self->m_failures.append(text);
    else if (errorClass == CE_Warning)
        self->m_warnings.append(text);
}

QString ErrorCapture::lastMessage() const
{
    if (!m_failures.isEmpty())
        return m_failures.constLast();
    if (!m_warnings.isEmpty())
        return m_warnings.constLast();
    return {};
}

void ErrorCapture::clear()
{
    m_failures.clear();
    m_warnings.clear();
}

} // namespace riskatlas::gdal
