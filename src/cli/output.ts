import { formatLocation, PitstopError } from "../core/errors.js";

/** Colour only on a terminal, never with NO_COLOR (https://no-color.org). */
export function colorEnabled(stream: NodeJS.WriteStream, flag: boolean | undefined): boolean {
  if (flag === false || process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== "0") return true;
  return stream.isTTY === true;
}

let outputGuarded = false;

/**
 * A reader that went away (`pitstop status | head -1`) is not a failure of
 * the command: the broken pipe (EPIPE) is swallowed, further output goes
 * nowhere, and the command ends as it would have (a migration under way is
 * not cut short by a closed pager). Any other write error is one line on the
 * other stream and exit code 1, never a stack trace.
 *
 * @example
 * quietOnClosedOutput(); // once, before the command writes anything
 */
export function quietOnClosedOutput(): void {
  if (outputGuarded) return;
  outputGuarded = true;
  for (const [stream, other] of [
    [process.stdout, process.stderr],
    [process.stderr, process.stdout],
  ] as const) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") return;
      process.exitCode = 1;
      if (!other.destroyed) other.write(`pitstop: cannot write output: ${error.message}\n`);
    });
  }
}

const CODES = {
  red: 31,
  green: 32,
  yellow: 33,
  blue: 34,
  magenta: 35,
  cyan: 36,
  gray: 90,
  bold: 1,
  dim: 2,
} as const;
export type Style = keyof typeof CODES;

export class Output {
  readonly color: boolean;
  readonly json: boolean;
  readonly tty: boolean;
  #progress = false;

  constructor(options: { json?: boolean; color?: boolean } = {}) {
    this.json = options.json ?? false;
    this.color = !this.json && colorEnabled(process.stdout, options.color);
    this.tty = process.stdout.isTTY === true && !this.json;
  }

  style(text: string, ...styles: Style[]): string {
    if (!this.color) return text;
    return styles.reduce((t, s) => `\x1b[${CODES[s]}m${t}\x1b[0m`, text);
  }

  /** A result line on stdout (nothing in --json mode). */
  line(text = ""): void {
    if (this.json) return;
    this.#clearProgress();
    process.stdout.write(`${text}\n`);
  }

  /** A notice on stderr: where we connect, waiting for a lock... Keeps stdout clean for scripts. */
  notice(text: string): void {
    this.#clearProgress();
    process.stderr.write(`${this.color ? this.style(text, "dim") : text}\n`);
  }

  warn(text: string): void {
    this.#clearProgress();
    process.stderr.write(`${this.style("warning:", "yellow", "bold")} ${text}\n`);
  }

  /** A transient progress line, only on a terminal. */
  progress(text: string): void {
    if (!this.tty) return;
    const width = process.stdout.columns ?? 80;
    process.stdout.write(`\r\x1b[2K${text.slice(0, width - 1)}`);
    this.#progress = true;
  }

  #clearProgress(): void {
    if (this.#progress) {
      process.stdout.write("\r\x1b[2K");
      this.#progress = false;
    }
  }

  data(value: unknown): void {
    process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  error(error: unknown): void {
    this.#clearProgress();
    const e = error instanceof PitstopError ? error : undefined;
    if (this.json) {
      process.stdout.write(
        `${JSON.stringify({ ok: false, error: e ? e.toJSON() : { code: "INTERNAL", message: String(error) } }, null, 2)}\n`,
      );
      return;
    }
    const message = clipMessage(error instanceof Error ? error.message : String(error));
    const lines = [`${this.style("error:", "red", "bold")} ${message}`];
    if (e?.frame) lines.push(e.frame.replace(/^/gm, "  "));
    if (e?.location && !message.includes(formatLocation(e.location)))
      lines.push(`  at ${formatLocation(e.location)}`);
    if (e?.hint) lines.push(`${this.style("hint:", "cyan")} ${e.hint}`);
    if (!e && error instanceof Error && error.stack && process.env.PITSTOP_DEBUG)
      lines.push(error.stack);
    process.stderr.write(`${lines.join("\n")}\n`);
  }

  /** An aligned table; `styles` colours a cell by column and value. */
  table(
    headers: string[],
    rows: string[][],
    cellStyle?: (column: number, value: string) => Style[] | undefined,
  ): void {
    const widths = headers.map((h, i) =>
      Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)),
    );
    const fmt = (cells: string[], header: boolean) =>
      cells
        .map((c, i) => {
          const padded = i === cells.length - 1 ? c : c.padEnd(widths[i]!);
          if (header) return this.style(padded, "bold");
          const s = cellStyle?.(i, c);
          return s ? this.style(padded, ...s) : padded;
        })
        .join("  ")
        .trimEnd();
    this.line(fmt(headers, true));
    for (const r of rows) this.line(fmt(r, false));
  }
}

/** Longest error message printed whole (a server may quote a 20 MB value back). */
const MAX_MESSAGE = 2_000;

function clipMessage(message: string): string {
  if (message.length <= MAX_MESSAGE) return message;
  return `${message.slice(0, MAX_MESSAGE)}… (${message.length - MAX_MESSAGE} more characters)`;
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const m = Math.floor(ms / 60_000);
  return `${m} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export function formatTimestamp(d: Date | null): string {
  if (!d) return "";
  return d
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, "Z");
}
