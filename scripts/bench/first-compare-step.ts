/**
 * The first Compare step of `npm run bench`, alone, with the queries around it (issue 12): each round
 * opens every build given in a fresh Chromium, plays the bench's script (interactions.ts) up to its first
 * peer-group step, runs that step and prints its time, each `atlas:query` measure that ended after the
 * click (start and duration relative to it, rows, `focal` for the peer-group statements; a negative start is a query
 * already running when the reader clicked) and its setOption (start + duration). Before the `|`: the
 * peer-group statements that ran earlier in the page (when a statement first ran, and how long it took).
 * The builds alternate within each round, so they meet the same load.
 *
 * Usage: npx tsx scripts/bench/first-compare-step.ts --rounds N <dist> [<dist>…]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../e2e/prerequisites.ts';
import { startStaticServer } from '../e2e/static-server.ts';
import { CHROMIUM_ARGS } from './browser-run.ts';
import { readSample } from './dataset-sample.ts';
import { planInteractions, resetBetween, runInteraction } from './interactions.ts';

const { values, positionals } = parseArgs({ options: { rounds: { type: 'string' } }, allowPositionals: true });
const rounds = Number(values.rounds ?? 5);
if (positionals.length === 0 || !Number.isInteger(rounds) || rounds < 1) {
  console.error('usage: npx tsx scripts/bench/first-compare-step.ts --rounds N <dist> [<dist>…]');
  process.exit(2);
}
const steps = planInteractions(await readSample(join(positionals[0]!, 'data')));
const at = steps.findIndex((s) => s.kind === 'peer-group');
const servers = await Promise.all(positionals.map((root) => startStaticServer({ root, mounts: {} })));
try {
  for (let round = 1; round <= rounds; round += 1) {
    for (const [i, server] of servers.entries()) {
      const profile = mkdtempSync(join(tmpdir(), 'atlas-first-compare-'));
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS,
        viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
      });
      try {
        await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
        const page = context.pages()[0] ?? await context.newPage();
        await page.goto(server.url);
        await page.waitForFunction(() => performance.getEntriesByName('atlas:dataset-loaded').length > 0
          && performance.getEntriesByName('atlas:first-chart').length > 0, null, { timeout: 120_000 });
        await page.waitForTimeout(1500); // as the bench does: the landing chart's entry animation
        for (const step of steps.slice(0, at)) { await resetBetween(page, step); await runInteraction(page, step, 15_000); }
        await resetBetween(page, steps[at]!);
        const outcome = await runInteraction(page, steps[at]!, 15_000);
        const seen = await page.evaluate((t0) => {
          const line = (e: PerformanceMeasure) => {
            const detail = (e.detail ?? {}) as { sql?: string; rows?: number };
            return `${Math.round(e.startTime - t0)}+${Math.round(e.duration)} r${detail.rows ?? '?'}${(detail.sql ?? '').includes('focal') ? ' focal' : ''}`;
          };
          const queries = performance.getEntriesByName('atlas:query') as PerformanceMeasure[];
          const before = queries.filter((e) => e.startTime + e.duration < t0 && ((e.detail ?? {}) as { sql?: string }).sql?.includes('focal'));
          const after = queries.filter((e) => e.startTime + e.duration >= t0 && e.startTime < t0 + 2000);
          const setOption = (performance.getEntriesByName('atlas:set-option') as PerformanceMeasure[]).filter((e) => e.startTime >= t0);
          return { before: before.map(line), after: after.map(line), setOption: setOption.map((e) => `${Math.round(e.startTime - t0)}+${Math.round(e.duration)}`) };
        }, outcome.t0);
        console.log(`round ${round} ${positionals[i]}: ${outcome.ms?.toFixed(0) ?? 'missed'} ms; queries ${seen.before.join(', ')} | ${seen.after.join(', ')}; setOption ${seen.setOption.join(', ')}`);
      } finally {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
    }
  }
} finally {
  for (const server of servers) await server.close();
}
