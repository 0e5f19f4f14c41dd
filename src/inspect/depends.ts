import type { DependRow } from "./catalog.js";
import { objectKey } from "./ident.js";
import { keyOfObject } from "./keys.js";
import type { SchemaModel } from "./model.js";

/**
 * Turns pg_depend rows into model keys: which object (or column, or column
 * default) needs which other object. Catalog rows are registered first
 * (`register`), then every pg_depend row is resolved (`add`), then the
 * dependencies are written onto the model (`attach`).
 */
export class DependencyIndex {
  readonly #keys = new Map<string, string>();
  readonly #parents = new Map<string, string>();
  readonly #columns = new Map<string, string>();
  readonly #members = new Map<string, string>();
  readonly #aliases = new Map<string, string>();
  readonly #deps = new Map<string, Set<string>>();

  /** The object `oid` of catalog `cls` is `key`; `parent` is the table it sits on. */
  register(cls: string, oid: string, key: string, parent?: string): void {
    this.#keys.set(`${cls}:${oid}`, key);
    if (parent !== undefined) this.#parents.set(key, parent);
  }

  registerColumn(relid: string, num: number, key: string, parent: string): void {
    this.#columns.set(`${relid}:${num}`, key);
    if (key !== parent) this.#parents.set(key, parent);
  }

  /** The object belongs to an extension: depending on it means depending on the extension. */
  member(cls: string, oid: string, extensionKey: string): void {
    this.#members.set(`${cls}:${oid}`, extensionKey);
  }

  /** `oid` stands for `target` (an array type for its element type). */
  alias(cls: string, oid: string, target: string): void {
    this.#aliases.set(`${cls}:${oid}`, `${cls}:${target}`);
  }

  add(row: DependRow): void {
    const from = this.#resolve(row.cls, row.objid, row.objsubid);
    const to = this.#resolve(row.refcls, row.refobjid, row.refobjsubid);
    if (from === undefined || to === undefined || from === to) return;
    const parent = this.#parents.get(from);
    if (to === parent) return;
    // A default's own column, or a sequence's owning column (OWNED BY is kept on the sequence).
    if (from.startsWith("sequence:")) return;
    if (parent !== undefined && this.#parents.get(parent) === to) return;
    let set = this.#deps.get(from);
    if (set === undefined) {
      set = new Set();
      this.#deps.set(from, set);
    }
    set.add(to);
  }

  #resolve(cls: string, oid: string, subid: number): string | undefined {
    if (cls === "pg_class" && subid > 0) {
      const column = this.#columns.get(`${oid}:${subid}`);
      if (column !== undefined) return column;
    }
    const id = `${cls}:${oid}`;
    const alias = this.#aliases.get(id) ?? "";
    return (
      this.#keys.get(id) ??
      this.#keys.get(alias) ??
      this.#members.get(id) ??
      this.#members.get(alias)
    );
  }

  /** The model with `deps` (and columns' `deps`/`defaultDeps`) filled, keeping keys the model has. */
  attach(model: SchemaModel): SchemaModel {
    // Every object's and column's key, computed once.
    const keys = {} as Record<keyof SchemaModel, string[]>;
    const known = new Set<string>();
    for (const kind of Object.keys(model) as (keyof SchemaModel)[]) {
      keys[kind] = model[kind].map((object) => keyOfObject(kind, object as never));
      for (const key of keys[kind]) known.add(key);
    }
    const columnKeys = model.tables.map((t) =>
      t.columns.map((c) => objectKey.column(t.schema, t.name, c.name)),
    );
    for (const list of columnKeys) for (const key of list) known.add(key);
    const depsOf = (key: string): string[] | undefined => {
      const set = this.#deps.get(key);
      if (set === undefined) return undefined;
      const list = [...set].filter((k) => known.has(k) && k !== key).sort();
      return list.length > 0 ? list : undefined;
    };
    const withDeps = <T extends object>(kind: keyof SchemaModel, list: readonly T[]): T[] =>
      list.map((o, i) => {
        const deps = depsOf(keys[kind][i]!);
        return deps ? { ...o, deps } : { ...o };
      });
    return {
      ...model,
      types: withDeps("types", model.types),
      tables: model.tables.map((t, i) => {
        const deps = depsOf(keys.tables[i]!);
        return {
          ...t,
          ...(deps ? { deps } : {}),
          columns: t.columns.map((c, j) => {
            const key = columnKeys[i]![j]!;
            const d = depsOf(key);
            // defaultKeyOf(): the column's key with `default:` for `column:`.
            const dd = depsOf(`default:${key.slice("column:".length)}`);
            return { ...c, ...(dd ? { defaultDeps: dd } : {}), ...(d ? { deps: d } : {}) };
          }),
        };
      }),
      views: withDeps("views", model.views),
      functions: withDeps("functions", model.functions),
      constraints: withDeps("constraints", model.constraints),
      indexes: withDeps("indexes", model.indexes),
      triggers: withDeps("triggers", model.triggers),
      policies: withDeps("policies", model.policies),
    };
  }
}
