/** The DROP statement of each kind of object, destructive ones marked. */
import { quoteIdent } from "../inspect/ident.js";
import { nameOf, sequenceOwnedBy, tableName } from "./ddl.js";
import type { GraphNode } from "./graph.js";
import type { PlanStatement } from "./plan.js";

export function dropStatements(node: GraphNode): PlanStatement[] {
  switch (node.kind) {
    case "schema":
      return [{ sql: `DROP SCHEMA ${quoteIdent(node.object.name)}` }];
    case "extension":
      return [
        {
          sql: `DROP EXTENSION ${quoteIdent(node.object.name)}`,
          destructive: true,
          note: `drops extension ${node.object.name}`,
        },
      ];
    case "collation":
      return [{ sql: `DROP COLLATION ${nameOf(node.object)}` }];
    case "type":
      return [
        {
          sql: `DROP ${node.object.kind === "domain" ? "DOMAIN" : "TYPE"} ${nameOf(node.object)}`,
        },
      ];
    case "sequence":
      return [
        {
          sql: `DROP SEQUENCE ${nameOf(node.object)}`,
          destructive: true,
          note: `drops sequence ${nameOf(node.object)} and its current value`,
        },
      ];
    case "seqowner":
      return [{ sql: sequenceOwnedBy({ ...node.object, ownedBy: undefined } as never) }];
    case "table":
      return [
        {
          sql: `DROP TABLE ${nameOf(node.object)}`,
          destructive: true,
          note: `drops table ${nameOf(node.object)} and its rows`,
        },
      ];
    case "column": {
      const table = nameOf(node.table);
      return [
        {
          sql: `ALTER TABLE ${table} DROP COLUMN ${quoteIdent(node.object.name)}`,
          destructive: true,
          note: `drops column ${table}.${quoteIdent(node.object.name)} and its data`,
        },
      ];
    }
    case "default":
      return [
        {
          sql: `ALTER TABLE ${nameOf(node.table)} ALTER COLUMN ${quoteIdent(node.object.name)} DROP DEFAULT`,
        },
      ];
    case "constraint":
      return [
        {
          sql: `ALTER TABLE ${tableName(node.object)} DROP CONSTRAINT ${quoteIdent(node.object.name)}`,
        },
      ];
    case "index":
      return [{ sql: `DROP INDEX ${nameOf(node.object)}` }];
    case "view":
      return [
        {
          sql: `DROP ${node.object.materialized ? "MATERIALIZED VIEW" : "VIEW"} ${nameOf(node.object)}`,
        },
      ];
    case "function":
      return [
        {
          sql: `DROP ${node.object.kind === "procedure" ? "PROCEDURE" : "FUNCTION"} ${nameOf(node.object)}(${node.object.args})`,
        },
      ];
    case "trigger":
      return [{ sql: `DROP TRIGGER ${quoteIdent(node.object.name)} ON ${tableName(node.object)}` }];
    case "policy":
      return [{ sql: `DROP POLICY ${quoteIdent(node.object.name)} ON ${tableName(node.object)}` }];
  }
}

/** The name a recreated type's old version goes by until it is dropped. */
export function oldName(name: string): string {
  const suffix = "__pitstop_old";
  return name.slice(0, 63 - suffix.length) + suffix;
}
