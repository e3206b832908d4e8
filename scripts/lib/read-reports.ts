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
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
    } catch {
      failures.push({ file: path, reason: `${path}: not valid UTF-8 (reports must be UTF-8; convert GBK files first)` });
      continue;
    }
    try {
      const report = parseReport(text, path);
      if (`${report.meta.id}.txt` !== name) throw new ReportFormatError(path, `id "${report.meta.id}" does not match the file name`, 'id');
      reports.push(report);
    } catch (error) {
      failures.push({ file: path, reason: (error as Error).message });
    }
  }
  return { reports, failures };
}
