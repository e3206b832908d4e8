/** How the EChart wrapper turns an option into an incremental update (src/charts/EChart.tsx). */
import { describe, expect, it } from 'vitest';
import { drawnOption, replacedComponents, withSeriesIds } from '../../src/charts/EChart.tsx';
import type { EChartsOption } from '../../src/charts/echarts.ts';

describe('withSeriesIds', () => {
  it('gives series stable ids by name, type, keys and occurrence, and keeps given ids', () => {
    const option: EChartsOption = {
      series: [
        { type: 'line', name: '灵丘县', data: [1] },
        { type: 'line', name: '灵丘县', data: [2] },
        { type: 'scatter', name: '灵丘县', data: [3] },
        { type: 'line', name: '广灵县', data: [4], id: 'mine' },
      ],
    };
    const ids = (withSeriesIds(option).series as Array<{ id: string }>).map((s) => s.id);
    expect(ids).toEqual(['灵丘县|line|data,name,type|0', '灵丘县|line|data,name,type|1', '灵丘县|scatter|data,name,type|0', 'mine']);
    expect(withSeriesIds(option)).toEqual(withSeriesIds(option));
    expect(option.series).toHaveLength(4);
    expect((option.series as Array<{ id?: string }>)[0]!.id).toBeUndefined(); // the input is not changed
  });

  it('gives a series that gains a property a new id, so the old one is not merged into it', () => {
    const plain = withSeriesIds({ series: [{ type: 'bar', name: 'a', data: [1] }] }).series as Array<{ id: string }>;
    const marked = withSeriesIds({ series: [{ type: 'bar', name: 'a', data: [1], markLine: { data: [] } }] }).series as Array<{ id: string }>;
    expect(plain[0]!.id).not.toBe(marked[0]!.id);
  });
});

describe('replacedComponents', () => {
  it('replaces every component type of the new and the previous option, never the settings', () => {
    const previous: EChartsOption = { title: { text: 't' }, series: [], animation: true };
    const next: EChartsOption = { legend: [{}], series: [], color: ['#000'], textStyle: {} };
    expect(replacedComponents(next, previous).sort()).toEqual(['legend', 'series', 'title']);
    expect(replacedComponents(next, null).sort()).toEqual(['legend', 'series']);
  });
});

describe('drawnOption', () => {
  const option: EChartsOption = { animation: true, series: [{ type: 'line', data: [1, 2] }] };

  it('keeps the entry animation of an instance\'s first draw', () => {
    expect(drawnOption(option, true, false)).toBe(option);
  });

  it('draws without animation an update the reader waits for, and the hand-over from the prerendered drawing', () => {
    expect(drawnOption(option, false, false)).toEqual({ ...option, animation: false });
    expect(drawnOption(option, true, true)).toEqual({ ...option, animation: false });
    expect(option.animation, 'the option passed in is not changed').toBe(true);
  });
});
