import { readGold, type GoldFile } from './gold.ts';
import { readReports, type ReportFailure } from './read-reports.ts';
import type { Report } from '../../src/core/types.ts';

/**
 * The labelled sets the extractor is scored on, each a folder of reports and one of gold files
 * labelled by reading before extraction (docs/GOLD-GUIDE.md). `shipped` is the dashboard's corpus
 * (the rules were first written against it); `provincial` is an evaluation corpus only
 * (provincial 政府工作报告: another genre, dense with figures that are not ours).
 */
export interface GoldSet { name: string; reports: Report[]; failures: ReportFailure[]; gold: GoldFile[] }

export const GOLD_SETS = [
  { name: 'shipped', reports: 'data/reports', gold: 'tests/gold' },
  { name: 'provincial', reports: 'tests/provincial-gwr/reports', gold: 'tests/provincial-gwr/gold' },
] as const;

export type GoldSetName = (typeof GOLD_SETS)[number]['name'];

export function readGoldSet(name: GoldSetName): GoldSet {
  const set = GOLD_SETS.find((s) => s.name === name)!;
  const { reports, failures } = readReports(set.reports);
  return { name, reports, failures, gold: readGold(set.gold) };
}
