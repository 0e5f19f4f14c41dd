// The deploy files (Dockerfile, compose.yaml, the systemd unit, the CI workflow) are
// not run by this test suite: no Docker engine, systemd or GitHub runner here. This
// test parses them and checks how they are wired to each other and to the service
// (its config.ts and package.json). scripts/certs.mjs is run for real.
import { spawnSync } from "node:child_process";
import { createPrivateKey, X509Certificate } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import semver from "semver";
import { afterAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";

const exampleDir = fileURLToPath(new URL("..", import.meta.url));
const read = (file: string): string => readFileSync(join(exampleDir, file), "utf8");

// --- what the service itself says -------------------------------------------

/** The environment variables of the layout contract (src/config.ts reads them). */
const CONTRACT_ENV = [
  "API_DB_URL",
  "API_DB_DISABLE_TLS",
  "API_DATA_DIR",
  "API_ADDR",
  "API_DEBUG_ADDR",
  "API_TLS_CERT",
  "API_TLS_KEY",
  "API_MIGRATE",
  "API_SHUTDOWN_TIMEOUT",
  "LOG_LEVEL",
];
/** Read by Node or the platform, not by the service's config. */
const PLATFORM_ENV = new Set(["NODE_ENV", "PATH"]);

const configSource = read("src/config.ts");
const configEnv = new Set([...configSource.matchAll(/env:\s*"([A-Z0-9_]+)"/g)].map((m) => m[1]!));

function configDefault(env: string): string {
  const m = new RegExp(`env:\\s*"${env}"[^}]*default:\\s*"([^"]*)"`).exec(configSource);
  if (!m) throw new Error(`src/config.ts: no default found for ${env}`);
  return m[1]!;
}

const packageJson = JSON.parse(read("package.json")) as {
  scripts: Record<string, string>;
  engines: { node: string };
};
/** The Node lines package.json "engines" supports: the lowest version of each `||` part. */
const supportedNodes = new semver.Range(packageJson.engines.node).set.map(
  (comparators) => semver.minVersion(comparators.map((c) => c.value).join(" "))!.version,
);
/** The Node line that is the current LTS (26 since 2026-10-28; 24 and 22 in maintenance). */
const CURRENT_LTS = 26;

/** Names the ops files set for the service: each one in the contract and read by config.ts. */
function expectKnownEnv(names: Iterable<string>, where: string): void {
  for (const name of names) {
    if (PLATFORM_ENV.has(name)) continue;
    expect(CONTRACT_ENV, `${where}: ${name} is not a contract variable`).toContain(name);
    expect([...configEnv], `${where}: src/config.ts does not read ${name}`).toContain(name);
  }
}

/** `127.0.0.1:4000`, `:4000`, `4000` -> 4000. */
function portOf(addr: string): number {
  return Number(addr.slice(addr.lastIndexOf(":") + 1));
}

// --- Dockerfile ----------------------------------------------------------------

interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  image: string;
  name: string | undefined;
  instructions: Instruction[];
}

/** Instructions grouped by stage; `\` continuations joined, comments dropped, FROM's ARGs expanded. */
function parseDockerfile(text: string): { stages: Stage[] } {
  const logical: string[] = [];
  let pending = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("#")) continue; // comments (and the syntax directive)
    if (line.endsWith("\\")) {
      pending += `${line.slice(0, -1).trim()} `;
      continue;
    }
    const full = (pending + line).trim();
    pending = "";
    if (full !== "") logical.push(full);
  }
  const globalArgs = new Map<string, string>();
  const stages: Stage[] = [];
  for (const line of logical) {
    const space = line.search(/\s/);
    const keyword = (space === -1 ? line : line.slice(0, space)).toUpperCase();
    const args = space === -1 ? "" : line.slice(space + 1).trim();
    if (keyword === "FROM") {
      const words = args.split(/\s+/).filter((w) => !w.startsWith("--"));
      const image = words[0]!.replace(
        /\$\{(\w+)\}|\$(\w+)/g,
        (_, a: string | undefined, b: string | undefined) => globalArgs.get((a ?? b)!) ?? "",
      );
      const name = words[1]?.toUpperCase() === "AS" ? words[2] : undefined;
      stages.push({ image, name, instructions: [] });
    } else if (stages.length === 0) {
      if (keyword === "ARG") {
        const [key, value = ""] = args.split("=", 2);
        globalArgs.set(key!, value);
      }
    } else {
      stages.at(-1)!.instructions.push({ keyword, args });
    }
  }
  return { stages };
}

