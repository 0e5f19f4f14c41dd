import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { request as httpsRequest } from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { migrate } from "pg-pitstop";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS, ROOT } from "./support/databases.js";
import { emptyDatabase, queryRows as rows, type Service, startService } from "./support/service.js";

// The built service as a process, on the run's PostgreSQL server: what a deploy runs.
const started: Service[] = [];
const service = (args: string[], env: Record<string, string> = {}) => {
  const s = startService(args, env);
  started.push(s);
  return s;
};
afterAll(async () => {
  await Promise.all(started.map((s) => s.stop("SIGKILL")));
});

describe("the service process", () => {
  it("two replicas start at once on an empty database: both serve, migrations run once", async () => {
    const url = await emptyDatabase("api_replicas");
    const [a, b] = [
      service(["--db-url", url, "--db-disable-tls"]),
      service(["--db-url", url, "--db-disable-tls"]),
    ];
    const [ra, rb] = await Promise.all([a.ready, b.ready]);
    for (const r of [ra, rb]) {
      const res = await fetch(`${r.url}/v1/products`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ items: [], next_cursor: null });
    }
    const history = await rows<{ version: string }>(
      url,
      "SELECT version FROM pitstop_migrations ORDER BY version",
    );
    expect(history.map((h) => h.version)).toEqual(["1", "2", "3", "4", "5"]);
    const applied = [...a.logs, ...b.logs].filter((l) => l.msg === "migration applied");
    expect(applied.map((l) => l.migration).sort()).toEqual([
      "000001_create_products_table",
      "000002_add_tags_to_products",
      "000003_create_users_table",
      "000004_index_products_for_listing",
      "000005_add_updated_by_to_products",
    ]);
    expect([a, b].every((s) => s.logs.some((l) => l.msg === "migrations current"))).toBe(true);
    expect(await Promise.all([a.stop(), b.stop()])).toEqual([0, 0]);
  });

  it("a failed migration stops start-up with a clear log line and exit code 1", async () => {
    const url = await emptyDatabase("api_failing");
    await rows(url, "CREATE TABLE products (id int)");
    const s = service(["--db-url", url, "--db-disable-tls"]);
    expect(await s.exited).toBe(1);
    const fatal = s.logs.find((l) => l.level === 60);
    expect(fatal?.msg).toMatch(
      /^migration failed: .*000001_create_products_table.*relation "products" already exists/s,
    );
    expect(s.logs.some((l) => l.msg.startsWith("serving"))).toBe(false);
    // The transaction rolled back: nothing half-applied, nothing recorded as applied.
    expect(
      await rows(url, "SELECT version FROM pitstop_migrations WHERE state = 'applied'"),
    ).toEqual([]);
  });

  it("logs its config at start-up with the database password masked", async () => {
    const url = new URL(await emptyDatabase("api_masked"));
    url.username = "postgres";
    url.password = "s3cret-Pa55word";
    const s = service(["--db-url", url.toString(), "--db-disable-tls", "--no-migrate"]);
    await s.ready;
    const config = s.logs.find((l) => l.msg === "starting")?.config as Record<string, unknown>;
    expect(config).toMatchObject({ dbDisableTls: true, migrate: false, host: "127.0.0.1" });
    expect(String(config.dbUrl)).toContain("****");
    expect(s.output()).not.toContain("s3cret-Pa55word");
    expect(await s.stop()).toBe(0);
    expect(s.output()).not.toContain("s3cret-Pa55word");
  });

  it("refuses unknown flags and half a TLS pair with exit code 2", async () => {
    const bad = service(["--colour", "red"]);
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toContain("Usage: products-api");
    const half = service(["--tls-cert", "x.crt"]);
    expect(await half.exited).toBe(2);
    expect(half.output()).toContain("--tls-cert and --tls-key go together");
  });

  it("serves HTTPS with the pair `npm run certs` makes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "products-api-certs-"));
    try {
      const made = spawnSync(process.execPath, [`${ROOT}scripts/certs.mjs`, "--out", dir], {
        encoding: "utf8",
      });
      expect(made.status, made.stderr).toBe(0);
      const url = await emptyDatabase("api_tls");
      const s = service([
        "--db-url",
        url,
        "--db-disable-tls",
        "--tls-cert",
        join(dir, "localhost.crt"),
        "--tls-key",
        join(dir, "localhost.key"),
      ]);
      const { url: served } = await s.ready;
      expect(served).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const { readFileSync } = await import("node:fs");
      const ca = readFileSync(join(dir, "localhost.crt"));
      const body = await new Promise<string>((resolve, reject) => {
        const req = httpsRequest(`${served}/v1/products`, { ca }, (res) => {
          let text = "";
          res.on("data", (c) => (text += c));
          res.on("end", () => (res.statusCode === 200 ? resolve(text) : reject(new Error(text))));
        });
        req.on("error", reject);
        req.end();
      });
      expect(JSON.parse(body)).toEqual({ items: [], next_cursor: null });
      // Plain HTTP on the TLS port gets no answer it can read.
      await expect(fetch(served.replace("https:", "http:"))).rejects.toThrow();
      expect(await s.stop()).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("on SIGTERM stops accepting, finishes the request in flight, closes the pool and exits 0", async () => {
    const url = await emptyDatabase("api_shutdown");
    const s = service(["--db-url", url, "--db-disable-tls"]);
    const { url: served } = await s.ready;
    // Hold the table so a request is in flight when the signal comes.
    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    await blocker.query("BEGIN; LOCK TABLE products IN ACCESS EXCLUSIVE MODE");
    const inFlight = fetch(`${served}/v1/products`);
    await waitFor(async () => {
      const waiting = await rows<{ n: number }>(
        url,
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name = 'products-api'",
      );
      return waiting[0]!.n === 1;
    });
    s.child.kill("SIGTERM");
    await waitFor(async () => s.logs.some((l) => l.msg.startsWith("shutting down")));
    await expect(fetch(`${served}/v1/products`)).rejects.toThrow();
    expect(s.child.exitCode).toBeNull();
    await blocker.query("COMMIT");
    await blocker.end();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await s.exited, s.output()).toBe(0);
    expect(s.logs.at(-1)?.msg).toBe("stopped");
    const left = await rows<{ n: number }>(
      url,
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'products-api'",
    );
    expect(left[0]!.n).toBe(0);
  });

  it("debug server: health, readiness, metrics, CPU profile and heap snapshot", async () => {
    const url = await emptyDatabase("api_debug");
    const unmigrated = service(["--db-url", url, "--db-disable-tls", "--no-migrate"]);
    const first = await unmigrated.ready;
    const notReady = await fetch(`${first.debug}/readyz`);
    expect(notReady.status).toBe(503);
    expect((await notReady.json()).checks).toEqual({ database: "ok", migrations: "5 pending" });
    expect(await unmigrated.stop()).toBe(0);

    const s = service(["--db-url", url, "--db-disable-tls"]);
    const { url: served, debug } = await s.ready;
    expect(debug).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${debug}/healthz`)).text()).toBe("ok\n");
    const ready = await fetch(`${debug}/readyz`);
    expect(ready.status).toBe(200);
    expect((await ready.json()).checks.migrations).toBe("current (5)");
    await fetch(`${served}/v1/products`);
    await fetch(`${served}/v1/products/not-a-uuid`);
    const metrics = await (await fetch(`${debug}/metrics`)).text();
    expect(metrics).toContain(
      'http_requests_total{method="GET",route="/v1/products",status="200"} 1',
    );
    expect(metrics).toContain(
      'http_requests_total{method="GET",route="/v1/products/:id",status="400"} 1',
    );
    expect(metrics).toMatch(/^db_pool_connections \d+$/m);
    expect(metrics).toContain("process_cpu_user_seconds_total");

    const profile = await fetch(`${debug}/debug/profile?seconds=0.5`);
    expect(profile.status).toBe(200);
    expect(profile.headers.get("content-disposition")).toMatch(/\.cpuprofile"$/);
    const cpu = (await profile.json()) as { nodes: unknown[]; startTime: number; endTime: number };
    expect(cpu.nodes.length).toBeGreaterThan(0);
    expect(cpu.endTime - cpu.startTime).toBeGreaterThanOrEqual(400_000);
    expect((await fetch(`${debug}/debug/profile?seconds=999`)).status).toBe(400);

    const heap = await fetch(`${debug}/debug/heap`);
    expect(heap.headers.get("content-disposition")).toMatch(/\.heapsnapshot"$/);
    const snapshot = JSON.parse(await heap.text()) as { snapshot: { node_count: number } };
    expect(snapshot.snapshot.node_count).toBeGreaterThan(1000);
    expect((await fetch(`${debug}/nothing`)).status).toBe(404);
    // The debug routes are not on the public port.
    expect((await fetch(`${served}/metrics`)).status).toBe(404);
    expect(await s.stop()).toBe(0);
  });

  it("the debug port answers while a start-up migration waits for a lock, and says which", async () => {
    const url = await emptyDatabase("api_lock_wait");
    const upTo4 = await migrate({ url: `${url}?sslmode=disable`, migrations: MIGRATIONS, to: "4" });
    expect(upTo4.error).toBeUndefined();
    // A long read holds products: migration 5's ALTER TABLE waits (lock_timeout, then retries).
    const reader = new pg.Client({ connectionString: url });
    await reader.connect();
    try {
      await reader.query("BEGIN");
      await reader.query("LOCK TABLE products IN ACCESS SHARE MODE");
      const s = service(["--db-url", url, "--db-disable-tls"]);
      await waitFor(async () => s.logs.some((l) => l.msg.startsWith("debug server on ")));
      const debug = s.logs.find((l) => l.msg.startsWith("debug server on "))!.debug as string;
      const readyz = async () => {
        const r = await fetch(`${debug}/readyz`);
        return { status: r.status, body: (await r.json()) as { checks: { migrations: string } } };
      };
      await waitFor(async () =>
        (await readyz()).body.checks.migrations.includes("000005_add_updated_by_to_products"),
      );
      expect((await fetch(`${debug}/healthz`)).status).toBe(200);
      const waiting = await readyz();
      expect(waiting.status).toBe(503);
      // The wait is logged: the migration that started, then each retry and why.
      await waitFor(async () => s.logs.some((l) => l.reason !== undefined && l.attempt === 1));
      const retry = s.logs.find((l) => l.attempt === 1)!;
      expect(retry).toMatchObject({ migration: "000005_add_updated_by_to_products", level: 40 });
      expect(retry.msg).toContain("retry 1");
      expect((await readyz()).body.checks.migrations).toContain("waits");
      expect(s.logs.some((l) => l.msg === "running 000005_add_updated_by_to_products")).toBe(true);
      await reader.query("COMMIT");
      await s.ready;
      expect((await readyz()).status).toBe(200);
      expect(await s.stop()).toBe(0);
    } finally {
      await reader.end();
    }
  });

  it("a port another process holds: exit 1, the log line names API_ADDR or API_DEBUG_ADDR", async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
    const port = (holder.address() as { port: number }).port;
    try {
      const url = await emptyDatabase("api_port_taken");
      for (const [flag, variable] of [
        ["--addr", "API_ADDR"],
        ["--debug-addr", "API_DEBUG_ADDR"],
      ] as const) {
        const s = service(["--db-url", url, "--db-disable-tls", flag, `127.0.0.1:${port}`]);
        expect(await s.exited).toBe(1);
        const fatal = s.logs.find((l) => l.level === 60)!;
        expect(fatal.msg).toContain(`cannot listen on 127.0.0.1:${port}: the address is in use`);
        expect(fatal.msg).toContain(`set ${variable}`);
      }
    } finally {
      holder.close();
    }
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}
