/** Statements that change an object in place (the `changed` case of `classify`). */
import { qualifiedName, quoteIdent, quoteLiteral } from "../inspect/ident.js";
import type {
  ColumnDef,
  CompositeDef,
  DomainDef,
  EnumDef,
  ExtensionDef,
  IdentityDef,
  SequenceDef,
  TableDef,
} from "../inspect/model.js";
import { withoutNotValid } from "./classify.js";
import { identitySql, nameOf, sequenceOwnedBy } from "./ddl.js";
import type { GraphNode } from "./graph.js";
import type { PlanStatement } from "./plan.js";

const plain = (sql: string): PlanStatement => ({ sql });

export function alterStatements(a: GraphNode, b: GraphNode, retypedFrom?: string): PlanStatement[] {
  switch (a.kind) {
    case "extension":
      return alterExtension(a.object, b.object as ExtensionDef);
    case "type": {
      const x = a.object;
      const y = b.object;
      if (x.kind === "enum") return addEnumValues(x, y as EnumDef);
      if (x.kind === "domain") return alterDomain(x, y as DomainDef);
      if (x.kind === "composite") return alterComposite(x, y as CompositeDef);
      return [];
    }
    case "sequence":
      return alterSequence(a.object, b.object as SequenceDef);
    case "seqowner":
      return [plain(sequenceOwnedBy(b.object as SequenceDef))];
    case "table":
      return alterTable(a.object, b.object as TableDef);
    case "column": {
      const bb = b as Extract<GraphNode, { kind: "column" }>;
      return alterColumn(
        a.object,
        bb.object,
        qualifiedName(bb.table.schema, bb.table.name),
        retypedFrom,
      );
    }
    case "default": {
      const bb = b as Extract<GraphNode, { kind: "default" }>;
      return [
        plain(
          `ALTER TABLE ${qualifiedName(bb.table.schema, bb.table.name)} ALTER COLUMN ${quoteIdent(bb.object.name)} SET DEFAULT ${bb.object.default}`,
        ),
      ];
    }
    case "constraint":
      return [
        plain(
          `ALTER TABLE ${qualifiedName(a.object.schema, a.object.table)} VALIDATE CONSTRAINT ${quoteIdent(a.object.name)}`,
        ),
      ];
    case "view":
      return [];
    case "function":
      return [];
    case "trigger": {
      const y = b.object as typeof a.object;
      return [
        plain(
          `ALTER TABLE ${qualifiedName(y.schema, y.table)} ${y.enabled ?? "ENABLE"} TRIGGER ${quoteIdent(y.name)}`,
        ),
      ];
    }
    default:
      return [];
  }
}

function alterExtension(a: ExtensionDef, b: ExtensionDef): PlanStatement[] {
  const out: PlanStatement[] = [];
  if (a.schema !== b.schema)
    out.push(plain(`ALTER EXTENSION ${quoteIdent(b.name)} SET SCHEMA ${quoteIdent(b.schema)}`));
  return out;
}

/** `ADD VALUE ... BEFORE/AFTER`, in order, so each new value lands where `b` has it. */
function addEnumValues(a: EnumDef, b: EnumDef): PlanStatement[] {
  const existing = new Set(a.labels);
  const out: PlanStatement[] = [];
  b.labels.forEach((label, i) => {
    if (existing.has(label)) return;
    const place =
      i === 0
        ? a.labels.length > 0
          ? ` BEFORE ${quoteLiteral(b.labels[1]!)}`
          : ""
        : ` AFTER ${quoteLiteral(b.labels[i - 1]!)}`;
    out.push(plain(`ALTER TYPE ${nameOf(b)} ADD VALUE ${quoteLiteral(label)}${place}`));
  });
  return out;
}

function alterDomain(a: DomainDef, b: DomainDef): PlanStatement[] {
  const name = nameOf(b);
  const out: PlanStatement[] = [];
  if (a.default !== b.default)
    out.push(
      plain(
        b.default === undefined
          ? `ALTER DOMAIN ${name} DROP DEFAULT`
          : `ALTER DOMAIN ${name} SET DEFAULT ${b.default}`,
      ),
    );
  if (a.notNull !== b.notNull)
    out.push(plain(`ALTER DOMAIN ${name} ${b.notNull ? "SET" : "DROP"} NOT NULL`));
  const before = new Map(a.checks.map((c) => [c.name, c.definition]));
  const after = new Map(b.checks.map((c) => [c.name, c.definition]));
  for (const [check, def] of before) {
    const next = after.get(check);
    if (next === def) continue;
    if (next !== undefined && def.endsWith(" NOT VALID") && withoutNotValid(def) === next) {
      out.push(plain(`ALTER DOMAIN ${name} VALIDATE CONSTRAINT ${quoteIdent(check)}`));
      continue;
    }
    out.push(plain(`ALTER DOMAIN ${name} DROP CONSTRAINT ${quoteIdent(check)}`));
  }
  for (const [check, def] of after) {
    const prev = before.get(check);
    if (prev === def || (prev !== undefined && withoutNotValid(prev) === def)) continue;
    out.push(plain(`ALTER DOMAIN ${name} ADD CONSTRAINT ${quoteIdent(check)} ${def}`));
  }
  return out;
}

