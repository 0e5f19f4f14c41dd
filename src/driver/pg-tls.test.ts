import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { connectWithFallback, resolveTls, type TlsAttempt } from "./pg-tls.js";

const URL_ = "postgres://app:pw@db.example.com:5432/app";
const noHome = () => mkdtempSync(join(tmpdir(), "pitstop-tlshome-"));
const pem = (dir: string, name: string, mode = 0o600) => {
  const file = join(dir, name);
  writeFileSync(file, `-----BEGIN CERTIFICATE-----\n${name}\n-----END CERTIFICATE-----\n`);
  chmodSync(file, mode);
  return file;
};

describe("resolveTls", () => {
  it("defaults to libpq's prefer: TLS without verification, then no TLS", () => {
    const plan = resolveTls(URL_, {}, noHome());
    expect(plan.mode).toBe("prefer");
    expect(plan.url).toBe(URL_);
    expect(plan.attempts).toHaveLength(2);
    expect(plan.attempts[0]).toMatchObject({ rejectUnauthorized: false });
    expect(plan.attempts[1]).toBe(false);
  });

  it("takes the TLS settings out of the URL (pg would read them its own way) and keeps the rest as written", () => {
    const plan = resolveTls(
      `${URL_}?application_name=a%20b&sslmode=require&options=-c%20x%3D1&uselibpqcompat=true`,
      {},
      noHome(),
    );
    expect(plan.url).toBe(`${URL_}?application_name=a%20b&options=-c%20x%3D1`);
    expect(plan.setting).toBe("sslmode=require (from the URL)");
    expect(plan.attempts).toEqual([
      { rejectUnauthorized: false, checkServerIdentity: expect.any(Function) },
    ]);
  });

  it("reads PGSSLMODE and PGSSLROOTCERT when the URL does not say, the URL winning", () => {
    const dir = noHome();
    const ca = pem(dir, "ca.crt");
    const env = { PGSSLMODE: "verify-full", PGSSLROOTCERT: ca };
    const plan = resolveTls(URL_, env, dir);
    expect(plan.setting).toBe("PGSSLMODE=verify-full");
    expect(plan.attempts).toEqual([
      { rejectUnauthorized: true, ca: expect.stringContaining("ca.crt") },
    ]);
    expect(resolveTls(`${URL_}?sslmode=disable`, env, dir).attempts).toEqual([false]);
  });

  it("require with a root certificate checks the chain like verify-ca (libpq), the default file too", () => {
    const home = noHome();
    mkdirSync(join(home, ".postgresql"));
    pem(join(home, ".postgresql"), "root.crt");
    const plan = resolveTls(`${URL_}?sslmode=require`, {}, home);
    expect(plan.verifies).toBe(true);
    expect(plan.attempts[0]).toMatchObject({ rejectUnauthorized: true, ca: expect.any(String) });
    expect((plan.attempts[0] as { checkServerIdentity?: unknown }).checkServerIdentity).toBeTypeOf(
      "function",
    );
  });

  it("refuses what libpq refuses, naming the setting, with a hint", () => {
    const home = noHome();
    expect(() => resolveTls(`${URL_}?sslmode=verify-ca`, {}, home)).toThrow(
      /sslmode=verify-ca \(from the URL\) needs a root certificate/,
    );
    expect(() => resolveTls(`${URL_}?sslmode=require&sslrootcert=system`, {}, home)).toThrow(
      /sslrootcert=system needs sslmode=verify-full/,
    );
    expect(resolveTls(`${URL_}?sslrootcert=system`, {}, home).mode).toBe("verify-full");
    expect(() => resolveTls(URL_, { PGSSLMODE: "no-verify" }, home)).toThrow(
      /PGSSLMODE=no-verify: unknown sslmode/,
    );
    expect(() => resolveTls(`${URL_}?sslrootcert=/nope/ca.crt`, {}, home)).toThrow(
      "sslrootcert=/nope/ca.crt (from the URL): cannot read /nope/ca.crt: no such file",
    );
    expect(() => resolveTls(`${URL_}?sslnegotiation=direct`, {}, home)).toThrow(
      /sslnegotiation=direct cannot be used with sslmode=prefer/,
    );
    const cert = pem(home, "client.crt");
    expect(() => resolveTls(`${URL_}?sslcert=${cert}`, {}, home)).toThrow(
      /without its private key/,
    );
    const key = pem(home, "client.key", 0o644);
    expect(() => resolveTls(`${URL_}?sslcert=${cert}&sslkey=${key}`, {}, home)).toThrow(
      /has group or world access/,
    );
    chmodSync(key, 0o600);
    expect(
      resolveTls(`${URL_}?sslcert=${cert}&sslkey=${key}&sslpassword=s3cret`, {}, home).attempts[0],
    ).toMatchObject({ cert: expect.any(String), key: expect.any(String), passphrase: "s3cret" });
  });

  it("leaves pg's own ssl= parameter to pg", () => {
    const plan = resolveTls(`${URL_}?ssl=true`, { PGSSLMODE: "disable" }, noHome());
    expect(plan.url).toBe(`${URL_}?ssl=true`);
    expect(plan.attempts).toEqual([undefined]);
  });
});

describe("connectWithFallback", () => {
  const fake = (fail: (attempt: TlsAttempt) => Error | undefined, tried: TlsAttempt[]) => {
    return (attempt: TlsAttempt) => ({
      async connect() {
        tried.push(attempt);
        const error = fail(attempt);
        if (error) throw error;
      },
      async end() {},
    });
  };

  it("falls back for prefer when TLS fails, not when the network does", async () => {
    const plan = resolveTls(URL_, {}, noHome());
    const tried: TlsAttempt[] = [];
    const refused = new Error("The server does not support SSL connections");
    await connectWithFallback(
      plan,
      fake((a) => (a === false ? undefined : refused), tried),
    );
    expect(tried.map((a) => a !== false)).toEqual([true, false]);

    const down = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    const again: TlsAttempt[] = [];
    await expect(
      connectWithFallback(
        plan,
        fake(() => down, again),
      ),
    ).rejects.toBe(down);
    expect(again).toHaveLength(1);
  });
});
