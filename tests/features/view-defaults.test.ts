/** Which URLs get a view's precomputed defaults, and how they enter the query cache (src/app/view-defaults.ts). */
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { defaultStateView, isViewDefaults, seedViewDefaults, VIEW_DEFAULTS_VERSION } from '../../src/app/view-defaults.ts';

describe('view defaults', () => {
  it('are for a view in its default state only (view and language, nothing chosen)', () => {
    expect(defaultStateView('?view=compare')).toBe('compare');
    expect(defaultStateView('?view=data&lang=en')).toBe('data');
    expect(defaultStateView('?view=compare&year=2024')).toBeNull();
    expect(defaultStateView('?view=profile&focus=140224')).toBeNull();
    expect(defaultStateView('')).toBeNull(); // Trends: the landing snapshot
    expect(defaultStateView('?view=import')).toBeNull();
    expect(defaultStateView('?view=nonsense')).toBeNull();
  });

  it('accept only a file of this version made for the view asked', () => {
    const file = { version: VIEW_DEFAULTS_VERSION, view: 'compare', entries: [[['places'], []]] };
    expect(isViewDefaults(file, 'compare')).toBe(true);
    expect(isViewDefaults(file, 'data')).toBe(false);
    expect(isViewDefaults({ ...file, version: 0 }, 'compare')).toBe(false);
    expect(isViewDefaults({ ...file, entries: [['places', []]] }, 'compare')).toBe(false);
  });

  it('are seeded under their keys, never over an answer already there, and stale so DuckDB answers again', () => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
    client.setQueryData(['places'], ['from DuckDB']);
    seedViewDefaults(client, { version: VIEW_DEFAULTS_VERSION, view: 'compare', entries: [[['places'], ['precomputed']], [['indicators'], { n: 1 }]] });
    expect(client.getQueryData(['places'])).toEqual(['from DuckDB']);
    expect(client.getQueryData(['indicators'])).toEqual({ n: 1 });
    expect(client.getQueryState(['indicators'])?.isInvalidated).toBe(true);
    expect(client.getQueryState(['places'])?.isInvalidated).toBe(false);
  });
});
