import { memo, useMemo } from 'react';
import { SvgChart } from '../../charts/SvgChart.tsx';
import { buildSparklineOption, type SparkPoint } from '../../charts/sparkline.ts';

/**
 * A small chart of one indicator over the years (no axes; the row says the numbers), in the place's own
 * colour. Drawn as SVG (SvgChart: it has no interaction), and only again when its points, years, colour
 * or label change.
 */
export const Sparkline = memo(function Sparkline({ points, years, color, ariaLabel }: { points: readonly SparkPoint[]; years: readonly [number, number] | null; color: string; ariaLabel: string }) {
  const option = useMemo(() => buildSparklineOption(points, { color, ...(years ? { years } : {}) }), [points, years, color]);
  return <SvgChart option={option} height={34} ariaLabel={ariaLabel} />;
});
