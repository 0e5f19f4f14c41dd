/**
 * The entity-relationship view of a schema model that every diagram writer
 * draws: tables (and, on request, views) with their columns and key markers,
 * and one edge per foreign key, with the columns at both ends and what the
 * constraints say about cardinality. Pure: no I/O, no layout.
 */
import type { ConstraintDef, SchemaModel } from "../inspect/model.js";

export interface ErColumn {
  readonly name: string;
  /** As `format_type` prints it: `integer`, `character varying(40)`. */
  readonly type: string;
  readonly notNull: boolean;
  readonly pk: boolean;
  readonly fk: boolean;
  /** Part of a single-column unique constraint, or of a multi-column one (then every column is marked). */
  readonly uk: boolean;
}

export interface ErEntity {
  /** `schema.name` always qualified, unquoted: the key edges point at. */
  readonly id: string;
  readonly schema: string;
  readonly name: string;
  /** The name as a reader expects it: unqualified in `public`, `schema.name` elsewhere. */
  readonly label: string;
  readonly kind: "table" | "view";
  readonly columns: readonly ErColumn[];
}

export interface ErEdge {
  /** The foreign key constraint's name. */
  readonly name: string;
  /** Entity id of the referencing table. */
  readonly from: string;
  readonly fromColumns: readonly string[];
  /** Entity id of the referenced table. */
  readonly to: string;
  readonly toColumns: readonly string[];
  /** Some referencing column may be NULL: a row may have no parent. */
  readonly nullable: boolean;
  /** The referencing columns are unique: at most one child per parent (one-to-one). */
  readonly unique: boolean;
  /** The referencing columns are part of the child's primary key. */
  readonly identifying: boolean;
}

export interface ErGraph {
  readonly entities: readonly ErEntity[];
  readonly edges: readonly ErEdge[];
}

export interface ErGraphOptions {
  /** Draw views (and materialized views) as entities too (default false). */
  readonly views?: boolean;
  /** Only these entity ids (`schema.name`); edges need both ends kept. */
  readonly only?: ReadonlySet<string>;
}

/**
 * The tables, columns and foreign keys of `model`, ready to draw.
 *
 * @example
 * const { entities, edges } = erGraph(await inspect(driver), { views: true });
 * for (const e of edges) console.log(`${e.from} -> ${e.to} (${e.name})`);
 */
export function erGraph(model: SchemaModel, options: ErGraphOptions = {}): ErGraph {
  const keep = (id: string) => !options.only || options.only.has(id);
  const byTable = new Map<string, ConstraintDef[]>();
  for (const c of model.constraints) {
    const id = entityId(c.schema, c.table);
    byTable.set(id, [...(byTable.get(id) ?? []), c]);
  }
  const uniqueIndexes = new Map<string, string[][]>();
  for (const i of model.indexes) {
    const columns = uniqueIndexColumns(i.definition);
    if (!columns) continue;
    const id = entityId(i.schema, i.table);
    uniqueIndexes.set(id, [...(uniqueIndexes.get(id) ?? []), columns]);
  }
  const entities: ErEntity[] = [];
  const edges: ErEdge[] = [];
  for (const t of model.tables) {
    const id = entityId(t.schema, t.name);
    if (!keep(id) || t.partitionOf) continue;
    const constraints = byTable.get(id) ?? [];
    const pk = keyColumns(constraints, "primary");
    const uniques = [
      ...constraints.filter((c) => c.type === "unique").map(constraintColumns),
      ...(uniqueIndexes.get(id) ?? []),
    ];
    const fks = constraints.filter((c) => c.type === "foreign").map(foreignKey);
    const fkColumns = new Set(fks.flatMap((f) => f.fromColumns));
    const ukColumns = new Set(uniques.flat());
    const columns = t.columns.map((c) => ({
      name: c.name,
      type: c.type,
      notNull: c.notNull,
      pk: pk.has(c.name),
      fk: fkColumns.has(c.name),
      uk: ukColumns.has(c.name),
    }));
    entities.push({
      id,
      schema: t.schema,
      name: t.name,
      label: label(t.schema, t.name),
      kind: "table",
      columns,
    });
    const nullableColumn = new Set(t.columns.filter((c) => !c.notNull).map((c) => c.name));
    for (const f of fks) {
      if (!keep(f.to)) continue;
      const unique = [[...pk], ...uniques].some(
        (key) => key.length > 0 && sameSet(key, f.fromColumns),
      );
      edges.push({
        ...f,
        from: id,
        nullable: f.fromColumns.some((c) => nullableColumn.has(c)),
        unique,
        identifying: f.fromColumns.every((c) => pk.has(c)),
      });
    }
  }
  if (options.views) {
    for (const v of model.views) {
      const id = entityId(v.schema, v.name);
      if (!keep(id)) continue;
      const columns = v.columns.map((c) => ({
        name: c.name,
        type: c.type,
        notNull: false,
        pk: false,
        fk: false,
        uk: false,
      }));
      entities.push({
        id,
        schema: v.schema,
        name: v.name,
        label: label(v.schema, v.name),
        kind: "view",
        columns,
      });
    }
  }
  // A foreign key may point at a table the filter left out of the model: draw only what is there.
  const present = new Set(entities.map((e) => e.id));
  return { entities, edges: edges.filter((e) => present.has(e.to)) };
}

