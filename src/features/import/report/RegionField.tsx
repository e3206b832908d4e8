/**
 * The place of a pasted report: a search box matched against every GB/T 2260 place (code, name,
 * short name, pinyin, or a name with its province/prefecture); an ambiguous name lists its
 * candidates to choose from, never a guess.
 */
import type { DivisionRow, RegionLookup, RegionMatch } from '../../../core/regions/region-lookup.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** 山西省大同市广灵县: unambiguous, so typing it back (or choosing it) always matches the same place. */
export function fullPlaceName(row: DivisionRow): string {
  return `${row.region_code.endsWith('0000') ? '' : row.province_name}${row.prefecture_name && row.prefecture_name !== row.region_name ? row.prefecture_name : ''}${row.region_name}`;
}

interface Props {
  lookup: RegionLookup | null;
  query: string;
  match: RegionMatch | null;
  /** The place in use (the match, or the prefill while the user has not typed). */
  region: DivisionRow | null;
  fromText: boolean;
  onQuery(query: string): void;
}

export function RegionField({ lookup, query, match, region, fromText, onQuery }: Props) {
  const { m } = useI18n();
  return (
    <div className="report-import-field report-import-region">
      <label htmlFor="report-import-region">{m.importReportRegionLabel}</label>
      <input id="report-import-region" data-testid="report-region" type="search" value={query} autoComplete="off"
        placeholder={m.importReportRegionPlaceholder} onChange={(e) => onQuery(e.target.value)} aria-invalid={match?.kind === 'unknown'} />
      {!lookup && <span className="status">{m.importReportRegionLoading}</span>}
      {region && (
        <span className="report-import-region-chosen" data-testid="report-region-chosen" data-code={region.region_code}>
          {m.importReportRegionChosen(region.region_name, region.region_code, fullPlaceName(region).slice(0, -region.region_name.length))}
          {fromText && m.importReportRegionFromText}
        </span>
      )}
      {match?.kind === 'ambiguous' && (
        <span className="report-import-candidates">
          {m.importReportRegionAmbiguous}
          {match.candidates.slice(0, 12).map((c) => (
            <button type="button" key={c.region_code} onClick={() => onQuery(fullPlaceName(c))}>{fullPlaceName(c)}</button>
          ))}
        </span>
      )}
      {match?.kind === 'unknown' && query.trim() !== '' && <span className="report-import-invalid">{m.importReportRegionUnknown}</span>}
    </div>
  );
}
