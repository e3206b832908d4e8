/**
 * The exported chart as an SVG document: the export option drawn by ECharts' SVG renderer in its
 * server-side mode (no DOM), so the page and the Node tests produce the same file. Text stays text
 * (titles, sources and notes are searchable and selectable); ECharts escapes it.
 */
import { echarts, type EChartsOption } from './echarts.ts';
import { buildExportOption, DEFAULT_EXPORT_SIZE, exportLayout, type ExportMeta, type ExportSize } from './export-option.ts';

export function renderExportSvg(chartOption: EChartsOption, meta: ExportMeta, size: ExportSize = DEFAULT_EXPORT_SIZE): string {
  const { width, height } = exportLayout(chartOption, meta, size);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(buildExportOption(chartOption, meta, size));
    return `<?xml version="1.0" encoding="UTF-8"?>\n${chart.renderToSVGString()}\n`;
  } finally {
    chart.dispose();
  }
}
