/**
 * A self-contained SVG of a schema model, laid out by dagre (`@dagrejs/dagre`,
 * loaded only when an SVG is drawn): each table a `<g id="table:schema.name">`
 * box with its columns, each foreign key a `<path id="fk:...">` from child to
 * parent. No browser is needed: text widths are estimated from character
 * classes of a sans-serif font, which is close enough to size the boxes.
 */
import type { SchemaModel } from "../inspect/model.js";
import { type ErEntity, type ErGraph, type ErGraphOptions, erGraph } from "./er-graph.js";

const FONT_SIZE = 12;
const LINE = 18;
const PAD = 8;
const GAP = 16;
const LOOP = 36;

/**
 * The SVG document of `model`.
 *
 * @example
 * writeFileSync("schema.svg", await renderSvg(await inspect(driver)));
 */
export async function renderSvg(model: SchemaModel, options: ErGraphOptions = {}): Promise<string> {
  return svgOfGraph(erGraph(model, options));
}

interface Box {
  readonly entity: ErEntity;
  readonly width: number;
  readonly height: number;
  readonly nameWidth: number;
  x: number;
  y: number;
}

/** The SVG document of an already built graph. */
export async function svgOfGraph(graph: ErGraph): Promise<string> {
  const dagre = (await import("@dagrejs/dagre")).default;
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: "LR", nodesep: 24, ranksep: 60, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  const boxes = new Map<string, Box>();
  for (const entity of graph.entities) {
    const box = measure(entity);
    boxes.set(entity.id, box);
    g.setNode(entity.id, { width: box.width, height: box.height });
  }
  // Self-references are drawn as a loop beside their table (dagre's would cross it).
  graph.edges.forEach((e, i) => {
    if (e.from !== e.to) g.setEdge(e.from, e.to, {}, `e${i}`);
  });
  dagre.layout(g);
  for (const [id, box] of boxes) {
    const node = g.node(id) as { x: number; y: number };
    box.x = node.x - box.width / 2;
    box.y = node.y - box.height / 2;
  }
  const size = g.graph() as { width?: number; height?: number };
  const loopRight = graph.edges
    .filter((e) => e.from === e.to)
    .map((e) => boxes.get(e.from)!)
    .map((b) => b.x + b.width + LOOP + 4);
  const width = Math.ceil(Math.max(size.width ?? 0, ...loopRight));
  const height = Math.ceil(size.height ?? 0);
  const parts = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="${FONT_SIZE}">`,
    "<style>.t rect{fill:#fff;stroke:#5b6b82}.t .h{fill:#dde6f3}.v .h{fill:#e8f0e8}.k{fill:#8a5a00;font-size:10px}.n{font-weight:bold}.fk{fill:none;stroke:#5b6b82;stroke-width:1.2}.fk.null{stroke-dasharray:4 3}</style>",
    `<defs><marker id="one" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="10" markerHeight="10" orient="auto"><path d="M6,0 L6,10 M9,0 L9,10" stroke="#5b6b82" fill="none"/></marker></defs>`,
    `<g class="edges">`,
  ];
  graph.edges.forEach((e, i) => {
    const d =
      e.from === e.to
        ? selfLoop(boxes.get(e.from)!, e.fromColumns[0]!, e.toColumns[0]!)
        : (
            g.edge({ v: e.from, w: e.to, name: `e${i}` }) as { points: { x: number; y: number }[] }
          ).points
            .map((p, j) => `${j === 0 ? "M" : "L"}${round(p.x)},${round(p.y)}`)
            .join(" ");
    parts.push(
      `<path id="${xml(`fk:${e.from}.${e.name}`)}" class="fk${e.nullable ? " null" : ""}" d="${d}" marker-end="url(#one)" data-from="${xml(e.from)}" data-to="${xml(e.to)}"><title>${xml(`${e.name}: ${e.fromColumns.join(", ")} -> ${e.to}(${e.toColumns.join(", ")})`)}</title></path>`,
    );
  });
  parts.push("</g>", `<g class="tables">`);
  for (const box of boxes.values()) parts.push(tableGroup(box));
  parts.push("</g>", "</svg>");
  return `${parts.join("\n")}\n`;
}

/** A loop out of the right side of the table, from the referencing column's row to the referenced one's. */
function selfLoop(box: Box, from: string, to: string): string {
  const row = (name: string) => {
    const i = box.entity.columns.findIndex((c) => c.name === name);
    return box.y + LINE * (i + 1) + LINE / 2;
  };
  const right = box.x + box.width;
  const [a, b] = [row(from), row(to)];
  return `M${round(right)},${round(a)} C${round(right + LOOP)},${round(a)} ${round(right + LOOP)},${round(b)} ${round(right)},${round(b)}`;
}

function tableGroup(box: Box): string {
  const { entity: e, x, y, width, nameWidth } = box;
  const cls = e.kind === "view" ? "t v" : "t";
  const rows = e.columns.map((c, i) => {
    const top = y + LINE * (i + 1);
    const keys = [c.pk && "PK", c.fk && "FK", c.uk && "UK"].filter(Boolean).join(" ");
    return `<text x="${round(x + PAD)}" y="${round(top + 13)}">${xml(c.name)}</text><text x="${round(x + PAD + nameWidth + GAP)}" y="${round(top + 13)}" fill="#555">${xml(c.type)}${c.notNull || c.pk || e.kind === "view" ? "" : "?"}</text>${keys ? `<text class="k" x="${round(x + width - PAD)}" y="${round(top + 13)}" text-anchor="end">${keys}</text>` : ""}`;
  });
  return `<g id="${xml(`${e.kind}:${e.id}`)}" class="${cls}"><rect x="${round(x)}" y="${round(y)}" width="${round(width)}" height="${round(box.height)}"/><rect class="h" x="${round(x)}" y="${round(y)}" width="${round(width)}" height="${LINE}"/><text class="n" x="${round(x + PAD)}" y="${round(y + 13)}">${xml(e.label)}${e.kind === "view" ? " (view)" : ""}</text>${rows.join("")}</g>`;
}

function measure(entity: ErEntity): Box {
  const nameWidth = Math.max(0, ...entity.columns.map((c) => textWidth(c.name)));
  const typeWidth = Math.max(0, ...entity.columns.map((c) => textWidth(`${c.type}?`)));
  const keyWidth = entity.columns.some((c) => c.pk || c.fk || c.uk)
    ? textWidth("PK FK UK") * 0.85
    : 0;
  const title = textWidth(`${entity.label}${entity.kind === "view" ? " (view)" : ""}`) * 1.1;
  const width =
    Math.max(title, nameWidth + GAP + typeWidth + (keyWidth ? GAP + keyWidth : 0)) + 2 * PAD;
  return { entity, width, height: LINE * (entity.columns.length + 1) + 4, nameWidth, x: 0, y: 0 };
}

/**
 * Estimated width in pixels at FONT_SIZE: per-character widths of a typical
 * sans-serif face (Helvetica's metrics, in em), rounded into a few classes.
 */
export function textWidth(text: string): number {
  let em = 0;
  for (const ch of text) {
    if ("iljI.,:;'|!()[] ".includes(ch)) em += 0.28;
    else if ("frt-".includes(ch)) em += 0.36;
    else if ("mwMW".includes(ch)) em += 0.86;
    else if (/[A-Z]/.test(ch)) em += 0.68;
    else if (/[0-9]/.test(ch)) em += 0.56;
    else em += 0.54;
  }
  return em * FONT_SIZE;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function xml(text: string): string {
  return (
    text
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      // Characters XML 1.0 forbids even escaped.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")
  );
}
