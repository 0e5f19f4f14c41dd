// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${VAR} in targets files is what these tests are about
import { describe, expect, it } from "vitest";
import { parseTargets, serverOf, targetsFromRows } from "./targets.js";

const env = { PW: "s3cret", HOST: "db2.internal" };

describe("parseTargets", () => {
  it("reads URLs and name=url lines, skips comments and blank lines, expands ${VAR}", () => {
    const text = [
      "# production tenants",
      "",
      "acme=postgres://app:${PW}@db1.internal/acme   # the first customer",
      "  postgres://app@${HOST}:6432/globex?sslmode=require",
      "initech = postgres://app@db1/initech",
      "umbrella=postgres://app@${MISSING:-db3}/umbrella",
    ].join("\n");
    expect(parseTargets(text, "targets.txt", env)).toEqual([
      { name: "acme", url: "postgres://app:s3cret@db1.internal/acme" },
      { name: "globex", url: "postgres://app@db2.internal:6432/globex?sslmode=require" },
      { name: "initech", url: "postgres://app@db1/initech" },
      { name: "umbrella", url: "postgres://app@db3/umbrella" },
    ]);
  });

  it("names file:line:column for a line that is not a target, an unset variable, a bad scheme", () => {
    expect(() => parseTargets("postgres://a/b\n  just words\n", "t.txt", env)).toThrow(
      't.txt:2:3: expected a database URL or name=url, got "just words"',
    );
    expect(() => parseTargets("x=postgres://app:${NOPE}@db/x\n", "t.txt", env)).toThrow(
      "t.txt:1:18: ${NOPE}: NOPE is not set",
    );
    expect(() => parseTargets("\nx=mysql://root:pw@db/x\n", "t.txt", env)).toThrow(
      /^t\.txt:2:3: unsupported database URL mysql:\/\/root:\*\*\*\*@db\/x$/,
    );
    expect(() => parseTargets("x=\n", "t.txt", env)).toThrow("t.txt:1:3: x has no URL after =");
  });

  it("refuses two targets with one name and tells the names of unnamed ones apart by server", () => {
    expect(() => parseTargets("a=postgres://h/x\na=postgres://h/y\n", "t.txt", env)).toThrow(
      't.txt:2:1: target "a" is also at t.txt:1',
    );
    expect(
      parseTargets("postgres://h1/app\npostgres://h2:5433/app\n", "t.txt", env).map((t) => t.name),
    ).toEqual(["h1:5432/app", "h2:5433/app"]);
  });

  it("never puts a password in an error message", () => {
    expect(() => parseTargets("postgres://u:hunter2@h/x extra words\n", "t.txt", env)).toThrow(
      't.txt:1:25: one URL a line, but found more after "postgres://u:****@h/x"',
    );
    expect(() => parseTargets("bad line postgres://u:hunter2@h/x\n", "t.txt", env)).toThrow(
      'got "bad line postgres://u:****@h/x"',
    );
  });
});

describe("targetsFromRows", () => {
  it("takes name and url columns, or the first column, and says which row is wrong", () => {
    expect(
      targetsFromRows([{ name: "a", url: "postgres://h/a" }, { dsn: "postgres://h/b" }], env),
    ).toEqual([
      { name: "a", url: "postgres://h/a" },
      { name: "b", url: "postgres://h/b" },
    ]);
    expect(() => targetsFromRows([{ name: "a", url: null }], env)).toThrow(
      "--targets-query row 1: no URL",
    );
  });
});

describe("serverOf", () => {
  it("is host:port, with the default port and a socket directory", () => {
    expect(serverOf("postgres://u:p@DB1/x")).toBe("db1:5432");
    expect(serverOf("postgresql://u@db1:6432/x")).toBe("db1:6432");
    expect(serverOf("postgres:///x?host=/var/run/postgresql")).toBe("/var/run/postgresql:5432");
  });
});
