import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import type { FastifyInstance } from "fastify";
import type { TestDatabase } from "pg-pitstop/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import { freshDatabase } from "./support/databases.js";

const run = promisify(execFile);
const REDOCLY = join(
  dirname(createRequire(import.meta.url).resolve("@redocly/cli/package.json")),
  "bin/cli.js",
);

interface Lint {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; severity: string; message: string }[];
}

/** `redocly lint` (its recommended rules) on a document written to a temp file. */
async function lint(doc: unknown): Promise<Lint> {
  const dir = mkdtempSync(join(tmpdir(), "products-openapi-"));
  try {
    const file = join(dir, "openapi.json");
    writeFileSync(file, JSON.stringify(doc));
    const out = await run(process.execPath, [REDOCLY, "lint", file, "--format=json"], {
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
      timeout: 60_000,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }));
    return JSON.parse(out.stdout) as Lint;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Operation = {
  operationId?: string;
  security?: Record<string, string[]>[];
  parameters?: { in: string; name: string; required?: boolean }[];
  responses: Record<string, { content?: Record<string, unknown> }>;
};
interface Doc {
  info: { license?: { name: string } };
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes?: Record<string, { type: string; in: string; name: string }> };
}

describe("the OpenAPI document", () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let doc: Doc;
  beforeAll(async () => {
    t = await freshDatabase("pglite");
    app = await buildApp({ db: t.db });
    const r = await app.inject({
      method: "GET",
      url: "/v1/openapi.json",
      headers: { host: "shop.test:8443" },
    });
    doc = r.json() as Doc;
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it("passes Redocly's lint with no error and no warning", async () => {
    const result = await lint(doc);
    expect(result.problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(result.totals).toMatchObject({ errors: 0, warnings: 0 });
    // The lint does find errors: the same document without its info object is refused.
    const { info: _, ...broken } = doc;
    expect((await lint(broken)).totals.errors).toBeGreaterThan(0);
  });

  it("declares X-User-Id as required on writes and as a security scheme; problems as problem+json", () => {
    expect(doc.servers).toEqual([{ url: "http://shop.test:8443" }]);
    expect(doc.info.license?.name).toBe("MIT");
    expect(doc.components.securitySchemes?.userId).toMatchObject({
      type: "apiKey",
      in: "header",
      name: "X-User-Id",
    });
    const operations = Object.values(doc.paths).flatMap((ops) => Object.entries(ops));
    expect(operations).toHaveLength(6);
    const ids = operations.map(([, op]) => op.operationId);
    expect(new Set(ids).size).toBe(6);
    for (const [method, op] of operations) {
      expect(op.operationId).toMatch(/^[a-z][A-Za-z]+$/);
      expect(Object.keys(op.responses["4XX"]?.content ?? {})).toEqual(["application/problem+json"]);
      expect(Object.keys(op.responses["5XX"]?.content ?? {})).toEqual(["application/problem+json"]);
      const user = op.parameters?.find((p) => p.in === "header" && p.name === "x-user-id");
      if (method === "get") {
        expect(op.security).toEqual([]);
        expect(user).toBeUndefined();
      } else {
        expect(op.security, op.operationId).toEqual([{ userId: [] }]);
        expect(user?.required, op.operationId).toBe(true);
      }
    }
  });
});
