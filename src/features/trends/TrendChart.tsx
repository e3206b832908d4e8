import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { EChart } from '../../charts/EChart.tsx';
import { buildTrendOption, CHART_HEIGHT, obsIdOf } from '../../charts/trend-chart.ts';
import type { YearSpan } from '../../charts/trend-years.ts';
import type { ReportSource } from '../../db/queries/provenance.ts';
import type { TrendPoint } from '../../db/queries/trend.ts';
import { useTrendsMessages } from './use-trends-messages.ts';

/**
 * The export buttons (and the ECharts parts and code that draw the files) load after the chart: they
 * are not needed for the first paint, so they stay out of the initial JavaScript.
 */
const TrendExportMenu = lazy(() => import('./TrendExportMenu.tsx').then((module) => ({ default: module.TrendExportMenu })));

interface Props {
  points: readonly TrendPoint[];
  indicator: { id: string; name: string; unit: string };
  /** Region codes in the order places are listed. */
  order: readonly string[];
  /** The reports of the points drawn (null while they load): the export's source line and CSV columns. */
  sources: readonly ReportSource[] | null;
  /** The years chosen (the axis shows them all; the export's title names them). */
  range: YearSpan;
  log: boolean;
  index: boolean;
  onSelect: (obsId: string) => void;
}

/** The width of an element, followed as it changes (the line-end labels get a share of it). */
function useWidth(ref: React.RefObject<HTMLElement | null>): number | undefined {
  const [width, setWidth] = useState<number>();
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    setWidth(element.clientWidth || undefined);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth || undefined));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

export function TrendChart({ points, indicator, order, sources, range, log, index, onSelect }: Props) {
  const { lang, m, t } = useTrendsMessages();
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const text = useMemo(() => ({
    ...m.chart, keyUser: m.userDataMark, userMark: m.userDataMark, userAlternatives: m.userDataAlternatives,
    indexAxis: t.trendsIndexAxis, indexLine: t.trendsIndexLine,
  }), [m, t]);
  // Widths are rounded to 20 px so that resizing does not rebuild the option on every pixel.
  const roundedWidth = width === undefined ? undefined : Math.round(width / 20) * 20;
  const option = useMemo(
    () => buildTrendOption(points, indicator, { lang, text, order, log, index, years: range, height: CHART_HEIGHT, width: roundedWidth }),
    [points, indicator, lang, text, order, log, index, range, roundedWidth],
  );
  return (
    <>
      {/* The menu's height is kept while it loads, so the chart below it does not move when it comes. */}
      <Suspense fallback={<div className="export-menu-pending" aria-hidden="true" />}>
        <TrendExportMenu option={option} points={points} indicator={indicator} sources={sources} range={range} index={index} chartHeight={CHART_HEIGHT} />
      </Suspense>
      <div data-testid="chart" ref={box}>
        <EChart
          option={option}
          height={CHART_HEIGHT}
          ariaLabel={m.chartAria(indicator.name)}
          onPointClick={(event) => { const id = obsIdOf(event); if (id) onSelect(id); }}
        />
      </div>
    </>
  );
}
