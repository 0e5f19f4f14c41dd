export interface ScheduleOptions<T> {
  /** At most this many tasks at once in all. */
  readonly concurrency: number;
  /** At most this many at once with the same key (one server). */
  readonly perKey: number;
  readonly key: (item: T) => string;
  /** Runs one item; must not reject (a rejection ends the schedule with that error). */
  readonly run: (item: T) => Promise<void>;
  /** Checked before each start: true stops starting new items (running ones finish). */
  readonly stop?: () => boolean;
}

/**
 * Runs items with bounded concurrency, in order within each key and taking
 * keys in turn, so no key (server) ever has more than `perKey` running and a
 * slow server does not hold up the others. Resolves, once nothing runs, with
 * the items never started (after `stop()` said so).
 *
 * @example
 * const notStarted = await schedule(targets, {
 *   concurrency: 8, perKey: 4, key: (t) => t.server, run: migrateOne, stop: () => failures >= 3,
 * });
 */
export function schedule<T>(items: readonly T[], options: ScheduleOptions<T>): Promise<T[]> {
  const concurrency = Math.max(1, options.concurrency);
  const perKey = Math.max(1, options.perKey);
  // One queue a key, keys in the order they first appear.
  const queues = new Map<string, T[]>();
  for (const item of items) {
    const k = options.key(item);
    const q = queues.get(k);
    if (q) q.push(item);
    else queues.set(k, [item]);
  }
  const running = new Map<string, number>();
  let active = 0;
  let turn = 0;
  let stopped = false;
  return new Promise<T[]>((resolve, reject) => {
    const leftOver = () => [...queues.values()].flat();
    const pump = () => {
      if (!stopped && options.stop?.()) stopped = true;
      if (!stopped) startWhatFits();
      if (active === 0) resolve(leftOver());
    };
    const startWhatFits = () => {
      const keys = [...queues.keys()];
      let idle = 0;
      // Round robin over the keys with room, one item each pass.
      while (active < concurrency && keys.length > 0 && idle < keys.length) {
        const k = keys[turn++ % keys.length]!;
        const q = queues.get(k)!;
        if (q.length === 0 || (running.get(k) ?? 0) >= perKey) {
          idle++;
          continue;
        }
        idle = 0;
        const item = q.shift()!;
        if (q.length === 0) queues.delete(k);
        start(k, item);
        // A key whose queue emptied is gone: take the keys again.
        if (q.length === 0) return startWhatFits();
      }
    };
    const start = (k: string, item: T) => {
      active++;
      running.set(k, (running.get(k) ?? 0) + 1);
      options.run(item).then(
        () => {
          active--;
          running.set(k, running.get(k)! - 1);
          pump();
        },
        (error: unknown) => {
          stopped = true;
          reject(error);
        },
      );
    };
    pump();
  });
}
