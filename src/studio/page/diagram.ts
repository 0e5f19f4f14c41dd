/**
 * The ER diagram: the server's layout drawn as SVG, with pan (drag), zoom
 * (wheel or buttons), centring on a table and highlighting it.
 */
import type { GraphNode, GraphResponse } from "../api-types.js";
import { escapeXml } from "./dom.js";

const LINE = 18;
const PAD = 8;
const GAP = 16;
const MIN_ZOOM = 0.05;
const MAX_ZOOM = 4;

export class DiagramView {
  /** The visible area: takes the pointer, gives the size. */
  readonly #frame: HTMLElement;
  /** Moved and scaled with a CSS transform: the SVG inside is never laid out again. */
  readonly #stage: HTMLElement;
  readonly #svg: SVGSVGElement;
  readonly #viewport: SVGGElement;
  readonly #onSelect: (id: string) => void;
  #graph: GraphResponse | undefined;
  #nodes = new Map<string, GraphNode>();
  #x = 0;
  #y = 0;
  #k = 1;

  constructor(frame: HTMLElement, onSelect: (id: string) => void) {
    this.#frame = frame;
    this.#stage = frame.querySelector(".stage") as HTMLElement;
    const svg = frame.querySelector("svg") as SVGSVGElement;
    this.#svg = svg;
    this.#viewport = svg.querySelector("g.viewport") as SVGGElement;
    this.#onSelect = onSelect;
    this.#listen();
  }

  /** Draws `graph`, replacing what was there, and fits it in the view. */
  render(graph: GraphResponse): void {
    this.#graph = graph;
    this.#nodes = new Map(graph.nodes.map((n) => [n.id, n]));
    const edges = graph.edges.map(
      (e) =>
        `<path class="fk${e.nullable ? " null" : ""}" id="${escapeXml(e.id)}" d="${escapeXml(e.d)}" marker-end="url(#one)" data-from="${escapeXml(e.from)}" data-to="${escapeXml(e.to)}"><title>${escapeXml(`${e.name}: ${e.from}(${e.fromColumns.join(", ")}) -> ${e.to}(${e.toColumns.join(", ")})`)}</title></path>`,
    );
    const tables = graph.nodes.map(nodeMarkup);
    this.#svg.setAttribute("width", String(graph.width));
    this.#svg.setAttribute("height", String(graph.height));
    this.#viewport.innerHTML = `<g class="edges">${edges.join("")}</g><g class="tables">${tables.join("")}</g>`;
    this.fit();
  }

  /** Scale and move so the whole diagram shows. */
  fit(): void {
    const g = this.#graph;
    if (!g) return;
    const { width, height } = this.#size();
    const k = Math.min(width / Math.max(g.width, 1), height / Math.max(g.height, 1), 1);
    this.#set((width - g.width * k) / 2, (height - g.height * k) / 2, Math.max(k, MIN_ZOOM));
  }

  /** Zoom by `factor` about the centre of the view. */
  zoom(factor: number): void {
    const { width, height } = this.#size();
    this.#zoomAt(factor, width / 2, height / 2);
  }

  /** Centres table `id` at a readable scale and marks it; false when it is not drawn. */
  focus(id: string): boolean {
    const node = this.#nodes.get(id);
    if (!node) return false;
    const { width, height } = this.#size();
    const k = Math.max(this.#k, 1);
    this.#set(
      width / 2 - (node.x + node.width / 2) * k,
      height / 2 - (node.y + node.height / 2) * k,
      k,
    );
    this.highlight(id);
    return true;
  }

