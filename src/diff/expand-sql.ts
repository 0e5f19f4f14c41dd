/**
 * The statements of the expand/contract phases for one column: a sync
 * trigger, a check that proves the backfill complete, the batched backfill,
 * index copies, and the switch. Pure text; `expand.ts` orders them into files.
 */
import { qualifiedName, quoteIdent, quoteLiteral } from "../inspect/ident.js";
import type { ConstraintDef, IndexDef } from "../inspect/model.js";
import { parser } from "../sql/parser.js";
import type { ExpandColumn, KeyConstraint } from "./expand-column.js";
import { identifier } from "./online-context.js";

/** Rows per batch of the backfill (by key), or pages per batch (by `ctid`). */
export const DEFAULT_BATCH_ROWS = 5000;
export const DEFAULT_BATCH_PAGES = 100;

const q = quoteIdent;

/**
 * `CREATE FUNCTION` + `CREATE TRIGGER`: on every insert and update, `target`
 * is set from `expression` (over the row's columns, as in `USING`).
 *
 * @example
 * syncTrigger(col, "qty_new", "qty::bigint", "qty_expand_sync", "orders_qty_expand_sync")
 * // NEW.qty_new := NEW.qty::bigint, BEFORE INSERT OR UPDATE ON orders
 */
export function syncTrigger(
  c: ExpandColumn,
  target: string,
  source: string,
  expression: string,
  trigger: string,
  fn: string,
): string[] {
  const assign = plainCast(expression, source)
    ? `NEW.${q(target)} := NEW.${expression};`
    : `SELECT ${expression} INTO NEW.${q(target)} FROM (SELECT NEW.*) AS ${q(c.rel.name)};`;
  const func = qualifiedName(c.rel.schema, fn);
  return [
    `CREATE FUNCTION ${func}() RETURNS trigger LANGUAGE plpgsql AS $pitstop$
BEGIN
  -- pitstop --expand: keeps ${q(target)} equal to ${expression} until the switch.
  ${assign}
  RETURN NEW;
END
$pitstop$`,
    `CREATE TRIGGER ${q(trigger)} BEFORE INSERT OR UPDATE ON ${c.rel.sql} FOR EACH ROW EXECUTE FUNCTION ${func}()`,
  ];
}

/** Dropping what `syncTrigger` created. */
export function dropSyncTrigger(c: ExpandColumn, trigger: string, fn: string): string[] {
  return [
    `DROP TRIGGER ${q(trigger)} ON ${c.rel.sql}`,
    `DROP FUNCTION ${qualifiedName(c.rel.schema, fn)}()`,
  ];
}

/**
 * The check that proves `target` complete, added NOT VALID (new writes are
 * checked at once; the trigger fills them) and validated after the backfill
 * without blocking writes. For a NOT NULL column it is `target IS NOT NULL`,
 * which also lets `SET NOT NULL` skip its scan (PostgreSQL 12+); otherwise
 * the target must equal the conversion of the source.
 */
export function completenessCheck(
  c: ExpandColumn,
  name: string,
  target: string,
  source: string,
  expression: string,
  notNull: boolean,
): string {
  const body = notNull
    ? `${q(target)} IS NOT NULL`
    : plainCast(expression, source)
      ? `${q(target)} IS NOT NULL OR ${q(source)} IS NULL`
      : `${q(target)} IS NOT DISTINCT FROM (${expression})`;
  return `ALTER TABLE ${c.rel.sql} ADD CONSTRAINT ${q(name)} CHECK (${body}) NOT VALID`;
}

/**
 * Between two batches of a backfill: an optional pause, then a wait while a
 * standby streaming from this primary has not replayed the batch before
 * last (so replicas stay within about two batches), up to `lag_timeout`.
 * pg_stat_replication is empty without standbys, and its positions are NULL
 * for a role without pg_read_all_stats: then nothing waits. Each poll
 * commits a transaction id, so standbys report their position at once.
 */
