import type { Queryable } from "../driver/driver.js";
import * as q from "./catalog.js";

/** What every catalog query of `inspect()` returned, by query. */
export interface Rows {
  schemas: q.SchemaRow[];
  extensions: q.ExtensionRow[];
  collations: q.CollationRow[];
  types: q.TypeRow[];
  domainChecks: q.DomainCheckRow[];
  relations: q.RelationRow[];
  inherits: q.InheritRow[];
  columns: q.ColumnRow[];
  sequenceOwners: q.SequenceOwnerRow[];
  constraints: q.ConstraintRow[];
  indexes: q.IndexRow[];
  functions: q.FunctionRow[];
  triggers: q.TriggerRow[];
  policies: q.PolicyRow[];
  acls: q.AclRow[];
  depends: q.DependGroupRow[];
  members: q.ExtensionMemberRow[];
  rewrites: q.OidPairRow[];
  arrays: q.OidPairRow[];
}

/** Each catalog query, and the order its rows must come in where the builders need one. */
const QUERIES: { readonly [K in keyof Rows]: readonly [sql: string, order?: string] } = {
  schemas: [q.SCHEMAS],
  extensions: [q.EXTENSIONS],
  collations: [q.COLLATIONS],
  types: [q.TYPES],
  domainChecks: [q.DOMAIN_CHECKS],
  relations: [q.RELATIONS],
  inherits: [q.INHERITS, "child, seq"],
  columns: [q.COLUMNS, "relid, num"],
  sequenceOwners: [q.SEQUENCE_OWNERS],
  constraints: [q.CONSTRAINTS],
  indexes: [q.INDEXES],
  functions: [q.FUNCTIONS],
  triggers: [q.TRIGGERS],
  policies: [q.POLICIES],
  acls: [q.ACLS],
  depends: [q.DEPENDS],
  members: [q.EXTENSION_MEMBERS],
  rewrites: [q.REWRITES],
  arrays: [q.ARRAY_TYPES],
};

/**
 * Every catalog query in one statement that returns one value: a JSON
 * object with each query's rows as an array. One round trip instead of 19,
 * and one string for `JSON.parse` instead of thousands of rows for the
 * driver to decode field by field (on PGlite that decoding cost more than
 * the queries: bench/README.md, bench/inspect).
 */
export const READ_ROWS_SQL = `SELECT json_build_object(${Object.entries(QUERIES)
  .map(
    ([key, [sql, order]]) =>
      `\n'${key}', (SELECT coalesce(json_agg(r${order ? ` ORDER BY ${order}` : ""}), '[]') FROM (${sql}) r)`,
  )
  .join(",")})::text AS rows`;

/**
 * Runs the catalog queries, as one statement (the caller holds the
 * transaction that sets `search_path`).
 *
 * @example
 * const rows = await readRows(session);
 * console.log(rows.relations.length);
 */
export async function readRows(db: Pick<Queryable, "query">): Promise<Rows> {
  const { rows } = await db.query<{ rows: string }>(READ_ROWS_SQL);
  return JSON.parse(rows[0]!.rows) as Rows;
}
