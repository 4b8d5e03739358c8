// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/model/vector_layer.h"
#include "core/project/planner_override.h"
#include "core/project/project_input.h"
#include "core/project/run_record.h"
#include "core/project/stored_config.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <functional>

#include <memory>
#include <optional>
#include <vector>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::project {

class SqliteDatabase;

/// A RiskAtlas project: one `.riskatlas` file that is a GeoPackage (QGIS opens its layers)
/// holding settings, inputs (imported layers, or references by relative path with SHA-256),
/// the model/grading/atlas configurations as JSON, result layers, planner overrides and a run
/// log. See docs/project.md for the tables.
///
/// Saving: every change is one SQLite transaction on the open file (rollback journal, so a
/// killed process leaves the previous state, rolled back on the next open). Changes that write
/// layers (importing an input, storing results) are written into a copy beside the file that
/// is renamed over it at the end, so a kill during a long layer write never touches the file.
///
/// Not thread-safe: use a Project from one thread. Only one process should change a project at
/// a time (SQLite serialises writers, but a layer save replaces the file). Move-only.
/// Every method throws InputError for bad arguments or files, ProcessingError otherwise.
class Project
{
public:
    /// Creates a new project file at `path` (written to a temporary file and renamed, so a
    /// failure leaves nothing). `name` becomes the setting "name". Throws InputError if
    /// `path` exists.
    static Project create(const QString &path, const QString &name = {});

    /// Opens a project, migrating an older schema in place (in one transaction). Throws
    /// InputError when it is not a RiskAtlas project or was made by a newer RiskAtlas.
    static Project open(const QString &path);

    ~Project();
    Project(Project &&other) noexcept;
    Project &operator=(Project &&other) noexcept;

    QString path() const { return m_path; } ///< absolute
    QString folder() const;                 ///< the folder relative input paths start from
    int schemaVersion() const;
    QString metadata(const QString &key) const; ///< riskatlas_meta: created, created_with, …

    // --- settings (key/value text) ---
    QMap<QString, QString> settings() const;
    QString setting(const QString &key, const QString &defaultValue = {}) const;
    void setSetting(const QString &key, const QString &value);

    // --- inputs ---
    QList<ProjectInput> inputs() const;
    std::optional<ProjectInput> input(const QString &name) const;
    /// Adds an input from `pathSpec` (FILE, FILE|layername=NAME, FILE|layerid=N). Referenced:
    /// its path relative to the project folder and its SHA-256 are recorded. Imported: the
    /// layer is read (geometry as it is, not repaired) and written into the project as layer
    /// `name`. `name` defaults to the source layer's name. Replaces an input of that name only
    /// with `replace`. Throws InputError for a duplicate or reserved name or an unreadable
    /// source, CancelledError through `feedback`.
    ProjectInput addInput(const QString &pathSpec, const QString &role, InputMode mode,
                          const QString &name = {}, bool replace = false,
                          Feedback *feedback = nullptr);
    void removeInput(const QString &name);
    /// A path spec io::readLayer() reads the input from: the referenced file (absolute,
    /// resolved from the project folder, with its |layername=) or PROJECT|layername=LAYER.
    QString inputPathSpec(const QString &name) const;
    /// Resolves a layer reference in a stored config: "input:NAME" is the input NAME; any other
    /// text is a path spec, relative to the project folder unless absolute.
    QString resolveLayerReference(const QString &reference) const;
    /// Checks every input: referenced files exist and have their recorded SHA-256, imported
    /// layers are in the file. Call before a run and refuse to run on anything not Ok.
    QList<InputCheck> verifyInputs(Feedback *feedback = nullptr) const;
    /// input name → SHA-256 as recorded, for RunRecord::inputChecksums.
    QJsonObject inputChecksums() const;