/** Splits on whitespace outside double quotes, removing the quotes. */
function words(text: string): string[] {
  return [...text.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

/** `CMD ["node", "x"]` (exec form) or `CMD node x` (run by /bin/sh -c). */
function commandOf(args: string): string[] {
  if (args.startsWith("[")) return JSON.parse(args) as string[];
  return ["/bin/sh", "-c", args];
}

function envOf(stage: Stage): Map<string, string> {
  const env = new Map<string, string>();
  for (const { keyword, args } of stage.instructions) {
    if (keyword !== "ENV") continue;
    for (const pair of words(args)) {
      const eq = pair.indexOf("=");
      env.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  }
  return env;
}

/** A COPY's flags, sources and destination. */
function copyOf(args: string): { from: string | undefined; sources: string[]; dest: string } {
  const all = args.startsWith("[") ? (JSON.parse(args) as string[]) : words(args);
  const flags = all.filter((w) => w.startsWith("--"));
  const paths = all.filter((w) => !w.startsWith("--"));
  const from = flags.find((f) => f.startsWith("--from="))?.slice("--from=".length);
  return { from, sources: paths.slice(0, -1), dest: paths.at(-1)! };
}

// --- compose.yaml ---------------------------------------------------------------

type Yaml = Record<string, unknown>;

function obj(value: unknown, what: string): Yaml {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new Error(`${what}: expected a mapping, got ${JSON.stringify(value)}`);
  return value as Yaml;
}

/** `environment:` as a mapping or as a list of `KEY=value`. */
function environmentOf(service: Yaml): Record<string, string> {
  const env = service.environment;
  if (Array.isArray(env)) {
    return Object.fromEntries(
      (env as string[]).map((e) => [e.slice(0, e.indexOf("=")), e.slice(e.indexOf("=") + 1)]),
    );
  }
  return Object.fromEntries(
    Object.entries(obj(env ?? {}, "environment")).map(([k, v]) => [k, String(v)]),
  );
}

/** Compose interpolation with an empty environment: `${X:-default}`, `${X-default}`, `${X}`, `$$`. */
function interpolate(text: string): string {
  return text.replace(/\$\$|\$\{(\w+)(?::?-([^}]*))?\}|\$(\w+)/g, (match, _a, fallback) => {
    if (match === "$$") return "$";
    return (fallback as string | undefined) ?? "";
  });
}

/** `10s`, `1m30s`, `20`, `1min 30s`, `500ms` -> milliseconds (compose and systemd spellings). */
function durationMs(text: string): number {
  const units: Record<string, number> = { ms: 1, s: 1000, sec: 1000, m: 60_000, min: 60_000 };
  let total = 0;
  const parts = [...text.trim().matchAll(/(\d+(?:\.\d+)?)\s*(ms|sec|s|min|m)?/g)];
  if (parts.length === 0) throw new Error(`not a duration: ${text}`);
  for (const [, n, unit] of parts) total += Number(n) * units[unit ?? "s"]!;
  return total;
}

// --- systemd unit ---------------------------------------------------------------

type Unit = Map<string, Map<string, string[]>>;

/** Sections of key=value lines; repeated keys keep every value. */
function parseUnit(text: string): Unit {
  const unit: Unit = new Map();
  let section: Map<string, string[]> | undefined;
  let pending = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (pending === "" && (line === "" || line.startsWith("#") || line.startsWith(";"))) continue;
    if (line.endsWith("\\")) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    const full = pending + line;
    pending = "";
    const header = /^\[(.+)\]$/.exec(full);
    if (header) {
      section = new Map();
      unit.set(header[1]!, section);
      continue;
    }
    if (!section) throw new Error(`key outside a section: ${full}`);
    const eq = full.indexOf("=");
    const key = full.slice(0, eq).trim();
    section.set(key, [...(section.get(key) ?? []), full.slice(eq + 1).trim()]);
  }
  return unit;
}

function unitValue(unit: Unit, section: string, key: string): string | undefined {
  return unit.get(section)?.get(key)?.at(-1);
}

// --- the files ----------------------------------------------------------------

const dockerfile = parseDockerfile(read("Dockerfile"));
const compose = obj(parseYaml(read("compose.yaml"), { merge: true }), "compose.yaml");
const services = obj(compose.services, "services");
const db = obj(services.db, "services.db");
const migrate = obj(services.migrate, "services.migrate");
const api = obj(services.api, "services.api");
const unit = parseUnit(read("deploy/products-api.service"));
const workflow = obj(parseYaml(read(".github/workflows/ci.yml")), "ci.yml");
const jobs = obj(workflow.jobs, "jobs");

const shutdownTimeoutMs = Number(configDefault("API_SHUTDOWN_TIMEOUT"));

describe("Dockerfile", () => {
  const { stages } = dockerfile;
  const final = stages.at(-1)!;
  const finalEnv = envOf(final);

  it("has a build stage and a separate final stage on the current Node LTS", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const major = Number(/^node:(\d+)(-|$)/.exec(final.image)?.[1]);
    expect(major).toBe(CURRENT_LTS);
    expect(semver.satisfies(`${major}.0.0`, packageJson.engines.node)).toBe(true);
    const build = stages.find((s) => s.name === "build");
    const runs = build?.instructions.filter((i) => i.keyword === "RUN").map((i) => i.args) ?? [];
    expect(runs.some((r) => /\bnpm ci\b/.test(r))).toBe(true);
    expect(runs.some((r) => /\bnpm run build(?!\s+-w)/.test(r))).toBe(true);
    expect(runs.some((r) => /npm run build -w products-api/.test(r))).toBe(true);
  });

  it("runs the final stage as a non-root user", () => {
    const users = final.instructions.filter((i) => i.keyword === "USER").map((i) => i.args);
    const user = users.at(-1);
    expect(user).toBeDefined();
    expect(user!.split(":")[0]).not.toMatch(/^(root|0)$/);
  });

  it("starts the bundle, listens on 0.0.0.0:4000 and exposes that port", () => {
    const cmd = final.instructions.filter((i) => i.keyword === "CMD").at(-1);
    expect(cmd).toBeDefined();
    expect(commandOf(cmd!.args)).toEqual(["node", "dist/server.mjs"]);
    expect(packageJson.scripts.start).toBe("node dist/server.mjs");
    const exposed = final.instructions
      .filter((i) => i.keyword === "EXPOSE")
      .flatMap((i) => i.args.split(/\s+/).map((p) => Number.parseInt(p, 10)));
    expect(exposed).toContain(4000);
    expect(finalEnv.get("API_ADDR")).toBe("0.0.0.0:4000");
    expect(exposed).toContain(portOf(finalEnv.get("API_ADDR")!));
    expectKnownEnv(finalEnv.keys(), "Dockerfile ENV");
  });

  it("gives the final stage what `pitstop up` needs: migrations, node_modules, pitstop on PATH", () => {
    const copies = final.instructions
      .filter((i) => i.keyword === "COPY")
      .map((i) => copyOf(i.args));
    const dests = copies.map((c) => c.dest.replace(/\/$/, ""));
    const workdir = final.instructions.filter((i) => i.keyword === "WORKDIR").at(-1)?.args;
    expect(workdir).toBeDefined();
    const absolute = dests.map((d) =>
      d.startsWith("/") ? d : `${workdir}/${d.replace(/^\.\//, "")}`,
    );
    expect(absolute).toContain(`${workdir}/migrations`);
    expect(absolute).toContain(`${workdir}/dist`);
    const nodeModules = absolute.find((d) => d.endsWith("/node_modules"));
    expect(nodeModules).toBeDefined();
    expect(finalEnv.get("PATH")?.split(":")).toContain(`${nodeModules}/.bin`);
  });

  it("copies bin/ before each npm ci: npm links node_modules/.bin/pitstop only to an existing file", () => {
    const installs = stages.filter((s) => s.instructions.some((i) => /\bnpm ci\b/.test(i.args)));
    expect(installs.length).toBeGreaterThanOrEqual(2); // the build stage and the production deps
    for (const stage of installs) {
      const ci = stage.instructions.findIndex(
        (i) => i.keyword === "RUN" && /\bnpm ci\b/.test(i.args),
      );
      const bin = stage.instructions.findIndex(
        (i) =>
          i.keyword === "COPY" &&
          copyOf(i.args).from === undefined &&
          copyOf(i.args).sources.some((source) => /^bin\/?$/.test(source)),
      );
      expect(bin, `stage ${stage.name}: COPY bin/ before npm ci`).toBeGreaterThanOrEqual(0);
      expect(bin, `stage ${stage.name}: COPY bin/ before npm ci`).toBeLessThan(ci);
    }
  });

  it("copies only from earlier stages and from paths that exist in the build context", () => {
    const build = obj(api.build, "services.api.build");
    const context = resolve(exampleDir, String(build.context));
    expect(existsSync(join(context, String(build.dockerfile)))).toBe(true);
    expect(resolve(context, String(build.dockerfile))).toBe(join(exampleDir, "Dockerfile"));
    const seen = new Set<string>();
    for (const stage of stages) {
      for (const i of stage.instructions.filter((i) => i.keyword === "COPY")) {
        const copy = copyOf(i.args);
        if (copy.from !== undefined) {
          expect([...seen], `COPY --from=${copy.from}`).toContain(copy.from);
          continue;
        }
        for (const source of copy.sources) {
          expect(existsSync(join(context, source)), `COPY ${source}: not in the context`).toBe(
            true,
          );
        }
      }
      if (stage.name) seen.add(stage.name);
    }
  });

  it("checks health with node (no curl in the image) on the debug server's /healthz", () => {
    const healthcheck = final.instructions.find((i) => i.keyword === "HEALTHCHECK");
    expect(healthcheck).toBeDefined();
    const cmd = healthcheck!.args.slice(healthcheck!.args.indexOf("CMD ") + 4).trim();
    const argv = commandOf(cmd);
    expect(argv[0]).toBe("node");
    expect(argv.join(" ")).toContain(configDefault("API_DEBUG_ADDR"));
    expect(argv.join(" ")).toContain("/healthz");
  });
});

