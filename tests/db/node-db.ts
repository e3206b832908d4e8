/** The Node implementation of the Db door, for the tests: scripts/lib/node-db.ts, on the test fixture by default. */
import { join } from 'node:path';
import { openNodeDb as open, type NodeDb } from '../../scripts/lib/node-db.ts';

export type { NodeDb };

export const FIXTURE_DIR = join(import.meta.dirname, '..', 'fixtures', 'dataset');

export function openNodeDb(dir: string = FIXTURE_DIR): Promise<NodeDb> {
  return open(dir);
}
