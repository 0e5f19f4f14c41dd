import type { Queryable } from "../driver/driver.js";
import { type HistoryTable, qualifiedName } from "../store/history.js";

/** A table `--reset` empties, and why. */
export interface TruncatedTable {
  /** `public.users` (quoted where it needs to be). */
  readonly name: string;
  /** Undefined for a table a seed fills; else the seeded table whose foreign key reaches it. */
  readonly references: string | undefined;
}

export interface TruncationPlan {
  readonly tables: readonly TruncatedTable[];
  /** Names the seeds fill that do not exist (yet). */
  readonly missing: readonly string[];
}

/**
 * Which tables emptying `names` takes: those tables, and every table whose
 * foreign keys (transitively) point at them, since TRUNCATE must take those
 * along. Listed up front so nobody is surprised by a CASCADE. The history
 * table is never among them.
 */
export async function planTruncation(
  db: Pick<Queryable, "query">,
  names: readonly string[],
  history: HistoryTable,
): Promise<TruncationPlan> {
  if (names.length === 0) return { tables: [], missing: [] };
  const { rows } = await db.query<{
    name: string | null;
    via: string | null;
    missing: string | null;
  }>(
    `WITH RECURSIVE given AS (
       SELECT n, to_regclass(n) AS rel FROM unnest($1::text[]) AS n
     ), closure(oid, via) AS (
       SELECT rel::oid, NULL::oid FROM given WHERE rel IS NOT NULL
       UNION
       SELECT con.conrelid, cl.oid FROM pg_constraint con JOIN closure cl ON con.confrelid = cl.oid
        WHERE con.contype = 'f' AND con.conrelid <> con.confrelid
     ), tables AS (
       SELECT cl.oid, bool_or(cl.via IS NULL) AS seeded, min(cl.via) AS via
         FROM closure cl
        WHERE cl.oid IS DISTINCT FROM to_regclass($2)::oid
        GROUP BY cl.oid
     )
     SELECT format('%I.%I', n.nspname, c.relname) AS name,
            CASE WHEN t.seeded THEN NULL ELSE format('%I.%I', vn.nspname, v.relname) END AS via,
            NULL AS missing
       FROM tables t JOIN pg_class c ON c.oid = t.oid JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_class v ON v.oid = t.via LEFT JOIN pg_namespace vn ON vn.oid = v.relnamespace
     UNION ALL
     SELECT NULL, NULL, n FROM given WHERE rel IS NULL
     ORDER BY 1, 3`,
    [names, qualifiedName(history)],
  );
  return {
    tables: rows
      .filter((r) => r.name !== null)
      .map((r) => ({ name: r.name!, references: r.via ?? undefined })),
    missing: rows.filter((r) => r.missing !== null).map((r) => r.missing!),
  };
}

/** `TRUNCATE ... RESTART IDENTITY`: identity columns start over, so reseeded ids are the same. */
export function truncateSql(tables: readonly TruncatedTable[]): string {
  return `TRUNCATE TABLE ${tables.map((t) => t.name).join(", ")} RESTART IDENTITY`;
}
