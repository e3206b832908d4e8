import { useMemo } from 'react';
import { EChart } from '../../charts/EChart.tsx';
import { buildTrendOption, obsIdOf } from '../../charts/trend-chart.ts';
import type { TrendPoint } from '../../db/queries/trend.ts';
import { useI18n } from '../i18n/i18n.tsx';

interface Props {
  points: readonly TrendPoint[];
  indicator: { name: string; unit: string };
  /** Region codes in legend and colour order. */
  order: readonly string[];
  onSelect: (obsId: string) => void;
}

export function TrendChart({ points, indicator, order, onSelect }: Props) {
  const { lang, m } = useI18n();
  const option = useMemo(() => buildTrendOption(points, indicator, { lang, text: m.chart, order }), [points, indicator, lang, m, order]);
  return (
    <EChart
      option={option}
      height={440}
      ariaLabel={m.chartAria(indicator.name)}
      onPointClick={(event) => { const id = obsIdOf(event); if (id) onSelect(id); }}
    />
  );
}
