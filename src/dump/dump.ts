import { createsSqlFunctionWithStringBody, creationBlocks } from "../diff/diff.js";
import type { SchemaModel } from "../inspect/model.js";

export const DUMP_HEADER =
  "-- Schema dumped by pitstop (`pitstop schema dump`): objects in dependency order, one block each.";

/**
 * The model as a SQL script that creates it: deterministic (the same schema
 * always gives the same bytes), one block per object, no owners, names in
 * `public` unqualified. Loading it into an empty database and dumping again
 * gives the same text.
 *
 * @example
 * writeFileSync("schema.sql", renderDump(await inspect(driver)));
 */
export function renderDump(model: SchemaModel): string {
  const { blocks } = creationBlocks(model);
  const parts = [DUMP_HEADER];
  if (blocks.some((b) => b.some((s) => createsSqlFunctionWithStringBody(s.sql))))
    parts.push(
      "-- SQL function bodies may read tables created further down.\nSET check_function_bodies = false;",
    );
  for (const block of blocks) parts.push(block.map((s) => `${s.sql};`).join("\n"));
  return `${parts.join("\n\n")}\n`;
}
