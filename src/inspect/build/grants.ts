import type { AclRow } from "../catalog.js";
import type { Grant } from "../model.js";
import { byKey } from "../sort.js";

/**
 * Privileges by object (`catalog:oid`), each list sorted by grantee and privilege.
 *
 * @example
 * grantsByObject(rows.acls).get("pg_class:16385") // [{ grantee: "app", privilege: "SELECT" }]
 */
export function grantsByObject(rows: readonly AclRow[]): Map<string, Grant[]> {
  const map = new Map<string, Grant[]>();
  for (const r of rows) {
    const key = `${r.catalog}:${r.oid}`;
    const list = map.get(key) ?? [];
    list.push({
      grantee: r.grantee,
      privilege: r.privilege,
      ...(r.grantable ? { grantable: true as const } : {}),
    });
    map.set(key, list);
  }
  for (const list of map.values()) list.sort(byKey((g) => `${g.grantee}\u0000${g.privilege}`));
  return map;
}
