// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QDialog>

namespace riskatlas::desktop {

/// Versions of RiskAtlas and of the libraries it runs on (Qt, GDAL, GEOS, PROJ, as loaded at
/// run time), RiskAtlas's licence, and the licences of the data bundled with it.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    /// The versions as shown, one "Name version" per line.
    static QString versionText();
    /// The licences of the bundled data as shown.
    static QString dataLicenceText();
};

} // namespace riskatlas::desktop
