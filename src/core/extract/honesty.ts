/**
 * What makes a printed number not a figure of the region's year (DATA-CONTRACT.md §4, GOLD-GUIDE.md).
 * Each check names its reason; a figure that fails one goes to the rejects table with it.
 */
export interface HonestyCheck {
  reason: string;
  /** Tested against the clause before the number. */
  clause?: RegExp;
  /** Tested against the sentence before the number. */
  sentence?: RegExp;
}

export const HONESTY_CHECKS: readonly HonestyCheck[] = [
  { reason: 'promise or target, not a figure', clause: /确保|力争|争取|目标|要求(?:达到|实现)?|计划|预计|力求|不低于|保持在|努力|将达到|达到.{0,6}以上的?要求/ },
  { reason: 'plan for a later year, not a figure', sentence: /下一步|明年|今后|将继续|拟/ },
  { reason: "a single day's event, not the year's figure", sentence: /(?<!(?:截至|截止|至|到)(?:\d{4}年)?)(?<!\d)\d{1,2}月\d{1,2}日(?![至到\-—~]|起)/ },
  { reason: 'cumulative over several years, not one year', clause: /历年|近[两三四五六七八九十\d]+年|成立以来|开通以来|运行以来|上线以来|设立以来/ },
];

/** A number that is one end of a range (3-5人, 10至20件) is not a single figure. */
export function isRangeEnd(text: string, numberStart: number, numberEnd: number): boolean {
  return /^[-~～至到—]\d/.test(text.slice(numberEnd, numberEnd + 2)) || /\d[-~～至到—]$/.test(text.slice(Math.max(0, numberStart - 2), numberStart));
}

/** A department speaking of itself: in its report, such a sentence's counts are its own, not the region's. */
export const OWN_DEPARTMENT = /我局|本局|我单位|本单位|我委|本委|我办|本部门|我部门/;

/** A count used as a threshold (工单办理量10件以上的单位) describes others, it is not a figure. */
export const THRESHOLD_AFTER = /^[^的，,。]{0,3}(?:以上|以下)的/;

/** A top-level heading that opens the plans section: figures after it are targets. */
export const PLAN_HEADING = /^\s*[一二三四五六七八九十]+[、.．]\s*.{0,12}(?:下一步|打算|工作计划|工作思路|工作安排|展望)/;
