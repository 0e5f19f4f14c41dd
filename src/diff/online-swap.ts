/** An index rebuilt under the same name: the new one is built beside the old one, then swapped in. */
import { qualifiedName, quoteIdent } from "../inspect/ident.js";
import { splitSql } from "../sql/split.js";
import { identifier, names } from "./online-context.js";
import type { PlanStatement } from "./plan.js";

/**
 * A plan that drops an index concurrently and later builds one of the same
 * name concurrently (its definition changed) would leave queries without
 * it in between, and a unique index unenforced. Instead: build the new one
 * under a temporary name, drop the old one, rename the new one.
 *
 * @example
 * // DROP INDEX CONCURRENTLY users_email_idx; ...; CREATE INDEX CONCURRENTLY users_email_idx ON users ... (lower(email))
 * // -> ...; CREATE INDEX CONCURRENTLY users_email_idx_pitstop_new ON users ...;
 * //    DROP INDEX CONCURRENTLY users_email_idx; ALTER INDEX users_email_idx_pitstop_new RENAME TO users_email_idx
 */
export function swapRebuiltIndexes(statements: readonly PlanStatement[]): PlanStatement[] {
  const drops = new Map<string, number>();
  const creates = new Map<number, { schema: string; name: string }>();
  statements.forEach((s, i) => {
    const parsed = splitSql(s.sql).statements;
    if (parsed.length !== 1) return;
    const { kind, node } = parsed[0]!;
    if (kind === "DropStmt" && node.removeType === "OBJECT_INDEX" && node.concurrent) {
      const parts = names((node.objects as { List?: { items?: unknown } }[])[0]?.List?.items);
      const [schema, name] = parts.length === 2 ? parts : ["public", parts[0]!];
      drops.set(`${schema}.${name}`, i);
    }
    const rel = node.relation as { schemaname?: string } | undefined;
    if (kind === "IndexStmt" && node.concurrent && typeof node.idxname === "string")
      creates.set(i, { schema: rel?.schemaname ?? "public", name: node.idxname });
  });
  const out: PlanStatement[] = [];
  statements.forEach((s, i) => {
    const created = creates.get(i);
    const drop = created && drops.get(`${created.schema}.${created.name}`);
    if (created === undefined || drop === undefined || drop > i) {
      out.push(s);
      return;
    }
    // The drop comes earlier in the plan: it moves here, after the new index is built.
    const position = out.indexOf(statements[drop]!);
    if (position >= 0) out.splice(position, 1);
    const temporary = identifier(`${created.name}_pitstop_new`);
    const marker = `INDEX CONCURRENTLY ${quoteIdent(created.name)} ON `;
    out.push(
      { ...s, sql: s.sql.replace(marker, `INDEX CONCURRENTLY ${quoteIdent(temporary)} ON `) },
      statements[drop]!,
      {
        sql: `ALTER INDEX ${qualifiedName(created.schema, temporary)} RENAME TO ${quoteIdent(created.name)}`,
      },
    );
  });
  return out;
}
