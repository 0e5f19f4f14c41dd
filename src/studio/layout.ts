/**
 * Where each table box and foreign-key line of an ER graph goes, laid out by
 * dagre (`@dagrejs/dagre`, loaded only here). The SVG writer draws from it,
 * and `pitstop studio` sends it to the page as JSON, so the page never runs
 * the layout itself (300 tables take seconds).
 */
import type { ErEntity, ErGraph } from "./er-graph.js";

export const FONT_SIZE = 12;
/** Height of a box's title row and of each column row. */
export const LINE = 18;
export const PAD = 8;
export const GAP = 16;
/** How far a self-reference loops out to the right of its table. */
export const LOOP = 36;

/** One entity, placed: its top-left corner and size. */
export interface PlacedBox {
  readonly entity: ErEntity;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Width of the widest column name: the types start after it. */
  readonly nameWidth: number;
}

/** One foreign key, drawn: `d` is an SVG path from child to parent. */
export interface PlacedEdge {
  /** Index of the edge in `graph.edges`. */
  readonly index: number;
  readonly d: string;
}

export interface Layout {
  readonly width: number;
  readonly height: number;
  readonly boxes: readonly PlacedBox[];
  readonly edges: readonly PlacedEdge[];
}

/**
 * Places the boxes and routes the edges of `graph` (left to right, children
 * before parents).
 *
 * @example
 * const { boxes, edges, width, height } = await layoutGraph(erGraph(model));
 */
export async function layoutGraph(graph: ErGraph): Promise<Layout> {
  const dagre = (await import("@dagrejs/dagre")).default;
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: "LR", nodesep: 24, ranksep: 60, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  const sized = new Map<string, { width: number; height: number; nameWidth: number }>();
  for (const entity of graph.entities) {
    const size = measure(entity);
    sized.set(entity.id, size);
    g.setNode(entity.id, { width: size.width, height: size.height });
  }
  // Self-references are drawn as a loop beside their table (dagre's would cross it).
  graph.edges.forEach((e, i) => {
    if (e.from !== e.to) g.setEdge(e.from, e.to, {}, `e${i}`);
  });
  dagre.layout(g);
  const boxes = new Map<string, PlacedBox>();
  for (const entity of graph.entities) {
    const size = sized.get(entity.id)!;
    const node = g.node(entity.id) as { x: number; y: number };
    boxes.set(entity.id, {
      entity,
      width: round(size.width),
      height: size.height,
      nameWidth: round(size.nameWidth),
      x: round(node.x - size.width / 2),
      y: round(node.y - size.height / 2),
    });
  }
  const edges = graph.edges.map((e, index) => ({
    index,
    d:
      e.from === e.to
        ? selfLoop(boxes.get(e.from)!, e.fromColumns[0]!, e.toColumns[0]!)
        : (
            g.edge({ v: e.from, w: e.to, name: `e${index}` }) as {
              points: { x: number; y: number }[];
            }
          ).points
            .map((p, j) => `${j === 0 ? "M" : "L"}${round(p.x)},${round(p.y)}`)
            .join(" "),
  }));
  const size = g.graph() as { width?: number; height?: number };
  const loopRight = graph.edges
    .filter((e) => e.from === e.to)
    .map((e) => boxes.get(e.from)!)
    .map((b) => b.x + b.width + LOOP + 4);
  return {
    width: Math.ceil(Math.max(size.width ?? 0, ...loopRight)),
    height: Math.ceil(size.height ?? 0),
    boxes: [...boxes.values()],
    edges,
  };
}

/** A loop out of the right side of the table, from the referencing column's row to the referenced one's. */
function selfLoop(box: PlacedBox, from: string, to: string): string {
  const row = (name: string) => {
    const i = box.entity.columns.findIndex((c) => c.name === name);
    return box.y + LINE * (i + 1) + LINE / 2;
  };
  const right = box.x + box.width;
  const [a, b] = [row(from), row(to)];
  return `M${round(right)},${round(a)} C${round(right + LOOP)},${round(a)} ${round(right + LOOP)},${round(b)} ${round(right)},${round(b)}`;
}

function measure(entity: ErEntity): { width: number; height: number; nameWidth: number } {
  const nameWidth = Math.max(0, ...entity.columns.map((c) => textWidth(c.name)));
  const typeWidth = Math.max(0, ...entity.columns.map((c) => textWidth(`${c.type}?`)));
  const keyWidth = entity.columns.some((c) => c.pk || c.fk || c.uk)
    ? textWidth("PK FK UK") * 0.85
    : 0;
  const title = textWidth(`${entity.label}${entity.kind === "view" ? " (view)" : ""}`) * 1.1;
  const width =
    Math.max(title, nameWidth + GAP + typeWidth + (keyWidth ? GAP + keyWidth : 0)) + 2 * PAD;
  return { width, height: LINE * (entity.columns.length + 1) + 4, nameWidth };
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

/** One decimal: enough for a drawing, and stable text. */
export function round(n: number): number {
  return Math.round(n * 10) / 10;
}
