import { quoteIdent } from "../inspect/ident.js";
import { emptyModel, type SchemaModel, type TableDef, type TypeDef } from "../inspect/model.js";
import { alterStatements } from "./alter.js";
import { type Change, classify } from "./classify.js";
import {
  addConstraint,
  columnSql,
  commentChange,
  createCollation,
  createExtension,
  createFunction,
  createIndex,
  createPolicy,
  createSchema,
  createSequence,
  createTable,
  createTrigger,
  createType,
  createView,
  decorations,
  grantChanges,
  inlineable,
  nameOf,
  sequenceOwnedBy,
  type Target,
  tableName,
  target,
} from "./ddl.js";
import { buildGraph, type Graph, type GraphNode } from "./graph.js";
import { type Orderable, orderItems } from "./order.js";
import type { Plan, PlanStatement } from "./plan.js";

/** `renamed`: the same object under another name (old key in `from`, new key in `to`). */
type Status = "added" | "removed" | "renamed" | Change;

interface Action extends Orderable {
  readonly phase: "pre" | "main" | "post";
  readonly covers: string[];
  readonly deps: string[];
  readonly rank: number;
  readonly sort: string;
  readonly statements: PlanStatement[];
}

/** Kinds whose removal goes first: they hang on others and must not block the drops after them. */
const DROP_EARLY = new Set([
  "view",
  "trigger",
  "policy",
  "constraint",
  "index",
  "default",
  "seqowner",
]);

/**
 * The statements that turn a database whose schema is `from` into `to`, in
 * an order PostgreSQL accepts: dependents are dropped before what they need
 * and created after it (a view that reads a column whose type changes is
 * dropped and recreated around the change; functions come before the
 * defaults, checks and triggers that call them; foreign keys after the keys
 * they reference). Destructive statements are marked. Pure: the reverse
 * plan (for `down`) is `diff(to, from)`.
 *
 * @example
 * const plan = diff(await inspect(current), await inspect(desired));
 * console.log(planToSql(plan));
 */
export function diff(from: SchemaModel, to: SchemaModel): Plan {
  return new Differ(buildGraph(from), buildGraph(to)).plan();
}

/** Everything in `model` created from nothing, one group of statements per object, in order. */
export function creationBlocks(model: SchemaModel): {
  blocks: PlanStatement[][];
  warnings: readonly string[];
} {
  const differ = new Differ(buildGraph(emptyModel()), buildGraph(model));
  const blocks = differ.blocks();
  return { blocks, warnings: differ.warnings };
}

/**
 * A `LANGUAGE sql` function whose body is a string: PostgreSQL checks the
 * body when it is created, so the tables it reads must exist first unless
 * `check_function_bodies` is off (plpgsql bodies are not checked; SQL-standard
 * bodies have real dependencies and are ordered by them).
 */
export function createsSqlFunctionWithStringBody(sql: string): boolean {
  return (
    /^CREATE OR REPLACE (FUNCTION|PROCEDURE) /.test(sql) &&
    /\n LANGUAGE sql\n/.test(sql) &&
    /\nAS \$function/.test(sql)
  );
}

class Differ {
  readonly #a: Graph;
  readonly #b: Graph;
  readonly #status = new Map<string, Status>();
  readonly #typeChanged = new Set<string>();
  /** Column key -> the type its values go through when their type is recreated. */
  readonly #retyped = new Map<string, string>();
  readonly #warnings: string[] = [];
  /** New key -> the node it was called in `from`. */
  readonly #renamedFrom = new Map<string, GraphNode>();

  constructor(a: Graph, b: Graph) {
    this.#a = a;
    this.#b = b;
  }

