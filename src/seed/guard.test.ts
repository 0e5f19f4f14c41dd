import { describe, expect, it } from "vitest";
import { looksLikeProduction } from "./guard.js";

describe("looksLikeProduction", () => {
  it("matches the host and database name, never the user or password", () => {
    expect(looksLikeProduction("postgres://app@db.prod.internal:5432/app")).toBe(true);
    expect(looksLikeProduction("postgresql://app@localhost/shop_production")).toBe(true);
    expect(looksLikeProduction("postgres://produser:prod@localhost/app_dev")).toBe(false);
    expect(looksLikeProduction("postgres:///app?host=/var/run/prod-socket")).toBe(true);
    expect(looksLikeProduction("pglite:.pitstop/prod")).toBe(false);
    expect(looksLikeProduction("postgres://app@prd-db-1/app")).toBe(true);
    expect(looksLikeProduction("postgres://app@localhost/app_prod2")).toBe(true);
    // A word, not any text that contains it.
    expect(looksLikeProduction("postgres://app@localhost/products_api")).toBe(false);
    expect(looksLikeProduction("postgres://app@reproduce.local/app")).toBe(false);
    expect(looksLikeProduction(undefined)).toBe(false);
  });

  it("takes a pattern, a function, or false from the config", () => {
    const url = "postgres://app@live-db.example.com/app";
    expect(looksLikeProduction(url)).toBe(false);
    expect(looksLikeProduction(url, "^live-")).toBe(true);
    expect(looksLikeProduction(url, /example\.com$/)).toBe(true);
    expect(looksLikeProduction(url, (u) => u.includes("live"))).toBe(true);
    expect(looksLikeProduction("postgres://db.prod/app", false)).toBe(false);
  });
});
