/** Column type changes on tables that hold rows: no rewrite when the bytes stay, else flagged. */
import { quoteIdent } from "../inspect/ident.js";
import type { ColumnDef } from "../inspect/model.js";
import type { ParsedStatement, Recipe, Relation } from "./online-context.js";
import { onlyCommand } from "./online-context.js";

/**
 * Whether PostgreSQL changes the type without touching a row (a
 * binary-coercible change it needs no USING for): a longer or unbounded
 * `varchar`, `varchar` <-> `text` without a limit, a larger `numeric`
 * precision with the same scale, a longer `bit varying`, `cidr` -> `inet`.
 *
 * @example
 * keepsBytes("character varying(40)", "text"); // true
 * keepsBytes("integer", "bigint");             // false: every row is rewritten
 */
export function keepsBytes(from: string, to: string): boolean {
  if (from === to) return true;
  if (from === "cidr" && to === "inet") return true;
  const varchar = /^(character varying|text)(?:\((\d+)\))?$/;
  const f = varchar.exec(from);
  const t = varchar.exec(to);
  if (f !== null && t !== null)
    return t[2] === undefined || (f[2] !== undefined && Number(t[2]) >= Number(f[2]));
  const bounded = /^(numeric|bit varying)(?:\((\d+)(?:,(\d+))?\))?$/;
  const fb = bounded.exec(from);
  const tb = bounded.exec(to);
  if (fb === null || tb === null || fb[1] !== tb[1]) return false;
  if (tb[2] === undefined) return true;
  if (fb[2] === undefined) return false;
  return (fb[3] ?? "0") === (tb[3] ?? "0") && Number(tb[2]) >= Number(fb[2]);
}

/** The column a type-change statement is about, with both sides' definitions. */
export function typeChange(
  s: ParsedStatement,
  ctx: Parameters<Recipe>[1],
): { rel: Relation; before: ColumnDef; after: ColumnDef; plainCast: boolean } | undefined {
  const only = onlyCommand(s);
  if (only?.subtype !== "AT_AlterColumnType" || typeof only.cmd.name !== "string") return undefined;
  const rel = ctx.relation(s.node.relation);
  if (rel === undefined) return undefined;
  const before = ctx.column(rel, only.cmd.name, "from");
  const after = ctx.column(rel, only.cmd.name, "to");
  if (before === undefined || after === undefined) return undefined;
  // `USING c::t`: the plain conversion (not through text, as for a recreated enum).
  const using = (only.cmd.def as { ColumnDef?: { raw_default?: Record<string, unknown> } })
    .ColumnDef?.raw_default;
  const cast = using?.TypeCast as { arg?: Record<string, unknown> } | undefined;
  const plainCast = cast?.arg?.ColumnRef !== undefined;
  return { rel, before, after, plainCast };
}

/**
 * A binary-coercible change is written without USING (PostgreSQL then
 * rewrites nothing); any other change of an existing table's column is
 * flagged with the expand/contract recipe.
 */
export const alterTypeOnline: Recipe = (s, ctx) => {
  const change = typeChange(s, ctx);
  if (change === undefined) return undefined;
  const { rel, before, after, plainCast } = change;
  const column = quoteIdent(after.name);
  if (plainCast && before.collation === after.collation && keepsBytes(before.type, after.type)) {
    const collate = after.collation ? ` COLLATE ${after.collation}` : "";
    return {
      statements: [
        {
          ...s.statement,
          sql: `ALTER TABLE ${rel.sql} ALTER COLUMN ${column} TYPE ${after.type}${collate}`,
        },
      ],
    };
  }
  if (!rel.existing) return undefined;
  return {
    statements: [
      {
        ...s.statement,
        lock: `ACCESS EXCLUSIVE on ${rel.sql} (rewrites it and its indexes)`,
        comment: expandContract(rel.sql, after.name, before.type, after.type),
      },
    ],
  };
};

function expandContract(table: string, column: string, from: string, to: string): string {
  const c = quoteIdent(column);
  const next = quoteIdent(`${column}_new`);
  return `pitstop: rewrite: ${table}.${c} ${from} -> ${to} rewrites ${table} and its indexes under ACCESS EXCLUSIVE (no reads, no writes until done).
On a big table, expand and contract over several deploys instead:
  1. ALTER TABLE ${table} ADD COLUMN ${next} ${to}; and keep it written (a trigger, or the application);
  2. backfill in batches: UPDATE ${table} SET ${next} = ${c}::${to} WHERE <key range> AND ${next} IS NULL;
  3. switch the application to ${next} (rename the two columns in one short transaction);
  4. drop the old column in a later release.`;
}