  /** Marks table `id` and its foreign keys (none: clears the mark). */
  highlight(id: string | undefined): void {
    for (const old of this.#viewport.querySelectorAll(".selected, .related"))
      old.classList.remove("selected", "related");
    if (!id) return;
    const group = this.#viewport.querySelector(`g[data-id="${CSS.escape(id)}"]`);
    group?.classList.add("selected");
    for (const path of this.#viewport.querySelectorAll("path.fk"))
      if (path.getAttribute("data-from") === id || path.getAttribute("data-to") === id)
        path.classList.add("related");
  }

  get scale(): number {
    return this.#k;
  }

  #size(): { width: number; height: number } {
    const r = this.#frame.getBoundingClientRect();
    return { width: r.width || 800, height: r.height || 600 };
  }

  #set(x: number, y: number, k: number): void {
    this.#x = x;
    this.#y = y;
    this.#k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k));
    // A CSS transform on the HTML box, not an SVG transform: changing an SVG
    // transform's scale makes Chromium lay every <text> out again (its font
    // size depends on the scale), seconds for a 300-table diagram.
    this.#stage.style.transform = `translate(${this.#x}px, ${this.#y}px) scale(${this.#k})`;
  }

  #zoomAt(factor: number, cx: number, cy: number): void {
    const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, this.#k * factor));
    const f = k / this.#k;
    this.#set(cx - (cx - this.#x) * f, cy - (cy - this.#y) * f, k);
  }

  #listen(): void {
    let drag: { x: number; y: number; ox: number; oy: number; moved: boolean } | undefined;
    this.#frame.addEventListener(
      "wheel",
      (e) => {
        e.preventDefault();
        const r = this.#frame.getBoundingClientRect();
        this.#zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top);
      },
      { passive: false },
    );
    this.#frame.addEventListener("pointerdown", (e) => {
      if ((e.target as Element).closest(".zoom")) return;
      drag = { x: e.clientX, y: e.clientY, ox: this.#x, oy: this.#y, moved: false };
    });
    this.#frame.addEventListener("pointermove", (e) => {
      if (!drag) return;
      const dx = e.clientX - drag.x;
      const dy = e.clientY - drag.y;
      if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
      if (!drag.moved) this.#frame.setPointerCapture(e.pointerId);
      drag.moved = true;
      this.#frame.classList.add("panning");
      this.#set(drag.ox + dx, drag.oy + dy, this.#k);
    });
    const end = (e: PointerEvent) => {
      const was = drag;
      drag = undefined;
      this.#frame.classList.remove("panning");
      if (!was || was.moved) return;
      const group = (e.target as Element).closest?.("g.entity");
      const id = group?.getAttribute("data-id");
      if (id) this.#onSelect(id);
    };
    this.#frame.addEventListener("pointerup", end);
    this.#frame.addEventListener("pointercancel", () => {
      drag = undefined;
    });
  }
}

function nodeMarkup(n: GraphNode): string {
  const rows = n.columns.map((c, i) => {
    const top = n.y + LINE * (i + 1) + 13;
    const keys = [c.pk && "PK", c.fk && "FK", c.uk && "UK"].filter(Boolean).join(" ");
    const optional = c.notNull || c.pk || n.kind === "view" ? "" : "?";
    return `<text x="${n.x + PAD}" y="${top}">${escapeXml(c.name)}</text><text class="type" x="${n.x + PAD + n.typeX + GAP}" y="${top}">${escapeXml(c.type)}${optional}</text>${keys ? `<text class="k" x="${n.x + n.width - PAD}" y="${top}" text-anchor="end">${keys}</text>` : ""}`;
  });
  return `<g class="entity ${n.kind}" data-id="${escapeXml(n.id)}" data-schema="${escapeXml(n.schema)}"><title>${escapeXml(n.label)}</title><rect class="box" x="${n.x}" y="${n.y}" width="${n.width}" height="${n.height}"/><rect class="h" x="${n.x}" y="${n.y}" width="${n.width}" height="${LINE}"/><text class="n" x="${n.x + PAD}" y="${n.y + 13}">${escapeXml(n.label)}${n.kind === "view" ? " (view)" : ""}</text>${rows.join("")}</g>`;
}
