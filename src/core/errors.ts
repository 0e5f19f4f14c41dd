/** Where in a user's file something went wrong (1-based line and column). */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface PitstopErrorOptions {
  hint?: string;
  location?: SourceLocation;
  /** A code frame: the offending lines with a caret under the column. */
  frame?: string;
  cause?: unknown;
  /** Process exit code the CLI uses for this error (default 1). */
  exitCode?: number;
}

/**
 * Every error a user can cause. `code` is stable (for `--json` and scripts),
 * the message is one line, `hint` says what to do about it.
 */
export class PitstopError extends Error {
  readonly code: string;
  readonly hint: string | undefined;
  readonly location: SourceLocation | undefined;
  readonly frame: string | undefined;
  readonly exitCode: number;

  constructor(code: string, message: string, options: PitstopErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "PitstopError";
    this.code = code;
    this.hint = options.hint;
    this.location = options.location;
    this.frame = options.frame;
    this.exitCode = options.exitCode ?? 1;
  }

  toJSON(): Record<string, unknown> {
    return {
      code: this.code,
      message: this.message,
      hint: this.hint,
      location: this.location,
    };
  }
}

/**
 * Any error as a PitstopError: a server error (one with a SQLSTATE `code`)
 * becomes `DATABASE` and keeps its SQLSTATE in the message; anything else
 * is `INTERNAL`.
 */
export function asPitstopError(error: unknown): PitstopError {
  if (error instanceof PitstopError) return error;
  const fsError = fileSystemError(error);
  if (fsError) return fsError;
  const message = error instanceof Error ? error.message : String(error);
  const sqlstate = (error as { code?: unknown } | null)?.code;
  if (typeof sqlstate === "string" && /^[0-9A-Z]{5}$/.test(sqlstate)) {
    return new PitstopError("DATABASE", `${message} (SQLSTATE ${sqlstate})`, {
      cause: error,
      ...(sqlstate === "40P01"
        ? { hint: "Another session held a lock this needed at the same time; run it again." }
        : {}),
    });
  }
  return new PitstopError("INTERNAL", message, { cause: error });
}

const FILE_PROBLEMS: Record<string, [what: string, hint: string]> = {
  ENOENT: [
    "no such file or folder (or the folder it would be in does not exist)",
    "Check the path: create the folder first for a file pitstop writes; a symbolic link may point nowhere.",
  ],
  EACCES: [
    "permission denied",
    "Give the user running pitstop read (and for output, write) access to it.",
  ],
  EPERM: ["operation not permitted", "Give the user running pitstop access to it."],
  EISDIR: ["is a folder, where a file was expected", "Point at a file, or move the folder away."],
  ENOTDIR: ["a part of the path is a file, where a folder was expected", "Point at a folder."],
  ENAMETOOLONG: ["the name is too long for the file system", "Use a shorter name."],
  ELOOP: ["symbolic links loop", "Fix the symbolic link."],
  EEXIST: ["already exists", "Remove it, or choose another name."],
  ENOSPC: ["no space left on the device", "Free some disk space."],
  EROFS: ["the file system is read-only", "Write somewhere else."],
};

/**
 * A Node file-system error (ENOENT, EACCES, EISDIR...) as one line naming the
 * path and what to do; `undefined` for anything else.
 *
 * @example
 * fileSystemError(Object.assign(new Error("x"), { code: "ENOENT", path: "out/a.sql" }))?.message
 * // "out/a.sql: does not exist"
 */
export function fileSystemError(error: unknown): PitstopError | undefined {
  const e = error as { code?: unknown; path?: unknown; dest?: unknown } | null;
  if (typeof e?.code !== "string" || typeof e.path !== "string") return undefined;
  const problem = FILE_PROBLEMS[e.code];
  if (!problem) return undefined;
  const path = e.code === "EEXIST" && typeof e.dest === "string" ? e.dest : e.path;
  return new PitstopError("FILE", `${path}: ${problem[0]}`, { hint: problem[1], cause: error });
}

/** Bad flags, config or arguments: exit code 2. */
export class UsageError extends PitstopError {
  constructor(message: string, options: Omit<PitstopErrorOptions, "exitCode"> = {}) {
    super("USAGE", message, { ...options, exitCode: 2 });
    this.name = "UsageError";
  }
}

export function formatLocation(loc: SourceLocation): string {
  return `${loc.file}:${loc.line}:${loc.column}`;
}