const THROTTLE_DECLARE = `  -- Raise batch_pause to go gentler on a busy server; standbys are waited for below.
  batch_pause constant interval := '0 seconds';
  lag_timeout constant interval := '10 minutes';
  replayed_by_all pg_lsn;
  waiting_since timestamptz;`;
const THROTTLE = `    PERFORM pg_sleep_for(batch_pause);
    IF replayed_by_all IS NOT NULL THEN
      waiting_since := clock_timestamp();
      WHILE EXISTS (SELECT FROM pg_stat_replication WHERE replay_lsn < replayed_by_all) LOOP
        IF clock_timestamp() - waiting_since > lag_timeout THEN
          RAISE EXCEPTION 'pitstop --expand: a standby is more than two batches behind after waiting %', lag_timeout
            USING HINT = 'The batches done are committed: run the backfill again to go on once the standby has caught up.';
        END IF;
        PERFORM txid_current();
        COMMIT;
        PERFORM pg_sleep(0.1);
      END LOOP;
    END IF;
    replayed_by_all := pg_current_wal_lsn();`;

/**
 * The backfill: a `DO` block that sets `target` from `expression` batch by
 * batch, committing after each (PostgreSQL 11+, outside a transaction block:
 * the runner runs it as one statement of a no-transaction migration). By
 * primary key (keyset: `WHERE key >= lo AND key <= hi`), or by ranges of
 * pages (`ctid`) when the table has none. Rows already equal are skipped, so
 * running it again after a crash only reads.
 */
export function backfill(
  c: Pick<ExpandColumn, "rel" | "key">,
  target: string,
  expression: string,
  pending = `${q(target)} IS DISTINCT FROM (${expression})`,
): string {
  const set = `${q(target)} = ${expression}`;
  const header = `-- pitstop --expand: backfills ${c.rel.sql}.${q(target)}, one transaction per batch. Safe to run again.`;
  if (c.key.length === 0) return backfillByPages(c, set, pending, header);
  const keys = c.key.map(q);
  const row = (vars: string[]) => (vars.length === 1 ? vars[0]! : `(${vars.join(", ")})`);
  const lo = c.key.map((_, i) => `lo_${i + 1}`);
  const hi = c.key.map((_, i) => `hi_${i + 1}`);
  const declare = [...lo, ...hi]
    .map((v, i) => `  ${v} ${c.rel.sql}.${keys[i % keys.length]}%TYPE;`)
    .join("\n");
  const order = keys.join(", ");
  const desc = keys.map((k) => `${k} DESC`).join(", ");
  return `DO $pitstop$
${header}
DECLARE
${declare}
  batch_size constant integer := ${DEFAULT_BATCH_ROWS};
${THROTTLE_DECLARE}
BEGIN
  SELECT ${order} INTO ${lo.join(", ")} FROM ${c.rel.sql} ORDER BY ${order} LIMIT 1;
  WHILE ${lo[0]} IS NOT NULL LOOP
    SELECT ${order} INTO ${hi.join(", ")} FROM (
      SELECT ${order} FROM ${c.rel.sql} WHERE ${row(keys)} >= ${row(lo)} ORDER BY ${order} LIMIT batch_size
    ) AS batch ORDER BY ${desc} LIMIT 1;
    UPDATE ${c.rel.sql} SET ${set}
      WHERE ${row(keys)} >= ${row(lo)} AND ${row(keys)} <= ${row(hi)} AND ${pending};
    COMMIT;
${THROTTLE}
    ${lo.map((v) => `${v} := NULL;`).join(" ")}
    SELECT ${order} INTO ${lo.join(", ")} FROM ${c.rel.sql} WHERE ${row(keys)} > ${row(hi)} ORDER BY ${order} LIMIT 1;
  END LOOP;
END
$pitstop$`;
}

