/** A banner on every view when the dataset's manifest says it is synthetic (a benchmark dataset must never pass for real data). */
import { useQuery } from '@tanstack/react-query';
import { getSource } from '../../../db/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import './dataset.css';

export function DatasetBanner() {
  const { m } = useI18n();
  const source = useQuery({ queryKey: ['dataset-source'], queryFn: async () => (await getSource()).manifest, staleTime: Infinity });
  if (!source.data?.synthetic) return null;
  return (
    <div className="dataset-synthetic" role="note" data-testid="synthetic-banner">
      <strong>{m.datasetSynthetic}</strong> {m.datasetSyntheticDetail}
    </div>
  );
}