function alterComposite(a: CompositeDef, b: CompositeDef): PlanStatement[] {
  const name = nameOf(b);
  const before = new Map(a.attributes.map((x) => [x.name, x]));
  const after = new Map(b.attributes.map((x) => [x.name, x]));
  const out: PlanStatement[] = [];
  for (const attr of a.attributes)
    if (!after.has(attr.name))
      out.push({
        sql: `ALTER TYPE ${name} DROP ATTRIBUTE ${quoteIdent(attr.name)}`,
        destructive: true,
        note: `drops attribute ${attr.name} of type ${name}`,
      });
  for (const attr of b.attributes) {
    const prev = before.get(attr.name);
    const collate = attr.collation ? ` COLLATE ${attr.collation}` : "";
    if (prev === undefined)
      out.push(
        plain(`ALTER TYPE ${name} ADD ATTRIBUTE ${quoteIdent(attr.name)} ${attr.type}${collate}`),
      );
    else if (prev.type !== attr.type || prev.collation !== attr.collation)
      out.push(
        plain(
          `ALTER TYPE ${name} ALTER ATTRIBUTE ${quoteIdent(attr.name)} TYPE ${attr.type}${collate}`,
        ),
      );
  }
  return out;
}

function alterSequence(a: SequenceDef, b: SequenceDef): PlanStatement[] {
  const parts: string[] = [];
  if (a.type !== b.type) parts.push(`AS ${b.type}`);
  if (a.increment !== b.increment) parts.push(`INCREMENT BY ${b.increment}`);
  if (a.min !== b.min || a.type !== b.type) parts.push(`MINVALUE ${b.min}`);
  if (a.max !== b.max || a.type !== b.type) parts.push(`MAXVALUE ${b.max}`);
  if (a.start !== b.start) parts.push(`START WITH ${b.start}`);
  if (a.cache !== b.cache) parts.push(`CACHE ${b.cache}`);
  if (a.cycle !== b.cycle) parts.push(b.cycle ? "CYCLE" : "NO CYCLE");
  return parts.length > 0 ? [plain(`ALTER SEQUENCE ${nameOf(b)} ${parts.join(" ")}`)] : [];
}

function alterTable(a: TableDef, b: TableDef): PlanStatement[] {
  const name = nameOf(b);
  const out: PlanStatement[] = [];
  if (
    a.partitionOf &&
    b.partitionOf &&
    JSON.stringify(a.partitionOf) !== JSON.stringify(b.partitionOf)
  ) {
    out.push(plain(`ALTER TABLE ${a.partitionOf.parent} DETACH PARTITION ${name}`));
    out.push(
      plain(`ALTER TABLE ${b.partitionOf.parent} ATTACH PARTITION ${name} ${b.partitionOf.bound}`),
    );
  }
  if (Boolean(a.unlogged) !== Boolean(b.unlogged))
    out.push(plain(`ALTER TABLE ${name} SET ${b.unlogged ? "UNLOGGED" : "LOGGED"}`));
  const optionName = (o: string) => o.slice(0, o.indexOf("="));
  const before = new Set(a.options ?? []);
  const after = b.options ?? [];
  const set = after.filter((o) => !before.has(o));
  const reset = [...before].map(optionName).filter((n) => !after.some((o) => optionName(o) === n));
  if (set.length > 0) out.push(plain(`ALTER TABLE ${name} SET (${set.join(", ")})`));
  if (reset.length > 0) out.push(plain(`ALTER TABLE ${name} RESET (${reset.join(", ")})`));
  if (Boolean(a.rowSecurity) !== Boolean(b.rowSecurity))
    out.push(
      plain(`ALTER TABLE ${name} ${b.rowSecurity ? "ENABLE" : "DISABLE"} ROW LEVEL SECURITY`),
    );
  if (Boolean(a.forceRowSecurity) !== Boolean(b.forceRowSecurity))
    out.push(
      plain(`ALTER TABLE ${name} ${b.forceRowSecurity ? "" : "NO "}FORCE ROW LEVEL SECURITY`),
    );
  return out;
}

/**
 * `retypedFrom`: the column's type was recreated under the same name (its
 * values go through text, or the domain's base type).
 */
