/**
 * Identifiers and literals as PostgreSQL's `quote_ident` and `quote_literal`
 * write them, and the keys that name objects in a schema model.
 */

/** Keywords `quote_ident` quotes: every category but unreserved (`pg_get_keywords()`, PG 18). */
const QUOTED_KEYWORDS = new Set(
  (
    "all analyse analyze and any array as asc asymmetric authorization between bigint binary bit " +
    "boolean both case cast char character check coalesce collate collation column concurrently " +
    "constraint create cross current_catalog current_date current_role current_schema current_time " +
    "current_timestamp current_user dec decimal default deferrable desc distinct do else end except " +
    "exists extract false fetch float for foreign freeze from full grant greatest group grouping " +
    "having ilike in initially inner inout int integer intersect interval into is isnull join json " +
    "json_array json_arrayagg json_exists json_object json_objectagg json_query json_scalar " +
    "json_serialize json_table json_value lateral leading least left like limit localtime " +
    "localtimestamp merge_action national natural nchar none normalize not notnull null nullif " +
    "numeric offset on only or order out outer overlaps overlay placing position precision primary " +
    "real references returning right row select session_user setof similar smallint some substring " +
    "symmetric system_user table tablesample then time timestamp to trailing treat trim true union " +
    "unique user using values varchar variadic verbose when where window with xmlattributes " +
    "xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable"
  ).split(" "),
);

/**
 * `users` -> `users`, `User` -> `"User"`, `order` -> `"order"`.
 *
 * @example
 * quoteIdent("my table") // "\"my table\""
 */
export function quoteIdent(name: string): string {
  if (/^[a-z_][a-z0-9_$]*$/.test(name) && !QUOTED_KEYWORDS.has(name)) return name;
  return `"${name.replaceAll('"', '""')}"`;
}

/** The name as SQL, schema-qualified unless it is in `public`. */
export function qualifiedName(schema: string, name: string): string {
  return schema === "public" ? quoteIdent(name) : `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

/** Always schema-qualified (keys, messages). */
export function fullName(schema: string, name: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

/** A string literal: `'it''s'`. */
export function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * Keys name objects across two models: `table:public.users`,
 * `column:public.users.email`, `function:public.f(integer, text)`.
 */
export const objectKey = {
  schema: (name: string) => `schema:${quoteIdent(name)}`,
  extension: (name: string) => `extension:${quoteIdent(name)}`,
  collation: (schema: string, name: string) => `collation:${fullName(schema, name)}`,
  type: (schema: string, name: string) => `type:${fullName(schema, name)}`,
  sequence: (schema: string, name: string) => `sequence:${fullName(schema, name)}`,
  table: (schema: string, name: string) => `table:${fullName(schema, name)}`,
  column: (schema: string, table: string, column: string) =>
    `column:${fullName(schema, table)}.${quoteIdent(column)}`,
  view: (schema: string, name: string) => `view:${fullName(schema, name)}`,
  function: (schema: string, name: string, args: string) =>
    `function:${fullName(schema, name)}(${args})`,
  constraint: (schema: string, table: string, name: string) =>
    `constraint:${fullName(schema, table)}.${quoteIdent(name)}`,
  index: (schema: string, name: string) => `index:${fullName(schema, name)}`,
  trigger: (schema: string, table: string, name: string) =>
    `trigger:${fullName(schema, table)}.${quoteIdent(name)}`,
  policy: (schema: string, table: string, name: string) =>
    `policy:${fullName(schema, table)}.${quoteIdent(name)}`,
} as const;
