// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "app/cli/command.h"
#include "app/cli/progress_bar.h"

#include "core/error.h"
#include "core/project/config_paths.h"
#include "core/project/project.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace riskatlas::cli {

namespace {

using project::Project;

QByteArray utf8(const QString &text)
{
    return text.toUtf8();
}

const char kProjectUsage[] =
    "Usage: riskatlas-cli project SUBCOMMAND PROJECT [OPTIONS]\n"
    "\n"
    "Build and inspect a RiskAtlas project file (.riskatlas, a GeoPackage):\n"
    "  create PROJECT [--name NAME]\n"
    "  add-layer PROJECT PATHSPEC --role ROLE [--import|--reference] [--name NAME] [--replace]\n"
    "  remove-layer PROJECT NAME\n"
    "  set-model PROJECT --kind five_colour_model|enterprise_config|atlas_config|other\n"
    "            [--name NAME] FILE.json\n"
    "  show PROJECT [--json]\n"
    "  export-configs PROJECT DIR\n"
    "  import-configs PROJECT DIR\n"
    "  verify PROJECT [--json]     exit 2 when an input is missing or changed\n"
    "  override add PROJECT --layer L --key K --level N --reason TEXT [--user U]\n"
    "           L: risk_map (key unit_id), risk_zoning or prevention_zoning (key zone_id),\n"
    "              enterprises (key: unified social credit code)\n"
    "  override list PROJECT [--layer L] [--json]\n"
    "  override remove PROJECT ID\n"
    "  (override PROJECT --layer … and override PROJECT --remove ID also work)\n"
    "\n"
    "Run 'riskatlas-cli project SUBCOMMAND --help' for a subcommand's options.\n";

QJsonObject inputJson(const project::ProjectInput &input)
{
    return {{QStringLiteral("name"), input.name},
            {QStringLiteral("role"), input.role},
            {QStringLiteral("mode"), project::inputModeName(input.mode)},
            {QStringLiteral("path"), input.path},
            {QStringLiteral("source_layer"), input.sourceLayer},
            {QStringLiteral("sha256"), input.sha256},
            {QStringLiteral("size"), input.size},
            {QStringLiteral("layer_name"), input.layerName},
            {QStringLiteral("added"), input.added}};
}

QJsonObject checkJson(const project::InputCheck &check)
{
    return {{QStringLiteral("name"), check.name},
            {QStringLiteral("state"), project::inputStateName(check.state)},
            {QStringLiteral("path"), check.path},
            {QStringLiteral("expected_sha256"), check.expectedSha256},
            {QStringLiteral("actual_sha256"), check.actualSha256},
            {QStringLiteral("message"), check.message}};
}

QJsonObject overrideJson(const project::PlannerOverride &entry)
{
    return {{QStringLiteral("id"), entry.id},          {QStringLiteral("layer"), entry.layer},
            {QStringLiteral("key"), entry.key},        {QStringLiteral("level"), entry.level},
            {QStringLiteral("reason"), entry.reason},  {QStringLiteral("user"), entry.user},
            {QStringLiteral("created"), entry.created}};
}

// Parses a subcommand's arguments and checks the count of positional ones.
bool parseSub(QCommandLineParser &parser, const QStringList &arguments, int positionals,
              const QString &usage, int &exitCode)
{
    if (!parseArguments(parser, arguments, exitCode))
        return false;
    if (parser.positionalArguments().size() != positionals) {
        printError(QStringLiteral("usage: riskatlas-cli project %1").arg(usage));
        exitCode = BadInput;
        return false;
    }
    return true;
}

int create(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Create an empty project file."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"),
                                 QStringLiteral("The new file, e.g. yongjia.riskatlas."));
    const QCommandLineOption name(QStringLiteral("name"),
                                  QStringLiteral("Project name (default: the file's base name)."),
                                  QStringLiteral("NAME"));
    parser.addOption(name);
    int exitCode = Success;
    if (!parseSub(parser, arguments, 1, QStringLiteral("create PROJECT [--name NAME]"), exitCode))
        return exitCode;
    const Project created = Project::create(parser.positionalArguments()[0], parser.value(name));
    std::printf("%s: project created (schema %d)\n", utf8(created.path()).constData(),
                created.schemaVersion());
    return Success;
}

