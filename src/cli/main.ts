// node-postgres checks for Cloudflare Workers with `new Response()` when there
// is no `navigator` (Node < 21), which loads undici: ~20 ms on every start.
// Node 21+ defines `navigator`; give Node 20 the same shape before pg loads.
if (typeof (globalThis as { navigator?: unknown }).navigator === "undefined") {
  Object.defineProperty(globalThis, "navigator", {
    value: { userAgent: `Node.js/${process.versions.node.split(".")[0]}` },
    configurable: true,
    writable: true,
  });
}

import { Command, CommanderError, Option } from "commander";
import { fileSystemError, PitstopError, UsageError } from "../core/errors.js";
import { defineFleetCommand } from "./commands/fleet-command.js";
import { defineLintCommand } from "./commands/lint-command.js";
import { docsPath } from "./docs-path.js";
import { addGlobalOptions, diagramFormat, globalFlags } from "./global-options.js";
import { Output, quietOnClosedOutput } from "./output.js";

declare const PITSTOP_VERSION: string;

/** Exit codes: 0 ok, 1 failure, 2 usage, 3 lint findings, 4 pending/drift where --check asks. */
export function main(argv: string[]): Promise<number> {
  return runProgram(argv, defineCommands);
}

/**
 * `main` with the commands `define` adds: src/cli/lint-main.ts passes the
 * `lint` command alone (a smaller bundle for bin/pitstop.cjs to load).
 *
 * @example
 * await runProgram(process.argv, (program) => defineLintCommand(program, action));
 */
export async function runProgram(argv: string[], define: DefineCommands): Promise<number> {
  quietOnClosedOutput();
  const program = buildProgram(argv, define);
  try {
    await program.parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    const json = argv.includes("--json");
    const shown = fileSystemError(error) ?? error;
    new Output({ json }).error(shown);
    return shown instanceof PitstopError ? shown.exitCode : 1;
  }
}

type Action = (settings: import("./settings.js").Settings, out: Output) => Promise<number>;
type DefineCommands = (program: { command(spec: string): Command }) => void;

/** Resolves settings, runs the command, sets the exit code. Command modules load only here. */
export function action(cmd: Command, run: Action): Promise<void> {
  const flags = globalFlags(cmd);
  return (async () => {
    const { resolveSettings } = await import("./settings.js");
    const settings = await resolveSettings(flags);
    const out = new Output({
      json: settings.json,
      ...(flags.color === false ? { color: false } : {}),
    });
    for (const note of settings.deprecations) out.warn(note);
    process.exitCode = await run(settings, out);
  })();
}

function count(value: string | undefined, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (n === 0 && min > 0)
    throw new UsageError("a count of 0 migrations does nothing", {
      hint: "Give 1 or more, or no count (`up` applies every pending migration, `down` reverts the newest); `down --to 0` reverts all.",
    });
  if (!Number.isInteger(n) || n < 0)
    throw new UsageError(`${JSON.stringify(value)} is not a number of migrations`, {
      hint: "Give a whole number, e.g. `pitstop down 2`.",
    });
  return n;
}

/**
 * The command a run needs defined: its name; "" for none (`--version`);
 * undefined for all of them (help, no command, anything unclear). Defining
 * forty commands with their options is a few ms of every start.
 */
export function commandToDefine(
  argv: readonly string[],
  root: Command = buildRoot(),
): string | undefined {
  // Global options that take a value: the word after one is not the command's name.
  const valued = new Set(
    root.options.filter((o) => o.required || o.optional).flatMap((o) => [o.short, o.long]),
  );
  const args = argv.slice(2);
  if (args.some((a) => a === "-h" || a === "--help")) return undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") return undefined;
    if (arg.startsWith("-")) {
      if (!arg.includes("=") && valued.has(arg)) i++;
      continue;
    }
    return arg === "help" ? undefined : arg;
  }
  return args.some((a) => a === "-v" || a === "--version") ? "" : undefined;
}

function buildProgram(argv: readonly string[], define: DefineCommands, all = false): Command {
  const root = buildRoot();
  const only = all ? undefined : commandToDefine(argv, root);
  let matched = false;
  // Commands this run does not need are built detached: same calls, nothing registered.
  const program = {
    command(spec: string): Command {
      const name = spec.split(" ")[0]!;
      if (only !== undefined && only !== name) return new Command(name);
      matched = true;
      return root.command(spec);
    },
  };
  define(program);
  // An unknown command (a typo): define them all, so commander names the ones there are.
  if (only && !matched) return buildProgram(argv, define, true);
  return root;
}

