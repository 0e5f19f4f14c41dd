/**
 * The pg_catalog queries behind `inspect()`. They run in one read-only
 * REPEATABLE READ transaction with `search_path = public`, so every printed
 * name is qualified unless it lives in `public` (or `pg_catalog`). They work
 * on PostgreSQL 13 to 18: NOT NULL rows in pg_constraint (contype 'n', 18)
 * are ignored in favour of `attnotnull`; objects that belong to an extension
 * (pg_depend deptype 'e') are left out.
 */

/**
 * FirstNormalObjectId: everything initdb creates (system catalogs,
 * information_schema) has a lower OID, so this bound lets every query use the
 * catalogs' OID indexes instead of scanning thousands of system rows.
 */
const FIRST_USER_OID = 16384;

/** Not a system schema. */
const USER_SCHEMA = `n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'`;

function notExtensionMember(catalog: string, oid: string): string {
  return `NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = '${catalog}'::regclass AND x.objid = ${oid} AND x.deptype = 'e')`;
}

/**
 * The object's comment: a lookup in pg_description's unique index per row,
 * not `obj_description()`, a SQL function call each time (measured: twice
 * the time of the columns query). A subquery, not a join: the catalogs'
 * statistics (from initdb) make the planner misjudge a join at a thousand
 * tables (a nested loop over every comment for every relation).
 */
function commentOf(catalog: string, oid: string, subid = "0"): string {
  return `(SELECT cm.description FROM pg_description cm WHERE cm.objoid = ${oid} AND cm.classoid = '${catalog}'::regclass AND cm.objsubid = ${subid})`;
}

/** Collation as SQL when it differs from the type's default. */
function collationSql(collation: string, typeCollation: string): string {
  return `CASE WHEN ${collation} <> 0 AND ${collation} <> ${typeCollation} THEN
    (SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN quote_ident(co.collname)
                 ELSE quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END
       FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = ${collation})
  END`;
}

export interface SchemaRow {
  oid: string;
  name: string;
  comment: string | null;
}
export const SCHEMAS = `
SELECT n.oid::text AS oid, n.nspname AS name, ${commentOf("pg_namespace", "n.oid")} AS comment
FROM pg_namespace n
WHERE n.oid >= ${FIRST_USER_OID} AND ${USER_SCHEMA} AND ${notExtensionMember("pg_namespace", "n.oid")}`;

export interface ExtensionRow {
  oid: string;
  name: string;
  schema: string;
  version: string;
}
export const EXTENSIONS = `
SELECT e.oid::text AS oid, e.extname AS name, n.nspname AS schema, e.extversion AS version
FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname <> 'plpgsql'`;

export interface CollationRow {
  oid: string;
  schema: string;
  name: string;
  comment: string | null;
  /** The pg_collation row as JSON: its columns differ between versions (colliculocale, colllocale...). */
  row: Record<string, unknown>;
}
export const COLLATIONS = `
SELECT c.oid::text AS oid, n.nspname AS schema, c.collname AS name,
  ${commentOf("pg_collation", "c.oid")} AS comment, to_jsonb(c) AS row
FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace
WHERE c.oid >= ${FIRST_USER_OID} AND ${USER_SCHEMA} AND ${notExtensionMember("pg_collation", "c.oid")}`;

export interface TypeRow {
  oid: string;
  schema: string;
  name: string;
  typtype: string;
  relid: string;
  comment: string | null;
  base: string | null;
  not_null: boolean;
  default: string | null;
  collation: string | null;
  labels: string[] | null;
  range_subtype: string | null;
  range_collation: string | null;
  range_subdiff: string | null;
}
export const TYPES = `
SELECT t.oid::text AS oid, n.nspname AS schema, t.typname AS name, t.typtype, t.typrelid::text AS relid,
  ${commentOf("pg_type", "t.oid")} AS comment,
  CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END AS base,
  t.typnotnull AS not_null,
  CASE WHEN t.typtype = 'd' THEN pg_get_expr(t.typdefaultbin, 0) END AS default,
  CASE WHEN t.typtype = 'd' THEN ${collationSql("t.typcollation", "coalesce((SELECT b.typcollation FROM pg_type b WHERE b.oid = t.typbasetype), 0)")} END AS collation,
  CASE WHEN t.typtype = 'e' THEN ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) END AS labels,
  format_type(r.rngsubtype, NULL) AS range_subtype,
  CASE WHEN r.rngtypid IS NOT NULL THEN ${collationSql("r.rngcollation", "coalesce((SELECT s.typcollation FROM pg_type s WHERE s.oid = r.rngsubtype), 0)")} END AS range_collation,
  CASE WHEN r.rngsubdiff <> 0 THEN r.rngsubdiff::regproc::text END AS range_subdiff
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_range r ON r.rngtypid = t.oid
WHERE t.oid >= ${FIRST_USER_OID} AND ${USER_SCHEMA}
  AND (t.typtype IN ('e', 'd', 'r')
       OR (t.typtype = 'c' AND (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c'))
  AND ${notExtensionMember("pg_type", "t.oid")}`;