int addLayer(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Add an input layer: referenced (default; the file stays where it is, found by its path "
        "relative to the project's folder and checked by SHA-256 before runs) or imported "
        "(copied into the project file)."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    parser.addPositionalArgument(QStringLiteral("PATHSPEC"),
                                 QStringLiteral("FILE, FILE|layername=NAME or FILE|layerid=N."));
    const QCommandLineOption role(QStringLiteral("role"),
                                  QStringLiteral("What the layer is for (townships, buildings, "
                                                 "hazard, enterprises, …)."),
                                  QStringLiteral("ROLE"));
    const QCommandLineOption import(QStringLiteral("import"),
                                    QStringLiteral("Copy the layer into the project."));
    const QCommandLineOption reference(QStringLiteral("reference"),
                                       QStringLiteral("Reference the file (default)."));
    const QCommandLineOption name(QStringLiteral("name"),
                                  QStringLiteral("Input name (default: the layer's name)."),
                                  QStringLiteral("NAME"));
    const QCommandLineOption replace(QStringLiteral("replace"),
                                     QStringLiteral("Replace an input of the same name (and "
                                                    "accept a changed file)."));
    parser.addOptions({role, import, reference, name, replace});
    int exitCode = Success;
    if (!parseSub(parser, arguments, 2,
                  QStringLiteral("add-layer PROJECT PATHSPEC --role ROLE [--import|--reference]"),
                  exitCode))
        return exitCode;
    if (parser.isSet(import) && parser.isSet(reference)) {
        printError(QStringLiteral("--import and --reference exclude each other"));
        return BadInput;
    }
    if (!parser.isSet(role)) {
        printError(QStringLiteral("add-layer needs --role"));
        return BadInput;
    }
    Feedback feedback;
    ProgressBar bar(feedback);
    Project opened = Project::open(parser.positionalArguments()[0]);
    const project::ProjectInput added = opened.addInput(
        parser.positionalArguments()[1], parser.value(role),
        parser.isSet(import) ? project::InputMode::Imported : project::InputMode::Referenced,
        parser.value(name), parser.isSet(replace), &feedback);
    const QString source = added.sourceLayer.isEmpty()
                               ? added.path
                               : added.path + QStringLiteral("|layername=") + added.sourceLayer;
    std::printf("%s: input \"%s\" (%s, %s) %s, sha256 %s\n", utf8(opened.path()).constData(),
                utf8(added.name).constData(), utf8(added.role).constData(),
                utf8(project::inputModeName(added.mode)).constData(), utf8(source).constData(),
                utf8(added.sha256).constData());
    return Success;
}

int removeLayer(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Remove an input (and its imported layer)."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The input's name."));
    int exitCode = Success;
    if (!parseSub(parser, arguments, 2, QStringLiteral("remove-layer PROJECT NAME"), exitCode))
        return exitCode;
    Project opened = Project::open(parser.positionalArguments()[0]);
    opened.removeInput(parser.positionalArguments()[1]);
    std::printf("%s: input \"%s\" removed\n", utf8(opened.path()).constData(),
                utf8(parser.positionalArguments()[1]).constData());
    return Success;
}

