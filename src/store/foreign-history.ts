import { type ForeignHistory, type ForeignTool, gooseApplied } from "../core/adoption.js";
import { PitstopError } from "../core/errors.js";
import { canonicalVersion, isVersion } from "../core/version.js";
import type { Queryable } from "../driver/driver.js";

/** Where golang-migrate, goose and dbmate keep their history by default. */
export const FOREIGN_TABLES = ["schema_migrations", "goose_db_version"] as const;

/** A history table another tool wrote. */
export interface ForeignTable {
  readonly tool: ForeignTool;
  /** As PostgreSQL prints it (`goose_db_version`, or `app.schema_migrations` off the search path). */
  readonly table: string;
}

interface Column {
  name: string;
  type: string;
}

/**
 * Which tool a table's columns belong to. golang-migrate's and dbmate's
 * tables share a name: golang-migrate's has `dirty` and a bigint version,
 * dbmate's a varchar version only.
 */
export function classifyTable(columns: readonly Column[]): ForeignTool | undefined {
  const has = (name: string) => columns.find((c) => c.name === name);
  if (has("version_id") && has("is_applied")) return "goose";
  const version = has("version");
  if (!version) return undefined;
  if (has("dirty")) return "golang-migrate";
  if (/^(character varying|text|character)/.test(version.type)) return "dbmate";
  return undefined;
}

/**
 * The other tools' history tables: the ones named (looked up on the search
 * path, `schema.table` for another schema), or by default every table with
 * a known tool's name in any schema (dbmate's `--migrations-table
 * tools.schema_migrations` too), in one round trip.
 */
export async function findForeignHistory(
  db: Queryable,
  tables?: readonly string[],
): Promise<ForeignTable[]> {
  const which =
    tables === undefined
      ? `c.relkind IN ('r', 'p') AND c.relname = ANY($1::text[])
         AND c.relnamespace NOT IN (SELECT oid FROM pg_namespace WHERE nspname IN ('pg_catalog', 'information_schema') OR nspname LIKE 'pg\\_%')`
      : "c.oid IN (SELECT to_regclass(t) FROM unnest($1::text[]) AS t)";
  const { rows } = await db.query<{ name: string; columns: Column[] | string }>(
    `SELECT c.oid::regclass::text AS name,
            json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod)) ORDER BY a.attnum) AS columns
       FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE ${which}
      GROUP BY c.oid ORDER BY 1`,
    [tables ?? FOREIGN_TABLES],
  );
  const found: ForeignTable[] = [];
  for (const r of rows) {
    const columns = typeof r.columns === "string" ? (JSON.parse(r.columns) as Column[]) : r.columns;
    const tool = classifyTable(columns);
    if (tool) found.push({ tool, table: r.name });
  }
  return found;
}

/** Reads another tool's history table. */
export async function readForeignHistory(db: Queryable, t: ForeignTable): Promise<ForeignHistory> {
  switch (t.tool) {
    case "goose": {
      const { rows } = await db.query<{ v: string; applied: boolean; at: Date | null }>(
        `SELECT version_id::text AS v, is_applied AS applied, tstamp::timestamptz AS at FROM ${t.table} ORDER BY id`,
      );
      const applied = gooseApplied(
        rows.map((r) => ({ version: r.v, applied: r.applied, at: r.at ? new Date(r.at) : null })),
      );
      return { tool: "goose", table: t.table, applied };
    }
    case "golang-migrate": {
      const { rows } = await db.query<{ v: string; dirty: boolean }>(
        `SELECT version::text AS v, dirty FROM ${t.table} LIMIT 2`,
      );
      if (rows.length > 1) {
        throw new PitstopError(
          "ADOPT_UNREADABLE",
          `${t.table} has more than one row; golang-migrate keeps exactly one`,
          { hint: "Check that this is golang-migrate's table (or name the tool with --from)." },
        );
      }
      const row = rows[0];
      return {
        tool: "golang-migrate",
        table: t.table,
        // golang-migrate writes -1 for "no version" after going all the way down.
        current:
          row && !row.v.startsWith("-")
            ? { version: canonicalVersion(row.v), dirty: row.dirty }
            : undefined,
      };
    }
    case "dbmate": {
      const { rows } = await db.query<{ v: string }>(`SELECT version::text AS v FROM ${t.table}`);
      const applied = new Map<string, Date | null>();
      for (const r of rows) {
        const v = r.v.trim();
        if (!isVersion(v)) {
          throw new PitstopError(
            "ADOPT_UNREADABLE",
            `${t.table} holds version ${JSON.stringify(r.v)}, which is not a number`,
            {
              hint: "dbmate versions are the digits a file name starts with; check that this is dbmate's table.",
            },
          );
        }
        applied.set(canonicalVersion(v), null);
      }
      return { tool: "dbmate", table: t.table, applied };
    }
  }
}
