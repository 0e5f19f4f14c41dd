/**
 * What `pitstop studio` shows, read once (and again on Reload): the schema
 * model, the folder's migrations and, with a database, their status. The
 * database is opened for the read and closed after it, on a read-only
 * session: the page never holds a connection (nor the embedded database's
 * lock, which `pitstop up` in another terminal needs).
 */
import type { Migration } from "../core/migration.js";
import {
  type DeclarativeOptions,
  migrationsModel,
  schemaFileModel,
} from "../declarative/declarative.js";
import type { Driver } from "../driver/driver.js";
import { inspect } from "../inspect/inspect.js";
import type { SchemaModel } from "../inspect/model.js";
import { Migrator, type StatusReport } from "../runner/migrator.js";
import type { MigrationSource } from "../source/source.js";
import { DEFAULT_HISTORY } from "../store/history.js";
import { readOnly } from "./read-only.js";

/** Where the schema comes from. */
export type StudioFrom =
  | {
      readonly kind: "database";
      /** Opens the database (the caller's settings); closed by `close`. */
      readonly open: () => Promise<Driver>;
      readonly close: (driver: Driver) => Promise<void>;
    }
  | { readonly kind: "migrations" }
  | { readonly kind: "file"; readonly file: string };

export interface StudioInputs {
  readonly from: StudioFrom;
  /** The folder of migrations (history, lint, drift). */
  readonly migrations: MigrationSource;
  /** Scratch database, filters and history table (as `diff` and `drift` take them). */
  readonly declarative: DeclarativeOptions;
}

export interface Snapshot {
  readonly model: SchemaModel;
  readonly migrations: readonly Migration[];
  /** With a database: each migration's state. */
  readonly status?: StatusReport;
  /** With a database: its major version (lint's target). */
  readonly serverVersion?: number;
  /** The database (no password), folder or file. */
  readonly source: string;
  readonly loadedAt: Date;
}

/**
 * Reads the schema (and the history, with a database) that the page shows.
 *
 * @example
 * const snapshot = await loadSnapshot({ from: { kind: "migrations" }, migrations, declarative: {} });
 */
export async function loadSnapshot(inputs: StudioInputs): Promise<Snapshot> {
  const { from, declarative } = inputs;
  const migrations = await inputs.migrations.load();
  const loadedAt = new Date();
  if (from.kind === "file") {
    const model = await schemaFileModel(from.file, declarative);
    return { model, migrations, source: from.file, loadedAt };
  }
  if (from.kind === "migrations") {
    const model = await migrationsModel(inputs.migrations, declarative);
    return { model, migrations, source: inputs.migrations.description, loadedAt };
  }
  const driver = await from.open();
  try {
    return await readOnly(driver, async (db) => {
      const history = declarative.history ?? DEFAULT_HISTORY;
      const status = await new Migrator({
        driver: db,
        source: { description: inputs.migrations.description, load: async () => migrations },
        history,
      }).status();
      const model = await inspect(db, { ...declarative.filter, history });
      const { rows } = await db.query<{ v: string }>(
        "SELECT current_setting('server_version_num') AS v",
      );
      return {
        model,
        migrations,
        status,
        serverVersion: Math.floor(Number(rows[0]!.v) / 10_000),
        source: driver.target,
        loadedAt,
      };
    });
  } finally {
    await from.close(driver);
  }
}
