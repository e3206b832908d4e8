/** The test runner pins the time zone (vite.config.ts TEST_TZ): a date's local parts are the same on every machine. */
import { describe, expect, it } from 'vitest';
import { TEST_TZ } from '../../vite.config.ts';

describe('the tests\' time zone', () => {
  it('is the pinned one, in the zone and in local date arithmetic', () => {
    expect(TEST_TZ).toBe('Asia/Shanghai');
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(TEST_TZ);
    // 2024-12-31 20:00 UTC is already 2025-01-01 04:00 in Shanghai (UTC+8, no daylight saving).
    const date = new Date('2024-12-31T20:00:00Z');
    expect([date.getFullYear(), date.getMonth() + 1, date.getDate(), date.getHours()]).toEqual([2025, 1, 1, 4]);
  });
});
