import { PitstopError } from "../core/errors.js";
import type { HistoryRecord, HistoryState, Migration } from "../core/migration.js";
import { DatabaseError, type Queryable } from "../driver/driver.js";
import { quoteIdent, quoteLiteral, versionLiteral } from "./sql-text.js";

export const DEFAULT_HISTORY_SCHEMA = "public";
export const DEFAULT_HISTORY_TABLE = "pitstop_migrations";

/** Where the history table lives. */
export interface HistoryTable {
  readonly schema: string;
  readonly table: string;
}

export const DEFAULT_HISTORY: HistoryTable = {
  schema: DEFAULT_HISTORY_SCHEMA,
  table: DEFAULT_HISTORY_TABLE,
};

export function qualifiedName(h: HistoryTable): string {
  return `${quoteIdent(h.schema)}.${quoteIdent(h.table)}`;
}

/** DDL of the history table; idempotent. */
export function createHistorySql(h: HistoryTable): string {
  const t = qualifiedName(h);
  return `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(h.schema)};
CREATE TABLE IF NOT EXISTS ${t} (
  version bigint PRIMARY KEY,
  name text NOT NULL,
  checksum text NOT NULL,
  state text NOT NULL DEFAULT 'applied'
    CHECK (state IN ('applied', 'running', 'failed', 'reverting', 'revert_failed')),
  applied_at timestamptz NOT NULL DEFAULT now(),
  duration_ms integer,
  progress integer NOT NULL DEFAULT 0,
  error text,
  applied_by text NOT NULL DEFAULT current_user
);
COMMENT ON TABLE ${t} IS 'pitstop migration history: one row per applied (or interrupted) migration. Managed by pitstop; do not edit by hand, use pitstop force/repair.';`;
}

/** Whether the history table exists, and the server version, in one round trip. */
export async function probe(
  db: Queryable,
  h: HistoryTable,
): Promise<{ exists: boolean; serverVersion: number }> {
  const { rows } = await db.query<{ exists: boolean; v: string }>(
    "SELECT to_regclass($1) IS NOT NULL AS exists, current_setting('server_version_num') AS v",
    [qualifiedName(h)],
  );
  return { exists: rows[0]!.exists, serverVersion: Number(rows[0]!.v) };
}

export async function ensureHistory(db: Queryable, h: HistoryTable): Promise<void> {
  await db.exec(createHistorySql(h));
}

interface Row {
  version: string;
  name: string;
  checksum: string;
  state: HistoryState;
  applied_at: Date | null;
  duration_ms: number | null;
  progress: number;
  error: string | null;
}

export async function readHistory(db: Queryable, h: HistoryTable): Promise<HistoryRecord[]> {
  const { rows } = await db
    .query<Row>(
      `SELECT version::text AS version, name, checksum, state, applied_at, duration_ms, progress, error FROM ${qualifiedName(h)} ORDER BY version`,
    )
    .catch((error: unknown) => {
      throw notAHistoryTable(error, h);
    });
  return rows.map((r) => ({
    version: r.version,
    name: r.name,
    checksum: r.checksum,
    state: r.state,
    appliedAt: r.applied_at === null ? null : new Date(r.applied_at),
    durationMs: r.duration_ms,
    progress: r.progress,
    error: r.error,
  }));
}

/** A table of that name exists, but it is the application's, not pitstop's history. */
function notAHistoryTable(error: unknown, h: HistoryTable): unknown {
  if (!(error instanceof DatabaseError) || error.code !== "42703") return error;
  return new PitstopError(
    "NOT_A_HISTORY_TABLE",
    `${qualifiedName(h)} exists but is not a pitstop history table (${error.message})`,
    {
      hint: "--history-table (PITSTOP_HISTORY_TABLE, history.table in the config) names the table pitstop keeps its history in: choose a name no other table has, or leave it out for pitstop_migrations.",
      cause: error,
    },
  );
}

/** Server-side milliseconds since the transaction began. */
const ELAPSED_MS = "(extract(epoch FROM clock_timestamp() - now()) * 1000)::integer";

/**
 * Upsert of a history row as SQL text, to ride in the same script (and
 * transaction) as the migration itself.
 */
export function recordSql(
  h: HistoryTable,
  m: Pick<Migration, "version" | "name" | "checksum">,
  state: HistoryState,
  fields: { progress?: number; error?: string | null; durationMs?: number | "elapsed" | null } = {},
): string {
  const duration =
    fields.durationMs === "elapsed"
      ? ELAPSED_MS
      : fields.durationMs == null
        ? "NULL"
        : String(Math.round(fields.durationMs));
  const error = fields.error == null ? "NULL" : quoteLiteral(truncate(fields.error));
  return `INSERT INTO ${qualifiedName(h)} AS h (version, name, checksum, state, applied_at, duration_ms, progress, error, applied_by)
VALUES (${versionLiteral(m.version)}, ${quoteLiteral(m.name)}, ${quoteLiteral(m.checksum)}, ${quoteLiteral(state)}, now(), ${duration}, ${fields.progress ?? 0}, ${error}, current_user)
ON CONFLICT (version) DO UPDATE SET name = EXCLUDED.name, checksum = EXCLUDED.checksum, state = EXCLUDED.state,
  applied_at = EXCLUDED.applied_at, duration_ms = EXCLUDED.duration_ms, progress = EXCLUDED.progress,
  error = EXCLUDED.error, applied_by = EXCLUDED.applied_by`;
}

export function progressSql(h: HistoryTable, version: string, progress: number): string {
  return `UPDATE ${qualifiedName(h)} SET progress = ${progress} WHERE version = ${versionLiteral(version)}`;
}

export function deleteSql(h: HistoryTable, version: string): string {
  return `DELETE FROM ${qualifiedName(h)} WHERE version = ${versionLiteral(version)}`;
}

/** Error texts are kept for `status`; a huge one would bloat the table. */
function truncate(text: string, max = 4000): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
