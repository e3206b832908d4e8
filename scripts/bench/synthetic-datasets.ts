/**
 * Many small SYNTHETIC stored datasets (benchmarks only, never shipped), for `npm run bench:user-rows --
 * --datasets N`: what a researcher who imported many reports one by one has at start-up. Each dataset is
 * a table import of a few rows (real county codes from divisions.csv, invented values within each unit's
 * range), encoded by the app's own `encodeDataset` (Arrow blob, sha256, metadata, summary) and written
 * into the page's IndexedDB store beside what the app wrote, in the app's own layout (store.ts): the
 * start-up then reads them as it reads any import's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { INDICATORS } from '../../src/core/catalog/indicators.ts';
import type { UserDataset, UserObservation } from '../../src/core/user-data/types.ts';
import { ARROW_STREAM_TYPE, encodeDataset } from '../../src/features/shared/user-data/encode-dataset.ts';
import { DB_NAME } from '../../src/features/shared/user-data/store.ts';

/** County-level places (code, name) from the divisions the app ships. */
function counties(repo: string): Array<{ code: string; name: string }> {
  const lines = readFileSync(join(repo, 'public/data/divisions.csv'), 'utf8').replace(/^\ufeff/, '').split('\n');
  const header = lines[0]!.split(',');
  const [code, name] = [header.indexOf('region_code'), header.indexOf('region_name')];
  return lines.slice(1).map((l) => l.split(',')).filter((c) => /^\d{6}$/.test(c[code] ?? '') && !/0000$|00$/.test(c[code]!))
    .map((c) => ({ code: c[code]!, name: c[name] ?? '' }));
}

/** `count` SYNTHETIC table datasets of `rowsEach` rows: dataset k names places k·rowsEach…, one indicator, year 2000 + k % 25. */
export function syntheticDatasets(repo: string, count: number, rowsEach: number): UserDataset[] {
  const places = counties(repo);
  return Array.from({ length: count }, (_, k) => {
    const id = `user-20261206000000-syn${String(k).padStart(5, '0')}`;
    const reportId = `${id}-r1`;
    const indicator = INDICATORS[k % INDICATORS.length]!;
    const year = 2000 + (k % 25);
    const observations: UserObservation[] = Array.from({ length: rowsEach }, (_, i) => {
      const place = places[(k * rowsEach + i) % places.length]!;
      const value = indicator.unit === '%' ? ((k * 7 + i) % 1000) / 10 : (k * 31 + i) % 5000;
      return {
        region_code: place.code, region_name: place.name, year, period: 'year', indicator_id: indicator.indicator_id, value, unit: indicator.unit,
        approx: 'exact', value_kind: 'reported', report_id: reportId, quote: `地区: ${place.name}; ${year}: ${value}`, span_start: 0, span_end: 0,
        rule_id: 'user-table', quote_start: 0, derivation: '', inputs: [], flags: [], source_row: i + 2, source_column: 'value',
        table_quote: '', table_unit: '', table_source: '',
      };
    });
    return {
      id, kind: 'table', fileName: `synthetic-${k}.csv`, importedAt: `2026-12-06T00:00:${String(k % 60).padStart(2, '0')}.000Z`, encoding: 'UTF-8',
      observations,
      reports: [{
        meta: {
          id: reportId, region_code: '', region_name: '', year, publisher: '', publisher_kind: 'other', source_kind: 'other',
          title: `synthetic-${k}.csv`, url: '', published: '', coverage: 'excerpt',
        },
        body: '',
      }],
    };
  });
}

/**
 * Writes the datasets into the page's store (the page must be on the app's origin and the app must have
 * opened the store once, so its object stores exist): per dataset its metadata, blob and summary in one
 * transaction, as the app's `putEncoded` does.
 */
export async function storeDatasets(page: Page, datasets: readonly UserDataset[]): Promise<void> {
  const encoded = await Promise.all(datasets.map((d) => encodeDataset(d)));
  const records = await Promise.all(encoded.map(async ({ meta, rows, summary }) => ({ meta, summary, bytes: [...new Uint8Array(await rows.arrayBuffer())] })));
  await page.evaluate(async ({ name, type, records }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    for (const { meta, summary, bytes } of records) {
      const tx = db.transaction(['meta', 'rows', 'summaries'], 'readwrite');
      tx.objectStore('meta').put(meta);
      tx.objectStore('rows').put(new Blob([new Uint8Array(bytes)], { type }), meta.id);
      tx.objectStore('summaries').put(summary);
      await new Promise<void>((resolve, reject) => { tx.oncomplete = () => resolve(); tx.onerror = () => reject(tx.error); });
    }
    db.close();
  }, { name: DB_NAME, type: ARROW_STREAM_TYPE, records });
}
