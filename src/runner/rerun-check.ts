import { PitstopError } from "../core/errors.js";
import { type Migration, migrationId } from "../core/migration.js";
import type { Session } from "../driver/driver.js";
import type { AnalyzedStatement } from "../sql/analyze.js";
import { parser } from "../sql/parser.js";
import { quoteIdent } from "../store/sql-text.js";
import type { RunContext } from "./run-context.js";

/** What to do with the statement an interrupted run stopped in. */
export type Rerun = { readonly run: true } | { readonly run: false; readonly reason: string };

const RUN: Rerun = { run: true };
/** The temporary index the expected definition is printed from; never committed. */
const PROBE_INDEX = "pitstop_index_probe";

type Node = Record<string, unknown>;

interface IndexRow {
  schema: string;
  name: string;
  valid: boolean;
  def: string;
}

/**
 * Before running again the statement an interrupted run stopped in (the
 * process or the server died, or it failed): clean up what it left half-done
 * and tell whether its effect is already there.
 *
 * - CREATE INDEX [CONCURRENTLY]: an INVALID index of that name (or, unnamed,
 *   of that definition) is dropped with DROP INDEX CONCURRENTLY and the
 *   statement runs; a valid one whose definition matches the statement's
 *   (as the server prints both) means the build finished after pitstop lost
 *   it: done. A valid one with another definition is an error.
 * - DROP INDEX [CONCURRENTLY]: none of the indexes left means done.
 * - REINDEX ... CONCURRENTLY: invalid `_ccnew`/`_ccold` leftovers are dropped.
 * - ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY: a partition no longer
 *   attached means done; one left "detach pending" is finished with FINALIZE.
 *
 * @example
 * const rerun = await prepareRerun(session, migration, statement, ctx);
 * if (!rerun.run) console.log(`already done: ${rerun.reason}`);
 */
export async function prepareRerun(
  session: Session,
  m: Migration,
  s: AnalyzedStatement,
  ctx: RunContext,
): Promise<Rerun> {
  switch (s.kind) {
    case "IndexStmt":
      return createIndex(session, m, s, ctx);
    case "DropStmt":
      return s.node.removeType === "OBJECT_INDEX" ? dropIndex(session, s.node) : RUN;
    case "ReindexStmt":
      await reindexLeftovers(session, m, s.node, ctx);
      return RUN;
    case "AlterTableStmt":
      return detachPartition(session, s.node, ctx);
    default:
      return RUN;
  }
}

