/**
 * A stored dataset as a CSV file, made off the page: decoding a million stored rows and writing them
 * as text would hold the main thread for seconds. One request (`{ id }`), one answer: the file as a
 * Blob (handed over without copying its text) and its name, or why it failed.
 */
import { createIndexedDbStore } from './store.ts';
import { userCsvFileName, userDatasetCsv } from './user-data-csv.ts';

export type ExportRequest = { id: string };
export type ExportResponse = { file: Blob; fileName: string } | { failed: string };

self.onmessage = async (event: MessageEvent<ExportRequest>) => {
  try {
    const dataset = await createIndexedDbStore().get(event.data.id);
    if (!dataset) throw new Error(`No stored dataset ${event.data.id}`);
    const file = new Blob([userDatasetCsv(dataset)], { type: 'text/csv;charset=utf-8' });
    self.postMessage({ file, fileName: userCsvFileName(dataset) } satisfies ExportResponse);
  } catch (error) {
    self.postMessage({ failed: error instanceof Error ? error.message : String(error) } satisfies ExportResponse);
  }
};
