import { existsSync } from "node:fs";
import { PitstopError } from "../../core/errors.js";
import { maskUrl } from "../../driver/connect.js";
import {
  checkMigrated,
  listSeeds,
  loadSeeds,
  looksLikeProduction,
  planTruncation,
  runSeeds,
  type SeedResult,
  seededTables,
  type TruncationPlan,
} from "../../seed/index.js";
import { migrationLock, withMigrator } from "../context.js";
import { formatDuration, type Output } from "../output.js";
import type { Settings } from "../settings.js";

export interface SeedCommandOptions {
  names: string[];
  env?: string | undefined;
  reset: boolean;
  yes: boolean;
  force: boolean;
  dryRun: boolean;
}

/** `seed [names...]`: run seed files on an up-to-date database, each in a transaction. */
export async function runSeed(
  settings: Settings,
  out: Output,
  o: SeedCommandOptions,
): Promise<number> {
  const environment = o.env ?? (settings.env.PITSTOP_ENV || undefined);
  if (!o.force && looksLikeProduction(settings.database, settings.productionGuard)) {
    throw new PitstopError(
      "PRODUCTION_DATABASE",
      `refusing to seed ${maskUrl(settings.database!)}: it looks like a production database`,
      {
        hint: "Add --force if you really mean to seed it, or change seeds.productionGuard in pitstop.config.ts (matched against the host and database name).",
        exitCode: 2,
      },
    );
  }
  const dir = settings.seedsDir;
  const { seeds, envMissing } = listSeeds({ dir, env: environment, names: o.names });
  if (envMissing) out.warn(`no ${dir}/${environment}/ folder: running the common seeds only`);
  if (seeds.length === 0) {
    if (out.json) out.data({ ok: true, seeds: [], rows: 0, truncated: [] });
    else out.line(`No seeds in ${dir}/. Create one with \`pitstop create-seed <name>\`.`);
    return 0;
  }
  return withMigrator(settings, out, {}, async ({ driver, migrator }) => {
    if (existsSync(settings.dir)) {
      const { error, warnings } = checkMigrated(await migrator.status());
      for (const w of warnings) out.warn(w);
      if (error) throw error;
    }
    const loaded = await loadSeeds(seeds);
    let plan: TruncationPlan | undefined;
    if (o.reset) {
      const { tables, unknown } = seededTables(loaded);
      for (const file of unknown)
        out.warn(`${file} does not export \`tables\`: --reset cannot empty what it fills`);
      plan = await planTruncation(driver, tables, settings.history);
      printTruncation(out, plan);
      if (plan.tables.length > 0 && !o.dryRun) {
        const { confirm } = await import("../confirm.js");
        await confirm(`Empty ${plan.tables.length} table(s) in ${driver.target}?`, o.yes);
      }
    }
    if (o.dryRun) {
      if (out.json) out.data({ ok: true, dryRun: true, seeds: seeds.map((s) => s.file) });
      else for (const s of seeds) out.line(`would run ${s.file}`);
      return 0;
    }
    if (!out.json) out.notice(`Seeding ${driver.target}${environment ? ` (${environment})` : ""}`);
    const started = performance.now();
    const result = await runSeeds(driver, loaded, {
      env: settings.env,
      environment,
      ...(plan && plan.tables.length > 0 ? { truncate: plan.tables } : {}),
      lock: migrationLock(settings, out),
      onResult: (_seed, r) => printResult(out, r),
    });
    if (out.json) {
      out.data({
        ok: !result.error,
        rows: result.rows,
        truncated: result.truncated,
        seeds: result.results.map((r) => ({
          ...r,
          ...(r.status === "error" ? { error: toJson(r.error) } : {}),
        })),
        ...(result.error ? { error: result.error.toJSON() } : {}),
      });
      return result.error ? result.error.exitCode : 0;
    }
    if (result.error) {
      out.error(result.error);
      return result.error.exitCode;
    }
    const emptied =
      result.truncated.length > 0 ? ` after emptying ${result.truncated.length} table(s)` : "";
    out.line(
      `Seeded ${result.results.length} file(s)${emptied}: ${result.rows} row(s) affected in ${formatDuration(performance.now() - started)}.`,
    );
    return 0;
  });
}

function printTruncation(out: Output, plan: TruncationPlan): void {
  if (out.json) return;
  if (plan.tables.length === 0) out.line("--reset: no existing table to empty.");
  else {
    out.line(`--reset empties ${plan.tables.length} table(s) (RESTART IDENTITY):`);
    for (const t of plan.tables)
      out.line(
        `  ${t.name}${t.references ? out.style(`  (its foreign key references ${t.references})`, "dim") : ""}`,
      );
  }
  for (const name of plan.missing) out.notice(`--reset: ${name} does not exist; skipped`);
}

function printResult(out: Output, r: SeedResult): void {
  if (r.status === "success") {
    out.line(
      `  ${out.style("✓", "green")} ${r.file}  ${r.rows} row(s)  ${out.style(formatDuration(r.durationMs), "dim")}`,
    );
    for (const line of r.logs) out.line(`      ${line}`);
  } else if (r.status === "error") out.line(`  ${out.style("✗", "red")} ${r.file}`);
}

function toJson(error: Error): Record<string, unknown> {
  return error instanceof PitstopError ? error.toJSON() : { message: error.message };
}
