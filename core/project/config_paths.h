// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QJsonDocument>
#include <QString>

namespace riskatlas::project {

class Project;

/// Configs name their files by paths relative to wherever they live: a config file's folder
/// before it is stored, the project folder once it is stored (docs/project.md). A string value
/// counts as a path when it is relative, its file part (before a `|layername=` suffix) is not
/// empty, and that file exists under the folder in question; anything else (field names,
/// labels, `input:` and `results:` references, absolute paths, folders other than a FileGDB)
/// is left as it is. Checking for an existing file is what keeps `"level"` a field name and
/// `"townships.shp"` a file, and a results folder named like a palette (`five_colour`) a
/// palette id.

/// Re-expresses the relative paths of `document` that exist under `fromDir` as paths
/// relative to `toDir` (with `/` separators), as `project set-model` does when it stores a
/// config file in a project elsewhere.
QJsonDocument rebaseConfigPaths(const QJsonDocument &document, const QString &fromDir,
                                const QString &toDir);

/// The config as a run reads it: `input:NAME` becomes Project::resolveLayerReference()'s path
/// spec, and relative paths that exist under the project folder become absolute. Throws
/// InputError (from the project) for an `input:` name the project does not have.
QJsonDocument resolveConfigPaths(const QJsonDocument &document, const Project &project);

} // namespace riskatlas::project
