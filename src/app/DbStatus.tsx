/**
 * The start-up banner: while DuckDB loads in the background it says so, with the step it is at
 * (1/3 code, 2/3 engine, 3/3 tables), and whether what is shown comes from the precomputed landing
 * snapshot or the view's precomputed defaults. Gone once the database is ready; a failure is shown
 * by the views (ErrorBox).
 */
import { useEffect, useState } from 'react';
import type { DbStage } from '../db/database.ts';
import { useDatabase } from '../features/shared/database.tsx';
import { useI18n } from '../features/i18n/i18n.tsx';
import { joinSentences } from '../core/text/join-sentences.ts';

export function DbStatus({ fromSnapshot, fromDefaults = false }: { fromSnapshot: boolean; fromDefaults?: boolean }) {
  const { lang, m } = useI18n();
  const database = useDatabase();
  const [stage, setStage] = useState<DbStage>(database.stage());
  useEffect(() => { setStage(database.stage()); return database.onStage(setStage); }, [database]);
  if (stage === 'ready' || stage === 'failed') return null;
  const step = stage === 'idle' ? 'code' : stage;
  return (
    <p className="db-status" role="status" data-testid="db-status">
      {joinSentences(lang, [fromSnapshot ? m.startupFromSnapshot : fromDefaults ? m.startupFromDefaults : m.startupWaiting, m.startupLoading(step)])}
    </p>
  );
}
