/** The benchmark's statistics and its interaction script on the shipped dataset. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSample } from './dataset-sample.ts';
import { planInteractions } from './interactions.ts';
import { latencyStats, median, quantile } from './report.ts';

describe('quantile and median', () => {
  it('interpolate between closest ranks and ignore missing values', () => {
    expect(quantile([10, 20, 30, 40], 0.5)).toBe(25);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21], 0.95)).toBe(20);
    expect(quantile([], 0.5)).toBeNull();
    expect(median([3, null, 1, 2])).toBe(2);
    expect(latencyStats([
      { kind: 'year', label: 'a', ms: 5, dataBytes: 1000, partitions: 2 },
      { kind: 'year', label: 'b', ms: null, dataBytes: 0, partitions: 0 },
      { kind: 'year', label: 'c', ms: 7, dataBytes: 3000, partitions: 4 },
    ])).toEqual({ n: 2, missed: 1, p50: 6, p95: 6.9, max: 7, bytesP50: 1000, bytesMax: 3000 });
  });
});

describe('planInteractions on the shipped dataset', () => {
  it('plays at least 30 interactions of every kind, with ids from the data', async () => {
    const sample = await readSample(join(import.meta.dirname, '..', '..', 'public', 'data'));
    const steps = planInteractions(sample);
    expect(steps.length).toBeGreaterThanOrEqual(30);
    expect(new Set(steps.map((s) => s.kind))).toEqual(new Set(['indicator', 'add-region', 'remove-region', 'source-panel', 'peer-group', 'year', 'profile']));
    const obsIds = new Set(sample.map((o) => o.obs_id));
    for (const step of steps.filter((s) => s.kind === 'source-panel')) expect(obsIds.has(new URLSearchParams(step.search).get('obs')!)).toBe(true);
    const indicators = new Set(sample.map((o) => o.indicator_id));
    for (const step of steps) {
      const indicator = new URLSearchParams(step.search).get('indicator');
      if (indicator) expect(indicators.has(indicator)).toBe(true);
    }
  });
});
