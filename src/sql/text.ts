/** Positions in source text: UTF-8 byte offsets (what libpg_query reports) to characters, lines and columns. */

/** Maps UTF-8 byte offsets of `text` to character (UTF-16 code unit) offsets. */
export function byteToCharMapper(text: string): (byteOffset: number) => number {
  if (/^[\x00-\x7f]*$/.test(text)) return (b) => b;
  const bytes = Buffer.byteLength(text, "utf8");
  const map = new Int32Array(bytes + 1);
  let b = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    for (let k = 0; k < size; k++) map[b + k] = i;
    b += size;
    if (code >= 0x10000) i++; // surrogate pair: two code units, one code point
  }
  map[bytes] = text.length;
  return (byteOffset) => map[Math.min(Math.max(byteOffset, 0), bytes)]!;
}

/** Line and column lookups for one text. Lines and columns are 1-based. */
export class LineIndex {
  readonly #starts: number[];
  readonly text: string;

  constructor(text: string) {
    this.text = text;
    this.#starts = [0];
    // indexOf runs natively; a loop over every character ran on V8's baseline JIT in `lint`.
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1))
      this.#starts.push(i + 1);
  }

  /** Line and column (both 1-based) of a character offset. */
  locate(offset: number): { line: number; column: number } {
    const starts = this.#starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }

  lineText(line: number): string {
    const start = this.#starts[line - 1];
    if (start === undefined) return "";
    const next = this.#starts[line];
    return this.text.slice(start, next === undefined ? undefined : next - 1).replace(/\r$/, "");
  }

  get lineCount(): number {
    return this.#starts.length;
  }
}

export interface FrameOptions {
  /** Lines shown before the line of the caret. */
  before?: number;
  after?: number;
}

/**
 * A code frame: numbered lines around `offset` with a caret under it.
 *
 *    3 | CREATE TABLE users (
 *  > 4 |   id bigint PRIMARY KEY,,
 *      |                         ^
 */
export function codeFrame(
  text: string | LineIndex,
  offset: number,
  options: FrameOptions = {},
): string {
  const index = typeof text === "string" ? new LineIndex(text) : text;
  const { line, column } = index.locate(offset);
  const first = Math.max(1, line - (options.before ?? 2));
  const last = Math.min(index.lineCount, line + (options.after ?? 1));
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const raw = index.lineText(n);
    const { text: content, caret } = clip(raw, n === line ? column - 1 : 0);
    out.push(`${n === line ? ">" : " "} ${String(n).padStart(width)} | ${content}`);
    if (n === line) out.push(`  ${" ".repeat(width)} | ${" ".repeat(caret)}^`);
  }
  return out.join("\n");
}

/** Characters of a line shown in a frame; a longer line is cut around the caret. */
export const FRAME_LINE_WIDTH = 160;

/** A line for a frame (tabs as two spaces, cut to `FRAME_LINE_WIDTH`) and the caret's place in it. */
function clip(line: string, at: number): { text: string; caret: number } {
  const detab = (t: string) => t.replace(/\t/g, "  ");
  if (line.length <= FRAME_LINE_WIDTH)
    return { text: detab(line), caret: detab(line.slice(0, at)).length };
  const start = Math.max(0, Math.min(at - FRAME_LINE_WIDTH / 2, line.length - FRAME_LINE_WIDTH));
  const end = start + FRAME_LINE_WIDTH;
  const head = start > 0 ? "…" : "";
  const tail = end < line.length ? "…" : "";
  return {
    text: `${head}${detab(line.slice(start, end))}${tail}`,
    caret: head.length + detab(line.slice(start, at)).length,
  };
}
