/**
 * The views' queries in flight on their DuckDB connection, and a wait for the moment they go quiet.
 *
 * Why: duckdb-wasm runs every statement of every connection one after another in its one worker, so
 * a statement that takes seconds (the Arrow insert of a million stored rows) holds back every view
 * query sent after it. Start-up therefore sends the stored rows' load only once the views' first
 * queries are answered (wasm-db.ts): the dashboard answers from the shipped data first, and says
 * that the user's rows are still loading (src/app/StoredRowsStatus.tsx).
 */

export interface QueryActivity {
  /** Wraps one query: counted in flight until it settles (answered or failed). */
  track<T>(run: () => Promise<T>): Promise<T>;
  /**
   * Resolves once at least one query has settled and none has been in flight for `quietMs`, or
   * `maxMs` after the call whatever happens (a page that asks nothing must not wait for ever).
   */
  whenQuiet(options: { quietMs: number; maxMs: number }): Promise<void>;
}

/** `now` and the timer are injectable so the tests can drive the clock (vitest's fake timers). */
export function createQueryActivity(now: () => number = () => performance.now()): QueryActivity {
  let inFlight = 0;
  let settled = 0;
  let lastSettled = -Infinity;
  const waiters = new Set<() => void>();
  const poke = (): void => { for (const check of [...waiters]) check(); };

  return {
    async track<T>(run: () => Promise<T>): Promise<T> {
      inFlight += 1;
      try {
        return await run();
      } finally {
        inFlight -= 1;
        settled += 1;
        lastSettled = now();
        poke();
      }
    },
    whenQuiet({ quietMs, maxMs }) {
      const deadline = now() + maxMs;
      return new Promise<void>((resolve) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const done = (): void => {
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        // Re-checked when a query settles and on a timer: quiet is the absence of events, so only a timer can see it.
        function check(): void {
          const t = now();
          if (t >= deadline) return done();
          if (settled > 0 && inFlight === 0 && t - lastSettled >= quietMs) return done();
          clearTimeout(timer);
          const quietAt = settled > 0 && inFlight === 0 ? lastSettled + quietMs : deadline;
          timer = setTimeout(check, Math.max(0, Math.min(quietAt, deadline) - t));
        }
        waiters.add(check);
        check();
      });
    },
  };
}