export interface DomainCheckRow {
  oid: string;
  type_oid: string;
  name: string;
  definition: string;
}
export const DOMAIN_CHECKS = `
SELECT c.oid::text AS oid, c.contypid::text AS type_oid, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
FROM pg_constraint c
JOIN pg_type t ON t.oid = c.contypid JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE c.contypid >= ${FIRST_USER_OID} AND ${USER_SCHEMA} AND c.contype = 'c'`;

export interface RelationRow {
  oid: string;
  schema: string;
  name: string;
  relkind: string;
  persistence: string;
  is_partition: boolean;
  row_security: boolean;
  force_row_security: boolean;
  options: string[] | null;
  partition_key: string | null;
  bound: string | null;
  query: string | null;
  comment: string | null;
  rowtype: string;
  seq_type: string | null;
  seq_start: string | null;
  seq_increment: string | null;
  seq_min: string | null;
  seq_max: string | null;
  seq_cache: string | null;
  seq_cycle: boolean | null;
  /** How pg_get_*def prints the name (always qualified). */
  printed: string;
}
export const RELATIONS = `
SELECT c.oid::text AS oid, n.nspname AS schema, c.relname AS name, c.relkind, c.relpersistence AS persistence,
  c.relispartition AS is_partition, c.relrowsecurity AS row_security, c.relforcerowsecurity AS force_row_security,
  c.reloptions::text[] AS options,
  CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
  CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS bound,
  CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid, true) END AS query,
  ${commentOf("pg_class", "c.oid")} AS comment,
  c.reltype::text AS rowtype,
  format_type(s.seqtypid, NULL) AS seq_type, s.seqstart::text AS seq_start, s.seqincrement::text AS seq_increment,
  s.seqmin::text AS seq_min, s.seqmax::text AS seq_max, s.seqcache::text AS seq_cache, s.seqcycle AS seq_cycle,
  quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS printed
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_sequence s ON s.seqrelid = c.oid
WHERE c.oid >= ${FIRST_USER_OID} AND ${USER_SCHEMA} AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'c')
  AND ${notExtensionMember("pg_class", "c.oid")}`;

export interface InheritRow {
  child: string;
  parent: string;
  seq: number;
}
export const INHERITS = `
SELECT i.inhrelid::text AS child, i.inhparent::text AS parent, i.inhseqno AS seq
FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
WHERE i.inhrelid >= ${FIRST_USER_OID} AND c.relkind IN ('r', 'p')`;

/** An identity column's sequence settings are its sequence's row in RELATIONS (found by SEQUENCE_OWNERS). */
export interface ColumnRow {
  relid: string;
  num: number;
  name: string;
  type: string;
  not_null: boolean;
  identity: string;
  generated: string;
  is_local: boolean;
  inherited: boolean;
  default: string | null;
  attrdef: string | null;
  collation: string | null;
  comment: string | null;
}
export const COLUMNS = `
SELECT a.attrelid::text AS relid, a.attnum::int AS num, a.attname AS name,
  format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
  a.attidentity::text AS identity, a.attgenerated::text AS generated, a.attislocal AS is_local,
  a.attinhcount > 0 AS inherited,
  pg_get_expr(d.adbin, d.adrelid) AS default, d.oid::text AS attrdef,
  ${collationSql("a.attcollation", "t.typcollation")} AS collation,
  ${commentOf("pg_class", "a.attrelid", "a.attnum")} AS comment
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attrelid >= ${FIRST_USER_OID} AND ${USER_SCHEMA} AND c.relkind IN ('r', 'p', 'v', 'm', 'c')
  AND a.attnum > 0 AND NOT a.attisdropped`;

