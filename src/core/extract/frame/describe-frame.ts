import { FRAME_CUES } from './frame-cues.ts';
import { frameLabel, type Frame } from './frame.ts';
import { ALL_JUDGEMENTS } from './judgements.ts';

export type Lang = 'zh' | 'en';

/** Each frame value in words, for the rejects table and the report preview. */
const VALUE_WORDS: Record<string, { zh: string; en: string }> = {
  'subject:part': { zh: '总数的一部分', en: 'a part of a total' },
  'subject:other-body': { zh: '另一机构的数字', en: "another body's figure" },
  'subject:other-level': { zh: '另一层级的数字', en: "another level's figure" },
  'subject:unclear': { zh: '主体不明', en: 'whose figure is unclear' },
  'time:multi-year': { zh: '多年合计', en: 'several years together' },
  'time:target': { zh: '目标或计划', en: 'a target or plan' },
  'time:unclear': { zh: '时间不明', en: 'the time is unclear' },
  'measure:change': { zh: '变化量', en: 'a change' },
  'measure:share': { zh: '占比', en: 'a share' },
  'measure:threshold': { zh: '门槛或标准', en: 'a threshold' },
  'measure:rank': { zh: '排名', en: 'a rank' },
  'measure:unclear': { zh: '数量类型不明', en: 'what kind of quantity is unclear' },
};

const WHY = new Map<string, { zh: string; en: string }>([...FRAME_CUES, ...ALL_JUDGEMENTS].map((c) => [c.id, c.why]));

/** "a part of a total: after 其中 (of which) … (其中)" — the frame label in words, the cue's reason and the words that fired it. */
export function describeFrame(frame: Frame, lang: Lang): string {
  const label = frameLabel(frame);
  if (!label) return describePeriod(frame.period, lang);
  const words = VALUE_WORDS[label]?.[lang] ?? label;
  if (!frame.why) return words;
  const why = WHY.get(frame.why.cue)?.[lang];
  const matched = frame.why.matched.replace(/\s+/g, ' ').slice(0, 40);
  return lang === 'zh' ? `${words}:${why ?? ''}(“${matched}”)` : `${words}: ${why ?? ''} ("${matched}")`;
}

/** A frame label (`time:multi-year`) in words, for a reject row read back from the dataset. */
export function describeFrameLabel(label: string, lang: Lang): string {
  return VALUE_WORDS[label]?.[lang] ?? (lang === 'zh' ? '未采用' : label);
}

/** `year` → "the whole year"; `2024-05-06/2024-05-12` → "part of the year: one week". */
export function describePeriod(period: string, lang: Lang): string {
  const zh = lang === 'zh';
  if (period === 'year') return zh ? '全年' : 'the whole year';
  if (/^\d{4}-\d{2}$/.test(period)) return zh ? '年内部分时段:一个月' : 'part of the year: one month';
  if (/^\d{4}-Q\d$/.test(period)) return zh ? '年内部分时段:一个季度' : 'part of the year: one quarter';
  if (/\/\.\.$/.test(period)) return zh ? '年初至今(截止日期不详)' : 'the year so far (end date unknown)';
  const days = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/.exec(period);
  if (days) {
    const length = (Date.parse(`${days[2]}T00:00:00Z`) - Date.parse(`${days[1]}T00:00:00Z`)) / 86_400_000 + 1;
    if (length === 7) return zh ? '年内部分时段:一周' : 'part of the year: one week';
    if (length === 1) return zh ? '年内部分时段:一天' : 'part of the year: one day';
    return zh ? `年内部分时段:${length}天` : `part of the year: ${length} days`;
  }
  const months = /^(\d{4})-(\d{2})\/(\d{4})-(\d{2})$/.exec(period);
  if (months) {
    const count = (Number(months[3]) - Number(months[1])) * 12 + Number(months[4]) - Number(months[2]) + 1;
    return zh ? `年内部分时段:${count}个月` : `part of the year: ${count} months`;
  }
  return zh ? `年内部分时段:${period}` : `part of the year: ${period}`;
}

/** A reject row's reason in the reader's language: the frame in words, with the words that fired it. */
export function describeReject(reject: { frame: string; reason: string }, lang: Lang): string {
  if (lang === 'en') return reject.reason;
  const matched = /[("“]([^)"”]{1,40})[)"”]\s*$/.exec(reject.reason)?.[1];
  const words = reject.frame === 'duplicate' ? '同一数字再次出现,只计一次'
    : reject.frame ? describeFrameLabel(reject.frame, 'zh') : '用词表明是另一项指标的数字';
  return matched ? `${words}(“${matched}”)` : words;
}
