import { parseDuration } from "../core/duration.js";
import { PitstopError, UsageError } from "../core/errors.js";
import { type Migration, migrationId, type SqlScript } from "../core/migration.js";
import { type AnalyzedScript, analyzeScript, type ExecutionMode } from "../sql/analyze.js";
import { classify } from "../sql/classify.js";
import { byteToCharMapper, codeFrame, LineIndex } from "../sql/text.js";
import { DEFAULT_HISTORY, type HistoryTable } from "../store/history.js";
import { intConst, list, type RelName, stringConst } from "./ast.js";
import { doBlockStatements } from "./do-blocks.js";
import { type IgnoreDirective, readDirectives } from "./ignore.js";
import { RULES } from "./rules/index.js";
import { Schema } from "./schema.js";
import type {
  Finding,
  Hit,
  LintStatement,
  Rule,
  RuleContext,
  RuleSetting,
  Severity,
} from "./types.js";

/** The newest PostgreSQL the parser knows: the default target. */
export const DEFAULT_PG_VERSION = 18;
export const MIN_PG_VERSION = 10;
/** pitstop's own default `ddlLockTimeout` (the runner's DEFAULT_DDL_LOCK_TIMEOUT_MS). */
export const DEFAULT_LINT_DDL_LOCK_TIMEOUT_MS = 5_000;

export interface LintOptions {
  /** PostgreSQL major version the migrations will run on (default 18). */
  readonly pgVersion?: number;
  /** The runner's `lock_timeout` for DDL in ms (`ddlLockTimeout`; default 5000, 0 = off). */
  readonly ddlLockTimeoutMs?: number;
  /** Rule id -> `off`, `warning` or `error` (default: each rule's own severity). */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** The history table (default `public.pitstop_migrations`). */
  readonly history?: HistoryTable;
}

export interface LintReport {
  readonly findings: readonly Finding[];
  /** Scripts checked (not counting those replayed for context). */
  readonly checked: number;
  readonly pgVersion: number;
}

/**
 * Lints migrations, in version order. `select` picks the ones to check
 * (default: all); the migrations before a checked one are replayed for their
 * schema (which tables exist, column types...). Pure: call `loadParser()` first.
 *
 * @example
 * await loadParser();
 * const { findings } = lint(await directorySource({ dir: "migrations" }).load(), {
 *   select: (m) => pending.has(m.version),
 * });
 */
export function lint(
  migrations: readonly Migration[],
  options: LintOptions & { select?: (m: Migration) => boolean } = {},
): LintReport {
  const run = new LintRun(options);
  const select = options.select ?? (() => true);
  let last = -1;
  migrations.forEach((m, i) => {
    if (select(m)) last = i;
  });
  // Parsed once, whether for a check, a replay or a rule looking ahead (foreign-key-index).
  const parsed = new Map<number, AnalyzedScript | Error>();
  const analyzed = (i: number): AnalyzedScript | Error => {
    let a = parsed.get(i);
    if (!a) {
      const up = migrations[i]!.up;
      try {
        a = up.kind === "sql" ? run.analyze(up) : new Error("not SQL");
      } catch (error) {
        a = error instanceof Error ? error : new Error(String(error));
      }
      parsed.set(i, a);
    }
    return a;
  };
  const findings: Finding[] = [];
  let checked = 0;
  for (let i = 0; i <= last; i++) {
    const m = migrations[i]!;
    if (m.up.kind !== "sql") continue;
    if (select(m)) {
      const later = () => {
        const out: LintStatement[] = [];
        for (let j = i + 1; j < migrations.length; j++) {
          const a = analyzed(j);
          if (!(a instanceof Error))
            for (const s of a.statements) out.push({ ...s, embedded: false });
        }
        return out;
      };
      findings.push(...run.check(m.up, migrationId(m), analyzed(i), later));
      checked++;
    } else run.replay(m.up, analyzed(i));
    parsed.delete(i);
  }
  return { findings, checked, pgVersion: run.pgVersion };
}

