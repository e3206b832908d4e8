/**
 * A chart nobody interacts with (silent, no tooltip, no animation), drawn by ECharts' SVG renderer in
 * its server-side mode into a string and placed in the page as SVG: no ECharts instance, canvas or
 * event handlers stay behind. Used for the Profile's sparklines, one per indicator row: a live canvas
 * chart per row made opening a profile spend most of its time creating instances and painting
 * canvases (issue 12, docs/BENCHMARKS.md). The drawing is made at the box's width in whole pixels and
 * redrawn when that width changes, so nothing is stretched.
 *
 * The drawing is deferred (`useDeferredValue`): a change of option or width first commits the page
 * with this box empty, then draws in a background render React can interrupt, so the rest of the
 * page (the profile's table of figures) paints without waiting for every row's drawing (issue 12).
 * The box is empty, never showing the previous drawing, while its new one is pending: a sparkline of
 * the previous place beside this place's figures would be wrong.
 */
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { EChartsOption } from './echarts.ts';
import { renderStaticSvg } from './static-chart.ts';

interface Props {
  option: EChartsOption;
  height: number;
  /** Describes the chart for screen readers. */
  ariaLabel: string;
}

export function SvgChart({ option, height, ariaLabel }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    // The observer's own first report gives the width after the page's layout: reading clientWidth here
    // instead forced a layout per row while the table was being built (1.4 s over a profile's rows).
    const observer = new ResizeObserver((entries) => { const entry = entries.at(-1); if (entry) setWidth(Math.round(entry.contentRect.width)); });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const wanted = useMemo(() => ({ option, width }), [option, width]);
  const drawing = useDeferredValue(wanted);
  const svg = useMemo(() => (drawing.width > 0 ? renderStaticSvg(drawing.option, drawing.width, height) : ''), [drawing, height]);
  return <div ref={box} role="img" aria-label={ariaLabel} aria-busy={drawing !== wanted || undefined} style={{ width: '100%', minWidth: 0, height }}
    dangerouslySetInnerHTML={{ __html: drawing === wanted ? svg : '' }} />;
}
