// `npm run bench`: every benchmark, one after the other (BENCH=apply,startup to choose).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const all = ["startup", "apply", "lint", "diff", "testdb", "api", "fleet", "expand", "studio"];
const chosen = process.env.BENCH ? process.env.BENCH.split(",") : all;
for (const name of chosen) {
  const r = spawnSync(
    process.execPath,
    [fileURLToPath(new URL(`./${name}.mjs`, import.meta.url))],
    { stdio: "inherit" },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
  console.log();
}
