/**
 * Whatever needs something dropped or rebuilt is dropped and rebuilt too;
 * columns whose type is recreated are converted through a type both sides
 * cast to, and what reads them is rebuilt around the change.
 */
import type { TypeDef } from "../inspect/model.js";
import { type DiffState, DROP_EARLY } from "./diff-state.js";

export function cascade(st: DiffState): void {
  const queue: string[] = [];
  for (const [key, s] of st.status)
    if (s === "removed" || s === "recreate" || s === "retype") queue.push(key);
  const invalid: string[] = [...st.typeChanged];
  const rebuild = (key: string) => {
    const s = st.status.get(key);
    if (s === "removed" || s === "recreate" || s === "added" || s === "retype") return;
    st.status.set(key, "recreate");
    queue.push(key);
  };
  while (queue.length > 0 || invalid.length > 0) {
    const key = queue.pop();
    if (key !== undefined) {
      cascadeFrom(st, key, rebuild, invalid);
      continue;
    }
    const column = invalid.pop()!;
    rebuildReaders(st, column, rebuild);
  }
}

/** The children and dependents of `key`, which is dropped, recreated or retyped. */
function cascadeFrom(
  st: DiffState,
  key: string,
  rebuild: (key: string) => void,
  invalid: string[],
): void {
  const status = st.status.get(key);
  const children = new Set(st.a.children.get(key) ?? []);
  if (status === "recreate")
    for (const child of children) if (st.b.nodes.has(child)) rebuild(child);
  for (const d of st.a.dependents.get(key) ?? []) {
    if (children.has(d) || !st.b.nodes.has(d)) continue;
    const dependent = st.a.nodes.get(d)!;
    if (status === "retype" && dependent.kind === "column") {
      if (!st.retyped.has(d)) {
        st.retyped.set(d, retypeVia(st, key));
        if (st.status.get(d) === "same") st.status.set(d, "changed");
        invalid.push(d);
      }
      continue;
    }
    // Altered in place so that it no longer needs what goes away last: no rebuild.
    if (
      status === "removed" &&
      !DROP_EARLY.has(st.a.nodes.get(key)!.kind) &&
      st.status.get(d) === "changed" &&
      !st.b.nodes.get(d)!.deps.includes(key)
    )
      continue;
    rebuild(d);
  }
}

/** What reads a column whose type changes (views, triggers, generated columns...) is rebuilt. */
function rebuildReaders(st: DiffState, column: string, rebuild: (key: string) => void): void {
  const owner = st.a.nodes.get(column)?.parent;
  // The old default may not convert to the new type: set it again after the change.
  const columnDefault = `default:${column.slice("column:".length)}`;
  if (st.a.nodes.has(columnDefault) && st.b.nodes.has(columnDefault)) rebuild(columnDefault);
  for (const d of st.a.dependents.get(column) ?? []) {
    const dependent = st.a.nodes.get(d)!;
    if (!st.b.nodes.has(d)) continue;
    const rebuilt =
      dependent.kind === "view" ||
      dependent.kind === "trigger" ||
      dependent.kind === "policy" ||
      dependent.kind === "function" ||
      (dependent.kind === "column" &&
        dependent.parent === owner &&
        dependent.object.generated !== undefined);
    if (rebuilt) rebuild(d);
  }
}

/** Enum values go through text; a domain's through its (old) base type. */
function retypeVia(st: DiffState, typeKey: string): string {
  const t = st.a.nodes.get(typeKey)!.object as TypeDef;
  return t.kind === "domain" ? t.type : "text";
}
