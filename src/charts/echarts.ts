/**
 * The only place ECharts is imported: `echarts/core` with just the charts, components and renderers
 * the dashboard uses (never the full bundle; DataZoom joins when a view needs it). Everything else imports from here.
 */
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { BarChart, LineChart, ScatterChart, type BarSeriesOption, type LineSeriesOption, type ScatterSeriesOption } from 'echarts/charts';
import {
  GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent,
  type GridComponentOption, type LegendComponentOption, type MarkAreaComponentOption,
  type MarkLineComponentOption, type TitleComponentOption, type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

use([
  LineChart, BarChart, ScatterChart,
  GridComponent, TooltipComponent, LegendComponent, TitleComponent, MarkLineComponent, MarkAreaComponent,
  SVGRenderer, CanvasRenderer,
]);

export type EChartsOption = ComposeOption<
  | LineSeriesOption | BarSeriesOption | ScatterSeriesOption
  | GridComponentOption | TooltipComponentOption | LegendComponentOption | TitleComponentOption
  | MarkLineComponentOption | MarkAreaComponentOption
>;

export type { LineSeriesOption, ScatterSeriesOption };
export type { ECharts };
/** `init` is all the page and the tests need of the core (SSR: `init(null, null, { renderer: 'svg', ssr: true, width, height })`). */
export const echarts = { init };
