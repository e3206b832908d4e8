/**
 * SQL takes values as bound parameters; identifiers come only from constants. Two proofs:
 * 1. statically, every `${…}` spliced into SQL text in src/db/queries/* is one of a reviewed list of
 *    constant fragments (a new interpolation fails here until someone checks it is not a value);
 * 2. at run time, every query function runs with hostile values (SQL payloads, unicode, 10 KB
 *    strings) under @duckdb/node-api on the fixture dataset: tables intact, results empty or
 *    holding only rows that really contain the text searched for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareFigures, compareYears, latestYearCoverage } from '../../src/db/queries/compare.ts';
import { coverageCells, coveragePlaces, coverageSummary, dataYears } from '../../src/db/queries/coverage.ts';
import { dataCount, dataPage, NO_FILTERS, type DataSort } from '../../src/db/queries/data-table.ts';
import { listIndicators } from '../../src/db/queries/indicators.ts';
import { listPlaces, peerMembers, PEER_GROUP_IDS, type PeerGroupId } from '../../src/db/queries/peers.ts';
import { peerStandings, profileFigures, datasetYears } from '../../src/db/queries/profile.ts';
import { derivationSources, observationDetail, observationSiblings, reportObservations, reportSources } from '../../src/db/queries/provenance.ts';
import { countRegions, regionsWithIndicator } from '../../src/db/queries/regions.ts';
import { trendPoints } from '../../src/db/queries/trend.ts';
import { SQL_PAYLOADS, UNICODE_PAYLOADS, HTML_PAYLOADS } from '../fixtures/bad-inputs/naughty-strings.ts';
import { openNodeDb, type NodeDb } from './node-db.ts';

const QUERIES_DIR = join(import.meta.dirname, '..', '..', 'src', 'db', 'queries');

/**
 * The fragments allowed inside SQL template literals: constants, fixed column lists, placeholder
 * numbers and clauses chosen from fixed maps. Values never appear here; they are `?`/`$n` parameters.
 */
const REVIEWED_INTERPOLATIONS = new Set([
  // pick.ts: the pick rule's ORDER BY, over a table alias chosen by the caller (a literal 'o' or none).
  '${c}', '${alias}', '${period}', '${periodRank(alias)}',
  // peers.ts: placeholder numbers ($1, $2…) and the CTE text built from them.
  '${first}', '${first + 1}', '${first + 2}', '${first + 3}', '${focus}', '${group}', '${custom}', '${levels}', '${peerCtes(1)}',
  // Constant fragments and column lists.
  "${pickOrder()}", "${pickOrder('o')}", '${COLUMNS}', '${ROW_REPORT_COLUMNS}', '${pick}', '${ind}',
  // data-table.ts / coverage.ts: a WHERE made of fixed fragments joined by AND, ORDER BY from a fixed map, a fixed JOIN.
  '${where}', "${parts.join(' AND ')}", "${orderBy(sort, 'o.indicator_ord')}", "${orderBy(sort, 'io.ord NULLS LAST')}",
  "${needsRegions ? 'LEFT JOIN regions g USING (region_code)' : ''}",
  // coverage.ts: a table alias chosen in code, a constant sub-query and numeric thresholds.
  "${alias ? `${alias}.` : ''}", '${WHOLE}', '${MIN_TREND_YEARS}', '${MIN_COMPARE_PLACES}',
  // provenance.ts: a constant JOIN to the user datasets table.
  '${USER_DATASET}',
  // pick.ts's arg_min key (scale) and the pre-aggregate's year list over a code-chosen alias.
  '${pickKey()}', "${pickKey('o')}", "${numericYearsSql('c')}",
  // pick-rule.ts: the government publishers (a constant list) and the rule's keys named k0…kn in a struct.
  '${p}', '${governmentSql}', "${pickKeyList(alias ? `${alias}.` : '').map((key, i) => `k${i} := ${key}`).join(', ')}",
  // coverage.ts: a constant year-span query followed by the fixed `AND year = ?` fragment.
  '${SPAN}', '${filter.sql}',
  // data-table-keys.ts: key expressions over code-chosen aliases and constant stand-ins, a comparison
  // operator from a fixed union, and one `?` per key column.
  '${expr}', '${standIn}', '${condition}', '${a}', '${i}', "${columns.join(', ')}", '${op}', "${columns.map(() => '?').join(', ')}",
  // data-table.ts keyset pages: key names k0…kn, fixed fragments, directions and clauses chosen in code;
  // cursor values, limits and offsets are bound. (Line 251's \`\${sort}\`/\`\${nKeys}\` are an error message.)
  "${base ? `${base} AND` : 'WHERE'}", "${extra.join(' AND ')}", "${where.needsRegions ? 'LEFT JOIN regions g USING (region_code)' : ''}",
  "${backwards ? 'min' : 'max'}", "${lead.join(', ')}", "${keys.slice(0, nLead).map((k, i) => `${k} AS ${lead[i]}`).join(', ')}",
  '${from}', '${and(where.sql, seekLead)}', "${lead.map((k) => `${k}${desc}`).join(', ')}", "${keys.slice(0, nLead).join(', ')}",
  "${backwards ? '>=' : '<='}", '${and(where.sql, window)}', "${keys.map((k, i) => `${k} AS ${names[i]}`).join(', ')}",
  "${and('', seek)}", "${names.map((k) => `${k}${desc}`).join(', ')}", "${at.at === 'offset' ? 'OFFSET ?' : ''}", '${cut}',
  "${names.map((k) => `o.${k}`).join(', ')}", '${sort}', '${nKeys}', '${at.key.length}',
]);