function buildRoot(): Command {
  return addGlobalOptions(
    new Command("pitstop")
      .description("PostgreSQL schema migrations, safe to run against a live system.")
      .version(PITSTOP_VERSION, "-v, --version"),
  )
    .configureHelp({ showGlobalOptions: true })
    .addHelpText(
      "after",
      () => `
Examples:
  pitstop create add_users          new migration in migrations/
  pitstop up                        apply pending migrations (embedded PGlite without DATABASE_URL)
  DATABASE_URL=postgres://app@db/app pitstop status --check

Exit codes: 0 ok, 1 failure, 2 usage, 3 lint findings, 4 pending/drift with --check.
Docs: ${docsPath("migrations.md")}`,
    )
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });
}

function defineCommands(program: { command(spec: string): Command }): void {
  program
    .command("init")
    .description("create the migrations folder and a pitstop.config.ts")
    .action((_o, cmd: Command) =>
      action(cmd, async (s, out) => (await import("./commands/init.js")).runInit(s, out)),
    );

  program
    .command("create <name>")
    .description("write a new migration file")
    .option("-s, --seq", "sequential version (000001) instead of a timestamp")
    .option("--timestamp", "timestamp version (YYYYMMDDHHMMSS)")
    .option("--pair", "write .up.sql and .down.sql files")
    .action(
      (name: string, o: { seq?: boolean; timestamp?: boolean; pair?: boolean }, cmd: Command) =>
        action(cmd, async (s, out) =>
          (await import("./commands/create.js")).runCreate(s, out, name, o),
        ),
    );

  program
    .command("up [n]")
    .description("apply pending migrations (all, or the next n)")
    .option("--to <version>", "up to and including this version")
    .option("--dry-run", "print the SQL that would run, change nothing")
    .addOption(
      new Option(
        "--lint <mode>",
        "lint pending migrations first: warn (default), error, off",
      ).choices(["warn", "error", "off"]),
    )
    .option("--create-db", "create the database named in the URL first if it does not exist")
    .action(
      (
        n: string | undefined,
        o: { to?: string; dryRun?: boolean; lint?: "warn" | "error" | "off"; createDb?: boolean },
        cmd: Command,
      ) =>
        action(cmd, async (s, out) => {
          if (o.createDb) {
            const { createDatabase } = await import("./commands/db.js");
            const r = await createDatabase(s);
            if (r.created) out.notice(`Created database ${r.name}.`);
          }
          return (await import("./commands/migrate.js")).runMigrate(
            s,
            out,
            {
              kind: "up",
              ...(n !== undefined ? { count: count(n, 1)! } : {}),
              ...(o.to ? { to: o.to } : {}),
            },
            o.dryRun ?? false,
            o.lint ?? s.lint.onUp,
          );
        }),
    );

  program
    .command("down [n]")
    .description("revert the newest migration (or n of them)")
    .option("--to <version>", "revert down to this version (it stays applied; 0 reverts all)")
    .option("--dry-run", "print the SQL that would run, change nothing")
    .action((n: string | undefined, o: { to?: string; dryRun?: boolean }, cmd: Command) =>
      action(cmd, async (s, out) =>
        (await import("./commands/migrate.js")).runMigrate(
          s,
          out,
          { kind: "down", ...(o.to ? { to: o.to } : { count: count(n, 1) ?? 1 }) },
          o.dryRun ?? false,
        ),
      ),
    );

  program
    .command("goto <version>")
    .description("migrate up or down until exactly the migrations up to <version> are applied")
    .option("--dry-run", "print the SQL that would run, change nothing")
    .action((version: string, o: { dryRun?: boolean }, cmd: Command) =>
      action(cmd, async (s, out) =>
        (await import("./commands/migrate.js")).runMigrate(
          s,
          out,
          { kind: "goto", to: version },
          o.dryRun ?? false,
        ),
      ),
    );

  program
    .command("redo")
    .description("revert the newest migration and apply it again")
    .option("--dry-run", "print the SQL that would run, change nothing")
    .action((o: { dryRun?: boolean }, cmd: Command) =>
      action(cmd, async (s, out) =>
        (await import("./commands/migrate.js")).runMigrate(
          s,
          out,
          { kind: "redo" },
          o.dryRun ?? false,
        ),
      ),
    );

  program
    .command("reset")
    .description("revert every applied migration")
    .option("--dry-run", "print the SQL that would run, change nothing")
    .option("-y, --yes", "do not ask (required when not on a terminal)")
    .action((o: { dryRun?: boolean; yes?: boolean }, cmd: Command) =>
      action(cmd, async (s, out) => {
        if (!o.dryRun)
          await (await import("./confirm.js")).confirm(
            "Revert every applied migration?",
            o.yes ?? false,
          );
        return (await import("./commands/migrate.js")).runMigrate(
          s,
          out,
          { kind: "reset" },
          o.dryRun ?? false,
        );
      }),
    );

  program
    .command("status")
    .description("list migrations and their state")
    .option("--check", "exit 4 when migrations are pending or something needs attention")
    .action((o: { check?: boolean }, cmd: Command) =>
      action(cmd, async (s, out) =>
        (await import("./commands/status.js")).runStatus(s, out, o.check ?? false),
      ),
    );

  program
    .command("version")
    .description("print the version the database is at (0 when nothing is applied)")
    .action((_o, cmd: Command) =>
      action(cmd, async (s, out) => (await import("./commands/status.js")).runVersion(s, out)),
    );

  program
    .command("force <version>")
    .description("record a migration as applied after fixing the database by hand")
    .option("--unapplied", "record it as not applied instead (delete its history row)")
    .option("--dry-run", "say what would be recorded, change nothing")
    .action((version: string, o: { unapplied?: boolean; dryRun?: boolean }, cmd: Command) =>
      action(cmd, async (s, out) =>
        (await import("./commands/force.js")).runForce(
          s,
          out,
          version,
          o.unapplied ?? false,
          o.dryRun ?? false,
        ),
      ),
    );

  program
    .command("repair")
    .description("accept edited migration files and clear failed attempts that left nothing behind")
    .option("--dry-run", "say what would change")
    .action((o: { dryRun?: boolean }, cmd: Command) =>
      action(cmd, async (s, out) =>
        (await import("./commands/force.js")).runRepair(s, out, o.dryRun ?? false),
      ),
    );

  program
    .command("validate")
    .description("check that every migration parses and applied ones are unchanged")
    .action((_o, cmd: Command) =>
      action(cmd, async (s, out) => (await import("./commands/validate.js")).runValidate(s, out)),
    );

  program
    .command("wait")
    .description("wait until the database accepts connections")
    .addOption(new Option("--timeout <duration>", "give up after this long").default("30s"))
    .addOption(new Option("--interval <duration>", "between attempts").default("500ms"))
    .action((o: { timeout: string; interval: string }, cmd: Command) =>
      action(cmd, async (s, out) => {
        const { parseDuration } = await import("../core/duration.js");
        const timeout = parseDuration(o.timeout);
        const interval = parseDuration(o.interval);
        if (timeout === undefined || interval === undefined)
          throw new UsageError("--timeout and --interval take durations like 30s or 500ms");
        return (await import("./commands/wait.js")).runWait(s, out, timeout, interval);
      }),
    );

  defineLintCommand(program, action);

  // Moving in from golang-migrate, goose and dbmate (docs/compat.md).
  program
    .command("adopt")
    .description("take over the history of golang-migrate, goose or dbmate (nothing is re-run)")
    .addOption(
      new Option("--from <tool>", "whose history (default: the one found)").choices([
        "golang-migrate",
        "goose",
        "dbmate",
      ]),
    )
    .option("--from-table <name>", "its table, when not the tool's default name")
    .option("--dry-run", "show what would be recorded, change nothing")
    .action(
      (
        o: { from?: "golang-migrate" | "goose" | "dbmate"; fromTable?: string; dryRun?: boolean },
        cmd: Command,
      ) =>
        action(cmd, async (s, out) =>
          (await import("./commands/adopt.js")).runAdopt(s, out, {
            ...(o.from ? { from: o.from } : {}),
            ...(o.fromTable ? { table: o.fromTable } : {}),
            dryRun: o.dryRun ?? false,
          }),
        ),
    );

  program
    .command("baseline <version>")
    .description("record every migration up to <version> as applied on a database with no history")
    .option("--dry-run", "show what would be recorded, change nothing")
    .action((version: string, o: { dryRun?: boolean }, cmd: Command) =>
      action(cmd, async (s, out) =>
        (await import("./commands/adopt.js")).runBaseline(s, out, version, o.dryRun ?? false),
      ),
    );

  const db = program.command("db").description("create or drop the database named in the URL");
  db.command("create")
    .description("create the database named in the URL (nothing when it exists)")
    .action((_o, cmd: Command) =>
      action(cmd, async (s, out) => (await import("./commands/db.js")).runDbCreate(s, out)),
    );
  db.command("drop")
    .description("drop the database named in the URL (asks first)")
    .option("-y, --yes", "do not ask (required when not on a terminal)")
    .action((o: { yes?: boolean }, cmd: Command) =>
      action(cmd, async (s, out) =>
        (await import("./commands/db.js")).runDbDrop(s, out, o.yes ?? false),
      ),
    );

  program
    .command("fix")
    .description("rename timestamped migrations to the next sequence numbers (goose fix)")
    .option("--dry-run", "show the renames, change nothing")
    .action((o: { dryRun?: boolean }, cmd: Command) =>
      action(cmd, async (s, out) =>
        (await import("./commands/fix.js")).runFix(s, out, o.dryRun ?? false),
      ),
    );

  program
    .command("bundle")
    .description("write a module that embeds every migration, for apps that ship no files")
    .requiredOption("--out <file>", "the module to write, e.g. src/migrations.gen.ts")
    .option("--check", "write nothing; exit 4 when the module is stale or missing (for CI)")
    .action((o: { out: string; check?: boolean }, cmd: Command) =>
      action(cmd, async (s, out) =>
        (await import("./commands/bundle.js")).runBundle(s, out, o.out, o.check ?? false),
      ),
    );

  program
    .command("convert")
    .description("rewrite the migrations folder in another format, into a new folder")
    .addOption(
      new Option("--to <format>", "the format to write")
        .choices(["pitstop", "golang-migrate", "goose", "dbmate"])
        .makeOptionMandatory(),
    )
    .option("--out <dir>", "the folder to write (default <dir>-<format>)")
    .option("--dry-run", "say what would be written, write nothing")
    .action(
      (
        o: {
          to: "pitstop" | "golang-migrate" | "goose" | "dbmate";
          out?: string;
          dryRun?: boolean;
        },
        cmd: Command,
      ) =>
        action(cmd, async (s, out) =>
          (await import("./commands/convert.js")).runConvert(s, out, {
            to: o.to,
            ...(o.out ? { out: o.out } : {}),
            dryRun: o.dryRun ?? false,
          }),
        ),
    );

  // Declarative schema: diff, drift, schema dump/apply (src/declarative, src/diff, src/inspect).
  const filters = (c: Command) =>
    c
      .option(
        "--only <schemas>",
        "compare only these schemas (comma-separated, repeatable)",
        collect,
      )
      .option(
        "--exclude <patterns>",
        "leave out schemas or schema.objects, * wildcards (repeatable)",
        collect,
      )
      .option(
        "--dev-url <url>",
        "scratch database on this server instead of PGlite (env PITSTOP_DEV_URL)",
      );

  filters(
    program
      .command("diff <name>")
      .description("write a migration that turns what the migrations build into the desired schema")
      .option(
        "-f, --file <path>",
        "desired schema: a .sql file or a folder of them (default schema.sql)",
      )
      .option("-s, --seq", "sequential version (000001) instead of a timestamp")
      .option("--timestamp", "timestamp version (YYYYMMDDHHMMSS)")
      .option("--dry-run", "print the migration, write nothing")
      .option(
        "--offline",
        "plain statements, one transaction: for empty or development databases (default: online forms)",
      )
      .option(
        "--expand",
        "changes that rewrite a table in use (type changes, per-row defaults) as migrations: expand (new column + sync trigger), backfill in batches, switch, contract",
      )
      .option("--diagram", "add a mermaid diagram of the changed tables to the header, for review"),
  ).action((name: string, o: import("./commands/diff.js").DiffFlags, cmd: Command) =>
    action(cmd, async (s, out) => (await import("./commands/diff.js")).runDiff(s, out, name, o)),
  );

  filters(
    program
      .command("drift")
      .description(
        "compare the database with its applied migrations replayed; exit 4 if they differ",
      ),
  ).action((o: import("./commands/declarative-options.js").DeclarativeFlags, cmd: Command) =>
    action(cmd, async (s, out) => (await import("./commands/drift.js")).runDrift(s, out, o)),
  );

  const schema = program.command("schema").description("dump, draw or apply the schema");
  filters(
    schema
      .command("dump")
      .description("print the schema as deterministic SQL (or write it with --out)")
      .option("-o, --out <file>", "write to this file instead of stdout")
      .option(
        "--from <source>",
        "database (default) or migrations (replayed on a scratch database)",
      )
      .option("--check", "exit 4 when --out is missing or stale (for CI)"),
  ).action((o: import("./commands/schema.js").DumpFlags, cmd: Command) =>
    action(cmd, async (s, out) => (await import("./commands/schema.js")).runSchemaDump(s, out, o)),
  );
  filters(
    schema
      .command("diagram")
      .description(
        "draw the schema's tables and foreign keys (mermaid erDiagram, svg or Graphviz dot)",
      )
      .option("--format <format>", "mermaid (default), svg or dot; -o file.svg implies svg")
      .option("-o, --out <file>", "write to this file instead of stdout")
      .option(
        "--from <source>",
        "database (default) or migrations (replayed on a scratch database)",
      )
      .option("-f, --file <path>", "draw a schema file (.sql or a folder of them) instead")
      .option("--views", "draw views too"),
  ).action((o: import("./commands/diagram.js").DiagramFlags, cmd: Command) =>
    action(cmd, async (s, out) =>
      (await import("./commands/diagram.js")).runSchemaDiagram(s, out, {
        ...o,
        format: diagramFormat(cmd, o.format),
      }),
    ),
  );
  filters(
    schema
      .command("apply")
      .description("change the database to match a schema file, in one transaction (prototyping)")
      .option(
        "-f, --file <path>",
        "desired schema: a .sql file or a folder of them (default schema.sql)",
      )
      .option("--dry-run", "print the plan, change nothing")
      .option("--auto-approve", "do not ask on a terminal")
      .option("--allow-destructive", "allow steps that can lose data without a person confirming"),
  ).action((o: import("./commands/schema.js").ApplyFlags, cmd: Command) =>
    action(cmd, async (s, out) => (await import("./commands/schema.js")).runSchemaApply(s, out, o)),
  );

  // The local page: diagram, history, pending + lint, drift (src/studio, docs/studio.md).
  filters(
    program
      .command("studio")
      .description("the schema, its history, pending migrations and drift on a local page")
      .option("--port <n>", "listen on 127.0.0.1 at this port; 0 picks a free one (default 4800)")
      .option("--open", "open the page in the browser")
      .option(
        "--from <source>",
        "database (default) or migrations (replayed on a scratch database)",
      )
      .option("-f, --file <path>", "show a schema file (.sql or a folder of them) instead")
      .addHelpText(
        "after",
        () => `
Serves on 127.0.0.1 only; the printed URL carries a random token. Read-only:
the database is read on a read-only session when studio starts and on Reload.

Examples:
  pitstop studio --open
  pitstop studio --port 0 --from migrations

Docs: ${docsPath("studio.md")}`,
      ),
  ).action((o: import("./commands/studio.js").StudioFlags, cmd: Command) =>
    action(cmd, async (s, out) => (await import("./commands/studio.js")).runStudio(s, out, o)),
  );

  // Many databases or tenant schemas at once (src/fleet, docs/fleet.md).
  defineFleetCommand(program, action);

  // Seeds and test databases.
  program
    .command("seed [names...]")
    .description("run seed files (all, or the named ones) on an up-to-date database")
    .option("--env <name>", "also run the seeds in <seeds>/<name>/ (env PITSTOP_ENV)")
    .option("--reset", "empty the tables the seeds fill first (lists them and asks)")
    .option("-y, --yes", "do not ask (required for --reset when not on a terminal)")
    .option("--force", "seed even a database whose URL looks like production")
    .option("--dry-run", "list the seeds (and tables --reset would empty), change nothing")
    .action(
      (
        names: string[],
        o: { env?: string; reset?: boolean; yes?: boolean; force?: boolean; dryRun?: boolean },
        cmd: Command,
      ) =>
        action(cmd, async (s, out) =>
          (await import("./commands/seed.js")).runSeed(s, out, {
            names,
            env: o.env,
            reset: o.reset ?? false,
            yes: o.yes ?? false,
            force: o.force ?? false,
            dryRun: o.dryRun ?? false,
          }),
        ),
    );

  program
    .command("create-seed <name>")
    .description("write a new numbered seed file with an idempotent example")
    .option("--ts", "a TypeScript seed (export async function seed(db, ctx))")
    .option("--env <name>", "in the environment folder <seeds>/<name>/")
    .action((name: string, o: { ts?: boolean; env?: string }, cmd: Command) =>
      action(cmd, async (s, out) =>
        (await import("./commands/create-seed.js")).runCreateSeed(s, out, name, o),
      ),
    );

  // The warm scratch: PGlite kept started for diff, drift, schema dump, studio (src/declarative/warm-scratch).
  const scratch = program
    .command("scratch")
    .description("the warm scratch: a PGlite kept started between declarative commands");
  const cacheDirOption = () =>
    new Option("--cache-dir <dir>", "the project's scratch cache (default .pitstop/cache)");
  scratch
    .command("serve")
    .description("run it in the foreground (diff starts one in the background by itself)")
    .addOption(cacheDirOption())
    .option("--idle <duration>", "exit after this long without a command (default 10m)")
    .option("--extensions <names>", "PGlite extensions to load at start (comma-separated)", collect)
    .action((o: import("./commands/scratch.js").ScratchServeFlags, cmd: Command) =>
      action(cmd, async (s, out) =>
        (await import("./commands/scratch.js")).runScratchServe(s, out, o),
      ),
    );
  scratch
    .command("status")
    .description("show the project's warm scratch process (exit 1 when none runs)")
    .addOption(cacheDirOption())
    .action((o: { cacheDir?: string }, cmd: Command) =>
      action(cmd, async (s, out) =>
        (await import("./commands/scratch.js")).runScratchStatus(s, out, o),
      ),
    );
  scratch
    .command("stop")
    .description("stop the project's warm scratch process")
    .addOption(cacheDirOption())
    .action((o: { cacheDir?: string }, cmd: Command) =>
      action(cmd, async (s, out) =>
        (await import("./commands/scratch.js")).runScratchStop(s, out, o),
      ),
    );

  const testServer = program
    .command("test-server")
    .description("a throwaway local PostgreSQL for test runs (from the installed server binaries)");
  const stateOption = () =>
    new Option("--state <file>", "where its state is kept (default .pitstop/test-server.json)");
  testServer
    .command("start")
    .description("start it (or find it running) and print its URL")
    .addOption(stateOption())
    .option("--port <n>", "listen on this port (default: a free one)")
    .action((o: { state?: string; port?: string }, cmd: Command) =>
      action(cmd, async (s, out) =>
        (await import("./commands/test-server.js")).runTestServerStart(s, out, {
          ...(o.state ? { state: o.state } : {}),
          ...(o.port ? { port: count(o.port)! } : {}),
        }),
      ),
    );
  testServer
    .command("stop")
    .description("stop it and delete its files")
    .addOption(stateOption())
    .action((o: { state?: string }, cmd: Command) =>
      action(cmd, async (s, out) =>
        (await import("./commands/test-server.js")).runTestServerStop(s, out, o),
      ),
    );
  testServer
    .command("status")
    .description("print its URL (exit 1 when none is running)")
    .addOption(stateOption())
    .action((o: { state?: string }, cmd: Command) =>
      action(cmd, async (s, out) =>
        (await import("./commands/test-server.js")).runTestServerStatus(s, out, o),
      ),
    );
}

/** `--only a --only b,c` -> [a, b, c]. */
function collect(value: string, previous: string[] | undefined): string[] {
  return [
    ...(previous ?? []),
    ...value
      .split(",")
      .map((v) => v.trim())
      .filter(Boolean),
  ];
}
