/**
 * The ECharts parts the landing chart does not need (echarts.ts registers those): bar series, titles,
 * mark lines and areas, the SVG renderer. Imported for its side effect by the option builders that use
 * them (compare-bars, compare-dumbbell, export-option), so they arrive with the Compare view or the
 * export code, never in the initial JavaScript. An ECharts instance takes its processors when it is
 * created, so these are registered before any chart that uses them is initialised.
 */
import { BarChart } from 'echarts/charts';
import { MarkAreaComponent, MarkLineComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { echarts } from './echarts.ts';

echarts.use([BarChart, TitleComponent, MarkLineComponent, MarkAreaComponent, SVGRenderer]);
