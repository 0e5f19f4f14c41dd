/** Indexes on tables that hold rows: built and dropped CONCURRENTLY. */
import { quoteIdent } from "../inspect/ident.js";
import type { Recipe } from "./online-context.js";
import { droppedIndex } from "./online-context.js";

const PARTITIONED_INDEX = (table: string) =>
  `pitstop: locks: ${table} is partitioned, and CONCURRENTLY does not work on a partitioned table: this blocks writes to every partition while it builds.
On a big table instead: CREATE INDEX ... ON ONLY ${table} (...) (instant, invalid),
CREATE INDEX CONCURRENTLY on each partition, then ALTER INDEX ... ATTACH PARTITION each one.`;

/**
 * `CREATE INDEX` on an existing table becomes `CREATE INDEX CONCURRENTLY`
 * (writes go on while it builds).
 *
 * @example
 * // CREATE INDEX users_email_idx ON users USING btree (email)
 * // -> CREATE INDEX CONCURRENTLY users_email_idx ON users USING btree (email)
 */
export const createIndexConcurrently: Recipe = (s, ctx) => {
  if (s.kind !== "IndexStmt" || s.node.concurrent) return undefined;
  const rel = ctx.relation(s.node.relation);
  if (!rel?.existing) return undefined;
  if (rel.partitioned)
    return {
      statements: [
        {
          ...s.statement,
          comment: PARTITIONED_INDEX(rel.sql),
          lock: `SHARE on ${rel.sql} and its partitions (blocks writes while the index builds)`,
        },
      ],
    };
  // The definition is pg_get_indexdef's: `CREATE [UNIQUE] INDEX name ON ...`.
  const sql = s.statement.sql.replace(/^CREATE (UNIQUE )?INDEX /, "CREATE $1INDEX CONCURRENTLY ");
  if (sql === s.statement.sql) return undefined;
  return { statements: [{ ...s.statement, sql }], separate: true };
};

/** `DROP INDEX` of an index on an existing table becomes `DROP INDEX CONCURRENTLY`. */
export const dropIndexConcurrently: Recipe = (s, ctx) => {
  const dropped = droppedIndex(s, ctx);
  if (dropped === undefined) return undefined;
  const { schema, name, table: rel } = dropped;
  if (!rel?.existing || rel.partitioned) return undefined;
  const index =
    schema === "public" ? quoteIdent(name) : `${quoteIdent(schema)}.${quoteIdent(name)}`;
  return {
    statements: [{ ...s.statement, sql: `DROP INDEX CONCURRENTLY ${index}` }],
    separate: true,
  };
};
