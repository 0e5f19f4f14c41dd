import { AsyncLocalStorage } from "node:async_hooks";
import { PitstopError } from "../core/errors.js";

interface Hold {
  readonly mutex: Mutex;
  released: boolean;
}

/** The holds of the current async call chain, to tell re-entry (a deadlock) from contention. */
const holds = new AsyncLocalStorage<readonly Hold[]>();

/**
 * A FIFO promise mutex guarding one database connection. Calling `run` again
 * from inside `run` on the same mutex would wait for itself forever, so it
 * throws instead (code `DRIVER_REENTRANT`).
 *
 * @example
 * const mutex = new Mutex("postgres://app@db:5432/app");
 * const rows = await mutex.run(() => client.query("select 1"));
 */
export class Mutex {
  readonly #name: string;
  #tail: Promise<void> = Promise.resolve();

  constructor(name: string) {
    this.#name = name;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const current = holds.getStore() ?? [];
    if (current.some((hold) => hold.mutex === this && !hold.released)) {
      throw new PitstopError(
        "DRIVER_REENTRANT",
        `the connection to ${this.#name} is already held by this call chain: using the driver inside its own session() would wait forever`,
        {
          hint: "Inside driver.session(fn), run queries on the session fn receives, not on the driver.",
        },
      );
    }
    const previous = this.#tail;
    let unlock!: () => void;
    this.#tail = new Promise<void>((resolve) => {
      unlock = resolve;
    });
    await previous;
    const hold: Hold = { mutex: this, released: false };
    try {
      return await holds.run([...current, hold], fn);
    } finally {
      hold.released = true;
      unlock();
    }
  }
}
