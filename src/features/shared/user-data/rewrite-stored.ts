/**
 * The one-time rewrite of a dataset stored in an older layout (`csv-v1`) into the current one
 * (`arrow-v1`), so the next start-up loads it with one Arrow insert. Nothing is lost: the rows are
 * decoded from the checked blob and re-encoded whole, and the new blob replaces the old one in one
 * transaction, only if the old one is still there; any failure leaves the old record as it was (and
 * it still loads, through the CSV reader). Runs in rewrite-stored.worker.ts, off the page.
 */
import { readStoredRows } from '../../../core/user-data/read-stored-rows.ts';
import { ARROW_ROWS_FORMAT } from '../../../core/user-data/stored-rows.ts';
import { readCheckedRows } from './checked-rows.ts';
import { encodeDataset } from './encode-dataset.ts';
import type { UserDataStore } from './store.ts';

/** `rewritten`; `current` (already in the current layout); `gone` (removed or replaced meanwhile). Throws when the rows cannot be read or written. */
export type RewriteOutcome = 'rewritten' | 'current' | 'gone';

export async function rewriteInCurrentLayout(store: Pick<UserDataStore, 'getMeta' | 'readRows' | 'replaceRows'>, id: string): Promise<RewriteOutcome> {
  const meta = await store.getMeta(id);
  if (!meta) return 'gone';
  if (meta.rows.format === ARROW_ROWS_FORMAT) return 'current';
  const observations = readStoredRows(meta.rows, await readCheckedRows(store, meta));
  if (observations.length !== meta.rows.rowCount) throw new Error(`${id}: ${observations.length} rows decoded, ${meta.rows.rowCount} expected`);
  const encoded = await encodeDataset({
    id: meta.id, kind: meta.kind, fileName: meta.fileName, importedAt: meta.importedAt, encoding: meta.encoding, reports: meta.reports, observations,
  });
  return (await store.replaceRows(encoded, meta.rows.sha256)) ? 'rewritten' : 'gone';
}
