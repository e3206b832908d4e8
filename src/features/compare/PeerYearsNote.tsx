import type { PeerSpec } from '../../db/queries/peers.ts';
import { placeLabel } from '../../core/regions/place-label.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorBox } from '../shared/status/Status.tsx';
import { usePlaceYears } from './use-compare-data.ts';
import '../shared/export/export-words.ts'; // adds the export words this module reads (not in the entry chunk)

interface Props {
  indicatorId: string;
  spec: PeerSpec | null;
  focus: string;
  /** Places already ranked (not listed again). */
  shown: readonly string[];
  tolerance: number;
}

/** At most this many places are listed with their years. */
const LISTED = 12;

/** When at most one place is in range: which other places of the group have the indicator, in which years. */
export function PeerYearsNote({ indicatorId, spec, focus, shown, tolerance }: Props) {
  const { lang, m } = useI18n();
  const years = usePlaceYears(indicatorId, spec, true);
  if (years.isError) return <ErrorBox error={years.error} />;
  if (!years.data) return null;
  const others = years.data.filter((p) => p.region_code !== focus && !shown.includes(p.region_code));
  const sep = lang === 'zh' ? '、' : ', ';
  const items = others.slice(0, LISTED).map((p) => m.comparePeerYearsItem(
    placeLabel(p, lang),
    p.whole_years.join(sep), p.part_years.join(sep),
  ));
  return (
    <div className="note" data-testid="compare-peer-years">
      {others.length === 0 ? <p>{m.compareNoOtherPeers}</p> : (
        <>
          <p>{m.comparePeerYears(items.join(lang === 'zh' ? ';' : '; ') + (others.length > LISTED ? m.exportText.more(others.length - LISTED) : ''))}</p>
          <p>{m.compareWiderTolerance(tolerance)}</p>
        </>
      )}
    </div>
  );
}
