/**
 * `pitstop studio`'s server: who may talk to it (token, Host header,
 * loopback only), that it never writes, and what its API answers for the
 * studio fixture, on PGlite and PostgreSQL 15.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { type AddressInfo, connect, createServer as createNetServer } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PitstopError } from "../src/core/errors.js";
import { DatabaseError, type Driver } from "../src/driver/driver.js";
import { inspect } from "../src/inspect/inspect.js";
import { directorySource } from "../src/source/directory.js";
import { StudioApi } from "../src/studio/api.js";
import type {
  ChangeResponse,
  DriftResponse,
  GraphResponse,
  HistoryResponse,
  LintResponse,
  OverviewResponse,
  TableResponse,
} from "../src/studio/api-types.js";
import { erGraph } from "../src/studio/er-graph.js";
import { readOnly } from "../src/studio/read-only.js";
import { startStudioServer } from "../src/studio/server.js";
import { CLI, cleanEnv, runCli } from "./helpers/cli.js";
import { describeEachDriver, enabledTestDrivers } from "./helpers/databases.js";
import {
  STUDIO_ASSETS,
  STUDIO_FIXTURE,
  scratchCache,
  startTestStudio,
  type TestStudio,
} from "./helpers/studio.js";

/** Server-only checks need one driver: pg when it runs, else PGlite. */
const once = (driver: string) => driver === "pg" || !enabledTestDrivers().includes("pg");

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request, so the Host header can be anything. */
function send(
  base: string,
  path: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: options.method ?? "GET",
        headers: options.headers ?? {},
      },
      (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

describeEachDriver("pitstop studio server", (ctx) => {
  let driver: Driver;
  let studio: TestStudio;
  let bearer: Record<string, string>;

  beforeAll(async () => {
    driver = await ctx.newDriver();
    studio = await startTestStudio(driver);
    bearer = { authorization: `Bearer ${studio.server.token}` };
  });
  afterAll(async () => {
    await studio?.close();
    await driver?.close();
  });

  const api = async <T>(path: string): Promise<T> => {
    const reply = await send(studio.base, path, { headers: bearer });
    expect(reply.status, reply.body).toBe(200);
    return JSON.parse(reply.body) as T;
  };

  it.skipIf(!once(ctx.driverName))(
    "refuses requests without the token or with a wrong one, and takes it from the query (then a cookie), a header or the cookie",
    async () => {
      const { base, server } = studio;
      expect(server.token).toMatch(/^[0-9a-f]{64}$/);
      expect(server.url).toBe(`${base}/?token=${server.token}`);
      for (const path of ["/", "/app.js", "/api/overview", "/api/table?id=public.customers"]) {
        expect((await send(base, path)).status, path).toBe(401);
        expect(
          (await send(base, `${path}${path.includes("?") ? "&" : "?"}token=nope`)).status,
        ).toBe(401);
      }
      const wrong = "0".repeat(64);
      expect(
        (await send(base, "/api/overview", { headers: { authorization: `Bearer ${wrong}` } }))
          .status,
      ).toBe(401);
      expect(
        (await send(base, "/api/overview", { headers: { "x-pitstop-token": wrong } })).status,
      ).toBe(401);
      expect(
        (await send(base, "/", { headers: { cookie: `pitstop-studio-${server.port}=${wrong}` } }))
          .status,
      ).toBe(401);
      // Another studio's cookie (another port) is not this one's.
      expect(
        (await send(base, "/", { headers: { cookie: `pitstop-studio-1=${server.token}` } })).status,
      ).toBe(401);

      const first = await send(base, `/?token=${server.token}`);
      expect(first.status).toBe(302);
      expect(first.headers.location).toBe("/");
      const cookie = String(first.headers["set-cookie"]);
      expect(cookie).toContain(`pitstop-studio-${server.port}=${server.token}`);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      const page = await send(base, "/", { headers: { cookie: cookie.split(";")[0]! } });
      expect(page.status).toBe(200);
      expect(page.headers["content-type"]).toMatch(/text\/html/);
      expect(page.headers["content-security-policy"]).toMatch(/default-src 'none'/);
      expect(page.body).toContain('<script src="/app.js">');
      expect(
        (await send(base, "/api/overview", { headers: { "x-pitstop-token": server.token } }))
          .status,
      ).toBe(200);
      expect((await send(base, `/api/overview?token=${server.token}`)).status).toBe(200);
    },
  );

  it.skipIf(!once(ctx.driverName))(
    "answers only to a loopback Host header (DNS rebinding) and only reads",
    async () => {
      const { base, server } = studio;
      for (const host of [
        "evil.example",
        `evil.example:${server.port}`,
        `127.0.0.1.nip.io:${server.port}`,
        "127.0.0.1:1",
      ]) {
        const reply = await send(base, "/api/overview", { headers: { ...bearer, host } });
        expect(reply.status, host).toBe(403);
      }
      for (const host of [
        `127.0.0.1:${server.port}`,
        `localhost:${server.port}`,
        `[::1]:${server.port}`,
      ])
        expect(
          (await send(base, "/api/overview", { headers: { ...bearer, host } })).status,
          host,
        ).toBe(200);
      for (const method of ["POST", "PUT", "DELETE", "PATCH"])
        expect(
          (await send(base, "/api/overview", { method, headers: bearer })).status,
          method,
        ).toBe(405);
      // Reload re-reads (a POST with the header or cookie, never a GET or a link with ?token=).
      expect((await send(base, "/api/reload", { headers: bearer })).status).toBe(405);
      expect(
        (await send(base, `/api/reload?token=${server.token}`, { method: "POST" })).status,
      ).toBe(405);
      expect((await send(base, "/api/nothing", { headers: bearer })).status).toBe(404);
    },
  );

  it.skipIf(!once(ctx.driverName))(
    "binds 127.0.0.1 only: not reachable on this machine's other addresses",
    async () => {
      const address = studio.server.server.address();
      expect(address).toMatchObject({ address: "127.0.0.1", family: "IPv4" });
      const others = Object.values(networkInterfaces())
        .flat()
        .filter((a) => a && !a.internal)
        .map((a) => a!.address);
      for (const host of ["::1", ...others]) {
        const outcome = await new Promise<string>((resolve) => {
          const socket = connect({ host, port: studio.server.port });
          socket.on("connect", () => {
            socket.destroy();
            resolve("connected");
          });
          socket.on("error", (e: NodeJS.ErrnoException) => resolve(e.code ?? "error"));
        });
        expect(outcome, host).not.toBe("connected");
      }
    },
  );

  it.skipIf(!once(ctx.driverName))("names --port when the port is taken", async () => {
    const error = await startStudioServer({
      api: studio.api,
      port: studio.server.port,
      assetsDir: STUDIO_ASSETS,
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PitstopError);
    expect((error as PitstopError).message).toContain(`--port ${studio.server.port}`);
    expect((error as PitstopError).hint).toMatch(/--port 0/);
  });

  it("reads on a read-only session: a write there fails, and the session is writable again after", async () => {
    const failure = await readOnly(driver, (db) =>
      db.exec("CREATE TABLE studio_must_not_exist (id int)"),
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(DatabaseError);
    expect((failure as DatabaseError).code).toBe("25006");
    const { rows } = await driver.query<{ ro: string }>(
      "SELECT current_setting('default_transaction_read_only') AS ro",
    );
    expect(rows[0]!.ro).toBe("off");
  });

  it("answers the overview, the diagram and a table's details from the database", async () => {
    const model = studio.api.snapshot.model;
    const overview = await api<OverviewResponse>("/api/overview");
    expect(overview).toMatchObject({
      from: "database",
      schemas: ["public", "sales"],
      migrations: 2,
      pending: 1,
      problems: [],
    });
    expect(overview.source).not.toMatch(/password/i);
    const graph = await api<GraphResponse>("/api/graph?views=1");
    const expected = erGraph(model, { views: true });
    expect(graph.nodes.map((n) => n.id).sort()).toEqual(expected.entities.map((e) => e.id).sort());
    expect(graph.nodes.map((n) => n.id)).toContain("sales.order_totals");
    expect(graph.edges.map((e) => e.id).sort()).toEqual(
      expected.edges.map((e) => `fk:${e.from}.${e.name}`).sort(),
    );
    expect(graph.edges).toHaveLength(7);
    for (const e of graph.edges) expect(e.d).toMatch(/^M[\d.]+,[\d.]+ /);
    const sales = await api<GraphResponse>("/api/graph?schemas=sales");
    expect(sales.nodes.map((n) => n.id).sort()).toEqual([
      "sales.line items",
      "sales.orders",
      "sales.shipments",
    ]);
    expect(sales.edges.map((e) => e.name).sort()).toEqual([
      "line items_order_id_fkey",
      "shipments_order_id_line_no_fkey",
    ]);

    const audit = await api<TableResponse>("/api/table?id=public.audit_log");
    expect(audit.columns.map((c) => c.name)).toEqual([
      "id",
      "customer_id",
      "happened_at",
      "detail",
    ]);
    expect(audit.columns[0]).toMatchObject({
      identity: "GENERATED ALWAYS AS IDENTITY",
      notNull: true,
    });
    expect(audit.indexes.map((i) => i.name)).toEqual(["audit_log_customer_idx"]);
    expect(audit.constraints.map((c) => c.type).sort()).toEqual(["foreign", "primary"]);
    expect(audit.triggers.map((t) => t.name)).toEqual(["audit_log_stamp"]);
    expect(audit.policies).toMatchObject([{ name: "audit_log_recent", command: "SELECT" }]);
    expect(audit.ddl).toMatch(/^CREATE TABLE audit_log \(/);
    expect(audit.ddl).toContain("CREATE INDEX audit_log_customer_idx ON audit_log");
    expect(audit.ddl).toContain("CREATE POLICY audit_log_recent ON audit_log");
    expect(audit.ddl).toContain("ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;");
    const customers = await api<TableResponse>("/api/table?id=public.customers");
    expect([...customers.referencedBy].sort()).toEqual([
      "public.audit_log (audit_log_customer_id_fkey)",
      "public.customer_profiles (customer_profiles_customer_id_fkey)",
      "public.customers (customers_referred_by_fkey)",
      "public.loyalty_cards (loyalty_cards_customer_id_fkey)",
      "sales.orders (orders_customer_id_fkey)",
    ]);
    const view = await api<TableResponse>("/api/table?id=sales.order_totals");
    expect(view.kind).toBe("view");
    expect(view.ddl).toMatch(/^CREATE VIEW sales\.order_totals AS/);
    expect(
      (await send(studio.base, "/api/table?id=public.nothing", { headers: bearer })).status,
    ).toBe(404);
  });

  it("answers the history, what each migration changed, the pending one's lint findings and drift", async () => {
    const history = await api<HistoryResponse>("/api/history");
    expect(history.database).toBe(true);
    expect(history.migrations.map((m) => [m.id, m.status])).toEqual([
      ["000001_schema", "applied"],
      ["000002_orders_placed_at", "pending"],
    ]);
    const [applied, pending] = history.migrations;
    expect(Date.parse(applied!.appliedAt!)).toBeGreaterThan(Date.now() - 10 * 60_000);
    expect(applied!.durationMs).toBeGreaterThanOrEqual(0);
    expect(pending!.appliedAt).toBeNull();

    const change = await api<ChangeResponse>("/api/history/2");
    expect(change.error).toBeUndefined();
    expect(change.differences).toEqual([
      { key: "column:sales.orders.note", change: "added" },
      { key: "index:sales.orders_placed_at_idx", change: "added" },
    ]);
    expect(change.tables).toEqual(["sales.orders"]);
    expect(change.statements.map((s) => s.sql).join("\n")).toContain(
      "CREATE INDEX orders_placed_at_idx ON sales.orders USING btree (placed_at)",
    );
    const first = await api<ChangeResponse>("/api/history/1");
    expect(first.differences).toContainEqual({ key: "table:public.audit_log", change: "added" });
    expect(first.tables).toContain("sales.line items");
    expect((await send(studio.base, "/api/history/99", { headers: bearer })).status).toBe(404);

    const lint = await api<LintResponse>("/api/lint");
    expect(lint.scope).toBe("pending");
    expect(lint.migrations).toEqual(["000002_orders_placed_at"]);
    const finding = lint.findings.find((f) => f.rule === "index-concurrently");
    expect(finding).toMatchObject({
      migration: "000002_orders_placed_at",
      line: 3,
      statement: "CREATE INDEX orders_placed_at_idx ON sales.orders (placed_at)",
    });
    expect(finding!.lock).toMatch(/SHARE/);
    expect(finding!.fix).toContain("CONCURRENTLY");

    const clean = await api<DriftResponse>("/api/drift");
    expect(clean).toMatchObject({ available: true, differences: [], applied: 1, pending: 1 });
  });

  it("no endpoint writes: the schema and history are the same after every endpoint ran", async () => {
    const before = {
      model: await inspect(driver),
      history: (await driver.query("SELECT * FROM pitstop_migrations ORDER BY version")).rows,
    };
    for (const path of [
      "/api/overview",
      "/api/graph",
      "/api/table?id=public.audit_log",
      "/api/history",
      "/api/history/1",
      "/api/history/2",
      "/api/lint",
      "/api/drift",
    ])
      await api(path);
    expect(
      (await send(studio.base, "/api/reload", { method: "POST", headers: bearer })).status,
    ).toBe(200);
    expect({
      model: await inspect(driver),
      history: (await driver.query("SELECT * FROM pitstop_migrations ORDER BY version")).rows,
    }).toEqual(before);
  });

  it("Reload reads the database again: a change made behind the migrations shows as drift", async () => {
    await driver.exec("ALTER TABLE public.customers ADD COLUMN nickname text");
    try {
      const reply = await send(studio.base, "/api/reload", { method: "POST", headers: bearer });
      expect(reply.status, reply.body).toBe(200);
      const drift = await api<DriftResponse>("/api/drift");
      expect(drift.differences).toEqual([
        { key: "column:public.customers.nickname", change: "added" },
      ]);
      expect(drift.fix.map((s) => s.sql)).toEqual(["ALTER TABLE customers DROP COLUMN nickname"]);
      const customers = await api<TableResponse>("/api/table?id=public.customers");
      expect(customers.columns.map((c) => c.name)).toContain("nickname");
    } finally {
      await driver.exec("ALTER TABLE public.customers DROP COLUMN nickname");
    }
  });
});

describe("pitstop studio without a database (--from migrations)", () => {
  it("shows the replayed schema, the folder without statuses, lint over every migration, no drift", async () => {
    const cacheDir = scratchCache();
    const source = directorySource({ dir: STUDIO_FIXTURE });
    const api = await StudioApi.open({
      from: { kind: "migrations" },
      migrations: source,
      declarative: { cacheDir },
      lint: { pgVersion: 15 },
    });
    try {
      const overview = api.overview();
      expect(overview).toMatchObject({
        from: "migrations",
        migrations: 2,
        schemas: ["public", "sales"],
      });
      expect(overview.pending).toBeUndefined();
      // Both migrations replayed: the pending one's index is in the model.
      expect(api.table("sales.orders")!.indexes.map((i) => i.name)).toContain(
        "orders_placed_at_idx",
      );
      const history = api.history();
      expect(history.database).toBe(false);
      expect(history.migrations.map((m) => m.status)).toEqual(["unknown", "unknown"]);
      const lint = await api.lint();
      expect(lint).toMatchObject({ scope: "all", pgVersion: 15 });
      expect(lint.migrations).toEqual(["000001_schema", "000002_orders_placed_at"]);
      expect(lint.findings.map((f) => f.rule)).toContain("index-concurrently");
      expect(await api.drift()).toMatchObject({ available: false, differences: [] });
    } finally {
      await api.close();
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});

describeEachDriver("pitstop studio command", (ctx) => {
  it("prints a tokenized 127.0.0.1 URL (never the database password), serves the page, and stops on Ctrl-C", async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), "pitstop-studio-cli-"));
    cpSync(STUDIO_FIXTURE, path.join(cwd, "migrations"), { recursive: true });
    let url: string;
    if (ctx.driverName === "pg") {
      await ctx.newDriver();
      // The test server trusts local connections: the password is there to be hidden.
      url = ctx.url().replace("postgres://postgres@", "postgres://postgres:Studio-s3cret@");
    } else url = ctx.url();
    const env = { ...cleanEnv(), DATABASE_URL: url };
    const up = await runCli(["up", "1"], { cwd, env });
    expect(up.code, up.stderr).toBe(0);

    const child = spawn(process.execPath, [CLI, "studio", "--port", "0"], { cwd, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    try {
      await expect
        .poll(() => stdout, { timeout: 120_000, interval: 200 })
        .toMatch(/Open http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64}\n/);
      const printed = /Open (\S+)/.exec(stdout)![1]!;
      const page = await send(
        new URL(printed).origin,
        `/api/lint?token=${new URL(printed).searchParams.get("token")}`,
      );
      expect(page.status).toBe(200);
      expect(JSON.parse(page.body).migrations).toEqual(["000002_orders_placed_at"]);
      expect(stdout).toContain("1 pending");
      expect(stdout).toContain("Listening on 127.0.0.1 only");
    } finally {
      child.kill("SIGINT");
    }
    expect(await exited, stderr).toBe(0);
    expect(`${stdout}${stderr}`).not.toContain("Studio-s3cret");
  });

  it.skipIf(ctx.driverName !== "pglite")(
    "refuses a bad --port or --from, and a port in use before reading anything, with a usage error",
    async () => {
      const bad = await runCli(["studio", "--port", "http"], { cwd: tmpdir() });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain("--port http: not a port number");
      const from = await runCli(["studio", "--from", "nowhere"], { cwd: tmpdir() });
      expect(from.code).toBe(2);
      expect(from.stderr).toContain("--from nowhere");
      // A port in use is found before the schema is read.
      const taken = createNetServer();
      await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
      const port = (taken.address() as AddressInfo).port;
      try {
        const busy = await runCli(
          [
            "studio",
            "--port",
            String(port),
            "--file",
            path.join(STUDIO_FIXTURE, "000001_schema.sql"),
          ],
          { cwd: tmpdir() },
        );
        expect(busy.code).toBe(2);
        expect(busy.stderr).toContain(`--port ${port}: 127.0.0.1:${port} is already in use`);
        expect(busy.stderr).toContain("--port 0");
        expect(busy.stderr).not.toContain("Loading");
      } finally {
        taken.close();
      }
    },
  );
});
