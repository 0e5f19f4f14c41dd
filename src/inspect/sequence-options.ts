/** A sequence's settings as pg_sequence stores them (numbers as decimal strings). */
export interface SequenceSettings {
  readonly type: string;
  readonly start: string;
  readonly increment: string;
  readonly min: string;
  readonly max: string;
  readonly cache: string;
  readonly cycle: boolean;
}

const RANGES: Record<string, [bigint, bigint]> = {
  smallint: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
};

/**
 * The options of `CREATE SEQUENCE` (or of an identity column) that differ
 * from what PostgreSQL picks by default for the type and increment.
 *
 * @example
 * sequenceOptions({ type: "bigint", start: "100", increment: "1", min: "1",
 *   max: "9223372036854775807", cache: "1", cycle: false }, { withType: true })
 * // ["START WITH 100"]
 */
export function sequenceOptions(s: SequenceSettings, options: { withType: boolean }): string[] {
  const [typeMin, typeMax] = RANGES[s.type] ?? RANGES.bigint!;
  const increment = BigInt(s.increment);
  const up = increment > 0n;
  const defaultMin = up ? 1n : typeMin;
  const defaultMax = up ? typeMax : -1n;
  const min = BigInt(s.min);
  const max = BigInt(s.max);
  const defaultStart = up ? min : max;
  const out: string[] = [];
  if (options.withType && s.type !== "bigint") out.push(`AS ${s.type}`);
  if (increment !== 1n) out.push(`INCREMENT BY ${s.increment}`);
  if (min !== defaultMin) out.push(`MINVALUE ${s.min}`);
  if (max !== defaultMax) out.push(`MAXVALUE ${s.max}`);
  if (BigInt(s.start) !== defaultStart) out.push(`START WITH ${s.start}`);
  if (s.cache !== "1") out.push(`CACHE ${s.cache}`);
  if (s.cycle) out.push("CYCLE");
  return out;
}
