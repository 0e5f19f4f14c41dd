/**
 * Partitioned tables that hold rows: CONCURRENTLY and (before PostgreSQL 18)
 * a NOT VALID foreign key are refused on the parent, so the work is done on
 * each partition with the online forms, and the parent's index or constraint
 * then only attaches what the partitions have (a brief lock, no scan, no
 * build). Checked on PostgreSQL 15: an index made `ON ONLY` the parent is
 * invalid until every partition's index is attached; `ADD CONSTRAINT ...
 * UNIQUE` / `PRIMARY KEY` / `FOREIGN KEY` on the parent adopts each
 * partition's matching constraint (same index file, no validation scan).
 */
import { quoteIdent } from "../inspect/ident.js";
import type { TableDef } from "../inspect/model.js";
import type { OnlineContext, Recipe, Relation } from "./online-context.js";
import {
  addedKeyConstraint,
  droppedIndex,
  identifier,
  names,
  onlyCommand,
} from "./online-context.js";
import type { PlanStatement } from "./plan.js";

/** A partitioned table or partition kept by the plan, with its partitions. */
interface Part {
  readonly rel: Relation;
  /** Itself partitioned (maybe with no partitions yet), or a leaf that holds rows. */
  readonly partitioned: boolean;
  readonly children: readonly Part[];
}

/**
 * `CREATE INDEX` on an existing partitioned table: the index `ON ONLY` each
 * partitioned level (instant, invalid), `CREATE INDEX CONCURRENTLY` on each
 * leaf partition, then `ALTER INDEX ... ATTACH PARTITION` from the bottom up
 * (each level becomes valid when all its partitions are attached).
 *
 * @example
 * // CREATE INDEX events_kind_idx ON events USING btree (kind)
 * // -> CREATE INDEX events_kind_idx ON ONLY events USING btree (kind);
 * //    CREATE INDEX CONCURRENTLY events_2024_events_kind_idx ON events_2024 USING btree (kind);
 * //    ALTER INDEX events_kind_idx ATTACH PARTITION events_2024_events_kind_idx
 */
export const partitionedIndex: Recipe = (s, ctx) => {
  if (s.kind !== "IndexStmt" || s.node.concurrent || typeof s.node.idxname !== "string")
    return undefined;
  const rel = ctx.relation(s.node.relation);
  if (!rel?.existing || !rel.partitioned) return undefined;
  const tree = partitionTree(ctx, rel);
  const head = s.statement.sql.match(/^CREATE (UNIQUE )?INDEX /)?.[0];
  const on = ` ON ${rel.sql} USING `;
  const at = s.statement.sql.indexOf(on);
  if (tree === undefined || head === undefined || at < 0) return undefined;
  const using = s.statement.sql.slice(at + on.length);
  const out: PlanStatement[] = [];
  const build = (part: Part, name: string) => {
    if (!part.partitioned) {
      out.push({
        sql: `${head}CONCURRENTLY ${quoteIdent(name)} ON ${part.rel.sql} USING ${using}`,
      });
      return;
    }
    out.push({ sql: `${head}${quoteIdent(name)} ON ONLY ${part.rel.sql} USING ${using}` });
    for (const child of part.children) {
      const childName = identifier(`${child.rel.name}_${s.node.idxname}`);
      build(child, childName);
      out.push({
        sql: `ALTER INDEX ${indexName(part.rel, name)} ATTACH PARTITION ${indexName(child.rel, childName)}`,
      });
    }
  };
  build(tree, s.node.idxname);
  out[0] = { ...s.statement, sql: out[0]!.sql };
  return { statements: out, separate: true };
};

/**
 * UNIQUE and PRIMARY KEY on an existing partitioned table: on each leaf
 * partition a unique index built concurrently and made its constraint with
 * `USING INDEX`; then the parent's `ADD CONSTRAINT` adopts them (PostgreSQL
 * refuses `USING INDEX` on a partitioned table, and attaches a partition's
 * index only when it carries a matching constraint). A primary key's columns
 * are NOT NULL by then (the NOT NULL recipe runs before it in the plan).
 *
 * @example
 * // ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY (id, at)
 * // -> CREATE UNIQUE INDEX CONCURRENTLY events_2024_events_pkey ON events_2024 USING btree (id, at);
 * //    ALTER TABLE events_2024 ADD CONSTRAINT events_2024_events_pkey PRIMARY KEY USING INDEX events_2024_events_pkey;
 * //    ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY (id, at)
 */
export const partitionedUnique: Recipe = (s, ctx) => {
  const c = addedKeyConstraint(s);
  if (c === undefined) return undefined;
  // Deferrable keys, storage options and tablespaces stay flagged: rare, and matched less surely.
  if (c.options !== undefined || c.indexspace !== undefined || c.deferrable) return undefined;
  const rel = ctx.relation(s.node.relation);
  const tree = rel?.existing && rel.partitioned ? partitionTree(ctx, rel) : undefined;
  if (rel === undefined || tree === undefined) return undefined;
  const keys = names(c.keys).map(quoteIdent).join(", ");
  const including = names(c.including);
  const tail = [
    including.length > 0 ? ` INCLUDE (${including.map(quoteIdent).join(", ")})` : "",
    c.nulls_not_distinct ? " NULLS NOT DISTINCT" : "",
  ].join("");
  const kind = c.contype === "CONSTR_PRIMARY" ? "PRIMARY KEY" : "UNIQUE";
  const out: PlanStatement[] = [];
  for (const leaf of leaves(tree)) {
    const name = quoteIdent(identifier(`${leaf.name}_${c.conname}`));
    out.push(
      {
        sql: `CREATE UNIQUE INDEX CONCURRENTLY ${name} ON ${leaf.sql} USING btree (${keys})${tail}`,
      },
      { sql: `ALTER TABLE ${leaf.sql} ADD CONSTRAINT ${name} ${kind} USING INDEX ${name}` },
    );
  }
  out.push({
    ...s.statement,
    comment: `pitstop-lint-ignore unique-using-index: every partition of ${rel.sql} has this key's index, built concurrently above; this adopts them without a build (USING INDEX is refused on a partitioned table).`,
    lock: `ACCESS EXCLUSIVE on ${rel.sql} (brief: adopts the partitions' indexes)`,
  });
  return { statements: out, separate: true };
};