describe('SQL text in src/db/queries is built from constants only', () => {
  it('every interpolation into a template literal is a reviewed constant fragment', () => {
    const unknown: string[] = [];
    for (const file of readdirSync(QUERIES_DIR).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(QUERIES_DIR, file), 'utf8');
      for (const match of source.matchAll(/\$\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/g)) {
        const line = source.slice(0, match.index).split('\n').length;
        const lineText = source.split('\n')[line - 1] ?? '';
        // Messages and non-SQL strings (errors, labels) are not SQL: only lines inside SQL-looking text are checked.
        if (/^\s*(\/\/|\*)/.test(lineText)) continue;
        if (!REVIEWED_INTERPOLATIONS.has(match[0])) unknown.push(`${file}:${line}: ${match[0]}`);
      }
    }
    expect(unknown, 'Interpolation into SQL text that has not been reviewed: bind values as ? parameters instead').toEqual([]);
  });

  it('no query concatenates strings into SQL with +', () => {
    for (const file of readdirSync(QUERIES_DIR).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(QUERIES_DIR, file), 'utf8');
      expect(source, file).not.toMatch(/(SELECT|WHERE|FROM|ORDER BY)[^`]*['"`]\s*\+\s*[a-zA-Z_]/);
    }
  });
});

const TEN_KB = "'; DROP TABLE observations; --".repeat(350);
const HOSTILE = [...SQL_PAYLOADS, ...UNICODE_PAYLOADS.filter((s) => !s.includes('\ud800')), ...HTML_PAYLOADS.slice(0, 4), TEN_KB, '990001,990002', '990001'];

