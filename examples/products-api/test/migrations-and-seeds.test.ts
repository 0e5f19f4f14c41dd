import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "../src/password.js";
import { ROOT } from "./support/databases.js";
import { emptyDatabase, queryRows as query } from "./support/service.js";

// The pitstop CLI of the installed package (the workspace link here, the registry's copy elsewhere).
const PITSTOP = join(
  dirname(createRequire(import.meta.url).resolve("pg-pitstop/package.json")),
  "bin/pitstop.cjs",
);
const PASSWORD = "correct-horse-battery-staple";

function pitstop(url: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(
    process.execPath,
    [PITSTOP, "--database", url, "--dir", "migrations", ...args],
    {
      cwd: ROOT,
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", ...env },
    },
  );
  return { code: r.status, out: r.stdout + r.stderr };
}

describe("migrations and seeds", () => {
  it("the first admin comes from the environment once, and its password is never printed", async () => {
    const url = await emptyDatabase("api_seeds");
    expect(pitstop(url, ["up"]).code).toBe(0);

    const none = pitstop(url, ["seed", "--seeds", "seeds"]);
    expect(none.code, none.out).toBe(0);
    expect(none.out).toContain("set ADMIN_EMAIL and ADMIN_PASSWORD");
    expect(await query(url, "SELECT * FROM users")).toEqual([]);

    const env = { ADMIN_EMAIL: "Admin@Example.com", ADMIN_PASSWORD: PASSWORD };
    const first = pitstop(url, ["seed", "--seeds", "seeds"], env);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toContain("created the first admin: Admin@Example.com");
    expect(first.out).not.toContain(PASSWORD);
    const [admin] = await query<{ email: string; role: string; password_hash: string }>(
      url,
      "SELECT email, role, password_hash FROM users",
    );
    expect(admin).toMatchObject({ email: "Admin@Example.com", role: "admin" });
    expect(admin!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(admin!.password_hash).not.toContain(PASSWORD);
    expect(await verifyPassword(PASSWORD, admin!.password_hash)).toBe(true);
    expect(await verifyPassword("wrong-password-entirely", admin!.password_hash)).toBe(false);

    // Again, even with another admin asked for: one admin, unchanged; products still three.
    const again = pitstop(url, ["seed", "--seeds", "seeds"], {
      ADMIN_EMAIL: "second@example.com",
      ADMIN_PASSWORD: "another-long-password",
    });
    expect(again.code, again.out).toBe(0);
    expect(again.out).toContain("an admin exists (Admin@Example.com): nothing to do");
    const users = await query<{ email: string; password_hash: string }>(
      url,
      "SELECT email, password_hash FROM users",
    );
    expect(users).toEqual([{ email: "Admin@Example.com", password_hash: admin!.password_hash }]);
    expect(await query(url, "SELECT name FROM products ORDER BY name")).toEqual([
      { name: "Nintendo Switch" },
      { name: "PlayStation 4" },
      { name: "Xbox One X" },
    ]);
  });

  it("a short admin password fails the seed, which is rolled back", async () => {
    const url = await emptyDatabase("api_seeds_short");
    expect(pitstop(url, ["up"]).code).toBe(0);
    const r = pitstop(url, ["seed", "--seeds", "seeds"], {
      ADMIN_EMAIL: "a@b.c",
      ADMIN_PASSWORD: "Xq7!zz-pw",
    });
    expect(r.code).not.toBe(0);
    expect(r.out).toContain("ADMIN_PASSWORD is too short");
    expect(r.out).not.toContain("Xq7!zz-pw");
    expect(await query(url, "SELECT * FROM users")).toEqual([]);
  });

  it("every migration goes down and comes back up, and the schema is the same", async () => {
    const url = await emptyDatabase("api_round_trip");
    expect(pitstop(url, ["up"]).code).toBe(0);
    const schema = async () =>
      query<{ t: string }>(
        url,
        `SELECT table_name || '.' || column_name || ' ' || data_type AS t
           FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'pitstop_migrations'
          UNION ALL SELECT 'index ' || indexname FROM pg_indexes WHERE schemaname = 'public'
          ORDER BY 1`,
      );
    const before = await schema();
    expect(before.length).toBeGreaterThan(10);
    const down = pitstop(url, ["reset", "--yes"]);
    expect(down.code, down.out).toBe(0);
    expect(await query(url, "SELECT to_regclass('products') AS t")).toEqual([{ t: null }]);
    const up = pitstop(url, ["up"]);
    expect(up.code, up.out).toBe(0);
    expect(await schema()).toEqual(before);
  });

  it("pitstop lint finds nothing to fix in the migrations", () => {
    const r = spawnSync(
      process.execPath,
      [PITSTOP, "--dir", "migrations", "lint", "--all", "--pg-version", "15", "--format", "json"],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).findings).toEqual([]);
  });

  it("src/migrations.gen.ts is the bundle of migrations/ (pitstop bundle --check)", () => {
    const r = spawnSync(
      process.execPath,
      [PITSTOP, "--dir", "migrations", "bundle", "--check", "--out", "src/migrations.gen.ts"],
      {
        cwd: ROOT,
        encoding: "utf8",
      },
    );
    expect(r.stdout + r.stderr).toContain("is up to date");
    expect(r.status).toBe(0);
  });
});
