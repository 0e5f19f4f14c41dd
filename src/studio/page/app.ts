/**
 * pitstop studio's page: tabs for the diagram, the history, pending
 * migrations with their lint findings, and drift. Everything comes from the
 * server's read-only JSON API; nothing here can change the database.
 */
import type {
  ChangeResponse,
  DriftResponse,
  GraphResponse,
  HistoryResponse,
  LintResponse,
  OverviewResponse,
  TableResponse,
} from "../api-types.js";
import { DiagramView } from "./diagram.js";
import { byId, el, getJson, postJson } from "./dom.js";
import { changeView, driftView, historyTable, lintView, tableView } from "./panels.js";

interface Timings {
  /** From navigation start to the diagram drawn (after the next frame). */
  ready?: number;
  /** Fetching the laid-out graph and drawing it. */
  render?: number;
  /** From Enter in the search box to the table centred and its details shown. */
  search?: number;
  layoutMs?: number;
}

/** Numbers a test or a curious user can read: `window.studioTimings`. */
const timings: Timings = {};
(window as unknown as { studioTimings: Timings }).studioTimings = timings;

const diagram = new DiagramView(byId("canvas"), (id) => {
  void select(id);
});
let graph: GraphResponse | undefined;
const loaded = new Set<string>();

function status(text: string): void {
  byId("status").textContent = text;
}

function failed(where: HTMLElement, error: unknown): void {
  where.replaceChildren(el("p", { class: "error" }, String((error as Error).message ?? error)));
}

async function loadOverview(): Promise<void> {
  const o = await getJson<OverviewResponse>("/api/overview");
  byId("source").textContent = `${o.source} (${o.from})`;
  byId("loaded-at").textContent = `read ${o.loadedAt.replace("T", " ").replace(/\.\d+Z$/, " UTC")}`;
  const schema = byId<HTMLSelectElement>("schema");
  const current = schema.value;
  schema.replaceChildren(
    el("option", { value: "" }, "All schemas"),
    ...o.schemas.map((s) => el("option", { value: s }, s)),
  );
  schema.value = o.schemas.includes(current) ? current : "";
  byId("pending-count").textContent = o.pending ? String(o.pending) : "";
  byId("problems").replaceChildren(...o.problems.map((p) => el("li", {}, p)));
}

async function loadGraph(): Promise<void> {
  const schema = byId<HTMLSelectElement>("schema").value;
  const views = byId<HTMLInputElement>("views").checked;
  const params = new URLSearchParams();
  if (schema) params.set("schemas", schema);
  if (views) params.set("views", "1");
  status("Laying out the diagram...");
  const started = performance.now();
  graph = await getJson<GraphResponse>(`/api/graph?${params}`);
  byId<HTMLAnchorElement>("download-svg").href = `/api/diagram.svg?${params}`;
  diagram.render(graph);
  fillList();
  timings.render = performance.now() - started;
  timings.layoutMs = graph.layoutMs;
  status(`${graph.nodes.length} table(s), ${graph.edges.length} foreign key(s).`);
}

/** The keyboard-friendly list of tables, filtered by the search box. */
function fillList(): void {
  const q = byId<HTMLInputElement>("search").value.trim().toLowerCase();
  const matches = (graph?.nodes ?? []).filter((n) => !q || n.label.toLowerCase().includes(q));
  const list = byId("table-list");
  list.replaceChildren(
    ...matches.slice(0, 500).map((n) => {
      const button = el(
        "button",
        { type: "button", "data-id": n.id },
        n.label,
        n.kind === "view" ? " (view)" : "",
      );
      button.addEventListener("click", () => void select(n.id));
      return el("li", {}, button);
    }),
  );
  byId("match-count").textContent = q ? `${matches.length} match(es)` : "";
}

/** Centre, highlight and show the details of table `id`. */
async function select(id: string): Promise<void> {
  const panel = byId("details");
  // Open the panel first: it narrows the canvas the table is centred in.
  panel.hidden = false;
  diagram.focus(id);
  for (const b of byId("table-list").querySelectorAll("button[aria-current]"))
    b.removeAttribute("aria-current");
  byId("table-list")
    .querySelector(`button[data-id="${CSS.escape(id)}"]`)
    ?.setAttribute("aria-current", "true");
  const body = byId("details-body");
  try {
    const table = await getJson<TableResponse>(`/api/table?id=${encodeURIComponent(id)}`);
    body.replaceChildren(tableView(table));
  } catch (error) {
    failed(body, error);
  }
}

async function search(): Promise<void> {
  const q = byId<HTMLInputElement>("search").value.trim().toLowerCase();
  if (!graph || !q) return;
  const started = performance.now();
  const exact = graph.nodes.find((n) => n.label.toLowerCase() === q || n.name.toLowerCase() === q);
  const hit = exact ?? graph.nodes.find((n) => n.label.toLowerCase().includes(q));
  if (!hit) {
    status(`No table matches "${q}".`);
    return;
  }
  await select(hit.id);
  timings.search = performance.now() - started;
}

