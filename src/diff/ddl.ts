/**
 * SQL for the objects of a schema model: CREATE, DROP, COMMENT and GRANT
 * statements, without the trailing semicolon. Pure.
 */
import { qualifiedName, quoteIdent, quoteLiteral } from "../inspect/ident.js";
import type {
  CollationDef,
  ColumnDef,
  ConstraintDef,
  DomainDef,
  ExtensionDef,
  FunctionDef,
  Grant,
  IndexDef,
  PolicyDef,
  SchemaDef,
  SequenceDef,
  TableDef,
  TriggerDef,
  TypeDef,
  ViewDef,
} from "../inspect/model.js";
import { sequenceOptions } from "../inspect/sequence-options.js";

export const INDENT = "    ";

export function tableName(o: { schema: string; table: string }): string {
  return qualifiedName(o.schema, o.table);
}

export function nameOf(o: { schema: string; name: string }): string {
  return qualifiedName(o.schema, o.name);
}

export function createSchema(s: SchemaDef): string {
  return `CREATE SCHEMA ${quoteIdent(s.name)}`;
}

export function createExtension(e: ExtensionDef): string {
  return `CREATE EXTENSION IF NOT EXISTS ${quoteIdent(e.name)} WITH SCHEMA ${quoteIdent(e.schema)}`;
}

export function createType(t: TypeDef): string[] {
  const name = nameOf(t);
  switch (t.kind) {
    case "enum":
      return [`CREATE TYPE ${name} AS ENUM (${t.labels.map(quoteLiteral).join(", ")})`];
    case "composite":
      return [
        `CREATE TYPE ${name} AS (${t.attributes
          .map(
            (a) => `${quoteIdent(a.name)} ${a.type}${a.collation ? ` COLLATE ${a.collation}` : ""}`,
          )
          .join(", ")})`,
      ];
    case "range":
      return [
        `CREATE TYPE ${name} AS RANGE (${[`SUBTYPE = ${t.subtype}`, ...t.options].join(", ")})`,
      ];
    case "domain":
      return createDomain(t);
  }
}

function createDomain(d: DomainDef): string[] {
  const name = nameOf(d);
  const valid = d.checks.filter((c) => !c.definition.endsWith(" NOT VALID"));
  const notValid = d.checks.filter((c) => c.definition.endsWith(" NOT VALID"));
  const parts = [
    `CREATE DOMAIN ${name} AS ${d.type}`,
    ...(d.collation ? [`COLLATE ${d.collation}`] : []),
    ...(d.default !== undefined ? [`DEFAULT ${d.default}`] : []),
    ...(d.notNull ? ["NOT NULL"] : []),
    ...valid.map((c) => `CONSTRAINT ${quoteIdent(c.name)} ${c.definition}`),
  ];
  return [
    parts.join(" "),
    ...notValid.map(
      (c) => `ALTER DOMAIN ${name} ADD CONSTRAINT ${quoteIdent(c.name)} ${c.definition}`,
    ),
  ];
}

export function createSequence(s: SequenceDef): string {
  const options = sequenceOptions(s, { withType: true });
  return `CREATE SEQUENCE ${nameOf(s)}${options.length > 0 ? ` ${options.join(" ")}` : ""}`;
}

export function sequenceOwnedBy(s: SequenceDef): string {
  const o = s.ownedBy;
  return `ALTER SEQUENCE ${nameOf(s)} OWNED BY ${o ? `${qualifiedName(o.schema, o.table)}.${quoteIdent(o.column)}` : "NONE"}`;
}

/** A column as in CREATE TABLE or ADD COLUMN. */
export function columnSql(c: ColumnDef, withDefault: boolean): string {
  let sql = `${quoteIdent(c.name)} ${c.type}`;
  if (c.collation) sql += ` COLLATE ${c.collation}`;
  if (c.generated)
    sql += ` GENERATED ALWAYS AS (${c.generated.expression}) ${c.generated.stored ? "STORED" : "VIRTUAL"}`;
  if (c.identity) sql += ` ${identitySql(c.identity)}`;
  if (c.notNull) sql += " NOT NULL";
  if (withDefault && c.default !== undefined) sql += ` DEFAULT ${c.default}`;
  return sql;
}

export function identitySql(identity: NonNullable<ColumnDef["identity"]>): string {
  const options = identity.options.length > 0 ? ` (${identity.options.join(" ")})` : "";
  return `GENERATED ${identity.always ? "ALWAYS" : "BY DEFAULT"} AS IDENTITY${options}`;
}

/** Whether a constraint can sit inside CREATE TABLE (NOT VALID ones cannot). */
export function inlineable(c: ConstraintDef): boolean {
  return c.type !== "foreign" && !c.definition.endsWith(" NOT VALID");
}

