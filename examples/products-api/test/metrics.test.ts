import { spawnSync } from "node:child_process";
import { collectDefaultMetrics, Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { createMetrics } from "../src/metrics.js";

/**
 * promtool's naming rules for the exposition text (the ones `promtool check metrics` applies to
 * names and types): counters end in `_total`; nothing else does; only histograms and summaries
 * end in `_count`, `_sum` or `_bucket`; names are snake_case.
 */
function namingProblems(text: string): string[] {
  const problems: string[] = [];
  for (const [, name, type] of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    if (!/^[a-z_:][a-z0-9_:]*$/.test(name!)) problems.push(`${name}: not snake_case`);
    if (type === "counter" && !name!.endsWith("_total")) {
      problems.push(`${name}: a counter without the _total suffix`);
    }
    if (type !== "counter" && name!.endsWith("_total")) {
      problems.push(`${name}: a ${type} named like a counter (_total)`);
    }
    if (type !== "histogram" && type !== "summary" && /_(count|sum|bucket)$/.test(name!)) {
      problems.push(`${name}: a ${type} with a histogram suffix`);
    }
  }
  return problems;
}

const promtool = spawnSync("promtool", ["--version"]).status === 0;

async function exposition(): Promise<string> {
  const metrics = createMetrics(() => ({ total: 3, idle: 2, waiting: 1 }));
  metrics.observe("GET", "/v1/products", 200, 0.004);
  return metrics.registry.metrics();
}

describe("metrics names", () => {
  it("follow promtool's naming rules (checked here, so without promtool too)", async () => {
    const text = await exposition();
    expect(namingProblems(text)).toEqual([]);
    expect(text).toContain("# TYPE nodejs_active_handles gauge");
    expect(text).toContain("# TYPE http_requests_total counter");
    // The check finds what prom-client's defaults alone get wrong.
    const defaults = new Registry();
    collectDefaultMetrics({ register: defaults });
    expect(namingProblems(await defaults.metrics())).toContain(
      "nodejs_active_handles_total: a gauge named like a counter (_total)",
    );
  });

  it.skipIf(!promtool)("pass promtool check metrics", async () => {
    const r = spawnSync("promtool", ["check", "metrics"], { input: await exposition() });
    expect(`${r.stdout}${r.stderr}`).toBe("");
    expect(r.status).toBe(0);
  });
});
