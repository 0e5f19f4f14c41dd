/**
 * A self-contained SVG of a schema model, laid out by dagre (`@dagrejs/dagre`,
 * loaded only when an SVG is drawn): each table a `<g id="table:schema.name">`
 * box with its columns, each foreign key a `<path id="fk:...">` from child to
 * parent. No browser is needed: text widths are estimated from character
 * classes of a sans-serif font, which is close enough to size the boxes.
 */
import type { SchemaModel } from "../inspect/model.js";
import { type ErGraph, type ErGraphOptions, erGraph } from "./er-graph.js";
import {
  FONT_SIZE,
  GAP,
  type Layout,
  LINE,
  layoutGraph,
  PAD,
  type PlacedBox,
  round,
} from "./layout.js";

/**
 * The SVG document of `model`.
 *
 * @example
 * writeFileSync("schema.svg", await renderSvg(await inspect(driver)));
 */
export async function renderSvg(model: SchemaModel, options: ErGraphOptions = {}): Promise<string> {
  return svgOfGraph(erGraph(model, options));
}

/** The SVG document of an already built graph. */
export async function svgOfGraph(graph: ErGraph): Promise<string> {
  return svgOfLayout(graph, await layoutGraph(graph));
}

/**
 * The SVG document of a graph already laid out (`pitstop studio` keeps the layout).
 *
 * @example
 * const svg = svgOfLayout(graph, await layoutGraph(graph));
 */
export function svgOfLayout(graph: ErGraph, layout: Layout): string {
  const parts = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" font-family="Helvetica, Arial, sans-serif" font-size="${FONT_SIZE}">`,
    "<style>.t rect{fill:#fff;stroke:#5b6b82}.t .h{fill:#dde6f3}.v .h{fill:#e8f0e8}.k{fill:#8a5a00;font-size:10px}.n{font-weight:bold}.fk{fill:none;stroke:#5b6b82;stroke-width:1.2}.fk.null{stroke-dasharray:4 3}</style>",
    `<defs><marker id="one" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="10" markerHeight="10" orient="auto"><path d="M6,0 L6,10 M9,0 L9,10" stroke="#5b6b82" fill="none"/></marker></defs>`,
    `<g class="edges">`,
  ];
  for (const { index, d } of layout.edges) {
    const e = graph.edges[index]!;
    parts.push(
      `<path id="${xml(`fk:${e.from}.${e.name}`)}" class="fk${e.nullable ? " null" : ""}" d="${d}" marker-end="url(#one)" data-from="${xml(e.from)}" data-to="${xml(e.to)}"><title>${xml(`${e.name}: ${e.fromColumns.join(", ")} -> ${e.to}(${e.toColumns.join(", ")})`)}</title></path>`,
    );
  }
  parts.push("</g>", `<g class="tables">`);
  for (const box of layout.boxes) parts.push(tableGroup(box));
  parts.push("</g>", "</svg>");
  return `${parts.join("\n")}\n`;
}

function tableGroup(box: PlacedBox): string {
  const { entity: e, x, y, width, nameWidth } = box;
  const cls = e.kind === "view" ? "t v" : "t";
  const rows = e.columns.map((c, i) => {
    const top = y + LINE * (i + 1);
    const keys = [c.pk && "PK", c.fk && "FK", c.uk && "UK"].filter(Boolean).join(" ");
    return `<text x="${round(x + PAD)}" y="${round(top + 13)}">${xml(c.name)}</text><text x="${round(x + PAD + nameWidth + GAP)}" y="${round(top + 13)}" fill="#555">${xml(c.type)}${c.notNull || c.pk || e.kind === "view" ? "" : "?"}</text>${keys ? `<text class="k" x="${round(x + width - PAD)}" y="${round(top + 13)}" text-anchor="end">${keys}</text>` : ""}`;
  });
  return `<g id="${xml(`${e.kind}:${e.id}`)}" class="${cls}"><rect x="${round(x)}" y="${round(y)}" width="${round(width)}" height="${round(box.height)}"/><rect class="h" x="${round(x)}" y="${round(y)}" width="${round(width)}" height="${LINE}"/><text class="n" x="${round(x + PAD)}" y="${round(y + 13)}">${xml(e.label)}${e.kind === "view" ? " (view)" : ""}</text>${rows.join("")}</g>`;
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