describe("compose.yaml", () => {
  const dbEnv = environmentOf(db);
  const migrateEnv = environmentOf(migrate);
  const apiEnv = environmentOf(api);

  it("gives db a pg_isready healthcheck and a volume for its data", () => {
    const healthcheck = obj(db.healthcheck, "db.healthcheck");
    const test = healthcheck.test as string[] | string;
    expect((Array.isArray(test) ? test.join(" ") : test).includes("pg_isready")).toBe(true);
    expect(String(db.image)).toMatch(/^postgres:16\b/);
    const volumes = (db.volumes as string[]).map((v) => v.split(":"));
    const data = volumes.find(([, target]) => target === "/var/lib/postgresql/data");
    expect(data).toBeDefined();
    expect(Object.keys(obj(compose.volumes, "volumes"))).toContain(data![0]);
  });

  it("runs `pitstop up` once, after db is healthy, with the image the api runs", () => {
    expect(migrate.command).toEqual(["pitstop", "up", "--dir", "migrations"]);
    expect(packageJson.scripts.migrate?.split(" ")).toEqual(migrate.command);
    expect(obj(obj(migrate.depends_on, "migrate.depends_on").db, "db").condition).toBe(
      "service_healthy",
    );
    expect(migrate.image).toBe(api.image);
    expect(migrate.build).toEqual(api.build);
    expect([undefined, "no"]).toContain(migrate.restart);
  });

  it("starts api after db is healthy and migrate has exited 0", () => {
    const dependsOn = obj(api.depends_on, "api.depends_on");
    expect(obj(dependsOn.db, "db").condition).toBe("service_healthy");
    expect(obj(dependsOn.migrate, "migrate").condition).toBe("service_completed_successfully");
  });

  it("points DATABASE_URL (pitstop) and API_DB_URL (api) at the same db database", () => {
    const migrateUrl = new URL(interpolate(migrateEnv.DATABASE_URL!));
    const apiUrl = new URL(interpolate(apiEnv.API_DB_URL!));
    expect(migrateUrl.hostname).toBe("db");
    expect(apiUrl.href).toBe(migrateUrl.href);
    expect(migrateUrl.username).toBe(dbEnv.POSTGRES_USER);
    expect(decodeURIComponent(migrateUrl.password)).toBe(interpolate(dbEnv.POSTGRES_PASSWORD!));
    expect(migrateUrl.pathname).toBe(`/${dbEnv.POSTGRES_DB}`);
    expect(migrateUrl.port || "5432").toBe("5432");
  });

  it("sets only contract variables on api: no TLS to db, no migration on start-up", () => {
    expectKnownEnv(Object.keys(apiEnv), "compose api");
    expect(apiEnv.API_DB_DISABLE_TLS).toBe("true");
    expect(apiEnv.API_MIGRATE).toBe("false");
  });

  it("publishes the port the api listens on and waits out its shutdown", () => {
    const addr = apiEnv.API_ADDR ?? envOf(dockerfile.stages.at(-1)!).get("API_ADDR")!;
    const ports = (api.ports as string[]).map((p) => p.split("/")[0]!.split(":"));
    expect(ports.some((p) => Number(p.at(-1)) === portOf(addr) && p.at(-2) === "4000")).toBe(true);
    // Published on the host's loopback only: anyone who reaches the api can set X-User-Id.
    for (const p of ports) expect(p.slice(0, -2).join(":")).toBe("127.0.0.1");
    expect(durationMs(String(api.stop_grace_period))).toBeGreaterThan(shutdownTimeoutMs);
  });
});

