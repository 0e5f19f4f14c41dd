import { quoteIdent } from "../store/sql-text.js";
import type { LoadedSeed } from "./load.js";

const FILLING = new Set(["InsertStmt", "MergeStmt", "CopyStmt"]);

/**
 * The tables the seeds fill, as SQL names for `to_regclass`: the target of
 * every INSERT, MERGE and COPY ... FROM of SQL seeds (read from the parse
 * tree), and the `tables` a code seed exports. Also the seeds whose tables
 * cannot be known (code without `tables`).
 *
 * @example
 * seededTables(loaded) // { tables: ['"public"."users"', '"roles"'], unknown: ["seeds/03_admin.ts"] }
 */
export function seededTables(seeds: readonly LoadedSeed[]): {
  tables: string[];
  unknown: string[];
} {
  const tables = new Set<string>();
  const unknown: string[] = [];
  for (const s of seeds) {
    if (s.kind === "code") {
      if (s.tables === undefined) unknown.push(s.seed.file);
      for (const t of s.tables ?? []) tables.add(t);
      continue;
    }
    for (const statement of s.statements) {
      if (!FILLING.has(statement.kind)) continue;
      if (statement.kind === "CopyStmt" && statement.node.is_from !== true) continue;
      const relation = statement.node.relation as
        | { schemaname?: string; relname?: string }
        | undefined;
      if (relation?.relname === undefined) continue;
      const name = quoteIdent(relation.relname);
      tables.add(relation.schemaname ? `${quoteIdent(relation.schemaname)}.${name}` : name);
    }
  }
  return { tables: [...tables], unknown };
}
