import { describe, expect, it } from 'vitest';
import { createStoredRowsTracker, type StoredRowsStatus } from '../../src/db/stored-rows-status.ts';

describe('stored rows status: what the page says about the rows still loading', () => {
  it('listing → loading N rows → in, each change heard once', () => {
    const tracker = createStoredRowsTracker(true);
    const heard: StoredRowsStatus[] = [];
    tracker.subscribe((s) => heard.push(s));
    expect(tracker.current()).toEqual({ stage: 'listing', rows: 0 });
    tracker.counted(1_000_000);
    tracker.counted(1_000_000);
    tracker.loaded();
    expect(heard).toEqual([{ stage: 'loading', rows: 1_000_000 }, { stage: 'in', rows: 1_000_000 }]);
  });

  it('no stored rows: complete at once, never loading', () => {
    const tracker = createStoredRowsTracker(true);
    tracker.counted(0);
    expect(tracker.current()).toEqual({ stage: 'in', rows: 0 });
    expect(createStoredRowsTracker(false).current().stage).toBe('in');
  });

  it('never moves back: a count heard after the load does not reopen it', () => {
    const tracker = createStoredRowsTracker(true);
    tracker.loaded();
    tracker.counted(12);
    expect(tracker.current()).toEqual({ stage: 'in', rows: 12 });
  });

  it('DuckDB failing ends the wait, and nothing after it says the rows are in', () => {
    const tracker = createStoredRowsTracker(true);
    tracker.counted(5);
    tracker.failed();
    tracker.loaded();
    expect(tracker.current()).toEqual({ stage: 'failed', rows: 5 });
  });

  it('an unsubscribed listener hears nothing more', () => {
    const tracker = createStoredRowsTracker(true);
    const heard: string[] = [];
    const stop = tracker.subscribe((s) => heard.push(s.stage));
    tracker.counted(3);
    stop();
    tracker.loaded();
    expect(heard).toEqual(['loading']);
  });
});
