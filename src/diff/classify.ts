import { sameQuery } from "../sql/canonical.js";
import type { GraphNode } from "./graph.js";

/**
 * How an object present on both sides changed:
 * - `same`: nothing to do (comments and grants are compared apart);
 * - `changed`: altered in place (ALTER ..., CREATE OR REPLACE ...);
 * - `recreate`: dropped and created again, and so is everything that needs it;
 * - `retype`: a type swapped for a new one under the same name (enum values
 *   removed or reordered, a domain's base type changed): the old one is
 *   renamed, the new one created, columns converted, the old one dropped.
 */
export type Change = "same" | "changed" | "recreate" | "retype";

export interface Classified {
  readonly change: Change;
  /** A column whose type or collation changes: what reads it must be rebuilt. */
  readonly typeChanged?: boolean;
}

const same: Classified = { change: "same" };
const changed: Classified = { change: "changed" };
const recreate: Classified = { change: "recreate" };

function eq(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function withoutNotValid(definition: string): string {
  return definition.endsWith(" NOT VALID") ? definition.slice(0, -" NOT VALID".length) : definition;
}

/** Labels of `a` appear in `b` in the same order: `b` only adds values. */
export function onlyAddsLabels(a: readonly string[], b: readonly string[]): boolean {
  let i = 0;
  for (const label of b) if (label === a[i]) i++;
  return i === a.length;
}

export function classify(a: GraphNode, b: GraphNode): Classified {
  if (a.kind !== b.kind) return recreate;
  switch (a.kind) {
    case "schema":
      return same;
    case "collation": {
      const { comment: _x, ...x } = a.object;
      const { comment: _y, ...y } = b.object as typeof a.object;
      return eq(x, y) ? same : recreate;
    }
    case "extension":
      // Not the version: it is the server's (its packages), not the schema's.
      return a.object.schema === (b.object as typeof a.object).schema ? same : changed;
    case "type": {
      const x = a.object;
      const y = b.object as typeof x;
      if (x.kind !== y.kind) return recreate;
      if (x.kind === "enum" && y.kind === "enum") {
        if (eq(x.labels, y.labels)) return same;
        return onlyAddsLabels(x.labels, y.labels) ? changed : { change: "retype" };
      }
      if (x.kind === "domain" && y.kind === "domain") {
        if (x.type !== y.type || x.collation !== y.collation) return { change: "retype" };
        return eq([x.default, x.notNull, x.checks], [y.default, y.notNull, y.checks])
          ? same
          : changed;
      }
      if (x.kind === "composite" && y.kind === "composite")
        return eq(x.attributes, y.attributes) ? same : changed;
      if (x.kind === "range" && y.kind === "range")
        return eq([x.subtype, x.options], [y.subtype, y.options]) ? same : recreate;
      return recreate;
    }
    case "sequence": {
      const x = a.object;
      const y = b.object as typeof x;
      const settings = (s: typeof x) => [
        s.type,
        s.start,
        s.increment,
        s.min,
        s.max,
        s.cache,
        s.cycle,
      ];
      return eq(settings(x), settings(y)) ? same : changed;
    }
    case "seqowner":
      return eq(a.object.ownedBy, (b.object as typeof a.object).ownedBy) ? same : changed;
    case "table": {
      const x = a.object;
      const y = b.object as typeof x;
      if (x.kind !== y.kind || x.partitionBy !== y.partitionBy) return recreate;
      if ((x.partitionOf === undefined) !== (y.partitionOf === undefined)) return recreate;
      const attrs = (t: typeof x) => [
        t.unlogged,
        t.partitionOf,
        t.inherits,
        t.options,
        t.rowSecurity,
        t.forceRowSecurity,
      ];
      return eq(attrs(x), attrs(y)) ? same : changed;
    }
    case "column": {
      const x = a.object;
      const y = b.object as typeof x;
      if (!eq(x.generated, y.generated) && y.generated !== undefined) return recreate;
      const typeChanged = x.type !== y.type || x.collation !== y.collation;
      if (typeChanged) return { change: "changed", typeChanged: true };
      return eq([x.notNull, x.identity, x.generated], [y.notNull, y.identity, y.generated])
        ? same
        : changed;
    }
    case "default":
      return a.object.default === (b.object as typeof a.object).default ? same : changed;
    case "constraint": {
      const x = a.object.definition;
      const y = (b.object as typeof a.object).definition;
      if (x === y) return same;
      const validates = x.endsWith(" NOT VALID") && !y.endsWith(" NOT VALID");
      return validates && withoutNotValid(x) === y ? changed : recreate;
    }
    case "index":
      return a.object.definition === (b.object as typeof a.object).definition ? same : recreate;
    case "view": {
      const x = a.object;
      const y = b.object as typeof x;
      if (
        eq([x.materialized, x.options], [y.materialized, y.options]) &&
        sameQuery(x.query, y.query)
      )
        return same;
      if (x.materialized || y.materialized || !eq(x.options, y.options)) return recreate;
      // CREATE OR REPLACE VIEW may only add columns at the end, with the old ones unchanged.
      const prefix = x.columns.every(
        (c, i) => y.columns[i]?.name === c.name && y.columns[i]?.type === c.type,
      );
      return prefix ? changed : recreate;
    }
    case "function": {
      const x = a.object;
      const y = b.object as typeof x;
      if (x.definition === y.definition) return same;
      return x.kind === y.kind && x.returns === y.returns && x.signature === y.signature
        ? changed
        : recreate;
    }
    case "trigger": {
      const x = a.object;
      const y = b.object as typeof x;
      if (x.definition !== y.definition) return recreate;
      return x.enabled === y.enabled ? same : changed;
    }
    case "policy": {
      const strip = ({ comment: _c, deps: _d, ...rest }: typeof a.object) => rest;
      return eq(strip(a.object), strip(b.object as typeof a.object)) ? same : recreate;
    }
  }
}