  plan(): Plan {
    const statements = this.blocks().flat();
    if (statements.some((s) => createsSqlFunctionWithStringBody(s.sql)))
      statements.unshift({ sql: "SET LOCAL check_function_bodies = off" });
    return { statements, warnings: this.#warnings };
  }

  /** The statements grouped by the object they are about, in order. */
  blocks(): PlanStatement[][] {
    this.#classify();
    this.#enumConversions();
    this.#pairRenames();
    this.#cascade();
    const actions = [...this.#dropActions(), ...this.#createActions()];
    const phase = (p: Action["phase"], direction: "create" | "drop") => {
      const ordered = orderItems(
        actions.filter((x) => x.phase === p),
        direction,
      );
      for (const c of ordered.cycles)
        this.#warnings.push(
          `circular dependency around ${c.covers[0]}: check the order of the statements`,
        );
      return ordered.items.map((x) => x.statements).filter((list) => list.length > 0);
    };
    return [...phase("pre", "drop"), ...phase("main", "create"), ...phase("post", "drop")];
  }

  get warnings(): readonly string[] {
    return this.#warnings;
  }

  #classify(): void {
    for (const [key, a] of this.#a.nodes) {
      const b = this.#b.nodes.get(key);
      if (b === undefined) {
        this.#status.set(key, "removed");
        continue;
      }
      const c = classify(a, b);
      this.#status.set(key, c.change);
      if (c.typeChanged) this.#typeChanged.add(key);
    }
    for (const key of this.#b.nodes.keys())
      if (!this.#a.nodes.has(key)) this.#status.set(key, "added");
    for (const [key, node] of this.#a.nodes)
      if (this.#status.get(key) === "removed" && this.#givenByParent(node))
        this.#status.set(key, "same");
  }

  /**
   * A column of an inheriting table that the desired schema leaves to a
   * parent: the table keeps it as its own too (a column added for INHERIT,
   * or one a parent gained later), as no statement makes an own column
   * inherited-only. Dropping it would fail (it is inherited) or lose data.
   */
  #givenByParent(node: GraphNode): boolean {
    if (node.kind !== "column") return false;
    const table = this.#b.nodes.get(node.parent!);
    if (table?.kind !== "table") return false;
    return (table.object.inherits ?? []).some((parent) =>
      this.#tableNamed(this.#b, parent)?.columns.some((c) => c.name === node.object.name),
    );
  }

  /**
   * A column converted from an enum to another type goes through text (there
   * is no cast between two enums). An enum that gains values and receives a
   * column's values in the same plan is rebuilt rather than given the values
   * with ADD VALUE: a value added in a transaction cannot be used until it
   * commits, one created with its type can.
   */
  #enumConversions(): void {
    const enums = (graph: Graph, node: GraphNode) =>
      node.deps.filter((d) => {
        const t = graph.nodes.get(d);
        return t?.kind === "type" && t.object.kind === "enum";
      });
    for (const key of this.#typeChanged) {
      const a = this.#a.nodes.get(key)!;
      const b = this.#b.nodes.get(key)!;
      if (a.kind !== "column" || b.kind !== "column" || a.object.type === b.object.type) continue;
      if (enums(this.#a, a).length > 0) this.#retyped.set(key, "text");
      for (const t of enums(this.#b, b))
        if (this.#status.get(t) === "changed") this.#status.set(t, "retype");
    }
  }

  /**
   * A constraint, index or owned sequence that goes under one name and comes
   * back identical under another (after a table rename, say) is renamed:
   * nothing is rebuilt and a sequence keeps its value. Tables and columns are
   * never matched this way (see rename hints).
   */
  #pairRenames(): void {
    const removed = new Map<string, GraphNode>();
    for (const [key, node] of this.#a.nodes) {
      if (this.#status.get(key) !== "removed") continue;
      const identity = this.#renameIdentity(node);
      if (identity !== undefined && !removed.has(identity)) removed.set(identity, node);
    }
    if (removed.size === 0) return;
    for (const [key, node] of this.#b.nodes) {
      if (this.#status.get(key) !== "added") continue;
      const identity = this.#renameIdentity(node);
      const old = identity === undefined ? undefined : removed.get(identity);
      if (old === undefined) continue;
      removed.delete(identity!);
      this.#status.set(old.key, "renamed");
      this.#status.set(key, "renamed");
      this.#renamedFrom.set(key, old);
      if (node.kind === "sequence") {
        const owner = (k: string) => `seqowner:${k.slice("sequence:".length)}`;
        if (this.#a.nodes.has(owner(old.key)) && this.#b.nodes.has(owner(key))) {
          this.#status.set(owner(old.key), "renamed");
          this.#status.set(owner(key), "renamed");
        }
      }
    }
  }

  /** What must be equal for two differently named objects to be one renamed. */
  #renameIdentity(node: GraphNode): string | undefined {
    const tableKept = (parent: string | undefined) => {
      const s = parent === undefined ? undefined : this.#status.get(parent);
      return s === "same" || s === "changed";
    };
    switch (node.kind) {
      case "constraint":
        if (!tableKept(node.parent)) return undefined;
        return JSON.stringify([
          "constraint",
          node.parent,
          node.object.type,
          node.object.definition,
        ]);
      case "index": {
        if (!tableKept(node.parent)) return undefined;
        const i = node.object;
        const definition = i.definition.replace(` INDEX ${quoteIdent(i.name)} ON `, " INDEX ON ");
        return JSON.stringify(["index", node.parent, definition]);
      }
      case "sequence": {
        const s = node.object;
        if (s.ownedBy === undefined) return undefined;
        const { name: _n, comment: _c, grants: _g, ...settings } = s;
        return JSON.stringify(["sequence", settings]);
      }
      default:
        return undefined;
    }
  }

  /** Whatever needs something dropped or rebuilt is dropped and rebuilt too. */
  #cascade(): void {
    const queue: string[] = [];
    for (const [key, s] of this.#status)
      if (s === "removed" || s === "recreate" || s === "retype") queue.push(key);
    const invalid: string[] = [...this.#typeChanged];
    const rebuild = (key: string) => {
      const s = this.#status.get(key);
      if (s === "removed" || s === "recreate" || s === "added" || s === "retype") return;
      this.#status.set(key, "recreate");
      queue.push(key);
    };
    while (queue.length > 0 || invalid.length > 0) {
      const key = queue.pop();
      if (key !== undefined) {
        const status = this.#status.get(key);
        const children = new Set(this.#a.children.get(key) ?? []);
        if (status === "recreate")
          for (const child of children) if (this.#b.nodes.has(child)) rebuild(child);
        for (const d of this.#a.dependents.get(key) ?? []) {
          if (children.has(d) || !this.#b.nodes.has(d)) continue;
          const dependent = this.#a.nodes.get(d)!;
          if (status === "retype" && dependent.kind === "column") {
            if (!this.#retyped.has(d)) {
              this.#retyped.set(d, this.#retypeVia(key));
              if (this.#status.get(d) === "same") this.#status.set(d, "changed");
              invalid.push(d);
            }
            continue;
          }
          // Altered in place so that it no longer needs what goes away last: no rebuild.
          if (
            status === "removed" &&
            !DROP_EARLY.has(this.#a.nodes.get(key)!.kind) &&
            this.#status.get(d) === "changed" &&
            !this.#b.nodes.get(d)!.deps.includes(key)
          )
            continue;
          rebuild(d);
        }
        continue;
      }
      const column = invalid.pop()!;
      const owner = this.#a.nodes.get(column)?.parent;
      // The old default may not convert to the new type: set it again after the change.
      const columnDefault = `default:${column.slice("column:".length)}`;
      if (this.#a.nodes.has(columnDefault) && this.#b.nodes.has(columnDefault))
        rebuild(columnDefault);
      for (const d of this.#a.dependents.get(column) ?? []) {
        const dependent = this.#a.nodes.get(d)!;
        if (!this.#b.nodes.has(d)) continue;
        const rebuilt =
          dependent.kind === "view" ||
          dependent.kind === "trigger" ||
          dependent.kind === "policy" ||
          dependent.kind === "function" ||
          (dependent.kind === "column" &&
            dependent.parent === owner &&
            dependent.object.generated !== undefined);
        if (rebuilt) rebuild(d);
      }
    }
  }

  /** Enum values go through text; a domain's through its (old) base type. */
  #retypeVia(typeKey: string): string {
    const t = this.#a.nodes.get(typeKey)!.object as TypeDef;
    return t.kind === "domain" ? t.type : "text";
  }

  #dropped(key: string): boolean {
    const s = this.#status.get(key);
    return s === "removed" || s === "recreate";
  }

  #created(key: string): boolean {
    const s = this.#status.get(key);
    return s === "added" || s === "recreate";
  }

  // ---------------------------------------------------------------- drops

  #dropActions(): Action[] {
    const actions = new Map<string, Action>();
    const implied: GraphNode[] = [];
    const addedNames = this.#relationNames(this.#b, (k) => this.#status.get(k) === "added");
    for (const [key, node] of this.#a.nodes) {
      const status = this.#status.get(key);
      if (status === "retype") {
        actions.set(`${key}#rename`, this.#retypeRename(node));
        continue;
      }
      if (status !== "removed" && status !== "recreate") continue;
      if (this.#droppedWithParent(node)) {
        implied.push(node);
        continue;
      }
      const early =
        status === "recreate" ||
        DROP_EARLY.has(node.kind) ||
        addedNames.has(this.#relationName(node) ?? "\u0000");
      actions.set(key, {
        phase: early ? "pre" : "post",
        covers: [key],
        deps: [...node.deps],
        rank: node.rank,
        sort: node.sort,
        statements: this.#dropStatements(node),
      });
    }
    for (const node of implied) {
      let owner: GraphNode | undefined = node;
      while (owner !== undefined && !actions.has(owner.key)) {
        owner = this.#owner(owner);
      }
      const action = owner === undefined ? undefined : actions.get(owner.key);
      if (action === undefined) continue;
      action.covers.push(node.key);
      action.deps.push(...node.deps);
    }
    for (const [key, node] of this.#a.nodes) {
      if (this.#status.get(key) !== "retype") continue;
      const t = node.object as TypeDef;
      actions.set(`${key}#drop`, {
        phase: "post",
        covers: [key],
        deps: [],
        rank: node.rank,
        sort: node.sort,
        statements: [
          {
            sql: `DROP ${t.kind === "domain" ? "DOMAIN" : "TYPE"} ${nameOf({ schema: t.schema, name: oldName(t.name) })}`,
          },
        ],
      });
    }
    return [...actions.values()];
  }

  /** The table a column sits on, the column a default belongs to, the sequence of an OWNED BY. */
  #owner(node: GraphNode): GraphNode | undefined {
    if (node.kind === "sequence") {
      const o = node.object.ownedBy;
      if (o === undefined) return undefined;
      return this.#a.nodes.get(
        `column:${quoteIdent(o.schema)}.${quoteIdent(o.table)}.${quoteIdent(o.column)}`,
      );
    }
    return node.parent === undefined ? undefined : this.#a.nodes.get(node.parent);
  }

  /** Dropping its parent drops it: no statement of its own. */
  #droppedWithParent(node: GraphNode): boolean {
    const owner = this.#owner(node);
    if (owner === undefined || !this.#dropped(owner.key)) return false;
    if (node.kind === "constraint" && node.object.type === "foreign") {
      // A foreign key to another table, or to a key or unique index of it, that goes too is
      // dropped first, or the two could not be dropped at all.
      const referenced = node.deps
        .map((d) => this.#a.nodes.get(d))
        .filter(
          (n): n is GraphNode =>
            (n?.kind === "column" || n?.kind === "constraint" || n?.kind === "index") &&
            n.parent !== node.parent,
        );
      if (referenced.some((n) => this.#dropped(n.key) || this.#dropped(n.parent!))) return false;
    }
    return true;
  }

  #relationNames(graph: Graph, pick: (key: string) => boolean): Set<string> {
    const names = new Set<string>();
    for (const [key, node] of graph.nodes) {
      const name = pick(key) ? this.#relationName(node) : undefined;
      if (name !== undefined) names.add(name);
    }
    return names;
  }

  /** Tables, views, sequences, indexes and types share one namespace per schema. */
  #relationName(node: GraphNode): string | undefined {
    switch (node.kind) {
      case "table":
      case "view":
      case "sequence":
      case "type":
        return `${node.object.schema}.${node.object.name}`;
      case "index":
        return `${node.object.schema}.${node.object.name}`;
      case "constraint":
        return node.object.type === "foreign" || node.object.type === "check"
          ? undefined
          : `${node.object.schema}.${node.object.name}`;
      default:
        return undefined;
    }
  }

  #retypeRename(node: GraphNode): Action {
    const t = node.object as TypeDef;
    const word = t.kind === "domain" ? "DOMAIN" : "TYPE";
    return {
      phase: "pre",
      covers: [`${node.key}#rename`],
      deps: [],
      rank: node.rank,
      sort: node.sort,
      statements: [{ sql: `ALTER ${word} ${nameOf(t)} RENAME TO ${quoteIdent(oldName(t.name))}` }],
    };
  }

  #dropStatements(node: GraphNode): PlanStatement[] {
    switch (node.kind) {
      case "schema":
        return [{ sql: `DROP SCHEMA ${quoteIdent(node.object.name)}` }];
      case "extension":
        return [
          {
            sql: `DROP EXTENSION ${quoteIdent(node.object.name)}`,
            destructive: true,
            note: `drops extension ${node.object.name}`,
          },
        ];
      case "collation":
        return [{ sql: `DROP COLLATION ${nameOf(node.object)}` }];
      case "type":
        return [
          {
            sql: `DROP ${node.object.kind === "domain" ? "DOMAIN" : "TYPE"} ${nameOf(node.object)}`,
          },
        ];
      case "sequence":
        return [
          {
            sql: `DROP SEQUENCE ${nameOf(node.object)}`,
            destructive: true,
            note: `drops sequence ${nameOf(node.object)} and its current value`,
          },
        ];
      case "seqowner":
        return [{ sql: sequenceOwnedBy({ ...node.object, ownedBy: undefined } as never) }];
      case "table":
        return [
          {
            sql: `DROP TABLE ${nameOf(node.object)}`,
            destructive: true,
            note: `drops table ${nameOf(node.object)} and its rows`,
          },
        ];
      case "column": {
        const table = nameOf(node.table);
        return [
          {
            sql: `ALTER TABLE ${table} DROP COLUMN ${quoteIdent(node.object.name)}`,
            destructive: true,
            note: `drops column ${table}.${quoteIdent(node.object.name)} and its data`,
          },
        ];
      }
      case "default":
        return [
          {
            sql: `ALTER TABLE ${nameOf(node.table)} ALTER COLUMN ${quoteIdent(node.object.name)} DROP DEFAULT`,
          },
        ];
      case "constraint":
        return [
          {
            sql: `ALTER TABLE ${tableName(node.object)} DROP CONSTRAINT ${quoteIdent(node.object.name)}`,
          },
        ];
      case "index":
        return [{ sql: `DROP INDEX ${nameOf(node.object)}` }];
      case "view":
        return [
          {
            sql: `DROP ${node.object.materialized ? "MATERIALIZED VIEW" : "VIEW"} ${nameOf(node.object)}`,
          },
        ];
      case "function":
        return [
          {
            sql: `DROP ${node.object.kind === "procedure" ? "PROCEDURE" : "FUNCTION"} ${nameOf(node.object)}(${node.object.args})`,
          },
        ];
      case "trigger":
        return [
          { sql: `DROP TRIGGER ${quoteIdent(node.object.name)} ON ${tableName(node.object)}` },
        ];
      case "policy":
        return [
          { sql: `DROP POLICY ${quoteIdent(node.object.name)} ON ${tableName(node.object)}` },
        ];
    }
  }

  // -------------------------------------------------------------- creates

  #createActions(): Action[] {
    const actions = new Map<string, Action>();
    const inline: GraphNode[] = [];
    const action = (node: GraphNode, statements: PlanStatement[]): Action => {
      const existing = actions.get(node.key);
      if (existing) {
        existing.statements.push(...statements);
        return existing;
      }
      const created: Action = {
        phase: "main",
        covers: [node.key],
        deps: [...node.deps],
        rank: node.rank,
        sort: node.sort,
        statements,
      };
      actions.set(node.key, created);
      return created;
    };
    for (const [key, node] of this.#b.nodes) {
      const status = this.#status.get(key)!;
      if (status === "added" || status === "recreate" || status === "retype") {
        if (this.#addedWithInherit(node)) continue;
        if (this.#inline(node)) {
          inline.push(node);
          continue;
        }
        action(node, this.#createStatements(node));
        continue;
      }
      if (status === "renamed") {
        const old = this.#renamedFrom.get(key);
        if (old !== undefined)
          action(node, [
            ...this.#renameStatements(old, node),
            ...this.#decorationChanges(old, node),
          ]);
        continue;
      }
      const a = this.#a.nodes.get(key)!;
      const statements = [
        ...(status === "changed" ? this.#changeStatements(a, node) : []),
        ...this.#decorationChanges(a, node),
      ];
      if (statements.length > 0) action(node, statements);
    }
    for (const node of inline) {
      let owner: GraphNode | undefined = node;
      while (owner !== undefined && !actions.has(owner.key))
        owner = owner.parent === undefined ? undefined : this.#b.nodes.get(owner.parent);
      const into = owner === undefined ? undefined : actions.get(owner.key);
      if (into === undefined) continue;
      into.covers.push(node.key);
      into.deps.push(...node.deps);
    }
    this.#warnColumnPositions();
    return [...actions.values()];
  }

  #renameStatements(old: GraphNode, node: GraphNode): PlanStatement[] {
    switch (node.kind) {
      case "constraint":
        return [
          {
            sql: `ALTER TABLE ${tableName(node.object)} RENAME CONSTRAINT ${quoteIdent((old.object as typeof node.object).name)} TO ${quoteIdent(node.object.name)}`,
          },
        ];
      case "index":
        return [
          {
            sql: `ALTER INDEX ${nameOf(old.object as typeof node.object)} RENAME TO ${quoteIdent(node.object.name)}`,
          },
        ];
      case "sequence":
        return [
          {
            sql: `ALTER SEQUENCE ${nameOf(old.object as typeof node.object)} RENAME TO ${quoteIdent(node.object.name)}`,
          },
        ];
      default:
        return [];
    }
  }

  /** Written inside its parent's CREATE TABLE or ADD COLUMN. */
  #inline(node: GraphNode): boolean {
    if (node.parent === undefined || !this.#created(node.parent)) return false;
    const parent = this.#b.nodes.get(node.parent)!;
    if (node.kind === "default") return parent.kind === "column";
    if (parent.kind !== "table" || parent.object.partitionOf !== undefined) return false;
    if (node.kind === "column") return true;
    return node.kind === "constraint" && inlineable(node.object);
  }

  #createStatements(node: GraphNode): PlanStatement[] {
    const s = (sql: string): PlanStatement => ({ sql });
    const all = (list: string[]) => list.map(s);
    switch (node.kind) {
      case "schema":
        return all([
          createSchema(node.object),
          ...decorations(target.schema(node.object), node.object),
        ]);
      case "extension":
        return [s(createExtension(node.object))];
      case "collation":
        return all([
          createCollation(node.object),
          ...commentChange(target.collation(node.object), undefined, node.object.comment),
        ]);
      case "type":
        return all([
          ...createType(node.object),
          ...decorations(target.type(node.object), node.object),
        ]);
      case "sequence":
        return all([
          createSequence(node.object),
          ...decorations(target.sequence(node.object), node.object),
        ]);
      case "seqowner":
        return [s(sequenceOwnedBy(node.object))];
      case "function":
        return all([
          createFunction(node.object),
          ...decorations(target.function(node.object), node.object),
        ]);
      case "table":
        return all(this.#createTable(node as Extract<GraphNode, { kind: "table" }>));
      case "column": {
        const table = nameOf(node.table);
        const withDefault = node.object.default !== undefined;
        return all([
          `ALTER TABLE ${table} ADD COLUMN ${columnSql(node.object, withDefault)}`,
          ...commentChange(
            target.column(node.table.schema, node.table.name, node.object.name),
            undefined,
            node.object.comment,
          ),
        ]);
      }
      case "default":
        return [
          s(
            `ALTER TABLE ${nameOf(node.table)} ALTER COLUMN ${quoteIdent(node.object.name)} SET DEFAULT ${node.object.default}`,
          ),
        ];
      case "constraint":
        return all([
          addConstraint(node.object),
          ...commentChange(target.constraint(node.object), undefined, node.object.comment),
        ]);
      case "index":
        return all([
          createIndex(node.object),
          ...commentChange(target.index(node.object), undefined, node.object.comment),
        ]);
      case "view": {
        const v = node.object;
        return all([
          createView(v),
          ...decorations(target.view(v), v),
          ...v.columns.flatMap((c) =>
            commentChange(target.column(v.schema, v.name, c.name), undefined, c.comment),
          ),
        ]);
      }
      case "trigger":
        return all([
          ...createTrigger(node.object),
          ...commentChange(target.trigger(node.object), undefined, node.object.comment),
        ]);
      case "policy":
        return all([
          createPolicy(node.object),
          ...commentChange(target.policy(node.object), undefined, node.object.comment),
        ]);
    }
  }

  #createTable(node: Extract<GraphNode, { kind: "table" }>): string[] {
    const t = node.object;
    const constraints = (this.#b.children.get(node.key) ?? [])
      .map((k) => this.#b.nodes.get(k)!)
      .filter(
        (n): n is Extract<GraphNode, { kind: "constraint" }> =>
          n.kind === "constraint" && this.#inline(n),
      )
      .map((n) => n.object);
    return [
      createTable(t, constraints),
      ...(t.rowSecurity ? [`ALTER TABLE ${nameOf(t)} ENABLE ROW LEVEL SECURITY`] : []),
      ...(t.forceRowSecurity ? [`ALTER TABLE ${nameOf(t)} FORCE ROW LEVEL SECURITY`] : []),
      ...decorations(target.table(t), t),
      ...t.columns.flatMap((c) =>
        commentChange(target.column(t.schema, t.name, c.name), undefined, c.comment),
      ),
      ...constraints.flatMap((c) => commentChange(target.constraint(c), undefined, c.comment)),
    ];
  }

  #changeStatements(a: GraphNode, b: GraphNode): PlanStatement[] {
    if (b.kind === "view") return [{ sql: createView(b.object, true) }];
    if (b.kind === "function") return [{ sql: createFunction(b.object) }];
    if (b.kind === "table")
      return [
        ...this.#inheritance(a.object as TableDef, b.object),
        ...alterStatements(a, b, this.#retyped.get(b.key)),
      ];
    return alterStatements(a, b, this.#retyped.get(b.key));
  }

  /**
   * INHERIT needs the parent's columns in the child first; NO INHERIT leaves
   * them behind as the child's own, to drop when the desired table lacks them.
   */
  #inheritance(a: TableDef, b: TableDef): PlanStatement[] {
    const name = nameOf(b);
    const was = a.inherits ?? [];
    const now = b.inherits ?? [];
    const columnsOf = (graph: Graph, parents: readonly string[]) =>
      new Set(parents.flatMap((p) => this.#tableNamed(graph, p)?.columns.map((c) => c.name) ?? []));
    const out: PlanStatement[] = [];
    const kept = columnsOf(
      this.#b,
      now.filter((p) => was.includes(p)),
    );
    for (const parent of was.filter((p) => !now.includes(p))) {
      out.push({ sql: `ALTER TABLE ${name} NO INHERIT ${parent}` });
      for (const column of this.#tableNamed(this.#a, parent)?.columns ?? []) {
        // The table's own columns (merged with the parent's) are dropped or kept on their own.
        if (
          kept.has(column.name) ||
          b.columns.some((c) => c.name === column.name) ||
          a.columns.some((c) => c.name === column.name)
        )
          continue;
        out.push({
          sql: `ALTER TABLE ${name} DROP COLUMN ${quoteIdent(column.name)}`,
          destructive: true,
          note: `drops column ${name}.${quoteIdent(column.name)} (it came from ${parent}) and its data`,
        });
      }
    }
    const present = new Set([...a.columns.map((c) => c.name), ...columnsOf(this.#a, was)]);
    for (const parent of now.filter((p) => !was.includes(p))) {
      for (const column of this.#tableNamed(this.#b, parent)?.columns ?? []) {
        if (present.has(column.name)) continue;
        present.add(column.name);
        out.push({ sql: `ALTER TABLE ${name} ADD COLUMN ${columnSql(column, true)}` });
      }
      out.push({ sql: `ALTER TABLE ${name} INHERIT ${parent}` });
    }
    return out;
  }

  /** A new column of a kept table that a new parent has: added with the INHERIT (see #inheritance). */
  #addedWithInherit(node: GraphNode): boolean {
    if (node.kind !== "column" || this.#status.get(node.key) !== "added") return false;
    const before = this.#a.nodes.get(node.parent!);
    if (before?.kind !== "table") return false;
    const was = before.object.inherits ?? [];
    return (node.table.inherits ?? [])
      .filter((p) => !was.includes(p))
      .some((p) => this.#tableNamed(this.#b, p)?.columns.some((c) => c.name === node.object.name));
  }

  #tableNamed(graph: Graph, sqlName: string): TableDef | undefined {
    for (const node of graph.nodes.values())
      if (node.kind === "table" && nameOf(node.object) === sqlName) return node.object;
    return undefined;
  }

  /** COMMENT ON and GRANT/REVOKE for an object kept on both sides. */
  #decorationChanges(a: GraphNode, b: GraphNode): PlanStatement[] {
    const both = (
      t: Target,
      x: { comment?: string; grants?: readonly never[] | readonly object[] },
      y: typeof x,
    ) => [
      ...commentChange(t, x.comment, y.comment),
      ...grantChanges(t, x.grants as never, y.grants as never),
    ];
    let list: string[] = [];
    switch (b.kind) {
      case "schema":
        list = both(target.schema(b.object), a.object as never, b.object);
        break;
      case "type":
        list = both(target.type(b.object), a.object as never, b.object);
        break;
      case "collation":
        list = commentChange(
          target.collation(b.object),
          (a.object as typeof b.object).comment,
          b.object.comment,
        );
        break;
      case "sequence":
        list = both(target.sequence(b.object), a.object as never, b.object);
        break;
      case "table":
        list = both(target.table(b.object), a.object as never, b.object);
        break;
      case "function":
        list = both(target.function(b.object), a.object as never, b.object);
        break;
      case "view": {
        const v = b.object;
        const before = new Map((a.object as typeof v).columns.map((c) => [c.name, c.comment]));
        list = [
          ...both(target.view(v), a.object as never, v),
          ...v.columns.flatMap((c) =>
            commentChange(target.column(v.schema, v.name, c.name), before.get(c.name), c.comment),
          ),
        ];
        break;
      }
      case "column":
        list = commentChange(
          target.column(b.table.schema, b.table.name, b.object.name),
          (a.object as typeof b.object).comment,
          b.object.comment,
        );
        break;
      case "constraint":
        list = commentChange(
          target.constraint(b.object),
          (a.object as typeof b.object).comment,
          b.object.comment,
        );
        break;
      case "index":
        list = commentChange(
          target.index(b.object),
          (a.object as typeof b.object).comment,
          b.object.comment,
        );
        break;
      case "trigger":
        list = commentChange(
          target.trigger(b.object),
          (a.object as typeof b.object).comment,
          b.object.comment,
        );
        break;
      case "policy":
        list = commentChange(
          target.policy(b.object),
          (a.object as typeof b.object).comment,
          b.object.comment,
        );
        break;
      default:
        break;
    }
    return list.map((sql) => ({ sql }));
  }

  /** ADD COLUMN appends: say so when the desired schema has the new column elsewhere. */
  #warnColumnPositions(): void {
    for (const [key, node] of this.#b.nodes) {
      if (
        node.kind !== "column" ||
        this.#status.get(key) !== "added" ||
        this.#created(node.parent!)
      )
        continue;
      const later = node.table.columns.slice(node.position + 1);
      const kept = later.find((c) =>
        this.#a.nodes.has(`${node.parent!.replace(/^table:/, "column:")}.${quoteIdent(c.name)}`),
      );
      if (kept !== undefined)
        this.#warnings.push(
          `column ${nameOf(node.table)}.${quoteIdent(node.object.name)} is added at the end of the table, not before ${quoteIdent(kept.name)}`,
        );
    }
  }
}

/** The name a recreated type's old version goes by until it is dropped. */
function oldName(name: string): string {
  const suffix = "__pitstop_old";
  return name.slice(0, 63 - suffix.length) + suffix;
}
