/**
 * The diagram writers over a real inspected schema (test/fixtures/diagram:
 * composite keys, self and cross-schema references, nullable and unique
 * foreign keys, names mermaid cannot take bare, a view), on each driver:
 * every table and foreign key is drawn; the mermaid text passes mermaid's own
 * parser (it runs in Node without a browser), the SVG parses as XML; and a
 * generated 300-table schema lays out.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import mermaid from "mermaid";
import { beforeAll, describe, expect, it } from "vitest";
import { inspect } from "../src/inspect/inspect.js";
import { emptyModel, type SchemaModel } from "../src/inspect/model.js";
import { changedTables } from "../src/studio/changed-tables.js";
import { parseDiagramFormat, renderDiagram } from "../src/studio/diagram.js";
import { renderDot } from "../src/studio/dot.js";
import { erGraph, withNeighbours } from "../src/studio/er-graph.js";
import { renderMermaid } from "../src/studio/mermaid.js";
import { renderSvg } from "../src/studio/svg.js";
import { describeEachDriver } from "./helpers/databases.js";
import { loadSql } from "./helpers/schema.js";

const FIXTURE = path.join(import.meta.dirname, "fixtures/diagram/schema.sql");

const TABLES = [
  "public.customers",
  "public.customer_profiles",
  "public.loyalty_cards",
  "sales.orders",
  "sales.line items",
  "sales.shipments",
];
// [constraint, from, to, nullable, unique]
const EDGES: [string, string, string, boolean, boolean][] = [
  ["customers_referred_by_fkey", "public.customers", "public.customers", true, false],
  [
    "customer_profiles_customer_id_fkey",
    "public.customer_profiles",
    "public.customers",
    false,
    true,
  ],
  ["orders_customer_id_fkey", "sales.orders", "public.customers", false, false],
  ["loyalty_cards_customer_id_fkey", "public.loyalty_cards", "public.customers", false, true],
  ["line items_order_id_fkey", "sales.line items", "sales.orders", false, false],
  ["shipments_order_id_line_no_fkey", "sales.shipments", "sales.line items", true, false],
];

describeEachDriver("diagrams", (ctx) => {
  let model: SchemaModel;
  beforeAll(async () => {
    const db = await ctx.newDriver();
    await loadSql(db, readFileSync(FIXTURE, "utf8"), FIXTURE);
    model = await inspect(db);
  });

  it("the graph has every table, the view on request, and each foreign key with its cardinality", () => {
    const graph = erGraph(model, { views: true });
    expect(graph.entities.map((e) => e.id).sort()).toEqual(
      [...TABLES, "sales.order_totals"].sort(),
    );
    expect(graph.edges.map((e) => [e.name, e.from, e.to, e.nullable, e.unique]).sort()).toEqual(
      [...EDGES].sort(),
    );
    const shipments = graph.edges.find((e) => e.from === "sales.shipments")!;
    expect(shipments.fromColumns).toEqual(["order_id", "line_no"]);
    expect(shipments.toColumns).toEqual(["order_id", "line_no"]);
    const lineItems = graph.entities.find((e) => e.id === "sales.line items")!;
    expect(lineItems.columns.filter((c) => c.pk).map((c) => c.name)).toEqual([
      "order_id",
      "line_no",
    ]);
    expect(erGraph(model).entities.some((e) => e.kind === "view")).toBe(false);
    const cards = graph.entities.find((e) => e.id === "public.loyalty_cards")!;
    expect(cards.columns.filter((c) => c.uk).map((c) => c.name)).toEqual(["customer_id"]);
  });

  it("mermaid: mermaid's parser accepts it; every table, key marker and relationship is there", async () => {
    const text = renderMermaid(model, { views: true });
    await expect(mermaid.parse(text)).resolves.toMatchObject({ diagramType: "er" });
    for (const id of [...TABLES, "sales.order_totals"]) {
      const label = id.replace(/^public\./, "");
      expect(text).toContain(`  "${label}" {`);
    }
    expect(text).toContain("bigint id PK");
    expect(text).toContain("bigint customer_id PK, FK");
    expect(text).toContain("character_varying(40) sku");
    // A name mermaid cannot take keeps its real spelling in the comment.
    expect(text).toMatch(/numeric\(10_2\) Unit-Price\n/);
    const rel = (from: string, card: string, to: string, name: string) =>
      expect(text).toContain(`"${from}" ${card} "${to}" : "${name}"`);
    rel("customers", "}o..o|", "customers", "customers_referred_by_fkey"); // nullable: zero-or-one parent
    rel("customer_profiles", "|o--||", "customers", "customer_profiles_customer_id_fkey"); // unique: one-to-one
    rel("sales.orders", "}o..||", "customers", "orders_customer_id_fkey");
    rel("loyalty_cards", "|o..||", "customers", "loyalty_cards_customer_id_fkey"); // unique index: one-to-one
    rel("sales.line items", "}o--||", "sales.orders", "line items_order_id_fkey"); // in the PK: identifying
    rel("sales.shipments", "}o..o|", "sales.line items", "shipments_order_id_line_no_fkey");
    expect(text.match(/ : "/g)).toHaveLength(EDGES.length);
  });

  it("mermaid's parser is strict about what the writer sanitizes", async () => {
    // The raw names and types the writer rewrites: the same parser rejects them.
    const raw = [
      'erDiagram\n  "a" {\n    character varying(40) sku\n  }\n',
      'erDiagram\n  "a" {\n    text Unit Price\n  }\n',
      'erDiagram\n  "a" {\n    "char" x\n  }\n',
      'erDiagram\n  "a"b" {\n    text x\n  }\n',
      'erDiagram\n  "100%" {\n    text x\n  }\n',
      'erDiagram\n  "a" {\n    text pk\n  }\n',
    ];
    for (const text of raw) await expect(mermaid.parse(text), text).rejects.toThrow();
    const weird = {
      ...model,
      schemas: [],
      views: [],
      constraints: [],
      tables: [
        {
          schema: 'my "odd" schema',
          name: "100% \\ done",
          kind: "table" as const,
          columns: [
            { name: "Unit Price", type: "character varying(40)", notNull: true },
            { name: "c", type: '"char"', notNull: false },
            { name: "1st", type: "timestamp with time zone", notNull: false },
            { name: "pk", type: "uk", notNull: false },
          ],
        },
      ],
    };
    const text = renderMermaid(weird);
    await expect(mermaid.parse(text), text).resolves.toMatchObject({ diagramType: "er" });
    expect(text).toContain('character_varying(40) Unit_Price "Unit Price"');
    expect(text).toContain('uk_ pk_ "pk, nullable"');
  });

  it("dot: a node with an HTML-like table per table, an edge port to port per foreign key", () => {
    const text = renderDot(model, { views: true });
    expect(text.startsWith("digraph schema {")).toBe(true);
    expect(text.trimEnd().endsWith("}")).toBe(true);
    const nodes = [...text.matchAll(/^ {2}(t\d+) \[id="([^"]+)", label=<<TABLE /gm)];
    expect(nodes.map((m) => m[2]).sort()).toEqual([...TABLES, "sales.order_totals"].sort());
    const node = new Map(nodes.map((m) => [m[2]!, m[1]!]));
    for (const [name, from, to] of EDGES) {
      const edge = text.match(
        new RegExp(`^ {2}(t\\d+):(e\\d+):e -> (t\\d+):(w\\d+):w \\[id="fk:${from}\\.${name}"`, "m"),
      );
      expect(edge, name).not.toBeNull();
      expect(edge![1]).toBe(node.get(from));
      expect(edge![3]).toBe(node.get(to));
    }
    // Row to row: shipments' first FK column is its second row (1), line items' order_id its first (0).
    expect(text).toMatch(
      new RegExp(`${node.get("sales.shipments")}:e1:e -> ${node.get("sales.line items")}:w0:w`),
    );
    expect(text).toContain("<B>sales.line items</B>");
  });

  it("dot: Graphviz renders it, with every table and foreign key (by id) in its SVG", () => {
    // .ci/run installs Graphviz; elsewhere: apt-get install graphviz.
    const svg = execFileSync("dot", ["-Tsvg"], {
      input: renderDot(model, { views: true }),
      encoding: "utf8",
    });
    expect(XMLValidator.validate(svg)).toBe(true);
    for (const id of [...TABLES, "sales.order_totals"]) expect(svg).toContain(`id="${id}"`);
    for (const [name, from] of EDGES) expect(svg).toContain(`id="fk:${from}.${name}"`);
  });

  it("svg: well-formed XML with a group per table and a path per foreign key, laid out inside the canvas", async () => {
    const text = await renderSvg(model, { views: true });
    expect(XMLValidator.validate(text)).toBe(true);
    const { groups, paths, width, height } = svgParts(text);
    expect(groups.map((g) => g.id).sort()).toEqual(
      [...TABLES.map((t) => `table:${t}`), "view:sales.order_totals"].sort(),
    );
    expect(paths.map((p) => p.id).sort()).toEqual(
      EDGES.map(([n, from]) => `fk:${from}.${n}`).sort(),
    );
    for (const g of groups) {
      expect(g.x).toBeGreaterThanOrEqual(0);
      expect(g.y).toBeGreaterThanOrEqual(0);
      expect(g.x + g.width).toBeLessThanOrEqual(width + 0.5);
      expect(g.y + g.height).toBeLessThanOrEqual(height + 0.5);
    }
    expect(overlapping(groups)).toEqual([]);
    // Every edge stays on the canvas, the self-reference's loop included.
    for (const p of paths) {
      const numbers = p.d.match(/-?\d+(\.\d+)?/g)!.map(Number);
      const xs = numbers.filter((_, i) => i % 2 === 0);
      const ys = numbers.filter((_, i) => i % 2 === 1);
      expect(Math.min(...xs, ...ys), p.id).toBeGreaterThanOrEqual(0);
      expect(Math.max(...xs), p.id).toBeLessThanOrEqual(width);
      expect(Math.max(...ys), p.id).toBeLessThanOrEqual(height);
    }
  });

  it("changed tables and their direct neighbours", () => {
    const before = { ...model, tables: model.tables.filter((t) => t.name !== "shipments") };
    const changed = changedTables(
      { ...before, constraints: model.constraints.filter((c) => c.table !== "shipments") },
      model,
    );
    expect([...changed]).toEqual(["sales.shipments"]);
    expect([...withNeighbours(erGraph(model), changed)].sort()).toEqual([
      "sales.line items",
      "sales.shipments",
    ]);
    expect(changedTables(model, model).size).toBe(0);
  });
});

describe("diagram formats", () => {
  it("a bad format is a usage error naming the choices", () => {
    expect(() => parseDiagramFormat("png")).toThrow(/--format png: not a diagram format/);
    expect(parseDiagramFormat(undefined)).toBe("mermaid");
    expect(parseDiagramFormat("SVG")).toBe("svg");
  });

  it("300 generated tables lay out: every table placed, none overlapping another, every edge drawn", async () => {
    const model = generatedSchema(300);
    const text = await renderDiagram(model, "svg");
    expect(XMLValidator.validate(text)).toBe(true);
    const { groups, paths } = svgParts(text);
    expect(groups).toHaveLength(300);
    expect(paths).toHaveLength(model.constraints.filter((c) => c.type === "foreign").length);
    expect(overlapping(groups)).toEqual([]);
    const mermaidText = await renderDiagram(model, "mermaid");
    await expect(mermaid.parse(mermaidText)).resolves.toMatchObject({ diagramType: "er" });
  });
});

/** Pairs of boxes that overlap (touching edges do not count). */
function overlapping(boxes: readonly Placed[]): string[] {
  const found: string[] = [];
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1))
      if (
        a.x + a.width > b.x &&
        b.x + b.width > a.x &&
        a.y + a.height > b.y &&
        b.y + b.height > a.y
      )
        found.push(`${a.id} / ${b.id}`);
  return found;
}

