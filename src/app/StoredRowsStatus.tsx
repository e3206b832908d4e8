/**
 * While the researcher's stored rows load into DuckDB the views answer from the shipped data alone
 * (src/db/browser-database.ts), so every answer on the page may lack the user's figures. This says
 * so on every view, with how many rows are coming, and when they are in it refreshes every query
 * (React Query invalidation), so nothing answered without them stays on screen as if complete.
 * Its text ends with an ellipsis, as all work in progress does: the browser tests wait for those.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { StoredRowsStatus as Status } from '../db/stored-rows-status.ts';
import { useDatabase } from '../features/shared/database.tsx';
import { useI18n } from '../features/i18n/i18n.tsx';
import { joinSentences } from '../core/text/join-sentences.ts';

export function StoredRowsStatus() {
  const { lang, m } = useI18n();
  const database = useDatabase();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Status>(database.storedRows());
  useEffect(() => {
    let previous = database.storedRows();
    let live = true;
    setStatus(previous);
    const stop = database.onStoredRows((next) => {
      const arrived = next.stage === 'in' && previous.stage !== 'in' && next.rows > 0;
      previous = next;
      if (!arrived) { setStatus(next); return; }
      // Answers given while they loaded lack them: asked again now (the divisions never hold user rows),
      // and the mark stays until the new answers are in, so an old one is never shown unmarked.
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'divisions' })
        .catch(() => undefined).then(() => { if (live) setStatus(next); });
    });
    return () => { live = false; stop(); };
  }, [database, queryClient]);
  if (status.stage !== 'loading') return null;
  const rows = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en').format(status.rows);
  return (
    <p className="stored-rows-status" role="status" data-testid="stored-rows-status" data-rows={status.rows}>
      {joinSentences(lang, [m.startupStoredRowsNotYet, m.startupStoredRows(rows)])}
    </p>
  );
}
