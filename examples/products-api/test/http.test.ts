import { createServer } from "node:net";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import type { TestDatabase } from "pg-pitstop/testing";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import type { Db } from "../src/db.js";
import { DRIVERS, freshDatabase } from "./support/databases.js";

const WRITER = { "x-user-id": "user-42" };
const MISSING_ID = "00000000-0000-4000-8000-000000000000";

interface Product {
  id: string;
  name: string;
  price: number;
}
interface Problem {
  status: number;
  title: string;
  detail: string;
  errors?: { field: string; in: string; message: string }[];
}
type Reply = {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
  json(): unknown;
};

function problem(r: Reply, status: number): Problem {
  expect(r.statusCode, r.body).toBe(status);
  expect(r.headers["content-type"]).toMatch(/^application\/problem\+json/);
  return r.json() as Problem;
}

describe.each(DRIVERS)("HTTP as clients expect, on %s", (driver) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let pool: pg.Pool | undefined;

  /** On the server, a real pool of 10 connections, so concurrent requests run concurrently. */
  const start = async () => {
    t = await freshDatabase(driver);
    pool = t.url ? new pg.Pool({ connectionString: t.url, max: 10 }) : undefined;
    // Dropping the database ends the pool's idle connections from the server side.
    pool?.on("error", () => {});
    app = await buildApp({ db: (pool ?? t.db) as Db });
  };
  beforeEach(start);
  afterEach(async () => {
    await app.close();
    await pool?.end();
    await t.drop();
  });

  const json = (method: string, url: string, payload?: unknown, headers: object = WRITER) =>
    app.inject({
      method: method as "GET",
      url,
      headers: headers as Record<string, string>,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const first = async () => {
    const r = await json("GET", "/v1/products?sort=name&limit=1");
    return (r.json() as { items: Product[] }).items[0]!;
  };

  it("tags one product and every write with an ETag; If-None-Match gives 304", async () => {
    const p = await first();
    const read = await json("GET", `/v1/products/${p.id}`);
    const tag = read.headers.etag as string;
    expect(tag).toMatch(/^"\d+"$/);
    expect((await json("GET", `/v1/products/${p.id}`)).headers.etag).toBe(tag);
    const same = await json("GET", `/v1/products/${p.id}`, undefined, { "if-none-match": tag });
    expect(same.statusCode).toBe(304);
    expect(same.body).toBe("");

    const put = await json("PUT", `/v1/products/${p.id}`, { name: "Switch 2", price: 449 });
    expect(put.statusCode).toBe(200);
    const putTag = put.headers.etag as string;
    expect(putTag).toMatch(/^"\d+"$/);
    expect(putTag).not.toBe(tag);
    expect((await json("GET", `/v1/products/${p.id}`)).headers.etag).toBe(putTag);
    const changed = await json("GET", `/v1/products/${p.id}`, undefined, { "if-none-match": tag });
    expect(changed.statusCode).toBe(200);

    const patch = await json("PATCH", `/v1/products/${p.id}`, { price: 399 });
    expect(patch.headers.etag).not.toBe(putTag);
    const made = await json("POST", "/v1/products", { name: "Steam Deck", price: 399 });
    expect(made.statusCode).toBe(201);
    const id = (made.json() as Product).id;
    expect((await json("GET", `/v1/products/${id}`)).headers.etag).toBe(made.headers.etag);
  });

  it("If-Match: a stale ETag is a 412 on PUT, PATCH and DELETE; the current one writes", async () => {
    const p = await first();
    const stale = (await json("GET", `/v1/products/${p.id}`)).headers.etag as string;
    const current = (await json("PATCH", `/v1/products/${p.id}`, { price: 1 })).headers
      .etag as string;
    const conditional = (tag: string) => ({ ...WRITER, "if-match": tag });

    for (const [method, body] of [
      ["PUT", { name: "Stale", price: 2 }],
      ["PATCH", { price: 2 }],
      ["DELETE", undefined],
    ] as const) {
      const r = problem(await json(method, `/v1/products/${p.id}`, body, conditional(stale)), 412);
      expect(r.errors?.[0]).toMatchObject({ field: "if-match", in: "header" });
      // A weak tag never matches a strong comparison.
      problem(await json(method, `/v1/products/${p.id}`, body, conditional(`W/${current}`)), 412);
    }
    const after = (await json("GET", `/v1/products/${p.id}`)).json() as Product;
    expect(after).toMatchObject({ name: p.name, price: 1 });

    const ok = await json(
      "PATCH",
      `/v1/products/${p.id}`,
      { price: 3 },
      conditional(`"x", ${current}`),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    const star = await json(
      "PUT",
      `/v1/products/${p.id}`,
      { name: "Any", price: 4 },
      conditional("*"),
    );
    expect(star.statusCode).toBe(200);
    const gone = await json(
      "DELETE",
      `/v1/products/${p.id}`,
      undefined,
      conditional(star.headers.etag as string),
    );
    expect(gone.statusCode).toBe(204);
    // A missing product is a 404, whatever the precondition.
    problem(
      await json("PUT", `/v1/products/${p.id}`, { name: "A", price: 1 }, conditional(stale)),
      404,
    );
    problem(await json("DELETE", `/v1/products/${MISSING_ID}`, undefined, conditional("*")), 404);
  });

  it("of 20 concurrent PUTs with the same If-Match exactly one wins", async () => {
    const p = await first();
    const tag = (await json("GET", `/v1/products/${p.id}`)).headers.etag as string;
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        json(
          "PUT",
          `/v1/products/${p.id}`,
          { name: `Writer ${i}`, price: i },
          { ...WRITER, "if-match": tag },
        ),
      ),
    );
    const codes = replies.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 412)).toHaveLength(19);
    const winner = replies.find((r) => r.statusCode === 200)!.json() as Product;
    expect((await json("GET", `/v1/products/${p.id}`)).json()).toMatchObject({ name: winner.name });
  });

  it("a NUL character in a string field is a 400 naming the field; in the tag filter, naming tag", async () => {
    const p = await first();
    for (const [method, url, body, field] of [
      ["POST", "/v1/products", { name: "A\u0000B", price: 1 }, "/name"],
      ["POST", "/v1/products", { name: "A", price: 1, description: "x\u0000" }, "/description"],
      ["POST", "/v1/products", { name: "A", price: 1, tags: ["ok", "n\u0000"] }, "/tags/1"],
      ["PUT", `/v1/products/${p.id}`, { name: "\u0000", price: 1 }, "/name"],
      ["PATCH", `/v1/products/${p.id}`, { description: "\u0000" }, "/description"],
    ] as const) {
      const r = problem(await json(method, url, body), 400);
      expect(r.errors, `${method} ${JSON.stringify(body)}`).toEqual([
        { field, in: "body", message: expect.stringContaining("NUL") },
      ]);
    }
    const r = problem(await json("GET", "/v1/products?tag=a%00b"), 400);
    expect(r.errors).toEqual([
      { field: "tag", in: "query", message: expect.stringContaining("NUL") },
    ]);
    expect((await json("GET", `/v1/products/${p.id}`)).json()).toMatchObject({ name: p.name });
  });

  it("text/plain is a 415; a write without X-User-Id is a 401 before its body is looked at", async () => {
    const raw = (type: string, payload: string, headers: object = WRITER) =>
      app.inject({
        method: "POST",
        url: "/v1/products",
        headers: { ...headers, "content-type": type },
        payload,
      });
    const body = JSON.stringify({ name: "Plain", price: 1 });
    expect(problem(await raw("text/plain", body), 415).title).toBe("Unsupported media type");
    problem(await raw("text/plain; charset=utf-8", body), 415);
    for (const [type, payload] of [
      ["application/json", JSON.stringify({ price: "bad", colour: "red" })],
      ["application/json", "{not json"],
      ["text/plain", body],
    ]) {
      const r = problem(await raw(type!, payload!, {}), 401);
      expect(r.errors).toEqual([{ field: "x-user-id", in: "header", message: "is required" }]);
    }
    const p = await first();
    problem(await json("PATCH", `/v1/products/${p.id}`, { price: "x" }, {}), 401);
  });

  it("names blank after trimming are a 400", async () => {
    const p = await first();
    for (const name of [" ", "   ", "\t\n", "\u00a0"]) {
      for (const [method, url, body] of [
        ["POST", "/v1/products", { name, price: 1 }],
        ["PUT", `/v1/products/${p.id}`, { name, price: 1 }],
        ["PATCH", `/v1/products/${p.id}`, { name }],
      ] as const) {
        const r = problem(await json(method, url, body), 400);
        expect(r.errors, JSON.stringify(name)).toEqual([
          { field: "/name", in: "body", message: "must not be blank" },
        ]);
      }
    }
    expect((await json("POST", "/v1/products", { name: " Padded ", price: 1 })).statusCode).toBe(
      201,
    );
  });

  it("a method a route lacks is a 405 with Allow; DELETE saying JSON with no body works", async () => {
    const p = await first();
    const one = problem(await json("POST", `/v1/products/${p.id}`, { name: "A", price: 1 }), 405);
    expect(one.detail).toContain("POST");
    expect((await json("POST", `/v1/products/${p.id}`, {})).headers.allow).toBe(
      "GET, HEAD, PUT, PATCH, DELETE",
    );
    const all = await json("DELETE", "/v1/products");
    problem(all, 405);
    expect(all.headers.allow).toBe("GET, HEAD, POST");
    problem(await json("DELETE", "/v1/nothing"), 404);

    const r = await app.inject({
      method: "DELETE",
      url: `/v1/products/${p.id}`,
      headers: { ...WRITER, "content-type": "application/json" },
    });
    expect(r.statusCode, r.body).toBe(204);
    problem(await json("GET", `/v1/products/${p.id}`), 404);
  });
});

