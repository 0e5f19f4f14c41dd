import { displayName, list, qualified, relName, strings, unwrap } from "../ast.js";
import { LOCKS, q } from "../helpers.js";
import { indent, insertAfterKeyword } from "../rewrite.js";
import type { Hit, Rule, RuleContext } from "../types.js";

/** CREATE INDEX, DROP INDEX and REINDEX without CONCURRENTLY block writes (or everything) on an existing table. */
export const indexConcurrently: Rule = {
  id: "index-concurrently",
  severity: "error",
  kinds: ["IndexStmt", "DropStmt", "ReindexStmt"],
  summary: "CREATE INDEX, DROP INDEX or REINDEX without CONCURRENTLY on an existing table",
  lock: "CREATE INDEX: SHARE (blocks writes) for the whole build; DROP INDEX: ACCESS EXCLUSIVE; REINDEX: SHARE on the table and ACCESS EXCLUSIVE on the index",
  why: "Building an index reads the whole table; without CONCURRENTLY every INSERT, UPDATE and DELETE waits until it is done (minutes on a large table). DROP INDEX takes the table's strongest lock and waits behind every running query while queueing the rest.",
  fix: "Use CONCURRENTLY: it builds without blocking writes. pitstop sees it and runs the migration outside a transaction, statement by statement (keep such statements in a migration of their own):\n  CREATE INDEX CONCURRENTLY orders_user_id_idx ON orders (user_id);\n  DROP INDEX CONCURRENTLY orders_user_id_idx;",
  check(s, ctx) {
    if (s.kind === "IndexStmt") return createIndex(s.node, s.text, ctx);
    if (s.kind === "DropStmt" && s.node.removeType === "OBJECT_INDEX" && !s.node.concurrent)
      return dropIndex(s.node, s.text, ctx);
    if (s.kind === "ReindexStmt" && !s.facts.concurrent) return reindex(s.node, ctx);
    return undefined;
  },
};

/** The fix: the user's statement with CONCURRENTLY. */
function concurrently(text: string): { fix?: string } {
  const rewritten = insertAfterKeyword(text, "index", "CONCURRENTLY");
  if (!rewritten) return {};
  return {
    fix: `Use CONCURRENTLY: it does not block writes. pitstop runs a migration holding it outside a transaction, statement by statement (keep it in a migration of its own):\n${indent(rewritten)}`,
  };
}

function createIndex(
  node: Record<string, unknown>,
  text: string,
  ctx: RuleContext,
): Hit | undefined {
  const rel = relName(node.relation);
  if (node.concurrent || ctx.isNew(rel)) return undefined;
  const table = ctx.schema.table(rel);
  const name = typeof node.idxname === "string" ? ` ${node.idxname}` : "";
  // ON ONLY a partitioned table: an empty, invalid index, instant; the partitions' are built apart.
  if (table?.partitioned && (node.relation as { inh?: boolean } | undefined)?.inh !== true)
    return undefined;
  if (table?.partitioned)
    return {
      message: `CREATE INDEX${name} on partitioned table ${q(rel)} blocks writes to every partition while it builds`,
      lock: LOCKS.share(`${q(rel)} and each partition`),
      fix: `CONCURRENTLY is not supported on a partitioned table. Create the index on the parent only (instant), build it on each partition concurrently, then attach:\n  CREATE INDEX${name || " ix"} ON ONLY ${displayName(rel!)} (...);\n  CREATE INDEX CONCURRENTLY <partition>_ix ON <partition> (...);\n  ALTER INDEX${name || " ix"} ATTACH PARTITION <partition>_ix;`,
    };
  return {
    message: `CREATE ${node.unique ? "UNIQUE " : ""}INDEX${name} without CONCURRENTLY blocks writes to ${q(rel)} while it builds`,
    lock: LOCKS.share(q(rel)),
    ...concurrently(text),
  };
}

function dropIndex(node: Record<string, unknown>, text: string, ctx: RuleContext): Hit[] {
  const hits: Hit[] = [];
  for (const o of list(node.objects)) {
    const rel = qualified(strings(unwrap(o, "List")?.items));
    const index = ctx.schema.index(rel);
    if (index && (index.created.migration === ctx.migration || ctx.isNew(index.table))) continue;
    const table = index ? q(`${index.table.name}`) : "its table";
    hits.push({
      message: `DROP INDEX ${rel ? displayName(rel) : ""} without CONCURRENTLY takes ACCESS EXCLUSIVE on ${table}`,
      lock: LOCKS.accessExclusive(table),
      ...concurrently(
        list(node.objects).length === 1 ? text : `DROP INDEX ${rel ? displayName(rel) : ""}`,
      ),
    });
  }
  return hits;
}

function reindex(node: Record<string, unknown>, ctx: RuleContext): Hit | undefined {
  const rel = relName(node.relation);
  if (node.kind === "REINDEX_OBJECT_TABLE" && ctx.isNew(rel)) return undefined;
  if (node.kind === "REINDEX_OBJECT_INDEX") {
    const index = ctx.schema.index(rel);
    if (index && (index.created.migration === ctx.migration || ctx.isNew(index.table)))
      return undefined;
  }
  const what = rel ? ` ${displayName(rel)}` : typeof node.name === "string" ? ` ${node.name}` : "";
  const object = String(node.kind ?? "").replace("REINDEX_OBJECT_", "");
  return {
    message: `REINDEX${what} without CONCURRENTLY blocks writes to the table and reads that use the index`,
    lock: "SHARE on the table (blocks writes) and ACCESS EXCLUSIVE on each index rebuilt (blocks queries that use it)",
    fix:
      ctx.pgVersion >= 12
        ? `REINDEX (CONCURRENTLY) ${object}${what}: pitstop runs it outside a transaction.`
        : "Before PostgreSQL 12 there is no REINDEX CONCURRENTLY: build a replacement with CREATE INDEX CONCURRENTLY, drop the old one with DROP INDEX CONCURRENTLY, and rename the new one.",
  };
}
