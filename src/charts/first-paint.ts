/**
 * The hand-over from the prerendered first chart to the live one. The build's prerender
 * (src/app/prerender.tsx) draws the landing chart as static SVG into index.html; an EChart whose label
 * matches shows that drawing over its box until its own first draw has painted, then removes it.
 *
 * - In the build, `staticChart` draws the SVG from the option the chart was given (static-chart.ts).
 * - In the page, it returns the HTML found in index.html (captured before React replaces it) to the
 *   chart with the same label, once: after the hand-over (`handedOver`) every chart draws itself.
 */
import { createContext } from 'react';
import type { EChartsOption } from './echarts.ts';

export interface FirstPaint {
  /** The static drawing to show in this chart's box until it has drawn, or null. */
  staticChart(option: EChartsOption, ariaLabel: string, height: number): string | null;
  /** The live chart has painted: the static drawing is gone for good. */
  handedOver(): void;
}

export const FirstPaintContext = createContext<FirstPaint | null>(null);

/** The class of the static drawing's element (its HTML is what `staticChart` returns). */
export const STATIC_CHART_CLASS = 'static-chart';
/** The attribute on the static drawing naming the chart it stands for. */
export const STATIC_CHART_LABEL = 'data-chart-label';
/** The attribute on #root's prerendered content: the fingerprint of the snapshot drawn (src/core/snapshot.ts). */
export const PRERENDER_FINGERPRINT = 'data-prerendered';

/**
 * The page's side: the prerendered drawing inside `root`, if any, handed to the chart with its label;
 * null when there is none or it was drawn from another snapshot than `fingerprint` (the one fetched).
 */
export function capturePrerenderedChart(root: Element, fingerprint: string): FirstPaint | null {
  if (root.querySelector(`[${PRERENDER_FINGERPRINT}]`)?.getAttribute(PRERENDER_FINGERPRINT) !== fingerprint) return null;
  const element = root.querySelector(`.${STATIC_CHART_CLASS}`);
  const label = element?.getAttribute(STATIC_CHART_LABEL);
  if (!element || !label) return null;
  const html = element.innerHTML;
  let done = false;
  return {
    staticChart: (_option, ariaLabel) => (!done && ariaLabel === label ? html : null),
    handedOver: () => { done = true; },
  };
}
