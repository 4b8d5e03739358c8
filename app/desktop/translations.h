// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QString>
#include <QStringList>

class QSettings;

namespace riskatlas::desktop {

/// The languages the program is translated into, as locale names ("zh_CN", "en").
QStringList availableLanguages();

/// The language chosen in the settings ("ui/language"): a locale name, or empty to follow the
/// system locale.
QString configuredLanguage(const QSettings &settings);
void setConfiguredLanguage(QSettings &settings, const QString &language);

/// The language the program shows for `configured` (see configuredLanguage()): that one, or
/// the system locale's when it is empty: zh_CN for any Chinese locale, else en.
QString effectiveLanguage(const QString &configured);

/// Loads the RiskAtlas catalogue (compiled in as :/i18n/riskatlas_<language>.qm) and Qt's own
/// for `language`, replacing those installed before, and sets the default QLocale to match.
/// Returns false when the RiskAtlas catalogue is missing (English text is shown then).
/// Call on the UI thread; widgets made before keep their text until made again.
bool installTranslations(const QString &language);

} // namespace riskatlas::desktop