    // --- configurations ---
    QList<StoredConfig> configs() const;
    std::optional<StoredConfig> config(const QString &name) const;
    /// The config of a standard kind (named after the kind).
    std::optional<StoredConfig> config(ConfigKind kind) const;
    /// Stores `json` as config `name` (for the standard kinds, empty `name` means the kind's
    /// name; a standard kind's config must carry that name).
    void setConfig(ConfigKind kind, const QJsonDocument &json, const QString &name = {});
    void removeConfig(const QString &name);
    /// Writes each config as DIR/NAME.json in canonicalJson() form (DIR is created), returning
    /// the files written; each file is written atomically.
    QStringList exportConfigs(const QString &dir) const;
    /// Reads every DIR/*.json as a config named after the file (kind from the name, else
    /// "other"), all in one transaction: one bad file changes nothing. Returns the names.
    QStringList importConfigs(const QString &dir);

    // --- planner overrides ---
    /// All overrides (of `layer` only, when given), in the order they were set.
    QList<PlannerOverride> overrides(const QString &layer = {}) const;
    /// Adds an override, replacing one for the same layer and key. Throws InputError (naming
    /// the project, layer and key) when the reason is blank, layer/key are empty, the layer is
    /// neither an overrideTargets() layer nor a result layer of the project, the level is
    /// outside 1…the top level of the layer's palette (the stored model's risk or prevention
    /// palette, the enterprise config's grading.levels), a firm's key is not a valid unified
    /// social credit code, or the project holds the layer from a run and no feature has the
    /// key. Returns it with id, user and time filled in (a firm's key in capitals).
    PlannerOverride addOverride(PlannerOverride entry);
    /// Throws InputError when there is no override `id`.
    void removeOverride(qint64 id);

    // --- layers ---
    /// All feature/attribute layers in the file that are not RiskAtlas tables, sorted.
    QStringList layers() const;
    /// Layers that are neither imported inputs nor RiskAtlas tables: the results of runs.
    QStringList resultLayers() const;
    /// Reads layer `name` from the project file (geometry validated, as analyses need).
    model::VectorLayer readLayer(const QString &name, Feedback *feedback = nullptr) const;
    /// Stores result layers (each under its `name`, replacing a layer of that name) and, when
    /// given, appends `run` to the run log — all in one save: either all of it is in the file
    /// afterwards or none of it. Returns the run's id (or -1).
    qint64 storeResults(const std::vector<model::VectorLayer> &layers, const RunRecord *run,
                        Feedback *feedback = nullptr);

    // --- run log ---
    /// Appends a run (fills in the software version when empty); returns its id.
    qint64 appendRun(const RunRecord &run);
    QList<RunRecord> runs() const;

    // --- SQL ---
    /// SpatiaLite (mod_spatialite, in GeoPackage amphibious mode) is loaded on open when it
    /// is installed; spatial SQL such as ST_Area(geom) then works on the project's layers.
    bool hasSpatialSql() const;
    QString spatialSqlError() const;
    /// Runs a read-only query (a statement that would write is an InputError) with `bindings`
    /// for ?1, ?2, … and returns its rows.
    QList<QVariantList> query(const QString &sql, const QVariantList &bindings = {}) const;

    /// Writes a copy of the project to `path` (temporary file + rename; the copy's referenced
    /// inputs are re-based so that they still point at the same files) and returns it opened.
    /// This project stays open and unchanged.
    Project saveAs(const QString &path, bool overwrite = false) const;

private:
    explicit Project(const QString &path);
    void openConnection();
    SqliteDatabase &db() const;
    /// Runs `write(copyPath)` on a copy of the file, then renames the copy over it.
    void rewriteViaCopy(const std::function<void(const QString &copyPath)> &write);
    void checkOverride(PlannerOverride &entry) const;
    void insertInput(SqliteDatabase &db, const ProjectInput &input, bool replace) const;
    qint64 insertRun(SqliteDatabase &db, const RunRecord &run) const;

    QString m_path;
    std::unique_ptr<SqliteDatabase> m_db;
    bool m_spatialSql = false;
    QString m_spatialSqlError;
};

} // namespace riskatlas::project
