/**
 * The indicator of the observation in the source panel, named from the catalog: for views where the
 * `obs` of a link may belong to any indicator (Profile, Data). Reads the panel's own (cached) query.
 */
import type { IndicatorCoverage } from '../../../db/queries/indicators.ts';
import type { Lang } from '../../../charts/format-value.ts';
import { useObservation } from './use-catalog.ts';

export function useObsIndicator(obsId: string | null, indicators: readonly IndicatorCoverage[] | undefined, lang: Lang): { id: string; name: string } {
  const siblings = useObservation(obsId);
  const id = siblings.data?.find((s) => s.obs_id === obsId)?.indicator_id ?? '';
  const i = indicators?.find((x) => x.indicator_id === id);
  return { id, name: i ? (lang === 'zh' ? i.name_zh : i.name_en) : id };
}
