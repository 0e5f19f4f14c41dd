/**
 * Which schemas and objects an inspection keeps. `only` names schemas;
 * `exclude` takes patterns with `*` wildcards: `audit` (a whole schema) or
 * `public.audit_*` (objects: tables, views, sequences, functions, types).
 */
export interface SchemaFilterOptions {
  /** Keep only these schemas (default: every non-system schema). */
  readonly only?: readonly string[];
  /** Schemas (`name`) or objects (`schema.name`) to leave out; `*` matches any run of characters. */
  readonly exclude?: readonly string[];
}

export interface SchemaFilter {
  schema(name: string): boolean;
  object(schema: string, name: string): boolean;
}

export function schemaFilter(options: SchemaFilterOptions): SchemaFilter {
  const only = options.only && options.only.length > 0 ? new Set(options.only) : undefined;
  const schemaPatterns: RegExp[] = [];
  const objectPatterns: [RegExp, RegExp][] = [];
  for (const pattern of options.exclude ?? []) {
    const dot = splitPattern(pattern);
    if (dot === undefined) schemaPatterns.push(glob(pattern));
    else objectPatterns.push([glob(dot[0]), glob(dot[1])]);
  }
  const schema = (name: string) =>
    (only === undefined || only.has(name)) && !schemaPatterns.some((p) => p.test(name));
  return {
    schema,
    object: (s, name) =>
      schema(s) && !objectPatterns.some(([ps, pn]) => ps.test(s) && pn.test(name)),
  };
}

/** `a.b` -> [a, b]; a quoted part may contain dots: `"my.schema".t`. */
function splitPattern(pattern: string): [string, string] | undefined {
  let quoted = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '"') quoted = !quoted;
    else if (c === "." && !quoted)
      return [unquote(pattern.slice(0, i)), unquote(pattern.slice(i + 1))];
  }
  return undefined;
}

function unquote(part: string): string {
  return part.startsWith('"') && part.endsWith('"')
    ? part.slice(1, -1).replaceAll('""', '"')
    : part;
}

function glob(pattern: string): RegExp {
  const body = unquote(pattern)
    .split("*")
    .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${body}$`);
}
