// `npm run demo`: pitstop's main job on the embedded default, with nothing
// else installed. Applies the sample migrations to a PGlite database under
// .pitstop/ and prints the status.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = "examples/basic/migrations";

function pitstop(...args) {
  console.log(`\n$ pitstop ${args.join(" ")}`);
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, ["bin/pitstop.cjs", "--dir", dir, ...args], {
    cwd: root,
    stdio: "inherit",
    env,
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

pitstop("up");
pitstop("status");
