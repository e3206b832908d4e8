/**
 * A value held at what it was while `hold` is true, e.g. the labels a chart draws its points with while
 * newer points load: the chart keeps drawing the old points under their own indicator and place order
 * (never the old points under the new indicator's name), and is not redrawn until the new points come.
 * At national scale each needless redraw is a full ECharts `setOption` (100–500 ms under load,
 * docs/BENCHMARKS.md "National scale: part E").
 */
import { useState } from 'react';

export function useHeldWhile<T>(value: T, hold: boolean): T {
  const [held, setHeld] = useState(value);
  // Derived state set during render (React re-renders at once, before committing): no effect, no extra paint.
  if (!hold && held !== value) setHeld(value);
  return hold ? held : value;
}
