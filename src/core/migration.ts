/** The migration model: what a source yields and what the history table holds. */

/** SQL text taken from a file: `sql` is `source.slice(offset, offset + sql.length)`. */
export interface SqlScript {
  readonly kind: "sql";
  readonly sql: string;
  /** The file as shown to users (relative to the working directory when possible). */
  readonly file: string;
  /** The whole file text, to map positions back to lines and draw code frames. */
  readonly source: string;
  /** Character offset of `sql` inside `source`. */
  readonly offset: number;
  /**
   * `false` when the file says so (e.g. `-- +goose NO TRANSACTION`); `undefined`
   * lets the parser decide from the statements.
   */
  readonly transaction?: boolean;
}

/** What a TypeScript/JavaScript migration receives. */
export interface MigrationDb {
  query<R extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<{ rows: R[]; rowCount: number | null }>;
  exec(sql: string): Promise<void>;
}

/** A migration step written as code. */
export interface CodeScript {
  readonly kind: "code";
  readonly file: string;
  readonly transaction?: boolean;
  run(db: MigrationDb): Promise<void>;
}

export type Script = SqlScript | CodeScript;

export interface Migration {
  /** Canonical decimal version (no leading zeros). */
  readonly version: string;
  /** The version as written in the file name, e.g. `000001`. */
  readonly versionText: string;
  readonly name: string;
  readonly up: Script;
  readonly down: Script | undefined;
  /** sha256 (hex) of the up script, line endings normalized. */
  readonly checksum: string;
}

export type HistoryState = "applied" | "running" | "failed" | "reverting" | "revert_failed";

/** A row of the history table. */
export interface HistoryRecord {
  readonly version: string;
  readonly name: string;
  readonly checksum: string;
  readonly state: HistoryState;
  readonly appliedAt: Date | null;
  readonly durationMs: number | null;
  /**
   * Statements of the script in progress that have completed: set while a
   * migration runs outside a transaction, so a crash can resume after them.
   */
  readonly progress: number;
  readonly error: string | null;
}

/** `20240101120000_create_users` */
export function migrationId(m: Pick<Migration, "versionText" | "name">): string {
  return m.name ? `${m.versionText}_${m.name}` : m.versionText;
}

/**
 * Whether a record means the database holds (part of) the migration's
 * effects. A failed attempt with no completed statement left nothing behind.
 */
export function isEffectivelyApplied(record: HistoryRecord): boolean {
  if (record.state === "applied" || record.state === "reverting") return true;
  if (record.state === "revert_failed") return true;
  return record.progress > 0;
}
