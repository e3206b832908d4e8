/** The start-up banner's words (src/app/DbStatus.tsx). Keys are prefixed `startup`. */
import type { DbStage } from '../../../db/database.ts';

type Step = Exclude<DbStage, 'idle' | 'ready' | 'failed'>;

const zh = {
  /** e.g. "数据库加载中(2/3 启动 DuckDB)…" — work in progress ends with an ellipsis (the tests wait for those). */
  startupLoading: (step: Step) => `数据库加载中(${STEP_NUMBER[step]}/3 ${({ code: '下载查询程序', engine: '启动 DuckDB', tables: '读入数据表' })[step]})…`,
  startupFromSnapshot: '图表来自预先计算的快照;查看出处、切换指标或地区需等数据库就绪。',
  startupWaiting: '视图在数据库就绪后显示。',
  startupFromDefaults: '先显示预先算好的默认内容;查看出处和其他选择需等数据库就绪。',
  /** While the stored rows load (src/app/StoredRowsStatus.tsx), after …NotYet; `rows` already formatted. Last, so the line ends with an ellipsis: work in progress. */
  startupStoredRows: (rows: string) => `正在载入您保存的 ${rows} 行数据…`,
  startupStoredRowsNotYet: '当前的图表和表格尚未包含您保存的数据,载入后会自动更新。',
};

const STEP_NUMBER: Record<Step, number> = { code: 1, engine: 2, tables: 3 };

export type StartupMessages = typeof zh;

const en: StartupMessages = {
  startupLoading: (step: Step) => `Loading the database (${STEP_NUMBER[step]}/3 ${({ code: 'downloading the query engine', engine: 'starting DuckDB', tables: 'reading the tables' })[step]})…`,
  startupFromSnapshot: 'The chart comes from a precomputed snapshot; sources and other choices need the database.',
  startupWaiting: 'The view appears once the database is ready.',
  startupFromDefaults: 'Showing the precomputed default content; sources and other choices need the database.',
  startupStoredRows: (rows: string) => `Loading your ${rows} saved ${rows === '1' ? 'row' : 'rows'}…`,
  startupStoredRowsNotYet: 'The charts and tables shown do not include your saved data yet; they update once it is in.',
};

export const STARTUP_MESSAGES = { zh, en };
