/** The migration linter: rules over parsed statements and the schema they run on. */
export {
  DEFAULT_PG_VERSION,
  type LintOptions,
  type LintReport,
  lint,
  lintScript,
  ruleById,
} from "./lint.js";
export { RULES } from "./rules/index.js";
export type { Finding, Rule, RuleSetting, Severity } from "./types.js";