/** `schema.name`, unquoted: the id of an entity. */
export function entityId(schema: string, name: string): string {
  return `${schema}.${name}`;
}

/**
 * The ids of `changed` tables and of the tables their foreign keys connect
 * them to, in either direction (for the diagram of a migration).
 *
 * @example
 * const only = withNeighbours(graph, new Set(["public.orders"]));
 */
export function withNeighbours(graph: ErGraph, changed: ReadonlySet<string>): Set<string> {
  const ids = new Set(changed);
  for (const e of graph.edges) {
    if (changed.has(e.from)) ids.add(e.to);
    if (changed.has(e.to)) ids.add(e.from);
  }
  return ids;
}

function label(schema: string, name: string): string {
  return schema === "public" ? name : `${schema}.${name}`;
}

function keyColumns(constraints: readonly ConstraintDef[], type: "primary"): Set<string> {
  return new Set(constraints.filter((c) => c.type === type).flatMap(constraintColumns));
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** `PRIMARY KEY (a, b)` / `UNIQUE (a)` / `UNIQUE NULLS NOT DISTINCT (a)` -> the column names. */
function constraintColumns(c: ConstraintDef): string[] {
  const open = c.definition.indexOf("(");
  return open < 0 ? [] : identList(c.definition, open).names;
}

/**
 * `CREATE UNIQUE INDEX i ON t USING btree (a, b)` -> `["a", "b"]`; undefined
 * for a non-unique or partial index, or one on expressions or with options
 * (`lower(email)`, `a DESC`): those do not make the columns unique as such.
 */
function uniqueIndexColumns(definition: string): string[] | undefined {
  if (!definition.startsWith("CREATE UNIQUE INDEX ") || / WHERE /.test(definition))
    return undefined;
  const using = definition.indexOf(" USING ");
  const open = using < 0 ? -1 : definition.indexOf("(", using);
  if (open < 0) return undefined;
  const list = identList(definition, open);
  return definition[list.end - 1] === ")" && list.names.every((n) => n !== "")
    ? list.names
    : undefined;
}

/** `FOREIGN KEY (a, b) REFERENCES s.t(x, y) ...` -> both ends. */
function foreignKey(c: ConstraintDef): {
  name: string;
  fromColumns: string[];
  to: string;
  toColumns: string[];
} {
  const def = c.definition;
  const from = identList(def, def.indexOf("("));
  const rest = def.slice(from.end).replace(/^\s*REFERENCES\s+/i, "");
  const parts: string[] = [];
  let i = 0;
  for (;;) {
    const id = ident(rest, i);
    parts.push(id.name);
    i = id.end;
    if (rest[i] !== ".") break;
    i += 1;
  }
  // Inspected with search_path = public: names elsewhere are qualified, names in public are not.
  const schema = parts.length > 1 ? parts[0]! : "public";
  const table = parts[parts.length - 1]!;
  const open = rest.indexOf("(", i);
  const to = open < 0 ? [] : identList(rest, open).names;
  return { name: c.name, fromColumns: from.names, to: entityId(schema, table), toColumns: to };
}

/** `(a, "B c")` starting at `open` -> names, and the index after `)`. */
function identList(text: string, open: number): { names: string[]; end: number } {
  const names: string[] = [];
  let i = open + 1;
  for (;;) {
    while (text[i] === " ") i += 1;
    const id = ident(text, i);
    names.push(id.name);
    i = id.end;
    while (text[i] === " ") i += 1;
    if (text[i] === ",") {
      i += 1;
      continue;
    }
    return { names, end: text[i] === ")" ? i + 1 : i };
  }
}

/** One identifier at `start`: `"Quoted ""x"""` or a plain (lower-case) one. */
function ident(text: string, start: number): { name: string; end: number } {
  if (text[start] === '"') {
    let i = start + 1;
    let name = "";
    for (;;) {
      const q = text.indexOf('"', i);
      if (q < 0) return { name: name + text.slice(i), end: text.length };
      name += text.slice(i, q);
      if (text[q + 1] === '"') {
        name += '"';
        i = q + 2;
      } else return { name, end: q + 1 };
    }
  }
  const m = /^[^\s,().]+/.exec(text.slice(start));
  return { name: m ? m[0] : "", end: start + (m ? m[0].length : 0) };
}
