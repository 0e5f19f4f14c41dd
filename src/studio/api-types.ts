/**
 * What `pitstop studio`'s JSON API answers: shared by the server and the
 * page (types only, nothing that runs).
 */
import type { Difference } from "../diff/compare.js";
import type { PlanStatement } from "../diff/plan.js";
import type { ErColumn } from "./er-graph.js";

/** `GET /api/overview`: what the page shows and where it came from. */
export interface OverviewResponse {
  /** `database`, `migrations` (the folder replayed) or `file` (a schema file loaded). */
  readonly from: "database" | "migrations" | "file";
  /** The database, folder or file, without any password. */
  readonly source: string;
  /** ISO time the schema was read. */
  readonly loadedAt: string;
  readonly schemas: readonly string[];
  readonly tables: number;
  readonly views: number;
  readonly foreignKeys: number;
  /** Migrations in the folder. */
  readonly migrations: number;
  /** Pending against the database; undefined without one. */
  readonly pending?: number;
  readonly problems: readonly string[];
}

/** One box of `GET /api/graph`. */
export interface GraphNode {
  readonly id: string;
  readonly schema: string;
  readonly name: string;
  readonly label: string;
  readonly kind: "table" | "view";
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Where the type column starts, from the box's left edge. */
  readonly typeX: number;
  readonly columns: readonly ErColumn[];
}

/** One foreign key of `GET /api/graph`. */
export interface GraphEdge {
  /** `fk:<from>.<constraint>`. */
  readonly id: string;
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly fromColumns: readonly string[];
  readonly toColumns: readonly string[];
  readonly nullable: boolean;
  /** SVG path, child to parent. */
  readonly d: string;
}

/** `GET /api/graph?schemas=a,b&views=1`: the ER diagram, laid out. */
export interface GraphResponse {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** Milliseconds the server spent laying it out (0 when cached). */
  readonly layoutMs: number;
}

/** `GET /api/table?id=schema.name`: one table or view in detail. */
export interface TableResponse {
  readonly id: string;
  readonly kind: "table" | "partitioned" | "view" | "materialized view";
  readonly schema: string;
  readonly name: string;
  readonly comment?: string;
  readonly columns: readonly {
    name: string;
    type: string;
    notNull: boolean;
    default?: string;
    identity?: string;
    generated?: string;
    comment?: string;
  }[];
  readonly constraints: readonly { name: string; type: string; definition: string }[];
  readonly indexes: readonly { name: string; definition: string }[];
  readonly triggers: readonly { name: string; definition: string; enabled?: string }[];
  readonly policies: readonly {
    name: string;
    command: string;
    permissive: boolean;
    roles: readonly string[];
    using?: string;
    withCheck?: string;
  }[];
  /** Foreign keys of other tables that point here: `schema.table (constraint)`. */
  readonly referencedBy: readonly string[];
  /** As `pitstop schema dump` writes it. */
  readonly ddl: string;
}

/** One migration of `GET /api/history`. */
export interface HistoryEntry {
  readonly version: string;
  readonly versionText: string;
  readonly id: string;
  /** `applied`, `pending`, `failed`, `changed`, `missing`...; `unknown` without a database. */
  readonly status: string;
  readonly appliedAt: string | null;
  readonly durationMs: number | null;
  readonly error: string | null;
  /** A file in the folder: its change can be computed. */
  readonly hasFile: boolean;
}

export interface HistoryResponse {
  readonly migrations: readonly HistoryEntry[];
  /** Without a database: no statuses, the folder's migrations only. */
  readonly database: boolean;
}

/** `GET /api/history/<version>`: what one migration changes, before vs after it, replayed. */
export interface ChangeResponse {
  readonly version: string;
  readonly id: string;
  readonly differences: readonly Difference[];
  /** DDL that takes the schema from before to after (the differ's plain form). */
  readonly statements: readonly PlanStatement[];
  /** Entity ids of tables it touches. */
  readonly tables: readonly string[];
  /** Replaying the folder up to it failed: why. */
  readonly error?: string;
  readonly computeMs: number;
}

/**
 * One lint finding, as `pitstop lint --format json` gives it (less the code
 * frame). Spelled out rather than derived from lint/types.ts: the page's
 * browser-only tsconfig cannot follow that file's imports into Node code.
 */
export interface LintFinding {
  readonly rule: string;
  readonly severity: "error" | "warning";
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly migration?: string;
  readonly lock?: string;
  readonly why: string;
  readonly fix: string;
  readonly statement: string;
}

/** `GET /api/lint`: the pending migrations (all of them without a database) and their findings. */
export interface LintResponse {
  readonly scope: "pending" | "all";
  readonly migrations: readonly string[];
  readonly findings: readonly LintFinding[];
  readonly pgVersion: number;
  readonly error?: string;
}

/** `GET /api/drift`: the database against its applied migrations replayed. */
export interface DriftResponse {
  readonly available: boolean;
  /** Why not, when not available (no database). */
  readonly reason?: string;
  readonly differences: readonly Difference[];
  readonly fix: readonly PlanStatement[];
  readonly applied: number;
  readonly pending: number;
  readonly error?: string;
}
