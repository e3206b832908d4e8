/**
 * The Content-Security-Policy of the production build (scripts/vite/csp-plugin.ts, docs/SECURITY.md)
 * in a real browser: sent as a header and as a meta element; every view, DuckDB (worker + wasm),
 * the chart exports (PNG through canvas and Blob, SVG, CSV download) and workers work under it with
 * zero `securitypolicyviolation` events; and what it is there to stop is stopped and observable:
 * an injected inline script, an inline event handler, a worker from a data: URL, a remote image.
 * (The positive worker check runs from DevTools-evaluated code; the data: worker being refused from the
 * same place shows such code is held to worker-src.)
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../scripts/vite/csp-plugin.ts';
import { HOOK, VIEWS, appUrl, sessionPerFile, waitForChart, waitForView } from './support.ts';

interface Violation { directive: string; blocked: string; sample: string }
declare global {
  interface Window { __cspViolations?: Violation[]; __xss?: unknown }
}

// One page for the file (support.ts `warm`): loaded once from the server (the policy's header and meta
// element, DuckDB's worker and wasm under it), then moved from view to view by URL, as back/forward
// does. Violations gather over the page's whole life, so each case sees none since the load.
const files = sessionPerFile();

beforeAll(async () => {
  // Installed before any page script runs (init scripts are not subject to the page's CSP).
  await files.current.context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations!.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample });
    });
  });
});

const violations = (page: Page): Promise<Violation[]> => page.evaluate(() => window.__cspViolations ?? []);

describe('the production policy', () => {
  it('is sent as a header (with frame-ancestors) and written into index.html as a meta element (without it)', async () => {
    const session = files.current;
    const loaded = session.context.waitForEvent('response', (r) => r.request().resourceType() === 'document' && r.url() === appUrl(session.base));
    const page = await files.warm({}, { cold: true });
    const response = await loaded;
    expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY);
    expect(meta).not.toContain('frame-ancestors');
    for (const policy of [CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY]) {
      expect(policy).not.toMatch(/https?:|\*|'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
    }
    await waitForView(page, 'trends', { content: true });
  });

  it('lets every view load its data and draw, with no violation', async () => {
    for (const view of VIEWS) {
      const page = await files.warm({ view: view === 'trends' ? undefined : view });
      const root = await waitForView(page, view, { content: true });
      if (await root.locator(HOOK.chart).count()) await waitForChart(root);
      expect(await violations(page), view).toEqual([]);
    }
    // The My-data view (我的数据): its import workers start on first use; tests/e2e/bad-inputs.e2e.ts counts violations during imports.
    const page = await files.warm({ view: 'import' });
    await page.locator('[data-testid="view-import"]').waitFor({ state: 'visible', timeout: 30_000 });
    expect(await violations(page), 'import').toEqual([]);
  }, 150_000);

  it('lets the exports run: PNG (canvas → data: URL → Blob), SVG and CSV downloads, with no violation', async () => {
    const page = await files.warm({ indicator: 'mediation.success_rate', regions: ['140224', '140223'] });
    const root = await waitForView(page, 'trends', { content: true });
    await waitForChart(root);
    for (const hook of [HOOK.exportPng, HOOK.exportSvg, HOOK.exportCsv]) {
      const button = root.locator(hook).first();
      await expect.poll(() => button.isEnabled(), { message: `${hook} enabled` }).toBe(true);
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      expect(await download.failure(), hook).toBeNull();
    }
    expect(await violations(page)).toEqual([]);
  });

  it('lets same-origin and blob: workers start (module workers bundled by Vite are same-origin files)', async () => {
    const page = await files.warm();
    const echoed = await page.evaluate(async () => {
      const script = 'onmessage = (e) => postMessage(e.data + 1)';
      const ask = (worker: Worker) => new Promise<number>((done, fail) => {
        worker.onmessage = (e) => { done(e.data as number); worker.terminate(); };
        worker.onerror = (e) => fail(new Error(e.message));
        worker.postMessage(41);
      });
      const blob = URL.createObjectURL(new Blob([script], { type: 'text/javascript' }));
      return [await ask(new Worker(blob)), await ask(new Worker(blob, { type: 'module' }))];
    });
    expect(echoed).toEqual([42, 42]);
    expect(await violations(page)).toEqual([]);
  });
});

describe('what the policy stops', () => {
  it('blocks an injected inline script, an inline handler, a data: worker and a remote image, and reports each', async () => {
    const session = files.current;
    const page = await files.warm();
    await waitForView(page, 'trends');
    const outcome = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__xss = "inline script"';
      document.body.append(script);
      const holder = document.createElement('div');
      holder.innerHTML = '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onerror="window.__xss=\'handler\'" onload="window.__xss=\'handler\'">';
      document.body.append(holder);
      // (eval cannot be tried from here: DevTools-evaluated code is exempt from the page's eval rules. The policy has no 'unsafe-eval', checked above.)
      let dataWorker = 'started';
      try {
        const worker = new Worker('data:text/javascript,postMessage(1)');
        worker.onmessage = () => { dataWorker = 'ran'; };
      } catch { dataWorker = 'refused'; }
      const remote = new Image();
      remote.src = 'http://example.invalid/pixel.png';
      await new Promise((done) => setTimeout(done, 500));
      holder.remove();
      script.remove();
      return { xss: window.__xss ?? null, dataWorkerRan: dataWorker === 'ran' };
    });
    expect(outcome).toEqual({ xss: null, dataWorkerRan: false });
    const seen = await violations(page);
    const directives = seen.map((v) => v.directive);
    expect(directives).toContain('script-src-elem');
    expect(directives).toContain('script-src-attr');
    expect(directives).toContain('worker-src');
    expect(seen.some((v) => v.directive === 'img-src' && v.blocked.startsWith('http://example.invalid'))).toBe(true);
    // Each is reported twice: once under the header policy, once under the meta one.
    expect(seen.filter((v) => v.directive === 'worker-src')).toHaveLength(2);
    // The harness lists the remote image as a foreign request (CDP announces it before CSP refuses it) and
    // the refusals as console errors: the test's own doing, cleared here. Nothing else was attempted.
    expect(session.foreign.filter((url) => url !== 'http://example.invalid/pixel.png')).toEqual([]);
    session.foreign.length = 0;
    session.errors.length = 0;
  });
});