int setModel(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Store a configuration (JSON) in the project. Layers inside it are named \"input:NAME\" "
        "(an input of the project) or by a path relative to the project's folder."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    parser.addPositionalArgument(QStringLiteral("FILE.json"), QStringLiteral("The config."));
    const QCommandLineOption kind(QStringLiteral("kind"),
                                  QStringLiteral("five_colour_model, enterprise_config, "
                                                 "atlas_config or other."),
                                  QStringLiteral("KIND"));
    const QCommandLineOption name(QStringLiteral("name"),
                                  QStringLiteral("Name of an \"other\" config (default: the "
                                                 "file's base name)."),
                                  QStringLiteral("NAME"));
    parser.addOptions({kind, name});
    int exitCode = Success;
    if (!parseSub(parser, arguments, 2, QStringLiteral("set-model PROJECT --kind KIND FILE.json"),
                  exitCode))
        return exitCode;
    const auto configKind = project::configKindFromName(parser.value(kind));
    if (!configKind) {
        printError(QStringLiteral("--kind \"%1\" is not one of five_colour_model, "
                                  "enterprise_config, atlas_config, other")
                       .arg(parser.value(kind)));
        return BadInput;
    }
    const QString file = parser.positionalArguments()[1];
    QFile input(file);
    if (!input.open(QIODevice::ReadOnly))
        throw InputError({file}, QStringLiteral("cannot read: %1").arg(input.errorString()));
    const QJsonDocument json = project::parseJson(input.readAll(), file);
    QString configName = parser.value(name);
    if (*configKind == project::ConfigKind::Other && configName.isEmpty())
        configName = QFileInfo(file).completeBaseName();
    Project opened = Project::open(parser.positionalArguments()[0]);
    // Paths in the file are relative to its folder; stored, they are relative to the project's.
    opened.setConfig(
        *configKind,
        project::rebaseConfigPaths(json, QFileInfo(file).absolutePath(), opened.folder()),
        configName);
    std::printf("%s: config \"%s\" stored\n", utf8(opened.path()).constData(),
                utf8(configName.isEmpty() ? parser.value(kind) : configName).constData());
    return Success;
}

int show(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Describe a project: settings, inputs, configs, layers, overrides and the run log."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOption(json);
    int exitCode = Success;
    if (!parseSub(parser, arguments, 1, QStringLiteral("show PROJECT [--json]"), exitCode))
        return exitCode;
    const Project opened = Project::open(parser.positionalArguments()[0]);

    QJsonObject settings;
    const auto settingMap = opened.settings();
    for (auto it = settingMap.cbegin(); it != settingMap.cend(); ++it)
        settings.insert(it.key(), it.value());
    QJsonArray inputs;
    for (const project::ProjectInput &input : opened.inputs())
        inputs.append(inputJson(input));
    QJsonArray configs;
    for (const project::StoredConfig &config : opened.configs())
        configs.append(QJsonObject{{QStringLiteral("name"), config.name},
                                   {QStringLiteral("kind"), project::configKindName(config.kind)},
                                   {QStringLiteral("updated"), config.updated}});
    QJsonArray overrides;
    for (const project::PlannerOverride &entry : opened.overrides())
        overrides.append(overrideJson(entry));
    QJsonArray runs;
    for (const project::RunRecord &run : opened.runs())
        runs.append(project::runRecordToJson(run));

    if (parser.isSet(json)) {
        const QJsonObject document{
            {QStringLiteral("path"), opened.path()},
            {QStringLiteral("schema_version"), opened.schemaVersion()},
            {QStringLiteral("created"), opened.metadata(QStringLiteral("created"))},
            {QStringLiteral("created_with"), opened.metadata(QStringLiteral("created_with"))},
            {QStringLiteral("settings"), settings},
            {QStringLiteral("inputs"), inputs},
            {QStringLiteral("configs"), configs},
            {QStringLiteral("result_layers"), QJsonArray::fromStringList(opened.resultLayers())},
            {QStringLiteral("overrides"), overrides},
            {QStringLiteral("runs"), runs},
            {QStringLiteral("spatial_sql"), opened.hasSpatialSql()}};
        std::printf("%s", QJsonDocument(document).toJson(QJsonDocument::Indented).constData());
        return Success;
    }
    std::printf("project: %s\nschema: %d (created %s with %s)\n", utf8(opened.path()).constData(),
                opened.schemaVersion(),
                utf8(opened.metadata(QStringLiteral("created"))).constData(),
                utf8(opened.metadata(QStringLiteral("created_with"))).constData());
    for (auto it = settingMap.cbegin(); it != settingMap.cend(); ++it)
        std::printf("setting: %s = %s\n", utf8(it.key()).constData(), utf8(it.value()).constData());
    for (const project::ProjectInput &input : opened.inputs())
        std::printf("input: %s (%s, %s) %s%s sha256 %s\n", utf8(input.name).constData(),
                    utf8(input.role).constData(),
                    utf8(project::inputModeName(input.mode)).constData(),
                    utf8(input.path).constData(),
                    input.sourceLayer.isEmpty()
                        ? ""
                        : utf8(QStringLiteral("|layername=") + input.sourceLayer).constData(),
                    utf8(input.sha256).constData());
    for (const project::StoredConfig &config : opened.configs())
        std::printf("config: %s (%s, updated %s)\n", utf8(config.name).constData(),
                    utf8(project::configKindName(config.kind)).constData(),
                    utf8(config.updated).constData());
    for (const QString &layer : opened.resultLayers())
        std::printf("result layer: %s\n", utf8(layer).constData());
    for (const project::PlannerOverride &entry : opened.overrides())
        std::printf("override %lld: %s %s → level %d by %s at %s: %s\n",
                    static_cast<long long>(entry.id), utf8(entry.layer).constData(),
                    utf8(entry.key).constData(), entry.level, utf8(entry.user).constData(),
                    utf8(entry.created).constData(), utf8(entry.reason).constData());
    for (const project::RunRecord &run : opened.runs())
        std::printf("run %lld: %s %s, %.1f s, %s\n", static_cast<long long>(run.id),
                    utf8(run.started).constData(), utf8(run.status).constData(),
                    run.durationSeconds, utf8(run.softwareVersion).constData());
    return Success;
}

