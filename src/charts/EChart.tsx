/**
 * The one React wrapper around ECharts: init on mount → setOption on change → resize with its box →
 * dispose on unmount.
 *
 * Updates are deltas, not redraws from scratch: each option is merged into the chart with
 * `replaceMerge` on the component types it (or the previous one) has, so a series, axis or legend the
 * new option no longer lists really disappears, while those it keeps (matched by id) are updated in
 * place. Series without an id get a stable one (name, type and occurrence).
 *
 * Instrumentation (scripts/bench reads it): the first frame painted after each setOption records
 * `performance.mark('atlas:chart-updated', { detail: { chart, seq } })`; the page's very first one
 * also records `atlas:first-chart`. Each setOption's own time is the measure `atlas:set-option`.
 *
 * First paint (first-paint.ts): when the page was prerendered with this chart drawn as static SVG, the
 * drawing stays over the box until the live chart's first draw has painted; that draw is not animated,
 * so the hand-over does not show.
 *
 * Only an instance's first draw is animated (the entry animation). Every later setOption is drawn
 * without animation: the reader changed something and waits for it (issue 12), and an animated update
 * shows the old state in its first frame and the new one only when the morph ends (300 ms to 1 s
 * later), while its frames repaint the whole chart and compete with the next input.
 */
import { useContext, useEffect, useRef, useState } from 'react';
import { echarts, type ECharts, type EChartsOption } from './echarts.ts';
import { FirstPaintContext, STATIC_CHART_CLASS, STATIC_CHART_LABEL } from './first-paint.ts';

export interface ChartEvent {
  data?: unknown;
  seriesName?: string;
  dataIndex?: number;
}

interface Props {
  option: EChartsOption;
  renderer?: 'canvas' | 'svg';
  height?: number | string;
  onPointClick?: (event: ChartEvent) => void;
  /** Describes the chart for screen readers (and names it in the performance marks). */
  ariaLabel: string;
}

/** Option keys that are settings, not component types: these are merged, never "replaced". */
const NOT_COMPONENTS = new Set(['animation', 'animationDuration', 'animationDurationUpdate', 'animationEasing', 'animationThreshold',
  'backgroundColor', 'color', 'textStyle', 'useUTC', 'darkMode', 'stateAnimation', 'blendMode', 'hoverLayerThreshold', 'media', 'baseOption', 'options']);

/** The chart's box, carrying its ECharts instance for the browser tests (not used by the app). */
export type ChartBox = HTMLDivElement & { atlasChart?: ECharts };

let firstChartMarked = false;
let updateSeq = 0;

/**
 * Gives every series without an id one that survives updates: `name|type|keys|n` (the n-th series of
 * that name, type and set of top-level keys). A merged series keeps any property the new option leaves
 * out, so a series that gains or loses one (a markLine, say) gets a new id and is created afresh.
 */
export function withSeriesIds(option: EChartsOption): EChartsOption {
  const series = option.series;
  if (!Array.isArray(series)) return option;
  const seen = new Map<string, number>();
  return {
    ...option,
    series: series.map((s) => {
      if (s.id !== undefined) return s;
      const base = `${String(s.name ?? '')}|${s.type ?? ''}|${Object.keys(s).sort().join(',')}`;
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      return { ...s, id: `${base}|${n}` };
    }),
  };
}

/** The component types to replace: those the new or the previous option has. */
export function replacedComponents(option: EChartsOption, previous: EChartsOption | null): string[] {
  const keys = new Set([...Object.keys(option), ...Object.keys(previous ?? {})]);
  return [...keys].filter((key) => !NOT_COMPONENTS.has(key));
}

/**
 * The option as it is drawn: an instance's first draw keeps the option's own animation (the entry
 * animation), unless it replaces the prerendered drawing; every later draw is not animated.
 */
export function drawnOption(option: EChartsOption, firstDraw: boolean, handingOver: boolean): EChartsOption {
  return firstDraw && !handingOver ? option : { ...option, animation: false };
}

/**
 * One setOption as the component makes it: stable ids, replaceMerge of the component types of this
 * and the previous option, the entry animation on the first draw only. Returns the option drawn (the
 * next update's `previous`).
 */
export function updateChart(instance: ECharts, option: EChartsOption, previous: EChartsOption | null, handingOver: boolean): EChartsOption {
  const next = withSeriesIds(option);
  instance.setOption(drawnOption(next, previous === null, handingOver), { replaceMerge: replacedComponents(next, previous) });
  return next;
}

export function EChart({ option, renderer = 'canvas', height = 420, onPointClick, ariaLabel }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const previous = useRef<EChartsOption | null>(null);
  /** Set after a setOption: the next painted frame completes that update. */
  const awaitingPaint = useRef(false);
  const firstPaint = useContext(FirstPaintContext);
  const [staticHtml, setStaticHtml] = useState(() => (typeof height === 'number' ? firstPaint?.staticChart(option, ariaLabel, height) ?? null : null));
  /** The static drawing is still shown: the next draw is not animated, and its paint removes the drawing. */
  const handingOver = useRef(staticHtml !== null);
  const onClick = useRef(onPointClick);
  const label = useRef(ariaLabel);
  useEffect(() => { onClick.current = onPointClick; }, [onPointClick]);
  useEffect(() => { label.current = ariaLabel; }, [ariaLabel]);

  useEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    const instance = echarts.init(element, null, { renderer });
    chart.current = instance;
    // Browser tests read the boxes of the labels drawn through the instance (tests/e2e/chart-text.ts).
    (element as ChartBox).atlasChart = instance;
    previous.current = null;
    instance.on('click', (event) => {
      if (!onClick.current) return;
      onClick.current(event as ChartEvent);
      // The click opens the source panel: a tooltip left over the chart would cover what was clicked
      // (and on a phone stays until the next tap). Hidden now and after ECharts' own click handling.
      instance.dispatchAction({ type: 'hideTip' });
      requestAnimationFrame(() => { if (!instance.isDisposed()) instance.dispatchAction({ type: 'hideTip' }); });
    });
    instance.on('rendered', () => {
      if (!awaitingPaint.current) return;
      awaitingPaint.current = false;
      if (handingOver.current) {
        handingOver.current = false;
        setStaticHtml(null);
        firstPaint?.handedOver();
      }
      updateSeq += 1;
      performance.mark('atlas:chart-updated', { detail: { chart: label.current, seq: updateSeq } });
      if (!firstChartMarked) {
        firstChartMarked = true;
        performance.mark('atlas:first-chart', { detail: { chart: label.current } });
      }
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [renderer, firstPaint]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    awaitingPaint.current = true;
    const started = performance.now();
    previous.current = updateChart(instance, option, previous.current, handingOver.current);
    performance.measure('atlas:set-option', { start: started, detail: { chart: label.current } });
  }, [option, renderer]);

  // ECharts empties its box when it starts, so the static drawing is the box's sibling, laid over it.
  return (
    <div style={{ position: 'relative', width: '100%', minWidth: 0, height }}>
      <div ref={box} role="img" aria-label={ariaLabel} style={{ width: '100%', height: '100%' }} />
      {staticHtml !== null && (
        <div className={STATIC_CHART_CLASS} {...{ [STATIC_CHART_LABEL]: ariaLabel }} aria-hidden="true" dangerouslySetInnerHTML={{ __html: staticHtml }} />
      )}
    </div>
  );
}
