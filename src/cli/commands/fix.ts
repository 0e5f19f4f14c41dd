import { existsSync, readdirSync, renameSync } from "node:fs";
import { join } from "node:path";
import { fileVersion, planFix } from "../../core/fix.js";
import { DatabaseError, SQLSTATE } from "../../driver/driver.js";
import { isCodeMigrationFile } from "../../source/formats/code.js";
import { readHistory } from "../../store/history.js";
import { closeForExit, openDatabase } from "../context.js";
import type { Output } from "../output.js";
import type { Settings } from "../settings.js";

/**
 * `fix`: timestamped migrations become the next sequence numbers (goose
 * fix). When a database is configured (or the embedded one exists), nothing
 * it records is renamed and no new number is one it already holds.
 */
export async function runFix(settings: Settings, out: Output, dryRun: boolean): Promise<number> {
  const dir = settings.dir;
  const entries = readdirSync(dir).sort();
  const files = entries.filter(
    (f) => (f.endsWith(".sql") || isCodeMigrationFile(f)) && fileVersion(f) !== undefined,
  );
  const recorded = await recordedVersions(settings, out);
  const renames = planFix(files, { existing: entries, recorded });
  if (!dryRun) for (const r of renames) renameSync(join(dir, r.from), join(dir, r.to));
  if (out.json) {
    out.data({ ok: true, dryRun, renames });
    return 0;
  }
  if (renames.length === 0) {
    out.line(`Nothing to fix: no timestamped migrations in ${dir}/.`);
    return 0;
  }
  for (const r of renames) out.line(`${dryRun ? "would rename" : "renamed"} ${r.from} -> ${r.to}`);
  if (dryRun) out.line("Dry run: nothing changed.");
  return 0;
}

async function recordedVersions(settings: Settings, out: Output): Promise<Set<string>> {
  // Without a configured database, do not create the embedded one just to find it empty.
  if (!settings.database && !existsSync(settings.dataDir)) return new Set();
  const driver = await openDatabase(settings, out);
  try {
    const history = await driver
      .session((s) => readHistory(s, settings.history))
      .catch((error) => {
        if (
          error instanceof DatabaseError &&
          (error.code === SQLSTATE.undefinedTable || error.code === "3F000")
        )
          return [];
        throw error;
      });
    return new Set(history.map((r) => r.version));
  } finally {
    await closeForExit(driver);
  }
}
