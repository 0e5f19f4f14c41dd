/** Constraints added to tables that hold rows: NOT VALID then VALIDATE; UNIQUE and PRIMARY KEY through a concurrent index. */
import { quoteIdent } from "../inspect/ident.js";
import type { Recipe } from "./online-context.js";
import { addedKeyConstraint, names, onlyCommand } from "./online-context.js";

/**
 * FOREIGN KEY and CHECK on an existing table: added `NOT VALID` (a brief
 * lock, new rows checked at once), then `VALIDATE CONSTRAINT` in a
 * transaction of its own (the old rows, under a lock that lets reads and
 * writes go on).
 *
 * @example
 * // ALTER TABLE orders ADD CONSTRAINT orders_user_fkey FOREIGN KEY (user_id) REFERENCES users(id)
 * // -> ... REFERENCES users(id) NOT VALID; ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fkey
 */
export const addConstraintNotValid: Recipe = (s, ctx) => {
  const only = onlyCommand(s);
  if (only?.subtype !== "AT_AddConstraint") return undefined;
  const c = (only.cmd.def as { Constraint?: Record<string, unknown> } | undefined)?.Constraint;
  if (c === undefined || c.skip_validation) return undefined;
  if (c.contype !== "CONSTR_FOREIGN" && c.contype !== "CONSTR_CHECK") return undefined;
  const rel = ctx.relation(s.node.relation);
  // A partitioned table takes no NOT VALID foreign key before PostgreSQL 18 (see online-partitioned.ts).
  if (!rel?.existing || typeof c.conname !== "string") return undefined;
  if (rel.partitioned && c.contype === "CONSTR_FOREIGN") return undefined;
  return {
    statements: [
      { ...s.statement, sql: `${s.statement.sql} NOT VALID` },
      { sql: `ALTER TABLE ${rel.sql} VALIDATE CONSTRAINT ${quoteIdent(c.conname)}` },
    ],
    separate: true,
  };
};

/** A VALIDATE CONSTRAINT the plan already has (NOT VALID -> valid) gets a transaction of its own. */
export const validateApart: Recipe = (s, ctx) => {
  const only = onlyCommand(s);
  if (only?.subtype !== "AT_ValidateConstraint") return undefined;
  const rel = ctx.relation(s.node.relation);
  return rel?.existing ? { statements: [s.statement], separate: true } : undefined;
};

/**
 * UNIQUE and PRIMARY KEY on an existing table: the unique index is built
 * concurrently, then attached with `ADD CONSTRAINT ... USING INDEX` (a brief
 * lock). For a primary key the plan has already made the columns NOT NULL
 * (the NOT NULL recipe), so attaching does not scan.
 *
 * @example
 * // ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email)
 * // -> CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users USING btree (email);
 * //    ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key
 */
export const uniqueUsingIndex: Recipe = (s, ctx) => {
  const c = addedKeyConstraint(s);
  if (c === undefined) return undefined;
  // Storage parameters and tablespaces stay in the plain form: rare, and printed differently.
  if (c.options !== undefined || c.indexspace !== undefined) return undefined;
  const rel = ctx.relation(s.node.relation);
  if (!rel?.existing || rel.partitioned) return undefined;
  const name = quoteIdent(c.conname);
  const keys = names(c.keys).map(quoteIdent).join(", ");
  const including = names(c.including);
  const index = [
    `CREATE UNIQUE INDEX CONCURRENTLY ${name} ON ${rel.sql} USING btree (${keys})`,
    including.length > 0 ? ` INCLUDE (${including.map(quoteIdent).join(", ")})` : "",
    c.nulls_not_distinct ? " NULLS NOT DISTINCT" : "",
  ].join("");
  const kind = c.contype === "CONSTR_PRIMARY" ? "PRIMARY KEY" : "UNIQUE";
  const deferrable = c.deferrable
    ? ` DEFERRABLE INITIALLY ${c.initdeferred ? "DEFERRED" : "IMMEDIATE"}`
    : "";
  return {
    statements: [
      { sql: index },
      {
        ...s.statement,
        sql: `ALTER TABLE ${rel.sql} ADD CONSTRAINT ${name} ${kind} USING INDEX ${name}${deferrable}`,
      },
    ],
    separate: true,
  };
};
