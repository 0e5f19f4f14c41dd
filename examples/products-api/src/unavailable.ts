/** Socket errors that mean the database server could not be reached. */
const NETWORK = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
]);
/** SQLSTATEs of a server that is going away, starting up or full. */
const SERVER_STATES = new Set(["57P01", "57P02", "57P03", "53300"]);
/** node-postgres's own words for a connection it lost or never got. */
const POOL_MESSAGES = /^(timeout exceeded when trying to connect|Connection terminated)/;

/**
 * Whether an error means the database cannot be reached just now (the request may be retried),
 * as opposed to a bug or the client's mistake: the API answers 503 with Retry-After.
 *
 * @example
 * isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })) // => true
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error === null || typeof error !== "object") return false;
  const { code, message, errors } = error as {
    code?: unknown;
    message?: unknown;
    errors?: unknown;
  };
  if (typeof code === "string") {
    if (NETWORK.has(code) || SERVER_STATES.has(code) || code.startsWith("08")) return true;
  }
  if (typeof message === "string" && POOL_MESSAGES.test(message)) return true;
  return Array.isArray(errors) && errors.length > 0 && errors.every(isDatabaseUnavailable);
}
