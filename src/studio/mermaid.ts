/**
 * A mermaid `erDiagram` of a schema model, as GitHub renders it in markdown.
 *
 * Mermaid's grammar is narrower than PostgreSQL's: entity names are always
 * written quoted (so `sales.orders` and `line items` stay whole) without `"`,
 * `%` or `\`; attribute types and names keep only letters, digits, `_`, `-`,
 * `()` and `[]` (`character varying(40)` becomes `character_varying(40)`), and
 * a column name that had to change keeps its real name in the comment.
 */
import type { SchemaModel } from "../inspect/model.js";
import {
  type ErColumn,
  type ErEdge,
  type ErGraph,
  type ErGraphOptions,
  erGraph,
} from "./er-graph.js";

/**
 * The `erDiagram` text of `model` (no fences), ending with a newline.
 *
 * @example
 * const text = renderMermaid(await inspect(driver), { views: true });
 * writeFileSync("schema.md", "```mermaid\n" + text + "```\n");
 */
export function renderMermaid(model: SchemaModel, options: ErGraphOptions = {}): string {
  return mermaidOfGraph(erGraph(model, options));
}

/** The `erDiagram` text of an already built graph. */
export function mermaidOfGraph(graph: ErGraph): string {
  const labels = new Map(graph.entities.map((e) => [e.id, entityName(e.label)]));
  const lines = ["erDiagram"];
  for (const e of graph.entities) {
    const name = labels.get(e.id)!;
    if (e.columns.length === 0) {
      lines.push(`  ${name}`);
      continue;
    }
    lines.push(`  ${name} {`);
    for (const c of e.columns) lines.push(`    ${attribute(c, e.kind === "view")}`);
    lines.push("  }");
  }
  for (const edge of graph.edges)
    lines.push(
      `  ${labels.get(edge.from)!} ${relationship(edge)} ${labels.get(edge.to)!} : ${quoted(edge.name)}`,
    );
  return `${lines.join("\n")}\n`;
}

/**
 * Child on the left, parent on the right. The parent end is exactly one, or
 * zero-or-one when a referencing column may be NULL; the child end is
 * zero-or-more, or zero-or-one when the referencing columns are unique.
 * `--` (identifying) when the foreign key is part of the child's primary key.
 */
function relationship(edge: ErEdge): string {
  const child = edge.unique ? "|o" : "}o";
  const parent = edge.nullable ? "o|" : "||";
  return `${child}${edge.identifying ? "--" : ".."}${parent}`;
}

function attribute(c: ErColumn, view: boolean): string {
  const keys = [c.pk && "PK", c.fk && "FK", c.uk && "UK"].filter(Boolean).join(", ");
  const name = word(c.name);
  const notes = [name !== c.name ? c.name : "", view || c.notNull || c.pk ? "" : "nullable"].filter(
    Boolean,
  );
  return [word(c.type), name, keys, notes.length > 0 ? quoted(notes.join(", ")) : ""]
    .filter(Boolean)
    .join(" ");
}

/** A quoted entity name: mermaid allows neither `"`, `%` nor `\` inside one. */
function entityName(label: string): string {
  return quoted(label);
}

function quoted(text: string): string {
  return `"${text.replace(/["%\\\r\n]/g, "_") || "_"}"`;
}

/** An attribute type or name: `[A-Za-z_*][A-Za-z0-9_\-()[\]]*` in mermaid's lexer, not a key marker. */
function word(text: string): string {
  const w = text.replace(/"/g, "").replace(/[^A-Za-z0-9_\-()[\]]/g, "_");
  // PK, FK and UK are key markers to mermaid's lexer (in any case), never a name.
  if (/^(pk|fk|uk)$/i.test(w)) return `${w}_`;
  return /^[A-Za-z_]/.test(w) ? w : `_${w}`;
}
