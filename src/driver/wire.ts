import type { Socket } from "node:net";
import { deserialize, serialize } from "node:v8";

/**
 * Messages over a local socket: a 4-byte length, then the value as V8
 * serializes it (the structured-clone types: Date, BigInt, typed arrays,
 * Map and Set survive, which JSON would flatten). Both ends are this build of
 * pitstop, so the format never crosses versions.
 *
 * @example
 * readFrames(socket, (message) => console.log(message));
 * writeFrame(socket, { id: 1, op: "query", sql: "select 1" });
 */
export function writeFrame(socket: Socket, message: unknown): boolean {
  const body = serialize(message);
  const head = Buffer.allocUnsafe(4);
  head.writeUInt32BE(body.length, 0);
  return socket.write(Buffer.concat([head, body]));
}

/** Calls `onMessage` for each whole frame received; `onBad` once if a frame does not decode. */
export function readFrames(
  socket: Socket,
  onMessage: (message: unknown) => void,
  onBad: (error: Error) => void = () => socket.destroy(),
): void {
  let buffered: Buffer = Buffer.alloc(0);
  socket.on("data", (chunk: Buffer) => {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    while (buffered.length >= 4) {
      const size = buffered.readUInt32BE(0);
      if (buffered.length < 4 + size) break;
      const body = buffered.subarray(4, 4 + size);
      buffered = buffered.subarray(4 + size);
      let message: unknown;
      try {
        message = deserialize(body);
      } catch (error) {
        onBad(error as Error);
        return;
      }
      onMessage(message);
    }
  });
}
