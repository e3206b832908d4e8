/**
 * One colour per place in every chart (issue 13): 灵丘县 is drawn in the same colour as its Trends line,
 * its Compare bar (the focal one, told apart by a dark outline and a bold name) and its Profile
 * sparklines, read from the options the live charts were drawn with (the sparklines' SVG strokes). The colours meet 3:1 on white
 * (tests/charts/theme.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { PALETTE } from '../../src/charts/theme.ts';
import { chartOption } from './chart-text.ts';
import { sessionPerFile, waitForChart, waitForView, type View } from './support.ts';

const files = sessionPerFile();
const LOADED = 90_000;
const LINGQIU = '140224';

interface Series { type: string; name?: string; itemStyle?: { color?: string; borderColor?: string }; lineStyle?: { color?: string }; data?: unknown[] }
interface Option { series: Series[]; yAxis?: { data?: string[] }[] }

/**
 * The view's chart at `state` on the file's warm page (support.ts `warm`): Trends is loaded from its
 * URL, Compare and Profile are then moved to as a tab click moves the page (one start-up, not three).
 */
async function chartOf(view: View, state: Record<string, string>) {
  const page = await files.warm({ view: view === 'trends' ? undefined : view, ...state }, { width: 1440, height: 900 });
  const root = await waitForView(page, view, { content: true, timeout: LOADED });
  await waitForChart(root, LOADED);
  return root;
}

describe('a place keeps its colour across Trends, Compare and Profile', { timeout: 300_000 }, () => {
  it('灵丘县 (调解成功率): the same palette colour in the three views; the focal bar has a dark outline', async () => {
    const state = { indicator: 'mediation.success_rate', focus: LINGQIU, peers: 'prefecture' };
    const trends = await chartOption<Option>((await chartOf('trends', { indicator: state.indicator, regions: `${LINGQIU},140223` })).locator('[role="img"]').first());
    const line = trends.series.find((s) => s.type === 'scatter' && s.name?.includes('灵丘县'));
    expect(line, 'a series for 灵丘县 in Trends').toBeDefined();
    const colour = line!.itemStyle!.color!;
    expect(PALETTE as readonly string[]).toContain(colour);

    const compare = await chartOption<Option>((await chartOf('compare', state)).locator('[role="img"]').first());
    const names = compare.yAxis![0]!.data!;
    const bars = compare.series.find((s) => s.type === 'bar')!.data as { itemStyle: { color: string; borderColor?: string; borderWidth?: number } }[];
    const focal = bars[names.findIndex((n) => n.includes('灵丘县'))]!;
    expect(focal.itemStyle.color).toBe(colour);
    expect(focal.itemStyle.borderColor, 'the focal bar is outlined').toBe('#111827');
    const peer = bars[names.findIndex((n) => n.includes('广灵县'))]!;
    expect(peer.itemStyle.borderColor ?? peer.itemStyle.color, '广灵县 in its own colour').not.toBe(colour);
    // 广灵县 is also drawn in Trends: the same colour there.
    const guangling = trends.series.find((s) => s.type === 'scatter' && s.name?.includes('广灵县'));
    expect(guangling, 'a series for 广灵县 in Trends').toBeDefined();
    expect(peer.itemStyle.color).toBe(guangling!.itemStyle!.color);

    // Profile's sparklines are static SVG (SvgChart, no live instance): the line's stroke is the colour.
    const profile = await chartOf('profile', { focus: LINGQIU });
    const spark = profile.locator('.profile-spark [role="img"] svg').first();
    await spark.waitFor({ timeout: LOADED });
    const strokes = await spark.locator('path[stroke]').evaluateAll((paths) => paths.map((p) => p.getAttribute('stroke')!.toLowerCase()));
    expect(strokes, 'a sparkline line in 灵丘县\'s colour').toContain(colour.toLowerCase());
  });
});
