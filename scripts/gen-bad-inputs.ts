/**
 * Writes the hostile and broken import inputs of tests/fixtures/bad-inputs/ (cases.ts), deterministically.
 *
 *   npx tsx scripts/gen-bad-inputs.ts           big files only, into generated/ (git-ignored; the browser battery runs this first)
 *   npx tsx scripts/gen-bad-inputs.ts --small   also the small committed files (files/), the DuckDB-made Parquet files,
 *                                               MANIFEST.json and MANIFEST.md
 *
 * Big files are streamed in blocks, so generating them never holds 200 MB in memory.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import writeExcelFile from 'write-excel-file/node';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CASES, HEADER, VALID, type BadInput } from '../tests/fixtures/bad-inputs/cases.ts';
import { HTML_PAYLOADS, SQL_PAYLOADS, XSS_CANARY } from '../tests/fixtures/bad-inputs/naughty-strings.ts';
import { blankPagesPdf } from '../tests/fixtures/bad-inputs/tiny-pdf.ts';
import { crc32, deflateRawSync } from 'node:zlib';

export const BAD_INPUTS_DIR = resolve(fileURLToPath(new URL('../tests/fixtures/bad-inputs/', import.meta.url)));
export const FILES_DIR = join(BAD_INPUTS_DIR, 'files');
export const GENERATED_DIR = join(BAD_INPUTS_DIR, 'generated');

/** 200 MiB, the import's CSV cap, plus one row: the smallest file the cap must refuse. */
export const BIG_BYTES = 200 * 1024 * 1024 + 64;
export const COLUMNS = 1_000_000;

/** Where a case's file is on disk. */
export const pathOf = (c: Pick<BadInput, 'file' | 'generated'>): string => join(c.generated ? BAD_INPUTS_DIR : FILES_DIR, c.file);

/** Streams `total` bytes: a head, then `block` repeated (cut to fit), then nothing more. */
function writeStreamed(path: string, head: string, block: string, total: number): void {
  const fd = openSync(path, 'w');
  try {
    const headBytes = Buffer.from(head);
    writeSync(fd, headBytes);
    const blockBytes = Buffer.from(block.repeat(Math.max(1, Math.floor(1_048_576 / block.length))));
    let written = headBytes.length;
    while (written < total) {
      const chunk = blockBytes.subarray(0, Math.min(blockBytes.length, total - written));
      writeSync(fd, chunk);
      written += chunk.length;
    }
  } finally {
    closeSync(fd);
  }
}

const GENERATORS: Record<string, { size: number; write: (path: string) => void }> = {
  'generated/big-200mb.csv': {
    size: BIG_BYTES,
    // Whole rows only: the block is rows, and the size is padded up to the next row end below.
    write: (path) => {
      const rows = `${VALID[0]}\n${VALID[1]}\n`;
      const head = `${HEADER}\n`;
      const total = head.length + Math.ceil((BIG_BYTES - Buffer.byteLength(head)) / Buffer.byteLength(rows)) * Buffer.byteLength(rows);
      writeStreamed(path, head, rows, total);
    },
  },
  'generated/columns-1m.csv': {
    size: 0,
    write: (path) => {
      const names = Array.from({ length: COLUMNS }, (_, i) => `c${i}`).join(',');
      writeFileSync(path, `${names}\n${'1,'.repeat(COLUMNS - 1)}1\n`);
    },
  },
  'generated/cell-100k.csv': {
    size: 0,
    write: (path) => writeFileSync(path, `${HEADER},note\n${VALID[0]},${'长'.repeat(100_000)}\n${VALID[1]},"${'"'.repeat(2) + 'x'.repeat(100_000)}"\n`),
  },
  'generated/report-long-line-100k.txt': {
    size: 0,
    write: (path) => writeFileSync(path, `${'法治'.repeat(50_000)}共受理行政复议案件18件\n`),
  },
  'generated/pdf-10000-pages.pdf': { size: 0, write: (path) => writeFileSync(path, blankPagesPdf(10_000)) },
  'generated/docx-zip-bomb-300mb.docx': { size: 0, write: (path) => writeFileSync(path, deflateBombDocx(300 * 1024 * 1024)) },
  'generated/docx-zip-bomb-lying.docx': { size: 0, write: (path) => writeFileSync(path, deflateBombDocx(300 * 1024 * 1024, 4096)) },
  'generated/report-one-line-5mb.txt': {
    size: 5 * 1024 * 1024,
    write: (path) => writeStreamed(path, '灵丘县2022年法治政府建设年度报告:', '全年共受理行政复议案件18件,', 5 * 1024 * 1024),
  },
};

/**
 * A DOCX-shaped ZIP whose word/document.xml is `bytes` zeros, deflated (≈1000:1), declared honestly or
 * as `declared` bytes (a crafted bomb: the sizes lie, only inflating shows it).
 */
