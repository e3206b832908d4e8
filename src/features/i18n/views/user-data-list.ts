/**
 * The words of the My-data view's list of saved datasets (and why one could not be read). They arrive
 * with the My-data view's chunk, off the first chart's path. Keys are prefixed `userData`.
 */
import type { SkipReason } from '../../../core/user-data/skip-reason.ts';

type StoreErrorCode = 'unavailable' | 'blocked' | 'quota' | 'aborted' | 'failed';

const zh = {
  userDataLoading: '正在读取本浏览器中保存的数据…',
  userDataEmpty: '本浏览器中还没有保存您的数据。用下方的“上传表格”或“粘贴报告原文”添加。',
  userDataListLabel: '本浏览器中保存的数据',
  userDataKind: { table: '表格', report: '报告原文' } as Record<'table' | 'report', string>,
  userDataPasted: '(粘贴的文字)',
  userDataRows: (n: number) => `${n.toLocaleString('zh-CN')} 行`,
  userDataPlaces: (n: number) => `${n} 个地区`,
  userDataIndicators: (n: number) => `${n} 个指标`,
  userDataYears: (years: readonly number[]) => (years.length === 0 ? '无年份' : years.length === 1 ? `${years[0]} 年` : `${years[0]}–${years[years.length - 1]} 年`),
  userDataEncoding: (encoding: string) => `编码 ${encoding}`,
  userDataImported: (date: string) => `导入于 ${date}`,
  userDataRemove: '删除',
  userDataRemoveConfirm: (name: string) => `从本浏览器中删除“${name}”?图表中将不再显示这些数据。此操作无法撤销(可先导出 CSV)。`,
  userDataExport: '导出 CSV',
  userDataWorking: '正在处理…',
  userDataSkipped: (n: number) => `有 ${n} 条保存的记录无法读取(可能来自旧版本或已损坏),已跳过,但仍保留在浏览器中:`,
  /** Between a skipped record's key and its reason. */
  userDataSkipSep: '：',
  /** Why one stored dataset could not be read; the library's own words follow as a detail where there are any. */
  userDataSkipReason: (r: SkipReason): string => {
    switch (r.kind) {
      case 'rows-missing': return '保存的数据行不见了(只剩说明信息)';
      case 'rows-size': return `保存的数据行大小不对(${r.bytes.toLocaleString('zh-CN')} 字节,应为 ${r.expected.toLocaleString('zh-CN')} 字节),可能没有写完整`;
      case 'rows-damaged': return '保存的数据行已损坏(sha256 校验值不符)';
      case 'rows-count': return `从保存的数据中读出 ${r.read.toLocaleString('zh-CN')} 行,应为 ${r.expected.toLocaleString('zh-CN')} 行`;
      case 'rows-unreadable': return '保存的数据行无法读取';
      case 'rows-format': return `保存格式“${r.format}”无法识别(可能由更新的版本保存)`;
      case 'record-invalid': return r.field ? `记录中的字段 ${r.field} 不符合要求` : '记录的格式不符合要求';
      case 'not-rewritten': return '未能转换为新的保存格式,旧记录保持原样';
    }
  },
  userDataStoreError: {
    unavailable: '无法打开浏览器的本地存储(IndexedDB)。可能是隐私模式或浏览器设置禁止了存储;已保存的数据没有被删除。',
    blocked: '本应用的另一个标签页正在使用旧版本的本地存储。请关闭其他标签页后重新加载。',
    quota: '浏览器的存储空间不足,数据没有保存。请删除一些已保存的数据或释放磁盘空间后重试;已保存的数据没有变化。',
    aborted: '保存被取消,已保存的数据没有变化。',
    failed: '本地存储出错,已保存的数据没有变化。',
  } as Record<StoreErrorCode, string>,
};

const en: typeof zh = {
  userDataLoading: 'Reading the data saved in this browser…',
  userDataEmpty: 'No data of yours is saved in this browser yet. Add some with "Upload a table" or "Paste a report" below.',
  userDataListLabel: 'Data saved in this browser',
  userDataKind: { table: 'table', report: 'report text' },
  userDataPasted: '(pasted text)',
  userDataRows: (n) => `${n.toLocaleString('en')} rows`,
  userDataPlaces: (n) => `${n} ${n === 1 ? 'place' : 'places'}`,
  userDataIndicators: (n) => `${n} ${n === 1 ? 'indicator' : 'indicators'}`,
  userDataYears: (years) => (years.length === 0 ? 'no years' : years.length === 1 ? `${years[0]}` : `${years[0]}–${years[years.length - 1]}`),
  userDataEncoding: (encoding) => `encoding ${encoding}`,
  userDataImported: (date) => `imported ${date}`,
  userDataRemove: 'Remove',
  userDataRemoveConfirm: (name) => `Remove "${name}" from this browser? Charts will no longer show it. This cannot be undone (export a CSV first if you need it).`,
  userDataExport: 'Export CSV',
  userDataWorking: 'Working…',
  userDataSkipped: (n) => `${n} saved ${n === 1 ? 'record' : 'records'} could not be read (an older version or damaged); skipped, but kept in the browser:`,
  userDataSkipSep: ': ',
  userDataSkipReason: (r) => {
    switch (r.kind) {
      case 'rows-missing': return 'its stored rows are missing (only its description is left)';
      case 'rows-size': return `its stored rows are ${r.bytes.toLocaleString('en')} bytes, not ${r.expected.toLocaleString('en')}: probably not written in full`;
      case 'rows-damaged': return 'its stored rows are damaged (sha256 differs)';
      case 'rows-count': return `${r.read.toLocaleString('en')} rows read from the stored rows, ${r.expected.toLocaleString('en')} expected`;
      case 'rows-unreadable': return 'its stored rows cannot be read';
      case 'rows-format': return `stored in a form this version does not know ("${r.format}"; perhaps saved by a newer version)`;
      case 'record-invalid': return r.field ? `field ${r.field} is not valid` : 'the record is not in a valid form';
      case 'not-rewritten': return 'could not be rewritten into the new stored form; the old record is unchanged';
    }
  },
  userDataStoreError: {
    unavailable: "The browser's local storage (IndexedDB) cannot be opened. Private browsing or a browser setting may forbid it; nothing saved was deleted.",
    blocked: 'Another tab of this app is using an older version of the local storage. Close the other tabs and reload.',
    quota: 'The browser is out of storage space, so the data was not saved. Remove some saved data or free disk space and try again; what was saved is unchanged.',
    aborted: 'Saving was cancelled; what was saved is unchanged.',
    failed: 'The local storage failed; what was saved is unchanged.',
  },
};

export const USER_DATA_LIST_MESSAGES = { zh, en };
