/** The idle prefetch queue: one step at a time, in order, follow-up steps next, a new plan replacing the pending one. */
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { schedulePrefetch } from '../../src/features/shared/data/idle-prefetch.ts';

/** Without requestIdleCallback (Node) each step waits 30 ms: long enough for every plan below. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 600));

describe('schedulePrefetch', () => {
  it('runs steps one at a time in order, a step\'s follow-ups before the next step, into the query cache', async () => {
    const client = new QueryClient();
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const step = (name: string, follow: string[] = []) => async () => {
      running += 1;
      most = Math.max(most, running);
      log.push(name);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      return follow.map((f) => step(f));
    };
    schedulePrefetch(client, [step('a', ['a1', 'a2']), { queryKey: ['k'], queryFn: async () => { log.push('query k'); return 42; } }, step('b')]);
    await settle();
    expect(log).toEqual(['a', 'a1', 'a2', 'query k', 'b']);
    expect(most).toBe(1); // never two at once
    expect(client.getQueryData(['k'])).toBe(42);
  });

  it('drops the pending steps of a plan a newer one replaces, and survives a failing step', async () => {
    const client = new QueryClient();
    const log: string[] = [];
    const step = (name: string, fail = false) => async () => { log.push(name); await new Promise((resolve) => setTimeout(resolve, 20)); if (fail) throw new Error(name); };
    schedulePrefetch(client, [step('old 1'), step('old 2'), step('old 3')]);
    await new Promise((resolve) => setTimeout(resolve, 35)); // old 1 is running
    schedulePrefetch(client, [step('new 1', true), step('new 2')]);
    await settle();
    expect(log[0]).toBe('old 1');
    expect(log.slice(-2)).toEqual(['new 1', 'new 2']);
    expect(log).not.toContain('old 3');
  });

  it('stops a plan when its cancel function is called', async () => {
    const client = new QueryClient();
    const log: string[] = [];
    const cancel = schedulePrefetch(client, [async () => { log.push('1'); }, async () => { log.push('2'); }]);
    cancel();
    await settle();
    expect(log).toEqual([]);
  });

  it('waits while a view\'s own query is running', async () => {
    const client = new QueryClient();
    const log: string[] = [];
    let release!: () => void;
    void client.fetchQuery({ queryKey: ['reader'], queryFn: () => new Promise((resolve) => { release = () => { log.push('reader done'); resolve(1); }; }) });
    schedulePrefetch(client, [async () => { log.push('prefetch'); }]);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(log).toEqual([]);
    release();
    await settle();
    expect(log).toEqual(['reader done', 'prefetch']);
  });
});
