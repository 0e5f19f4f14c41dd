import type { Command } from "commander";
import { lintOutputFormat } from "../global-options.js";
import type { Output } from "../output.js";
import type { Settings } from "../settings.js";

type Action = (
  cmd: Command,
  run: (settings: Settings, out: Output) => Promise<number>,
) => Promise<void>;

/**
 * `pitstop lint [paths...]` and its options. Defined here rather than in
 * main.ts: src/cli/lint-main.ts (the bundle bin/pitstop.cjs loads for
 * `lint`) defines this command alone. Its code (./lint.js) still loads only
 * when it runs.
 *
 * @example
 * defineLintCommand(program, action); // in main.ts's defineCommands
 */
export function defineLintCommand(
  program: { command(spec: string): Command },
  action: Action,
): void {
  program
    .command("lint [paths...]")
    .description(
      "check migrations for locks and breaking changes (default: those not applied yet); exit 3 on an error-level finding",
    )
    .option("--since <git-ref>", "the migrations of --dir added since a git ref (e.g. origin/main)")
    .option("--all", "every migration of --dir")
    .option("--format <format>", "pretty (default), json, github or sarif")
    .option(
      "--pg-version <major>",
      "PostgreSQL version the rules target (default: the database's, else 18)",
    )
    .option("--rules", "list the rules")
    .action(
      (
        paths: string[],
        o: { since?: string; all?: boolean; format?: string; pgVersion?: string; rules?: boolean },
        cmd: Command,
      ) =>
        action(cmd, async (s, out) =>
          (await import("./lint.js")).runLint(s, out, paths, {
            ...o,
            ...(lintOutputFormat(cmd, o.format)
              ? { format: lintOutputFormat(cmd, o.format)! }
              : {}),
          }),
        ),
    );
}
