import { parser } from "./parser.js";
import type { SqlStatement } from "./split.js";

/** What pitstop needs to know about a statement to run it safely. */
export interface StatementFacts {
  /** False when PostgreSQL refuses to run it inside a transaction block. */
  readonly transactional: boolean;
  /** Why it cannot run in a transaction, e.g. `CREATE INDEX CONCURRENTLY`. */
  readonly reason?: string;
  /** BEGIN/COMMIT/ROLLBACK/SAVEPOINT...: the script manages transactions itself. */
  readonly transactionControl?: "begin" | "commit" | "rollback" | "other";
  /**
   * Built to wait without blocking others (CONCURRENTLY): lock_timeout must
   * not apply, or a long transaction elsewhere would make it fail.
   */
  readonly concurrent: boolean;
  /** A session-level SET/RESET that would outlive the migration. */
  readonly setsSession: boolean;
  /** For CREATE INDEX CONCURRENTLY: the index it builds (to clean up an invalid one on retry). */
  readonly index?: { readonly schema?: string; readonly name: string };
}

type Node = Record<string, unknown>;

const PG12 = 120000;

/**
 * Classifies a parsed statement for the server it will run on.
 * @param serverVersion `server_version_num`, e.g. 150004
 */
export function classify(
  statement: Pick<SqlStatement, "kind" | "node">,
  serverVersion: number,
): StatementFacts {
  const { kind, node } = statement;
  const base = { transactional: true, concurrent: false, setsSession: false };
  switch (kind) {
    case "IndexStmt":
      if (node.concurrent) {
        const relation = node.relation as Node | undefined;
        return {
          ...base,
          transactional: false,
          concurrent: true,
          reason: "CREATE INDEX CONCURRENTLY",
          ...(typeof node.idxname === "string"
            ? {
                index: {
                  name: node.idxname,
                  ...(typeof relation?.schemaname === "string"
                    ? { schema: relation.schemaname }
                    : {}),
                },
              }
            : {}),
        };
      }
      return base;
    case "DropStmt":
      return node.concurrent
        ? { ...base, transactional: false, concurrent: true, reason: "DROP INDEX CONCURRENTLY" }
        : base;
    case "ReindexStmt": {
      const params = (node.params as Node[] | undefined) ?? [];
      if (params.some((p) => (p.DefElem as Node | undefined)?.defname === "concurrently")) {
        return { ...base, transactional: false, concurrent: true, reason: "REINDEX CONCURRENTLY" };
      }
      if (node.kind === "REINDEX_OBJECT_DATABASE" || node.kind === "REINDEX_OBJECT_SYSTEM") {
        return { ...base, transactional: false, reason: "REINDEX DATABASE/SYSTEM" };
      }
      return base;
    }
    case "VacuumStmt":
      return node.is_vacuumcmd ? { ...base, transactional: false, reason: "VACUUM" } : base;
    case "ClusterStmt":
      return node.relation
        ? base
        : { ...base, transactional: false, reason: "CLUSTER without a table" };
    case "AlterSystemStmt":
      return { ...base, transactional: false, reason: "ALTER SYSTEM" };
    case "CreatedbStmt":
      return { ...base, transactional: false, reason: "CREATE DATABASE" };
    case "DropdbStmt":
      return { ...base, transactional: false, reason: "DROP DATABASE" };
    case "AlterDatabaseStmt": {
      const options = (node.options as Node[] | undefined) ?? [];
      return options.some((o) => (o.DefElem as Node | undefined)?.defname === "tablespace")
        ? { ...base, transactional: false, reason: "ALTER DATABASE SET TABLESPACE" }
        : base;
    }
    case "CreateTableSpaceStmt":
      return { ...base, transactional: false, reason: "CREATE TABLESPACE" };
    case "DropTableSpaceStmt":
      return { ...base, transactional: false, reason: "DROP TABLESPACE" };
    case "CreateSubscriptionStmt":
      return { ...base, transactional: false, reason: "CREATE SUBSCRIPTION" };
    case "DropSubscriptionStmt":
      return { ...base, transactional: false, reason: "DROP SUBSCRIPTION" };
    case "AlterEnumStmt":
      // Before PostgreSQL 12, ALTER TYPE ... ADD VALUE refused to run in a transaction block.
      return node.newVal !== undefined && !node.oldVal && serverVersion < PG12
        ? {
            ...base,
            transactional: false,
            reason: "ALTER TYPE ... ADD VALUE (before PostgreSQL 12)",
          }
        : base;
    case "AlterTableStmt":
      return detachConcurrently(node)
        ? {
            ...base,
            transactional: false,
            concurrent: true,
            reason: "DETACH PARTITION CONCURRENTLY",
          }
        : base;
    case "TransactionStmt":
      return { ...base, transactionControl: transactionControl(node.kind) };
    case "DoStmt":
      // PostgreSQL 11+: a DO block may COMMIT (a batched backfill), but only outside a transaction block.
      return doCommits(node)
        ? { ...base, transactional: false, reason: "DO block that commits" }
        : base;
    case "VariableSetStmt":
      return { ...base, setsSession: !node.is_local };
    case "DiscardStmt":
      return { ...base, setsSession: true };
    default:
      return base;
  }
}

/** Whether a DO block's body has a COMMIT or ROLLBACK (a token of the body, not text in a string). */
function doCommits(node: Node): boolean {
  const args = (node.args as { DefElem?: Node }[] | undefined) ?? [];
  const body = args.find((a) => a.DefElem?.defname === "as")?.DefElem?.arg as Node | undefined;
  const text = (body?.String as { sval?: string } | undefined)?.sval;
  if (text === undefined) return false;
  try {
    return parser()
      .scanSync(text)
      .tokens.some((t) => ["COMMIT", "ROLLBACK"].includes(t.text.toUpperCase()));
  } catch {
    return false;
  }
}

function detachConcurrently(node: Node): boolean {
  const cmds = (node.cmds as Node[] | undefined) ?? [];
  return cmds.some((c) => {
    const cmd = c.AlterTableCmd as Node | undefined;
    const partition = (cmd?.def as Node | undefined)?.PartitionCmd as Node | undefined;
    return cmd?.subtype === "AT_DetachPartition" && partition?.concurrent === true;
  });
}

function transactionControl(kind: unknown): StatementFacts["transactionControl"] {
  switch (kind) {
    case "TRANS_STMT_BEGIN":
    case "TRANS_STMT_START":
      return "begin";
    case "TRANS_STMT_COMMIT":
      return "commit";
    case "TRANS_STMT_ROLLBACK":
      return "rollback";
    default:
      return "other";
  }
}
