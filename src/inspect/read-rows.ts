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
  depends: q.DependRow[];
  members: q.ExtensionMemberRow[];
  rewrites: q.OidPairRow[];
  arrays: q.OidPairRow[];
}

/**
 * Runs the catalog queries one after the other (the caller holds the
 * read-only transaction that makes them one snapshot).
 *
 * @example
 * const rows = await readRows(session);
 * console.log(rows.relations.length);
 */
export async function readRows(db: Pick<Queryable, "query">): Promise<Rows> {
  const all = async <R extends object>(sql: string) => (await db.query<R>(sql)).rows;
  return {
    schemas: await all(q.SCHEMAS),
    extensions: await all(q.EXTENSIONS),
    collations: await all(q.COLLATIONS),
    types: await all(q.TYPES),
    domainChecks: await all(q.DOMAIN_CHECKS),
    relations: await all(q.RELATIONS),
    inherits: await all(q.INHERITS),
    columns: await all(q.COLUMNS),
    sequenceOwners: await all(q.SEQUENCE_OWNERS),
    constraints: await all(q.CONSTRAINTS),
    indexes: await all(q.INDEXES),
    functions: await all(q.FUNCTIONS),
    triggers: await all(q.TRIGGERS),
    policies: await all(q.POLICIES),
    acls: await all(q.ACLS),
    depends: await all(q.DEPENDS),
    members: await all(q.EXTENSION_MEMBERS),
    rewrites: await all(q.REWRITES),
    arrays: await all(q.ARRAY_TYPES),
  };
}
