// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/project/project_run.h"

#include "core/enterprise/enterprise_job.h"
#include "core/error.h"
#include "core/feedback.h"
#include "core/hazard/model_parser.h"
#include "core/hazard/risk_pipeline.h"
#include "core/io/layer_reader.h"
#include "core/package/package_builder.h"
#include "core/package/package_config.h"
#include "core/project/config_paths.h"
#include "core/project/input_checksum.h"
#include "core/project/project.h"
#include "core/project/project_conventions.h"
#include "core/project/stored_config.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QMap>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTemporaryDir>

#include <algorithm>
#include <filesystem>

namespace riskatlas::project {

namespace {

const char kPackageConfigName[] = "package_config";

// The result layers a run keeps in the project: (output file under OUTDIR, layer name).
struct ResultLayer
{
    const char *file;
    const char *layer;
};
constexpr ResultLayer kResultLayers[] = {
    {"five_colour/risk_map.gpkg", "risk_map"},
    {"five_colour/risk_zoning.gpkg", "risk_zoning"},
    {"five_colour/prevention_zoning.gpkg", "prevention_zoning"},
    {"enterprises/enterprises.gpkg", "enterprises"},
    {"enterprises/area_map.gpkg", "area_map"},
};

void writeConfig(const QString &path, const QJsonDocument &json, bool overwrite)
{
    if (QFileInfo::exists(path) && !overwrite)
        throw InputError({path}, QStringLiteral("exists; use --overwrite to replace it"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(canonicalJson(json)) < 0 || !file.commit())
        throw ProcessingError({path}, QStringLiteral("cannot write: %1").arg(file.errorString()));
}

QStringList prefixed(const QString &prefix, const QStringList &files)
{
    QStringList result;
    for (const QString &file : files)
        result.append(prefix + QLatin1Char('/') + file);
    return result;
}

void appendRelative(const QDir &dir, const QStringList &absolute, QStringList &into)
{
    for (const QString &file : absolute)
        into.append(dir.relativeFilePath(file));
}

// The stored overrides of one layer as a step applies them, oldest first (the later wins).
std::vector<LevelOverride> levelOverrides(const Project &project, const QString &layer)
{
    std::vector<LevelOverride> result;
    for (const PlannerOverride &entry : project.overrides(layer))
        result.push_back({entry.key, entry.level, entry.reason});
    return result;
}

// The atlas notes' line for one override: what it changed, from what to what, why, who, when;
// or that it was not applied and why.
QString overrideNote(const PlannerOverride &entry, const OverrideOutcome *outcome)
{
    const OverrideTarget *target = overrideTarget(entry.layer);
    const QString layer = target ? target->title : entry.layer;
    const QString who = QStringLiteral("（%1，%2）").arg(entry.user, entry.created.left(10));
    if (outcome && outcome->applied) {
        const QString what = outcome->name.isEmpty()
                                 ? entry.key
                                 : QStringLiteral("%1（%2）").arg(entry.key, outcome->name);
        return QStringLiteral("%1 %2：%3级 → %4级，%5%6")
            .arg(layer, what)
            .arg(outcome->modelLevel)
            .arg(entry.level)
            .arg(entry.reason, who);
    }
    const QString why = !target   ? QStringLiteral("该图层不接受人工调整")
                        : outcome ? QStringLiteral("本次结果中已无此对象")
                                  : QStringLiteral("相应步骤未运行");
    return QStringLiteral("未应用（%1）：%2 %3 → %4级，%5%6")
        .arg(why, layer, entry.key)
        .arg(entry.level)
        .arg(entry.reason, who);
}

QJsonObject outputsOf(const QDir &outDir, const QStringList &files, Feedback *feedback)
{
    QJsonObject outputs;
    for (const QString &file : files) {
        const QString path = outDir.filePath(file);
        if (!QFileInfo(path).isFile())
            continue;
        const InputChecksum checksum = checksumDataset(path, feedback);
        outputs.insert(file, QJsonObject{{QStringLiteral("sha256"), checksum.sha256},
                                         {QStringLiteral("size"), double(checksum.size)}});
    }
    return outputs;
}

// The top-level entries a run writes under OUTDIR.
const char *const kRunOutputs[] = {"configs", "five_colour", "enterprises",
                                   "atlas",   "package",     "run_log.json"};

// Without --overwrite a run refuses up front, before any work, to replace earlier results.
void refuseExistingOutputs(const QDir &outDir)
{
    for (const char *entry : kRunOutputs) {
        const QFileInfo info(outDir.filePath(QLatin1String(entry)));
        if (info.isFile() ||
            (info.isDir() && !QDir(info.filePath())
                                  .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)
                                  .isEmpty()))
            throw InputError({info.filePath()},
                             QStringLiteral("exists; use --overwrite to replace it"));
    }
}

// Moves every file of the staging folder to the same relative path under OUTDIR, replacing
// what is there (rename(2) replaces atomically); files of earlier runs that this run did not
// write stay.
void moveIntoPlace(const QDir &stageDir, const QDir &outDir)
{
    QDirIterator it(stageDir.path(), QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = outDir.filePath(stageDir.relativeFilePath(source));
        std::error_code error;
        std::filesystem::create_directories(
            std::filesystem::path(
                QFile::encodeName(QFileInfo(target).absolutePath()).toStdString()),
            error);
        if (!error)
            std::filesystem::rename(QFile::encodeName(source).toStdString(),
                                    QFile::encodeName(target).toStdString(), error);
        if (error)
            throw ProcessingError({target}, QStringLiteral("cannot move the result into place: %1")
                                                .arg(QString::fromStdString(error.message())));
    }
}

} // namespace

ProjectRunResult runProject(Project &project, const ProjectRunOptions &options)
{
    Feedback *feedback = options.feedback;
    if (options.outDir.isEmpty())
        throw InputError({project.path()}, QStringLiteral("no output folder given"));
    ProjectRunResult result;
    RunRecord &record = result.record;
    record.started = utcNow();
    QElapsedTimer timer;
    timer.start();

    QJsonObject parameters{
        {QStringLiteral("out_dir"), QFileInfo(options.outDir).absoluteFilePath()},
        {QStringLiteral("overwrite"), options.overwrite}};
    record.parameters = parameters;

    // Inputs first: a run on changed or missing data would answer the wrong question.
    if (feedback)
        feedback->setStep(QStringLiteral("checking inputs"));
    QStringList problems;
    for (const InputCheck &check : project.verifyInputs(feedback)) {
        if (check.state != InputState::Ok)
            problems.append(QStringLiteral("%1 (%2): %3")
                                .arg(check.name, inputStateName(check.state), check.message));
    }
    if (!problems.isEmpty())
        throw InputError({project.path()},
                         QStringLiteral("inputs differ from when they were added; nothing was "
                                        "run:\n  ") +
                             problems.join(QStringLiteral("\n  ")));

    const auto fiveColour = project.config(ConfigKind::FiveColourModel);
    const auto enterprises = project.config(ConfigKind::EnterpriseConfig);
    const auto atlas = project.config(ConfigKind::AtlasConfig);
    const auto package = project.config(QLatin1String(kPackageConfigName));
    if (!fiveColour && !enterprises)
        throw InputError({project.path()},
                         QStringLiteral("the project has neither a five_colour_model nor an "
                                        "enterprise_config; store one with 'project set-model'"));

    const QDir outDir(QFileInfo(options.outDir).absoluteFilePath());
    if (!QDir().mkpath(outDir.path()))
        throw ProcessingError({outDir.path()}, QStringLiteral("cannot create the folder"));
    if (!options.overwrite)
        refuseExistingOutputs(outDir);
    // Every step writes into a staging folder inside OUTDIR; its files are moved into place only
    // when all steps have finished, so a cancelled or failed run leaves OUTDIR as it was.
    QTemporaryDir stage(outDir.filePath(QStringLiteral(".riskatlas-run-XXXXXX")));
    if (!stage.isValid() || !QDir().mkpath(QDir(stage.path()).filePath(QStringLiteral("configs"))))
        throw ProcessingError(
            {outDir.path()},
            QStringLiteral("cannot create a staging folder: %1").arg(stage.errorString()));
    const QDir stageDir(stage.path());

    QMap<QString, std::vector<OverrideOutcome>> outcomes; // by layer
    try {
        // The configs as this run reads them: every path absolute, every input resolved.
        QJsonObject configHashes;
        auto materialise = [&](const StoredConfig &config) {
            const QJsonDocument resolved = resolveConfigPaths(config.json, project);
            const QString path =
                stageDir.filePath(QStringLiteral("configs/%1.json").arg(config.name));
            writeConfig(path, resolved, options.overwrite);
            result.files.append(QStringLiteral("configs/%1.json").arg(config.name));
            configHashes.insert(config.name, checksumDataset(path).sha256);
            return path;
        };

        if (fiveColour) {
            result.steps.append(QStringLiteral("five_colour"));
            const QString modelPath = materialise(*fiveColour);
            const hazard::RiskModel model = hazard::loadRiskModel(modelPath);
            hazard::PipelineOptions pipeline;
            pipeline.outDir = stageDir.filePath(QStringLiteral("five_colour"));
            pipeline.format = hazard::OutputFormat::Both;
            pipeline.threads = options.threads;
            pipeline.overwrite = options.overwrite;
            pipeline.levelOverrides = levelOverrides(project, QStringLiteral("risk_map"));
            pipeline.riskZoneOverrides = levelOverrides(project, QStringLiteral("risk_zoning"));
            pipeline.preventionZoneOverrides =
                levelOverrides(project, QStringLiteral("prevention_zoning"));
            pipeline.feedback = feedback;
            const hazard::PipelineSummary summary = hazard::runRiskModel(model, pipeline);
            result.files.append(prefixed(QStringLiteral("five_colour"), summary.files));
            result.warnings.append(summary.warnings);
            outcomes.insert(QStringLiteral("risk_map"), summary.unitOverrides);
            outcomes.insert(QStringLiteral("risk_zoning"), summary.riskZoneOverrides);
            outcomes.insert(QStringLiteral("prevention_zoning"), summary.preventionZoneOverrides);
        } else {
            result.warnings.append(
                QStringLiteral("no five_colour_model: five-colour step skipped"));
        }

        if (enterprises) {
            result.steps.append(QStringLiteral("enterprises"));
            enterprise::EnterpriseJobOptions job;
            job.configPath = materialise(*enterprises);
            job.outDir = stageDir.filePath(QStringLiteral("enterprises"));
            job.overwrite = options.overwrite;
            job.levelOverrides = levelOverrides(project, QStringLiteral("enterprises"));
            const enterprise::EnterpriseJobSummary summary =
                enterprise::runEnterpriseJob(job, feedback);
            result.files.append(prefixed(QStringLiteral("enterprises"), summary.files));
            result.warnings.append(summary.overrideWarnings);
            outcomes.insert(QStringLiteral("enterprises"), summary.overrides);
            if (summary.fatalRows > 0)
                result.warnings.append(QStringLiteral("%1 inventory rows excluded (see enterprises/"
                                                      "validation_report.csv)")
                                           .arg(summary.fatalRows));
        } else {
            result.warnings.append(QStringLiteral("no enterprise_config: enterprise step skipped"));
        }

        // Every stored override, applied or not: the run log, the CLI and the atlas say which.
        // The steps report outcomes in the order they were given, which is the stored order.
        for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it) {
            const QList<PlannerOverride> stored = project.overrides(it.key());
            for (qsizetype k = 0; k < stored.size(); ++k) {
                const OverrideOutcome *outcome =
                    size_t(k) < it.value().size() ? &it.value()[size_t(k)] : nullptr;
                result.overrides.append({stored[k], outcome ? *outcome : OverrideOutcome{}});
            }
        }
        for (const PlannerOverride &entry : project.overrides()) {
            if (outcomes.contains(entry.layer))
                continue;
            result.overrides.append({entry, OverrideOutcome{}});
            result.warnings.append(
                overrideTarget(entry.layer)
                    ? QStringLiteral("override of %1 %2 not applied: the step that makes %1 did "
                                     "not run")
                          .arg(entry.layer, entry.key)
                    : QStringLiteral("override of %1 %2 not applied: runs apply overrides to "
                                     "risk_map, risk_zoning, prevention_zoning and enterprises "
                                     "only")
                          .arg(entry.layer, entry.key));
        }
        std::stable_sort(result.overrides.begin(), result.overrides.end(),
                         [](const AppliedOverride &a, const AppliedOverride &b) {
                             return a.entry.id < b.entry.id;
                         });
        // The run log says which overrides this run applied: they may change between runs.
        QJsonArray overridesJson;
        for (const AppliedOverride &applied : result.overrides)
            overridesJson.append(
                QJsonObject{{QStringLiteral("id"), applied.entry.id},
                            {QStringLiteral("layer"), applied.entry.layer},
                            {QStringLiteral("key"), applied.entry.key},
                            {QStringLiteral("level"), applied.entry.level},
                            {QStringLiteral("applied"), applied.outcome.applied},
                            {QStringLiteral("model_level"), applied.outcome.modelLevel}});
        if (!overridesJson.isEmpty())
            parameters.insert(QStringLiteral("overrides"), overridesJson);

        QString name = project.setting(QStringLiteral("name"));
        name.replace(QRegularExpression(QStringLiteral("[/\\\\:*?\"<>|\\s]+")),
                     QStringLiteral("_"));
        if (atlas && !options.atlas) {
            result.warnings.append(QStringLiteral("atlas step skipped: not available here"));
        } else if (atlas) {
            result.steps.append(QStringLiteral("atlas"));
            StoredConfig withOverrides = *atlas;
            QJsonObject root = withOverrides.json.object();
            QJsonObject atlasParameters = root.value(QStringLiteral("parameters")).toObject();
            QStringList lines;
            for (const AppliedOverride &applied : result.overrides)
                lines.append(overrideNote(applied.entry, outcomes.contains(applied.entry.layer)
                                                             ? &applied.outcome
                                                             : nullptr));
            if (!lines.isEmpty()) {
                atlasParameters.insert(QStringLiteral("人工调整"),
                                       QJsonArray::fromStringList(lines));
                root.insert(QStringLiteral("parameters"), atlasParameters);
                withOverrides.json = QJsonDocument(root);
            }
            const QString configPath = materialise(withOverrides);
            const QString pdf = stageDir.filePath(
                QStringLiteral("atlas/%1图集.pdf").arg(name.isEmpty() ? QStringLiteral("") : name));
            if (QFileInfo::exists(pdf) && !options.overwrite)
                throw InputError({pdf}, QStringLiteral("exists; use --overwrite to replace it"));
            QDir().mkpath(QFileInfo(pdf).absolutePath());
            appendRelative(stageDir, options.atlas(configPath, stageDir.path(), pdf, feedback),
                           result.files);
        }
        if (package) {
            result.steps.append(QStringLiteral("package"));
            // The audit trail travels with the package: earlier runs and this one's parameters.
            QJsonArray runs;
            for (const RunRecord &run : project.runs())
                runs.append(runRecordToJson(run));
            const QString runLog = stageDir.filePath(QStringLiteral("run_log.json"));
            writeConfig(
                runLog,
                QJsonDocument(QJsonObject{
                    {QStringLiteral("project"), project.setting(QStringLiteral("name"))},
                    {QStringLiteral("runs"), runs},
                    {QStringLiteral("this_run"),
                     QJsonObject{{QStringLiteral("started"), record.started},
                                 {QStringLiteral("parameters"), parameters},
                                 {QStringLiteral("input_checksums"), project.inputChecksums()}}}}),
                true);
            result.files.append(QStringLiteral("run_log.json"));
            package::PackageConfig config =
                package::loadPackageConfig(materialise(*package), stageDir.path());
            config.documents.append(runLog);
            package::PackageOptions packageOptions;
            packageOptions.overwrite = options.overwrite;
            packageOptions.commandLine = {QStringLiteral("riskatlas-cli"), QStringLiteral("run"),
                                          project.path()};
            const QString zip =
                stageDir.filePath(QStringLiteral("package/%1成果包.zip")
                                      .arg(name.isEmpty() ? QStringLiteral("") : name));
            QDir().mkpath(QFileInfo(zip).absolutePath());
            package::buildPackage(config, zip, packageOptions, feedback);
            result.files.append(stageDir.relativeFilePath(zip));
        }
        std::sort(result.files.begin(), result.files.end());
        record.outputs = outputsOf(stageDir, result.files, feedback);
        if (feedback) {
            feedback->throwIfCanceled();
            feedback->setStep(QStringLiteral("moving the results into place"));
        }
        moveIntoPlace(stageDir, outDir);

        // Back into the project, with the log entry, in one save.
        if (feedback)
            feedback->setStep(QStringLiteral("storing results"));
        std::vector<model::VectorLayer> layers;
        for (const ResultLayer &entry : kResultLayers) {
            const QString path = outDir.filePath(QLatin1String(entry.file));
            if (!QFileInfo::exists(path))
                continue;
            io::ReadOptions read;
            read.validateGeometry = false; // our own output, already valid
            model::VectorLayer layer = io::readLayer(path, read, nullptr, feedback);
            layer.name = QLatin1String(entry.layer);
            layers.push_back(std::move(layer));
        }
        parameters.insert(QStringLiteral("configs"), configHashes);
        parameters.insert(QStringLiteral("steps"), QJsonArray::fromStringList(result.steps));
        record.parameters = parameters;
        record.inputChecksums = project.inputChecksums();
        record.status = QStringLiteral("ok");
        record.finished = utcNow();
        record.durationSeconds = double(timer.elapsed()) / 1000.0;
        if (!result.warnings.isEmpty())
            record.message = result.warnings.join(QLatin1Char('\n'));
        record.id = project.storeResults(layers, &record, feedback);
    } catch (const Error &error) {
        record.status = error.kind() == ErrorKind::Cancelled ? QStringLiteral("cancelled")
                                                             : QStringLiteral("failed");
        record.message = error.formatted();
        record.parameters = parameters;
        record.inputChecksums = project.inputChecksums();
        record.finished = utcNow();
        record.durationSeconds = double(timer.elapsed()) / 1000.0;
        project.appendRun(record);
        throw;
    }
    return result;
}

} // namespace riskatlas::project