int exportConfigs(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Write every config as DIR/NAME.json (sorted keys, 4-space indent) for review in "
        "version control."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    parser.addPositionalArgument(QStringLiteral("DIR"), QStringLiteral("The folder."));
    int exitCode = Success;
    if (!parseSub(parser, arguments, 2, QStringLiteral("export-configs PROJECT DIR"), exitCode))
        return exitCode;
    const Project opened = Project::open(parser.positionalArguments()[0]);
    for (const QString &file : opened.exportConfigs(parser.positionalArguments()[1]))
        std::printf("%s\n", utf8(file).constData());
    return Success;
}

int importConfigs(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Read every DIR/*.json as a config named after the file (five_colour_model.json, "
        "enterprise_config.json, atlas_config.json, anything else as \"other\"), all or "
        "nothing."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    parser.addPositionalArgument(QStringLiteral("DIR"), QStringLiteral("The folder."));
    int exitCode = Success;
    if (!parseSub(parser, arguments, 2, QStringLiteral("import-configs PROJECT DIR"), exitCode))
        return exitCode;
    Project opened = Project::open(parser.positionalArguments()[0]);
    const QStringList names = opened.importConfigs(parser.positionalArguments()[1]);
    std::printf("%s: %lld configs imported: %s\n", utf8(opened.path()).constData(),
                static_cast<long long>(names.size()),
                utf8(names.join(QStringLiteral(", "))).constData());
    return Success;
}

int verify(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Check every input before a run: referenced files found (relative to the project's "
        "folder) with their recorded SHA-256, imported layers present. Exit 2 when any is "
        "missing or changed."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOption(json);
    int exitCode = Success;
    if (!parseSub(parser, arguments, 1, QStringLiteral("verify PROJECT [--json]"), exitCode))
        return exitCode;
    Feedback feedback;
    ProgressBar bar(feedback);
    const Project opened = Project::open(parser.positionalArguments()[0]);
    const QList<project::InputCheck> checks = opened.verifyInputs(&feedback);
    int problems = 0;
    QJsonArray array;
    for (const project::InputCheck &check : checks) {
        if (check.state != project::InputState::Ok)
            ++problems;
        array.append(checkJson(check));
        if (!parser.isSet(json))
            std::printf("%s: %s%s%s\n", utf8(check.name).constData(),
                        utf8(project::inputStateName(check.state)).constData(),
                        check.message.isEmpty() ? "" : ": ", utf8(check.message).constData());
    }
    if (parser.isSet(json))
        std::printf("%s", QJsonDocument(array).toJson(QJsonDocument::Indented).constData());
    if (problems > 0) {
        printError(
            QStringLiteral("%1 of %2 inputs missing or changed").arg(problems).arg(checks.size()));
        return BadInput;
    }
    return Success;
}

int setOverride(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Set a unit's, zone's or firm's level by hand, with a reason; kept across reruns, "
        "marked in the outputs (overridden = 1, override_reason) and listed in the atlas notes. "
        "A second override of the same key replaces the first. Layers: risk_map (key unit_id), "
        "risk_zoning and prevention_zoning (key zone_id), enterprises (key: unified social "
        "credit code)."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    const QCommandLineOption layer(
        QStringLiteral("layer"),
        QStringLiteral("risk_map, risk_zoning, prevention_zoning or enterprises."),
        QStringLiteral("L"));
    const QCommandLineOption key(QStringLiteral("key"),
                                 QStringLiteral("The unit_id, zone_id or credit code."),
                                 QStringLiteral("K"));
    const QCommandLineOption level(QStringLiteral("level"), QStringLiteral("Level, from 1."),
                                   QStringLiteral("N"));
    const QCommandLineOption reason(QStringLiteral("reason"), QStringLiteral("Why (mandatory)."),
                                    QStringLiteral("TEXT"));
    const QCommandLineOption user(QStringLiteral("user"),
                                  QStringLiteral("Who (default: the login name)."),
                                  QStringLiteral("U"));
    const QCommandLineOption remove(QStringLiteral("remove"),
                                    QStringLiteral("Remove override ID instead."),
                                    QStringLiteral("ID"));
    parser.addOptions({layer, key, level, reason, user, remove});
    int exitCode = Success;
    if (!parseSub(parser, arguments, 1,
                  QStringLiteral("override PROJECT --layer L --key K --level N --reason TEXT"),
                  exitCode))
        return exitCode;
    Project opened = Project::open(parser.positionalArguments()[0]);
    if (parser.isSet(remove)) {
        bool ok = false;
        const qint64 id = parser.value(remove).toLongLong(&ok);
        if (!ok) {
            printError(
                QStringLiteral("--remove \"%1\" is not an override id").arg(parser.value(remove)));
            return BadInput;
        }
        opened.removeOverride(id);
        std::printf("%s: override %lld removed\n", utf8(opened.path()).constData(),
                    static_cast<long long>(id));
        return Success;
    }
    if (!parser.isSet(layer) || !parser.isSet(key) || !parser.isSet(level)) {
        printError(QStringLiteral("override needs --layer, --key, --level and --reason"));
        return BadInput;
    }
    bool ok = false;
    project::PlannerOverride entry;
    entry.layer = parser.value(layer);
    entry.key = parser.value(key);
    entry.level = parser.value(level).toInt(&ok);
    if (!ok) {
        printError(QStringLiteral("--level \"%1\" is not a whole number").arg(parser.value(level)));
        return BadInput;
    }
    entry.reason = parser.value(reason);
    entry.user = parser.value(user);
    entry = opened.addOverride(entry);
    std::printf("%s: override %lld: %s %s → level %d (%s)\n", utf8(opened.path()).constData(),
                static_cast<long long>(entry.id), utf8(entry.layer).constData(),
                utf8(entry.key).constData(), entry.level, utf8(entry.reason).constData());
    return Success;
}

int listOverrides(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("List the planner overrides stored in a project, oldest first."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    const QCommandLineOption layer(QStringLiteral("layer"),
                                   QStringLiteral("Only the overrides of this layer."),
                                   QStringLiteral("L"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOptions({layer, json});
    int exitCode = Success;
    if (!parseSub(parser, arguments, 1,
                  QStringLiteral("override list PROJECT [--layer L] [--json]"), exitCode))
        return exitCode;
    const Project opened = Project::open(parser.positionalArguments()[0]);
    const QList<project::PlannerOverride> overrides = opened.overrides(parser.value(layer));
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const project::PlannerOverride &entry : overrides)
            array.append(overrideJson(entry));
        std::printf("%s", QJsonDocument(array).toJson(QJsonDocument::Indented).constData());
        return Success;
    }
    for (const project::PlannerOverride &entry : overrides)
        std::printf("%lld\t%s\t%s\t%d\t%s\t%s\t%s\n", static_cast<long long>(entry.id),
                    utf8(entry.layer).constData(), utf8(entry.key).constData(), entry.level,
                    utf8(entry.user).constData(), utf8(entry.created).constData(),
                    utf8(entry.reason).constData());
    if (overrides.isEmpty())
        std::printf("%s: no overrides\n", utf8(opened.path()).constData());
    return Success;
}

int removeOverride(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Remove a planner override by its id."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    parser.addPositionalArgument(QStringLiteral("ID"),
                                 QStringLiteral("The override's id ('override list')."));
    int exitCode = Success;
    if (!parseSub(parser, arguments, 2, QStringLiteral("override remove PROJECT ID"), exitCode))
        return exitCode;
    const QString text = parser.positionalArguments()[1];
    return setOverride(
        {arguments[0], parser.positionalArguments()[0], QStringLiteral("--remove"), text});
}

// `override add|list|remove …`, and the older `override PROJECT …` form.
int overrideCommand(const QStringList &arguments)
{
    const QString verb = arguments.value(1);
    QStringList rest = arguments;
    if (verb == QLatin1String("add") || verb == QLatin1String("list") ||
        verb == QLatin1String("remove")) {
        rest.removeAt(1);
        rest[0] = arguments[0] + QLatin1Char(' ') + verb;
    }
    if (verb == QLatin1String("list"))
        return listOverrides(rest);
    if (verb == QLatin1String("remove"))
        return removeOverride(rest);
    return setOverride(rest);
}

} // namespace

int runProject(const QStringList &arguments)
{
    if (arguments.size() < 2 || arguments[1] == QLatin1String("--help") ||
        arguments[1] == QLatin1String("-h")) {
        std::fputs(kProjectUsage, arguments.size() < 2 ? stderr : stdout);
        return arguments.size() < 2 ? BadInput : Success;
    }
    const QString sub = arguments[1];
    QStringList rest = arguments;
    rest.removeAt(1);
    rest[0] = arguments[0] + QLatin1Char(' ') + sub;
    try {
        if (sub == QLatin1String("create"))
            return create(rest);
        if (sub == QLatin1String("add-layer"))
            return addLayer(rest);
        if (sub == QLatin1String("remove-layer"))
            return removeLayer(rest);
        if (sub == QLatin1String("set-model"))
            return setModel(rest);
        if (sub == QLatin1String("show"))
            return show(rest);
        if (sub == QLatin1String("export-configs"))
            return exportConfigs(rest);
        if (sub == QLatin1String("import-configs"))
            return importConfigs(rest);
        if (sub == QLatin1String("verify"))
            return verify(rest);
        if (sub == QLatin1String("override"))
            return overrideCommand(rest);
    } catch (const Error &error) {
        return reportError(error);
    }
    printError(QStringLiteral("unknown project subcommand \"%1\"").arg(sub));
    std::fputs(kProjectUsage, stderr);
    return BadInput;
}

} // namespace riskatlas::cli
