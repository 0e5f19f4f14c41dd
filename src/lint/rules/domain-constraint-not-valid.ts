import { locationOf, type Node, qualified, strings } from "../ast.js";
import { appendWords, indent } from "../rewrite.js";
import type { Rule } from "../types.js";

/** ALTER DOMAIN ... ADD CONSTRAINT checks every column of every table that uses the domain. */
export const domainConstraintNotValid: Rule = {
  id: "domain-constraint-not-valid",
  severity: "error",
  kinds: ["AlterDomainStmt"],
  summary: "ALTER DOMAIN ... ADD CONSTRAINT without NOT VALID on an existing domain",
  lock: "SHARE on every table with a column of the domain while all their rows are checked: writes to each wait",
  why: "Adding a constraint to a domain checks the value of every column of that domain in every table, scanning each table while it blocks writes to it. The statement does not name those tables, so the reach is easy to miss. Added NOT VALID, the constraint applies to new values at once, and VALIDATE CONSTRAINT checks the old ones later without blocking writes.",
  fix: "Add it NOT VALID, and validate it in the next migration:\n  ALTER DOMAIN d ADD CONSTRAINT d_check CHECK (VALUE > 0) NOT VALID;\nnext migration:\n  ALTER DOMAIN d VALIDATE CONSTRAINT d_check;",
  check(s, ctx) {
    if (s.node.subtype !== "C") return undefined;
    const c = (s.node.def as Node | undefined)?.Constraint as Node | undefined;
    if (!c || c.skip_validation || c.contype !== "CONSTR_CHECK") return undefined;
    const names = strings(s.node.typeName);
    if (ctx.schema.domainCreated(names)?.migration === ctx.migration) return undefined;
    const domain = qualified(names);
    const d = names.join(".");
    const location = locationOf(c);
    const name = typeof c.conname === "string" ? c.conname : `${domain?.name ?? "d"}_check`;
    return {
      message: `ALTER DOMAIN ${d} ADD CONSTRAINT checks every column of domain ${d} in every table, blocking writes to each while it scans`,
      ...(location !== undefined ? { location } : {}),
      fix: `Add it NOT VALID (new values are checked at once), and validate it in the next migration:\n${indent(appendWords(s.text, "NOT VALID"))}\nnext migration:\n  ALTER DOMAIN ${d} VALIDATE CONSTRAINT ${name};`,
    };
  },
};