async function createIndex(
  session: Session,
  m: Migration,
  s: AnalyzedStatement,
  ctx: RunContext,
): Promise<Rerun> {
  const relation = s.node.relation as Node | undefined;
  if (relation === undefined) return RUN;
  const table = relationText(relation);
  const name = typeof s.node.idxname === "string" ? s.node.idxname : undefined;
  const found = await indexesOn(session, table, name);
  if (found.length === 0) return RUN;
  const expected = await expectedDefinition(session, s, relation);
  const same = (row: IndexRow) => expected !== undefined && sameIndex(row.def, expected);
  for (const row of found.filter((r) => !r.valid && (name !== undefined || same(r))))
    await dropIndexConcurrently(
      session,
      m,
      row,
      ctx,
      "an interrupted CREATE INDEX left it invalid",
    );
  const valid = found.filter((r) => r.valid);
  const match = valid.find(same);
  if (match !== undefined) {
    return {
      run: false,
      reason: `index ${qualified(match)} exists, valid, with the statement's definition`,
    };
  }
  if (name === undefined || valid.length === 0 || s.node.if_not_exists === true) return RUN;
  const existing = valid[0]!;
  throw new PitstopError(
    "INDEX_EXISTS",
    `migration ${migrationId(m)} stopped while creating index ${qualified(existing)}; an index of that name exists with another definition: ${existing.def}${expected === undefined ? "" : ` (the migration's: ${expected})`}`,
    {
      hint: `If it is left from an earlier version of this migration, drop it (DROP INDEX CONCURRENTLY ${qualified(existing)}) and run \`pitstop up\` again; if it is meant to stay, record the outcome with \`pitstop force\`.`,
    },
  );
}

/** Indexes on `table` (optionally only the one named `name`), with the server's definition. */
async function indexesOn(
  session: Session,
  table: string,
  name: string | undefined,
): Promise<IndexRow[]> {
  const { rows } = await session.query<IndexRow>(
    `SELECT n.nspname AS schema, c.relname AS name, i.indisvalid AS valid, pg_get_indexdef(c.oid) AS def
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE i.indrelid = to_regclass($1) AND ($2::text IS NULL OR c.relname = $2)
      ORDER BY c.relname`,
    [table, name ?? null],
  );
  return rows;
}

/**
 * The definition the statement builds, as the server prints it: the same
 * CREATE INDEX on an empty temporary copy of the table (same name, so
 * qualified column references still resolve), in a transaction rolled back.
 * Undefined when the server refuses the copy (then nothing counts as done).
 */
async function expectedDefinition(
  session: Session,
  s: AnalyzedStatement,
  relation: Node,
): Promise<string | undefined> {
  const tail = textAfterRelation(s.text);
  if (tail === undefined) return undefined;
  const copy = quoteIdent(String(relation.relname));
  const unique = s.node.unique === true ? "UNIQUE " : "";
  await session.exec("BEGIN");
  try {
    await session.exec(
      `CREATE TEMP TABLE ${copy} (LIKE ${relationText(relation)});\nCREATE ${unique}INDEX ${PROBE_INDEX} ON pg_temp.${copy} ${tail}`,
    );
    const { rows } = await session.query<{ def: string }>(
      `SELECT pg_get_indexdef(c.oid) AS def FROM pg_class c
        WHERE c.relname = $1 AND c.relnamespace = pg_my_temp_schema()`,
      [PROBE_INDEX],
    );
    return rows[0]?.def;
  } catch {
    return undefined;
  } finally {
    await session.exec("ROLLBACK").catch(() => {});
  }
}

/** The statement text after `ON <table>`: access method, columns, INCLUDE, WITH, WHERE... */
function textAfterRelation(text: string): string | undefined {
  const pg = parser();
  const stmt = (pg.parseSync(text) as { stmts?: { stmt?: Node }[] }).stmts?.[0]?.stmt;
  const location = ((stmt?.IndexStmt as Node | undefined)?.relation as Node | undefined)?.location;
  if (typeof location !== "number") return undefined;
  const tokens = pg.scanSync(text).tokens;
  let at = tokens.findIndex((t) => t.start === location);
  if (at === -1) return undefined;
  while (tokens[at + 1]?.text === "." && tokens[at + 2] !== undefined) at += 2;
  return Buffer.from(text, "utf8").subarray(tokens[at]!.end).toString("utf8");
}

const INDEX_DEF =
  /^CREATE (UNIQUE )?INDEX (?:"(?:[^"]|"")+"|[^\s".]+) ON (?:ONLY )?(?:(?:"(?:[^"]|"")+"|[^\s".]+)\.)?(?:"(?:[^"]|"")+"|[^\s".]+) (USING .*)$/s;

/** Same uniqueness and the same definition after `ON <table>`; names and schemas aside. */
function sameIndex(actual: string, expected: string): boolean {
  const a = INDEX_DEF.exec(actual);
  const e = INDEX_DEF.exec(expected);
  return a !== null && e !== null && a[1] === e[1] && a[2] === e[2];
}

async function dropIndex(session: Session, node: Node): Promise<Rerun> {
  const names = ((node.objects as Node[] | undefined) ?? []).map((o) =>
    (((o.List as Node | undefined)?.items as Node[] | undefined) ?? []).map((i) =>
      String((i.String as Node | undefined)?.sval),
    ),
  );
  if (names.length === 0) return RUN;
  const texts = names.map((parts) => parts.map(quoteIdent).join("."));
  const { rows } = await session.query<{ left: number }>(
    "SELECT count(to_regclass(name))::int AS left FROM unnest($1::text[]) AS name",
    [texts],
  );
  if ((rows[0]?.left ?? 1) > 0) return RUN;
  return { run: false, reason: `index ${texts.join(", ")} no longer exists` };
}

/**
 * DETACH PARTITION CONCURRENTLY runs in two transactions; interrupted after
 * the first, the partition stays "detach pending" and running the statement
 * again fails: PostgreSQL's way out is DETACH PARTITION ... FINALIZE.
 */
