/** Which statements of a plain plan lock a table that already exists, and how (for `schema apply`). */
import type { SchemaModel } from "../inspect/model.js";
import { splitSql } from "../sql/split.js";
import { OnlineContext, type ParsedStatement, type Relation } from "./online-context.js";
import { keepsBytes, typeChange } from "./online-type.js";
import type { Plan } from "./plan.js";

type Cmd = { subtype: string; cmd: Record<string, unknown> };

/**
 * `plan` with `lock` set on each statement that takes a lock blocking
 * reads or writes of a table in `from` (the plan's own new tables are
 * left out), e.g. `ACCESS EXCLUSIVE on users (scans it)`. Call
 * `loadParser()` first.
 *
 * @example
 * for (const s of withLocks(diff(live, desired), live, desired).statements)
 *   if (s.lock) console.log(`${s.lock}: ${s.sql}`);
 */
export function withLocks(plan: Plan, from: SchemaModel, to: SchemaModel): Plan {
  const ctx = new OnlineContext(from, to);
  const statements = plan.statements.map((statement) => {
    const parsed = splitSql(statement.sql).statements;
    if (parsed.length !== 1) return statement;
    const s = { statement, kind: parsed[0]!.kind, node: parsed[0]!.node };
    if (s.kind === "CreateStmt") ctx.created(s.node.relation);
    const lock = statement.lock ?? lockOf(s, ctx);
    return lock === undefined ? statement : { ...statement, lock };
  });
  return { ...plan, statements };
}

function lockOf(s: ParsedStatement, ctx: OnlineContext): string | undefined {
  const n = s.node;
  switch (s.kind) {
    case "IndexStmt": {
      const rel = ctx.relation(n.relation);
      return rel?.existing && !n.concurrent
        ? `SHARE on ${rel.sql} (blocks writes while the index builds)`
        : undefined;
    }
    case "DropStmt":
      return dropLock(n, ctx);
    case "RenameStmt":
    case "CreateTrigStmt": {
      const rel = ctx.relation(n.relation);
      if (!rel?.existing) return undefined;
      return s.kind === "RenameStmt"
        ? `ACCESS EXCLUSIVE on ${rel.sql} (brief)`
        : `SHARE ROW EXCLUSIVE on ${rel.sql} (brief, blocks writes)`;
    }
    case "AlterTableStmt":
      return alterLock(s, ctx);
    default:
      return undefined;
  }
}

function dropLock(n: Record<string, unknown>, ctx: OnlineContext): string | undefined {
  if (n.concurrent) return undefined;
  const objects = (n.objects as { List?: { items?: { String?: { sval?: string } }[] } }[]) ?? [];
  const parts = (objects[0]?.List?.items ?? []).map((i) => i.String?.sval ?? "");
  const [schema, name] = parts.length === 2 ? parts : ["public", parts[0] ?? ""];
  let rel: Relation | undefined;
  if (n.removeType === "OBJECT_INDEX") rel = ctx.indexTable(schema!, name!);
  else if (n.removeType === "OBJECT_TABLE") rel = ctx.named(schema!, name!);
  return rel?.existing ? `ACCESS EXCLUSIVE on ${rel.sql} (brief)` : undefined;
}

function alterLock(s: ParsedStatement, ctx: OnlineContext): string | undefined {
  const rel = ctx.relation(s.node.relation);
  if (!rel?.existing) return undefined;
  const cmds = ((s.node.cmds as { AlterTableCmd?: Record<string, unknown> }[]) ?? []).map((c) => ({
    subtype: String(c.AlterTableCmd?.subtype),
    cmd: c.AlterTableCmd ?? {},
  }));
  if (cmds.every((c) => c.subtype === "AT_ValidateConstraint")) return undefined;
  const why = cmds.map((c) => reason(c, s, ctx)).find((r) => r !== undefined);
  const fk = cmds
    .map((c) => (c.cmd.def as { Constraint?: Record<string, unknown> } | undefined)?.Constraint)
    .find((c) => c?.contype === "CONSTR_FOREIGN");
  if (fk !== undefined && cmds.length === 1) {
    const target = ctx.relation(fk.pktable);
    return `SHARE ROW EXCLUSIVE on ${rel.sql}${target ? ` and ${target.sql}` : ""}${fk.skip_validation ? " (brief)" : ` (scans ${rel.sql})`}`;
  }
  return `ACCESS EXCLUSIVE on ${rel.sql} (${why ?? "brief"})`;
}

function reason(c: Cmd, s: ParsedStatement, ctx: OnlineContext): string | undefined {
  if (c.subtype === "AT_SetNotNull") return "scans it";
  if (c.subtype === "AT_AlterColumnType") {
    const change = typeChange(s, ctx);
    return change?.plainCast && keepsBytes(change.before.type, change.after.type)
      ? undefined
      : "rewrites it and its indexes";
  }
  if (c.subtype === "AT_SetLogged" || c.subtype === "AT_SetUnLogged") return "rewrites it";
  if (c.subtype !== "AT_AddConstraint") return undefined;
  const k = (c.cmd.def as { Constraint?: Record<string, unknown> } | undefined)?.Constraint;
  if (k?.contype === "CONSTR_CHECK" && !k.skip_validation) return "scans it";
  if (
    (k?.contype === "CONSTR_UNIQUE" || k?.contype === "CONSTR_PRIMARY") &&
    k.indexname === undefined
  )
    return "builds an index";
  if (k?.contype === "CONSTR_EXCLUSION") return "builds an index";
  return undefined;
}
