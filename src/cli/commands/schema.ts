import { writeFile } from "node:fs/promises";
import { PitstopError, UsageError } from "../../core/errors.js";
import { migrationsModel, planApply } from "../../declarative/declarative.js";
import type { PlanStatement } from "../../diff/plan.js";
import type { Driver } from "../../driver/driver.js";
import { renderDump } from "../../dump/dump.js";
import { inspect } from "../../inspect/inspect.js";
import type { SchemaModel } from "../../inspect/model.js";
import { directorySource } from "../../source/directory.js";
import { withMigrationLock } from "../../store/migration-lock.js";
import { checkFile } from "../check-file.js";
import { confirm } from "../confirm.js";
import { closeForExit, migrationLock, openDatabase } from "../context.js";
import type { Output } from "../output.js";
import type { Settings } from "../settings.js";
import {
  DEFAULT_SCHEMA_FILE,
  type DeclarativeFlags,
  declarativeOptions,
  scratchDescription,
} from "./declarative-options.js";

export interface DumpFlags extends DeclarativeFlags {
  out?: string;
  from?: string;
  check?: boolean;
}

/** `schema dump`: the database's (or the migrations') schema as deterministic SQL. */
export async function runSchemaDump(
  settings: Settings,
  out: Output,
  flags: DumpFlags,
): Promise<number> {
  const from = flags.from ?? "database";
  if (from !== "database" && from !== "migrations")
    throw new UsageError(`--from ${from}: use database or migrations`);
  if (flags.check && !flags.out)
    throw new UsageError("--check compares with a file: give it with --out", {
      hint: "e.g. `pitstop schema dump --out schema.sql --check` in CI.",
    });
  const options = declarativeOptions(settings, flags, out);
  let model: SchemaModel;
  if (from === "migrations") {
    out.notice(`Replaying ${settings.dir}/ on ${scratchDescription(options)}...`);
    model = await migrationsModel(
      directorySource({ dir: settings.dir, allowMissing: true }),
      options,
    );
  } else {
    const driver = await openDatabase(settings, out);
    try {
      model = await inspect(driver, { ...options.filter, history: settings.history });
    } finally {
      await closeForExit(driver);
    }
  }
  const text = out.json && !flags.out ? `${JSON.stringify(model, null, 2)}\n` : renderDump(model);
  if (flags.check) {
    return checkFile(out, flags.out!, text, {
      against: `the ${from === "database" ? "database" : "migrations"}`,
      fix: `pitstop schema dump --out ${flags.out}${from === "migrations" ? " --from migrations" : ""}`,
    });
  }
  if (flags.out) {
    await writeFile(flags.out, text);
    if (out.json) out.data({ ok: true, file: flags.out });
    else out.notice(`Wrote ${flags.out}.`);
  } else {
    process.stdout.write(text);
  }
  return 0;
}

export interface ApplyFlags extends DeclarativeFlags {
  file?: string;
  dryRun?: boolean;
  autoApprove?: boolean;
  allowDestructive?: boolean;
}

/** `schema apply`: change the database to match the schema file, in one transaction. */
export async function runSchemaApply(
  settings: Settings,
  out: Output,
  flags: ApplyFlags,
): Promise<number> {
  const schema = flags.file ?? DEFAULT_SCHEMA_FILE;
  const options = declarativeOptions(settings, flags, out);
  const driver = await openDatabase(settings, out);
  try {
    out.notice(
      `Planning against ${driver.target}: loading ${schema} on ${scratchDescription(options)}...`,
    );
    const { plan } = await planApply(driver, schema, options);
    const statements = plan.statements;
    const destructive = statements.filter((s) => s.destructive);
    for (const w of plan.warnings) out.warn(w);
    if (statements.length === 0) {
      if (out.json) out.data({ ok: true, changes: false, applied: false, statements: [] });
      else out.line(`Nothing to do: the database matches ${schema}.`);
      return 0;
    }
    if (!out.json) printPlan(out, statements);
    if (flags.dryRun) {
      if (out.json) out.data({ ok: true, changes: true, applied: false, dryRun: true, statements });
      else out.line(`Dry run: ${statements.length} statement(s) shown, nothing changed.`);
      return 0;
    }
    await approve(out, destructive, flags);
    await applyStatements(driver, settings, out, statements);
    if (out.json) out.data({ ok: true, changes: true, applied: true, statements });
    else out.line(`Applied ${statements.length} statement(s) in one transaction.`);
    return 0;
  } finally {
    await closeForExit(driver);
  }
}

