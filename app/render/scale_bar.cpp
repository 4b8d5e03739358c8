// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "render/scale_bar.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <array>
#include <cmath>

namespace riskatlas::render {

ScaleBarSpec niceScaleBar(double scaleDenominator, double maxPageMm)
{
    ScaleBarSpec spec;
    if (!(scaleDenominator > 0) || !(maxPageMm > 0))
        return spec;
    const double maxGround = maxPageMm / 1000.0 * scaleDenominator;
    const double decade = std::pow(10.0, std::floor(std::log10(maxGround)));
    for (double step : std::array<double, 3>{5.0, 2.0, 1.0}) {
        if (step * decade <= maxGround * (1 + 1e-12)) {
            spec.groundMetres = step * decade;
            break;
        }
    }
    spec.pageMm = spec.groundMetres / scaleDenominator * 1000.0;
    // Five blocks read badly for a 2 or 5 bar's halves; four or five keep round tick values.
    const double leading = spec.groundMetres / decade;
    spec.segments = leading == 5.0 ? 5 : 4;
    return spec;
}

QString scaleBarLabel(double groundMetres)
{
    if (groundMetres >= 1000.0)
        return QString::number(groundMetres / 1000.0, 'g', 6) + QStringLiteral(" km");
    return QString::number(groundMetres, 'g', 6) + QStringLiteral(" m");
}

void drawScaleBar(QPainter &painter, const QPointF &origin, const ScaleBarSpec &spec,
                  double unitsPerMm, double scaleDenominator, const QFont &font)
{
    if (spec.pageMm <= 0)
        return;
    painter.save();
    const double length = spec.pageMm * unitsPerMm;
    const double height = 1.6 * unitsPerMm;
    const double block = length / spec.segments;
    QPen pen(Qt::black, 0.25 * unitsPerMm);
    pen.setJoinStyle(Qt::MiterJoin);
    painter.setPen(pen);
    for (int i = 0; i < spec.segments; ++i) {
        painter.setBrush(i % 2 == 0 ? Qt::black : Qt::white);
        painter.drawRect(QRectF(origin.x() + i * block, origin.y(), block, height));
    }
    painter.setFont(font);
    const QFontMetricsF metrics(font, painter.device());
    const double textY = origin.y() - 0.8 * unitsPerMm;
    auto label = [&](double x, const QString &text) {
        const double w = metrics.horizontalAdvance(text);
        painter.drawText(QPointF(x - w / 2, textY), text);
    };
    // Numbers only at the ticks and the unit after the bar, so each number sits centred on
    // its tick.
    const bool km = spec.groundMetres >= 1000.0;
    const double unit = km ? 1000.0 : 1.0;
    label(origin.x(), QStringLiteral("0"));
    label(origin.x() + length / 2, QString::number(spec.groundMetres / 2 / unit, 'g', 6));
    label(origin.x() + length, QString::number(spec.groundMetres / unit, 'g', 6));
    painter.drawText(QPointF(origin.x() + length + 1.5 * unitsPerMm,
                             origin.y() + height / 2 + metrics.ascent() / 2 - 0.5),
                     km ? QStringLiteral("千米") : QStringLiteral("米"));
    const QString ratio =
        QStringLiteral("1:") + QString::number(std::round(scaleDenominator), 'f', 0);
    painter.drawText(QPointF(origin.x(), origin.y() + height + metrics.ascent() + 0.5 * unitsPerMm),
                     ratio);
    painter.restore();
}

void drawNorthArrow(QPainter &painter, const QPointF &centre, double sizeMm, double unitsPerMm,
                    const QFont &font)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const double s = sizeMm * unitsPerMm;
    const QPointF tip(centre.x(), centre.y() - s * 0.3);
    const QPointF left(centre.x() - s * 0.22, centre.y() + s * 0.45);
    const QPointF right(centre.x() + s * 0.22, centre.y() + s * 0.45);
    const QPointF notch(centre.x(), centre.y() + s * 0.25);
    painter.setPen(QPen(Qt::black, 0.25 * unitsPerMm));
    QPainterPath leftHalf;
    leftHalf.moveTo(tip);
    leftHalf.lineTo(left);
    leftHalf.lineTo(notch);
    leftHalf.closeSubpath();
    QPainterPath rightHalf;
    rightHalf.moveTo(tip);
    rightHalf.lineTo(right);
    rightHalf.lineTo(notch);
    rightHalf.closeSubpath();
    painter.setBrush(Qt::black);
    painter.drawPath(leftHalf);
    painter.setBrush(Qt::white);
    painter.drawPath(rightHalf);
    painter.setFont(font);
    const QFontMetricsF metrics(font, painter.device());
    const QString n = QStringLiteral("N");
    painter.drawText(QPointF(centre.x() - metrics.horizontalAdvance(n) / 2, tip.y() - s * 0.05), n);
    painter.restore();
}

} // namespace riskatlas::render
