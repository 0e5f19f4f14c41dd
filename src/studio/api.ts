/**
 * `pitstop studio`'s JSON API: read-only views of a snapshot (see
 * snapshot.ts). Expensive answers are computed on first request and kept:
 * the diagram's layout (per schema filter), each migration's change (one
 * replay on a scratch database, moving forward), lint, drift.
 */
import { asPitstopError } from "../core/errors.js";
import { driftOf } from "../declarative/drift.js";
import { StepReplay } from "../declarative/step-models.js";
import { compareModels } from "../diff/compare.js";
import { diff } from "../diff/diff.js";
import { DEFAULT_PG_VERSION, type LintOptions, lint } from "../lint/lint.js";
import { loadParser } from "../sql/parser.js";
import type {
  ChangeResponse,
  DriftResponse,
  GraphResponse,
  HistoryEntry,
  HistoryResponse,
  LintResponse,
  OverviewResponse,
  TableResponse,
} from "./api-types.js";
import { changedTables } from "./changed-tables.js";
import { type ErGraph, erGraph } from "./er-graph.js";
import { type Layout, layoutGraph } from "./layout.js";
import { loadSnapshot, type Snapshot, type StudioInputs } from "./snapshot.js";
import { tableDetails } from "./table-details.js";

/** Statuses that `pitstop lint` (and so the Pending view) counts as pending. */
const PENDING = new Set(["pending", "out_of_order", "failed", "running"]);

/** A diagram laid out: the graph, where everything goes, and the page's JSON of it. */
interface Drawn {
  readonly graph: ErGraph;
  readonly layout: Layout;
  readonly response: GraphResponse;
}

/** An answer: a status and a JSON body. */
export interface ApiAnswer {
  readonly status: number;
  readonly body: unknown;
}

export interface StudioApiOptions extends StudioInputs {
  /** Lint settings (rules, lock timeout, target version) as `pitstop lint` takes them. */
  readonly lint: LintOptions;
}

/**
 * The API over one snapshot at a time.
 *
 * @example
 * const api = await StudioApi.open(options);
 * const { status, body } = await api.get("/api/graph", new URLSearchParams());
 */
export class StudioApi {
  readonly #options: StudioApiOptions;
  #snapshot: Snapshot;
  #layouts = new Map<string, Promise<Drawn>>();
  #steps: StepReplay;
  #changes = new Map<string, Promise<ChangeResponse>>();
  #lint: Promise<LintResponse> | undefined;
  #drift: Promise<DriftResponse> | undefined;

  private constructor(options: StudioApiOptions, snapshot: Snapshot) {
    this.#options = options;
    this.#snapshot = snapshot;
    this.#steps = new StepReplay(snapshot.migrations, options.declarative);
  }

  /** Reads the first snapshot. */
  static async open(options: StudioApiOptions): Promise<StudioApi> {
    return new StudioApi(options, await loadSnapshot(options));
  }

  /** Over a snapshot already read (Reload reads a new one from `options`). */
  static withSnapshot(options: StudioApiOptions, snapshot: Snapshot): StudioApi {
    return new StudioApi(options, snapshot);
  }

  get snapshot(): Snapshot {
    return this.#snapshot;
  }

