import type { Rule } from "../types.js";

/** A file that does not parse cannot be checked (and will not run). Findings come from the linter itself. */
export const syntaxError: Rule = {
  id: "syntax-error",
  severity: "error",
  kinds: [],
  summary: "the file does not parse with the PostgreSQL parser",
  lock: "none",
  why: "pitstop refuses to run a migration that does not parse, and nothing in it can be checked.",
  fix: "Fix the SQL at the caret (pitstop parses with the PostgreSQL 18 grammar).",
  check: () => undefined,
};
