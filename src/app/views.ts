/**
 * The views, each its own chunk: the first paint loads only the one in the URL. A view can be
 * preloaded (`preloadView`): once its module is in, the shell renders it directly, without a Suspense
 * fallback. The landing view is preloaded before the first render when the page was prerendered
 * (main.tsx, src/app/prerender.tsx), so React's first commit draws the view in place of the
 * prerendered HTML instead of a "loading" line.
 */
import { lazy, type ComponentType } from 'react';
import type { View } from '../features/shared/app-state/app-state.ts';

const LOADERS: Record<View, () => Promise<{ default: ComponentType }>> = {
  trends: () => import('../features/trends/TrendsView.tsx'),
  compare: () => import('../features/compare/CompareView.tsx'),
  profile: () => import('../features/profile/ProfileView.tsx'),
  coverage: () => import('../features/coverage/CoverageView.tsx'),
  data: () => import('../features/data/DataView.tsx'),
  import: () => import('../features/import/ImportView.tsx'),
  about: () => import('../features/about/AboutView.tsx'),
};

const LAZY: Record<View, ComponentType> = {
  trends: lazy(LOADERS.trends), compare: lazy(LOADERS.compare), profile: lazy(LOADERS.profile),
  coverage: lazy(LOADERS.coverage), data: lazy(LOADERS.data), import: lazy(LOADERS.import), about: lazy(LOADERS.about),
};
const loaded = new Map<View, ComponentType>();

/** Loads a view's module now; the shell then renders it without suspending. */
export async function preloadView(view: View): Promise<void> {
  loaded.set(view, (await LOADERS[view]()).default);
}

/** The component of a view: the module itself once preloaded, else a lazy one (rendered under Suspense). */
export const viewComponent = (view: View): ComponentType => loaded.get(view) ?? LAZY[view];
