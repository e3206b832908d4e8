/**
 * A view's default content before DuckDB is ready (issue 12): when the page opens on a view in its
 * default state (`?view=<view>`, nothing chosen), the view's defaults file (`<data>/views/<view>.json`,
 * captured at build time by capture-view-defaults.tsx with the view's own queries) is fetched and its
 * answers are put into the query cache under the view's own keys. They are marked stale, so the view
 * asks DuckDB again once it is up (the same rows, plus the researcher's own if any) and shows what it
 * answers. Another dataset served in place of the build's has no such files (404): nothing is seeded.
 */
import type { QueryClient } from '@tanstack/react-query';
import { dataBaseUrl } from '../db/data-url.ts';
import { VIEWS, type View } from '../features/shared/app-state/app-state.ts';

export const VIEW_DEFAULTS_VERSION = 1;
/** The views that have a defaults file (Trends has the landing snapshot; My data reads only the browser's store). */
export const VIEWS_WITH_DEFAULTS = ['compare', 'profile', 'coverage', 'data'] as const satisfies readonly View[];
/** The file of a view's defaults, relative to the data folder. */
export const viewDefaultsFile = (view: View): string => `views/${view}.json`;

export interface ViewDefaults {
  version: typeof VIEW_DEFAULTS_VERSION;
  view: View;
  /** Query key and answer, as the view's queries key them. */
  entries: Array<[readonly unknown[], unknown]>;
}

export function isViewDefaults(value: unknown, view: View): value is ViewDefaults {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.version === VIEW_DEFAULTS_VERSION && v.view === view && Array.isArray(v.entries)
    && v.entries.every((e) => Array.isArray(e) && e.length === 2 && Array.isArray(e[0]));
}

/** The view whose default state a URL search string is (only `view` and `lang` set), or null. */
export function defaultStateView(search: string): (typeof VIEWS_WITH_DEFAULTS)[number] | null {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  if ([...params.keys()].some((key) => key !== 'view' && key !== 'lang')) return null;
  return (VIEWS_WITH_DEFAULTS as readonly string[]).includes(view ?? '') && (VIEWS as readonly string[]).includes(view ?? '')
    ? view as (typeof VIEWS_WITH_DEFAULTS)[number] : null;
}

/** Puts defaults into the cache (never over an answer already there), stale so that DuckDB answers again. */
export function seedViewDefaults(client: QueryClient, defaults: ViewDefaults): void {
  for (const [key, data] of defaults.entries) {
    if (client.getQueryData(key) !== undefined) continue;
    client.setQueryData(key, data);
    void client.invalidateQueries({ queryKey: key, exact: true, refetchType: 'none' });
  }
}

/** Fetches and seeds the defaults of the view the URL opens on, if it is in its default state; resolves true when seeded. */
export async function loadViewDefaults(client: QueryClient, search: string): Promise<boolean> {
  const view = defaultStateView(search);
  if (!view) return false;
  try {
    const response = await fetch(`${dataBaseUrl()}${viewDefaultsFile(view)}`);
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return false;
    const defaults: unknown = await response.json();
    if (!isViewDefaults(defaults, view)) return false;
    seedViewDefaults(client, defaults);
    return true;
  } catch {
    return false; // no defaults: the view waits for DuckDB, as it would anyway
  }
}