/**
 * Lints one script (what `pitstop diff` or `create` just wrote) after
 * replaying `context`, the migrations that run before it. Pure: call
 * `loadParser()` first.
 *
 * @example
 * const findings = lintScript("CREATE INDEX ON orders (user_id);", { context: migrations });
 */
export function lintScript(
  script: SqlScript | string,
  options: LintOptions & { context?: readonly Migration[]; migration?: string } = {},
): Finding[] {
  const run = new LintRun(options);
  for (const m of options.context ?? []) if (m.up.kind === "sql") run.replay(m.up);
  const s: SqlScript =
    typeof script === "string"
      ? { kind: "sql", sql: script, file: "<sql>", source: script, offset: 0 }
      : script;
  return run.check(s, options.migration);
}

/** Looks up a rule by id. */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

interface Walked {
  readonly statement: LintStatement;
  /** Index of the top-level statement (DO block statements share their block's). */
  readonly top: number;
}

/** One pass over a sequence of scripts, sharing the replayed schema. */
class LintRun {
  readonly pgVersion: number;
  readonly #ddlLockTimeoutMs: number;
  readonly #history: HistoryTable;
  readonly #settings: Map<string, Severity>;
  readonly #active: Rule[];
  /** Active rules by statement kind, in RULES order. */
  readonly #byKind = new Map<string, Rule[]>();
  readonly #schema = new Schema();
  #migration = -1;
  #transaction = 0;
  #later: () => readonly LintStatement[] = () => [];

  constructor(options: LintOptions) {
    this.pgVersion = options.pgVersion ?? DEFAULT_PG_VERSION;
    if (!Number.isInteger(this.pgVersion) || this.pgVersion < MIN_PG_VERSION)
      throw new UsageError(`PostgreSQL version ${options.pgVersion} is not one pitstop lints for`, {
        hint: `Give a major version from ${MIN_PG_VERSION} to ${DEFAULT_PG_VERSION}, e.g. --pg-version 15.`,
      });
    this.#ddlLockTimeoutMs = options.ddlLockTimeoutMs ?? DEFAULT_LINT_DDL_LOCK_TIMEOUT_MS;
    this.#history = options.history ?? DEFAULT_HISTORY;
    this.#settings = new Map();
    for (const [id, setting] of Object.entries(options.rules ?? {})) {
      if (!ruleById(id))
        throw new UsageError(`lint.rules: there is no rule ${JSON.stringify(id)}`, {
          hint: `Rules: ${RULES.map((r) => r.id).join(", ")}.`,
        });
      if (setting !== "off" && setting !== "warning" && setting !== "error")
        throw new UsageError(
          `lint.rules.${id}: ${JSON.stringify(setting)} is not "off", "warning" or "error"`,
        );
      if (setting !== "off") this.#settings.set(id, setting);
    }
    const off = new Set(
      Object.entries(options.rules ?? {})
        .filter(([, s]) => s === "off")
        .map(([id]) => id),
    );
    this.#active = RULES.filter((r) => !off.has(r.id));
    for (const r of this.#active)
      if (!this.#settings.has(r.id)) this.#settings.set(r.id, r.severity);
  }

  /** Splits and classifies a script for this run's server version (throws on a syntax error). */
  analyze(script: SqlScript): AnalyzedScript {
    return analyzeScript(script, this.pgVersion * 10_000);
  }

  /** Replays a script for its effect on the schema; reports nothing. */
  replay(script: SqlScript, parsed?: AnalyzedScript | Error): void {
    let analyzed: AnalyzedScript;
    try {
      analyzed = unwrapParsed(parsed) ?? this.analyze(script);
    } catch {
      this.#migration++;
      return;
    }
    this.#walk(analyzed, undefined);
  }

  check(
    script: SqlScript,
    migration?: string,
    parsed?: AnalyzedScript | Error,
    later: () => readonly LintStatement[] = () => [],
  ): Finding[] {
    let analyzed: AnalyzedScript;
    this.#later = memo(later);
    try {
      analyzed = unwrapParsed(parsed) ?? this.analyze(script);
    } catch (error) {
      this.#migration++;
      if (!(error instanceof PitstopError)) throw error;
      // A file that does not parse is a finding: the other files are still checked.
      return this.#settings.has("syntax-error")
        ? [this.#syntaxFinding(error, script, migration)]
        : [];
    }
    // Most files have no finding: positions are mapped only when one needs them.
    let lines: LineIndex | undefined;
    const index = () => (lines ??= new LineIndex(script.source));
    let mapper: ((b: number) => number) | undefined;
    const toChar = (b: number) => {
      mapper ??= byteToCharMapper(script.sql);
      return mapper(b);
    };
    const raw: { finding: Finding; top: number }[] = [];
    this.#walk(analyzed, (w, ctx) => {
      const s = w.statement;
      // Indexed loops: lint runs on V8's baseline JIT, where for-of allocates an
      // iterator result per step (every rule, every statement).
      const rules = this.#rulesFor(s.kind);
      for (let r = 0; r < rules.length; r++) {
        const rule = rules[r]!;
        const result = rule.check(s, ctx);
        if (!result) continue;
        const hits = Array.isArray(result) ? (result as readonly Hit[]) : [result as Hit];
        for (let h = 0; h < hits.length; h++) {
          const hit = hits[h]!;
          let at = s.start;
          if (hit.location !== undefined && !s.embedded) {
            const c = toChar(hit.location);
            // Offsets after blanked COPY data may drift; never point outside the statement.
            if (c >= s.start && c < s.end) at = c;
          }
          raw.push({
            finding: this.#finding(rule, hit, script, index, s, at, migration),
            top: w.top,
          });
        }
      }
    });
    return this.#applyIgnores(raw, analyzed, script, index, migration);
  }

  #rulesFor(kind: string): Rule[] {
    let rules = this.#byKind.get(kind);
    if (!rules) {
      rules = this.#active.filter((r) => !r.kinds || r.kinds.includes(kind));
      this.#byKind.set(kind, rules);
    }
    return rules;
  }

