/** A banner on every view when the dataset's manifest says it is synthetic (a benchmark dataset must never pass for real data). */
import { useDatabase } from '../database.tsx';
import { useQuery } from '@tanstack/react-query';

import { useI18n } from '../../i18n/i18n.tsx';
import './dataset.css';

export function DatasetBanner() {
  const database = useDatabase();
  const { m } = useI18n();
  const source = useQuery({ queryKey: ['dataset-source'], queryFn: async () => (await database.source()).manifest, staleTime: Infinity });
  if (!source.data?.synthetic) return null;
  return (
    <div className="dataset-synthetic" role="note" data-testid="synthetic-banner">
      <strong>{m.datasetSynthetic}</strong> {m.datasetSyntheticDetail}
    </div>
  );
}
