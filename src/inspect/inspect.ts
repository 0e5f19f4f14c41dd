import type { Driver, Queryable } from "../driver/driver.js";
import * as q from "./catalog.js";
import { DependencyIndex } from "./depends.js";
import { type SchemaFilterOptions, schemaFilter } from "./filter.js";
import { objectKey, qualifiedName } from "./ident.js";
import { defaultKeyOf } from "./keys.js";
import type {
  CollationDef,
  ColumnDef,
  CompositeDef,
  ConstraintDef,
  ConstraintType,
  DomainDef,
  EnumDef,
  ExtensionDef,
  FunctionDef,
  Grant,
  IndexDef,
  PolicyDef,
  RangeDef,
  SchemaDef,
  SchemaModel,
  SequenceDef,
  TableDef,
  TriggerDef,
  TypeDef,
  ViewDef,
} from "./model.js";
import { sequenceOptions } from "./sequence-options.js";
import { byKey, sortModel } from "./sort.js";

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

interface Rows {
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

async function readRows(db: Db): Promise<Rows> {
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

interface Relation {
  row: q.RelationRow;
  key: string;
  /** `relkind`: r, p, v, m, S, c. */
  kind: string;
  kept: boolean;
}

const CONSTRAINT_TYPES: Record<string, ConstraintType> = {
  p: "primary",
  u: "unique",
  f: "foreign",
  c: "check",
  x: "exclusion",
};
const POLICY_COMMANDS: Record<string, string> = {
  r: "SELECT",
  a: "INSERT",
  w: "UPDATE",
  d: "DELETE",
  "*": "ALL",
};
const TRIGGER_STATES: Record<string, string> = {
  D: "DISABLE",
  R: "ENABLE REPLICA",
  A: "ENABLE ALWAYS",
};

function build(rows: Rows, options: InspectOptions): SchemaModel {
  const filter = schemaFilter(options);
  const history = options.history;
  const isHistory = (schema: string, name: string) =>
    history !== undefined && schema === history.schema && name === history.table;
  const deps = new DependencyIndex();
  const grants = grantsByObject(rows.acls);

  const extensionNames = new Map(rows.extensions.map((e) => [e.oid, e.name]));
  for (const m of rows.members) {
    const name = extensionNames.get(m.extension);
    if (name !== undefined) deps.member(m.cls, m.objid, objectKey.extension(name));
  }
  const extensions: ExtensionDef[] = [];
  for (const e of rows.extensions) {
    deps.register("pg_extension", e.oid, objectKey.extension(e.name));
    if (filter.schema(e.schema))
      extensions.push({ name: e.name, schema: e.schema, version: e.version });
  }

  const collations: CollationDef[] = [];
  for (const c of rows.collations) {
    deps.register("pg_collation", c.oid, objectKey.collation(c.schema, c.name));
    if (filter.object(c.schema, c.name)) collations.push(collationDef(c));
  }

  // Relations first: types, columns and everything on a table hang on them.
  const relations = new Map<string, Relation>();
  for (const row of rows.relations) {
    const kind = row.relkind;
    const key =
      kind === "r" || kind === "p"
        ? objectKey.table(row.schema, row.name)
        : kind === "v" || kind === "m"
          ? objectKey.view(row.schema, row.name)
          : kind === "S"
            ? objectKey.sequence(row.schema, row.name)
            : objectKey.type(row.schema, row.name);
    const kept = filter.object(row.schema, row.name) && !isHistory(row.schema, row.name);
    relations.set(row.oid, { row, key, kind, kept });
    deps.register("pg_class", row.oid, key);
    if (kind !== "S" && kind !== "c") deps.register("pg_type", row.rowtype, key);
  }
  const columnsByRelation = groupBy(rows.columns, (c) => c.relid);
  for (const [relid, columns] of columnsByRelation) {
    const rel = relations.get(relid);
    if (rel === undefined) continue;
    for (const c of columns) {
      const isTable = rel.kind === "r" || rel.kind === "p";
      const columnKey = isTable ? objectKey.column(rel.row.schema, rel.row.name, c.name) : rel.key;
      deps.registerColumn(relid, c.num, columnKey, rel.key);
      if (c.attrdef !== null && isTable)
        deps.register(
          "pg_attrdef",
          c.attrdef,
          defaultKeyOf(rel.row.schema, rel.row.name, c.name),
          columnKey,
        );
    }
  }

  const types: TypeDef[] = [];
  const checksByType = groupBy(rows.domainChecks, (c) => c.type_oid);
  for (const t of rows.types) {
    const key = objectKey.type(t.schema, t.name);
    deps.register("pg_type", t.oid, key);
    for (const check of checksByType.get(t.oid) ?? [])
      deps.register("pg_constraint", check.oid, key);
    if (!filter.object(t.schema, t.name)) continue;
    types.push(
      typeDef(
        t,
        checksByType.get(t.oid) ?? [],
        columnsByRelation.get(t.relid) ?? [],
        grants.get(`pg_type:${t.oid}`),
      ),
    );
  }
  for (const a of rows.arrays) deps.alias("pg_type", a.oid, a.target);

  const sequences: SequenceDef[] = [];
  const tables: TableDef[] = [];
  const views: ViewDef[] = [];
  const owners = new Map(rows.sequenceOwners.map((o) => [o.seq, o]));
  const parents = groupBy(rows.inherits, (i) => i.child);
  for (const rel of relations.values()) {
    if (!rel.kept) continue;
    const g = grants.get(`pg_class:${rel.row.oid}`);
    if (rel.kind === "S") {
      const owner = owners.get(rel.row.oid);
      if (owner?.deptype === "i") continue; // an identity column's sequence
      sequences.push(sequenceDef(rel.row, owner, relations, columnsByRelation, g));
    } else if (rel.kind === "r" || rel.kind === "p") {
      tables.push(
        tableDef(
          rel,
          parents.get(rel.row.oid) ?? [],
          relations,
          columnsByRelation.get(rel.row.oid) ?? [],
          g,
        ),
      );
    } else if (rel.kind === "v" || rel.kind === "m") {
      views.push(viewDef(rel.row, columnsByRelation.get(rel.row.oid) ?? [], g));
    }
  }
  for (const r of rows.rewrites) {
    const rel = relations.get(r.target);
    if (rel !== undefined) deps.register("pg_rewrite", r.oid, rel.key);
  }

  const constraints: ConstraintDef[] = [];
  for (const c of rows.constraints) {
    const rel = relations.get(c.relid);
    if (rel === undefined || (rel.kind !== "r" && rel.kind !== "p")) continue;
    const key = objectKey.constraint(rel.row.schema, rel.row.name, c.name);
    deps.register("pg_constraint", c.oid, key, rel.key);
    if (c.contype !== "f" && c.index !== "0") deps.register("pg_class", c.index, key, rel.key);
    // Inherited from a parent table or cloned onto a partition: the parent's constraint covers it.
    if (!rel.kept || !c.is_local || c.parent !== "0") continue;
    constraints.push({
      schema: rel.row.schema,
      table: rel.row.name,
      name: c.name,
      type: CONSTRAINT_TYPES[c.contype]!,
      definition: c.definition,
      ...(c.comment !== null ? { comment: c.comment } : {}),
    });
  }

  const indexes: IndexDef[] = [];
  for (const i of rows.indexes) {
    const rel = relations.get(i.relid);
    if (rel === undefined || i.constraint_index) continue;
    const key = objectKey.index(rel.row.schema, i.name);
    deps.register("pg_class", i.oid, key, rel.key);
    // An index on a partition that belongs to the partitioned table's index.
    if (!rel.kept || i.is_partition) continue;
    indexes.push({
      schema: rel.row.schema,
      table: rel.row.name,
      name: i.name,
      definition: indexDefinition(i.definition, rel.row),
      ...(i.comment !== null ? { comment: i.comment } : {}),
    });
  }

  const functions: FunctionDef[] = [];
  for (const f of rows.functions) {
    const key = objectKey.function(f.schema, f.name, f.args);
    deps.register("pg_proc", f.oid, key);
    if (!filter.object(f.schema, f.name)) continue;
    functions.push(functionDef(f, grants.get(`pg_proc:${f.oid}`)));
  }

  const triggers: TriggerDef[] = [];
  for (const t of rows.triggers) {
    const rel = relations.get(t.relid);
    if (rel === undefined) continue;
    deps.register(
      "pg_trigger",
      t.oid,
      objectKey.trigger(rel.row.schema, rel.row.name, t.name),
      rel.key,
    );
    if (!rel.kept) continue;
    const enabled = TRIGGER_STATES[t.enabled];
    triggers.push({
      schema: rel.row.schema,
      table: rel.row.name,
      name: t.name,
      definition: replaceOnce(
        t.definition,
        ` ON ${rel.row.printed} `,
        ` ON ${qualifiedName(rel.row.schema, rel.row.name)} `,
      ),
      ...(enabled !== undefined ? { enabled } : {}),
      ...(t.comment !== null ? { comment: t.comment } : {}),
    });
  }

  const policies: PolicyDef[] = [];
  for (const p of rows.policies) {
    const rel = relations.get(p.relid);
    if (rel === undefined) continue;
    deps.register(
      "pg_policy",
      p.oid,
      objectKey.policy(rel.row.schema, rel.row.name, p.name),
      rel.key,
    );
    if (!rel.kept) continue;
    policies.push({
      schema: rel.row.schema,
      table: rel.row.name,
      name: p.name,
      permissive: p.permissive,
      command: POLICY_COMMANDS[p.command] ?? "ALL",
      roles: [...p.roles].sort(byKey((r) => r)),
      ...(p.using !== null ? { using: p.using } : {}),
      ...(p.with_check !== null ? { withCheck: p.with_check } : {}),
      ...(p.comment !== null ? { comment: p.comment } : {}),
    });
  }

  const schemaNames = new Set<string>();
  for (const list of [types, sequences, tables, views, functions])
    for (const o of list) schemaNames.add(o.schema);
  const schemas: SchemaDef[] = [];
  for (const s of rows.schemas) {
    deps.register("pg_namespace", s.oid, objectKey.schema(s.name));
    if (s.name === "public" || !filter.schema(s.name)) continue;
    if (history !== undefined && s.name === history.schema && !schemaNames.has(s.name)) continue;
    const g = grants.get(`pg_namespace:${s.oid}`);
    schemas.push({
      name: s.name,
      ...(s.comment !== null ? { comment: s.comment } : {}),
      ...(g !== undefined ? { grants: g } : {}),
    });
  }

  for (const d of rows.depends) deps.add(d);
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

const COLLATION_PROVIDERS: Record<string, CollationDef["provider"]> = {
  c: "libc",
  i: "icu",
  b: "builtin",
};

function collationDef(c: q.CollationRow): CollationDef {
  const r = c.row;
  const text = (v: unknown) => (typeof v === "string" ? v : undefined);
  const provider = COLLATION_PROVIDERS[String(r.collprovider)] ?? "libc";
  const stored = text(r.colllocale) ?? text(r.colliculocale);
  const locale = provider === "icu" && stored !== undefined ? icuLanguageTag(stored) : stored;
  const rules = text(r.collicurules);
  return {
    schema: c.schema,
    name: c.name,
    ...(c.comment !== null ? { comment: c.comment } : {}),
    provider,
    ...(provider !== "libc" && locale !== undefined ? { locale } : {}),
    ...(provider === "libc" && text(r.collcollate) !== undefined
      ? { lcCollate: text(r.collcollate)!, lcCtype: text(r.collctype) ?? text(r.collcollate)! }
      : {}),
    ...(r.collisdeterministic === false ? { deterministic: false as const } : {}),
    ...(rules !== undefined ? { rules } : {}),
  };
}

/**
 * PostgreSQL 16+ stores an ICU locale as its BCP 47 language tag
 * (`en-u-kn-true` becomes `en-u-kn`, `en_US` becomes `en-US`); 15 stores it as
 * written. The same collation reads the same from both: the common cases of
 * that canonical form.
 */
function icuLanguageTag(locale: string): string {
  const parts = locale.replaceAll("_", "-").split("-");
  const u = parts.findIndex((p) => p.toLowerCase() === "u");
  if (u < 0) return parts.join("-");
  return parts
    .filter(
      (p, i) => !(i > u + 1 && p.toLowerCase() === "true" && /^[a-z0-9]{2}$/i.test(parts[i - 1]!)),
    )
    .join("-");
}

function typeDef(
  t: q.TypeRow,
  checks: q.DomainCheckRow[],
  attributes: q.ColumnRow[],
  grants: Grant[] | undefined,
): TypeDef {
  const named = {
    schema: t.schema,
    name: t.name,
    ...(t.comment !== null ? { comment: t.comment } : {}),
  };
  const g = grants !== undefined ? { grants } : {};
  switch (t.typtype) {
    case "e":
      return { ...named, kind: "enum", labels: t.labels ?? [], ...g } satisfies EnumDef;
    case "d":
      return {
        ...named,
        kind: "domain",
        type: t.base!,
        notNull: t.not_null,
        ...(t.default !== null ? { default: t.default } : {}),
        ...(t.collation !== null ? { collation: t.collation } : {}),
        checks: checks
          .map((c) => ({ name: c.name, definition: c.definition }))
          .sort(byKey((c) => c.name)),
        ...g,
      } satisfies DomainDef;
    case "r":
      return {
        ...named,
        kind: "range",
        subtype: t.range_subtype!,
        options: [
          ...(t.range_collation !== null ? [`COLLATION = ${t.range_collation}`] : []),
          ...(t.range_subdiff !== null ? [`SUBTYPE_DIFF = ${t.range_subdiff}`] : []),
        ],
        ...g,
      } satisfies RangeDef;
    default:
      return {
        ...named,
        kind: "composite",
        attributes: attributes.map((a) => ({
          name: a.name,
          type: a.type,
          ...(a.collation !== null ? { collation: a.collation } : {}),
        })),
        ...g,
      } satisfies CompositeDef;
  }
}

function sequenceDef(
  row: q.RelationRow,
  owner: q.SequenceOwnerRow | undefined,
  relations: Map<string, Relation>,
  columns: Map<string, q.ColumnRow[]>,
  grants: Grant[] | undefined,
): SequenceDef {
  const ownerRel = owner === undefined ? undefined : relations.get(owner.relid);
  const ownerColumn =
    owner === undefined ? undefined : columns.get(owner.relid)?.find((c) => c.num === owner.num);
  return {
    schema: row.schema,
    name: row.name,
    ...(row.comment !== null ? { comment: row.comment } : {}),
    type: row.seq_type!,
    start: row.seq_start!,
    increment: row.seq_increment!,
    min: row.seq_min!,
    max: row.seq_max!,
    cache: row.seq_cache!,
    cycle: row.seq_cycle === true,
    ...(ownerRel !== undefined && ownerColumn !== undefined
      ? {
          ownedBy: {
            schema: ownerRel.row.schema,
            table: ownerRel.row.name,
            column: ownerColumn.name,
          },
        }
      : {}),
    ...(grants !== undefined ? { grants } : {}),
  };
}

function tableDef(
  rel: Relation,
  parents: q.InheritRow[],
  relations: Map<string, Relation>,
  columns: q.ColumnRow[],
  grants: Grant[] | undefined,
): TableDef {
  const row = rel.row;
  const parentNames = parents.map((p) => {
    const parent = relations.get(p.parent)!.row;
    return qualifiedName(parent.schema, parent.name);
  });
  const partition = row.is_partition && parentNames.length > 0;
  const inherits = partition ? [] : parentNames;
  return {
    schema: row.schema,
    name: row.name,
    ...(row.comment !== null ? { comment: row.comment } : {}),
    kind: row.relkind === "p" ? "partitioned" : "table",
    ...(row.persistence === "u" ? { unlogged: true as const } : {}),
    ...(row.partition_key !== null ? { partitionBy: row.partition_key } : {}),
    ...(partition ? { partitionOf: { parent: parentNames[0]!, bound: row.bound! } } : {}),
    ...(inherits.length > 0 ? { inherits } : {}),
    ...(row.options !== null && row.options.length > 0 ? { options: [...row.options].sort() } : {}),
    ...(row.row_security ? { rowSecurity: true as const } : {}),
    ...(row.force_row_security ? { forceRowSecurity: true as const } : {}),
    // A partition has its parent's columns; an inheriting table lists its own, those a parent also gives it (merged) included.
    columns: partition ? [] : columns.filter((c) => c.is_local || !c.inherited).map(columnDef),
    ...(grants !== undefined ? { grants } : {}),
  };
}

function columnDef(c: q.ColumnRow): ColumnDef {
  const generated = c.generated === "s" || c.generated === "v";
  return {
    name: c.name,
    type: c.type,
    notNull: c.not_null,
    ...(c.default !== null && !generated ? { default: c.default } : {}),
    ...(c.identity === "a" || c.identity === "d"
      ? {
          identity: {
            always: c.identity === "a",
            options: sequenceOptions(
              {
                type: c.id_type!,
                start: c.id_start!,
                increment: c.id_increment!,
                min: c.id_min!,
                max: c.id_max!,
                cache: c.id_cache!,
                cycle: c.id_cycle === true,
              },
              { withType: false },
            ),
          },
        }
      : {}),
    ...(generated ? { generated: { expression: c.default!, stored: c.generated === "s" } } : {}),
    ...(c.collation !== null ? { collation: c.collation } : {}),
    ...(c.comment !== null ? { comment: c.comment } : {}),
  };
}

function viewDef(row: q.RelationRow, columns: q.ColumnRow[], grants: Grant[] | undefined): ViewDef {
  const query = row.query!.trim().replace(/;$/, "");
  return {
    schema: row.schema,
    name: row.name,
    ...(row.comment !== null ? { comment: row.comment } : {}),
    materialized: row.relkind === "m",
    query,
    ...(row.options !== null && row.options.length > 0 ? { options: [...row.options].sort() } : {}),
    columns: columns.map((c) => ({
      name: c.name,
      type: c.type,
      ...(c.comment !== null ? { comment: c.comment } : {}),
    })),
    ...(grants !== undefined ? { grants } : {}),
  };
}

function functionDef(f: q.FunctionRow, grants: Grant[] | undefined): FunctionDef {
  const word = f.prokind === "p" ? "PROCEDURE" : "FUNCTION";
  const definition = replaceOnce(
    f.definition.trimEnd(),
    `CREATE OR REPLACE ${word} ${f.printed}(`,
    `CREATE OR REPLACE ${word} ${qualifiedName(f.schema, f.name)}(`,
  );
  return {
    schema: f.schema,
    name: f.name,
    ...(f.comment !== null ? { comment: f.comment } : {}),
    kind: f.prokind === "p" ? "procedure" : "function",
    args: f.args,
    signature: f.signature,
    ...(f.returns !== null ? { returns: f.returns } : {}),
    language: f.language,
    definition,
    ...(grants !== undefined ? { grants } : {}),
  };
}

/** `... ON ONLY public.t USING ...` -> `... ON t USING ...`: partitions get the index too. */
function indexDefinition(definition: string, table: q.RelationRow): string {
  const name = qualifiedName(table.schema, table.name);
  const only = ` ON ONLY ${table.printed} USING `;
  if (definition.includes(only)) return replaceOnce(definition, only, ` ON ${name} USING `);
  return replaceOnce(definition, ` ON ${table.printed} USING `, ` ON ${name} USING `);
}

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  return at < 0 ? text : text.slice(0, at) + to + text.slice(at + from.length);
}

function grantsByObject(rows: q.AclRow[]): Map<string, Grant[]> {
  const map = new Map<string, Grant[]>();
  for (const r of rows) {
    const key = `${r.catalog}:${r.oid}`;
    const list = map.get(key) ?? [];
    list.push({
      grantee: r.grantee,
      privilege: r.privilege,
      ...(r.grantable ? { grantable: true as const } : {}),
    });
    map.set(key, list);
  }
  for (const list of map.values()) list.sort(byKey((g) => `${g.grantee}\u0000${g.privilege}`));
  return map;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