describe("deploy/products-api.service", () => {
  const service = (key: string) => unitValue(unit, "Service", key);

  it("runs the bundle as an unprivileged user", () => {
    const user = service("User");
    expect(service("DynamicUser") === "yes" || (user !== undefined && user !== "root")).toBe(true);
    const exec = service("ExecStart")!.split(/\s+/);
    expect(exec[0]).toMatch(/^\/.*\/node$/);
    expect(exec[1]).toMatch(/\/dist\/server\.mjs$/);
    expect(service("EnvironmentFile")).toBe("/etc/products-api/env");
    expect(unitValue(unit, "Install", "WantedBy")).toBe("multi-user.target");
  });

  it("restarts on failure and gives the graceful shutdown time to finish", () => {
    expect(service("Restart")).toBe("on-failure");
    expect(service("KillSignal")).toBe("SIGTERM");
    expect(durationMs(service("TimeoutStopSec")!)).toBeGreaterThan(shutdownTimeoutMs);
  });

  it("is hardened, without what V8 cannot run under", () => {
    expect(service("NoNewPrivileges")).toBe("yes");
    expect(service("ProtectSystem")).toBe("strict");
    expect(service("ProtectHome")).toBe("yes");
    expect(service("PrivateTmp")).toBe("yes");
    expect(service("MemoryDenyWriteExecute")).toBeUndefined();
  });

  it("sets contract variables only, and writes PGlite data to its StateDirectory", () => {
    const env = new Map(
      (unit.get("Service")?.get("Environment") ?? [])
        .flatMap((line) => words(line))
        .map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]),
    );
    expectKnownEnv(env.keys(), "systemd Environment=");
    const state = service("StateDirectory");
    expect(state).toBeDefined();
    expect(env.get("API_DATA_DIR")?.startsWith(`/var/lib/${state}/`)).toBe(true);
  });
});

