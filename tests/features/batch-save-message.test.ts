import { describe, expect, it } from 'vitest';
import { joinSentences } from '../../src/core/text/join-sentences.ts';
import { IMPORT_REPORT_BATCH_MESSAGES } from '../../src/features/i18n/views/import-report-batch.ts';

// The batch import's closing line: "saved N" then one sentence per report that failed, set one after
// another (ReportBatchImport.tsx). A failure's reason may or may not end a sentence itself.
describe('batch import: saved and failed reports in one line', () => {
  it('Chinese: each failure is its own sentence, no space and no doubled full stop', () => {
    const m = IMPORT_REPORT_BATCH_MESSAGES.zh;
    const line = joinSentences('zh', [m.batchSaved(8), m.batchSaveFailed('a.pdf', '存储已满'), m.batchSaveFailed('b.docx', '文件已损坏。')]);
    expect(line).toBe('已保存 8 份报告,已加入各图表(紫色标记为“我的数据”)。a.pdf 未能保存:存储已满。b.docx 未能保存:文件已损坏。');
  });
  it('English: sentences separated by a space, each ending once', () => {
    const m = IMPORT_REPORT_BATCH_MESSAGES.en;
    const line = joinSentences('en', [m.batchSaveFailed('a.pdf', 'storage is full'), m.batchSaveFailed('b.docx', 'the file is damaged.')]);
    expect(line).toBe('a.pdf was not saved: storage is full. b.docx was not saved: the file is damaged.');
  });
});
