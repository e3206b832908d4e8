import { useMemo } from 'react';
import { EChart } from '../../charts/EChart.tsx';
import { buildSparklineOption, type SparkPoint } from '../../charts/sparkline.ts';

/** A small chart of one indicator over the years (no axes; the row says the numbers). */
export function Sparkline({ points, years, ariaLabel }: { points: readonly SparkPoint[]; years: readonly [number, number] | null; ariaLabel: string }) {
  const option = useMemo(() => buildSparklineOption(points, years ? { years } : {}), [points, years]);
  return <EChart option={option} height={34} ariaLabel={ariaLabel} />;
}