describe(".github/workflows/ci.yml", () => {
  const job = (name: string) => obj(jobs[name], `jobs.${name}`);
  const steps = (name: string) => job(name).steps as Yaml[];

  it("has the jobs test, lint-migrations and deploy", () => {
    expect(Object.keys(jobs).sort()).toEqual(["deploy", "lint-migrations", "test"]);
    for (const name of Object.keys(jobs)) {
      const uses = steps(name).map((s) => s.uses);
      expect(uses).toContain("actions/checkout@v4");
      expect(uses).toContain("actions/setup-node@v4");
      const setupNode = steps(name).find((s) => s.uses === "actions/setup-node@v4")!;
      const version = String(obj(setupNode.with, "with")["node-version"]);
      if (name === "test") {
        // Every line engines names is tested, and nothing else.
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression
        expect(version).toBe("${{ matrix.node }}");
        const matrix = obj(obj(job(name).strategy, "strategy").matrix, "matrix");
        expect((matrix.node as number[]).map((v) => `${v}`)).toEqual(
          supportedNodes.map((v) => String(semver.major(v))),
        );
      } else {
        expect(version).toBe(String(CURRENT_LTS));
      }
    }
  });

  it("engines exclude end-of-life Node and every locked dependency runs on each supported line", () => {
    // What npm ci's EBADENGINE check does, for the oldest version of each supported line.
    expect(semver.satisfies("20.19.0", packageJson.engines.node)).toBe(false);
    expect(supportedNodes.map((v) => semver.major(v))).toContain(CURRENT_LTS);
    const lock = JSON.parse(readFileSync(join(exampleDir, "../../package-lock.json"), "utf8")) as {
      packages: Record<string, { engines?: { node?: unknown } }>;
    };
    const refused = supportedNodes.flatMap((node) =>
      Object.entries(lock.packages)
        .filter(([, p]) => typeof p.engines?.node === "string")
        .filter(([, p]) => !semver.satisfies(node, p.engines!.node as string))
        .map(([name, p]) => `node ${node}: ${name} wants ${p.engines!.node}`),
    );
    expect(refused).toEqual([]);
  });

  it("tests against a healthy PostgreSQL service named in PITSTOP_TEST_DATABASE_URL", () => {
    const postgres = obj(obj(job("test").services, "services").postgres, "postgres");
    expect(String(postgres.options)).toContain("--health-cmd");
    expect(String(postgres.options)).toContain("pg_isready");
    const url = new URL(String(obj(job("test").env, "env").PITSTOP_TEST_DATABASE_URL));
    expect(["127.0.0.1", "localhost"]).toContain(url.hostname);
    expect((postgres.ports as string[]).map((p) => String(p).split(":")[0])).toContain(url.port);
    expect(url.password).toBe(obj(postgres.env, "env").POSTGRES_PASSWORD);
    const runs = steps("test").map((s) => s.run);
    expect(runs).toContain("npm ci");
    expect(runs).toContain("npm test");
  });

  it("lints the migrations with GitHub annotations", () => {
    const lint = steps("lint-migrations").find((s) => /\bpitstop lint\b/.test(String(s.run)));
    expect(lint).toBeDefined();
    expect(String(lint!.run)).toBe(`npx ${packageJson.scripts["lint:migrations"]} --format github`);
  });

  it("deploys from main after both checks, migrating before the deploy step", () => {
    const deploy = job("deploy");
    expect(deploy.needs).toEqual(expect.arrayContaining(["test", "lint-migrations"]));
    expect(String(deploy.if)).toContain("github.event_name == 'push'");
    expect(String(deploy.if)).toContain("github.ref == 'refs/heads/main'");
    expect(deploy.environment).toBe("production");
    const all = steps("deploy");
    const up = all.findIndex((s) => /^npx pitstop up --dir migrations$/.test(String(s.run)));
    const release = all.findIndex((s) => s.name === "Deploy");
    expect(up).toBeGreaterThanOrEqual(0);
    expect(release).toBeGreaterThan(up);
    expect(obj(all[up]!.env, "env").DATABASE_URL).toMatch(
      /^\$\{\{\s*secrets\.DEPLOY_DATABASE_URL\s*\}\}$/,
    );
    expect(String(all[release]!.run)).toMatch(/replace/i);
  });
});

