import { RULES } from "./rules/index.js";
import type { Finding } from "./types.js";

/** Output formats of `pitstop lint`. */
export const LINT_FORMATS = ["pretty", "json", "github", "sarif"] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

export interface FormatInput {
  readonly findings: readonly Finding[];
  /** Scripts checked. */
  readonly checked: number;
  readonly pgVersion: number;
  /** pitstop's version, for SARIF. */
  readonly toolVersion?: string;
  /** Colours for `pretty` (identity by default). */
  readonly style?: (
    text: string,
    ...styles: ("red" | "yellow" | "cyan" | "dim" | "bold")[]
  ) => string;
}

/** Renders findings in one of the formats; the result ends with a newline (or is empty). */
export function formatFindings(format: LintFormat, input: FormatInput): string {
  switch (format) {
    case "pretty":
      return pretty(input);
    case "json":
      return `${JSON.stringify(jsonReport(input), null, 2)}\n`;
    case "github":
      return github(input.findings);
    case "sarif":
      return `${JSON.stringify(sarif(input), null, 2)}\n`;
  }
}

/** `2 errors, 1 warning` */
export function countFindings(findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  const parts = [];
  if (errors) parts.push(`${errors} error${errors === 1 ? "" : "s"}`);
  if (warnings) parts.push(`${warnings} warning${warnings === 1 ? "" : "s"}`);
  return parts.join(", ");
}

const WIDTH = 96;

function pretty(input: FormatInput): string {
  const style = input.style ?? ((t: string) => t);
  const out: string[] = [];
  // Most findings share their rule's lock and why text: wrapped once each.
  const wrapped = new Map<string, string>();
  const field = (label: string, text: string) => {
    const key = `${label}\0${text}`;
    let lines = wrapped.get(key);
    if (lines === undefined) {
      lines = wrapField(label, text);
      wrapped.set(key, lines);
    }
    return lines;
  };
  for (const f of input.findings) {
    const label =
      f.severity === "error" ? style("error", "red", "bold") : style("warning", "yellow", "bold");
    out.push(`${label}${style(`[${f.rule}]`, "bold")} ${f.file}:${f.line}:${f.column}`);
    out.push(`  ${f.message}`);
    if (f.frame) out.push(f.frame.replace(/^/gm, "  "));
    if (f.lock) out.push(field(style("lock:", "cyan"), f.lock));
    out.push(field(style("why: ", "cyan"), f.why));
    out.push(field(style("fix: ", "cyan"), f.fix));
    out.push("");
  }
  const scripts = `${input.checked} migration${input.checked === 1 ? "" : "s"}`;
  out.push(
    input.checked === 0 && input.findings.length === 0
      ? "No migrations to check."
      : input.findings.length === 0
        ? `No findings in ${scripts} (rules for PostgreSQL ${input.pgVersion}).`
        : `${countFindings(input.findings)} in ${scripts} (rules for PostgreSQL ${input.pgVersion}). Ignore one deliberately with \`-- pitstop-lint-ignore <rule>: <reason>\` above the statement.`,
  );
  return `${out.join("\n")}\n`;
}

/** `  why: text...` wrapped, continuation lines indented under the text. */
function wrapField(label: string, text: string): string {
  const indent = "        ";
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    // Lines that start with spaces are SQL: keep them as written.
    if (/^\s/.test(paragraph)) {
      lines.push(paragraph);
      continue;
    }
    let line = "";
    for (const word of paragraph.split(" ")) {
      if (line && line.length + word.length + 1 > WIDTH - indent.length) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines.map((l, i) => (i === 0 ? `  ${label} ${l}` : `${indent}${l}`)).join("\n");
}

function jsonReport(input: FormatInput) {
  return {
    ok: !input.findings.some((f) => f.severity === "error"),
    pgVersion: input.pgVersion,
    checked: input.checked,
    errors: input.findings.filter((f) => f.severity === "error").length,
    warnings: input.findings.filter((f) => f.severity === "warning").length,
    findings: input.findings.map(({ frame: _frame, ...f }) => f),
  };
}

/** GitHub Actions workflow commands: annotations on the pull request's files. */
function github(findings: readonly Finding[]): string {
  return findings
    .map((f) => {
      const props = [
        `file=${escapeProperty(f.file)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `title=${escapeProperty(`pitstop lint: ${f.rule}`)}`,
      ].join(",");
      const body = `${f.message}\n\nfix: ${f.fix}`;
      return `::${f.severity} ${props}::${escapeData(body)}\n`;
    })
    .join("");
}

function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** SARIF 2.1.0, for code-scanning dashboards. */
function sarif(input: FormatInput) {
  const index = new Map(RULES.map((r, i) => [r.id, i]));
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "pitstop",
            ...(input.toolVersion ? { version: input.toolVersion } : {}),
            rules: RULES.map((r) => ({
              id: r.id,
              shortDescription: { text: r.summary },
              fullDescription: { text: r.why },
              help: { text: `Lock: ${r.lock}\n\n${r.why}\n\nSafe rewrite:\n${r.fix}` },
              defaultConfiguration: { level: r.severity },
            })),
          },
        },
        columnKind: "utf16CodeUnits",
        results: input.findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: index.get(f.rule) ?? 0,
          level: f.severity,
          message: { text: `${f.message}\n\nFix: ${f.fix}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file.replace(/\\/g, "/") },
                region: { startLine: f.line, startColumn: f.column },
              },
            },
          ],
        })),
      },
    ],
  };
}
