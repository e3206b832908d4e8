/**
 * PDF text layers often encode common ideographs as radical characters that look the same:
 * Kangxi radicals (U+2F00–U+2FD5: ⼯ for 工, ⼈ for 人) and CJK Radicals Supplement characters
 * (U+2E80–U+2EF3: ⺠ for 民, ⻓ for 长). pdf.js returns them as encoded (Chromium's print-to-PDF with
 * Noto CJK does it, so do many government PDFs), and cue words such as 人民调解 then fail to match.
 * NFKC maps the Kangxi block; the supplement block has no decomposition, so it needs the table
 * below (Unicode's EquivalentUnifiedIdeograph.txt, the rows whose ideograph is in the BMP: a
 * one-unit replacement keeps every character's offset).
 */
const SUPPLEMENT_PAIRS = '⺁厂 ⺂乛 ⺃乚 ⺄乙 ⺅亻 ⺆冂 ⺈刀 ⺉刂 ⺊卜 ⺋㔾 ⺌小 ⺍小 ⺎兀 ⺏尣 ⺐尢 ⺒巳 ⺓幺 ⺔彑 ⺖忄 ⺗心 ⺘扌 ⺙攵 ⺛旡 ⺜日 ⺝月 ⺞歺 ⺟母 ⺠民 ⺡氵 ⺢氺 ⺣灬 ⺤爫 ⺥爫 ⺦丬 ⺧牛 ⺨犭 ⺩王 ⺫目 ⺬示 ⺭礻 ⺯糹 ⺰纟 ⺱罓 ⺲罒 ⺳㓁 ⺴冗 ⺶羊 ⺹耂 ⺺肀 ⺻聿 ⺼肉 ⺾艹 ⺿艹 ⻀艹 ⻁虎 ⻂衤 ⻃覀 ⻄西 ⻅见 ⻆角 ⻈讠 ⻉贝 ⻋车 ⻌辶 ⻍辶 ⻎辶 ⻏邑 ⻐钅 ⻑長 ⻒镸 ⻓长 ⻔门 ⻖阝 ⻗雨 ⻘青 ⻙韦 ⻚页 ⻛风 ⻜飞 ⻝食 ⻟飠 ⻠饣 ⻢马 ⻣骨 ⻤鬼 ⻥鱼 ⻦鸟 ⻧卤 ⻨麦 ⻩黄 ⻪黾 ⻫斉 ⻬齐 ⻭歯 ⻮齿 ⻯竜 ⻰龙 ⻱龜 ⻲亀 ⻳龟';

const SUPPLEMENT = new Map(SUPPLEMENT_PAIRS.split(' ').map((pair) => [pair[0]!, pair[1]!] as const));

/** Every radical character of both blocks (global, for `rewrite`). */
export const RADICAL_CHARACTER = /[\u2e80-\u2ef3\u2f00-\u2fd5]/g;

/** The ideograph a radical character stands for (one UTF-16 unit), or the character itself when there is none. */
export function ideographOfRadical(char: string): string {
  const mapped = SUPPLEMENT.get(char) ?? char.normalize('NFKC');
  return mapped.length === 1 ? mapped : char;
}

/** The text with every radical character replaced by its ideograph; same length, same offsets. */
export function radicalsToIdeographs(text: string): string {
  return text.replace(RADICAL_CHARACTER, ideographOfRadical);
}
