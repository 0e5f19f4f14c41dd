import type { SchemaModel } from "../../inspect/model.js";
import { changedTables } from "../../studio/changed-tables.js";
import { erGraph, withNeighbours } from "../../studio/er-graph.js";
import { mermaidOfGraph } from "../../studio/mermaid.js";

/**
 * `diff --diagram`: the mermaid `erDiagram` of the tables the migration
 * changes and their direct foreign-key neighbours, as comment lines for the
 * migration's header (copy the block into a pull request to see it drawn).
 * Tables it drops are named, not drawn: the diagram is of the schema after.
 */
export function diagramHeader(from: SchemaModel, to: SchemaModel): string {
  const changed = changedTables(from, to);
  const after = erGraph(to);
  const only = withNeighbours(after, changed);
  const present = new Set(after.entities.map((e) => e.id));
  const dropped = [...changed].filter((id) => !present.has(id)).sort();
  const lines = [
    "Tables this migration changes, with their foreign-key neighbours (mermaid, for review):",
  ];
  if (dropped.length > 0) lines.push(`Dropped: ${dropped.join(", ")}`);
  const shown = erGraph(to, { only });
  if (shown.entities.length > 0)
    lines.push("```mermaid", ...mermaidOfGraph(shown).trimEnd().split("\n"), "```");
  return `${lines.map((l) => `-- ${l}`.trimEnd()).join("\n")}\n`;
}
