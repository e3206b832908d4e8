/** The one React wrapper around ECharts: init on mount → setOption on change → resize with its box → dispose on unmount. */
import { useEffect, useRef } from 'react';
import { echarts, type ECharts, type EChartsOption } from './echarts.ts';

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
  /** Describes the chart for screen readers. */
  ariaLabel: string;
}

export function EChart({ option, renderer = 'canvas', height = 420, onPointClick, ariaLabel }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const onClick = useRef(onPointClick);
  useEffect(() => { onClick.current = onPointClick; }, [onPointClick]);

  useEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    const instance = echarts.init(element, null, { renderer });
    chart.current = instance;
    instance.on('click', (event) => onClick.current?.(event as ChartEvent));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [renderer]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option, renderer]);

  return <div ref={box} role="img" aria-label={ariaLabel} style={{ width: '100%', minWidth: 0, height }} />;
}
