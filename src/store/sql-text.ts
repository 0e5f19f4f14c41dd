/** Quoting for SQL text that is sent without parameters (simple-protocol scripts). */

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A string literal that reads the same whatever standard_conforming_strings says. */
export function quoteLiteral(value: string): string {
  if (value.includes("\\")) return `E'${value.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
  return `'${value.replace(/'/g, "''")}'`;
}

/** A bigint literal from a canonical decimal version. */
export function versionLiteral(version: string): string {
  if (!/^[0-9]+$/.test(version)) throw new Error(`not a version: ${version}`);
  return version;
}
