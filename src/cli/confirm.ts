import { createInterface } from "node:readline/promises";
import { PitstopError, UsageError } from "../core/errors.js";

/** Asks on a terminal; elsewhere `--yes` is required, so a script never hangs on a prompt. */
export async function confirm(question: string, yes: boolean): Promise<void> {
  if (yes) return;
  if (!process.stdin.isTTY) {
    throw new UsageError(`${question} Refusing without --yes when stdin is not a terminal.`, {
      hint: "Add --yes to confirm.",
    });
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`${question} [y/N] `);
    if (!/^y(es)?$/i.test(answer.trim()))
      throw new PitstopError("ABORTED", "aborted", { exitCode: 1 });
  } finally {
    rl.close();
  }
}