function printPlan(out: Output, statements: readonly PlanStatement[]): void {
  out.line(out.style(`Plan (${statements.length} statement(s)):`, "bold"));
  for (const s of statements) {
    if (s.destructive)
      out.line(out.style(`-- destructive: ${s.note ?? "may lose data"}`, "yellow"));
    if (s.lock) out.line(out.style(`-- locks: ${s.lock}`, "yellow"));
    out.line(`${s.sql};`);
  }
  out.line();
  const locks = statements.filter((s) => s.lock !== undefined);
  if (locks.length === 0) return;
  out.line(
    out.style(
      `${locks.length} statement(s) lock existing tables, and one transaction holds every lock until it commits:`,
      "yellow",
      "bold",
    ),
  );
  for (const s of locks) out.line(`  - ${s.lock}: ${s.sql.split("\n")[0]}`);
  out.line(
    "On a database in use, write a migration with `pitstop diff` instead: it takes the online forms.",
  );
  out.line();
}

/**
 * A terminal asks (unless --auto-approve); elsewhere nothing prompts. Destructive
 * steps need a person's yes or --allow-destructive.
 */
async function approve(
  out: Output,
  destructive: readonly PlanStatement[],
  flags: ApplyFlags,
): Promise<void> {
  // --json output is for programs: nobody is there to answer.
  const interactive = process.stdin.isTTY === true && !flags.autoApprove && !out.json;
  if (destructive.length > 0 && !flags.allowDestructive && !interactive) {
    throw new PitstopError(
      "DESTRUCTIVE",
      `refusing ${destructive.length} destructive step(s) without --allow-destructive: ${destructive.map((s) => s.note ?? s.sql).join("; ")}`,
      {
        hint: "Review the plan (--dry-run) and add --allow-destructive, or write a migration with `pitstop diff`.",
        exitCode: 1,
      },
    );
  }
  if (!interactive) return;
  const question =
    destructive.length > 0
      ? `Apply these statements? ${destructive.length} of them can lose data.`
      : "Apply these statements?";
  await confirm(question, false);
}

/** Under the migration lock (as `up` chooses it), in one fenced transaction, with the DDL lock timeout. */
async function applyStatements(
  driver: Driver,
  settings: Settings,
  out: Output,
  statements: readonly PlanStatement[],
): Promise<void> {
  const fork = driver.fork ? () => driver.fork!() : undefined;
  await driver.session((session) =>
    withMigrationLock(
      session,
      { ...migrationLock(settings, out), ...(fork ? { fork } : {}) },
      async ({ locker }) => {
        const timeout = settings.ddlLockTimeoutMs ?? 5000;
        await session
          .exec(
            [
              "BEGIN",
              ...(locker.check ? [locker.check] : []),
              ...(timeout > 0 ? [`SET LOCAL lock_timeout = ${Math.round(timeout)}`] : []),
            ].join(";\n"),
          )
          .catch(async (error) => {
            // A lost lease fails the fence: end that transaction before unlocking.
            await session.exec("ROLLBACK").catch(() => {});
            throw error;
          });
        for (const s of statements) {
          try {
            await session.exec(s.sql);
          } catch (error) {
            await session.exec("ROLLBACK").catch(() => {});
            throw new PitstopError(
              "APPLY_FAILED",
              `${(error as Error).message} in: ${s.sql.split("\n")[0]}${s.sql.includes("\n") ? " ..." : ""}`,
              { hint: "Nothing was changed: the plan runs in one transaction.", cause: error },
            );
          }
        }
        await session.exec("COMMIT");
      },
    ),
  );
}
