/**
 * Rewrites the stored datasets it is given from an older layout into the current one
 * (rewrite-stored.ts), off the page: decoding a large CSV blob and encoding it again would hold the
 * main thread for seconds. One message in (`{ ids }`), one answer per dataset.
 */
import { createIndexedDbStore } from './store.ts';
import { rewriteInCurrentLayout, type RewriteOutcome } from './rewrite-stored.ts';

export type RewriteRequest = { ids: string[] };
export type RewriteResponse = { id: string; outcome: RewriteOutcome } | { id: string; failed: string } | { done: true };

self.onmessage = async (event: MessageEvent<RewriteRequest>) => {
  const store = createIndexedDbStore();
  for (const id of event.data.ids) {
    try {
      self.postMessage({ id, outcome: await rewriteInCurrentLayout(store, id) } satisfies RewriteResponse);
    } catch (error) {
      self.postMessage({ id, failed: error instanceof Error ? error.message : String(error) } satisfies RewriteResponse);
    }
  }
  self.postMessage({ done: true } satisfies RewriteResponse);
};
