import { rmSync } from "node:fs";
import { UsageError } from "../../core/errors.js";
import { locateDatabase, maskUrl } from "../../driver/connect.js";
import { DatabaseError, type Driver, SQLSTATE } from "../../driver/driver.js";
import { urlDatabase } from "../../driver/hosts.js";
import { quoteIdent } from "../../store/sql-text.js";
import type { Output } from "../output.js";
import type { Settings } from "../settings.js";

/** The database a server URL names, and a URL of the same server's maintenance database. */
function target(url: string, maintenance: string): { name: string; admin: string } {
  // Not `new URL`: it refuses a host list (postgres://u@h1:5432,h2:5432/app).
  const db = urlDatabase(url);
  if (!db.name) {
    throw new UsageError(`${maskUrl(url)} names no database`, {
      hint: "Put the database name in the URL: postgres://user@host:5432/app",
    });
  }
  return { name: db.name, admin: db.with(maintenance) };
}

/**
 * Runs `fn` on the server's maintenance database (`postgres`, or
 * `template1` where that one is gone), as dbmate does.
 */
async function withAdmin<T>(
  url: string,
  fn: (admin: Driver, name: string) => Promise<T>,
): Promise<T> {
  const { openDriver } = await import("../../driver/connect.js");
  let admin: Driver | undefined;
  let name = "";
  for (const maintenance of ["postgres", "template1"]) {
    const t = target(url, maintenance);
    name = t.name;
    admin = await openDriver({ url: t.admin, applicationName: "pitstop" });
    try {
      await admin.query("SELECT 1");
      break;
    } catch (error) {
      await admin.close();
      admin = undefined;
      if (!(error instanceof DatabaseError && error.code === SQLSTATE.invalidCatalogName))
        throw error;
    }
  }
  if (!admin) throw new UsageError(`cannot reach a maintenance database on ${maskUrl(url)}`);
  try {
    return await fn(admin, name);
  } finally {
    await admin.close();
  }
}

async function exists(admin: Driver, name: string): Promise<boolean> {
  const { rows } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  return rows.length > 0;
}

/**
 * Creates the database the URL names when it does not exist. Returns whether
 * it created it. PGlite data directories are created when first opened.
 */
export async function createDatabase(
  settings: Settings,
): Promise<{ name: string; created: boolean }> {
  const location = locateDatabase({ url: settings.database, dataDir: settings.dataDir });
  if (location.kind === "pglite") {
    const { openDriver } = await import("../../driver/connect.js");
    const { existsSync } = await import("node:fs");
    const fresh = location.dataDir !== "memory://" && !existsSync(location.dataDir);
    const driver = await openDriver({ url: `pglite:${location.dataDir}` });
    await driver.close();
    return { name: location.dataDir, created: fresh };
  }
  return withAdmin(location.url, async (admin, name) => {
    if (await exists(admin, name)) return { name, created: false };
    try {
      await admin.exec(`CREATE DATABASE ${quoteIdent(name)}`);
    } catch (error) {
      // Another process created it meanwhile (replicas starting at once).
      if (!(error instanceof DatabaseError && error.code === SQLSTATE.duplicateDatabase))
        throw error;
      return { name, created: false };
    }
    return { name, created: true };
  });
}

/** `db create`: the database named in the URL (a PGlite data dir when there is none). */
export async function runDbCreate(settings: Settings, out: Output): Promise<number> {
  const r = await createDatabase(settings);
  if (out.json) out.data({ ok: true, database: r.name, created: r.created });
  else out.line(r.created ? `Created database ${r.name}.` : `Database ${r.name} already exists.`);
  return 0;
}

/** `db drop`: asks on a terminal; elsewhere needs --yes. */
export async function runDbDrop(settings: Settings, out: Output, yes: boolean): Promise<number> {
  const location = locateDatabase({ url: settings.database, dataDir: settings.dataDir });
  const { confirm } = await import("../confirm.js");
  if (location.kind === "pglite") {
    if (location.dataDir === "memory://")
      throw new UsageError("an in-memory database cannot be dropped");
    await confirm(`Delete the PGlite database at ${location.dataDir} and everything in it?`, yes);
    rmSync(location.dataDir, { recursive: true, force: true });
    rmSync(`${location.dataDir}.lock`, { force: true });
    if (out.json) out.data({ ok: true, database: location.dataDir, dropped: true });
    else out.line(`Dropped the PGlite database at ${location.dataDir}.`);
    return 0;
  }
  const { name } = target(location.url, "postgres");
  await confirm(`Drop database ${name} on ${maskUrl(location.url)} and everything in it?`, yes);
  const dropped = await withAdmin(location.url, async (admin) => {
    const was = await exists(admin, name);
    await admin.exec(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
    return was;
  });
  if (out.json) out.data({ ok: true, database: name, dropped });
  else out.line(dropped ? `Dropped database ${name}.` : `Database ${name} does not exist.`);
  return 0;
}