  #walk(
    analyzed: AnalyzedScript,
    visit: ((w: Walked, ctx: RuleContext) => void) | undefined,
  ): void {
    const migration = ++this.#migration;
    const schema = this.#schema;
    schema.beginMigration();
    const mode: ExecutionMode = analyzed.mode;
    const ddl = this.#ddlLockTimeoutMs;
    let transaction = ++this.#transaction;
    let inUser = false;
    let lockTimeout = mode === "steps" ? 0 : ddl;
    let runnerLast = -1;
    let beforeLocal: number | undefined;
    const seen = new Set<string>();
    const isNew = (rel: RelName | undefined) => schema.table(rel)?.created.migration === migration;
    const once = (key: string) => {
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    };
    const tops: LintStatement[] = analyzed.statements.map((top) => ({ ...top, embedded: false }));
    analyzed.statements.forEach((top, topIndex) => {
      const control = top.facts.transactionControl;
      if (mode === "steps" && !inUser) {
        transaction = ++this.#transaction;
        // The runner sets lock_timeout before each statement outside the file's own transactions.
        const wanted = top.facts.concurrent ? 0 : ddl;
        if (wanted !== runnerLast) lockTimeout = runnerLast = wanted;
      }
      const statements: LintStatement[] =
        top.kind === "DoStmt"
          ? [
              tops[topIndex]!,
              ...doBlockStatements(top.text, top.node).map((e) => ({
                kind: e.kind,
                node: e.node,
                text: e.text,
                start: top.start + e.offset,
                end: top.start + e.offset,
                facts: classify(e, this.pgVersion * 10_000),
                embedded: true,
              })),
            ]
          : [tops[topIndex]!];
      for (let k = 0; k < statements.length; k++) {
        const statement = statements[k]!;
        const w = { statement, top: topIndex };
        if (visit) {
          const ctx: RuleContext = {
            pgVersion: this.pgVersion,
            schema,
            mode,
            migration,
            inUserTransaction: inUser && control !== "begin",
            transaction,
            lockTimeoutMs: lockTimeout,
            runnerLockTimeoutMs: ddl,
            history: this.#history,
            statements: tops,
            index: topIndex,
            later: this.#later,
            isNew,
            once,
          };
          visit(w, ctx);
        }
        schema.apply(statement.kind, statement.node, { migration, transaction });
        if (statement.kind === "VariableSetStmt") {
          const set = lockTimeoutSet(statement.node);
          if (set !== undefined) {
            const local = statement.node.is_local === true;
            if (!local || mode !== "steps" || inUser) {
              if (local && beforeLocal === undefined) beforeLocal = lockTimeout;
              lockTimeout = set;
            }
          }
        }
      }
      if (control === "begin") inUser = true;
      if (control === "commit" || control === "rollback") {
        inUser = false;
        if (beforeLocal !== undefined) lockTimeout = beforeLocal;
        beforeLocal = undefined;
      }
    });
  }

  #finding(
    rule: Rule,
    hit: Hit,
    script: SqlScript,
    lineIndex: () => LineIndex,
    s: { text: string; start: number; end: number },
    at: number,
    migration: string | undefined,
  ): Finding {
    const offset = script.offset + at;
    const index = lineIndex();
    const { line, column } = index.locate(offset);
    const first = index.locate(script.offset + s.start).line;
    const last = index.locate(script.offset + Math.max(s.start, s.end - 1)).line;
    return {
      rule: rule.id,
      severity: this.#settings.get(rule.id) ?? rule.severity,
      message: hit.message,
      file: script.file,
      line,
      column,
      ...(migration ? { migration } : {}),
      lock: hit.lock ?? rule.lock,
      why: hit.why ?? rule.why,
      fix: hit.fix ?? rule.fix,
      statement: s.text,
      frame: codeFrame(index, offset, {
        before: Math.min(3, line - first),
        after: Math.min(2, Math.max(0, last - line)),
      }),
    };
  }

  #syntaxFinding(error: PitstopError, script: SqlScript, migration: string | undefined): Finding {
    const rule = ruleById("syntax-error")!;
    const loc = error.location ?? { file: script.file, line: 1, column: 1 };
    return {
      rule: rule.id,
      severity: this.#settings.get(rule.id) ?? rule.severity,
      message: error.message.replace(/^[^:]+:\d+:\d+: /, ""),
      file: loc.file,
      line: loc.line,
      column: loc.column,
      ...(migration ? { migration } : {}),
      why: rule.why,
      fix: error.hint ?? rule.fix,
      statement: "",
      frame: error.frame ?? "",
    };
  }

  #applyIgnores(
    raw: { finding: Finding; top: number }[],
    analyzed: AnalyzedScript,
    script: SqlScript,
    index: () => LineIndex,
    migration: string | undefined,
  ): Finding[] {
    const byPosition = (a: Finding, b: Finding) => a.line - b.line || a.column - b.column;
    // No ignore comment anywhere in the file (most files): nothing to look for
    // between the statements (readDirectives would find none).
    if (!script.source.includes("pitstop-lint-ignore"))
      return raw.map((r) => r.finding).sort(byPosition);
    const tops = analyzed.statements;
    const byStatement = new Map<number, IgnoreDirective[]>();
    const wholeFile: IgnoreDirective[] = [];
    const misplaced: { directive: IgnoreDirective; problem: string }[] = [];
    const firstStart = tops[0]?.start ?? script.sql.length;
    // The file's top: above the first statement, including a header above `-- +up`.
    for (const d of readDirectives(script.source.slice(0, script.offset + firstStart))) {
      if (d.wholeFile) wholeFile.push(d);
      else if (d.offset >= script.offset) push(byStatement, 0, d);
      else
        misplaced.push({ directive: d, problem: "is above `-- +up`: it applies to no statement" });
    }
    for (let i = 0; i <= tops.length; i++) {
      if (i === 0) continue;
      const prevEnd = tops[i - 1]!.end;
      const gapEnd = i < tops.length ? tops[i]!.start : script.sql.length;
      const gap = script.sql.slice(prevEnd, gapEnd);
      for (const d of readDirectives(gap, script.offset + prevEnd)) {
        if (d.wholeFile) {
          misplaced.push({
            directive: d,
            problem: "must come before the first statement of the file",
          });
          continue;
        }
        // A comment on the line where the previous statement ends is about that statement.
        const sameLine = !script.source.slice(script.offset + prevEnd, d.offset).includes("\n");
        if (sameLine) push(byStatement, i - 1, d);
        else if (i < tops.length) push(byStatement, i, d);
        else misplaced.push({ directive: d, problem: "has no statement after it" });
      }
    }
    const fileRules = new Set(wholeFile.flatMap((d) => d.rules));
    const out = raw
      .filter(({ finding, top }) => {
        if (finding.rule === "lint-ignore") return true;
        if (fileRules.has(finding.rule)) return false;
        return !(byStatement.get(top) ?? []).some((d) => d.rules.includes(finding.rule));
      })
      .map((r) => r.finding);
    if (this.#settings.has("lint-ignore")) {
      const rule = ruleById("lint-ignore")!;
      const problems = [
        ...misplaced,
        ...[...wholeFile, ...[...byStatement.values()].flat()].flatMap((d) =>
          directiveProblems(d).map((problem) => ({ directive: d, problem })),
        ),
      ];
      for (const { directive, problem } of problems) {
        const at = directive.offset - script.offset;
        out.push(
          this.#finding(
            rule,
            { message: `this ignore comment ${problem}` },
            script,
            index,
            { text: script.source.slice(directive.offset).split("\n")[0]!, start: at, end: at + 1 },
            at,
            migration,
          ),
        );
      }
    }
    return out.sort(byPosition);
  }
}

