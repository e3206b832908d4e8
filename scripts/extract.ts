/**
 * Reports → dataset (docs/DATA-CONTRACT.md §2): reads every `*.txt` report, runs the extractor and
 * writes observations, reports, regions, indicators and rejects as Parquet and CSV, plus
 * manifest.json, into the output folder.
 *
 * Usage: npm run extract [-- --reports <dir>] [-- --out <dir>]
 *   defaults: --reports data/reports  --out public/data  (relative to the repository root)
 *
 * Exit status: 0 all reports built; 1 some reports failed (named on stderr, the others were
 * written); 2 bad arguments or a table that could not be built (the output folder is untouched).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildDataset, type BuildResult } from './lib/build-dataset.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: npm run extract -- [--reports <dir>] [--out <dir>]';

async function main(): Promise<number> {
  let values: { reports?: string; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { reports: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`extract: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const reportsDir = values.reports ?? join(ROOT, 'data', 'reports');
  const outDir = values.out ?? join(ROOT, 'public', 'data');

  const started = performance.now();
  let result: BuildResult;
  try {
    result = await buildDataset({ reportsDir, outDir });
  } catch (error) {
    console.error(`extract: the dataset was not written (${outDir} is unchanged): ${(error as Error).message}`);
    return 2;
  }
  for (const warning of result.warnings) console.error(`warning: ${warning}`);
  for (const failure of result.failures) console.error(`error: ${failure.reason}`);
  printSummary(result, outDir, performance.now() - started);
  return result.failures.length > 0 ? 1 : 0;
}

function printSummary(result: BuildResult, outDir: string, ms: number): void {
  const { rows, observations } = result;
  console.log(
    `reports read ${result.reportsRead}, failed ${result.failures.length}; observations ${rows.observations} `
    + `(${observations.reported} reported, ${observations.derived} derived); rejects ${rows.rejects}; `
    + `regions ${rows.regions}; indicators ${rows.indicators} → ${outDir} in ${(ms / 1000).toFixed(2)} s`,
  );
  const width = Math.max(...result.perIndicator.map((c) => c.indicator_id.length));
  const present = result.perIndicator.filter((c) => c.reported + c.derived > 0);
  console.log(`  ${'indicator'.padEnd(width)} reported derived`);
  for (const c of present) console.log(`  ${c.indicator_id.padEnd(width)} ${String(c.reported).padStart(8)} ${String(c.derived).padStart(7)}`);
  const absent = result.perIndicator.filter((c) => c.reported + c.derived === 0).map((c) => c.indicator_id);
  if (absent.length > 0) console.log(`  no rows: ${absent.join(', ')}`);
}

process.exitCode = await main();
