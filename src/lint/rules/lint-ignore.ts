import type { Rule } from "../types.js";

/** Ignore comments must say why, and name rules that exist. Findings come from the linter itself. */
export const lintIgnore: Rule = {
  id: "lint-ignore",
  severity: "error",
  kinds: [],
  summary: "an ignore comment without a reason, naming an unknown rule, or in the wrong place",
  lock: "none",
  why: "An ignore comment is a decision the next reader must be able to trust: `-- pitstop-lint-ignore <rule>: <reason>` says what was accepted and why. Without a reason it silences a check without a trace of the thinking; with a misspelled rule or in the wrong place it silences nothing.",
  fix: "  -- pitstop-lint-ignore drop-column: nothing reads legacy_flag since v1.42\n  ALTER TABLE users DROP COLUMN legacy_flag;\nFile-wide ignores (`pitstop-lint-ignore-file`) go above the first statement.",
  check: () => undefined,
};
