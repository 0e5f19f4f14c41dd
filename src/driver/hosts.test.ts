import { describe, expect, it } from "vitest";
import { describeHostList, sessionMatches, splitHosts, urlDatabase } from "./hosts.js";
import { describeUrlTarget } from "./pg.js";

describe("splitHosts", () => {
  it("leaves a single-host URL as it is", () => {
    const url = "postgres://app:pw@db:5432/app?sslmode=require";
    expect(splitHosts(url, {})).toEqual({ attrs: "any", hosts: [{ label: "db:5432", url }] });
  });

  it("hands anything without a host list to node-postgres unchanged", () => {
    for (const url of ["socket:/var/run/postgresql?db=app", "/var/run/postgresql app"])
      expect(splitHosts(url, {}).hosts.map((h) => h.url)).toEqual([url]);
    expect(splitHosts("postgres://db/app", { PGTARGETSESSIONATTRS: "standby" })).toEqual({
      attrs: "standby",
      hosts: [{ label: "db:5432", url: "postgres://db/app" }],
    });
  });

  it("gives each host of the authority its own URL, without target_session_attrs", () => {
    const { attrs, hosts } = splitHosts(
      "postgres://app:p%40ss@h1:5432,h2,[::1]:5433/app?sslmode=require&target_session_attrs=read-write",
      {},
    );
    expect(attrs).toBe("read-write");
    expect(hosts).toEqual([
      { label: "h1:5432", url: "postgres://app:p%40ss@h1:5432/app?sslmode=require" },
      { label: "h2:5432", url: "postgres://app:p%40ss@h2/app?sslmode=require" },
      { label: "[::1]:5433", url: "postgres://app:p%40ss@[::1]:5433/app?sslmode=require" },
    ]);
  });

  it("reads host= and port= lists from the query, one port for all or one each", () => {
    const both = splitHosts("postgresql:///app?host=h1,h2&port=5432,5433", {});
    expect(both.hosts.map((h) => [h.label, h.url])).toEqual([
      ["h1:5432", "postgresql:///app?host=h1&port=5432"],
      ["h2:5433", "postgresql:///app?host=h2&port=5433"],
    ]);
    const one = splitHosts("postgresql:///app?host=h1,h2&port=6432", {});
    expect(one.hosts.map((h) => h.label)).toEqual(["h1:6432", "h2:6432"]);
    expect(() => splitHosts("postgresql:///app?host=h1,h2,h3&port=1,2", {})).toThrow(
      /3 hosts and 2 ports/,
    );
  });

  it("takes PGTARGETSESSIONATTRS when the URL has none, and refuses unknown values", () => {
    expect(splitHosts("postgres://h1,h2/app", { PGTARGETSESSIONATTRS: "primary" }).attrs).toBe(
      "primary",
    );
    expect(() => splitHosts("postgres://h1,h2/app?target_session_attrs=master", {})).toThrow(
      /target_session_attrs=master is not a value libpq knows/,
    );
  });

  it("describes a host list without its password", () => {
    expect(describeHostList("postgres://app:s3cret@h1,h2:5433/app?x=1")).toBe(
      "postgres://app@h1:5432,h2:5433/app",
    );
    expect(describeUrlTarget("postgres://app:s3cret@h1,h2/app")).toBe(
      "postgres://app@h1:5432,h2:5432/app",
    );
  });
});

describe("urlDatabase", () => {
  it("reads and swaps the database of a URL, host lists included", () => {
    const db = urlDatabase(
      "postgres://app:pw@h1:5432,h2:5433/shop?target_session_attrs=read-write",
    );
    expect(db.name).toBe("shop");
    expect(db.with("postgres")).toBe(
      "postgres://app:pw@h1:5432,h2:5433/postgres?target_session_attrs=read-write",
    );
    expect(urlDatabase("postgres://app@db").name).toBe("app");
    expect(urlDatabase("postgres://db").name).toBe("");
  });
});

describe("sessionMatches", () => {
  const primary = { inRecovery: false, readOnly: false };
  const standby = { inRecovery: true, readOnly: true };
  const readOnlyPrimary = { inRecovery: false, readOnly: true };

  it("follows libpq's target_session_attrs", () => {
    expect(sessionMatches("read-write", primary)).toBe(true);
    expect(sessionMatches("read-write", standby)).toBe(false);
    expect(sessionMatches("read-write", readOnlyPrimary)).toBe(false);
    expect(sessionMatches("primary", readOnlyPrimary)).toBe(true);
    expect(sessionMatches("read-only", readOnlyPrimary)).toBe(true);
    expect(sessionMatches("standby", readOnlyPrimary)).toBe(false);
    expect(sessionMatches("standby", standby)).toBe(true);
    expect(sessionMatches("any", standby)).toBe(true);
  });
});
