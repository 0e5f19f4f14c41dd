import { describe, expect, it } from "vitest";
import { UsageError } from "../core/errors.js";
import { isSeedFile, selectSeeds } from "./select.js";

const listing = {
  common: ["02_users.sql", "01_roles.sql", "README.md", "_helpers.ts", "10_posts.ts", "types.d.ts"],
  envs: { development: ["02_users.ts", "05_demo.sql"], test: ["03_fixtures.sql"] },
};
const label = (s: { name: string; env: string | undefined }) =>
  s.env ? `${s.env}/${s.name}` : s.name;

describe("selectSeeds", () => {
  it("runs common seeds in name order and skips what is not a seed", () => {
    expect(selectSeeds(listing).map(label)).toEqual([
      "01_roles.sql",
      "02_users.sql",
      "10_posts.ts",
    ]);
  });

  it("interleaves an environment's seeds by name, the common one first on a tie", () => {
    expect(selectSeeds(listing, { env: "development" }).map(label)).toEqual([
      "01_roles.sql",
      "02_users.sql",
      "development/02_users.ts",
      "development/05_demo.sql",
      "10_posts.ts",
    ]);
    expect(selectSeeds(listing, { env: "staging" }).map(label)).toEqual([
      "01_roles.sql",
      "02_users.sql",
      "10_posts.ts",
    ]);
  });

  it("narrows to names given with or without number, extension or folder", () => {
    const pick = (names: string[]) =>
      selectSeeds(listing, { env: "development", names }).map(label);
    expect(pick(["users"])).toEqual(["02_users.sql", "development/02_users.ts"]);
    expect(pick(["02_users.sql", "demo"])).toEqual(["02_users.sql", "development/05_demo.sql"]);
    expect(pick(["development/02_users.ts"])).toEqual(["development/02_users.ts"]);
    expect(pick(["10_posts"])).toEqual(["10_posts.ts"]);
  });

  it("names an unknown seed and lists the ones there are", () => {
    let error: unknown;
    try {
      selectSeeds(listing, { names: ["fixtures", "roles"], dir: "db/seeds" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe('no seed named "fixtures" in db/seeds/');
    expect((error as UsageError).hint).toContain("01_roles.sql, 02_users.sql, 10_posts.ts");
    expect((error as UsageError).hint).toContain("--env");
  });

  it("tells seed files from helpers and declarations", () => {
    expect(["a.sql", "a.ts", "a.mjs", "a.cjs", "a.mts"].every(isSeedFile)).toBe(true);
    expect(["_a.ts", ".a.sql", "a.d.ts", "a.d.mts", "a.json", "a.sql.bak"].some(isSeedFile)).toBe(
      false,
    );
  });
});
