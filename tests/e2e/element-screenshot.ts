/**
 * An element's screenshot (an artifact to look at) whose failure says why it failed. Playwright waits
 * for the element to be stable first: the same box in two consecutive animation frames. When that wait
 * times out its call log reads "waiting for element to be stable" both when the element kept moving
 * (then it also logs "element is not stable" and retries) and when the page drew no animation frame at
 * all (it logs nothing more). `import-report-batch` failed once on a fresh clone with the second log
 * (2026-12-06): this helper then reads the page itself, so the next failure names which it was.
 */
import type { Locator } from 'playwright-core';

/** How long the diagnosis watches the page after a failed screenshot. */
const WATCH_MS = 2000;

/** `locator.screenshot({ path, timeout })`; a timeout's error adds what the page did meanwhile. */
export async function screenshotElement(locator: Locator, path: string, timeout?: number): Promise<Buffer> {
  try {
    return await locator.screenshot({ path, timeout });
  } catch (error) {
    if (!(error instanceof Error) || !error.message.includes('Timeout')) throw error;
    throw new Error(`${error.message}\n${await diagnose(locator)}`, { cause: error });
  }
}

/** Animation frames drawn and the element's boxes seen in them over WATCH_MS, or that the page did not answer. */
async function diagnose(locator: Locator): Promise<string> {
  const watched = locator.evaluate((element, watchMs) => new Promise<string>((done) => {
    const box = () => { const r = element.getBoundingClientRect(); return `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`; };
    const boxes = new Set([box()]);
    let frames = 0;
    const tick = () => { frames += 1; boxes.add(box()); requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    setTimeout(() => done(`the page drew ${frames} animation frames in ${watchMs} ms (document ${document.visibilityState}); the element had ${boxes.size} different boxes: ${[...boxes].slice(0, 4).join('; ')}`), watchMs);
  }), WATCH_MS, { timeout: 3 * WATCH_MS });
  const silent = new Promise<string>((done) => setTimeout(() => done(`the page did not answer within ${3 * WATCH_MS} ms (its main thread busy)`), 3 * WATCH_MS + 500));
  return `diagnosis: ${await Promise.race([watched.catch((e: Error) => `the page could not be read: ${e.message.split('\n')[0]}`), silent])}`;
}
