/** The side panel and the History, Pending and Drift views, drawn from API answers. */
import type {
  ChangeResponse,
  DriftResponse,
  HistoryEntry,
  LintResponse,
  TableResponse,
} from "../api-types.js";
import { duration, el, sqlBlock } from "./dom.js";

/** The details of one table: columns, keys, indexes, triggers, policies, DDL. */
export function tableView(t: TableResponse): HTMLElement {
  const section = (title: string, items: readonly Node[]) =>
    items.length === 0 ? null : el("section", {}, el("h3", {}, title), ...items);
  const list = (rows: readonly string[]) =>
    rows.length === 0 ? [] : [el("ul", {}, ...rows.map((r) => el("li", {}, el("code", {}, r))))];
  return el(
    "div",
    { class: "table-details" },
    el("h2", { id: "details-title" }, `${t.schema}.${t.name}`),
    el("p", { class: "kind" }, t.kind),
    t.comment ? el("p", { class: "comment" }, t.comment) : null,
    el(
      "table",
      { class: "columns" },
      el("caption", {}, "Columns"),
      el(
        "thead",
        {},
        el(
          "tr",
          {},
          el("th", {}, "Column"),
          el("th", {}, "Type"),
          el("th", {}, "Null"),
          el("th", {}, "Default"),
        ),
      ),
      el(
        "tbody",
        {},
        ...t.columns.map((c) =>
          el(
            "tr",
            {},
            el("td", { class: "column-name" }, c.name),
            el("td", {}, c.type),
            el("td", {}, c.notNull ? "not null" : "null"),
            el(
              "td",
              {},
              c.identity ?? (c.generated ? `generated: ${c.generated}` : (c.default ?? "")),
            ),
          ),
        ),
      ),
    ),
    section("Constraints", list(t.constraints.map((c) => `${c.name}: ${c.definition}`))),
    section("Indexes", list(t.indexes.map((i) => i.definition))),
    section(
      "Triggers",
      list(t.triggers.map((x) => x.definition + (x.enabled ? ` (${x.enabled})` : ""))),
    ),
    section(
      "Policies",
      list(
        t.policies.map(
          (p) =>
            `${p.name}: ${p.permissive ? "permissive" : "restrictive"} ${p.command} to ${p.roles.join(", ")}${p.using ? ` using (${p.using})` : ""}${p.withCheck ? ` with check (${p.withCheck})` : ""}`,
        ),
      ),
    ),
    section("Referenced by", list(t.referencedBy)),
    el("section", {}, el("h3", {}, "DDL (as schema dump writes it)"), sqlBlock(t.ddl)),
  );
}

/** The migrations as rows; `onSelect` gets a version. */
export function historyTable(
  migrations: readonly HistoryEntry[],
  onSelect: (m: HistoryEntry) => void,
): HTMLElement {
  return el(
    "table",
    { class: "history" },
    el("caption", {}, "Migrations"),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        ...["Migration", "Status", "Applied at (UTC)", "Took"].map((h) => el("th", {}, h)),
      ),
    ),
    el(
      "tbody",
      {},
      ...migrations.map((m) => {
        const button = el(
          "button",
          { type: "button", class: "migration", "data-version": m.version, disabled: !m.hasFile },
          m.id,
        );
        button.addEventListener("click", () => onSelect(m));
        return el(
          "tr",
          { "data-status": m.status },
          el("td", {}, button),
          el(
            "td",
            {},
            el("span", { class: `status ${m.status}` }, m.status.replace("_", " ")),
            m.error ? el("div", { class: "error" }, m.error) : null,
          ),
          el("td", {}, m.appliedAt ? m.appliedAt.replace("T", " ").replace(/\.\d+Z$/, "") : ""),
          el("td", {}, duration(m.durationMs)),
        );
      }),
    ),
  );
}