async function showTab(name: string): Promise<void> {
  for (const tab of document.querySelectorAll<HTMLButtonElement>("[role=tab]")) {
    const on = tab.dataset.tab === name;
    tab.setAttribute("aria-selected", String(on));
    tab.tabIndex = on ? 0 : -1;
    byId(`view-${tab.dataset.tab}`).hidden = !on;
  }
  if (loaded.has(name)) return;
  loaded.add(name);
  if (name === "history") await loadHistory();
  if (name === "pending") await loadLint();
}

async function loadHistory(): Promise<void> {
  const where = byId("history-list");
  try {
    const h = await getJson<HistoryResponse>("/api/history");
    where.replaceChildren(
      h.database ? "" : el("p", {}, "No database: the folder's migrations, without statuses."),
      h.migrations.length === 0
        ? el("p", {}, "No migrations.")
        : historyTable(h.migrations, (m) => void showChange(m.version)),
    );
  } catch (error) {
    failed(where, error);
  }
}

async function showChange(version: string): Promise<void> {
  const where = byId("change");
  where.replaceChildren(el("p", {}, "Replaying the migrations on a scratch database..."));
  for (const b of document.querySelectorAll("button.migration[aria-current]"))
    b.removeAttribute("aria-current");
  document
    .querySelector(`button.migration[data-version="${CSS.escape(version)}"]`)
    ?.setAttribute("aria-current", "true");
  try {
    where.replaceChildren(
      changeView(await getJson<ChangeResponse>(`/api/history/${encodeURIComponent(version)}`)),
    );
  } catch (error) {
    failed(where, error);
  }
}

async function loadLint(): Promise<void> {
  const where = byId("lint");
  where.replaceChildren(el("p", {}, "Linting..."));
  try {
    where.replaceChildren(lintView(await getJson<LintResponse>("/api/lint")));
  } catch (error) {
    failed(where, error);
  }
}

async function loadDrift(): Promise<void> {
  const where = byId("drift");
  where.replaceChildren(el("p", {}, "Replaying the applied migrations on a scratch database..."));
  try {
    where.replaceChildren(driftView(await getJson<DriftResponse>("/api/drift")));
  } catch (error) {
    failed(where, error);
  }
}

function wire(): void {
  for (const tab of document.querySelectorAll<HTMLButtonElement>("[role=tab]"))
    tab.addEventListener("click", () => void showTab(tab.dataset.tab!));
  byId("tabs").addEventListener("keydown", (e) => {
    if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
    const tabs = [...document.querySelectorAll<HTMLButtonElement>("[role=tab]")];
    const at = tabs.findIndex((t) => t.getAttribute("aria-selected") === "true");
    const next = tabs[(at + (e.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length]!;
    next.focus();
    void showTab(next.dataset.tab!);
  });
  const searchBox = byId<HTMLInputElement>("search");
  searchBox.addEventListener("input", fillList);
  byId("search-form").addEventListener("submit", (e) => {
    e.preventDefault();
    void search();
  });
  byId("schema").addEventListener("change", () => void loadGraph());
  byId("views").addEventListener("change", () => void loadGraph());
  byId("zoom-in").addEventListener("click", () => diagram.zoom(1.25));
  byId("zoom-out").addEventListener("click", () => diagram.zoom(0.8));
  byId("zoom-fit").addEventListener("click", () => diagram.fit());
  byId("details-close").addEventListener("click", () => {
    byId("details").hidden = true;
    diagram.highlight(undefined);
  });
  byId("drift-run").addEventListener("click", () => void loadDrift());
  byId("reload").addEventListener("click", async () => {
    status("Reading the schema again...");
    try {
      await postJson("/api/reload");
      loaded.clear();
      loaded.add("diagram");
      byId("change").replaceChildren();
      byId("drift").replaceChildren();
      await loadOverview();
      await loadGraph();
      const open = document.querySelector<HTMLButtonElement>("[role=tab][aria-selected=true]");
      if (open && open.dataset.tab !== "diagram") {
        loaded.delete(open.dataset.tab!);
        await showTab(open.dataset.tab!);
      }
    } catch (error) {
      status(`Reload failed: ${(error as Error).message}`);
    }
  });
}

async function start(): Promise<void> {
  wire();
  loaded.add("diagram");
  try {
    await loadOverview();
    await loadGraph();
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    timings.ready = performance.now();
    document.body.dataset.ready = "true";
  } catch (error) {
    status(`Could not load: ${(error as Error).message}`);
  }
}

void start();
