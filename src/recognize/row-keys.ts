/**
 * What a row or column of a standard table stands for when it has no classification code: the
 * income sources and totals of a 收支总表, the parts of the 三公 expenditure, the kinds of assets.
 */
import type { Row } from '../model/disclosure.js';

export const THREE_PUBLIC_ITEMS: [RegExp, string][] = [
  // 上海 prints 机关运行经费 beside the 三公 in one table: its own figure, not a vehicle's 运行费.
  [/机关运行/, 'operatingCosts'],
  [/合计|总计|^三公经费$/, 'total'],
  [/出国/, 'abroad'],
  // 公务用车购置及运行(维护)费 is the vehicle total, not its purchase part.
  [/购置及运|购置和运/, 'vehicle'],
  [/购置/, 'vehiclePurchase'],
  [/运行|运维/, 'vehicleOperation'],
  [/公务用车/, 'vehicle'],
  [/接待/, 'reception'],
  [/会议/, 'meeting'],
  [/培训/, 'training'],
];

export const ASSET_ITEMS: [RegExp, string][] = [
  [/总额|合计|总计/, 'total'],
  [/办公用房/, 'office'],
  [/房屋/, 'house'],
  [/车辆/, 'vehicle'],
  [/通用设备/, 'equipmentGeneral'],
  [/专用设备/, 'equipmentSpecial'],
  [/设备/, 'equipment'],
  [/土地/, 'land'],
  [/其他/, 'other'],
];

export const REVENUE_ROWS: [RegExp, string, Row['role']][] = [
  [/本年收入合计|^收入合计$|^(当年|本年)收入小计$/, 'currentTotal', 'total'],
  [/上年结转|年初.*结转|结转结余|上年结余/, 'carryOver', 'carry-over'],
  [/收入总计|^总计$/, 'grandTotal', 'grand-total'],
  // 决算: 使用非财政拨款结余 is what older forms call 用事业基金弥补收支差额.
  [/用事业基金弥补|使用非财政拨款结余/, 'fundMakeUp', 'line'],
  [/一般公共预算/, 'generalBudget', 'line'],
  [/政府性?基金|^[一二三四五六七八九十]*[、.．]?基金预算/, 'govFund', 'line'],
  [/国有资本经营/, 'stateCapital', 'line'],
  [/财政专户/, 'fiscalSpecial', 'line'],
  [/事业单位经营收入|^经营收入/, 'operatingIncome', 'line'],
  [/事业收入/, 'business', 'line'],
  [/上级补助收入/, 'superiorSubsidy', 'line'],
  [/附属单位上缴收入/, 'subsidiaryIncome', 'line'],
  [/其他收入/, 'other', 'line'],
];

export const EXPENDITURE_ROWS: [RegExp, string, Row['role']][] = [
  [/本年支出合计|^支出合计$|^(当年|本年)支出小计$/, 'currentTotal', 'total'],
  [/年终结转|年末.*结转|结转结余|结转下年/, 'carryForward', 'carry-over'],
  [/支出总计|^总计$/, 'grandTotal', 'grand-total'],
  [/结余分配/, 'balanceDistribution', 'line'],
];

export function matchKey(name: string, rules: [RegExp, string][]): string | undefined {
  for (const [re, key] of rules) if (re.test(name)) return key;
  return undefined;
}

/**
 * Column keys of a 三公 table laid out by columns (江苏: 合计 | “三公”经费 {小计 | 因公出国 |
 * 公务用车购置及运行费 {小计 | 购置 | 运行} | 公务接待} | 会议费 | 培训费). A 小计 says whose total it
 * is by the label above it; when the 三公 have a 小计 of their own, the outer 合计 also counts
 * 会议费 and 培训费 and is the grand total.
 */
export function threePublicColumns(paths: string[][], keys: (string | null)[]): (string | null)[] {
  const out = paths.map((p, c) => threePublicColumnOf(p) ?? keys[c]);
  // Each group of a table printed per period (上年 | 当年 | 增减) has its own 三公 小计.
  const own = paths.map((p, c) => out[c] === 'total' && p.length > 1 && /三公/.test(p[p.length - 2]));
  if (own.includes(true)) out.forEach((k, c) => (k === 'total' && !own[c] ? (out[c] = 'grandTotal') : null));
  return out;
}

/** The 三公 item a column's header path names, if any. */
export function threePublicColumnOf(path: string[]): string | null {
  const leaf = path[path.length - 1] ?? '';
  const parent = path[path.length - 2] ?? '';
  if (/^(小计|合计)$/.test(leaf) && /公务用车/.test(parent)) return 'vehicle';
  if (/^(小计|合计)$/.test(leaf) && /三公/.test(parent)) return 'total';
  // “三公”经费合计 heads the table's own total column.
  if (/三公.{0,4}(合计|总计)$/.test(leaf)) return 'total';
  if (/出国|购置|运行|运维|公务用车|接待|会议|培训/.test(leaf)) return matchKey(leaf, THREE_PUBLIC_ITEMS) ?? null;
  if (/机关运行/.test(path.join('/'))) return 'operatingCosts';
  return null;
}
