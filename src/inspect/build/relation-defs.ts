import type { InheritRow, OidPairRow, RelationRow, SequenceOwnerRow } from "../catalog.js";
import type { SequenceDef, TableDef, ViewDef } from "../model.js";
import { type BuildContext, groupBy } from "./context.js";
import { sequenceDef } from "./sequences.js";
import { tableDef } from "./tables.js";
import { viewDef } from "./views.js";

/**
 * The sequences (but an identity column's), tables and views kept by the
 * filter; view rules registered for dependencies.
 *
 * @example
 * const { sequences, tables, views } = buildRelationDefs(rows, ctx);
 */
export function buildRelationDefs(
  rows: {
    readonly sequenceOwners: readonly SequenceOwnerRow[];
    readonly inherits: readonly InheritRow[];
    readonly rewrites: readonly OidPairRow[];
  },
  ctx: BuildContext,
): { sequences: SequenceDef[]; tables: TableDef[]; views: ViewDef[] } {
  const sequences: SequenceDef[] = [];
  const tables: TableDef[] = [];
  const views: ViewDef[] = [];
  const owners = new Map(rows.sequenceOwners.map((o) => [o.seq, o]));
  /** Identity columns' sequences, by `relid:num`. */
  const identities = new Map<string, RelationRow>();
  for (const o of rows.sequenceOwners) {
    const seq = o.deptype === "i" ? ctx.relations.get(o.seq) : undefined;
    if (seq !== undefined) identities.set(`${o.relid}:${o.num}`, seq.row);
  }
  const parents = groupBy(rows.inherits, (i) => i.child);
  for (const rel of ctx.relations.values()) {
    if (!rel.kept) continue;
    const g = ctx.grants.get(`pg_class:${rel.row.oid}`);
    if (rel.kind === "S") {
      const owner = owners.get(rel.row.oid);
      if (owner?.deptype === "i") continue; // an identity column's sequence
      sequences.push(sequenceDef(rel.row, owner, ctx.relations, ctx.columns, g));
    } else if (rel.kind === "r" || rel.kind === "p") {
      tables.push(
        tableDef(
          rel,
          parents.get(rel.row.oid) ?? [],
          ctx.relations,
          ctx.columns.get(rel.row.oid) ?? [],
          identities,
          g,
        ),
      );
    } else if (rel.kind === "v" || rel.kind === "m") {
      views.push(viewDef(rel.row, ctx.columns.get(rel.row.oid) ?? [], g));
    }
  }
  for (const r of rows.rewrites) {
    const rel = ctx.relations.get(r.target);
    if (rel !== undefined) ctx.deps.register("pg_rewrite", r.oid, rel.key);
  }
  return { sequences, tables, views };
}
