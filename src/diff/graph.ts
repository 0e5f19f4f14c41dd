import { objectKey, qualifiedName } from "../inspect/ident.js";
import { defaultKeyOf, keyOfObject } from "../inspect/keys.js";
import type {
  CollationDef,
  ColumnDef,
  ConstraintDef,
  ExtensionDef,
  FunctionDef,
  IndexDef,
  PolicyDef,
  SchemaDef,
  SchemaModel,
  SequenceDef,
  TableDef,
  TriggerDef,
  TypeDef,
  ViewDef,
} from "../inspect/model.js";

/** One thing the diff creates, drops or alters on its own. */
export type Node =
  | { kind: "schema"; object: SchemaDef }
  | { kind: "extension"; object: ExtensionDef }
  | { kind: "collation"; object: CollationDef }
  | { kind: "type"; object: TypeDef }
  | { kind: "sequence"; object: SequenceDef }
  | { kind: "seqowner"; object: SequenceDef }
  | { kind: "table"; object: TableDef }
  | { kind: "column"; object: ColumnDef; table: TableDef; position: number }
  | { kind: "default"; object: ColumnDef; table: TableDef }
  | { kind: "constraint"; object: ConstraintDef }
  | { kind: "index"; object: IndexDef }
  | { kind: "view"; object: ViewDef }
  | { kind: "function"; object: FunctionDef }
  | { kind: "trigger"; object: TriggerDef }
  | { kind: "policy"; object: PolicyDef };

export type NodeKind = Node["kind"];

export type GraphNode = Node & {
  readonly key: string;
  /** The table or view it sits on (columns, constraints, indexes...), or the column of a default. */
  readonly parent?: string;
  /** Keys it needs: from pg_depend plus the structure (schema, table, column). */
  readonly deps: readonly string[];
  /** Where it goes in a dump when nothing else decides: lower first. */
  readonly rank: number;
  readonly sort: string;
};

export interface Graph {
  readonly nodes: ReadonlyMap<string, GraphNode>;
  /** key -> keys of nodes that depend on it. */
  readonly dependents: ReadonlyMap<string, readonly string[]>;
  /** key -> keys of nodes whose parent it is. */
  readonly children: ReadonlyMap<string, readonly string[]>;
}

/** Dump and creation order of the kinds (ties broken by name). */
export const RANK = {
  schema: 0,
  extension: 1,
  collation: 1,
  type: 2,
  sequence: 3,
  function: 4,
  table: 5,
  seqowner: 6,
  foreignKey: 7,
  view: 8,
  policy: 9,
} as const;

const SEP = "\u0001";