interface Placed {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

function svgParts(text: string): {
  groups: Placed[];
  paths: { id: string; d: string }[];
  width: number;
  height: number;
} {
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(text);
  const svg = doc.svg;
  const asList = <T>(x: T | T[] | undefined): T[] =>
    x === undefined ? [] : Array.isArray(x) ? x : [x];
  const layers = asList(svg.g) as { class: string; g?: unknown; path?: unknown }[];
  const tables = asList(layers.find((l) => l.class === "tables")?.g) as {
    id: string;
    rect: { x: string; y: string; width: string; height: string }[];
  }[];
  const edges = asList(layers.find((l) => l.class === "edges")?.path) as {
    id: string;
    d: string;
  }[];
  return {
    groups: tables.map((t) => ({
      id: t.id,
      x: Number(t.rect[0]!.x),
      y: Number(t.rect[0]!.y),
      width: Number(t.rect[0]!.width),
      height: Number(t.rect[0]!.height),
    })),
    paths: edges,
    width: Number(svg.width),
    height: Number(svg.height),
  };
}

/** `n` tables in 10 schemas, each referencing up to two earlier ones (one nullable). */
function generatedSchema(n: number): SchemaModel {
  const base = emptyModel();
  const schemaOf = (i: number) => (i % 10 === 0 ? "public" : `s${i % 10}`);
  const ref = (i: number) => (schemaOf(i) === "public" ? `t${i}` : `${schemaOf(i)}.t${i}`);
  const tables = [];
  const constraints = [];
  for (let i = 0; i < n; i++) {
    const schema = schemaOf(i);
    const columns = [
      { name: "id", type: "bigint", notNull: true },
      { name: "name", type: "text", notNull: false },
      { name: "a_id", type: "bigint", notNull: true },
      { name: "b_id", type: "bigint", notNull: false },
    ];
    tables.push({ schema, name: `t${i}`, kind: "table" as const, columns });
    constraints.push({
      schema,
      table: `t${i}`,
      name: `t${i}_pkey`,
      type: "primary" as const,
      definition: "PRIMARY KEY (id)",
    });
    if (i > 0)
      constraints.push({
        schema,
        table: `t${i}`,
        name: `t${i}_a_fkey`,
        type: "foreign" as const,
        definition: `FOREIGN KEY (a_id) REFERENCES ${ref(Math.floor(i / 2))}(id)`,
      });
    if (i > 3 && i % 3 === 0)
      constraints.push({
        schema,
        table: `t${i}`,
        name: `t${i}_b_fkey`,
        type: "foreign" as const,
        definition: `FOREIGN KEY (b_id) REFERENCES ${ref(i - 3)}(id)`,
      });
  }
  return { ...base, tables, constraints };
}