describe("scripts/certs.mjs", () => {
  const script = join(exampleDir, "scripts/certs.mjs");
  const temp = mkdtempSync(join(tmpdir(), "products-api-certs-"));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it("is what `npm run certs` runs", () => {
    expect(packageJson.scripts.certs).toBe("node scripts/certs.mjs");
  });

  it("writes a self-signed localhost certificate and a 0600 key to --out", () => {
    const out = join(temp, "nested/certs");
    const run = spawnSync(process.execPath, [script, "--out", out], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["localhost.crt", "localhost.key"]);

    const crt = join(out, "localhost.crt");
    const key = join(out, "localhost.key");
    // -text rather than -ext: LibreSSL's openssl (macOS) has no -ext.
    const text = spawnSync("openssl", ["x509", "-in", crt, "-noout", "-text"], {
      encoding: "utf8",
    });
    expect(text.status).toBe(0);
    const subject = /Subject:\s*(.*)/.exec(text.stdout)?.[1]?.replace(/\s/g, "");
    expect(subject).toBe("CN=localhost");
    const san = /Subject Alternative Name:.*\n\s*(.*)/.exec(text.stdout)?.[1] ?? "";
    expect(san).toContain("DNS:localhost");
    expect(san).toContain("IP Address:127.0.0.1");

    const cert = new X509Certificate(readFileSync(crt));
    expect(cert.checkPrivateKey(createPrivateKey(readFileSync(key)))).toBe(true);
    expect(cert.checkIssued(cert)).toBe(true); // self-signed
    const days = (Date.parse(cert.validTo) - Date.parse(cert.validFrom)) / 86_400_000;
    expect(Math.round(days)).toBe(365);
    if (process.platform !== "win32") expect(statSync(key).mode & 0o777).toBe(0o600);
  });

  it("says so when openssl is missing, and leaves nothing behind", () => {
    const out = join(temp, "no-openssl");
    const emptyPath = mkdtempSync(join(temp, "path-"));
    const run = spawnSync(process.execPath, [script, "--out", out], {
      encoding: "utf8",
      env: { ...process.env, PATH: emptyPath },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/openssl command was not found/);
    expect(readdirSync(out)).toEqual([]);
  });

  it("rejects unknown arguments", () => {
    const run = spawnSync(process.execPath, [script, "--bogus"], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Unknown option '--bogus'/);
  });
});
