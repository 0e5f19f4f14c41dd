/**
 * Ignore comments:
 *
 *   -- pitstop-lint-ignore <rule>[, <rule>...]: <reason>        the next statement
 *   CREATE INDEX ...; -- pitstop-lint-ignore <rule>: <reason>   this statement
 *   -- pitstop-lint-ignore-file <rule>: <reason>                 the whole file (at the top)
 */

export interface IgnoreDirective {
  readonly rules: readonly string[];
  /** Empty when the comment gives none (itself a finding). */
  readonly reason: string;
  /** `pitstop-lint-ignore-file`. */
  readonly wholeFile: boolean;
  /** Character offset of the comment in the text passed in, plus `base`. */
  readonly offset: number;
}

const DIRECTIVE = /--[ \t]*pitstop-lint-ignore(-file)?(?![\w-])([^\n]*)/g;

/** The ignore comments in `text` (comments and blanks between statements). */
export function readDirectives(text: string, base = 0): IgnoreDirective[] {
  if (!text.includes("pitstop-lint-ignore")) return [];
  const out: IgnoreDirective[] = [];
  for (const m of text.matchAll(DIRECTIVE)) {
    const rest = m[2]!.replace(/\r$/, "");
    const colon = rest.indexOf(":");
    const names = colon < 0 ? rest : rest.slice(0, colon);
    out.push({
      rules: names.split(/[\s,]+/).filter(Boolean),
      reason: colon < 0 ? "" : rest.slice(colon + 1).trim(),
      wholeFile: m[1] !== undefined,
      offset: base + m.index,
    });
  }
  return out;
}
