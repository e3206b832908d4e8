import { memo, useMemo } from 'react';
import { SvgChart } from '../../charts/SvgChart.tsx';
import { buildSparklineOption, type SparkPoint } from '../../charts/sparkline.ts';

/**
 * A small chart of one indicator over the years (no axes; the row says the numbers). Drawn as SVG
 * (SvgChart: it has no interaction), and only again when its points, years or label change.
 */
export const Sparkline = memo(function Sparkline({ points, years, ariaLabel }: { points: readonly SparkPoint[]; years: readonly [number, number] | null; ariaLabel: string }) {
  const option = useMemo(() => buildSparklineOption(points, years ? { years } : {}), [points, years]);
  return <SvgChart option={option} height={34} ariaLabel={ariaLabel} />;
});
