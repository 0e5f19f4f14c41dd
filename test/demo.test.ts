import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { ROOT } from "./helpers/cli.js";

// `npm run demo` minus its build step: migrations, seeds, status, then the API serving.
it("the demo migrates and seeds products-api on PGlite, prints the status and serves the API", async () => {
  const dir = mkdtempSync(join(tmpdir(), "pitstop-demo-"));
  try {
    const child = spawn(process.execPath, ["scripts/demo.mjs", "--exit-after-start"], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: "",
        PITSTOP_DEMO_DATA_DIR: join(dir, "pglite"),
        API_ADDR: "127.0.0.1:0",
        API_DEBUG_ADDR: "127.0.0.1:0",
      },
    });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code, out).toBe(0);
    expect(out).toContain("Applied 5 migration(s)");
    expect(out).toMatch(/001_products\.sql\s+3 row\(s\)/);
    expect(out).toContain("5 applied, 0 pending.");
    expect(out).toMatch(
      /products-api is serving http:\/\/127\.0\.0\.1:\d+ {2}\(3 products: .*Xbox One X/,
    );
    expect(out).toContain("api | stopped");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);

it("the demo with its port taken says so and names API_ADDR, before migrating", async () => {
  const holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
  const port = (holder.address() as AddressInfo).port;
  const dir = mkdtempSync(join(tmpdir(), "pitstop-demo-"));
  try {
    const child = spawn(process.execPath, ["scripts/demo.mjs", "--exit-after-start"], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: "",
        PITSTOP_DEMO_DATA_DIR: join(dir, "pglite"),
        API_ADDR: `127.0.0.1:${port}`,
        API_DEBUG_ADDR: "127.0.0.1:0",
      },
    });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code, out).toBe(1);
    expect(out).toContain(`127.0.0.1:${port} is in use`);
    expect(out).toContain("API_ADDR=");
    expect(out).not.toContain("pitstop up");
  } finally {
    holder.close();
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