/** Every table's row count and a hash of its contents (table names read from the catalog, never from data). */
async function fingerprint(db: NodeDb): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const tables = (await db.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1`)).map((r) => r.name);
  expect(tables).toEqual(expect.arrayContaining(['observations', 'regions', 'reports', 'indicators']));
  for (const t of tables) {
    expect(t).toMatch(/^[a-z_]+$/);
    const [row] = await db.query<{ n: number; h: string }>(`SELECT count(*)::INTEGER AS n, coalesce(sum(hash(t))::VARCHAR, '0') AS h FROM ${t} t`);
    out[t] = `${row!.n}:${row!.h}`;
  }
  return out;
}

describe('every query function with hostile values on the fixture dataset', () => {
  let db: NodeDb;
  let before: Record<string, string>;
  beforeAll(async () => {
    db = await openNodeDb();
    before = await fingerprint(db);
  });
  afterAll(() => db.close());

  it('the fixture has data to lose', () => {
    expect(Number(before.observations!.split(':')[0])).toBeGreaterThan(0);
    expect(Number(before.regions!.split(':')[0])).toBeGreaterThan(0);
  });

  // One case per value: each names its value when it fails and has its own time (all of them in one
  // case took 50 s alone under load, near the 60 s limit).
  it.each(HOSTILE.map((s) => [s.slice(0, 40), s] as const))('lookups by the hostile id or code %j find nothing', async (_label, s) => {
    const known = new Set((await listPlaces(db)).map((p) => p.region_code));
    const codeLike = s === '990001' || s === '990001,990002';
    expect(await observationDetail(db, s), s.slice(0, 60)).toBeNull();
    expect(await observationSiblings(db, s)).toEqual([]);
    expect(await reportObservations(db, s)).toEqual([]);
    expect(await reportSources(db, [s])).toEqual([]);
    expect(await regionsWithIndicator(db, s)).toEqual([]);
    if (!codeLike) {
      expect(await trendPoints(db, 'mediation.success_rate', [s])).toEqual([]);
      expect(await profileFigures(db, s)).toEqual([]);
    }
    expect(await trendPoints(db, s, ['990001'])).toEqual([]);
    expect(await derivationSources(db, { obs_id: s, report_id: s, inputs: [], quote: s, quote_start: 0 })).toEqual([]);
    for (const group of PEER_GROUP_IDS) {
      const spec = { group, focus: s, custom: [s] };
      const members = await peerMembers(db, spec);
      // A group holds the focal place and real places only: 'all' every place, the others just the (unknown) focus.
      if (!codeLike) expect(members.every((m) => m === s || (group === 'all' && known.has(m))), `${group} ${s.slice(0, 40)}`).toBe(true);
      expect(await compareFigures(db, s, [2022], spec)).toEqual([]);
      expect(await compareYears(db, s, spec)).toEqual([]);
      await peerStandings(db, spec);
    }
  });

  it('free-text filters return only rows that contain the text', async () => {
    for (const s of HOSTILE) {
      const byQuote = await dataPage(db, { ...NO_FILTERS, quoteText: s }, 'place', 1000, 0);
      for (const row of byQuote) expect(row.quote.toLowerCase()).toContain(s.trim().toLowerCase());
      expect((await dataCount(db, { ...NO_FILTERS, quoteText: s })).n_rows).toBe(byQuote.length);
      const byPlace = await dataPage(db, { ...NO_FILTERS, placeText: s, indicatorId: s, regionCodes: [s] }, 'year_desc', 1000, 0);
      expect(byPlace).toEqual([]);
    }
  });

  it('values outside a filter\'s closed set are bound (no match), and a sort outside the map is refused, not spliced', async () => {
    const hostileFilters = { ...NO_FILTERS, kind: "reported' OR 1=1 --" as never, approx: "exact' OR '1'='1" as never, period: '1=1' as never };
    expect(await dataPage(db, hostileFilters, 'place', 1000, 0)).toEqual([]);
    await expect(dataPage(db, NO_FILTERS, "o.year; DROP TABLE observations; --" as DataSort, 10, 0)).rejects.toThrow();
    for (const group of ["prefecture' OR 1=1 --", 'all; DROP TABLE regions'] as unknown as PeerGroupId[]) {
      expect(await peerMembers(db, { group, focus: '990001', custom: [] })).toEqual(['990001']);
    }
  });

  it('years, limits and offsets that are not sensible numbers do no harm', async () => {
    for (const year of [0, -1, 9999, 2024.5, Number.MAX_SAFE_INTEGER]) {
      expect(await dataPage(db, { ...NO_FILTERS, year }, 'place', 10, 0)).toEqual([]);
      await coverageCells(db, year);
      await coverageSummary(db, year);
    }
    await expect(dataPage(db, NO_FILTERS, 'place', -1, 0)).rejects.toThrow();
  });

  it('leaves every table exactly as it was', async () => {
    // The whole-table readers still work and agree with the fingerprint.
    await Promise.all([listIndicators(db), listPlaces(db), coveragePlaces(db), dataYears(db), latestYearCoverage(db), datasetYears(db), countRegions(db)]);
    expect(await fingerprint(db)).toEqual(before);
  });
});