/**
 * FOREIGN KEY on an existing partitioned table (PostgreSQL before 18 refuses
 * it NOT VALID there): on each leaf partition added NOT VALID and validated
 * in its own transaction; then the parent's `ADD CONSTRAINT` adopts them
 * without scanning again.
 *
 * @example
 * // ALTER TABLE events ADD CONSTRAINT events_account_fkey FOREIGN KEY (account) REFERENCES accounts(id)
 * // -> ALTER TABLE events_2024 ADD CONSTRAINT events_2024_events_account_fkey FOREIGN KEY (account) REFERENCES accounts(id) NOT VALID;
 * //    ALTER TABLE events_2024 VALIDATE CONSTRAINT events_2024_events_account_fkey;
 * //    ALTER TABLE events ADD CONSTRAINT events_account_fkey FOREIGN KEY (account) REFERENCES accounts(id)
 */
export const partitionedForeignKey: Recipe = (s, ctx) => {
  const only = onlyCommand(s);
  if (only?.subtype !== "AT_AddConstraint") return undefined;
  const c = (only.cmd.def as { Constraint?: Record<string, unknown> } | undefined)?.Constraint;
  if (c?.contype !== "CONSTR_FOREIGN" || c.skip_validation || typeof c.conname !== "string")
    return undefined;
  const rel = ctx.relation(s.node.relation);
  const tree = rel?.existing && rel.partitioned ? partitionTree(ctx, rel) : undefined;
  const prefix = `ALTER TABLE ${rel?.sql} ADD CONSTRAINT ${quoteIdent(c.conname)} `;
  if (rel === undefined || tree === undefined || !s.statement.sql.startsWith(prefix))
    return undefined;
  const definition = s.statement.sql.slice(prefix.length);
  const out: PlanStatement[] = [];
  for (const leaf of leaves(tree)) {
    const name = quoteIdent(identifier(`${leaf.name}_${c.conname}`));
    out.push(
      { sql: `ALTER TABLE ${leaf.sql} ADD CONSTRAINT ${name} ${definition} NOT VALID` },
      { sql: `ALTER TABLE ${leaf.sql} VALIDATE CONSTRAINT ${name}` },
    );
  }
  out.push({
    ...s.statement,
    comment: `pitstop-lint-ignore constraint-not-valid: every partition of ${rel.sql} has this key, validated above; this adopts them without a scan (a NOT VALID foreign key is refused on a partitioned table before PostgreSQL 18).`,
    lock: `SHARE ROW EXCLUSIVE on ${rel.sql} and the referenced table (brief: adopts the partitions' keys)`,
  });
  return { statements: out, separate: true };
};

/**
 * `DROP INDEX` of a partitioned table's index has no online form:
 * PostgreSQL refuses CONCURRENTLY on it, and a partition's index can be
 * neither dropped nor detached on its own. It stays, flagged.
 */
export const partitionedIndexDrop: Recipe = (s, ctx) => {
  const rel = droppedIndex(s, ctx)?.table;
  if (!rel?.existing || !rel.partitioned) return undefined;
  return {
    statements: [
      {
        ...s.statement,
        comment: `pitstop: locks: ${rel.sql} is partitioned: DROP INDEX CONCURRENTLY is refused on its index, and a partition's index cannot be dropped or detached on its own.
This takes ACCESS EXCLUSIVE on ${rel.sql} and every partition, briefly (nothing is scanned): it waits behind running queries and queues the rest, so keep a short lock_timeout and retry.`,
        lock: `ACCESS EXCLUSIVE on ${rel.sql} and its partitions (brief)`,
      },
    ],
  };
};

/**
 * The partitions of `rel`, down to the leaves, when the plan keeps them all
 * as they are (none added, removed or recreated on the way); otherwise
 * undefined and the statement stays flagged.
 */
function partitionTree(ctx: OnlineContext, rel: Relation): Part | undefined {
  const of = (tables: readonly TableDef[]) =>
    tables
      .filter((t) => t.partitionOf?.parent === rel.sql)
      .map((t) => `${t.schema}\u0000${t.name}\u0000${t.kind}`)
      .sort();
  const before = of(ctx.from.tables);
  if (before.join("\n") !== of(ctx.to.tables).join("\n")) return undefined;
  const children: Part[] = [];
  for (const key of before) {
    const [schema, name, kind] = key.split("\u0000") as [string, string, string];
    const child = ctx.named(schema, name);
    if (!child.existing) return undefined;
    const sub =
      kind === "partitioned"
        ? partitionTree(ctx, child)
        : { rel: child, partitioned: false, children: [] };
    if (sub === undefined) return undefined;
    children.push(sub);
  }
  return { rel, partitioned: true, children };
}

function leaves(part: Part): Relation[] {
  return part.partitioned ? part.children.flatMap(leaves) : [part.rel];
}

/** An index lives in its table's schema. */
function indexName(table: Relation, name: string): string {
  return table.schema === "public"
    ? quoteIdent(name)
    : `${quoteIdent(table.schema)}.${quoteIdent(name)}`;
}
