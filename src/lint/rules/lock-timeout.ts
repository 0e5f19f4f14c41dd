import { list, qualified, type RelName, relName, strings, unwrap } from "../ast.js";
import { alterTableCommands, q } from "../helpers.js";
import type { LintStatement, Rule, RuleContext } from "../types.js";

/**
 * DDL that waits for a table lock queues every later query on that table
 * behind it. pitstop sets lock_timeout for each migration (ddlLockTimeout,
 * 5 s by default), so this fires only where it would not: ddlLockTimeout is
 * 0, or the file turned it off.
 */
export const lockTimeout: Rule = {
  id: "lock-timeout",
  severity: "warning",
  kinds: [
    "AlterTableStmt",
    "IndexStmt",
    "ReindexStmt",
    "RenameStmt",
    "CreateTrigStmt",
    "ClusterStmt",
    "DropStmt",
    "TruncateStmt",
    "LockStmt",
    "VacuumStmt",
    "CreateStmt",
  ],
  summary: "DDL on an existing table with no lock_timeout in force",
  lock: "whatever the statement takes; while it waits for it, every later query on the table waits too",
  why: "A statement that needs a strong lock waits for every transaction using the table to end (a long report, an idle-in-transaction session), and every query that arrives meanwhile queues behind it: the table is unavailable although the DDL itself has not started. A lock_timeout makes the migration give up and retry instead. pitstop sets one for each migration (ddlLockTimeout, 5 s) unless it is turned off.",
  fix: "Set ddlLockTimeout in pitstop.config.ts (or --ddl-lock-timeout), or set one at the top of the migration:\n  SET lock_timeout = '5s';",
  check(s, ctx) {
    if (ctx.lockTimeoutMs > 0) return undefined;
    const target = strongLockTarget(s, ctx);
    if (!target || !ctx.once("lock-timeout")) return undefined;
    const source =
      ctx.runnerLockTimeoutMs > 0
        ? "this migration turned lock_timeout off"
        : "ddlLockTimeout is 0, so pitstop sets no lock_timeout";
    return {
      message: `no lock_timeout (${source}): this ${statementName(s.kind)} can wait for its lock on ${q(target)} indefinitely while every query on it queues`,
    };
  },
};

function statementName(kind: string): string {
  return (
    {
      AlterTableStmt: "ALTER TABLE",
      IndexStmt: "CREATE INDEX",
      DropStmt: "DROP",
      RenameStmt: "RENAME",
      TruncateStmt: "TRUNCATE",
      CreateTrigStmt: "CREATE TRIGGER",
      ReindexStmt: "REINDEX",
      LockStmt: "LOCK",
      VacuumStmt: "VACUUM FULL",
      ClusterStmt: "CLUSTER",
      CreateStmt: "CREATE TABLE",
    }[kind] ?? "statement"
  );
}

/** The existing table a statement takes a lock on that conflicts with the application's queries. */
function strongLockTarget(s: LintStatement, ctx: RuleContext): RelName | undefined {
  const existing = (rel: RelName | undefined) => (rel && !ctx.isNew(rel) ? rel : undefined);
  const n = s.node;
  switch (s.kind) {
    case "AlterTableStmt": {
      const commands = alterTableCommands(s.kind, n);
      // VALIDATE CONSTRAINT alone and DETACH PARTITION ... CONCURRENTLY take SHARE UPDATE
      // EXCLUSIVE: reads and writes go on (and pitstop runs CONCURRENTLY without a lock_timeout).
      if (
        commands.length === 0 ||
        s.facts.concurrent ||
        commands.every((c) => c.subtype === "AT_ValidateConstraint")
      )
        return undefined;
      return existing(relName(n.relation));
    }
    case "IndexStmt":
      return n.concurrent ? undefined : existing(relName(n.relation));
    case "ReindexStmt":
      return s.facts.concurrent ? undefined : existing(relName(n.relation));
    case "RenameStmt":
    case "CreateTrigStmt":
    case "ClusterStmt":
      return existing(relName(n.relation));
    case "DropStmt": {
      if (n.concurrent) return undefined;
      if (n.removeType !== "OBJECT_TABLE" && n.removeType !== "OBJECT_INDEX") return undefined;
      for (const o of list(n.objects)) {
        const rel = qualified(strings(unwrap(o, "List")?.items));
        if (n.removeType === "OBJECT_INDEX") {
          const index = ctx.schema.index(rel);
          if (!index) return rel;
          if (!ctx.isNew(index.table))
            return { schema: index.table.schema, name: index.table.name };
        } else if (existing(rel)) return rel;
      }
      return undefined;
    }
    case "TruncateStmt":
    case "LockStmt":
      return list(n.relations)
        .map((r) => existing(relName(unwrap(r, "RangeVar"))))
        .find(Boolean);
    case "VacuumStmt": {
      const full = list(n.options).some((o) => unwrap(o, "DefElem")?.defname === "full");
      if (!full) return undefined;
      return list(n.rels)
        .map((r) => existing(relName(unwrap(r, "VacuumRelation")?.relation)))
        .find(Boolean);
    }
    case "CreateStmt": {
      // A new table whose foreign key points at an existing one locks that one.
      for (const e of list(n.tableElts)) {
        const constraints = [
          unwrap(e, "Constraint"),
          ...list(unwrap(e, "ColumnDef")?.constraints).map((c) => unwrap(c, "Constraint")),
        ];
        for (const c of constraints)
          if (c?.contype === "CONSTR_FOREIGN") {
            const target = existing(relName(c.pktable));
            if (target) return target;
          }
      }
      return list(n.inhRelations)
        .map((r) => existing(relName(unwrap(r, "RangeVar"))))
        .find(Boolean);
    }
    default:
      return undefined;
  }
}
