import type { SchemaModel } from "./model.js";

/** A comparator by a string key, in code-point order (never locale-dependent). */
export function byKey<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

const SEP = "\u0000";

/** Every list of the model in a stable order, so equal schemas give deep-equal models. */
export function sortModel(m: SchemaModel): SchemaModel {
  return {
    schemas: [...m.schemas].sort(byKey((s) => s.name)),
    extensions: [...m.extensions].sort(byKey((e) => e.name)),
    collations: [...m.collations].sort(byKey((c) => c.schema + SEP + c.name)),
    types: [...m.types].sort(byKey((t) => t.schema + SEP + t.name)),
    sequences: [...m.sequences].sort(byKey((s) => s.schema + SEP + s.name)),
    tables: [...m.tables].sort(byKey((t) => t.schema + SEP + t.name)),
    views: [...m.views].sort(byKey((v) => v.schema + SEP + v.name)),
    functions: [...m.functions].sort(byKey((f) => f.schema + SEP + f.name + SEP + f.args)),
    constraints: [...m.constraints].sort(byKey((c) => c.schema + SEP + c.table + SEP + c.name)),
    indexes: [...m.indexes].sort(byKey((i) => i.schema + SEP + i.name)),
    triggers: [...m.triggers].sort(byKey((t) => t.schema + SEP + t.table + SEP + t.name)),
    policies: [...m.policies].sort(byKey((p) => p.schema + SEP + p.table + SEP + p.name)),
  };
}
