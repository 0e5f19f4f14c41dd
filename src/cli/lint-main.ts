// The entry of dist/cli-lint.cjs: the CLI with the `lint` command alone.
// bin/pitstop.cjs loads it instead of dist/cli.cjs when the command is
// `lint` (and no --help is asked for): a smaller bundle and code cache to
// load, and no other command's definitions to run (bench/lint). The root
// program, its global options and errors are main.ts's own.
import { defineLintCommand } from "./commands/lint-command.js";
import { action, runProgram } from "./main.js";

/**
 * main.ts's `main` with only `lint` defined.
 *
 * @example
 * process.exitCode = await main(["node", "pitstop", "lint", "migrations/"]);
 */
export function main(argv: string[]): Promise<number> {
  return runProgram(argv, (program) => defineLintCommand(program, action));
}