function alterColumn(
  a: ColumnDef,
  b: ColumnDef,
  table: string,
  retypedFrom?: string,
): PlanStatement[] {
  const column = `ALTER TABLE ${table} ALTER COLUMN ${quoteIdent(b.name)}`;
  const out: PlanStatement[] = [];
  if (a.generated && !b.generated) out.push(plain(`${column} DROP EXPRESSION`));
  if (a.type !== b.type || a.collation !== b.collation || retypedFrom !== undefined) {
    const collate = b.collation ? ` COLLATE ${b.collation}` : "";
    const via =
      retypedFrom === undefined
        ? ""
        : `::${b.type.endsWith("[]") ? `${retypedFrom}[]` : retypedFrom}`;
    const safe = retypedFrom === undefined && a.collation === b.collation && widens(a.type, b.type);
    out.push({
      sql: `${column} TYPE ${b.type}${collate} USING ${quoteIdent(b.name)}${via}::${b.type}`,
      ...(safe
        ? {}
        : {
            destructive: true as const,
            note: `converts ${table}.${quoteIdent(b.name)} from ${a.type} to ${b.type}${retypedFrom ? ` (through ${retypedFrom})` : ""}: values that do not convert fail or change`,
          }),
    });
  }
  // An identity column is NOT NULL until its identity goes; one needs NOT NULL before it gets one.
  const identity = identityChange(table, b.name, a.identity, b.identity);
  const identityFirst = a.identity !== undefined && b.identity === undefined;
  if (identityFirst) out.push(...identity);
  if (a.notNull !== b.notNull) out.push(plain(`${column} ${b.notNull ? "SET" : "DROP"} NOT NULL`));
  if (!identityFirst) out.push(...identity);
  return out;
}

function identityChange(
  table: string,
  name: string,
  a: IdentityDef | undefined,
  b: IdentityDef | undefined,
): PlanStatement[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  const column = `ALTER TABLE ${table} ALTER COLUMN ${quoteIdent(name)}`;
  if (a === undefined)
    return [plain(`${column} ADD ${identitySql(b!)}`), ...identityPastRows(table, name, b!)];
  if (b === undefined) return [plain(`${column} DROP IDENTITY`)];
  const sets: string[] = [];
  if (a.always !== b.always) sets.push(`SET GENERATED ${b.always ? "ALWAYS" : "BY DEFAULT"}`);
  const keyword = (o: string) => o.replace(/ -?\d+$/, "");
  const now = new Map(b.options.map((o) => [keyword(o), o]));
  for (const o of a.options) {
    const k = keyword(o);
    if (now.has(k)) continue;
    sets.push(RESET_IDENTITY_OPTION[k] ?? `SET ${k}`);
  }
  for (const o of b.options) if (!a.options.includes(o)) sets.push(`SET ${o}`);
  return sets.length > 0 ? [plain(`${column} ${sets.join(" ")}`)] : [];
}

/**
 * A new identity on a column that holds rows would hand out their values
 * again: its sequence moves past the largest one (unless it counts down or
 * already starts beyond it).
 */
function identityPastRows(table: string, name: string, identity: IdentityDef): PlanStatement[] {
  const option = (keyword: string) =>
    identity.options.find((o) => o.startsWith(`${keyword} `))?.slice(keyword.length + 1);
  if (Number(option("INCREMENT BY") ?? 1) < 0) return [];
  const start = option("START WITH") ?? "1";
  const column = quoteIdent(name);
  return [
    plain(
      `SELECT setval(pg_get_serial_sequence(${quoteLiteral(table)}, ${quoteLiteral(name)}), max(${column})) FROM ${table} HAVING max(${column}) >= ${start}`,
    ),
  ];
}

const RESET_IDENTITY_OPTION: Record<string, string> = {
  "INCREMENT BY": "SET INCREMENT BY 1",
  MINVALUE: "SET NO MINVALUE",
  MAXVALUE: "SET NO MAXVALUE",
  "START WITH": "SET START WITH 1",
  CACHE: "SET CACHE 1",
  CYCLE: "SET NO CYCLE",
};

const INTEGER_WIDTH: Record<string, number> = { smallint: 1, integer: 2, bigint: 3 };

/** A type change that keeps every value: int -> bigint, varchar(10) -> varchar(20) or text, ... */
export function widens(from: string, to: string): boolean {
  if (from === to) return true;
  const fi = INTEGER_WIDTH[from];
  const ti = INTEGER_WIDTH[to];
  if (fi !== undefined && ti !== undefined) return ti >= fi;
  if (fi !== undefined && (to === "numeric" || to === "double precision") && from !== "bigint")
    return true;
  if (from === "real" && to === "double precision") return true;
  const varchar = /^character varying(?:\((\d+)\))?$/;
  const fv = varchar.exec(from);
  if (fv !== null) {
    if (to === "text") return true;
    const tv = varchar.exec(to);
    if (tv !== null)
      return tv[1] === undefined || (fv[1] !== undefined && Number(tv[1]) >= Number(fv[1]));
  }
  const numeric = /^numeric\((\d+),(\d+)\)$/;
  const fn = numeric.exec(from);
  if (fn !== null) {
    if (to === "numeric") return true;
    const tn = numeric.exec(to);
    if (tn !== null) return tn[2] === fn[2] && Number(tn[1]) >= Number(fn[1]);
  }
  return false;
}
