/**
 * The PNG export: the export option drawn off-screen by a canvas ECharts instance on a detached
 * element, at pixelRatio 2 on white, then disposed (STYLE.md: never a stretched copy of the
 * on-screen canvas). Fonts come from the page (Noto Sans CJK for Chinese), so it waits for them.
 */
import { echarts, type EChartsOption } from '../../../charts/echarts.ts';
import { buildExportOption, DEFAULT_EXPORT_SIZE, exportLayout, type ExportMeta, type ExportSize } from '../../../charts/export-option.ts';

export const PNG_PIXEL_RATIO = 2;

export async function renderExportPng(chartOption: EChartsOption, meta: ExportMeta, size: ExportSize = DEFAULT_EXPORT_SIZE): Promise<Blob> {
  const { width, height } = exportLayout(chartOption, meta, size);
  await document.fonts.ready;
  const element = document.createElement('div');
  element.style.width = `${width}px`;
  element.style.height = `${height}px`;
  const chart = echarts.init(element, null, { renderer: 'canvas', width, height, devicePixelRatio: PNG_PIXEL_RATIO });
  try {
    chart.setOption(buildExportOption(chartOption, meta, size));
    const url = chart.getDataURL({ type: 'png', pixelRatio: PNG_PIXEL_RATIO, backgroundColor: '#fff' });
    return await (await fetch(url)).blob();
  } finally {
    chart.dispose();
  }
}
