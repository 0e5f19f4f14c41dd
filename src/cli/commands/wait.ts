import { PitstopError } from "../../core/errors.js";
import { openDatabase } from "../context.js";
import { formatDuration, type Output } from "../output.js";
import type { Settings } from "../settings.js";

/** `wait`: until the database accepts connections (for containers starting together). */
export async function runWait(
  settings: Settings,
  out: Output,
  timeoutMs: number,
  intervalMs: number,
): Promise<number> {
  const started = performance.now();
  let lastError: unknown;
  let announced = false;
  for (;;) {
    try {
      const driver = await openDatabase(settings, out);
      try {
        await driver.query("SELECT 1");
      } finally {
        await driver.close();
      }
      const took = performance.now() - started;
      if (out.json) out.data({ ok: true, waitedMs: Math.round(took) });
      else out.line(`The database accepts connections (waited ${formatDuration(took)}).`);
      return 0;
    } catch (error) {
      lastError = error;
      if (error instanceof PitstopError && error.exitCode === 2) throw error;
    }
    if (performance.now() - started + intervalMs > timeoutMs) break;
    if (!announced) {
      out.notice(`Waiting for the database (up to ${formatDuration(timeoutMs)})...`);
      announced = true;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  const reason = lastError instanceof Error ? lastError.message : String(lastError);
  throw new PitstopError(
    "WAIT_TIMEOUT",
    `the database did not accept connections within ${formatDuration(timeoutMs)}: ${reason}`,
    {
      hint: "Check that the server is starting and that the URL is right, or raise --timeout.",
    },
  );
}