function deflateBombDocx(bytes: number, declared = bytes): Buffer {
  const zeros = Buffer.alloc(bytes);
  const packed = deflateRawSync(zeros, { level: 9 });
  const crc = crc32(zeros);
  const entries = [{ name: '[Content_Types].xml', data: Buffer.from('<Types/>'), packed: null as Buffer | null, size: 8, crc: crc32(Buffer.from('<Types/>')) },
    { name: 'word/document.xml', data: null, packed, size: declared, crc }];
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const body = e.packed ?? e.data!;
    const method = e.packed ? 8 : 0;
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0); head.writeUInt16LE(20, 4); head.writeUInt16LE(method, 8);
    head.writeUInt32LE(e.crc, 14); head.writeUInt32LE(body.length, 18); head.writeUInt32LE(e.size, 22); head.writeUInt16LE(name.length, 26);
    local.push(head, name, body);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0); dir.writeUInt16LE(20, 4); dir.writeUInt16LE(20, 6); dir.writeUInt16LE(method, 10);
    dir.writeUInt32LE(e.crc, 16); dir.writeUInt32LE(body.length, 20); dir.writeUInt32LE(e.size, 24); dir.writeUInt16LE(name.length, 28); dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + body.length;
  }
  const centralBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralBytes.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, centralBytes, end]);
}

/** Writes the big files that are missing (or of the wrong size); returns their paths. */
export function ensureGenerated(): string[] {
  mkdirSync(GENERATED_DIR, { recursive: true });
  const paths: string[] = [];
  for (const c of CASES.filter((x) => x.generated)) {
    const generator = GENERATORS[c.file];
    if (!generator) throw new Error(`no generator for ${c.file}`);
    const path = pathOf(c);
    const size = existsSync(path) ? statSync(path).size : -1;
    if (size < 0 || (generator.size > 0 && size < generator.size)) generator.write(path);
    paths.push(path);
  }
  return paths;
}

