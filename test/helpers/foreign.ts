import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import type { Driver } from "../../src/driver/driver.js";
import { createPgDriver } from "../../src/driver/pg.js";
import { FORMATS, scanMigrationFolder } from "../../src/source/directory.js";
import type { FormatName } from "../../src/source/formats/format.js";
import { findPostgresBindir } from "../../src/testing/pg-server.js";
import { ROOT } from "./cli.js";

export const FORMAT_FIXTURES = join(ROOT, "test/fixtures/formats");

/** A temp copy of a fixture folder with only the files whose name starts with one of `prefixes`. */
export function fixtureCopy(
  fixture: string,
  prefixes?: readonly string[],
): { dir: string; add(...prefixes: string[]): void } {
  const from = join(FORMAT_FIXTURES, fixture);
  const dir = mkdtempSync(join(tmpdir(), "pitstop-fixture-"));
  const add = (...wanted: string[]) => {
    for (const name of readdirSync(from)) {
      if (wanted.some((p) => name.startsWith(p))) copyFileSync(join(from, name), join(dir, name));
    }
  };
  add(...(prefixes ?? [""]));
  return { dir, add };
}

/**
 * Applies the up scripts of a folder as another tool would have (plain SQL,
 * no pitstop history), then runs that tool's history fixture.
 */
export async function migrateAsTool(
  driver: Driver,
  format: FormatName,
  dir: string,
  historyFixture: string,
): Promise<void> {
  const { sqlFiles } = scanMigrationFolder({ dir, format });
  for (const m of FORMATS[format].portable(sqlFiles)) await driver.exec(m.up);
  await driver.exec(readFileSync(join(FORMAT_FIXTURES, historyFixture), "utf8"));
}

export const DBMATE = join(ROOT, "node_modules/.bin/dbmate");

/** Runs the real dbmate binary (from the `dbmate` npm package) against a server database. */
export function dbmate(url: string, dir: string, ...args: string[]): string {
  const withSsl = `${url}${url.includes("?") ? "&" : "?"}sslmode=disable`;
  return execFileSync(
    DBMATE,
    ["--url", withSsl, "--migrations-dir", dir, "--no-dump-schema", ...args],
    { encoding: "utf8", env: { ...process.env, DATABASE_URL: "" } },
  );
}

/**
 * A server database that the real dbmate migrated, copied into `driver`
 * with pg_dump (dbmate needs a server; this is how a PGlite database gets the
 * exact tables and rows dbmate wrote).
 */
export async function copyDbmateDatabase(dir: string, driver: Driver): Promise<void> {
  const admin = await createPgDriver({ url: inject("pgUrl") });
  const name = `pitstop_dbmate_${process.pid}_${Date.now()}`;
  const url = new URL(inject("pgUrl"));
  url.pathname = `/${name}`;
  try {
    await admin.exec(`CREATE DATABASE ${name}`);
    dbmate(url.toString(), dir, "up");
    const dump = execFileSync(
      join(findPostgresBindir(), "pg_dump"),
      ["--inserts", "--no-owner", "--no-privileges", "--dbname", url.toString()],
      { encoding: "utf8" },
    );
    // psql meta-commands (\restrict) are not SQL; the dump's session settings are reset after.
    await driver.exec(dump.replace(/^\\.*$/gm, ""));
    await driver.exec("RESET ALL");
  } finally {
    await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  }
}
