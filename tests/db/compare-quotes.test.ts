/**
 * Compare's figures come without quotes; the export fetches them (queries/compare-quotes.ts). Its CSV rows
 * must hold every quote the old path's rows held. The old path selected each figure's quote with the figure:
 * from the chosen row (`coalesce(k.quote, '')`, rows) or the tile's row (`t.quote`, tiles), so its rows are
 * the figures with the quote of their own row, read here from the whole table by obs_id, not through the
 * new query. Checked for every indicator and all its years among all places, for the bars' rows and the
 * two-year chart's, on the shipped dataset (rows and tiles built from it) and with a researcher's own rows.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareCsvRows, dumbbellCsvRows } from '../../src/charts/export-compare.ts';
import { compareFigures, pairYears, rankFigures, splitWholeYear, type CompareFigure } from '../../src/db/queries/compare.ts';
import { compareFiguresFromTiles } from '../../src/db/queries/compare-tiles.ts';
import { figureQuotes, figureQuotesFromTiles, quotesById, type FigureQuote } from '../../src/db/queries/compare-quotes.ts';
import type { PeerSpec } from '../../src/db/queries/peers.ts';
import type { Db } from '../../src/db/db.ts';
import { recomputeCoverage } from '../../src/db/pre-aggregates.ts';
import { insertUserDataset } from '../../src/db/user-rows.ts';
import { openNodeDb, type NodeDb } from './node-db.ts';
import { buildTiles, firstTileFigure } from './tiles-fixture.ts';
import { userDataset, userObservation } from './user-dataset-fixture.ts';

const SHIPPED = join(import.meta.dirname, '..', '..', 'public', 'data');
const ALL_PLACES = (focus: string): PeerSpec => ({ group: 'all', focus, custom: [] });
const INDICATOR = { id: 'x', name: 'x', unit: '' };

type Figures = (db: Db, indicatorId: string, years: readonly number[], peers: PeerSpec) => Promise<CompareFigure[]>;
type Quotes = (db: Db, obsIds: readonly string[]) => Promise<FigureQuote[]>;

/** The old path's quotes: every row's own, by obs_id (the tiles' rows, then the rows, as the old queries read them). */
async function ownQuotes(db: NodeDb, tiles: boolean): Promise<Map<string, string>> {
  const rows = await db.query<FigureQuote>("SELECT obs_id, coalesce(quote, '') AS quote FROM observations");
  const tiled = tiles ? await db.query<FigureQuote>('SELECT obs_id, quote FROM tile_figures') : [];
  return quotesById([...rows, ...tiled]) as Map<string, string>;
}

/** For every indicator: the export's rows with fetched quotes equal the old path's; returns how many quotes were compared. */
async function expectExportKeepsQuotes(db: NodeDb, figuresOf: Figures, quotesOf: Quotes, tiles: boolean): Promise<{ quotes: number; nonEmpty: number }> {
  const own = await ownQuotes(db, tiles);
  const indicators = await db.query<{ indicator_id: string; years: string; focus: string }>(`SELECT indicator_id,
    string_agg(DISTINCT year::VARCHAR, ',' ORDER BY year::VARCHAR) AS years, min(region_code) AS focus
    FROM observations WHERE value IS NOT NULL AND year IS NOT NULL GROUP BY ALL ORDER BY ALL`);
  let quotes = 0;
  let nonEmpty = 0;
  for (const { indicator_id, years, focus } of indicators) {
    const all = years.split(',').map(Number);
    const figures = await figuresOf(db, indicator_id, all, ALL_PLACES(focus));
    const ranked = rankFigures(splitWholeYear(figures).whole, 'higher');
    const fetched = quotesById(await quotesOf(db, figures.map((f) => f.obs_id)));
    expect(compareCsvRows(ranked, fetched, [], INDICATOR), indicator_id).toEqual(compareCsvRows(ranked, own, [], INDICATOR));
    const { pairs } = pairYears(figures.filter((f) => f.year === all[0]), figures.filter((f) => f.year === all.at(-1)));
    expect(dumbbellCsvRows(pairs, 'higher', fetched, [], INDICATOR), indicator_id).toEqual(dumbbellCsvRows(pairs, 'higher', own, [], INDICATOR));
    quotes += figures.length;
    nonEmpty += figures.filter((f) => own.get(f.obs_id) !== '').length;
  }
  return { quotes, nonEmpty };
}

describe('the export\'s quotes on the shipped dataset', () => {
  let db: NodeDb;
  beforeAll(async () => { db = await openNodeDb(SHIPPED); await buildTiles(db); });
  afterAll(() => db.close());

  it('are every figure\'s own quote, read from the rows', async () => {
    const { quotes, nonEmpty } = await expectExportKeepsQuotes(db, compareFigures, figureQuotes, false);
    expect(quotes).toBeGreaterThan(50);
    expect(nonEmpty, 'the shipped figures have quotes to lose').toBe(quotes);
  }, 120_000);

  it('are every figure\'s own quote, read from the tiles', async () => {
    const { quotes, nonEmpty } = await expectExportKeepsQuotes(db, compareFiguresFromTiles, figureQuotesFromTiles, true);
    expect(quotes).toBeGreaterThan(50);
    expect(nonEmpty).toBe(quotes);
  }, 120_000);
});

describe('the export\'s quotes with the researcher\'s own rows', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openNodeDb();
    await buildTiles(db); // the publisher's tiles hold shipped rows only
    const shipped = await firstTileFigure(db);
    await insertUserDataset(db, userDataset({}, [
      // Where nothing is shipped: the user's figure, with its own quote, is the place's figure.
      userObservation({ region_code: shipped.region_code, indicator_id: shipped.indicator_id, year: 1990, value: 7, quote: '【虚构】我的数据 7。' }),
    ]), () => null, recomputeCoverage);
  });
  afterAll(() => db.close());

  it('keep the user\'s quote beside the tiles\' and the rows\'', async () => {
    await expectExportKeepsQuotes(db, compareFiguresFromTiles, figureQuotesFromTiles, true);
    await expectExportKeepsQuotes(db, compareFigures, figureQuotes, false);
    const [user] = await db.query<{ obs_id: string }>("SELECT obs_id FROM observations WHERE origin = 'user'");
    expect(await figureQuotesFromTiles(db, [user!.obs_id])).toEqual([{ obs_id: user!.obs_id, quote: '【虚构】我的数据 7。' }]);
  });
});

describe('figure quotes by id', () => {
  it('refuse an id that would be split in two rather than look up something else', async () => {
    const db = await openNodeDb();
    try {
      await expect(figureQuotes(db, ['a,b'])).rejects.toThrow(/comma/);
    } finally {
      db.close();
    }
  });

  it('are not written as empty cells when one was not fetched: the export fails, naming the figure', () => {
    const figure = rankFigures([{ obs_id: 'f1', region_code: '990001', region_name: '测试县', name_pinyin: '', year: 2022, period: 'year', value: 1,
      unit: '', approx: 'exact', value_kind: 'reported', flags: [], n_candidates: 1, report_id: 'r' }], 'higher');
    expect(() => compareCsvRows(figure, new Map(), [], INDICATOR)).toThrow(/no quote found for figure f1/);
  });
});