function backfillByPages(
  c: Pick<ExpandColumn, "rel">,
  set: string,
  pending: string,
  header: string,
): string {
  return `DO $pitstop$
${header}
-- No primary key: batches of pages by ctid (a TID range scan on PostgreSQL 14+). Rows written
-- since the expand step are right already (the trigger or the default), wherever they moved.
DECLARE
  pages constant bigint := pg_relation_size(${quoteLiteral(c.rel.sql)}::regclass) / current_setting('block_size')::bigint;
  batch_pages constant integer := ${DEFAULT_BATCH_PAGES};
  lo bigint := 0;
${THROTTLE_DECLARE}
BEGIN
  WHILE lo <= pages LOOP
    UPDATE ${c.rel.sql} SET ${set}
      WHERE ctid >= format('(%s,0)', lo)::tid AND ctid < format('(%s,0)', lo + batch_pages)::tid AND ${pending};
    COMMIT;
${THROTTLE}
    lo := lo + batch_pages;
  END LOOP;
END
$pitstop$`;
}

/**
 * `index` (a definition of the desired schema) built CONCURRENTLY on
 * `column` instead of the expanded one, under `name`.
 *
 * @example
 * indexCopy(col, { definition: "CREATE INDEX orders_qty_idx ON orders USING btree (qty)", ... }, "qty_new", "orders_qty_idx_new")
 * // CREATE INDEX CONCURRENTLY orders_qty_idx_new ON orders USING btree (qty_new)
 */
export function indexCopy(c: ExpandColumn, index: IndexDef, column: string, name: string): string {
  const tokens = parser().scanSync(index.definition).tokens;
  const using = tokens.findIndex((t) => t.text.toUpperCase() === "USING");
  const named = tokens[tokens.findIndex((t) => t.text.toUpperCase() === "INDEX") + 1];
  const edits = columnEdits(tokens.slice(using + 1), c.before.name, column);
  if (named !== undefined)
    edits.push({ start: named.start, end: named.end, text: `CONCURRENTLY ${q(name)}` });
  return applyEdits(index.definition, edits);
}

/**
 * A CHECK constraint's definition (`CHECK ((qty > 0))`) over `column`
 * instead of the expanded one, added NOT VALID under `name`.
 */
export function checkCopy(
  c: ExpandColumn,
  check: ConstraintDef,
  column: string,
  name: string,
): string {
  const definition = check.definition.replace(/ NOT VALID$/, "");
  const tokens = parser().scanSync(definition).tokens;
  const body = applyEdits(definition, columnEdits(tokens, c.before.name, column));
  return `ALTER TABLE ${c.rel.sql} ADD CONSTRAINT ${q(name)} ${body} NOT VALID`;
}

type Token = { start: number; end: number; text: string };
type Edit = { start: number; end: number; text: string };

/** Edits that put `replacement` where `tokens` name the column (not a function, not qualified). */
function columnEdits(tokens: readonly Token[], column: string, replacement: string): Edit[] {
  const edits: Edit[] = [];
  tokens.forEach((t, i) => {
    const word = t.text.startsWith('"')
      ? t.text.slice(1, -1).replaceAll('""', '"')
      : t.text.toLowerCase();
    const qualified =
      tokens[i - 1]?.text === "." || tokens[i + 1]?.text === "." || tokens[i + 1]?.text === "(";
    if (word === column && !qualified)
      edits.push({ start: t.start, end: t.end, text: q(replacement) });
  });
  return edits;
}

/** `text` with the edits (byte offsets, as the scanner gives them) applied. */
function applyEdits(text: string, edits: Edit[]): string {
  const bytes = Buffer.from(text, "utf8");
  let out = "";
  let at = 0;
  for (const e of edits.sort((a, b) => a.start - b.start)) {
    out += bytes.subarray(at, e.start).toString("utf8") + e.text;
    at = e.end;
  }
  return out + bytes.subarray(at).toString("utf8");
}

/**
 * The unique index a primary key or unique constraint needs, built
 * CONCURRENTLY over `column` in place of the expanded one; the switch
 * attaches it with `ADD CONSTRAINT ... USING INDEX`.
 */
