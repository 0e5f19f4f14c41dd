/**
 * Migration versions are non-negative integers written in decimal: a UTC
 * timestamp `YYYYMMDDHHMMSS` or a zero-padded sequence (`000042`). They are
 * kept as canonical decimal strings (no leading zeros) so that 17-digit
 * versions never lose precision and JSON output stays plain.
 */

const DIGITS = /^[0-9]+$/;

/** `000042` -> `42`; throws on anything that is not digits. */
export function canonicalVersion(text: string): string {
  if (!DIGITS.test(text)) throw new Error(`not a version: ${JSON.stringify(text)}`);
  const trimmed = text.replace(/^0+/, "");
  return trimmed === "" ? "0" : trimmed;
}

export function isVersion(text: string): boolean {
  return DIGITS.test(text);
}

/** The largest version the history table's `bigint` column holds. */
export const MAX_VERSION = "9223372036854775807";

/** Whether a canonical version fits the history table's `bigint` column. */
export function fitsBigint(version: string): boolean {
  return compareVersions(version, MAX_VERSION) <= 0;
}

/** Numeric order of two canonical versions. */
export function compareVersions(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxVersion(versions: Iterable<string>): string | undefined {
  let max: string | undefined;
  for (const v of versions) if (max === undefined || compareVersions(v, max) > 0) max = v;
  return max;
}

/** `YYYYMMDDHHMMSS` of a date in UTC. */
export function timestampVersion(date: Date): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return (
    pad(date.getUTCFullYear(), 4) +
    pad(date.getUTCMonth() + 1) +
    pad(date.getUTCDate()) +
    pad(date.getUTCHours()) +
    pad(date.getUTCMinutes()) +
    pad(date.getUTCSeconds())
  );
}

/** A 14-digit version that reads as a plausible UTC date and time. */
export function looksLikeTimestamp(text: string): boolean {
  if (!/^\d{14}$/.test(text)) return false;
  const month = Number(text.slice(4, 6));
  const day = Number(text.slice(6, 8));
  const hour = Number(text.slice(8, 10));
  const minute = Number(text.slice(10, 12));
  const second = Number(text.slice(12, 14));
  return (
    Number(text.slice(0, 4)) >= 1970 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= 31 &&
    hour < 24 &&
    minute < 60 &&
    second < 61
  );
}

export const DEFAULT_SEQUENCE_WIDTH = 6;

/**
 * The version text for a new migration.
 * - `timestamp`: now in UTC, bumped past the newest existing version if a
 *   clock skew or a fast script would otherwise collide or go backwards.
 * - `sequence`: newest sequence number + 1, as wide as the existing ones.
 */
export function nextVersion(
  existing: readonly string[],
  style: "timestamp" | "sequence",
  now: Date = new Date(),
): string {
  if (style === "timestamp") {
    let candidate = timestampVersion(now);
    const newest = maxVersion(existing.map(canonicalVersion));
    if (newest !== undefined && compareVersions(candidate, newest) <= 0) {
      candidate = (BigInt(newest) + 1n).toString();
    }
    return candidate;
  }
  const sequences = existing.filter((v) => !looksLikeTimestamp(v));
  const width = sequences.reduce((w, v) => Math.max(w, v.length), 0) || DEFAULT_SEQUENCE_WIDTH;
  const newest = maxVersion(sequences.map(canonicalVersion)) ?? "0";
  return (BigInt(newest) + 1n).toString().padStart(width, "0");
}
