import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "../../src/driver/driver.js";
import type { RunEvent } from "../../src/runner/events.js";
import { Migrator, type MigratorOptions } from "../../src/runner/migrator.js";
import { directorySource } from "../../src/source/directory.js";

/** A temp migrations folder with these files; more can be written later. */
export function migrationsDir(files: Record<string, string>): {
  dir: string;
  write(files: Record<string, string>): void;
  remove(name: string): void;
} {
  const dir = mkdtempSync(join(tmpdir(), "pitstop-mig-"));
  const write = (more: Record<string, string>) => {
    for (const [name, body] of Object.entries(more)) writeFileSync(join(dir, name), body);
  };
  write(files);
  return { dir, write, remove: (name) => rmSync(join(dir, name)) };
}

/** A Migrator over a folder that records its events; fast retries for tests. */
export function migratorFor(
  driver: Driver,
  dir: string,
  options: Partial<MigratorOptions> = {},
): { migrator: Migrator; events: RunEvent[] } {
  const events: RunEvent[] = [];
  const migrator = new Migrator({
    driver,
    source: directorySource({ dir }),
    retryDelayMs: 10,
    onEvent: (e) => events.push(e),
    ...options,
  });
  return { migrator, events };
}

export async function tableNames(driver: Driver, schema = "public"): Promise<string[]> {
  const { rows } = await driver.query<{ name: string }>(
    "SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY 1",
    [schema],
  );
  return rows.map((r) => r.name);
}

export async function historyRows(
  driver: Driver,
): Promise<{ version: string; state: string; progress: number; error: string | null }[]> {
  const { rows } = await driver.query<{
    version: string;
    state: string;
    progress: number;
    error: string | null;
  }>(
    "SELECT version::text AS version, state, progress, error FROM pitstop_migrations ORDER BY version",
  );
  return rows;
}
