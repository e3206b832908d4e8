/**
 * public/first-paint-guard.js (plain JS, run before the body is parsed) must hide the prerendered page
 * for exactly the URLs that isPrerenderedState (TypeScript, used by main.tsx) says were not prerendered.
 */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { isPrerenderedState } from '../../src/features/trends/landing-snapshot.ts';

const GUARD = readFileSync(new URL('../../public/first-paint-guard.js', import.meta.url), 'utf8');

/** Runs the guard for a search string; true when it left the prerender shown. */
function guardShows(search: string): boolean {
  const attributes = new Map<string, string>();
  const documentElement = { setAttribute: (name: string, value: string) => attributes.set(name, value) };
  runInNewContext(GUARD, { window: { location: { search } }, document: { documentElement }, URLSearchParams });
  return attributes.get('data-prerender') !== 'off';
}

const SEARCHES = [
  '', '?', '?view=trends', '?lang=zh', '?view=trends&lang=zh', '?lang=en', '?view=trends&lang=en', '?view=compare',
  '?view=profile&focus=140224', '?view=coverage', '?view=data', '?view=import', '?indicator=mediation.success_rate',
  '?regions=140224', '?partyear=true', '?obs=abc', '?year=2024', '?lang=fr', '?view=unknown', '?view=trends&indicator=x&lang=en',
];

describe('first-paint-guard.js', () => {
  it.each(SEARCHES)('agrees with isPrerenderedState for "%s"', (search) => {
    expect(guardShows(search)).toBe(isPrerenderedState(search));
  });

  it('shows the prerender on the landing URL and hides it for English and for another view', () => {
    expect([guardShows(''), guardShows('?lang=en'), guardShows('?view=compare')]).toEqual([true, false, false]);
  });
});
