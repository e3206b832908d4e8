/**
 * Turns a pasted report, the metadata the user confirmed and the values they kept into one
 * UserDataset (kind 'report'). The body is stored unchanged, so every kept value's span and quote
 * still point at the figure as printed — the same provenance a shipped row has.
 */
import type { Coverage, Observation, PublisherKind, ReportMeta, SourceKind } from '../types.ts';
import type { UserDataset, UserObservation } from './types.ts';
import { droppedWithDependents } from './dropped-with-dependents.ts';

/** What the import form holds once the user has confirmed it. */
export interface ReportFormMeta {
  region: { region_code: string; region_name: string };
  year: number;
  title: string;
  publisher: string;
  publisher_kind: PublisherKind;
  /** Absent from the import form: a pasted report is 'other' unless its front matter says. */
  source_kind?: SourceKind;
  coverage: Coverage;
  url: string;
  published: string;
}

/** The report's metadata as the extractor and the store see it: its id is the dataset's. */
export function reportMetaFromForm(id: string, form: ReportFormMeta): ReportMeta {
  return {
    id,
    region_code: form.region.region_code,
    region_name: form.region.region_name,
    year: form.year,
    publisher: form.publisher,
    publisher_kind: form.publisher_kind,
    source_kind: form.source_kind ?? 'other',
    title: form.title,
    url: form.url,
    published: form.published,
    coverage: form.coverage,
  };
}

export interface ReportDatasetInput {
  /** From userDatasetId(); also the report's id. */
  id: string;
  importedAt: string;
  /** The dropped file's name, or '' for pasted text. */
  fileName: string;
  /** What the dropped file was decoded from ('' for pasted text). */
  encoding: string;
  form: ReportFormMeta;
  body: string;
  /** Everything the extractor kept, in its order. */
  observations: readonly Observation[];
  /** Indexes (into `observations`) of the values the user dropped; derived values computed from them are left out too. */
  dropped: ReadonlySet<number>;
}

/** Why a dataset could not be built; nothing is saved. */
export class ReportDatasetError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'ReportDatasetError';
  }
}

export function buildReportDataset(input: ReportDatasetInput): UserDataset {
  const { id, form, body } = input;
  if (!/^\d{6}$/.test(form.region.region_code)) throw new ReportDatasetError(`"${form.region.region_code}" is not a six-digit GB/T 2260 code`);
  if (body.trim() === '') throw new ReportDatasetError('the report text is empty');
  const meta = reportMetaFromForm(id, form);
  const observations: UserObservation[] = [];
  const leftOut = droppedWithDependents(input.observations, input.dropped);
  input.observations.forEach((o, index) => {
    if (leftOut.has(index)) return;
    if (!(o.span_start >= 0 && o.span_end > o.span_start && o.span_end <= body.length)) {
      throw new ReportDatasetError(`value ${index + 1} (${o.indicator_id}) points outside the report text (${o.span_start}–${o.span_end})`);
    }
    observations.push({
      ...o,
      region_code: meta.region_code,
      region_name: meta.region_name,
      report_id: id,
      inputs: o.inputs.map((i) => ({ ...i })),
      flags: [...o.flags],
      source_row: null,
      source_column: '',
    });
  });
  if (observations.length === 0) throw new ReportDatasetError('no values left to save (every value was dropped)');
  return {
    id,
    kind: 'report',
    fileName: input.fileName,
    importedAt: input.importedAt,
    encoding: input.encoding,
    observations,
    reports: [{ meta, body }],
  };
}
