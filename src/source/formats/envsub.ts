/**
 * goose's ENVSUB expansion set: `$NAME`, `${NAME}`, `${NAME:-default}`,
 * `${NAME-default}`, `${NAME:?message}`, `${NAME?message}`. An unset name
 * without a default becomes the empty string. `$$` (a dollar quote) and `$1`
 * (a parameter) are left alone: a name starts with a letter or `_`.
 */
const REFERENCE =
  /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * Substitutes references in one line. `fail(column, message)` builds the
 * error for `${NAME?message}` when NAME is missing (column is 1-based).
 */
export function substituteEnv(
  line: string,
  env: NodeJS.ProcessEnv,
  fail: (column: number, message: string) => Error,
): string {
  return line.replace(
    REFERENCE,
    (
      _match,
      braced: string | undefined,
      colon: string | undefined,
      op: string | undefined,
      arg: string | undefined,
      bare: string | undefined,
      at: number,
    ) => {
      const name = braced ?? bare!;
      const value = env[name];
      const missing = value === undefined || (colon === ":" && value === "");
      if (op === "-") return missing ? arg! : value!;
      if (op === "?" && missing) {
        throw fail(
          at + 1,
          `environment variable ${name} is ${value === undefined ? "not set" : "empty"}${arg ? `: ${arg}` : ""}`,
        );
      }
      return value ?? "";
    },
  );
}
