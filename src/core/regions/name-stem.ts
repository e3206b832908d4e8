/** A place name without its administrative suffix: shared by the pipeline (pinyin) and the import's name matching. */

/** The 55 minority nationalities as they appear in names of autonomous areas (without 族). */
const NATIONALITIES = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼', '哈萨克', '傣', '黎',
  '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗', '撒拉',
  '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔',
  '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺', '各',
].sort((a, b) => b.length - a.length);
const AUTONOMOUS = new RegExp(`^(.+?)(?:(?:${NATIONALITIES.join('|')})族)+自治(?:县|旗|州)$`);
const SUFFIXES = ['自治县', '自治旗', '自治州', '林区', '特区', '地区', '新区', '县', '区', '市', '旗', '盟'];

/** The name without its administrative suffix (and the ethnic names before 自治县/旗/州). */
export function nameStem(name: string): string {
  const autonomous = AUTONOMOUS.exec(name);
  if (autonomous && autonomous[1]!.length >= 2) return autonomous[1]!;
  for (const suffix of SUFFIXES) {
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) return name.slice(0, -suffix.length);
  }
  return name;
}

