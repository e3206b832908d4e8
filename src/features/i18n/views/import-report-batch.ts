/**
 * The words of the batch report import (PDF, Word, web pages, many at once). Keys are prefixed `batch`.
 * Not in the page's catalog: only the import view loads them (useBatchMessages), so they and the
 * conversion messages they use stay out of the first chart's JavaScript. import-report-page.ts has
 * the two words other views need.
 */
import { describeProblem as describeEn, type ConversionProblem, type Damage } from '../../../core/convert/conversion-error.ts';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const DAMAGE_ZH: Record<Damage, string> = {
  truncated: '不完整,像是下载或复制时被截断了',
  'no-header': '不是真正的 PDF(文件开头没有 PDF 标记),可能是改了扩展名的其他文件',
  'not-zip': '不是真正的 Word .docx 文件(.docx 应是一个压缩包),可能是改了扩展名的其他文件',
  unreadable: '已损坏,其内部结构无法读取',
};

const zh = {
  batchHelp: '把政府发布的报告文件拖到下面,或选择多个文件、整个文件夹:PDF(须有文字层)、Word(.docx)、另存的网页(.html/.htm,含 GBK 编码)和 .txt。每份在本浏览器的后台线程中转换和提取,地区、年份、标题、发布机关根据标题、页眉或文件名预填,请逐份核对后一并保存。文件不会上传。',
  batchDrop: '把报告文件或文件夹拖到这里',
  batchChooseFiles: '选择文件',
  batchChooseFolder: '选择文件夹',
  batchSummary: (total: number, ready: number, waiting: number, refused: number, saved: number) =>
    `共 ${total} 份:${ready} 份待核对,${waiting} 份处理中,${refused} 份无法读取,${saved} 份已保存`,
  batchSaveAll: (n: number) => `保存全部可保存的报告(${n} 份)`,
  batchSaving: (done: number, total: number) => `正在保存… ${done}/${total}`,
  batchSaved: (n: number) => `已保存 ${n} 份报告,已加入各图表(紫色标记为“我的数据”)。`,
  batchSaveFailed: (name: string, reason: string) => `${name} 未能保存:${reason}${/[。！？!?]$/.test(reason) ? '' : '。'}`,
  batchClearFinished: '移除已保存和无法读取的文件',
  batchRemove: '移除',
  batchStatus: {
    queued: '排队中', converting: '正在转换和提取…', extracting: '正在重新提取…', ready: '待核对', refused: '无法读取', crashed: '处理失败', saved: '已保存',
  },
  batchFound: (n: number, ms: number) => `提取到 ${n} 个数字(用时 ${(ms / 1000).toFixed(1)} 秒)`,
  batchPages: (n: number) => `${n} 页`,
  batchDuplicate: (of: string) => `与已保存的“${of}”正文相同:不会重复保存。`,
  batchExclude: '不保存这份报告',
  batchCandidates: '名称对应多个地区,请选择:',
  batchPlaceSearch: '地区(名称、代码或拼音)',
  batchPlaceUnknown: '找不到这个地区。',
  batchPlaceManyLegend: '一次为多份报告填写地区(如同一县各年的报告)',
  batchPlaceManyMissing: (n: number) => `用于尚未确定地区的 ${n} 份报告`,
  batchPlaceManyAll: (n: number) => `用于全部 ${n} 份报告(覆盖已读出的地区)`,
  batchReviewValues: (kept: number, total: number) => `核对数字(保留 ${kept}/${total})`,
  batchBlocker: {
    'not-ready': '', duplicate: '重复,不保存', 'no-place': '请填写地区', 'ambiguous-place': '请从同名地区中选择一个', 'no-year': '请填写年份(1990–2100)',
    stale: '正在按新年份重新提取…', 'nothing-kept': '没有保留的数字,不保存', excluded: '已设为不保存',
  },
  batchCrashed: (reason: string) => `处理失败:${reason}。可移除后重试。`,
  batchProblem: (p: ConversionProblem): string => {
    switch (p.code) {
      case 'empty': return '文件是空的。';
      case 'too-large': return `文件 ${mb(p.bytes)},超过 ${mb(p.limit)} 的上限。`;
      case 'too-long': return `文字有 ${p.chars.toLocaleString('zh-CN')} 字,超过 ${p.limit.toLocaleString('zh-CN')} 字的上限,不像是一份报告。`;
      case 'scanned-pdf': return `这是扫描版 PDF(${p.pages} 页,没有文字层)。请先用 OCR 识别文字,或找到报告的网页版再导入。`;
      case 'encrypted': return `这个 ${p.format} 文件有密码保护。请另存一份不带密码的再导入。`;
      // The reading library's own message (p.detail) is English: the Chinese words say what it means.
      case 'broken': return `这个 ${p.format} 文件${DAMAGE_ZH[p.damage]}。请重新下载或重新另存一份再导入。`;
      case 'too-many-pages': return `这个 PDF 有 ${p.pages.toLocaleString('zh-CN')} 页,一份报告最多 ${p.limit} 页。`;
      case 'zip-bomb': return `这个压缩包解压后将达 ${mb(p.declaredBytes)}(上限 ${mb(p.limit)}),按“压缩炸弹”拒绝。`;
      case 'zip-overflow': return `这个压缩包自称解压后只有 ${mb(p.declaredBytes)},实际解压超过 ${mb(p.limit)} 的上限,按“压缩炸弹”拒绝。`;
      case 'legacy-format': return p.format === 'OFD' ? 'OFD 版式文件无法在此读取。请用 OFD 阅读器导出为 PDF 再导入。'
        : p.format === 'XLS' || p.format === 'XLSX' ? '这是 Excel 表格,不是报告。表格请用上面的“导入表格”。'
          : `${p.format} 格式无法在此读取。请用 Word 或 WPS 打开,另存为 .docx 或 PDF 再导入。`;
      case 'not-a-report': return `这是 ${p.kind} 文件,不是报告(可导入 PDF、DOCX、HTML、TXT)。`;
      case 'undecodable': return `文字不是有效的 ${p.encoding} 编码。`;
      case 'no-text': return `这个 ${p.format} 文件里没有文字。`;
    }
  },
};

