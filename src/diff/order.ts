/** Something to place in order: it provides `covers` keys and needs `deps` keys. */
export interface Orderable {
  readonly covers: readonly string[];
  readonly deps: readonly string[];
  readonly rank: number;
  readonly sort: string;
}

export interface Ordered<T> {
  readonly items: T[];
  /** Items placed out of dependency order to break a cycle. */
  readonly cycles: T[];
}

/**
 * Topological order with a stable tie-break (Kahn's algorithm over a
 * priority queue). `create`: an item comes after the items covering what it
 * needs, lower rank first. `drop`: an item comes before the items covering
 * what it needs, higher rank first. A cycle is broken at its first item by
 * priority, which is reported.
 */
export function orderItems<T extends Orderable>(
  items: readonly T[],
  direction: "create" | "drop",
): Ordered<T> {
  const coveredBy = new Map<string, number[]>();
  items.forEach((item, i) => {
    for (const key of item.covers) {
      const list = coveredBy.get(key);
      if (list) list.push(i);
      else coveredBy.set(key, [i]);
    }
  });
  const next: Set<number>[] = items.map(() => new Set());
  const indegree = new Array<number>(items.length).fill(0);
  items.forEach((item, i) => {
    for (const dep of item.deps) {
      for (const j of coveredBy.get(dep) ?? []) {
        if (j === i) continue;
        // create: j before i; drop: i before j.
        const [first, second] = direction === "create" ? [j, i] : [i, j];
        if (!next[first]!.has(second)) {
          next[first]!.add(second);
          indegree[second]!++;
        }
      }
    }
  });
  const sign = direction === "create" ? 1 : -1;
  const before = (a: number, b: number): boolean => {
    const x = items[a]!;
    const y = items[b]!;
    if (x.rank !== y.rank) return sign * (x.rank - y.rank) < 0;
    if (x.sort !== y.sort) return x.sort < y.sort;
    return a < b;
  };
  const heap = new Heap(before);
  indegree.forEach((d, i) => {
    if (d === 0) heap.push(i);
  });
  const done = new Array<boolean>(items.length).fill(false);
  const out: T[] = [];
  const cycles: T[] = [];
  while (out.length < items.length) {
    let i = heap.pop();
    if (i === undefined) {
      // A cycle: take the first remaining item by priority.
      let pick = -1;
      for (let k = 0; k < items.length; k++)
        if (!done[k] && (pick < 0 || before(k, pick))) pick = k;
      i = pick;
      cycles.push(items[i]!);
    }
    if (done[i]) continue;
    done[i] = true;
    out.push(items[i]!);
    for (const n of next[i]!) {
      if (--indegree[n]! === 0 && !done[n]) heap.push(n);
    }
  }
  return { items: out, cycles };
}

class Heap {
  readonly #items: number[] = [];
  readonly #before: (a: number, b: number) => boolean;

  constructor(before: (a: number, b: number) => boolean) {
    this.#before = before;
  }

  push(value: number): void {
    const a = this.#items;
    a.push(value);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#before(a[i]!, a[parent]!)) break;
      [a[i], a[parent]] = [a[parent]!, a[i]!];
      i = parent;
    }
  }

  pop(): number | undefined {
    const a = this.#items;
    if (a.length === 0) return undefined;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.#before(a[l]!, a[m]!)) m = l;
        if (r < a.length && this.#before(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}
