/**
 * The only place ECharts is imported: `echarts/core` with just what the landing view (Trends) needs
 * to draw its first chart — line and scatter series, grid, tooltip, legend, canvas. That set is part
 * of the initial JavaScript (docs/BENCHMARKS.md, "Bundle sizes"), so it stays as small as it can be.
 * Bar charts, titles, mark lines/areas and the SVG renderer (Compare, Profile's exports, every file
 * export) are registered by `echarts-extras.ts`, which the modules that need them import for its
 * side effect: they load with their own (lazy) chunks. Everything else imports from here.
 */
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { LineChart, ScatterChart, type BarSeriesOption, type LineSeriesOption, type ScatterSeriesOption } from 'echarts/charts';
import {
  GridComponent, LegendPlainComponent, TooltipComponent,
  type GridComponentOption, type LegendComponentOption, type MarkAreaComponentOption,
  type MarkLineComponentOption, type TitleComponentOption, type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// The plain legend only: `LegendComponent` also brings the scrolling legend, which no chart uses (1.7 KB gzip).
use([LineChart, ScatterChart, GridComponent, TooltipComponent, LegendPlainComponent, CanvasRenderer]);

export type EChartsOption = ComposeOption<
  | LineSeriesOption | BarSeriesOption | ScatterSeriesOption
  | GridComponentOption | TooltipComponentOption | LegendComponentOption | TitleComponentOption
  | MarkLineComponentOption | MarkAreaComponentOption
>;

export type { LineSeriesOption, ScatterSeriesOption };
export type { ECharts };
/** `init` is all the page and the tests need of the core (SSR: `init(null, null, { renderer: 'svg', ssr: true, width, height })`). */
export const echarts = { init, use };