export function keyIndex(
  c: ExpandColumn,
  key: KeyConstraint,
  column: string,
  name: string,
): string {
  const columns = key.columns.map((k) => q(k === c.before.name ? column : k)).join(", ");
  return `CREATE UNIQUE INDEX CONCURRENTLY ${q(name)} ON ${c.rel.sql} USING btree (${columns})`;
}

/** `ALTER TABLE ... ADD CONSTRAINT <key> PRIMARY KEY|UNIQUE USING INDEX <index>`. */
export function keyUsingIndex(c: ExpandColumn, key: KeyConstraint, index: string): string {
  const kind = key.constraint.type === "primary" ? "PRIMARY KEY" : "UNIQUE";
  return `ALTER TABLE ${c.rel.sql} ADD CONSTRAINT ${q(key.constraint.name)} ${kind} USING INDEX ${q(index)}`;
}

/** `<index>_<suffix>`, at most 63 bytes. */
export function indexName(index: { readonly name: string }, suffix: string): string {
  return identifier(`${index.name}_${suffix}`);
}

/**
 * The switch: `active` (the column the application uses) hands its name to
 * `standby` (kept equal by the trigger and proven complete by the check).
 * Run in one short transaction. `standbyNotNull`: the standby gets NOT NULL
 * (proven by the validated check, no scan).
 */
export function switchColumns(
  c: ExpandColumn,
  o: {
    active: string;
    standby: string;
    retiredName: string;
    activeDefault: string | undefined;
    activeNotNull: boolean;
    standbyDefault: string | undefined;
    standbyNotNull: boolean;
    standbyComment: string | undefined;
    check: string | undefined;
    trigger: string;
    fn: string;
    /** [current name of the standby's copy, the name it takes, the name the active one's index takes]. */
    indexes: readonly (readonly [string, string, string])[];
  },
): string[] {
  const t = c.rel.sql;
  const column = c.before.name;
  const out: string[] = [];
  if (o.standbyNotNull) out.push(`ALTER TABLE ${t} ALTER COLUMN ${q(o.standby)} SET NOT NULL`);
  if (o.check !== undefined) out.push(`ALTER TABLE ${t} DROP CONSTRAINT ${q(o.check)}`);
  out.push(...dropSyncTrigger(c, o.trigger, o.fn));
  if (o.activeDefault !== undefined)
    out.push(`ALTER TABLE ${t} ALTER COLUMN ${q(o.active)} DROP DEFAULT`);
  if (o.activeNotNull) out.push(`ALTER TABLE ${t} ALTER COLUMN ${q(o.active)} DROP NOT NULL`);
  out.push(`ALTER TABLE ${t} RENAME COLUMN ${q(o.active)} TO ${q(o.retiredName)}`);
  out.push(`ALTER TABLE ${t} RENAME COLUMN ${q(o.standby)} TO ${q(column)}`);
  if (o.standbyDefault !== undefined)
    out.push(`ALTER TABLE ${t} ALTER COLUMN ${q(column)} SET DEFAULT ${o.standbyDefault}`);
  for (const s of c.sequences)
    out.push(`ALTER SEQUENCE ${qualifiedName(s.schema, s.name)} OWNED BY ${t}.${q(column)}`);
  for (const [copy, name, retired] of o.indexes) {
    out.push(`ALTER INDEX ${qualifiedName(c.rel.schema, name)} RENAME TO ${q(retired)}`);
    out.push(`ALTER INDEX ${qualifiedName(c.rel.schema, copy)} RENAME TO ${q(name)}`);
  }
  if (o.standbyComment !== undefined)
    out.push(`COMMENT ON COLUMN ${t}.${q(column)} IS ${quoteLiteral(o.standbyComment)}`);
  return out;
}

/** `qty::bigint` where `qty` is `source`: assignable as `NEW.qty::bigint`. */
function plainCast(expression: string, source: string): boolean {
  const prefix = `${q(source)}::`;
  return (
    expression.startsWith(prefix) && /^[a-z0-9_ ,()[\]]+$/i.test(expression.slice(prefix.length))
  );
}