  /** Reads the schema (and history) again; cached answers go. */
  async reload(): Promise<void> {
    const snapshot = await loadSnapshot(this.#options);
    const old = this.#steps;
    this.#snapshot = snapshot;
    this.#layouts = new Map();
    this.#changes = new Map();
    this.#lint = undefined;
    this.#drift = undefined;
    this.#steps = new StepReplay(snapshot.migrations, this.#options.declarative);
    await old.close();
  }

  /** Lays out the whole diagram now (the page's first request then finds it ready). */
  warmUp(): Promise<unknown> {
    return this.graph(new URLSearchParams()).catch(() => {});
  }

  async close(): Promise<void> {
    await this.#steps.close();
  }

  /** Answers `GET path?query`; 404 for anything else. */
  async get(path: string, query: URLSearchParams): Promise<ApiAnswer> {
    try {
      if (path === "/api/overview") return ok(this.overview());
      if (path === "/api/graph") return ok(await this.graph(query));
      if (path === "/api/table") {
        const table = this.table(query.get("id") ?? "");
        return table ? ok(table) : notFound(`no table or view ${query.get("id")}`);
      }
      if (path === "/api/history") return ok(this.history());
      if (path.startsWith("/api/history/")) {
        const version = decodeURIComponent(path.slice("/api/history/".length));
        const change = await this.change(version);
        return change ? ok(change) : notFound(`no migration ${version} in the folder`);
      }
      if (path === "/api/lint") return ok(await this.lint());
      if (path === "/api/drift") return ok(await this.drift());
      return notFound(`no such endpoint: ${path}`);
    } catch (error) {
      return { status: 500, body: { error: asPitstopError(error).message } };
    }
  }

  overview(): OverviewResponse {
    const s = this.#snapshot;
    const graph = erGraph(s.model);
    return {
      from: this.#options.from.kind,
      source: s.source,
      loadedAt: s.loadedAt.toISOString(),
      schemas: [...new Set(["public", ...s.model.schemas.map((x) => x.name)])].sort(),
      tables: graph.entities.length,
      views: s.model.views.length,
      foreignKeys: graph.edges.length,
      migrations: s.migrations.length,
      ...(s.status ? { pending: s.status.pending } : {}),
      problems: s.status?.problems ?? [],
    };
  }

  /** `schemas=a,b` keeps those schemas; `views=1` draws views too. */
  async graph(query: URLSearchParams): Promise<GraphResponse> {
    return (await this.#drawn(query)).response;
  }

  /** The same diagram as `schema diagram --format svg` draws it (the page's download). */
  async svg(query: URLSearchParams): Promise<string> {
    const { graph, layout } = await this.#drawn(query);
    const { svgOfLayout } = await import("./svg.js");
    return svgOfLayout(graph, layout);
  }

  #drawn(query: URLSearchParams): Promise<Drawn> {
    const schemas = (query.get("schemas") ?? "").split(",").filter(Boolean).sort();
    const views = query.get("views") === "1";
    const key = `${schemas.join(",")}|${views}`;
    let drawn = this.#layouts.get(key);
    if (!drawn) {
      drawn = this.#layout(schemas, views);
      this.#layouts.set(key, drawn);
      drawn.catch(() => this.#layouts.delete(key));
    }
    return drawn;
  }

  table(id: string): TableResponse | undefined {
    return tableDetails(this.#snapshot.model, id);
  }

  history(): HistoryResponse {
    const s = this.#snapshot;
    const files = new Set(s.migrations.map((m) => m.version));
    if (!s.status)
      return {
        database: false,
        migrations: s.migrations.map((m) => ({
          version: m.version,
          versionText: m.versionText,
          id: `${m.versionText}_${m.name}`,
          status: "unknown",
          appliedAt: null,
          durationMs: null,
          error: null,
          hasFile: true,
        })),
      };
    return {
      database: true,
      migrations: s.status.migrations.map(
        (m): HistoryEntry => ({
          version: m.version,
          versionText: m.versionText,
          id: m.id,
          status: m.status,
          appliedAt: m.appliedAt ? m.appliedAt.toISOString() : null,
          durationMs: m.durationMs,
          error: m.error,
          hasFile: files.has(m.version),
        }),
      ),
    };
  }

  /** What migration `version` changes; undefined when the folder has no such migration. */
  change(version: string): Promise<ChangeResponse> | undefined {
    const migration = this.#snapshot.migrations.find((m) => m.version === version);
    if (!migration) return undefined;
    let change = this.#changes.get(version);
    if (!change) {
      const steps = this.#steps;
      const id = `${migration.versionText}_${migration.name}`;
      change = (async (): Promise<ChangeResponse> => {
        const started = performance.now();
        try {
          const { before, after } = await steps.around(version);
          return {
            version,
            id,
            differences: compareModels(before, after),
            statements: diff(before, after).statements,
            tables: [...changedTables(before, after)].sort(),
            computeMs: Math.round(performance.now() - started),
          };
        } catch (error) {
          return {
            version,
            id,
            differences: [],
            statements: [],
            tables: [],
            error: asPitstopError(error).message,
            computeMs: Math.round(performance.now() - started),
          };
        }
      })();
      this.#changes.set(version, change);
    }
    return change;
  }

  lint(): Promise<LintResponse> {
    this.#lint ??= this.#lintNow();
    return this.#lint;
  }

  drift(): Promise<DriftResponse> {
    this.#drift ??= this.#driftNow();
    return this.#drift;
  }

  async #layout(schemas: readonly string[], views: boolean): Promise<Drawn> {
    const started = performance.now();
    const model = this.#snapshot.model;
    const keep = new Set(schemas);
    const all = erGraph(model, { views });
    const graph =
      keep.size === 0
        ? all
        : erGraph(model, {
            views,
            only: new Set(all.entities.filter((e) => keep.has(e.schema)).map((e) => e.id)),
          });
    const layout = await layoutGraph(graph);
    const response: GraphResponse = {
      width: layout.width,
      height: layout.height,
      nodes: layout.boxes.map((b) => ({
        id: b.entity.id,
        schema: b.entity.schema,
        name: b.entity.name,
        label: b.entity.label,
        kind: b.entity.kind,
        x: b.x,
        y: b.y,
        width: b.width,
        height: b.height,
        typeX: b.nameWidth,
        columns: b.entity.columns,
      })),
      edges: layout.edges.map(({ index, d }) => {
        const e = graph.edges[index]!;
        return {
          id: `fk:${e.from}.${e.name}`,
          name: e.name,
          from: e.from,
          to: e.to,
          fromColumns: e.fromColumns,
          toColumns: e.toColumns,
          nullable: e.nullable,
          d,
        };
      }),
      layoutMs: Math.round(performance.now() - started),
    };
    return { graph, layout, response };
  }

  async #lintNow(): Promise<LintResponse> {
    const s = this.#snapshot;
    const scope = s.status ? "pending" : "all";
    const pending = new Set(
      s.status
        ? s.status.migrations.filter((m) => PENDING.has(m.status)).map((m) => m.version)
        : s.migrations.map((m) => m.version),
    );
    const pgVersion = this.#options.lint.pgVersion ?? s.serverVersion ?? DEFAULT_PG_VERSION;
    const selected = s.migrations.filter((m) => pending.has(m.version));
    await loadParser();
    const report = lint(s.migrations, {
      ...this.#options.lint,
      pgVersion,
      select: (m) => pending.has(m.version),
    });
    return {
      scope,
      migrations: selected.map((m) => `${m.versionText}_${m.name}`),
      pgVersion,
      findings: report.findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        file: f.file,
        line: f.line,
        column: f.column,
        ...(f.migration ? { migration: f.migration } : {}),
        ...(f.lock ? { lock: f.lock } : {}),
        why: f.why,
        fix: f.fix,
        statement: f.statement,
      })),
    };
  }

  async #driftNow(): Promise<DriftResponse> {
    const s = this.#snapshot;
    if (!s.status)
      return {
        available: false,
        reason: "drift compares a database with its migrations: start studio on a database",
        differences: [],
        fix: [],
        applied: 0,
        pending: 0,
      };
    const applied = new Set(
      s.status.migrations
        .filter((m) => m.status === "applied" || m.status === "changed")
        .map((m) => m.version),
    );
    const migrations = s.migrations;
    let report: Awaited<ReturnType<typeof driftOf>>;
    try {
      report = await driftOf(
        s.model,
        applied,
        { description: this.#options.migrations.description, load: async () => [...migrations] },
        this.#options.declarative,
      );
    } catch (error) {
      const message = asPitstopError(error).message;
      return {
        available: true,
        differences: [],
        fix: [],
        applied: applied.size,
        pending: s.status.pending,
        error: message,
      };
    }
    return {
      available: true,
      differences: report.differences,
      fix: report.fix,
      applied: applied.size,
      pending: s.status.pending,
    };
  }
}

function ok(body: unknown): ApiAnswer {
  return { status: 200, body };
}

function notFound(message: string): ApiAnswer {
  return { status: 404, body: { error: message } };
}