export function createTable(t: TableDef, constraints: readonly ConstraintDef[]): string {
  const name = nameOf(t);
  const tail = [
    ...(t.inherits && t.inherits.length > 0 ? [`INHERITS (${t.inherits.join(", ")})`] : []),
    ...(t.partitionBy ? [`PARTITION BY ${t.partitionBy}`] : []),
    ...(t.options && t.options.length > 0 ? [`WITH (${t.options.join(", ")})`] : []),
  ];
  const head = `CREATE ${t.unlogged ? "UNLOGGED " : ""}TABLE ${name}`;
  if (t.partitionOf) {
    return [`${head} PARTITION OF ${t.partitionOf.parent}`, t.partitionOf.bound, ...tail].join(" ");
  }
  const lines = [
    ...t.columns.map((c) => columnSql(c, true)),
    ...constraints.map((c) => `CONSTRAINT ${quoteIdent(c.name)} ${c.definition}`),
  ];
  const body = lines.length > 0 ? ` (\n${lines.map((l) => INDENT + l).join(",\n")}\n)` : " ()";
  return `${head}${body}${tail.length > 0 ? ` ${tail.join(" ")}` : ""}`;
}

export function addConstraint(c: ConstraintDef): string {
  return `ALTER TABLE ${tableName(c)} ADD CONSTRAINT ${quoteIdent(c.name)} ${c.definition}`;
}

export function dropConstraint(c: ConstraintDef): string {
  return `ALTER TABLE ${tableName(c)} DROP CONSTRAINT ${quoteIdent(c.name)}`;
}

export function createView(v: ViewDef, replace = false): string {
  const options = v.options && v.options.length > 0 ? ` WITH (${v.options.join(", ")})` : "";
  const kind = v.materialized ? "MATERIALIZED VIEW" : "VIEW";
  return `CREATE ${replace ? "OR REPLACE " : ""}${kind} ${nameOf(v)}${options} AS\n${v.query}`;
}

export function createTrigger(t: TriggerDef): string[] {
  return [
    t.definition,
    ...(t.enabled
      ? [`ALTER TABLE ${tableName(t)} ${t.enabled} TRIGGER ${quoteIdent(t.name)}`]
      : []),
  ];
}

export function createPolicy(p: PolicyDef): string {
  let sql = `CREATE POLICY ${quoteIdent(p.name)} ON ${tableName(p)}`;
  if (!p.permissive) sql += " AS RESTRICTIVE";
  if (p.command !== "ALL") sql += ` FOR ${p.command}`;
  if (!(p.roles.length === 1 && p.roles[0] === "PUBLIC"))
    sql += ` TO ${p.roles.map(roleName).join(", ")}`;
  if (p.using !== undefined) sql += ` USING (${p.using})`;
  if (p.withCheck !== undefined) sql += ` WITH CHECK (${p.withCheck})`;
  return sql;
}

export function createIndex(i: IndexDef): string {
  return i.definition;
}

export function createFunction(f: FunctionDef): string {
  return f.definition;
}

function roleName(role: string): string {
  return role === "PUBLIC" ? "PUBLIC" : quoteIdent(role);
}

/** `FUNCTION f(integer)`, `TABLE t`...: how COMMENT ON and GRANT name an object. */
export type Target = {
  readonly comment: string;
  readonly grant?: string;
  readonly defaults?: readonly Grant[];
};

const PUBLIC_EXECUTE: readonly Grant[] = [{ grantee: "PUBLIC", privilege: "EXECUTE" }];
const PUBLIC_USAGE: readonly Grant[] = [{ grantee: "PUBLIC", privilege: "USAGE" }];

/**
 * @example
 * createCollation({ schema: "public", name: "nocase", provider: "icu", locale: "und-u-ks-level2", deterministic: false })
 * // CREATE COLLATION nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false)
 */
export function createCollation(c: CollationDef): string {
  const options = [`provider = ${c.provider}`];
  if (c.locale !== undefined) options.push(`locale = ${quoteLiteral(c.locale)}`);
  if (c.lcCollate !== undefined) options.push(`lc_collate = ${quoteLiteral(c.lcCollate)}`);
  if (c.lcCtype !== undefined) options.push(`lc_ctype = ${quoteLiteral(c.lcCtype)}`);
  if (c.deterministic === false) options.push("deterministic = false");
  if (c.rules !== undefined) options.push(`rules = ${quoteLiteral(c.rules)}`);
  return `CREATE COLLATION ${nameOf(c)} (${options.join(", ")})`;
}

