import { readFileSync } from "node:fs";
import { loadSchema } from "../../src/declarative/load.js";
import type { PlanStatement } from "../../src/diff/plan.js";
import type { Driver } from "../../src/driver/driver.js";
import { loadParser } from "../../src/sql/parser.js";
import { splitSql } from "../../src/sql/split.js";

/** Loads SQL text the way `pitstop diff` loads a schema file. */
export async function loadSql(db: Driver, sql: string, file = "<sql>"): Promise<void> {
  await loadParser();
  await loadSchema(db, [{ file, text: sql, split: splitSql(sql, { file }) }]);
}

export async function loadFile(db: Driver, file: string): Promise<void> {
  await loadSql(db, readFileSync(file, "utf8"), file);
}

/** Runs plan statements in one transaction (one round trip), naming the statement that fails. */
export async function runStatements(
  db: Driver,
  statements: readonly PlanStatement[],
): Promise<void> {
  const script = `BEGIN;\n${statements.map((s) => `${s.sql};`).join("\n")}\nCOMMIT;`;
  try {
    await db.exec(script);
    return;
  } catch {
    await db.exec("ROLLBACK").catch(() => {});
  }
  // Again one by one, to say which statement fails.
  await db.session(async (s) => {
    await s.exec("BEGIN");
    for (const st of statements) {
      try {
        await s.exec(st.sql);
      } catch (error) {
        await s.exec("ROLLBACK");
        throw new Error(`${(error as Error).message}\n  in: ${st.sql}`, { cause: error });
      }
    }
    await s.exec("ROLLBACK");
    throw new Error("the plan failed as one script but not statement by statement");
  });
}
