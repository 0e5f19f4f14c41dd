import { intConst, list, type Node, strings } from "./ast.js";

/** A column type as written, normalized to the catalog name (`int4`, `varchar`, `bpchar`...). */
export interface ColumnType {
  /** Catalog name without `pg_catalog`, e.g. `int8`, `varchar`, `timestamptz`. */
  readonly name: string;
  /** Schema when written qualified (other than pg_catalog). */
  readonly schema?: string;
  /** Type modifiers: `varchar(20)` -> `[20]`, `numeric(10, 2)` -> `[10, 2]`. */
  readonly mods: readonly number[];
  readonly array: boolean;
  /** `serial`, `bigserial`...: an integer with a sequence default. */
  readonly serial: boolean;
}

/** Spellings that the parser leaves as written, mapped to catalog names. */
const ALIASES: Record<string, string> = {
  int: "int4",
  integer: "int4",
  bigint: "int8",
  smallint: "int2",
  serial: "int4",
  serial4: "int4",
  bigserial: "int8",
  serial8: "int8",
  smallserial: "int2",
  serial2: "int2",
  decimal: "numeric",
  boolean: "bool",
  real: "float4",
  float: "float8",
  "double precision": "float8",
  character: "bpchar",
  char: "bpchar",
  "character varying": "varchar",
  "timestamp with time zone": "timestamptz",
  "timestamp without time zone": "timestamp",
  "time with time zone": "timetz",
  "time without time zone": "time",
  "bit varying": "varbit",
};

const SERIALS = new Set(["serial", "serial4", "bigserial", "serial8", "smallserial", "serial2"]);

// A column's type is asked for by a rule each (prefer-bigint, prefer-text...)
// and by the schema replay: read once per TypeName node.
const typeCache = new WeakMap<Node, ColumnType | undefined>();

/** Reads a `TypeName` node (the same object for the same node: do not change it). */
export function columnType(typeName: unknown): ColumnType | undefined {
  const t = typeName as Node | undefined;
  if (!t) return undefined;
  if (typeof t !== "object") return readType(t);
  if (typeCache.has(t)) return typeCache.get(t);
  const type = readType(t);
  typeCache.set(t, type);
  return type;
}

function readType(t: Node): ColumnType | undefined {
  const names = strings(t.names).map((n) => n.toLowerCase());
  const last = names[names.length - 1];
  if (!last) return undefined;
  const schema = names.length > 1 ? names[names.length - 2] : undefined;
  const mods = list(t.typmods)
    .map((m) => intConst(m))
    .filter((m): m is number => m !== undefined);
  return {
    name: ALIASES[last] ?? last,
    ...(schema && schema !== "pg_catalog" ? { schema } : {}),
    mods,
    array: list(t.arrayBounds).length > 0,
    serial: SERIALS.has(last) && (schema === undefined || schema === "pg_catalog"),
  };
}

const DISPLAY: Record<string, string> = {
  int2: "smallint",
  int4: "integer",
  int8: "bigint",
  bpchar: "char",
  float4: "real",
  float8: "double precision",
  bool: "boolean",
};

/** `varchar(20)`, `integer[]`, `numeric(10,2)` */
export function formatType(t: ColumnType): string {
  const base = t.serial
    ? { int2: "smallserial", int4: "serial", int8: "bigserial" }[t.name]
    : (DISPLAY[t.name] ?? t.name);
  const mods = t.mods.length > 0 ? `(${t.mods.join(",")})` : "";
  return `${t.schema ? `${t.schema}.` : ""}${base}${mods}${t.array ? "[]" : ""}`;
}

/**
 * Types whose values can be widened in place: a larger modifier, or none,
 * needs no rewrite (PostgreSQL's length-coercion support functions).
 */
const WIDENABLE = new Set([
  "varchar",
  "varbit",
  "numeric",
  "timestamp",
  "timestamptz",
  "time",
  "timetz",
  "interval",
]);

/**
 * Whether `ALTER COLUMN ... TYPE to` (without USING) keeps the stored values
 * as they are: binary-coercible types, or the same type with a wider
 * modifier. Anything else rewrites the table (or scans it under ACCESS
 * EXCLUSIVE to check every value).
 */
export function changeKeepsData(from: ColumnType, to: ColumnType): boolean {
  if (from.array !== to.array || from.schema !== to.schema) return false;
  if (from.name === to.name) return widens(from, to);
  // varchar and text are binary coercible both ways, as long as no length is imposed.
  if ((from.name === "varchar" || from.name === "text") && to.name === "text") return true;
  if (from.name === "text" && to.name === "varchar") return to.mods.length === 0;
  if (from.name === "cidr" && to.name === "inet") return true;
  return false;
}

function widens(from: ColumnType, to: ColumnType): boolean {
  if (sameMods(from.mods, to.mods)) return true;
  if (!WIDENABLE.has(to.name)) return false;
  // No modifier on the new type: unconstrained, every old value fits.
  if (to.mods.length === 0) return true;
  if (from.mods.length === 0) return false;
  if (to.name === "numeric") {
    // numeric(p, s): same scale, no smaller precision.
    return (from.mods[1] ?? 0) === (to.mods[1] ?? 0) && to.mods[0]! >= from.mods[0]!;
  }
  return to.mods[0]! >= from.mods[0]!;
}

function sameMods(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((m, i) => m === b[i]);
}
