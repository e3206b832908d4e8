import { useMemo } from 'react';
import { EChart } from '../../charts/EChart.tsx';
import { buildSparklineOption, type SparkPoint } from '../../charts/sparkline.ts';

/** A small chart of one indicator over the years (no axes; the row says the numbers), in the place's own colour. */
export function Sparkline({ points, years, color, ariaLabel }: { points: readonly SparkPoint[]; years: readonly [number, number] | null; color: string; ariaLabel: string }) {
  const option = useMemo(() => buildSparklineOption(points, { color, ...(years ? { years } : {}) }), [points, years, color]);
  return <EChart option={option} height={34} ariaLabel={ariaLabel} />;
}
