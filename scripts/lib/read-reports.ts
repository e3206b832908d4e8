import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport, ReportFormatError } from '../../src/core/report/parse-report.ts';
import type { Report } from '../../src/core/types.ts';

export interface ReportFailure { file: string; reason: string }

/** Reads every `*.txt` report in a folder, in file-name order; a file that fails is named with its reason. */
export function readReports(dir: string): { reports: Report[]; failures: ReportFailure[] } {
  const reports: Report[] = [];
  const failures: ReportFailure[] = [];
  const files = readdirSync(dir).filter((name) => name.endsWith('.txt')).sort();
  for (const name of files) {
    const path = join(dir, name);
    try {
      const bytes = readFileSync(path);
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      const report = parseReport(text, path);
      if (`${report.meta.id}.txt` !== name) throw new ReportFormatError(path, `id "${report.meta.id}" does not match the file name`, 'id');
      reports.push(report);
    } catch (error) {
      const reason = error instanceof TypeError ? `${path}: not valid UTF-8` : (error as Error).message;
      failures.push({ file: path, reason });
    }
  }
  return { reports, failures };
}
