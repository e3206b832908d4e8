/**
 * The other views' code, loaded while the reader looks at the first one (issue 12): the first visit
 * to Compare or Profile waited ≈ 300 ms for its chunks (59 KB and 40 KB) before its first query
 * could start — the whole tail of "change the peer group" and "open a profile" on a quiet machine.
 * Started once the dataset is in (the start-up's own work comes first), one view per idle period, so
 * a reader's click is never queued behind more than one module. Once a view's module is in, the shell
 * renders it without a Suspense fallback (views.ts).
 */
import type { View } from '../features/shared/app-state/app-state.ts';
import { preloadView } from './views.ts';

/** The views a reader reaches from the others, most likely first; Import and About load on their own. */
export const PRELOADED_VIEWS: readonly View[] = ['compare', 'profile', 'coverage', 'data'];

const idle = (): Promise<void> => new Promise((resolve) => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 2000 });
  else setTimeout(resolve, 50);
});

let started = false;

/** Loads the views' modules one per idle period, after `ready`; runs once per page. */
export function preloadViewsWhenIdle(ready: Promise<unknown>, views: readonly View[] = PRELOADED_VIEWS): void {
  if (started) return;
  started = true;
  void ready.then(async () => {
    for (const view of views) {
      await idle();
      // A chunk that fails to load is loaded again (and its error shown) when the reader opens the view.
      await preloadView(view).catch(() => undefined);
    }
  }, () => undefined);
}