describe("database unreachable", () => {
  it("is a 503 with Retry-After, for reads and writes", async () => {
    // A real pool, pointed at a port nothing listens on: the connection is refused.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const pool = new pg.Pool({
      connectionString: `postgres://nobody@127.0.0.1:${port}/products`,
      connectionTimeoutMillis: 5_000,
    });
    pool.on("error", () => {});
    const app = await buildApp({ db: pool });
    try {
      for (const [method, url] of [
        ["GET", "/v1/products"],
        ["GET", `/v1/products/${MISSING_ID}`],
        ["POST", "/v1/products"],
      ] as const) {
        const r = await app.inject({
          method,
          url,
          headers: WRITER,
          ...(method === "POST" ? { payload: { name: "A", price: 1 } } : {}),
        });
        const body = problem(r, 503);
        expect(body.detail).toContain("database");
        expect(Number(r.headers["retry-after"])).toBeGreaterThan(0);
      }
    } finally {
      await app.close();
      await pool.end();
    }
  });
});

describe("request logging", () => {
  it("writes one line per request, with its id, method, URL, status and time", async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino(
      { level: "info" },
      { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
    );
    const t = await freshDatabase("pglite");
    const app = await buildApp({ db: t.db, logger });
    try {
      const ids = ["req-a", "req-b", "req-c"];
      await app.inject({
        method: "GET",
        url: "/v1/products",
        headers: { "x-request-id": "req-a" },
      });
      await app.inject({ method: "GET", url: "/nothing", headers: { "x-request-id": "req-b" } });
      await app.inject({
        method: "POST",
        url: "/v1/products",
        headers: { "x-request-id": "req-c", ...WRITER },
        payload: { name: "Logged", price: 1 },
      });
      expect(lines.map((l) => l.reqId)).toEqual(ids);
      expect(lines[0]).toMatchObject({
        msg: "request",
        method: "GET",
        url: "/v1/products",
        status: 200,
      });
      expect(lines[1]).toMatchObject({ status: 404 });
      expect(lines[2]).toMatchObject({ method: "POST", status: 201 });
      expect(typeof lines[2]!.ms).toBe("number");
    } finally {
      await app.close();
      await t.drop();
    }
  });
});
