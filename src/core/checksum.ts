import { nodeCrypto } from "./node-crypto.js";

/** Line endings normalized so that a checkout with CRLF has the same checksum. */
export function normalizeForChecksum(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/**
 * sha256 hex of normalized text.
 *
 * @example checksum("SELECT 1;\r\n") === checksum("SELECT 1;\n") // true
 */
export function checksum(text: string): string {
  return nodeCrypto().createHash("sha256").update(normalizeForChecksum(text)).digest("hex");
}

/** First 12 hex digits: enough to tell two checksums apart in a message. */
export function shortChecksum(sum: string): string {
  return sum.slice(0, 12);
}