const en: typeof zh = {
  batchHelp: 'Drop report files as governments publish them below, or choose several files or a whole folder: PDF (with a text layer), Word (.docx), saved web pages (.html/.htm, GBK included) and .txt. Each is converted and extracted in a background thread of this browser; place, year, title and publisher are prefilled from the title, header or file name. Check each, then save them all. Nothing is uploaded.',
  batchDrop: 'Drop report files or a folder here',
  batchChooseFiles: 'Choose files',
  batchChooseFolder: 'Choose a folder',
  batchSummary: (total, ready, waiting, refused, saved) => `${total} files: ${ready} to review, ${waiting} in progress, ${refused} cannot be read, ${saved} saved`,
  batchSaveAll: (n) => `Save every report ready to save (${n})`,
  batchSaving: (done, total) => `Saving… ${done}/${total}`,
  batchSaved: (n) => `Saved ${n} reports; they are in every chart (marked purple, “My data”).`,
  batchSaveFailed: (name, reason) => `${name} was not saved: ${reason}${/[.!?。！？]$/.test(reason) ? '' : '.'}`,
  batchClearFinished: 'Remove saved and unreadable files',
  batchRemove: 'Remove',
  batchStatus: { queued: 'Queued', converting: 'Converting and extracting…', extracting: 'Extracting again…', ready: 'To review', refused: 'Cannot be read', crashed: 'Failed', saved: 'Saved' },
  batchFound: (n, ms) => `${n} figures found (${(ms / 1000).toFixed(1)} s)`,
  batchPages: (n) => `${n} pages`,
  batchDuplicate: (of) => `Same text as the stored “${of}”: it is not saved twice.`,
  batchExclude: 'Do not save this report',
  batchCandidates: 'This name fits several places; choose one:',
  batchPlaceSearch: 'Place (name, code or pinyin)',
  batchPlaceUnknown: 'No such place.',
  batchPlaceManyLegend: 'One place for many reports (e.g. one county\'s years)',
  batchPlaceManyMissing: (n) => `Use for the ${n} reports without a place`,
  batchPlaceManyAll: (n) => `Use for all ${n} reports (replacing the places read)`,
  batchReviewValues: (kept, total) => `Review the figures (keeping ${kept}/${total})`,
  batchBlocker: {
    'not-ready': '', duplicate: 'Duplicate, not saved', 'no-place': 'Enter the place', 'ambiguous-place': 'Choose one of the places with this name', 'no-year': 'Enter the year (1990–2100)',
    stale: 'Extracting again for the new year…', 'nothing-kept': 'No figures kept: not saved', excluded: 'Set aside: not saved',
  },
  batchCrashed: (reason) => `Failed: ${reason}. Remove it and try again.`,
  batchProblem: (p) => (p.code === 'legacy-format' && (p.format === 'XLS' || p.format === 'XLSX')
    ? 'This is an Excel sheet, not a report; use the table import above.' : `${describeEn(p).replace(/^./, (c) => c.toUpperCase())}.`),
};

export const IMPORT_REPORT_BATCH_MESSAGES = { zh, en };
