import type { FastifyInstance } from "fastify";
import type { TestDatabase } from "pg-pitstop/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BODY_LIMIT, buildApp } from "../src/app.js";
import { createMetrics } from "../src/metrics.js";
import { DRIVERS, freshDatabase } from "./support/databases.js";

const WRITER = { "x-user-id": "user-42" };
const CONSOLES = ["Nintendo Switch", "PlayStation 4", "Xbox One X"];
const MISSING_ID = "00000000-0000-4000-8000-000000000000";

interface Product {
  id: string;
  name: string;
  price: number;
  description: string;
  tags: string[];
  created: string;
  updated_by: string | null;
}

describe.each(DRIVERS)("products API on %s", (driver) => {
  let t: TestDatabase;
  let app: FastifyInstance;

  beforeEach(async () => {
    t = await freshDatabase(driver);
    app = await buildApp({
      db: t.db,
      metrics: createMetrics(() => ({ total: 1, idle: 1, waiting: 0 })),
    });
  });
  afterEach(async () => {
    await app.close();
    await t.drop();
  });

  const get = (url: string) => app.inject({ method: "GET", url });
  const send = (
    method: "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    payload?: unknown,
    headers = WRITER,
  ) =>
    app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const list = async (query: string) => {
    const r = await get(`/v1/products${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as { items: Product[]; next_cursor: string | null };
  };
  const problem = (
    r: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
    status: number,
  ) => {
    expect(r.statusCode).toBe(status);
    expect(r.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const body = r.json() as {
      status: number;
      title: string;
      detail: string;
      errors?: { field: string; in: string }[];
    };
    expect(body.status).toBe(status);
    return body;
  };

  it("lists the seeded consoles, sorted and filtered by tag", async () => {
    const all = await list("");
    expect(all.items.map((p) => p.name).sort()).toEqual(CONSOLES);
    expect(all.next_cursor).toBeNull();
    const xbox = all.items.find((p) => p.name === "Xbox One X")!;
    expect(xbox).toMatchObject({ price: 499, tags: ["console", "microsoft"] });
    expect(new Date(xbox.created).toString()).not.toBe("Invalid Date");

    expect((await list("?sort=-price")).items[0]!.name).toBe("Xbox One X");
    expect((await list("?sort=price")).items.map((p) => p.price)).toEqual([299, 299, 499]);
    expect((await list("?sort=name")).items.map((p) => p.name)).toEqual(CONSOLES);
    expect((await list("?sort=-name")).items.map((p) => p.name)).toEqual([...CONSOLES].reverse());
    expect((await list("?tag=sony")).items.map((p) => p.name)).toEqual(["PlayStation 4"]);
    expect((await list("?tag=console")).items).toHaveLength(3);
    expect((await list("?tag=nothing")).items).toEqual([]);
  });

  it.each(["created", "-created", "price", "-price", "name", "-name"])(
    "pages through every product once with sort=%s",
    async (sort) => {
      for (let i = 0; i < 4; i++) {
        expect(
          (await send("POST", "/v1/products", { name: `Extra ${i}`, price: 299 })).statusCode,
        ).toBe(201);
      }
      const whole = (await list(`?sort=${sort}&limit=100`)).items.map((p) => p.id);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await list(`?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((p) => p.id));
        cursor = page.next_cursor;
        pages++;
      } while (cursor !== null && pages < 10);
      expect(pages).toBe(4);
      expect(seen).toEqual(whole);
      expect(new Set(seen).size).toBe(7);
    },
  );

  it("refuses bad list parameters with the field that failed", async () => {
    for (const [query, field] of [
      ["?limit=0", "limit"],
      ["?limit=101", "limit"],
      ["?limit=abc", "limit"],
      ["?sort=price;DROP TABLE products", "sort"],
      ["?colour=red", "colour"],
      ["?cursor=not-a-cursor", "cursor"],
    ] as const) {
      const body = problem(await get(`/v1/products${query}`), 400);
      expect(
        body.errors?.map((e) => e.field),
        query,
      ).toContain(field);
      expect(body.errors?.[0]?.in).toBe("query");
    }
    const cursor = (await list("?limit=1&sort=price")).next_cursor!;
    expect(problem(await get(`/v1/products?sort=name&cursor=${cursor}`), 400).detail).toContain(
      "made for sort=price",
    );
    const forged = Buffer.from(
      JSON.stringify(["created", "'; DROP TABLE products; --", MISSING_ID]),
    ).toString("base64url");
    expect(problem(await get(`/v1/products?cursor=${forged}`), 400).errors?.[0]?.field).toBe(
      "cursor",
    );
    expect((await list("")).items).toHaveLength(3);
  });

  it("gets one product; unknown ids are 404 and malformed ids 400", async () => {
    const [first] = (await list("")).items;
    const one = await get(`/v1/products/${first!.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual(first);
    expect(problem(await get(`/v1/products/${MISSING_ID}`), 404).detail).toContain(MISSING_ID);
    const bad = problem(await get("/v1/products/42"), 400);
    expect(bad.errors).toEqual([
      { field: "id", in: "path", message: expect.stringContaining("uuid") },
    ]);
    problem(await get("/v1/nothing-here"), 404);
  });

  it("creates a product and reads it back", async () => {
    const r = await send("POST", "/v1/products", {
      name: "Steam Deck",
      price: 399.99,
      tags: ["handheld"],
    });
    expect(r.statusCode).toBe(201);
    const made = r.json() as Product;
    expect(made).toMatchObject({
      updated_by: "user-42",
      name: "Steam Deck",
      price: 399.99,
      description: "",
      tags: ["handheld"],
    });
    expect(r.headers.location).toBe(`/v1/products/${made.id}`);
    expect((await get(`/v1/products/${made.id}`)).json()).toEqual(made);
    const counted = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM products");
    expect(counted.rows[0]!.n).toBe(4);
  });

  it("refuses invalid bodies with the field that failed", async () => {
    const cases: [unknown, string][] = [
      [{ price: 10 }, "/name"],
      [{ name: "A" }, "/price"],
      [{ name: "A", price: "10" }, "/price"],
      [{ name: "A", price: -1 }, "/price"],
      [{ name: "", price: 1 }, "/name"],
      [{ name: "A", price: 1, tags: "console" }, "/tags"],
      [{ name: "A", price: 1, tags: ["x", "x"] }, "/tags"],
      [{ name: "A", price: 1, colour: "red" }, "/colour"],
      [{ name: "x".repeat(201), price: 1 }, "/name"],
    ];
    for (const [payload, field] of cases) {
      const body = problem(await send("POST", "/v1/products", payload), 400);
      expect(
        body.errors?.map((e) => e.field),
        JSON.stringify(payload),
      ).toContain(field);
    }
    expect((await list("")).items).toHaveLength(3);
  });

  it("answers bad JSON, empty and oversized bodies and other media types with a problem", async () => {
    const raw = (payload: string, type = "application/json") =>
      app.inject({
        method: "POST",
        url: "/v1/products",
        headers: { ...WRITER, "content-type": type },
        payload,
      });
    expect(problem(await raw('{"name": "A", "price": '), 400).title).toBe("Malformed JSON");
    expect(problem(await raw(""), 400).title).toBe("Malformed JSON");
    const huge = JSON.stringify({ name: "A", price: 1, description: "x".repeat(BODY_LIMIT) });
    expect(problem(await raw(huge), 413).title).toBe("Body too large");
    problem(await raw("name=A", "application/x-www-form-urlencoded"), 415);
    expect((await list("")).items).toHaveLength(3);
  });

  it("requires X-User-Id for every write", async () => {
    const [first] = (await list("")).items;
    for (const [method, url] of [
      ["POST", "/v1/products"],
      ["PUT", `/v1/products/${first!.id}`],
      ["PATCH", `/v1/products/${first!.id}`],
      ["DELETE", `/v1/products/${first!.id}`],
    ] as const) {
      for (const headers of [{}, { "x-user-id": "  " }]) {
        const body = problem(
          await send(method, url, { name: "B", price: 1 }, headers as typeof WRITER),
          401,
        );
        expect(body.errors).toEqual([{ field: "x-user-id", in: "header", message: "is required" }]);
      }
    }
    expect((await list("")).items).toEqual((await list("")).items);
    expect((await get(`/v1/products/${first!.id}`)).json()).toEqual(first);
  });

  it("PUT replaces, PATCH changes the fields given, both 404 on unknown ids", async () => {
    const xbox = (await list("?tag=microsoft")).items[0]!;
    expect(xbox.updated_by).toBeNull();
    const put = await send("PUT", `/v1/products/${xbox.id}`, { name: "Xbox Series X", price: 549 });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({
      updated_by: "user-42",
      id: xbox.id,
      name: "Xbox Series X",
      price: 549,
      description: "",
      tags: [],
    });
    const patch = await send(
      "PATCH",
      `/v1/products/${xbox.id}`,
      { price: 499.5 },
      { "x-user-id": "  user-7 " },
    );
    expect(patch.json()).toMatchObject({
      name: "Xbox Series X",
      price: 499.5,
      updated_by: "user-7",
    });
    problem(await send("PATCH", `/v1/products/${xbox.id}`, {}), 400);
    problem(await send("PUT", `/v1/products/${MISSING_ID}`, { name: "Z", price: 1 }), 404);
    problem(await send("PATCH", `/v1/products/${MISSING_ID}`, { price: 1 }), 404);
  });

  it("a second product with a taken name is a 409, on create, replace and patch", async () => {
    const ps4 = (await list("?tag=sony")).items[0]!;
    expect(
      problem(await send("POST", "/v1/products", { name: "Nintendo Switch", price: 1 }), 409)
        .detail,
    ).toContain("Nintendo Switch");
    problem(await send("PUT", `/v1/products/${ps4.id}`, { name: "Xbox One X", price: 1 }), 409);
    problem(await send("PATCH", `/v1/products/${ps4.id}`, { name: "Xbox One X" }), 409);
    expect((await get(`/v1/products/${ps4.id}`)).json()).toEqual(ps4);
  });

  it("deletes, then the product is gone", async () => {
    const ps4 = (await list("?tag=sony")).items[0]!;
    const r = await send("DELETE", `/v1/products/${ps4.id}`);
    expect(r.statusCode).toBe(204);
    expect(r.body).toBe("");
    problem(await get(`/v1/products/${ps4.id}`), 404);
    problem(await send("DELETE", `/v1/products/${ps4.id}`), 404);
    expect((await list("")).items).toHaveLength(2);
  });

  it("stores SQL in every string field literally, and never runs it from a query parameter", async () => {
    const payloads = [
      "'); DROP TABLE products; --",
      "' OR '1'='1",
      "Robert'); DELETE FROM users; --",
      "$1 $2 \\x00 ; SELECT pg_sleep(10)",
      '" OR ""="',
    ];
    for (const [i, sql] of payloads.entries()) {
      const input = { name: `${sql} #${i}`, price: 1, description: sql, tags: [sql.slice(0, 50)] };
      const made = await send("POST", "/v1/products", input);
      expect(made.statusCode, made.body).toBe(201);
      const back = (await get(`/v1/products/${(made.json() as Product).id}`)).json() as Product;
      expect(back).toMatchObject(input);
      const patched = await send("PATCH", `/v1/products/${back.id}`, { description: `${sql}!` });
      expect((patched.json() as Product).description).toBe(`${sql}!`);
      // As a filter it matches only the product tagged with exactly that text.
      const tagged = await list(`?tag=${encodeURIComponent(sql.slice(0, 50))}`);
      expect(tagged.items.map((p) => p.id)).toEqual([back.id]);
      problem(await get(`/v1/products/${encodeURIComponent(sql)}`), 400);
    }
    expect((await list("?tag=' OR 1=1 --")).items).toEqual([]);
    const counted = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM products");
    expect(counted.rows[0]!.n).toBe(3 + payloads.length);
  });

  it("serves its OpenAPI document, a page, request ids and route metrics", async () => {
    const doc = (await get("/v1/openapi.json")).json() as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths["/v1/products"]!).sort()).toEqual(["get", "post"]);
    expect(Object.keys(doc.paths["/v1/products/{id}"]!).sort()).toEqual([
      "delete",
      "get",
      "patch",
      "put",
    ]);
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(["Product", "Problem"]),
    );

    const page = await get("/");
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(page.body).toContain('<script type="module" src="/app.js">');
    expect((await get("/app.js")).body).toContain("textContent");

    const given = await app.inject({
      method: "GET",
      url: "/v1/products",
      headers: { "x-request-id": "req-123" },
    });
    expect(given.headers["x-request-id"]).toBe("req-123");
    const made = await app.inject({
      method: "GET",
      url: "/v1/products",
      headers: { "x-request-id": "<script>" },
    });
    expect(made.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("metrics", () => {
  it("count requests by route template, with latency and pool gauges", async () => {
    const t = await freshDatabase("pglite");
    const metrics = createMetrics(() => ({ total: 7, idle: 5, waiting: 2 }));
    const app = await buildApp({ db: t.db, metrics });
    try {
      await app.inject({ method: "GET", url: `/v1/products/${MISSING_ID}` });
      await app.inject({ method: "GET", url: "/v1/products/00000000-0000-4000-8000-000000000001" });
      await app.inject({ method: "GET", url: "/v1/products" });
      const text = await metrics.registry.metrics();
      expect(text).toContain(
        'http_requests_total{method="GET",route="/v1/products/:id",status="404"} 2',
      );
      expect(text).toContain(
        'http_requests_total{method="GET",route="/v1/products",status="200"} 1',
      );
      expect(text).toMatch(
        /http_request_duration_seconds_bucket\{le="\+Inf",method="GET",route="\/v1\/products",status="200"\} 1/,
      );
      expect(text).not.toContain(MISSING_ID);
      expect(text).toContain("db_pool_connections 7");
      expect(text).toContain("db_pool_waiting_requests 2");
    } finally {
      await app.close();
      await t.drop();
    }
  });
});
