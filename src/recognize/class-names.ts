/**
 * 支出功能分类 类 names → codes, for tables that print the 类 without its code (收支总表).
 * Names changed over the years; older names map to the same code. A name must be the 类's whole
 * name (with or without 支出): 款 often start with their 类's words (国防动员, 教育费附加安排的支出,
 * 金融部门行政支出) and are no 类.
 */
const CLASS_CODES: [RegExp, string][] = [
  [/^一般公共服务/, '201'],
  [/^外交/, '202'],
  [/^国防/, '203'],
  [/^公共安全/, '204'],
  [/^教育/, '205'],
  [/^科学技术/, '206'],
  [/^(文化(旅游)?体育与传媒|文化和旅游|文化旅游体育与传媒)/, '207'],
  [/^社会保障和就业/, '208'],
  [/^社会保险基金/, '209'],
  [/^(卫生健康|医疗卫生与计划生育|医疗卫生)/, '210'],
  [/^节能环保/, '211'],
  [/^城乡社区(事务)?/, '212'],
  [/^农林水(事务)?/, '213'],
  [/^交通运输/, '214'],
  [/^资源勘探[\u4e00-\u9fa5]{0,8}等(事务)?/, '215'],
  [/^商业服务业等(事务)?/, '216'],
  [/^金融(监管等事务)?/, '217'],
  [/^援助其他地区/, '219'],
  [/^(自然资源海洋气象|国土海洋气象|国土资源气象)等?(事务)?/, '220'],
  [/^住房保障/, '221'],
  [/^粮油物资储备(管理)?(事务)?/, '222'],
  [/^国有资本经营预算/, '223'],
  [/^灾害防治及应急管理/, '224'],
  [/^预备费/, '227'],
  [/^其他/, '229'],
  [/^转移性/, '230'],
  [/^债务还本/, '231'],
  [/^债务付息/, '232'],
  [/^债务发行费用/, '233'],
  [/^抗疫特别国债安排的/, '234'],
];

/** "二十、住房保障支出" → "221"; "国防动员" (a 款) → null. */
export function functionalClassCode(name: string): string | null {
  // Numbered either way: "二十、住房保障支出", "20、住房保障支出" (陕西).
  const n = name.replace(/\s+/g, '').replace(/^(?:[一二三四五六七八九十]+|\d{1,2})[、.．]/, '');
  for (const [re, code] of CLASS_CODES) {
    const m = re.exec(n);
    if (m && /^(支出)?$/.test(n.slice(m[0].length))) return code;
  }
  return null;
}
