/**
 * In-memory PGlite databases made from (and saved as) data-dir snapshots:
 * what `pg-pitstop/testing` clones test databases from. Loading a snapshot skips
 * initdb (~5 s) and costs ~1 s; saving one ~0.3 s.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PitstopError } from "../core/errors.js";

/**
 * A new in-memory PGlite: from a snapshot made by `snapshotPGlite` (of the
 * same PGlite version), or, without one, a freshly initialized cluster.
 *
 * @example
 * const db = await openPGliteSnapshot(fs.readFileSync("migrated.tar"));
 */
export async function openPGliteSnapshot(snapshot?: Uint8Array): Promise<PGlite> {
  const { PGlite } = await import("@electric-sql/pglite");
  try {
    return await PGlite.create(
      snapshot === undefined ? undefined : { loadDataDir: new Blob([snapshot]) },
    );
  } catch (error) {
    throw new PitstopError(
      "PGLITE_OPEN",
      `cannot open a PGlite snapshot: ${(error as Error).message}`,
      {
        hint: "The snapshot may come from another PGlite version or be cut short: delete it and it is rebuilt.",
        cause: error,
      },
    );
  }
}

/** The instance's whole data dir as an uncompressed tarball (loads faster than gzip). */
export async function snapshotPGlite(db: PGlite): Promise<Uint8Array> {
  // Without a checkpoint the copy is like a crashed cluster: recovery would
  // move every sequence 32 values ahead (its WAL reserves values in advance).
  await db.exec("CHECKPOINT");
  const blob = await db.dumpDataDir("none");
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * A snapshot of a PGlite data dir on disk (opened on a temporary copy, so
 * the dir itself is never written): for an in-memory instance that starts
 * from it instead of running initdb.
 *
 * @example
 * const snapshot = await snapshotDataDir(".pitstop/cache/pglite-0.5.16");
 */
export async function snapshotDataDir(dataDir: string): Promise<Uint8Array> {
  const { PGlite } = await import("@electric-sql/pglite");
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "pitstop-snapshot-"));
  try {
    fs.cpSync(dataDir, copy, { recursive: true });
    const db = await PGlite.create(copy, { relaxedDurability: true });
    try {
      return await snapshotPGlite(db);
    } finally {
      await db.close();
    }
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

/** The installed PGlite's version: snapshots are only valid for the version that made them. */
export function pgliteVersion(): string {
  const require = createRequire(import.meta.url);
  let dir = path.dirname(require.resolve("@electric-sql/pglite"));
  for (;;) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg)) {
      const json = JSON.parse(fs.readFileSync(pkg, "utf8")) as { name?: string; version?: string };
      if (json.name === "@electric-sql/pglite" && json.version) return json.version;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return "unknown";
    dir = parent;
  }
}