export interface SequenceOwnerRow {
  seq: string;
  relid: string;
  num: number;
  deptype: string;
}
export const SEQUENCE_OWNERS = `
SELECT d.objid::text AS seq, d.refobjid::text AS relid, d.refobjsubid::int AS num, d.deptype::text AS deptype
FROM pg_depend d JOIN pg_class s ON s.oid = d.objid
WHERE d.objid >= ${FIRST_USER_OID} AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
  AND s.relkind = 'S' AND d.refobjsubid > 0 AND d.deptype IN ('a', 'i')`;

export interface ConstraintRow {
  oid: string;
  relid: string;
  name: string;
  contype: string;
  /** Null on a constraint the model leaves out (inherited, or cloned onto a partition). */
  definition: string | null;
  is_local: boolean;
  parent: string;
  index: string;
  comment: string | null;
}
export const CONSTRAINTS = `
SELECT c.oid::text AS oid, c.conrelid::text AS relid, c.conname AS name, c.contype::text AS contype,
  CASE WHEN c.conislocal AND c.conparentid = 0 THEN pg_get_constraintdef(c.oid) END AS definition,
  c.conislocal AS is_local, c.conparentid::text AS parent,
  c.conindid::text AS index,
  ${commentOf("pg_constraint", "c.oid")} AS comment
FROM pg_constraint c
JOIN pg_class r ON r.oid = c.conrelid JOIN pg_namespace n ON n.oid = r.relnamespace
WHERE c.conrelid >= ${FIRST_USER_OID} AND ${USER_SCHEMA} AND c.contype IN ('p', 'u', 'f', 'c', 'x')`;

export interface IndexRow {
  oid: string;
  relid: string;
  name: string;
  /** Null on a partition's index that belongs to the partitioned table's (the model leaves it out). */
  definition: string | null;
  comment: string | null;
  is_partition: boolean;
}
/**
 * Indexes that no constraint owns (a primary key's, unique or exclusion
 * constraint's index is the constraint's), with `pg_get_indexdef()` only
 * where the model shows it.
 */
export const INDEXES = `
SELECT i.indexrelid::text AS oid, i.indrelid::text AS relid, ic.relname AS name,
  CASE WHEN NOT ic.relispartition THEN pg_get_indexdef(i.indexrelid) END AS definition,
  ${commentOf("pg_class", "i.indexrelid")} AS comment, ic.relispartition AS is_partition
FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_namespace n ON n.oid = ic.relnamespace
WHERE i.indrelid >= ${FIRST_USER_OID} AND ${USER_SCHEMA}
  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid
                  AND k.contype IN ('p', 'u', 'x'))`;

export interface FunctionRow {
  oid: string;
  schema: string;
  name: string;
  prokind: string;
  args: string;
  signature: string;
  returns: string | null;
  language: string;
  definition: string;
  comment: string | null;
  printed: string;
}
export const FUNCTIONS = `
SELECT p.oid::text AS oid, n.nspname AS schema, p.proname AS name, p.prokind::text AS prokind,
  oidvectortypes(p.proargtypes) AS args, pg_get_function_arguments(p.oid) AS signature,
  CASE WHEN p.prokind <> 'p' THEN pg_get_function_result(p.oid) END AS returns,
  l.lanname AS language, pg_get_functiondef(p.oid) AS definition,
  ${commentOf("pg_proc", "p.oid")} AS comment,
  quote_ident(n.nspname) || '.' || quote_ident(p.proname) AS printed
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
JOIN pg_language l ON l.oid = p.prolang
WHERE p.oid >= ${FIRST_USER_OID} AND ${USER_SCHEMA} AND p.prokind IN ('f', 'p') AND ${notExtensionMember("pg_proc", "p.oid")}
  -- made by another object (a range type's constructors)
  AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_proc'::regclass AND i.objid = p.oid AND i.deptype = 'i')`;

export interface TriggerRow {
  oid: string;
  relid: string;
  name: string;
  definition: string;
  enabled: string;
  comment: string | null;
}
export const TRIGGERS = `
SELECT t.oid::text AS oid, t.tgrelid::text AS relid, t.tgname AS name,
  pg_get_triggerdef(t.oid) AS definition, t.tgenabled::text AS enabled,
  ${commentOf("pg_trigger", "t.oid")} AS comment
FROM pg_trigger t
JOIN pg_class r ON r.oid = t.tgrelid JOIN pg_namespace n ON n.oid = r.relnamespace
WHERE t.tgrelid >= ${FIRST_USER_OID} AND ${USER_SCHEMA} AND NOT t.tgisinternal AND t.tgparentid = 0`;

