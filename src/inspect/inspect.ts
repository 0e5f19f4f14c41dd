import type { Driver, Queryable } from "../driver/driver.js";
import { buildCollations } from "./build/collations.js";
import { buildConstraints } from "./build/constraints.js";
import { type BuildContext, groupBy } from "./build/context.js";
import { buildExtensions } from "./build/extensions.js";
import { buildFunctions } from "./build/functions.js";
import { grantsByObject } from "./build/grants.js";
import { buildIndexes } from "./build/indexes.js";
import { buildPolicies } from "./build/policies.js";
import { buildRelationDefs } from "./build/relation-defs.js";
import { registerColumns, registerRelations } from "./build/relations.js";
import { buildSchemas } from "./build/schemas.js";
import { buildTriggers } from "./build/triggers.js";
import { buildTypes } from "./build/types.js";
import { DependencyIndex } from "./depends.js";
import { type SchemaFilterOptions, schemaFilter } from "./filter.js";
import type { SchemaModel } from "./model.js";
import { type Rows, readRows } from "./read-rows.js";
import { sortModel } from "./sort.js";

export interface InspectOptions extends SchemaFilterOptions {
  /** The migration history table: left out, and its schema too when nothing else is in it. */
  readonly history?: { readonly schema: string; readonly table: string };
}

/** Anything with `query` and `exec`: a driver, or a session of one. */
type Db = Pick<Queryable, "query" | "exec">;

/**
 * Reads the schema of the database into a plain model, in one read-only
 * transaction (a consistent snapshot of a live database).
 *
 * @example
 * const model = await inspect(driver, { exclude: ["public.pitstop_migrations"] });
 * console.log(model.tables.map((t) => t.name));
 */
export async function inspect(
  db: Queryable | Driver,
  options: InspectOptions = {},
): Promise<SchemaModel> {
  if ("session" in db) return db.session((s) => read(s, options));
  return read(db, options);
}

/**
 * Reads the schema inside the caller's open transaction, with what it has
 * done so far (uncommitted DDL included); the caller commits or rolls back.
 *
 * @example
 * await session.exec("BEGIN");
 * await session.exec(schemaSql);
 * const model = await inspectInTransaction(session);
 * await session.exec("ROLLBACK");
 */
export async function inspectInTransaction(
  db: Queryable,
  options: InspectOptions = {},
): Promise<SchemaModel> {
  await db.exec("SET LOCAL search_path = public");
  return build(await readRows(db), options);
}

async function read(db: Db, options: InspectOptions): Promise<SchemaModel> {
  await db.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL search_path = public");
  try {
    const rows = await readRows(db);
    await db.exec("COMMIT");
    return build(rows, options);
  } catch (error) {
    await db.exec("ROLLBACK").catch(() => {});
    throw error;
  }
}

/**
 * The model from the catalog rows. Each object kind is registered for
 * dependencies as it is built, relations first (types, columns and
 * everything on a table hang on them); pg_depend is resolved last.
 */
function build(rows: Rows, options: InspectOptions): SchemaModel {
  const filter = schemaFilter(options);
  const history = options.history;
  const isHistory = (schema: string, name: string) =>
    history !== undefined && schema === history.schema && name === history.table;
  const deps = new DependencyIndex();
  const grants = grantsByObject(rows.acls);
  const extensions = buildExtensions(rows.extensions, rows.members, { filter, deps });
  const collations = buildCollations(rows.collations, { filter, deps });
  const relations = registerRelations(rows.relations, filter, isHistory, deps);
  const columns = groupBy(rows.columns, (c) => c.relid);
  registerColumns(columns, relations, deps);
  const ctx: BuildContext = { filter, deps, grants, relations, columns };

  const types = buildTypes(rows.types, rows.domainChecks, rows.arrays, ctx);
  const { sequences, tables, views } = buildRelationDefs(rows, ctx);
  const constraints = buildConstraints(rows.constraints, ctx);
  const indexes = buildIndexes(rows.indexes, ctx);
  const functions = buildFunctions(rows.functions, ctx);
  const triggers = buildTriggers(rows.triggers, ctx);
  const policies = buildPolicies(rows.policies, ctx);

  const used = new Set<string>();
  for (const list of [types, sequences, tables, views, functions])
    for (const o of list) used.add(o.schema);
  const schemas = buildSchemas(rows.schemas, used, history, ctx);

  for (const { cls, refcls, deps: list } of rows.depends)
    for (const [objid, objsubid, refobjid, refobjsubid] of list)
      deps.add({ cls, objid, objsubid, refcls, refobjid, refobjsubid });
  const model: SchemaModel = {
    schemas,
    extensions,
    collations,
    types,
    sequences,
    tables,
    views,
    functions,
    constraints,
    indexes,
    triggers,
    policies,
  };
  return sortModel(deps.attach(model));
}
