import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPgDriver } from "../src/driver/pg.js";
import { type PostgresServer, startPostgres } from "../src/testing/pg-server.js";
import { runCli } from "./helpers/cli.js";
import { enabledTestDrivers } from "./helpers/databases.js";
import { migrationsDir } from "./helpers/migrations.js";

/**
 * A server with ssl=on and a certificate from a CA this machine does not
 * trust (made here with openssl), reached as a managed database is: the URL
 * says `sslmode=...`. libpq's rules, and no "SECURITY WARNING" from pg.
 */
const hasServer = enabledTestDrivers().includes("pg");

describe.skipIf(!hasServer)("TLS as libpq means sslmode", () => {
  let server: PostgresServer;
  let certs: string;
  let home: string;

  beforeAll(async () => {
    certs = mkdtempSync(join(tmpdir(), "pitstop-tls-"));
    home = mkdtempSync(join(tmpdir(), "pitstop-home-"));
    makeCertificates(certs);
    server = await startPostgres({
      settings: {
        ssl: "on",
        ssl_cert_file: join(certs, "server.crt"),
        ssl_key_file: join(certs, "server.key"),
        ssl_ca_file: join(certs, "ca.crt"),
      },
    });
    // certuser must show a client certificate; allowuser is refused without TLS.
    const hba = join(server.dataDir, "pg_hba.conf");
    writeFileSync(
      hba,
      `hostssl all certuser 127.0.0.1/32 cert\nhost all certuser 127.0.0.1/32 reject\nhostssl all allowuser 127.0.0.1/32 trust\nhost all allowuser 127.0.0.1/32 reject\n${readFileSync(hba, "utf8")}`,
    );
    const admin = await createPgDriver({ url: server.url });
    try {
      await admin.exec(
        "CREATE ROLE certuser LOGIN SUPERUSER; CREATE ROLE allowuser LOGIN; SELECT pg_reload_conf()",
      );
    } finally {
      await admin.close();
    }
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(certs, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  });

  /** The server's URL with this host and query string. */
  const url = (host: string, query: string) =>
    `postgres://postgres@${host}:${server.port}/postgres${query === "" ? "" : `?${query}`}`;
  /** The CLI as a user would run it: a home without ~/.postgresql, no PGSSL* variables. */
  const cli = (database: string, env: Record<string, string> = {}) => {
    const { dir } = migrationsDir({
      "000001_a.sql": "-- +up\nCREATE TABLE IF NOT EXISTS a (id int);\n",
    });
    return runCli(["--database", database, "--dir", dir, "up"], {
      env: { HOME: home, PGSSLMODE: undefined, PGSSLROOTCERT: undefined, ...env },
    });
  };

  it("sslmode=require connects to a certificate nobody trusts, encrypted, without a warning", async () => {
    const r = await cli(url("127.0.0.1", "sslmode=require"));
    expect(`${r.code} ${r.stderr}`).toMatch(/^0 /);
    expect(r.stderr).not.toContain("SECURITY WARNING");
    expect(r.stderr).not.toMatch(/warning/i);

    const driver = await createPgDriver({ url: url("127.0.0.1", "sslmode=require") });
    try {
      expect(await encrypted(driver)).toBe(true);
    } finally {
      await driver.close();
    }
  });

  it("verify-full refuses the untrusted certificate with one clear line and a hint", async () => {
    // No root certificate at all: refused before connecting, as libpq does.
    const none = await cli(url("localhost", "sslmode=verify-full"));
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(
      "sslmode=verify-full (from the URL) needs a root certificate to verify the server with",
    );
    expect(none.stderr).toContain("sslrootcert=");
    // The system's CAs: the handshake fails on the chain.
    const system = await cli(
      url("localhost", "sslmode=verify-full&sslrootcert=system").replace(
        "postgres@",
        "postgres:hunter2secret@",
      ),
    );
    expect(`${system.stdout}${system.stderr}`).not.toContain("hunter2secret");
    expect(system.code).toBe(1);
    const lines = system.stderr.trim().split("\n");
    const at = lines.findIndex((l) => l.startsWith("error:"));
    const [line, hint] = lines.slice(at);
    expect(line).toMatch(
      /^error: cannot connect to postgres:\/\/postgres@localhost:\d+\/postgres: the server's certificate is not trusted \(.+\) under sslmode=verify-full \(from the URL\)$/,
    );
    expect(hint).toMatch(/^hint: .*sslrootcert=/);
    expect(lines).toHaveLength(at + 2);
    // PGSSLMODE says the same when the URL does not.
    const fromEnv = await cli(url("localhost", ""), {
      PGSSLMODE: "verify-full",
      PGSSLROOTCERT: "system",
    });
    expect(fromEnv.stderr).toContain("under PGSSLMODE=verify-full");
  });

  it("verify-full succeeds with sslrootcert and the certificate's host name, and checks that name", async () => {
    const ca = join(certs, "ca.crt");
    const ok = await cli(url("localhost", `sslmode=verify-full&sslrootcert=${ca}`));
    expect(`${ok.code} ${ok.stderr}`).toMatch(/^0 /);
    const fromEnv = await cli(url("localhost", ""), {
      PGSSLMODE: "verify-full",
      PGSSLROOTCERT: ca,
    });
    expect(`${fromEnv.code} ${fromEnv.stderr}`).toMatch(/^0 /);

    // The certificate names localhost, not 127.0.0.1: verify-full refuses, verify-ca does not.
    const wrongHost = await cli(url("127.0.0.1", `sslmode=verify-full&sslrootcert=${ca}`));
    expect(wrongHost.code).toBe(1);
    expect(wrongHost.stderr).toContain("the server's certificate does not name the host");
    const caOnly = await cli(url("127.0.0.1", `sslmode=verify-ca&sslrootcert=${ca}`));
    expect(`${caOnly.code} ${caOnly.stderr}`).toMatch(/^0 /);
    // libpq: require with a root certificate checks the chain, as verify-ca.
    const other = join(certs, "other-ca.crt");
    const requireOther = await cli(url("127.0.0.1", `sslmode=require&sslrootcert=${other}`));
    expect(requireOther.code).toBe(1);
    expect(requireOther.stderr).toContain("the server's certificate is not trusted");
    const missing = await cli(
      url("localhost", "sslmode=verify-full&sslrootcert=/nonexistent/ca.crt"),
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      "sslrootcert=/nonexistent/ca.crt (from the URL): cannot read /nonexistent/ca.crt: no such file",
    );
  });

  it("prefer (the default) and allow encrypt when the server offers TLS; disable does not", async () => {
    const modes: [string, boolean][] = [
      ["", true],
      ["sslmode=prefer", true],
      ["sslmode=allow", false],
      ["sslmode=disable", false],
    ];
    for (const [query, expected] of modes) {
      const driver = await createPgDriver({ url: url("127.0.0.1", query) });
      try {
        expect([query, await encrypted(driver)]).toEqual([query, expected]);
      } finally {
        await driver.close();
      }
    }
  });

  it("presents a client certificate from sslcert/sslkey (or PGSSLCERT/PGSSLKEY) to a server that asks for one", async () => {
    const ca = join(certs, "ca.crt");
    const base = `postgres://certuser@localhost:${server.port}/postgres?sslmode=verify-full&sslrootcert=${ca}`;
    const withCert = `${base}&sslcert=${join(certs, "client.crt")}&sslkey=${join(certs, "client.key")}`;
    const driver = await createPgDriver({ url: withCert });
    try {
      const { rows } = await driver.query<{ user: string }>("SELECT current_user AS user");
      expect(rows).toEqual([{ user: "certuser" }]);
      expect(await encrypted(driver)).toBe(true);
    } finally {
      await driver.close();
    }
    const fromEnv = await cli(base, {
      PGSSLCERT: join(certs, "client.crt"),
      PGSSLKEY: join(certs, "client.key"),
    });
    expect(`${fromEnv.code} ${fromEnv.stderr}`).toMatch(/^0 /);
    const without = await cli(base);
    expect(without.code).toBe(1);
    expect(without.stderr).toContain("hint: The server wants a client certificate: sslcert=");
  });

  it("allow connects without TLS first, and with TLS when the server refuses that", async () => {
    const driver = await createPgDriver({
      url: `postgres://allowuser@127.0.0.1:${server.port}/postgres?sslmode=allow`,
    });
    try {
      expect(await encrypted(driver)).toBe(true);
    } finally {
      await driver.close();
    }
    const disabled = await cli(
      `postgres://allowuser@127.0.0.1:${server.port}/postgres?sslmode=disable`,
    );
    expect(disabled.code).toBe(1);
    expect(disabled.stderr).toContain("no encryption");
    expect(disabled.stderr).toContain("hint: The server accepts only TLS connections from here");
  });

  it("on a server without TLS: prefer falls back, require says why it cannot", async () => {
    const plain = inject("pgUrl");
    const prefer = await createPgDriver({ url: plain });
    try {
      expect(await encrypted(prefer)).toBe(false);
    } finally {
      await prefer.close();
    }
    const r = await cli(`${plain}?sslmode=require`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "the server does not accept TLS connections, and sslmode=require (from the URL) requires TLS",
    );
  });
});

async function encrypted(driver: Awaited<ReturnType<typeof createPgDriver>>): Promise<boolean> {
  const { rows } = await driver.query<{ ssl: boolean }>(
    "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
  );
  return rows[0]!.ssl;
}

/** A CA, a server certificate it signs for DNS:localhost only, and an unrelated CA. */
function makeCertificates(dir: string): void {
  const openssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  const selfSigned = (name: string) =>
    openssl(
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "2",
      "-subj",
      `/CN=${name}`,
      "-keyout",
      `${name}.key`,
      "-out",
      `${name}.crt`,
    );
  selfSigned("ca");
  selfSigned("other-ca");
  openssl(
    "req",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-subj",
    "/CN=localhost",
    "-keyout",
    "server.key",
    "-out",
    "server.csr",
  );
  writeFileSync(join(dir, "server.ext"), "subjectAltName=DNS:localhost\n");
  openssl(
    "req",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-subj",
    "/CN=certuser",
    "-keyout",
    "client.key",
    "-out",
    "client.csr",
  );
  openssl(
    "x509",
    "-req",
    "-in",
    "client.csr",
    "-CA",
    "ca.crt",
    "-CAkey",
    "ca.key",
    "-CAcreateserial",
    "-days",
    "2",
    "-out",
    "client.crt",
  );
  chmodSync(join(dir, "client.key"), 0o600);
  openssl(
    "x509",
    "-req",
    "-in",
    "server.csr",
    "-CA",
    "ca.crt",
    "-CAkey",
    "ca.key",
    "-CAcreateserial",
    "-days",
    "2",
    "-extfile",
    "server.ext",
    "-out",
    "server.crt",
  );
  // The server runs as `postgres` when we are root, and wants its key private.
  chmodSync(join(dir, "server.key"), 0o600);
  chmodSync(dir, 0o755);
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }));
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }));
    for (const file of ["server.key", "server.crt", "ca.crt"]) chownSync(join(dir, file), uid, gid);
  }
}
