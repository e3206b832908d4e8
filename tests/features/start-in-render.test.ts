/**
 * useStartInRender (src/features/shared/data/start-in-render.ts): a query starts while its component
 * renders — rendered here on the server, where useQuery itself never fetches, so only the hook can
 * have started it — once, and only when enabled and nothing is cached for it.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { useStartInRender } from '../../src/features/shared/data/start-in-render.ts';

function renderWith(client: QueryClient, queryFn: () => Promise<string>, enabled: boolean, key = 'k'): void {
  function Reader() {
    useStartInRender({ queryKey: ['start-in-render', key], queryFn, staleTime: Infinity }, enabled);
    return null;
  }
  renderToString(createElement(QueryClientProvider, { client }, createElement(Reader)));
}

describe('useStartInRender', () => {
  it('starts the query during render, once however often the component renders', async () => {
    const client = new QueryClient();
    let calls = 0;
    const queryFn = async () => { calls += 1; return 'rows'; };
    renderWith(client, queryFn, true);
    expect(calls).toBe(1);
    renderWith(client, queryFn, true); // in flight or answered: left alone
    await client.getQueryCache().find({ queryKey: ['start-in-render', 'k'] })!.promise;
    renderWith(client, queryFn, true);
    expect(calls).toBe(1);
    expect(client.getQueryData(['start-in-render', 'k'])).toBe('rows');
  });

  it('starts nothing when not enabled, or when the entry is already cached', () => {
    const client = new QueryClient();
    let calls = 0;
    const queryFn = async () => { calls += 1; return 'rows'; };
    renderWith(client, queryFn, false);
    expect(client.getQueryState(['start-in-render', 'k'])).toBeUndefined();
    client.setQueryData(['start-in-render', 'cached'], 'already');
    renderWith(client, queryFn, true, 'cached');
    expect(calls).toBe(0);
  });

  it('leaves a failed query to the reader that asks for it (no rejection escapes the render)', async () => {
    const client = new QueryClient();
    renderWith(client, async () => { throw new Error('DuckDB: no such table'); }, true, 'failing');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(client.getQueryState(['start-in-render', 'failing'])?.status).toBe('error');
  });
});
