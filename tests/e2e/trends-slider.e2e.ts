/**
 * The Trends year range on one two-thumb slider (issue 13): one track, two ARIA sliders whose
 * min/max follow the other thumb, operable by keyboard and pointer, writing `since`/`until` as the
 * typed years do; both languages; it fits a 375 px screen. Screenshot: tests/artifacts/e2e/trends-slider-*.png.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, sessionPerFile, waitForView } from './support.ts';

const files = sessionPerFile();
const LOADED = 90_000;
const param = (url: string, name: string) => new URL(url).searchParams.get(name);

async function openTrends(state: Record<string, string> = {}, width = 1440) {
  const page = await files.open({ tab: 'table', ...state }, { width, height: 900 });
  const root = await waitForView(page, 'trends', { timeout: LOADED });
  await root.getByTestId('trends-table').waitFor({ timeout: LOADED });
  const slider = root.getByTestId('trends-year-slider');
  return { page, root, slider };
}

const aria = async (thumb: import('playwright-core').Locator) =>
  Object.fromEntries(await Promise.all(['aria-valuemin', 'aria-valuemax', 'aria-valuenow'].map(async (a) => [a.slice(10), Number(await thumb.getAttribute(a))])));

describe('the Trends year slider', { timeout: 300_000 }, () => {
  it('is one track with two keyboard-operable thumbs that never pass each other (zh)', async () => {
    const { page, root, slider } = await openTrends();
    expect(await slider.count()).toBe(1);
    expect(await slider.getByRole('slider').count(), 'two thumbs on the one track').toBe(2);
    expect(await root.locator('input[type="range"]').count(), 'no separate range inputs').toBe(0);
    const from = slider.getByRole('slider', { name: '起始年份(滑块)' });
    const to = slider.getByRole('slider', { name: '结束年份(滑块)' });
    const start = { from: await aria(from), to: await aria(to) };
    expect(start.from.max, "the first year's thumb stops at the last year's").toBe(start.to.now);
    expect(start.to.min).toBe(start.from.now);
    expect(start.to.now).toBe(start.to.max);

    await from.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => param(page.url(), 'since')).toBe(String(start.from.now + 1));
    expect((await aria(to)).min, "the other thumb's limit follows").toBe(start.from.now + 1);
    expect(await root.getByRole('spinbutton', { name: '起始年份' }).inputValue()).toBe(String(start.from.now + 1));

    await to.focus();
    await page.keyboard.press('Home'); // as far left as it may go: onto the first year's thumb, not past it
    await expect.poll(() => param(page.url(), 'until')).toBe(String(start.from.now + 1));
    await page.keyboard.press('ArrowLeft');
    expect(param(page.url(), 'until'), 'cannot pass the other thumb').toBe(String(start.from.now + 1));
    await page.keyboard.press('End');
    await expect.poll(() => param(page.url(), 'until'), { message: 'the span end is not written' }).toBeNull();
  });

  it('moves the nearer thumb by pointer, says its names in English, and fits 375 px', async () => {
    const { page, slider } = await openTrends({ lang: 'en' }, 375);
    const from = slider.getByRole('slider', { name: 'From (slider)' });
    const to = slider.getByRole('slider', { name: 'To (slider)' });
    const before = await aria(from);
    await slider.scrollIntoViewIfNeeded();
    const track = (await slider.boundingBox())!;
    expect(track.x, 'inside the screen').toBeGreaterThanOrEqual(0);
    expect(track.x + track.width).toBeLessThanOrEqual(375);
    // Drag the first thumb to the far right: it stops at the last year's thumb.
    const thumb = (await from.boundingBox())!;
    await page.mouse.move(thumb.x + thumb.width / 2, thumb.y + thumb.height / 2);
    await page.mouse.down();
    await page.mouse.move(track.x + track.width + 40, thumb.y + thumb.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await aria(from)).now).toBe(before.max);
    expect(param(page.url(), 'since')).toBe(String(before.max));
    expect((await aria(to)).now).toBe(before.max);
    await page.screenshot({ path: join(ARTIFACTS, 'trends-slider-en-375.png'), fullPage: false, clip: { x: 0, y: Math.max(0, track.y - 250), width: 375, height: 320 } });
  });
});
