/**
 * The trend chart's key: what its symbols and dashed lines mean (the places are named at the line
 * ends). Its rows are laid out here so that the plot above makes room for them on a narrow chart.
 */
import type { EChartsOption, LineSeriesOption, ScatterSeriesOption } from './echarts.ts';

type LegendComponentOption = Extract<NonNullable<EChartsOption['legend']>, unknown[]>[number];
import { labelWidth } from './line-end-labels.ts';
import { FAINT, MUTED, USER_OUTLINE } from './theme.ts';
import type { TrendText } from './trend-tooltip.ts';

const KEY_COLOR = FAINT;
const ROW = 16;
/** ECharts puts its item gap (10 px, less the row's own spare height) between wrapped legend rows as well. */
const ROW_GAP = 6;

/** The encoding key: four symbols, the dashed line, and (when any point is the user's) the user's mark last. */
export function keySeries(text: TrendText, withUser: boolean): (LineSeriesOption | ScatterSeriesOption)[] {
  const dot = (name: string, symbol: string): ScatterSeriesOption => ({ type: 'scatter', name, symbol, data: [], itemStyle: { color: KEY_COLOR, borderColor: KEY_COLOR, borderWidth: 2 } });
  return [
    dot(text.keyPlain, 'circle'),
    dot(text.keyPartYear, 'emptyCircle'),
    dot(text.keyApprox, 'diamond'),
    dot(text.keyDerived, 'triangle'),
    { type: 'line', name: text.keyDashed, data: [], symbol: 'none', lineStyle: { color: KEY_COLOR, type: 'dashed', width: 2 }, itemStyle: { color: KEY_COLOR } },
    ...(withUser && text.keyUser ? [{
      type: 'scatter', name: text.keyUser, symbol: 'rect', data: [],
      itemStyle: { color: KEY_COLOR, ...USER_OUTLINE },
    } satisfies ScatterSeriesOption] : []),
  ];
}


/** Roughly how wide a key entry draws: its mark, the gap, the text at 11 px and the space to the next. */
const entryWidth = (mark: number, name: string) => mark + 5 + (labelWidth(name) * 11) / 12 + 10;

/**
 * The key's two legends (symbols in square boxes, undistorted; the dashed line on its own row without
 * a dot) for a chart `width` pixels wide, and the height they take at the bottom.
 */
export function keyLegends(keys: readonly (LineSeriesOption | ScatterSeriesOption)[], width: number): { legends: LegendComponentOption[]; height: number } {
  const style = { selectedMode: false, left: 0, textStyle: { color: MUTED, fontSize: 11 } } as const;
  const symbols = [...keys.slice(0, 4), ...keys.slice(5)].map((s) => s.name as string);
  const dashed = keys[4]!.name as string;
  const room = Math.max(120, width - 10);
  const symbolRows = Math.max(1, Math.ceil(symbols.reduce((w, n) => w + entryWidth(12, n), 0) / room));
  // The dashed line's sentence breaks onto a second line rather than run off a narrow chart.
  const dashedRows = Math.max(1, Math.ceil(entryWidth(28, dashed) / room));
  const dashedHeight = dashedRows * 14;
  return {
    legends: [
      { ...style, bottom: dashedHeight + 6, itemWidth: 12, itemHeight: 12, data: symbols },
      {
        ...style, bottom: 0, itemWidth: 28, itemHeight: 10, data: [{ name: dashed, itemStyle: { opacity: 0 } }],
        textStyle: { ...style.textStyle, width: room - 40, overflow: 'break' },
      },
    ],
    height: dashedHeight + 6 + symbolRows * ROW + (symbolRows - 1) * ROW_GAP,
  };
}
