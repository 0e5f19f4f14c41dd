import { emptyModel, type SchemaModel } from "../inspect/model.js";
import { cascade } from "./cascade.js";
import { createActions } from "./creates.js";
import { type Action, type DiffState, newState } from "./diff-state.js";
import { dropActions } from "./drops.js";
import { buildGraph } from "./graph.js";
import { orderItems } from "./order.js";
import type { Plan, PlanStatement } from "./plan.js";
import { pairRenames } from "./rename-pairs.js";
import { classifyAll, enumConversions } from "./status.js";

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
  const st = newState(buildGraph(from), buildGraph(to));
  const statements = blocks(st).flat();
  if (statements.some((s) => createsSqlFunctionWithStringBody(s.sql)))
    statements.unshift({ sql: "SET LOCAL check_function_bodies = off" });
  return { statements, warnings: st.warnings };
}

/**
 * Everything in `model` created from nothing, one group of statements per object, in order.
 *
 * @example
 * const { blocks } = creationBlocks(await inspect(db));
 * const script = blocks.map((b) => b.map((s) => `${s.sql};`).join("\n")).join("\n\n");
 */
export function creationBlocks(model: SchemaModel): {
  blocks: PlanStatement[][];
  warnings: readonly string[];
} {
  const st = newState(buildGraph(emptyModel()), buildGraph(model));
  return { blocks: blocks(st), warnings: st.warnings };
}

/**
 * A `LANGUAGE sql` function whose body is a string: PostgreSQL checks the
 * body when it is created, so the tables it reads must exist first unless
 * `check_function_bodies` is off (plpgsql bodies are not checked; SQL-standard
 * bodies have real dependencies and are ordered by them).
 *
 * @example
 * createsSqlFunctionWithStringBody(createFunction(f)) // true for `LANGUAGE sql AS $function$...`
 */
export function createsSqlFunctionWithStringBody(sql: string): boolean {
  return (
    /^CREATE OR REPLACE (FUNCTION|PROCEDURE) /.test(sql) &&
    /\n LANGUAGE sql\n/.test(sql) &&
    /\nAS \$function/.test(sql)
  );
}

/**
 * The phases, in order: what happens to each object, renames, what must be
 * rebuilt with what changes; then the statements grouped by the object they
 * are about: drops of what others hang on (`pre`), creates and alters
 * (`main`), drops of what the rest no longer needs (`post`).
 */
function blocks(st: DiffState): PlanStatement[][] {
  classifyAll(st);
  enumConversions(st);
  pairRenames(st);
  cascade(st);
  const actions = [...dropActions(st), ...createActions(st)];
  const phase = (p: Action["phase"], direction: "create" | "drop") => {
    const ordered = orderItems(
      actions.filter((x) => x.phase === p),
      direction,
    );
    for (const c of ordered.cycles)
      st.warnings.push(
        `circular dependency around ${c.covers[0]}: check the order of the statements`,
      );
    return ordered.items.map((x) => x.statements).filter((list) => list.length > 0);
  };
  return [...phase("pre", "drop"), ...phase("main", "create"), ...phase("post", "drop")];
}
