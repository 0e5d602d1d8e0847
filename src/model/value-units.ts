/**
 * Units of indicator values: the text that follows a number, read against a list of measure words
 * so that the words after it (不低于50人次的个体心理咨询辅导) are not taken for a unit.
 * A magnitude stays part of the unit as written (1万条 → 1 + 万条, ≤20万 → 20 + 万): the number is
 * never rescaled, so nothing printed is lost, and a consumer that knows the indicator (a 成本指标
 * means 万元) decides what a bare 万 stands for.
 */

/** Measure words, counts and physical units seen in 绩效目标表 and 自评表. */
const BASE_UNITS = [
  // money
  '元', '角',
  // counts and frequencies
  '次', '人次', '户次', '家次', '批次', '车次', '场次', '架次', '班次', '频次', '篇次', '期次', '份次',
  '个', '人', '名', '位', '户', '家', '所', '台', '套', '件', '篇', '条', '份', '项', '场', '期', '批',
  '辆', '艘', '架', '本', '册', '部', '座', '处', '间', '张', '块', '把', '只', '头', '株', '棵', '盏',
  '根', '组', '队', '支', '班', '门', '节', '课时', '学时', '学分', '届', '轮', '遍', '字', '页', '幅',
  '集', '首', '种', '类', '宗', '起', '例', '单', '笔', '人日', '人月', '层', '卷', '栋', '箱', '副', '道',
  // time
  '小时', '分钟', '秒', '天', '日', '周', '个月', '年', '季度', '工作日', '个工作日', '自然日', '个自然日',
  // area, length, volume, weight, energy
  '平方米', '平方公里', '平方千米', '平米', '立方米', '方', '公里', '千米', '米', '厘米', '毫米', '亩',
  '公顷', '吨', '千克', '公斤', '斤', '克', '千瓦', '千瓦时', '瓦', '度',
  // scores, shares, grades
  '分', '个百分点', '百分点', '倍', '级', '星', '岁', '档', '%', '‰',
];

/** Written where a unit belongs but not a unit: normalised, and reported as 单位写法不规范. */
const NONSTANDARD: Record<string, string> = { 百分比: '%', 百分率: '%', 人数: '人', 次数: '次', 个数: '个' };

const MAGNITUDES = ['十万', '百万', '千万', '万', '亿', '千', '百'];
const PERIODS = ['天', '日', '周', '月', '季度', '季', '年', '人', '次', '小时', '户', '台'];

const byLength = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length);
const BASES = byLength(BASE_UNITS);
const NONSTD = byLength(Object.keys(NONSTANDARD));
const PERIODS_SORTED = byLength(PERIODS);

export interface UnitRead {
  unit: string;
  end: number;
  nonstandard: boolean;
}

/**
 * At a position right after a number: [magnitude] unit [/period …], a non-standard unit word, a
 * bare magnitude (万), an ASCII unit (G, MB, Mbps) or a unit in brackets as budget systems print
 * them (≥13459.00(平方米), =100.00(%)). The longest reading wins (个百分点 over 个, 分钟 over 分).
 */
export function readUnit(s: string, at: number): UnitRead | null {
  if (s[at] === '(') {
    const close = s.indexOf(')', at);
    const inner = close > at ? s.slice(at + 1, close) : '';
    if (inner && inner.length <= 8 && !/\d/.test(inner)) {
      const u = readUnit(inner, 0);
      if (u && u.end === inner.length) return { ...u, end: close + 1 };
      // The system put it there as the unit column: keep it as written.
      return { unit: inner, end: close + 1, nonstandard: false };
    }
    return null;
  }
  const nonstd = NONSTD.find((w) => s.startsWith(w, at));
  if (nonstd) return { unit: NONSTANDARD[nonstd], end: at + nonstd.length, nonstandard: true };

  let best = '';
  for (const mag of ['', ...MAGNITUDES]) {
    if (!s.startsWith(mag, at)) continue;
    const base = BASES.find((b) => s.startsWith(b, at + mag.length)) ?? '';
    const word = base ? mag + base : mag;
    if (word.length > best.length) best = word;
  }
  if (!best) {
    // m2, km2, m3: ㎡ and ㎥ after normalisation.
    const ascii = /^(?:[A-Za-z]{0,4}m[23]|[A-Za-z]{1,5})(?:\/[A-Za-z]{1,3})?(?![A-Za-z\d])/.exec(s.slice(at));
    if (!ascii) return null;
    best = ascii[0];
  }
  let end = at + best.length;
  for (;;) {
    if (s[end] !== '/') break;
    const per = PERIODS_SORTED.find((p) => s.startsWith(p, end + 1));
    if (!per) break;
    best += `/${per}`;
    end += 1 + per.length;
  }
  return { unit: best, end, nonstandard: false };
}
