import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryActivity } from '../../src/db/query-activity.ts';

/** A query that settles when the test says so. */
function pending<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

describe('query activity: when the views go quiet (the stored rows wait for it)', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  const clock = () => Date.now(); // faked by vitest with setTimeout

  it('waits for a first query to settle and then for the quiet period', async () => {
    const activity = createQueryActivity(clock);
    let quiet = false;
    void activity.whenQuiet({ quietMs: 300, maxMs: 10_000 }).then(() => { quiet = true; });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(quiet).toBe(false); // nothing asked yet: not quiet, only not started
    const query = pending<number>();
    const tracked = activity.track(() => query.promise);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(quiet).toBe(false); // in flight
    query.resolve(7);
    await expect(tracked).resolves.toBe(7);
    await vi.advanceTimersByTimeAsync(299);
    expect(quiet).toBe(false);
    await vi.advanceTimersByTimeAsync(2);
    expect(quiet).toBe(true);
  });

  it('a query sent during the quiet period restarts it', async () => {
    const activity = createQueryActivity(clock);
    await activity.track(async () => 1);
    let quiet = false;
    void activity.whenQuiet({ quietMs: 300, maxMs: 10_000 }).then(() => { quiet = true; });
    await vi.advanceTimersByTimeAsync(200);
    const second = pending<void>();
    const tracked = activity.track(() => second.promise);
    await vi.advanceTimersByTimeAsync(500);
    expect(quiet).toBe(false);
    second.resolve();
    await tracked;
    await vi.advanceTimersByTimeAsync(250);
    expect(quiet).toBe(false);
    await vi.advanceTimersByTimeAsync(60);
    expect(quiet).toBe(true);
  });

  it('a failed query counts as settled, and its error reaches the caller', async () => {
    const activity = createQueryActivity(clock);
    let quiet = false;
    void activity.whenQuiet({ quietMs: 100, maxMs: 10_000 }).then(() => { quiet = true; });
    await expect(activity.track(() => Promise.reject(new Error('bad SQL')))).rejects.toThrow('bad SQL');
    await vi.advanceTimersByTimeAsync(101);
    expect(quiet).toBe(true);
  });

  it('gives up waiting after maxMs even while queries keep coming', async () => {
    const activity = createQueryActivity(clock);
    let quiet = false;
    void activity.whenQuiet({ quietMs: 300, maxMs: 5_000 }).then(() => { quiet = true; });
    const never = pending<void>();
    void activity.track(() => never.promise);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(quiet).toBe(false);
    await vi.advanceTimersByTimeAsync(2);
    expect(quiet).toBe(true);
  });
});
