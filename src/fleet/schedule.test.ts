import { describe, expect, it } from "vitest";
import { schedule } from "./schedule.js";

/** Tasks that finish when told, so the test sees exactly what runs at each moment. */
function controlled() {
  const running = new Map<string, () => void>();
  let peak = 0;
  const perKeyPeak = new Map<string, number>();
  const run = (item: { id: string; key: string }) =>
    new Promise<void>((resolve) => {
      running.set(item.id, resolve);
      peak = Math.max(peak, running.size);
      const onKey = [...running.keys()].filter((id) => id.startsWith(item.key)).length;
      perKeyPeak.set(item.key, Math.max(perKeyPeak.get(item.key) ?? 0, onKey));
    }).then(() => {
      running.delete(item.id);
    });
  const finish = async (id: string) => {
    running.get(id)!();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { running, run, finish, peaks: () => ({ peak, perKeyPeak }) };
}

const items = (key: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `${key}${i}`, key }));

describe("schedule", () => {
  it("keeps to the total and per-key limits and takes keys in turn", async () => {
    const c = controlled();
    const all = [...items("a", 6), ...items("b", 3)];
    const done = schedule(all, { concurrency: 3, perKey: 2, key: (i) => i.key, run: c.run });
    await new Promise((r) => setTimeout(r, 0));
    expect([...c.running.keys()].sort()).toEqual(["a0", "a1", "b0"]);
    while (c.running.size > 0) await c.finish([...c.running.keys()][0]!);
    expect(await done).toEqual([]);
    expect(c.peaks().peak).toBe(3);
    expect(c.peaks().perKeyPeak.get("a")).toBe(2);
  });

  it("starts nothing new once stop() says so and returns what never started", async () => {
    const c = controlled();
    let failures = 0;
    const done = schedule(items("a", 5), {
      concurrency: 2,
      perKey: 2,
      key: (i) => i.key,
      run: c.run,
      stop: () => failures >= 1,
    });
    await new Promise((r) => setTimeout(r, 0));
    failures = 1;
    await c.finish("a0");
    expect([...c.running.keys()]).toEqual(["a1"]);
    await c.finish("a1");
    expect((await done).map((i) => i.id)).toEqual(["a2", "a3", "a4"]);
  });
});