export const target = {
  schema: (s: SchemaDef): Target => ({
    comment: `SCHEMA ${quoteIdent(s.name)}`,
    grant: `SCHEMA ${quoteIdent(s.name)}`,
  }),
  collation: (c: CollationDef): Target => ({ comment: `COLLATION ${nameOf(c)}` }),
  type: (t: TypeDef): Target => {
    const word = t.kind === "domain" ? "DOMAIN" : "TYPE";
    return {
      comment: `${word} ${nameOf(t)}`,
      grant: `${word} ${nameOf(t)}`,
      defaults: PUBLIC_USAGE,
    };
  },
  sequence: (s: SequenceDef): Target => ({
    comment: `SEQUENCE ${nameOf(s)}`,
    grant: `SEQUENCE ${nameOf(s)}`,
  }),
  table: (t: TableDef): Target => ({ comment: `TABLE ${nameOf(t)}`, grant: `TABLE ${nameOf(t)}` }),
  view: (v: ViewDef): Target => ({
    comment: `${v.materialized ? "MATERIALIZED VIEW" : "VIEW"} ${nameOf(v)}`,
    grant: `TABLE ${nameOf(v)}`,
  }),
  column: (schema: string, table: string, column: string): Target => ({
    comment: `COLUMN ${qualifiedName(schema, table)}.${quoteIdent(column)}`,
  }),
  function: (f: FunctionDef): Target => {
    const word = f.kind === "procedure" ? "PROCEDURE" : "FUNCTION";
    const name = `${word} ${nameOf(f)}(${f.args})`;
    return { comment: name, grant: name, defaults: PUBLIC_EXECUTE };
  },
  constraint: (c: ConstraintDef): Target => ({
    comment: `CONSTRAINT ${quoteIdent(c.name)} ON ${tableName(c)}`,
  }),
  index: (i: IndexDef): Target => ({ comment: `INDEX ${qualifiedName(i.schema, i.name)}` }),
  trigger: (t: TriggerDef): Target => ({
    comment: `TRIGGER ${quoteIdent(t.name)} ON ${tableName(t)}`,
  }),
  policy: (p: PolicyDef): Target => ({
    comment: `POLICY ${quoteIdent(p.name)} ON ${tableName(p)}`,
  }),
};

/** COMMENT ON when the comment changed (`IS NULL` removes it). */
export function commentChange(
  t: Target,
  before: string | undefined,
  after: string | undefined,
): string[] {
  if (before === after) return [];
  return [`COMMENT ON ${t.comment} IS ${after === undefined ? "NULL" : quoteLiteral(after)}`];
}

/**
 * GRANT and REVOKE statements that turn `before` into `after`. A newly
 * created object starts from the built-in defaults (`t.defaults`).
 */
export function grantChanges(
  t: Target,
  before: readonly Grant[] | undefined,
  after: readonly Grant[] | undefined,
): string[] {
  if (t.grant === undefined) return [];
  const id = (g: Grant) => `${g.grantee}\u0000${g.privilege}\u0000${g.grantable ? 1 : 0}`;
  const was = new Map((before ?? []).map((g) => [id(g), g]));
  const now = new Map((after ?? []).map((g) => [id(g), g]));
  const revoke = [...was.values()].filter((g) => !now.has(id(g)));
  const grant = [...now.values()].filter((g) => !was.has(id(g)));
  const out: string[] = [];
  for (const [grantee, list] of groupGrants(revoke))
    out.push(
      `REVOKE ${list.map((g) => g.privilege).join(", ")} ON ${t.grant} FROM ${roleName(grantee)}`,
    );
  for (const [grantee, list] of groupGrants(grant)) {
    const plain = list.filter((g) => !g.grantable);
    const withOption = list.filter((g) => g.grantable);
    if (plain.length > 0)
      out.push(
        `GRANT ${plain.map((g) => g.privilege).join(", ")} ON ${t.grant} TO ${roleName(grantee)}`,
      );
    if (withOption.length > 0)
      out.push(
        `GRANT ${withOption.map((g) => g.privilege).join(", ")} ON ${t.grant} TO ${roleName(grantee)} WITH GRANT OPTION`,
      );
  }
  return out;
}

function groupGrants(list: readonly Grant[]): Map<string, Grant[]> {
  const map = new Map<string, Grant[]>();
  for (const g of [...list].sort((a, b) =>
    a.grantee < b.grantee ? -1 : a.grantee > b.grantee ? 1 : 0,
  )) {
    const l = map.get(g.grantee);
    if (l) l.push(g);
    else map.set(g.grantee, [g]);
  }
  for (const l of map.values())
    l.sort((a, b) => (a.privilege < b.privilege ? -1 : a.privilege > b.privilege ? 1 : 0));
  return map;
}

/** Comments and grants of a new object (grants relative to the built-in defaults). */
export function decorations(
  t: Target,
  object: { comment?: string; grants?: readonly Grant[] },
): string[] {
  return [
    ...commentChange(t, undefined, object.comment),
    ...grantChanges(t, t.defaults, object.grants),
  ];
}

export function dropStatement(kind: string, name: string): string {
  return `DROP ${kind} ${name}`;
}
