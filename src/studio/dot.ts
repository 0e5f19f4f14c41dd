/**
 * A Graphviz `digraph` of a schema model: each table a node with an HTML-like
 * table label (one row a column, each row a port), each foreign key an edge
 * from the referencing column's port to the referenced column's port.
 */
import type { SchemaModel } from "../inspect/model.js";
import { type ErEntity, type ErGraph, type ErGraphOptions, erGraph } from "./er-graph.js";

/**
 * The DOT text of `model`, for `dot -Tsvg schema.dot > schema.svg`.
 *
 * @example
 * writeFileSync("schema.dot", renderDot(await inspect(driver)));
 */
export function renderDot(model: SchemaModel, options: ErGraphOptions = {}): string {
  return dotOfGraph(erGraph(model, options));
}

/** The DOT text of an already built graph. */
export function dotOfGraph(graph: ErGraph): string {
  const nodes = new Map(graph.entities.map((e, i) => [e.id, `t${i}`]));
  const ports = new Map(
    graph.entities.map((e) => [e.id, new Map(e.columns.map((c, i) => [c.name, `c${i}`]))]),
  );
  const lines = [
    "digraph schema {",
    '  graph [rankdir=LR, fontname="Helvetica"];',
    '  node [shape=plaintext, fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9, arrowhead=crow, arrowtail=tee, dir=both];',
  ];
  for (const e of graph.entities)
    lines.push(`  ${nodes.get(e.id)} [id=${dotString(e.id)}, label=<${tableLabel(e)}>];`);
  for (const edge of graph.edges) {
    // Out of the east side of the referencing row's last cell, into the west side of the referenced row's first.
    const from = `${nodes.get(edge.from)}:${ports.get(edge.from)?.get(edge.fromColumns[0]!) ?? "name"}`;
    const to = `${nodes.get(edge.to)}:${ports.get(edge.to)?.get(edge.toColumns[0]!) ?? "name"}`;
    // The arrow points from child to parent; the crow's foot sits at the child (many), the bar at the parent.
    const style = edge.nullable ? ", style=dashed" : "";
    const tail = edge.unique ? "teeodot" : "crowodot";
    lines.push(
      `  ${from.replace(/:c(\d+)$/, ":e$1")}:e -> ${to.replace(/:c(\d+)$/, ":w$1")}:w [id=${dotString(`fk:${edge.from}.${edge.name}`)}, tooltip=${dotString(edge.name)}, arrowhead=${edge.nullable ? "teeodot" : "teetee"}, arrowtail=${tail}${style}];`,
    );
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

function tableLabel(e: ErEntity): string {
  const head = e.kind === "view" ? "#e8f0e8" : "#dde6f3";
  const rows = [
    `<TR><TD PORT="name" BGCOLOR="${head}" COLSPAN="3"><B>${html(e.label)}</B>${e.kind === "view" ? " <I>(view)</I>" : ""}</TD></TR>`,
    ...e.columns.map((c, i) => {
      const keys = [c.pk && "PK", c.fk && "FK", c.uk && "UK"].filter(Boolean).join(" ");
      const name = c.pk ? `<U>${html(c.name)}</U>` : html(c.name);
      return `<TR><TD PORT="w${i}" ALIGN="LEFT">${name}</TD><TD ALIGN="LEFT">${html(c.type)}${c.notNull || c.pk || e.kind === "view" ? "" : "?"}</TD><TD PORT="e${i}" ALIGN="LEFT">${keys}</TD></TR>`;
    }),
  ];
  return `<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4">${rows.join("")}</TABLE>`;
}

/** Text inside an HTML-like label. */
function html(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** A double-quoted DOT string. */
function dotString(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}