/** Flattens a model into nodes with their dependencies. */
export function buildGraph(model: SchemaModel): Graph {
  const nodes = new Map<string, GraphNode>();
  const tableKeys = new Map<string, string>();
  for (const t of model.tables)
    tableKeys.set(qualifiedName(t.schema, t.name), objectKey.table(t.schema, t.name));
  const relationKeys = new Map<string, string>();
  for (const t of model.tables)
    relationKeys.set(`${t.schema}.${t.name}`, objectKey.table(t.schema, t.name));
  for (const v of model.views)
    relationKeys.set(`${v.schema}.${v.name}`, objectKey.view(v.schema, v.name));
  const inSchema = (schema: string) => (schema === "public" ? [] : [objectKey.schema(schema)]);
  const add = (node: GraphNode) => nodes.set(node.key, node);
  const nameSort = (schema: string, name: string) => `${schema}${SEP}${name}`;

  for (const s of model.schemas)
    add({
      kind: "schema",
      object: s,
      key: objectKey.schema(s.name),
      deps: [],
      rank: RANK.schema,
      sort: s.name,
    });
  for (const e of model.extensions)
    add({
      kind: "extension",
      object: e,
      key: objectKey.extension(e.name),
      deps: inSchema(e.schema),
      rank: RANK.extension,
      sort: e.name,
    });
  for (const c of model.collations)
    add({
      kind: "collation",
      object: c,
      key: keyOfObject("collations", c),
      deps: inSchema(c.schema),
      rank: RANK.collation,
      sort: nameSort(c.schema, c.name),
    });
  for (const t of model.types)
    add({
      kind: "type",
      object: t,
      key: keyOfObject("types", t),
      deps: [...inSchema(t.schema), ...("deps" in t && t.deps ? t.deps : [])],
      rank: RANK.type,
      sort: nameSort(t.schema, t.name),
    });
  for (const s of model.sequences) {
    const key = keyOfObject("sequences", s);
    add({
      kind: "sequence",
      object: s,
      key,
      deps: inSchema(s.schema),
      rank: RANK.sequence,
      sort: nameSort(s.schema, s.name),
    });
    if (s.ownedBy)
      add({
        kind: "seqowner",
        object: s,
        key: `seqowner:${key.slice("sequence:".length)}`,
        parent: key,
        deps: [key, objectKey.column(s.ownedBy.schema, s.ownedBy.table, s.ownedBy.column)],
        rank: RANK.seqowner,
        sort: nameSort(s.schema, s.name),
      });
  }
  for (const f of model.functions)
    add({
      kind: "function",
      object: f,
      key: keyOfObject("functions", f),
      deps: [...inSchema(f.schema), ...(f.deps ?? [])],
      rank: RANK.function,
      sort: `${nameSort(f.schema, f.name)}${SEP}${f.args}`,
    });
  // A partition or an inheriting table sorts right after its parent's block.
  const tablesByName = new Map(model.tables.map((t) => [qualifiedName(t.schema, t.name), t]));
  const tableSort = (t: TableDef, seen = new Set<TableDef>()): string => {
    const parent = tablesByName.get(t.partitionOf?.parent ?? t.inherits?.[0] ?? "");
    if (parent === undefined || seen.has(parent)) return nameSort(t.schema, t.name);
    seen.add(t);
    return `${tableSort(parent, seen)}${SEP}9${nameSort(t.schema, t.name)}`;
  };
  for (const t of model.tables) {
    const key = keyOfObject("tables", t);
    const sort = tableSort(t);
    const parents = [
      ...(t.partitionOf ? [t.partitionOf.parent] : []),
      ...(t.inherits ?? []),
    ].flatMap((name) => tableKeys.get(name) ?? []);
    add({
      kind: "table",
      object: t,
      key,
      deps: [...inSchema(t.schema), ...parents, ...(t.deps ?? [])],
      rank: RANK.table,
      sort,
    });
    t.columns.forEach((c, position) => {
      const columnKey = objectKey.column(t.schema, t.name, c.name);
      add({
        kind: "column",
        object: c,
        table: t,
        position,
        key: columnKey,
        parent: key,
        deps: [key, ...(c.deps ?? []), ...(c.generated ? (c.defaultDeps ?? []) : [])],
        rank: RANK.table,
        sort: `${sort}${SEP}1${String(position).padStart(5, "0")}`,
      });
      if (c.default !== undefined)
        add({
          kind: "default",
          object: c,
          table: t,
          key: defaultKeyOf(t.schema, t.name, c.name),
          parent: columnKey,
          deps: [columnKey, ...(c.defaultDeps ?? [])],
          rank: RANK.table,
          sort: `${sort}${SEP}2${String(position).padStart(5, "0")}`,
        });
    });
  }
  for (const v of model.views)
    add({
      kind: "view",
      object: v,
      key: keyOfObject("views", v),
      deps: [...inSchema(v.schema), ...(v.deps ?? [])],
      rank: RANK.view,
      sort: nameSort(v.schema, v.name),
    });
  const attached = (schema: string, table: string) => {
    const parent = relationKeys.get(`${schema}.${table}`);
    const owner = parent === undefined ? undefined : nodes.get(parent);
    return {
      parent,
      rank: owner?.rank ?? RANK.table,
      sort: owner?.sort ?? nameSort(schema, table),
    };
  };
  for (const c of model.constraints) {
    const at = attached(c.schema, c.table);
    const foreign = c.type === "foreign";
    add({
      kind: "constraint",
      object: c,
      key: keyOfObject("constraints", c),
      ...(at.parent ? { parent: at.parent } : {}),
      deps: [...(at.parent ? [at.parent] : []), ...(c.deps ?? [])],
      rank: foreign ? RANK.foreignKey : at.rank,
      sort: `${at.sort}${SEP}3${c.name}`,
    });
  }
  for (const i of model.indexes) {
    const at = attached(i.schema, i.table);
    add({
      kind: "index",
      object: i,
      key: keyOfObject("indexes", i),
      ...(at.parent ? { parent: at.parent } : {}),
      deps: [...(at.parent ? [at.parent] : []), ...(i.deps ?? [])],
      rank: at.rank,
      sort: `${at.sort}${SEP}4${i.name}`,
    });
  }
  for (const t of model.triggers) {
    const at = attached(t.schema, t.table);
    add({
      kind: "trigger",
      object: t,
      key: keyOfObject("triggers", t),
      ...(at.parent ? { parent: at.parent } : {}),
      deps: [...(at.parent ? [at.parent] : []), ...(t.deps ?? [])],
      rank: at.rank,
      sort: `${at.sort}${SEP}5${t.name}`,
    });
  }
  for (const p of model.policies) {
    const at = attached(p.schema, p.table);
    add({
      kind: "policy",
      object: p,
      key: keyOfObject("policies", p),
      ...(at.parent ? { parent: at.parent } : {}),
      deps: [...(at.parent ? [at.parent] : []), ...(p.deps ?? [])],
      rank: RANK.policy,
      sort: `${at.sort}${SEP}${p.name}`,
    });
  }

  const dependents = new Map<string, string[]>();
  const children = new Map<string, string[]>();
  for (const node of nodes.values()) {
    for (const dep of new Set(node.deps)) {
      if (!nodes.has(dep)) continue;
      const list = dependents.get(dep);
      if (list) list.push(node.key);
      else dependents.set(dep, [node.key]);
    }
    if (node.parent !== undefined) {
      const list = children.get(node.parent);
      if (list) list.push(node.key);
      else children.set(node.parent, [node.key]);
    }
  }
  return { nodes, dependents, children };
}
