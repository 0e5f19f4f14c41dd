/**
 * The online form of a plan: what `pitstop diff` writes for a database that
 * production is using. Each change to a table that already exists (it is in
 * `from` and the plan has not created it) takes the form that does not block
 * traffic; new tables keep the plain statements. Each recipe is a file.
 */
import type { SchemaModel } from "../inspect/model.js";
import { splitSql } from "../sql/split.js";
import { addConstraintNotValid, uniqueUsingIndex, validateApart } from "./online-constraint.js";
import { OnlineContext, type ParsedStatement, type Recipe } from "./online-context.js";
import { flagNoOnlineForm } from "./online-flags.js";
import { createIndexConcurrently, dropIndexConcurrently } from "./online-index.js";
import { setNotNullByCheck } from "./online-not-null.js";
import {
  partitionedForeignKey,
  partitionedIndex,
  partitionedIndexDrop,
  partitionedUnique,
} from "./online-partitioned.js";
import { swapRebuiltIndexes } from "./online-swap.js";
import { alterTypeOnline } from "./online-type.js";
import type { Plan, PlanStatement } from "./plan.js";

const RECIPES: readonly Recipe[] = [
  partitionedIndex,
  partitionedIndexDrop,
  partitionedUnique,
  partitionedForeignKey,
  createIndexConcurrently,
  dropIndexConcurrently,
  addConstraintNotValid,
  validateApart,
  uniqueUsingIndex,
  setNotNullByCheck,
  alterTypeOnline,
  flagNoOnlineForm,
];

const CREATES = new Set(["CreateStmt", "CreateTableAsStmt"]);

/**
 * `plan` (from `diff(from, to)`) in its online form. When a step needs a
 * transaction of its own (CONCURRENTLY, VALIDATE), the plan is marked
 * `noTransaction`: the file's section says so and the runner runs it
 * statement by statement, recording progress after each. Call
 * `loadParser()` first.
 *
 * @example
 * await loadParser();
 * const up = onlinePlan(diff(from, to), from, to);
 * const down = onlinePlan(diff(to, from), to, from);
 */
export function onlinePlan(plan: Plan, from: SchemaModel, to: SchemaModel): Plan {
  // Nothing exists yet (a new database): every table is new, anything goes.
  if (from.tables.length === 0 && from.views.every((v) => !v.materialized)) return plan;
  const ctx = new OnlineContext(from, to);
  const out: PlanStatement[] = [];
  let separate = false;
  for (const statement of plan.statements) {
    const parsed = parse(statement);
    if (parsed === undefined) {
      out.push(statement);
      continue;
    }
    if (CREATES.has(parsed.kind))
      ctx.created(
        parsed.kind === "CreateStmt"
          ? parsed.node.relation
          : (parsed.node.into as { rel?: unknown } | undefined)?.rel,
      );
    const rewritten = firstRecipe(parsed, ctx);
    if (rewritten === undefined) {
      out.push(statement);
      continue;
    }
    out.push(...rewritten.statements);
    if (rewritten.separate) separate = true;
  }
  if (!separate) return { ...plan, statements: out };
  return {
    ...plan,
    statements: swapRebuiltIndexes(out).map(sessionSetting),
    noTransaction: true,
  };
}

function firstRecipe(s: ParsedStatement, ctx: OnlineContext) {
  for (const recipe of RECIPES) {
    const r = recipe(s, ctx);
    if (r !== undefined) return r;
  }
  return undefined;
}

/** What a recipe may be about (or a table the plan creates): the rest is not parsed at all. */
const RELEVANT =
  /^(CREATE (UNIQUE )?INDEX|DROP INDEX|ALTER TABLE|CREATE (UNLOGGED )?TABLE|CREATE MATERIALIZED VIEW)\b/;

function parse(statement: PlanStatement): ParsedStatement | undefined {
  if (!RELEVANT.test(statement.sql)) return undefined;
  const parsed = splitSql(statement.sql).statements;
  if (parsed.length !== 1) return undefined;
  return { statement, kind: parsed[0]!.kind, node: parsed[0]!.node };
}

/** Outside a transaction `SET LOCAL` does nothing: the session setting (the runner resets it after). */
function sessionSetting(s: PlanStatement): PlanStatement {
  return s.sql.startsWith("SET LOCAL ")
    ? { ...s, sql: `SET ${s.sql.slice("SET LOCAL ".length)}` }
    : s;
}