export interface PolicyRow {
  oid: string;
  relid: string;
  name: string;
  permissive: boolean;
  command: string;
  roles: string[];
  using: string | null;
  with_check: string | null;
  comment: string | null;
}
export const POLICIES = `
SELECT p.oid::text AS oid, p.polrelid::text AS relid, p.polname AS name, p.polpermissive AS permissive,
  p.polcmd::text AS command,
  ARRAY(SELECT CASE WHEN r = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(r)::text END FROM unnest(p.polroles) r ORDER BY 1) AS roles,
  pg_get_expr(p.polqual, p.polrelid) AS using, pg_get_expr(p.polwithcheck, p.polrelid) AS with_check,
  ${commentOf("pg_policy", "p.oid")} AS comment
FROM pg_policy p
WHERE p.polrelid >= ${FIRST_USER_OID}`;

export interface AclRow {
  catalog: string;
  oid: string;
  grantee: string;
  privilege: string;
  grantable: boolean;
}
/** Effective privileges (NULL ACL = the built-in default), without the owner's own. */
export const ACLS = `
WITH objects(catalog, oid, acl, owner) AS (
  SELECT 'pg_class', c.oid, coalesce(c.relacl, acldefault(CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::"char", c.relowner)), c.relowner
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.oid >= ${FIRST_USER_OID} AND ${USER_SCHEMA} AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
  UNION ALL
  SELECT 'pg_proc', p.oid, coalesce(p.proacl, acldefault('f', p.proowner)), p.proowner
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.oid >= ${FIRST_USER_OID} AND ${USER_SCHEMA}
  UNION ALL
  SELECT 'pg_type', t.oid, coalesce(t.typacl, acldefault('T', t.typowner)), t.typowner
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE t.oid >= ${FIRST_USER_OID} AND ${USER_SCHEMA} AND t.typtype IN ('e', 'd', 'c', 'r')
  UNION ALL
  SELECT 'pg_namespace', n.oid, coalesce(n.nspacl, acldefault('n', n.nspowner)), n.nspowner
    FROM pg_namespace n WHERE n.oid >= ${FIRST_USER_OID} AND ${USER_SCHEMA}
)
SELECT o.catalog, o.oid::text AS oid,
  CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee)::text END AS grantee,
  a.privilege_type AS privilege, a.is_grantable AS grantable
FROM objects o, LATERAL aclexplode(o.acl) a
WHERE a.grantee <> o.owner`;

/** A dependency between two objects (pg_depend), as `DependencyIndex` takes it. */
export interface DependRow {
  cls: string;
  objid: string;
  objsubid: number;
  refcls: string;
  refobjid: string;
  refobjsubid: number;
}
/** pg_depend rows by the catalogs of both sides: `[objid, objsubid, refobjid, refobjsubid]` each. */
export interface DependGroupRow {
  cls: string;
  refcls: string;
  deps: [objid: string, objsubid: number, refobjid: string, refobjsubid: number][];
}
/**
 * Ordinary and automatic dependencies between user objects (OIDs from
 * FirstNormalObjectId up), grouped by catalog pair: a few rows of arrays
 * instead of one row of six fields each (thousands for 50 tables).
 */
export const DEPENDS = `
SELECT d.classid::regclass::text AS cls, d.refclassid::regclass::text AS refcls,
  json_agg(json_build_array(d.objid::text, d.objsubid, d.refobjid::text, d.refobjsubid)) AS deps
FROM pg_depend d
WHERE d.deptype IN ('n', 'a') AND d.objid >= ${FIRST_USER_OID} AND d.refobjid >= ${FIRST_USER_OID}
GROUP BY d.classid, d.refclassid`;

export interface ExtensionMemberRow {
  cls: string;
  objid: string;
  extension: string;
}
export const EXTENSION_MEMBERS = `
SELECT d.classid::regclass::text AS cls, d.objid::text AS objid, d.refobjid::text AS extension
FROM pg_depend d
WHERE d.deptype = 'e' AND d.objid >= ${FIRST_USER_OID} AND d.refclassid = 'pg_extension'::regclass`;

export interface OidPairRow {
  oid: string;
  target: string;
}
/** View rules (what a view's dependencies hang on) -> the view. */
export const REWRITES = `SELECT r.oid::text AS oid, r.ev_class::text AS target FROM pg_rewrite r WHERE r.ev_class >= ${FIRST_USER_OID}`;
/** Array types -> their element type. */
export const ARRAY_TYPES = `SELECT t.typarray::text AS oid, t.oid::text AS target FROM pg_type t WHERE t.oid >= ${FIRST_USER_OID} AND t.typarray <> 0`;
