/**
 * One place for many reports at once: a folder of one county's years is read as many files whose
 * place the documents may not name (or name ambiguously). The user chooses the place once and
 * applies it to the reports still without one, or to every report in the batch; nothing is guessed.
 */
import { useState } from 'react';
import type { DivisionRow, RegionLookup } from '../../../../core/regions/region-lookup.ts';
import { BatchPlaceField } from './BatchPlaceField.tsx';
import { blocker, type BatchItem } from './batch-item.ts';
import { useBatchMessages } from './use-batch-messages.ts';

interface Props {
  lookup: RegionLookup | null;
  items: readonly BatchItem[];
  onApply(keys: readonly string[], region: DivisionRow): void;
}

/** Reports still being read or already stored keep their place; the rest can take the chosen one. */
const canTakePlace = (item: BatchItem): boolean => item.status === 'ready' && !item.excluded && !item.duplicateOf;
const lacksPlace = (item: BatchItem): boolean => {
  const why = blocker(item);
  return why === 'no-place' || why === 'ambiguous-place';
};

export function BatchPlaceForMany({ lookup, items, onApply }: Props) {
  const { m } = useBatchMessages();
  const [region, setRegion] = useState<DivisionRow | null>(null);
  const open = items.filter((item) => canTakePlace(item) && lacksPlace(item));
  const every = items.filter(canTakePlace);
  if (every.length < 2) return null;
  return (
    <fieldset className="report-batch-many" data-testid="batch-place-many">
      <legend>{m.batchPlaceManyLegend}</legend>
      <BatchPlaceField lookup={lookup} region={region} candidates={[]} onChoose={setRegion} testId="batch-place-many-field" />
      <button type="button" data-testid="batch-place-many-missing" disabled={!region || open.length === 0}
        onClick={() => region && onApply(open.map((item) => item.key), region)}>
        {m.batchPlaceManyMissing(open.length)}
      </button>
      <button type="button" data-testid="batch-place-many-all" disabled={!region}
        onClick={() => region && onApply(every.map((item) => item.key), region)}>
        {m.batchPlaceManyAll(every.length)}
      </button>
    </fieldset>
  );
}
