// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
// The inputs part of Project: adding, resolving and verifying input layers.
#include "core/project/project.h"

#include "core/error.h"
#include "core/feedback.h"
#include "core/io/dataset_path.h"
#include "core/io/layer_reader.h"
#include "core/io/layer_writer.h"
#include "core/overlay/raster_zonal.h"
#include "core/project/geopackage_file.h"
#include "core/project/input_checksum.h"
#include "core/project/project_conventions.h"
#include "core/project/sqlite_database.h"

#include <QDir>
#include <QFileInfo>

namespace riskatlas::project {

namespace {

const char kSelectInputs[] = "SELECT name, role, mode, path, source_layer, sha256, size, "
                             "layer_name, added, absolute_path FROM riskatlas_inputs";

ProjectInput inputFromRow(const SqliteStatement &row)
{
    ProjectInput input;
    input.name = row.text(0);
    input.role = row.text(1);
    input.mode =
        row.text(2) == QLatin1String("imported") ? InputMode::Imported : InputMode::Referenced;
    input.path = row.text(3);
    input.sourceLayer = row.text(4);
    input.sha256 = row.text(5);
    input.size = row.integer(6);
    input.layerName = row.text(7);
    input.added = row.text(8);
    input.absolutePath = row.text(9);
    return input;
}

QString withLayer(const QString &path, const QString &layer)
{
    return layer.isEmpty() ? path : path + QStringLiteral("|layername=") + layer;
}

// Where a referenced input is now: relative to the project's folder first (the folder was
// moved or copied with its data), else the absolute path it was added from (the project file
// alone was moved). Returns the relative resolution when neither exists, for the message.
QString locateReferenced(const ProjectInput &input, const QString &folder, bool *viaAbsolute)
{
    const QString relative = QDir::cleanPath(QDir(folder).absoluteFilePath(input.path));
    if (viaAbsolute)
        *viaAbsolute = false;
    if (QFileInfo(relative).isFile() || input.absolutePath.isEmpty())
        return relative;
    if (QFileInfo(input.absolutePath).isFile()) {
        if (viaAbsolute)
            *viaAbsolute = true;
        return input.absolutePath;
    }
    return relative;
}

} // namespace

QString inputModeName(InputMode mode)
{
    return mode == InputMode::Imported ? QStringLiteral("imported") : QStringLiteral("referenced");
}

QString inputStateName(InputState state)
{
    switch (state) {
    case InputState::Ok:
        return QStringLiteral("ok");
    case InputState::Changed:
        return QStringLiteral("changed");
    case InputState::Missing:
        return QStringLiteral("missing");
    }
    return {};
}

QList<ProjectInput> Project::inputs() const
{
    QList<ProjectInput> result;
    SqliteStatement query(db(), QLatin1String(kSelectInputs) + QStringLiteral(" ORDER BY fid"));
    while (query.step())
        result.append(inputFromRow(query));
    return result;
}

std::optional<ProjectInput> Project::input(const QString &name) const
{
    SqliteStatement query(db(), QLatin1String(kSelectInputs) + QStringLiteral(" WHERE name = ?1"));
    query.bind(1, name);
    if (!query.step())
        return std::nullopt;
    return inputFromRow(query);
}

void Project::insertInput(SqliteDatabase &target, const ProjectInput &input, bool replace) const
{
    // Replacing keeps the row (and its place in the list): an update, not delete + insert.
    const QString onConflict =
        replace ? QStringLiteral(" ON CONFLICT (name) DO UPDATE SET role = excluded.role, mode = "
                                 "excluded.mode, path = excluded.path, source_layer = "
                                 "excluded.source_layer, sha256 = excluded.sha256, size = "
                                 "excluded.size, layer_name = excluded.layer_name, added = "
                                 "excluded.added, absolute_path = excluded.absolute_path")
                : QString();
    SqliteStatement insert(target, QStringLiteral("INSERT INTO riskatlas_inputs (name, role, mode, "
                                                  "path, source_layer, sha256, size, layer_name, "
                                                  "added, absolute_path) VALUES (?1, ?2, ?3, ?4, "
                                                  "?5, ?6, ?7, ?8, ?9, ?10)") +
                                       onConflict);
    insert.bindAll({input.name, input.role, inputModeName(input.mode), input.path,
                    input.sourceLayer, input.sha256, input.size, input.layerName, input.added,
                    input.absolutePath});
    insert.run();
}

ProjectInput Project::addInput(const QString &pathSpec, const QString &role, InputMode mode,
                               const QString &name, bool replace, Feedback *feedback)
{
    const io::DatasetPath source = io::DatasetPath::parse(pathSpec);
    const QFileInfo sourceInfo(source.path);
    if (!sourceInfo.isFile())
        throw InputError({source.path}, QStringLiteral("no such file"));
    if (sourceInfo.absoluteFilePath() == m_path)
        throw InputError({source.path}, QStringLiteral("a project cannot take itself as input"));
    if (role.trimmed().isEmpty())
        throw InputError({source.path}, QStringLiteral("an input needs a role (e.g. townships, "
                                                       "buildings, hazard)"));

    ProjectInput input;
    input.role = role.trimmed();
    input.mode = mode;
    input.added = utcNow();
    // A raster (a population or hazard grid) is referenced as its file: no layers to name,
    // and nothing a GeoPackage vector layer could hold.
    const bool raster = overlay::isRasterPath(source.path);
    if (raster && mode == InputMode::Imported)
        throw InputError({source.path}, QStringLiteral("a raster can only be referenced, not "
                                                       "imported (use --reference)"));
    // The layer is named, not numbered, so that the reference survives layers being added.
    const QStringList sourceLayers = raster ? QStringList() : io::listLayers(source.path);
    if (source.layerIndex) {
        if (*source.layerIndex < 0 || *source.layerIndex >= sourceLayers.size())
            throw InputError({source.path}, QStringLiteral("no layer #%1 (it has %2)")
                                                .arg(*source.layerIndex)
                                                .arg(sourceLayers.size()));
        input.sourceLayer = sourceLayers[*source.layerIndex];
    } else if (!source.layerName.isEmpty()) {
        if (!sourceLayers.contains(source.layerName))
            throw InputError({source.path, source.layerName},
                             QStringLiteral("no such layer (it has: %1)")
                                 .arg(sourceLayers.join(QStringLiteral(", "))));
        input.sourceLayer = source.layerName;
    } else if (sourceLayers.size() > 1) {
        throw InputError({source.path}, QStringLiteral("holds several layers; name one with "
                                                       "FILE|layername=NAME (%1)")
                                            .arg(sourceLayers.join(QStringLiteral(", "))));
    }
    input.name =
        name.isEmpty()
            ? (input.sourceLayer.isEmpty()
                   ? (sourceLayers.isEmpty() ? sourceInfo.completeBaseName() : sourceLayers.first())
                   : input.sourceLayer)
            : name;
    checkLayerName(m_path, input.name);
    const std::optional<ProjectInput> existing = this->input(input.name);
    if (existing && !replace)
        throw InputError({m_path, input.name}, QStringLiteral("the project already has an input "
                                                              "of this name; replace it or "
                                                              "choose another name"));
    if (mode == InputMode::Imported && !existing && layers().contains(input.name))
        throw InputError({m_path, input.name}, QStringLiteral("the project already has a layer "
                                                              "of this name"));

    if (feedback)
        feedback->setStep(QStringLiteral("checksum"));
    const InputChecksum checksum = checksumDataset(source.path, feedback);
    input.sha256 = checksum.sha256;
    input.size = checksum.size;
    const QString absolute = sourceInfo.absoluteFilePath();
    const QString relative = QDir(folder()).relativeFilePath(absolute);
    input.path = QDir::isAbsolutePath(relative) ? QDir::fromNativeSeparators(absolute)
                                                : QDir::fromNativeSeparators(relative);
    input.absolutePath = QDir::fromNativeSeparators(absolute);

    if (mode == InputMode::Referenced) {
        if (existing && existing->mode == InputMode::Imported) {
            // The imported copy goes with the row that named it, in the same save.
            rewriteViaCopy([&](const QString &copyPath) {
                deleteGeoPackageLayer(copyPath, existing->layerName);
                SqliteDatabase copyDb(copyPath);
                SqliteTransaction transaction(copyDb);
                insertInput(copyDb, input, replace);
                transaction.commit();
            });
        } else {
            SqliteTransaction transaction(db());
            insertInput(db(), input, replace);
            transaction.commit();
        }
        return input;
    }

    // Imported: as the source is, without repairs, so that the copy is faithful; analyses
    // validate what they read from the project.
    io::ReadOptions options;
    options.validateGeometry = false;
    model::VectorLayer layer =
        io::readLayer(withLayer(source.path, input.sourceLayer), options, nullptr, feedback);
    input.layerName = input.name;
    rewriteViaCopy([&](const QString &copyPath) {
        io::writeLayerIntoGeoPackage(layer, copyPath, input.layerName, feedback);
        SqliteDatabase copyDb(copyPath);
        SqliteTransaction transaction(copyDb);
        insertInput(copyDb, input, replace);
        transaction.commit();
    });
    return input;
}

void Project::removeInput(const QString &name)
{
    const std::optional<ProjectInput> existing = input(name);
    if (!existing)
        throw InputError({m_path, name}, QStringLiteral("no such input"));
    auto remove = [&](SqliteDatabase &target) {
        SqliteTransaction transaction(target);
        SqliteStatement statement(target,
                                  QStringLiteral("DELETE FROM riskatlas_inputs WHERE name = ?1"));
        statement.bind(1, name).run();
        transaction.commit();
    };
    if (existing->mode == InputMode::Referenced) {
        remove(db());
        return;
    }
    rewriteViaCopy([&](const QString &copyPath) {
        deleteGeoPackageLayer(copyPath, existing->layerName);
        SqliteDatabase copyDb(copyPath);
        remove(copyDb);
    });
}

QString Project::inputPathSpec(const QString &name) const
{
    const std::optional<ProjectInput> found = input(name);
    if (!found)
        throw InputError({m_path, name}, QStringLiteral("no such input in the project"));
    if (found->mode == InputMode::Imported)
        return withLayer(m_path, found->layerName);
    return withLayer(locateReferenced(*found, folder(), nullptr), found->sourceLayer);
}

QString Project::resolveLayerReference(const QString &reference) const
{
    if (reference.startsWith(QLatin1String("input:")))
        return inputPathSpec(reference.mid(6));
    const io::DatasetPath parsed = io::DatasetPath::parse(reference);
    const QString path = QDir::cleanPath(QDir(folder()).absoluteFilePath(parsed.path));
    const qsizetype bar = reference.indexOf(QLatin1Char('|'));
    return bar < 0 ? path : path + reference.mid(bar);
}

QList<InputCheck> Project::verifyInputs(Feedback *feedback) const
{
    QList<InputCheck> checks;
    const QStringList fileLayers = layers();
    for (const ProjectInput &input : inputs()) {
        if (feedback)
            feedback->throwIfCanceled();
        InputCheck check;
        check.name = input.name;
        check.expectedSha256 = input.sha256;
        if (input.mode == InputMode::Imported) {
            check.path = m_path;
            if (fileLayers.contains(input.layerName)) {
                check.actualSha256 = input.sha256;
            } else {
                check.state = InputState::Missing;
                check.message = QStringLiteral("imported layer \"%1\" is not in the project file")
                                    .arg(input.layerName);
            }
            checks.append(check);
            continue;
        }
        bool viaAbsolute = false;
        check.path = locateReferenced(input, folder(), &viaAbsolute);
        if (viaAbsolute)
            check.message = QStringLiteral("not beside the project as \"%1\"; found at the "
                                           "absolute path it was added from")
                                .arg(input.path);
        if (!QFileInfo(check.path).isFile()) {
            check.state = InputState::Missing;
            check.message = QStringLiteral("not found at %1 (recorded as \"%2\" relative to the "
                                           "project's folder); put it back or add it again")
                                .arg(QDir::toNativeSeparators(check.path), input.path);
            checks.append(check);
            continue;
        }
        check.actualSha256 = checksumDataset(check.path, feedback).sha256;
        if (check.actualSha256 != input.sha256) {
            check.state = InputState::Changed;
            check.message =
                QStringLiteral("changed since it was added on %1 (SHA-256 was %2, is "
                               "now %3); check the data, then add it again with "
                               "--replace to accept it")
                    .arg(input.added, input.sha256.left(12), check.actualSha256.left(12));
        }
        checks.append(check);
    }
    return checks;
}

QJsonObject Project::inputChecksums() const
{
    QJsonObject result;
    for (const ProjectInput &input : inputs())
        result.insert(input.name, input.sha256);
    return result;
}

} // namespace riskatlas::project