/** A parse done ahead: its result, or its error thrown again. */
function unwrapParsed(parsed: AnalyzedScript | Error | undefined): AnalyzedScript | undefined {
  if (parsed instanceof Error) throw parsed;
  return parsed;
}

function memo<T>(fn: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = fn();
      done = true;
    }
    return value;
  };
}

function push(map: Map<number, IgnoreDirective[]>, key: number, d: IgnoreDirective): void {
  const existing = map.get(key);
  if (existing) existing.push(d);
  else map.set(key, [d]);
}

function directiveProblems(d: IgnoreDirective): string[] {
  const problems: string[] = [];
  if (d.rules.length === 0)
    problems.push("names no rule (`-- pitstop-lint-ignore <rule>: <reason>`)");
  for (const id of d.rules)
    if (!ruleById(id)) problems.push(`names ${JSON.stringify(id)}, which is not a rule`);
  if (d.rules.length > 0 && !d.reason)
    problems.push("gives no reason (`-- pitstop-lint-ignore <rule>: <reason>`)");
  return problems;
}

/** The lock_timeout a `SET lock_timeout ...` leaves in force, in ms (RESET: the server default, 0). */
function lockTimeoutSet(node: Record<string, unknown>): number | undefined {
  if (node.kind === "VAR_RESET_ALL") return 0;
  if (node.name !== "lock_timeout") return undefined;
  if (node.kind !== "VAR_SET_VALUE") return 0;
  const arg = list(node.args)[0];
  const ms = intConst(arg);
  if (ms !== undefined) return ms;
  const text = stringConst(arg);
  if (text === undefined) return 1;
  return parseDuration(text.replace(/\s+/g, "")) ?? 1;
}
