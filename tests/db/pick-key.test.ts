/**
 * `pickKey` (arg_min in a GROUP BY, used at national scale) chooses the same row as `pickOrder`
 * (row_number() over a window, used elsewhere): checked on random groups of competing rows.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickKey, pickOrder } from '../../src/db/queries/pick.ts';
import { openNodeDb, type NodeDb } from './node-db.ts';

let db: NodeDb;
beforeAll(async () => {
  db = await openNodeDb();
  await db.exec('CREATE TABLE candidates (grp INTEGER, value DOUBLE, origin VARCHAR, period VARCHAR, value_kind VARCHAR, approx VARCHAR, publisher_kind VARCHAR, report_id VARCHAR, span_start INTEGER, obs_id VARCHAR)');
});
afterAll(() => db.close());

const row = fc.record({
  value: fc.constantFrom('NULL', '12', '98.5'),
  origin: fc.constantFrom('shipped', 'user'),
  period: fc.constantFrom('year', '2024-01/2024-06', '2024-Q3', '2024-05', '2024-03-04'),
  value_kind: fc.constantFrom('reported', 'derived'),
  approx: fc.constantFrom('exact', 'at_least', 'at_most', 'about'),
  publisher_kind: fc.constantFrom('county-gov', 'city-gov', 'district-gov', 'department', 'other'),
  report_id: fc.constantFrom('a-2024', 'b-2024', 'c-2024'),
  span_start: fc.integer({ min: 0, max: 3 }),
});

describe('pickKey', () => {
  it('picks the row pickOrder ranks first, in every group', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.array(row, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }), async (groups) => {
      await db.exec('DELETE FROM candidates');
      const values = groups.flatMap((rows, g) => rows.map((r, i) =>
        `(${g}, ${r.value}, '${r.origin}', '${r.period}', '${r.value_kind}', '${r.approx}', '${r.publisher_kind}', '${r.report_id}', ${r.span_start}, 'o${g}-${i}')`));
      await db.exec(`INSERT INTO candidates VALUES ${values.join(', ')}`);
      const byWindow = await db.query<{ grp: number; obs_id: string }>(`
        SELECT grp, obs_id FROM candidates QUALIFY row_number() OVER (PARTITION BY grp ORDER BY ${pickOrder()}) = 1 ORDER BY grp`);
      const byKey = await db.query<{ grp: number; obs_id: string }>(`
        SELECT grp, arg_min(obs_id, ${pickKey()}) AS obs_id FROM candidates GROUP BY grp ORDER BY grp`);
      expect(byKey).toEqual(byWindow);
    }), { numRuns: 60 });
  });
});
