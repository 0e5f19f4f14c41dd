import { type Command, Option } from "commander";
import type { Output } from "../output.js";
import type { Settings } from "../settings.js";

type Action = (
  cmd: Command,
  run: (settings: Settings, out: Output) => Promise<number>,
) => Promise<void>;

/**
 * `pitstop fleet up|status` and their options. Defined here rather than in
 * main.ts; the command's code (./fleet.js) still loads only when it runs.
 */
export function defineFleetCommand(
  program: { command(spec: string): Command },
  action: Action,
): void {
  const fleet = program.command("fleet").description("migrate many databases or tenant schemas");
  const fleetTargets = (c: Command) =>
    c
      .option(
        "--targets <file>",
        "one database URL (or name=url) a line; # comments; env vars expanded",
      )
      .option("--targets-query <sql>", "a query on --database returning name, url rows")
      .option("--tenant-schemas <sql>", "a query returning schema names: one target a schema")
      .option("--concurrency <n>", "at most this many targets at once (default 4)")
      .option(
        "--per-server <n>",
        "at most this many connections to one server (default --concurrency)",
      )
      .option("--connect-timeout <duration>", "give up connecting to a target after this long");
  fleetTargets(fleet.command("up").description("migrate every target to the head"))
    .option("--canary <k>", "the first k targets first; stop if one fails")
    .option("--max-failures <n>", "start no new target after n have failed")
    .option("--retries <n>", "retries of a target whose connection failed (default 2)")
    .addOption(
      new Option("--lint <mode>", "lint what runs: warn, error, off").choices([
        "warn",
        "error",
        "off",
      ]),
    )
    .action((o: import("./fleet.js").FleetFlags, cmd: Command) =>
      action(cmd, async (s, out) => (await import("./fleet.js")).runFleetUp(s, out, o)),
    );
  fleetTargets(
    fleet.command("status").description("versions, behind, failed, drifted, unreachable"),
  )
    .option("--check", "exit 4 unless every target is at the head with nothing wrong")
    .action((o: import("./fleet.js").FleetFlags, cmd: Command) =>
      action(cmd, async (s, out) => (await import("./fleet.js")).runFleetStatus(s, out, o)),
    );
}