/** Parquet cases written by DuckDB (values bound as parameters, never spliced into the SQL). */
async function writeParquetCases(): Promise<BadInput[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const out: BadInput[] = [];
  try {
    await connection.run('CREATE TABLE t (region_code VARCHAR, region_name VARCHAR, year VARCHAR, indicator_id VARCHAR, value VARCHAR, unit VARCHAR)');
    const insert = await connection.prepare('INSERT INTO t VALUES ($1, $2, $3, $4, $5, $6)');
    for (const line of VALID) {
      insert.bind(line.split(','));
      await insert.run();
    }
    for (const p of [...HTML_PAYLOADS, ...SQL_PAYLOADS]) {
      insert.bind(['140223', p, p, p, p, p]);
      await insert.run();
    }
    const good = join(FILES_DIR, 'parquet-hostile-strings.parquet');
    await connection.run(`COPY t TO '${good.replace(/'/g, "''")}' (FORMAT parquet, COMPRESSION snappy)`);
    const bytes = new Uint8Array(readFileSync(good));
    const headers = join(FILES_DIR, 'parquet-hostile-headers.parquet');
    await connection.run(`COPY (SELECT region_code, region_name, year, indicator_id, value, unit, 'x' AS "<img src=x onerror=""${XSS_CANARY}"">", 'y' AS "'; DROP TABLE observations; --" FROM t LIMIT 2) TO '${headers.replace(/'/g, "''")}' (FORMAT parquet)`);
    const variant = (file: string, hostile: string, outcomes: BadInput['outcomes'], data: Uint8Array): BadInput => {
      writeFileSync(join(FILES_DIR, file), data);
      return { file, input: 'table', hostile, outcomes, bytes: () => data };
    };
    out.push({ file: 'parquet-hostile-strings.parquet', input: 'table', hostile: 'valid Snappy Parquet (DuckDB) with HTML and SQL payloads in every text column', outcomes: ['partial'], bytes: () => bytes });
    out.push({ file: 'parquet-hostile-headers.parquet', input: 'table', hostile: 'valid Parquet with extra columns named by HTML and SQL payloads', outcomes: ['text'], bytes: () => new Uint8Array(readFileSync(headers)) });
    out.push(variant('parquet-truncated.parquet', 'the first half of a valid Parquet file (no footer)', ['rejected'], bytes.slice(0, Math.floor(bytes.length / 2))));
    const wrong = bytes.slice();
    wrong.set([0x50, 0x41, 0x52, 0x30], 0);
    wrong.set([0x50, 0x41, 0x52, 0x30], wrong.length - 4);
    out.push(variant('parquet-wrong-magic.parquet', 'a valid file with PAR0 instead of PAR1 at both ends', ['rejected'], wrong));
    const huge = bytes.slice();
    new DataView(huge.buffer).setUint32(huge.length - 8, 0x7fffffff, true);
    out.push(variant('parquet-footer-length-huge.parquet', 'the footer length says 2 GB', ['rejected'], huge));
    out.push(variant('parquet-named-csv.csv', 'a valid Parquet file named .csv (read by its content, as Parquet)', ['partial'], bytes));
    // Issue 11: the codecs other writers use (ZSTD is Polars' default), valid rows only.
    for (const codec of ['zstd', 'gzip', 'brotli']) {
      const path = join(FILES_DIR, `parquet-${codec}.parquet`);
      await connection.run(`COPY (SELECT * FROM t LIMIT ${VALID.length}) TO '${path.replace(/'/g, "''")}' (FORMAT parquet, COMPRESSION ${codec})`);
      const data = new Uint8Array(readFileSync(path));
      out.push({ file: `parquet-${codec}.parquet`, input: 'table', hostile: `valid ${codec.toUpperCase()}-compressed Parquet (read through hyparquet-compressors)`, outcomes: ['text'], bytes: () => data });
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return out;
}

/** Excel workbooks written by write-excel-file: a notes sheet first, the valid rows on the second (issue 11). */
async function writeWorkbookCases(): Promise<BadInput[]> {
  const rows = [HEADER, ...VALID].map((line, i) => line.split(',').map((value, c) => ({ value: i > 0 && (c === 2 || c === 4) ? Number(value) : value })));
  const bytes = new Uint8Array(await writeExcelFile([
    { sheet: '说明', data: [[{ value: '测试数据(虚构)' }]] },
    { sheet: '数据', data: rows },
  ]).toBuffer());
  const out: BadInput[] = [
    { file: 'xlsx-two-sheets.xlsx', input: 'table', hostile: 'an Excel workbook whose first sheet holds notes, the table on the second (the sheet whose columns can be mapped is opened first)', outcomes: ['text'], bytes: () => bytes },
    { file: 'xlsx-named-csv.csv', input: 'table', hostile: 'an Excel workbook renamed .csv: read as a workbook by its ZIP magic, not blamed on an encoding', outcomes: ['text'], bytes: () => bytes },
  ];
  for (const c of out) writeFileSync(join(FILES_DIR, c.file), bytes);
  return out;
}

const OUTCOME_WORDS = { rejected: 'rejected whole, the message names the reason', partial: 'valid rows imported, the rest listed as rejects', text: 'imported, hostile text kept as text' } as const;

/** Control, bidi and zero-width characters are written as \\uXXXX in the Markdown table. */
const isInvisible = (ch: string): boolean => {
  const code = ch.charCodeAt(0);
  return code < 0x20 || (code >= 0x202a && code <= 0x202e) || (code >= 0x200b && code <= 0x200d);
};

function writeManifest(cases: readonly BadInput[]): void {
  const entries = cases.map((c) => ({
    file: c.generated ? c.file : `files/${c.file}`, input: c.input, hostile: c.hostile, outcomes: c.outcomes,
    ...(c.uploadAs ? { uploadAs: c.uploadAs } : {}), ...(c.generated ? { generated: true } : {}),
  }));
  writeFileSync(join(BAD_INPUTS_DIR, 'MANIFEST.json'), `${JSON.stringify(entries, null, 1)}\n`);
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/[<>]/g, (ch) => (ch === '<' ? '&lt;' : '&gt;'))
    .replace(/./gsu, (ch) => (isInvisible(ch) ? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}` : ch));
  const lines = [
    '# Hostile and broken import inputs',
    '',
    'Written by `npx tsx scripts/gen-bad-inputs.ts --small` from `cases.ts` (do not edit by hand); the big files',
    '(`generated/`, git-ignored) by `npx tsx scripts/gen-bad-inputs.ts`, which `tests/e2e/bad-inputs.e2e.ts` runs first.',
    'Everything here is made up for tests: no figure is real data about any place.',
    '',
    `Outcomes: ${Object.entries(OUTCOME_WORDS).map(([k, v]) => `**${k}**: ${v}`).join('; ')}. A file listing two may fairly go either way;`,
    'whatever happens, the page keeps working, stored data is unchanged unless rows were imported, no script runs and nothing leaves the page.',
    '',
    `${entries.length} files.`,
    '',
    '| file | input | what is hostile | expected | uploaded as |',
    '|---|---|---|---|---|',
    ...entries.map((e) => `| \`${e.file}\` | ${e.input} | ${cell(e.hostile)} | ${e.outcomes.join(' or ')} | ${e.uploadAs ? `\`${cell(e.uploadAs)}\`` : ''} |`),
    '',
  ];
  writeFileSync(join(BAD_INPUTS_DIR, 'MANIFEST.md'), lines.join('\n'));
}

async function writeSmall(): Promise<number> {
  rmSync(FILES_DIR, { recursive: true, force: true });
  mkdirSync(FILES_DIR, { recursive: true });
  const small = CASES.filter((c) => !c.generated);
  for (const c of small) writeFileSync(pathOf(c), c.bytes());
  const parquet = await writeParquetCases();
  const workbooks = await writeWorkbookCases();
  const all = [...small, ...parquet, ...workbooks, ...CASES.filter((c) => c.generated)];
  const names = all.map((c) => c.file);
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length) throw new Error(`file names used twice: ${twice.join(', ')}`);
  writeManifest(all);
  return all.length;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--small')) console.log(`${await writeSmall()} cases; small files in ${FILES_DIR}`);
  const big = ensureGenerated();
  console.log(`generated: ${big.map((p) => `${p.slice(BAD_INPUTS_DIR.length + 1)} (${(statSync(p).size / 1048576).toFixed(1)} MB)`).join(', ')}`);
}
