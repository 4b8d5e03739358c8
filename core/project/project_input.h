// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QString>

namespace riskatlas::project {

/// How a project holds an input layer.
enum class InputMode {
    Imported,  ///< copied into the project file as a GeoPackage layer
    Referenced ///< left where it is; found by a path relative to the project's folder
};

QString inputModeName(InputMode mode); ///< "imported" / "referenced"

/// One input layer of a project (a row of riskatlas_inputs).
struct ProjectInput
{
    QString name; ///< unique in the project; configs refer to it as "input:NAME"
    QString role; ///< what it is for: "townships", "buildings", "hazard", … (free text)
    InputMode mode = InputMode::Referenced;
    /// The source, relative to the project's folder with '/' separators (absolute only when
    /// no relative path exists, e.g. another Windows drive). For imported inputs, where it
    /// was imported from.
    QString path;
    /// The same source as an absolute path when it was added: the fallback when the project
    /// file was moved without its data (schema 2).
    QString absolutePath;
    QString sourceLayer; ///< layer inside the source (GeoPackage, …); empty for the first/only
    QString sha256;      ///< of the source files when added (see checksumDataset)
    qint64 size = 0;     ///< bytes of the source files when added
    QString layerName;   ///< the GeoPackage layer in the project file (imported only)
    QString added;       ///< UTC, ISO 8601
};

enum class InputState { Ok, Changed, Missing };

QString inputStateName(InputState state); ///< "ok" / "changed" / "missing"

/// The result of checking one input before a run.
struct InputCheck
{
    QString name;
    InputState state = InputState::Ok;
    QString path;           ///< absolute path checked (or the project file for imported)
    QString expectedSha256; ///< recorded when it was added
    QString actualSha256;   ///< now; empty when missing
    QString message;        ///< for people: what is wrong and what to do
};

} // namespace riskatlas::project