/** What one migration changed. */
export function changeView(c: ChangeResponse): HTMLElement {
  if (c.error)
    return el("div", { class: "change" }, el("h2", {}, c.id), el("p", { class: "error" }, c.error));
  return el(
    "div",
    { class: "change" },
    el("h2", {}, c.id),
    el(
      "p",
      {},
      c.differences.length === 0
        ? "No schema change (data only, or nothing the inspector reads)."
        : `${c.differences.length} object(s) changed; tables: ${c.tables.join(", ") || "none"}.`,
    ),
    el(
      "ul",
      { class: "differences" },
      ...c.differences.map((d) =>
        el(
          "li",
          { class: d.change },
          el(
            "span",
            { class: "sign" },
            d.change === "added" ? "+" : d.change === "removed" ? "−" : "~",
          ),
          " ",
          el("code", {}, d.key),
          d.fields ? ` (${d.fields.join(", ")})` : "",
        ),
      ),
    ),
    c.statements.length > 0 ? el("h3", {}, "As DDL (before → after)") : null,
    c.statements.length > 0 ? sqlBlock(c.statements.map((s) => `${s.sql};`).join("\n")) : null,
  );
}

/** The pending migrations and their lint findings. */
export function lintView(r: LintResponse): HTMLElement {
  const head =
    r.scope === "pending"
      ? `${r.migrations.length} pending migration(s), checked for PostgreSQL ${r.pgVersion}.`
      : `No database: all ${r.migrations.length} migration(s) checked, for PostgreSQL ${r.pgVersion}.`;
  const byMigration = new Map<string, typeof r.findings>();
  for (const f of r.findings) {
    const key = f.migration ?? f.file;
    byMigration.set(key, [...(byMigration.get(key) ?? []), f]);
  }
  return el(
    "div",
    { class: "lint" },
    el("p", {}, head),
    r.error ? el("p", { class: "error" }, r.error) : null,
    ...r.migrations.map((m) => {
      const findings = byMigration.get(m) ?? [];
      return el(
        "section",
        { class: "pending-migration", "data-migration": m },
        el(
          "h3",
          {},
          m,
          " ",
          el(
            "span",
            { class: findings.length ? "badge warn" : "badge ok" },
            findings.length ? `${findings.length} finding(s)` : "no findings",
          ),
        ),
        ...findings.map((f) =>
          el(
            "article",
            { class: `finding severity-${f.severity}`, "data-rule": f.rule },
            el("h4", {}, el("span", { class: "rule" }, f.rule), ` ${f.severity}: ${f.message}`),
            el("p", { class: "where" }, `${f.file}:${f.line}:${f.column}`),
            sqlBlock(f.statement),
            f.lock ? el("p", {}, el("strong", {}, "Lock: "), f.lock) : null,
            el("p", {}, el("strong", {}, "Why: "), f.why),
            el("div", {}, el("strong", {}, "Safe rewrite:"), sqlBlock(f.fix)),
          ),
        ),
      );
    }),
  );
}

/** Drift: differences and the SQL that would remove them. */
export function driftView(r: DriftResponse): HTMLElement {
  if (!r.available) return el("p", {}, r.reason ?? "Not available.");
  if (r.error) return el("p", { class: "error" }, r.error);
  const note = r.pending > 0 ? ` (${r.pending} pending migration(s) not compared)` : "";
  if (r.differences.length === 0)
    return el(
      "p",
      { class: "no-drift" },
      `No drift: the database matches its ${r.applied} applied migration(s)${note}.`,
    );
  return el(
    "div",
    { class: "drift" },
    el(
      "p",
      {},
      `${r.differences.length} difference(s) between the database and its ${r.applied} applied migration(s)${note}:`,
    ),
    el(
      "ul",
      { class: "differences" },
      ...r.differences.map((d) =>
        el(
          "li",
          { class: d.change },
          el("code", {}, d.key),
          ` ${d.change === "added" ? "only in the database" : d.change === "removed" ? "missing from the database" : `differs: ${(d.fields ?? []).join(", ")}`}`,
        ),
      ),
    ),
    r.fix.length > 0 ? el("h3", {}, "SQL that would make the database match the migrations") : null,
    r.fix.length > 0 ? sqlBlock(r.fix.map((s) => `${s.sql};`).join("\n")) : null,
  );
}
