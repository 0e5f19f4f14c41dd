// bench/startup: `pitstop --version` and `pitstop status` on an up-to-date
// database, against bare `node -e 0` measured in the same run.
import { startPostgres } from "../dist/testing.js";
import { CLI, generateMigrations, median, pgEnv, ratio, tempDir, timeCommand } from "./lib.mjs";

const rounds = Number(process.env.BENCH_ROUNDS ?? 21);
const server = await startPostgres();
const env = pgEnv();
const dir = tempDir("pitstop-bench-startup-");
generateMigrations(dir, 50);
const url = `${server.url}`;
let results;
try {
  timeCommand(process.execPath, [CLI, "--database", url, "--dir", dir, "up"], { env });
  const node = [];
  const version = [];
  const status = [];
  for (let i = 0; i < rounds; i++) {
    node.push(timeCommand(process.execPath, ["-e", "0"], { env }));
    version.push(timeCommand(process.execPath, [CLI, "--version"], { env }));
    status.push(
      timeCommand(process.execPath, [CLI, "--database", url, "--dir", dir, "status"], { env }),
    );
  }
  results = { node: median(node), version: median(version), status: median(status) };
} finally {
  await server.stop();
}
console.log(`bench/startup: ${rounds} rounds, median wall time, Node ${process.versions.node}`);
console.log(`node -e 0 (floor)                  ${results.node.toFixed(1).padStart(6)} ms`);
console.log(
  `pitstop --version                  ${results.version.toFixed(1).padStart(6)} ms  ${ratio(results.version, results.node)}x`,
);
console.log(
  `pitstop status (50, up to date)    ${results.status.toFixed(1).padStart(6)} ms  ${ratio(results.status, results.node)}x`,
);