async function detachPartition(session: Session, node: Node, ctx: RunContext): Promise<Rerun> {
  const cmds = (node.cmds as Node[] | undefined) ?? [];
  const only = cmds.length === 1 ? (cmds[0]!.AlterTableCmd as Node | undefined) : undefined;
  const partition = ((only?.def as Node | undefined)?.PartitionCmd as Node | undefined) ?? {};
  const parent = node.relation as Node | undefined;
  if (only?.subtype !== "AT_DetachPartition" || partition.concurrent !== true || !parent)
    return RUN;
  const parentText = relationText(parent);
  const childText = relationText(partition.name as Node);
  const { rows } = await session.query<{ pending: boolean | null; exists: boolean }>(
    `SELECT to_regclass($2) IS NOT NULL AS exists,
            (SELECT inhdetachpending FROM pg_inherits
              WHERE inhrelid = to_regclass($2) AND inhparent = to_regclass($1)) AS pending`,
    [parentText, childText],
  );
  const row = rows[0];
  if (!row?.exists || row.pending === false) return RUN;
  if (row.pending === true) {
    await withoutLockTimeout(
      session,
      ctx,
      `ALTER TABLE ${parentText} DETACH PARTITION ${childText} FINALIZE`,
    );
    return { run: false, reason: `partition ${childText} was left detach pending: finalized` };
  }
  return { run: false, reason: `partition ${childText} is no longer attached to ${parentText}` };
}

/**
 * REINDEX CONCURRENTLY builds `<index>_ccnew` beside each index, swaps, and
 * drops the old one as `<index>_ccold`; interrupted, those stay behind as
 * invalid indexes that slow every write. Only invalid ones are dropped.
 */
async function reindexLeftovers(
  session: Session,
  m: Migration,
  node: Node,
  ctx: RunContext,
): Promise<void> {
  const concurrent = ((node.params as Node[] | undefined) ?? []).some(
    (p) => (p.DefElem as Node | undefined)?.defname === "concurrently",
  );
  const relation = node.relation as Node | undefined;
  if (!concurrent || relation === undefined) return;
  const target = relationText(relation);
  const table =
    node.kind === "REINDEX_OBJECT_INDEX"
      ? "(SELECT indrelid FROM pg_index WHERE indexrelid = to_regclass($1))"
      : node.kind === "REINDEX_OBJECT_TABLE"
        ? "to_regclass($1)"
        : undefined;
  if (table === undefined) return;
  const leftover =
    node.kind === "REINDEX_OBJECT_INDEX"
      ? new RegExp(`^${escapeRegExp(String(relation.relname))}_cc(new|old)[0-9]*$`)
      : /_cc(new|old)[0-9]*$/;
  const { rows } = await session.query<{ schema: string; name: string }>(
    `SELECT n.nspname AS schema, c.relname AS name
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT i.indisvalid AND i.indrelid = ${table}
      ORDER BY c.relname`,
    [target],
  );
  for (const row of rows.filter((r) => leftover.test(r.name)))
    await dropIndexConcurrently(
      session,
      m,
      row,
      ctx,
      "an interrupted REINDEX CONCURRENTLY left this invalid copy",
    );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

async function dropIndexConcurrently(
  session: Session,
  m: Migration,
  row: { schema: string; name: string },
  ctx: RunContext,
  reason: string,
): Promise<void> {
  const sql = `DROP INDEX CONCURRENTLY IF EXISTS ${qualified(row)}`;
  ctx.onEvent({ type: "cleanup", migration: m, sql, reason });
  // Waits for transactions using the table, like the build did; never times out on a lock.
  await withoutLockTimeout(session, ctx, sql);
}

/**
 * Runs `sql` with lock_timeout off and puts the session's setting back. Behind
 * a pooler no session setting is made (it would stay on a pooled server
 * connection); the server's default applies there.
 */
async function withoutLockTimeout(session: Session, ctx: RunContext, sql: string): Promise<void> {
  if (ctx.pooled) return void (await session.exec(sql));
  await session.exec("SET lock_timeout = 0");
  try {
    await session.exec(sql);
  } finally {
    await session.exec("RESET lock_timeout").catch(() => {});
  }
}

function relationText(relation: Node): string {
  const parts = [relation.schemaname, relation.relname].filter(
    (p): p is string => typeof p === "string",
  );
  return parts.map(quoteIdent).join(".");
}

function qualified(row: { schema: string; name: string }): string {
  return `${quoteIdent(row.schema)}.${quoteIdent(row.name)}`;
}
