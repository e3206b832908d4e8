/**
 * The place of one report in the batch: what was read (or the user's search), and when a name
 * fits several places, those places as buttons — the user chooses, nothing is guessed.
 */
import { useState } from 'react';
import type { DivisionRow, RegionLookup } from '../../../../core/regions/region-lookup.ts';
import { useBatchMessages } from './use-batch-messages.ts';
import { fullPlaceName } from '../RegionField.tsx';

interface Props {
  lookup: RegionLookup | null;
  region: DivisionRow | null;
  /** Candidates the document's name fits (from the worker). */
  candidates: readonly DivisionRow[];
  onChoose(region: DivisionRow | null): void;
  /** The test hook of the search box (one per report by default; the batch-wide field has its own). */
  testId?: string;
}

export function BatchPlaceField({ lookup, region, candidates, onChoose, testId = 'batch-place' }: Props) {
  const { m } = useBatchMessages();
  const [query, setQuery] = useState<string | null>(null);
  const match = lookup && query !== null && query.trim() !== '' ? lookup.match(query) : null;
  const shown = match?.kind === 'ambiguous' ? match.candidates : region ? [] : candidates;
  const onQuery = (text: string) => {
    setQuery(text);
    const found = lookup && text.trim() !== '' ? lookup.match(text) : null;
    onChoose(found?.kind === 'match' ? found.region : null);
  };
  return (
    <div className="report-batch-field report-batch-place">
      <label>
        {m.batchPlaceSearch}
        <input type="search" data-testid={testId} value={query ?? (region ? fullPlaceName(region) : '')} autoComplete="off"
          onChange={(e) => onQuery(e.target.value)} aria-invalid={!region} />
      </label>
      {region && <span className="report-batch-chosen" data-testid="batch-place-chosen" data-code={region.region_code}>{fullPlaceName(region)}({region.region_code})</span>}
      {match?.kind === 'unknown' && <span className="report-import-invalid">{m.batchPlaceUnknown}</span>}
      {shown.length > 0 && (
        <span className="report-import-candidates" data-testid="batch-candidates">
          {m.batchCandidates}
          {shown.slice(0, 12).map((c) => (
            <button type="button" key={c.region_code} data-code={c.region_code} onClick={() => { setQuery(null); onChoose(c); }}>{fullPlaceName(c)}</button>
          ))}
        </span>
      )}
    </div>
  );
}
