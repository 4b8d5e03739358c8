// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/crs/crs.h"

#include "core/error.h"
#include "core/gdal/gdal_handles.h"

#include <QFile>
#include <QFileInfo>

namespace riskatlas::crs {

namespace {

gdal::SpatialReferencePtr newSrs()
{
    gdal::SpatialReferencePtr srs(OSRNewSpatialReference(nullptr));
    OSRSetAxisMappingStrategy(srs.get(), OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

Crs fromSrs(OGRSpatialReferenceH srs)
{
    // Identify an EPSG code for definitions that lack one (e.g. ESRI .prj files).
    const char *authName = OSRGetAuthorityName(srs, nullptr);
    const char *authCode = OSRGetAuthorityCode(srs, nullptr);
    gdal::SpatialReferencePtr identified;
    if (!(authName && authCode && qstrcmp(authName, "EPSG") == 0)) {
        int count = 0;
        int *confidence = nullptr;
        OGRSpatialReferenceH *matches = OSRFindMatches(srs, nullptr, &count, &confidence);
        if (matches && count > 0 && confidence[0] >= 90) {
            identified.reset(OSRClone(matches[0]));
            authName = OSRGetAuthorityName(identified.get(), nullptr);
            authCode = OSRGetAuthorityCode(identified.get(), nullptr);
        }
        OSRFreeSRSArray(matches);
        CPLFree(confidence);
    }
    char *wkt = nullptr;
    const char *options[] = {"FORMAT=WKT2_2019", nullptr};
    OSRExportToWktEx(identified ? identified.get() : srs, &wkt, options);
    gdal::CplString wktOwner(wkt);

    QString name = QString::fromUtf8(OSRGetName(identified ? identified.get() : srs));
    std::optional<int> epsg;
    if (authName && authCode && qstrcmp(authName, "EPSG") == 0)
        epsg = QByteArray(authCode).toInt();
    bool geographic = OSRIsGeographic(srs);
    return Crs::fromParts(QString::fromUtf8(wkt), name, epsg, geographic);
}

} // namespace

Crs Crs::fromParts(QString wkt, QString name, std::optional<int> epsg, bool geographic)
{
    Crs crs;
    crs.m_wkt = std::move(wkt);
    crs.m_name = std::move(name);
    crs.m_epsg = epsg;
    crs.m_geographic = geographic;
    return crs;
}

Crs Crs::fromUserInput(const QString &userText)
{
    const QString text = userText.trimmed();
    if (text.isEmpty())
        throw InputError({}, QStringLiteral("empty coordinate reference system"));
    QByteArray definition = text.toUtf8();
    bool isNumber = false;
    text.toInt(&isNumber);
    if (isNumber)
        definition = "EPSG:" + definition;
    else if (text.endsWith(QLatin1String(".prj"), Qt::CaseInsensitive) && QFileInfo::exists(text)) {
        QFile file(text);
        if (!file.open(QIODevice::ReadOnly))
            throw InputError({text}, QStringLiteral("cannot read the .prj file"));
        definition = file.readAll();
    }
    auto srs = newSrs();
    if (OSRSetFromUserInput(srs.get(), definition.constData()) != OGRERR_NONE)
        throw InputError({},
                         QStringLiteral("unknown coordinate reference system \"%1\"").arg(text));
    return fromSrs(srs.get());
}

Crs Crs::fromEpsg(int code)
{
    auto srs = newSrs();
    if (OSRImportFromEPSG(srs.get(), code) != OGRERR_NONE)
        throw InputError({}, QStringLiteral("unknown EPSG code %1").arg(code));
    return fromSrs(srs.get());
}

Crs Crs::fromWkt(const QString &wkt)
{
    if (wkt.trimmed().isEmpty())
        return {};
    auto srs = newSrs();
    const QByteArray bytes = wkt.toUtf8();
    if (OSRSetFromUserInput(srs.get(), bytes.constData()) != OGRERR_NONE)
        throw InputError({}, QStringLiteral("cannot parse the coordinate reference system WKT"));
    return fromSrs(srs.get());
}

QString Crs::authId() const
{
    if (m_epsg)
        return QStringLiteral("EPSG:%1").arg(*m_epsg);
    return m_name;
}

bool Crs::isSameAs(const Crs &other) const
{
    if (!isValid() || !other.isValid())
        return isValid() == other.isValid();
    if (m_epsg && other.m_epsg)
        return *m_epsg == *other.m_epsg;
    auto a = newSrs();
    auto b = newSrs();
    const QByteArray wktA = m_wkt.toUtf8();
    const QByteArray wktB = other.m_wkt.toUtf8();
    OSRSetFromUserInput(a.get(), wktA.constData());
    OSRSetFromUserInput(b.get(), wktB.constData());
    const char *options[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", nullptr};
    return OSRIsSameEx(a.get(), b.get(), options);
}

Crs cgcs2000()
{
    static const Crs crs = Crs::fromEpsg(4490);
    return crs;
}

} // namespace riskatlas::crs
