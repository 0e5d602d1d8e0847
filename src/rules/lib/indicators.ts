/** Indicator names as the framework knows them (财预〔2020〕10号, 〔2021〕101号; domain.md §6). */

/** "产出指标（40）" → "产出指标"; "效果指标" → "效益指标"; "社会效益" → "社会效益指标". */
export function level1Name(raw: string): string {
  let n = raw.replace(/\s+/g, '').replace(/[（(][^）)]*[)）]/g, '').replace(/[:：]$/, '');
  if (/^效果/.test(n)) n = n.replace(/^效果/, '效益');
  if (n && !/指标$/.test(n)) n += '指标';
  return n;
}

export function level2Name(raw: string): string {
  let n = raw.replace(/\s+/g, '').replace(/[（(][^）)]*[)）]/g, '').replace(/[:：]$/, '');
  if (n && !/指标$/.test(n)) n += '指标';
  return n;
}

/** Allowed 二级 per 一级. 成本指标 is accepted under 产出 (2020) and as its own 一级 (2021 guidance). */
export const LEVEL_PAIRS: Record<string, string[]> = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
  成本指标: ['经济成本指标', '社会成本指标', '生态环境成本指标'],
};

export function isCost(level1: string, level2: string): boolean {
  return level1Name(level1) === '成本指标' || level2Name(level2) === '成本指标';
}

export function isSatisfaction(level1: string, level2: string): boolean {
  return level1Name(level1) === '满意度指标' || /满意度/.test(level2);
}

/** An indicator row a template printed but nobody filled ("指标 1：" with no value). */
export function isBlankRow(level3: string, targetRaw: string): boolean {
  const l3 = level3.replace(/\s+/g, '').replace(/^指标\d*[:：]?/, '');
  return !l3 && !targetRaw.trim();
}
