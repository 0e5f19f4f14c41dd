import { PitstopError } from "../core/errors.js";
import type { SqlScript } from "../core/migration.js";
import { DatabaseError } from "../driver/driver.js";
import { codeFrame, LineIndex } from "../sql/text.js";

export interface FailureContext {
  script: SqlScript;
  /** Offset in `script.sql` of the text that was sent, and that text's length. */
  sentOffset: number;
  /** Characters before the script's text in what was sent (a BEGIN prelude). */
  prefixLength: number;
  sentLength: number;
  /** Offset in `script.sql` of the statement known to have failed, when no position came back. */
  statementOffset?: number;
  /** What was applied and what the user can do, for the hint. */
  outcome: string;
  migrationId: string;
  /** What failed, in messages (default `migration <id>`): seeds say `seed <file>`. */
  subject?: string;
  /** The error's code (default `MIGRATION_FAILED`). */
  errorCode?: string;
}

/**
 * Turns a server error into a PitstopError that points at file:line:col of
 * the failing statement, with the server's message and a code frame.
 */
export function migrationError(error: unknown, ctx: FailureContext): PitstopError {
  if (error instanceof PitstopError) return error;
  const code = ctx.errorCode ?? "MIGRATION_FAILED";
  const subject = ctx.subject ?? `migration ${ctx.migrationId}`;
  if (!(error instanceof DatabaseError)) {
    const message = error instanceof Error ? error.message : String(error);
    return new PitstopError(code, `${ctx.script.file}: ${subject} failed: ${message}`, {
      hint: ctx.outcome,
      cause: error,
    });
  }
  let offset: number | undefined;
  if (error.position !== undefined) {
    const inSent = error.position - 1 - ctx.prefixLength;
    if (inSent >= 0 && inSent < ctx.sentLength) offset = ctx.sentOffset + inSent;
  }
  offset ??= ctx.statementOffset;
  const hints = [error.hint, ctx.outcome].filter(Boolean).join(" ");
  const details = error.detail ? ` (${error.detail})` : "";
  if (offset === undefined) {
    return new PitstopError(
      code,
      `${ctx.script.file}: ${subject} failed: ${error.message}${details} [${error.code}]`,
      {
        hint: hints,
        cause: error,
      },
    );
  }
  const fileOffset = ctx.script.offset + skipBlank(ctx.script.sql, offset);
  const index = new LineIndex(ctx.script.source);
  const { line, column } = index.locate(fileOffset);
  return new PitstopError(
    code,
    `${ctx.script.file}:${line}:${column}: ${error.message}${details} [${error.code}]`,
    {
      location: { file: ctx.script.file, line, column },
      frame: codeFrame(index, fileOffset),
      hint: hints,
      cause: error,
    },
  );
}

/** A statement offset may sit on whitespace or comments before the statement; point at its first word. */
function skipBlank(sql: string, offset: number): number {
  let i = offset;
  while (i < sql.length) {
    if (/\s/.test(sql[i]!)) i++;
    else if (sql.startsWith("--", i)) {
      const nl = sql.indexOf("\n", i);
      i = nl < 0 ? sql.length : nl + 1;
    } else break;
  }
  return i < sql.length ? i : offset;
}
