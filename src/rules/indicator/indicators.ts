/**
 * Performance indicators (domain.md §6): the 一级/二级 framework, well-formed targets, no duplicate
 * rows, the indicators every project needs, a 成本 ceiling within the budget, a spending plan that
 * grows to 100%, and the standard self-evaluation weights.
 */
import type { Indicator, Value } from '../../model/disclosure.js';
import { Money } from '../../model/money.js';
import { BASIS } from '../lib/basis.js';
import { amount, money, val } from '../lib/figures.js';
import { isCost, isSatisfaction, LEVEL_PAIRS, level1Name, level2Name } from '../lib/indicators.js';
import { filled, loc, owners, squash } from './owners.js';
import { VALUE_PROBLEMS } from '../../model/value.js';
import { defineRule } from '../types.js';

export const levelPair = defineRule({
  meta: {
    id: 'indicator/level-pair',
    title: '一级、二级指标搭配符合指标体系',
    severity: 'warning',
    category: 'indicator',
    basis: `${BASIS.performance}；${BASIS.coreIndicators}`,
    description: '产出指标下为数量、质量、时效、成本指标；效益指标（“效果指标”视为同义）下为经济效益、社会效益、生态效益、可持续影响指标；满意度指标下为服务对象满意度指标；按 101 号文把成本指标作为一级时，下为经济成本、社会成本、生态环境成本指标。同一项目同一搭配只报告一次。',
    example: { bad: '满意度指标 / 满意度指标 / 党员满意度', message: '项目“党建活动经费”绩效自评表二级指标“满意度指标”不属于一级指标“满意度指标”（应为：服务对象满意度指标）。' },
  },
  check(doc, ctx) {
    for (const o of owners(doc)) {
      const seen = new Set<string>();
      for (const i of filled(o)) {
        const l1 = level1Name(i.level1);
        const l2 = level2Name(i.level2);
        if (!l1 || !l2) continue;
        const allowed = LEVEL_PAIRS[l1];
        const key = `${l1}|${l2}`;
        if (seen.has(key)) continue;
        if (!allowed) {
          seen.add(key);
          ctx.report({ message: `${o.place}一级指标“${squash(i.level1)}”不在指标体系中（应为产出、效益、满意度或成本指标）。`, location: loc(o, i, '一级指标') });
          continue;
        }
        if (allowed.includes(l2)) continue;
        seen.add(key);
        ctx.report({ message: `${o.place}二级指标“${squash(i.level2)}”不属于一级指标“${squash(i.level1).replace(/[（(][^）)]*[)）]/g, '')}”（应为：${allowed.join('、')}）。`, location: loc(o, i, '二级指标') });
      }
    }
  },
});

const GRADE_SCALE = /^[优良中差]([.、．·,，/\s]+[优良中差]){2,}$/;

/** Malformations our own reading sees in a raw value when the value grammar reported none. */
function ownProblems(raw: string): string[] {
  const s = raw.replace(/\s+/g, '');
  const out: string[] = [];
  if (/(?:[≥≤><=]|大于|小于|不低于|不高于|不少于|不超过|达到)0\d/.test(s)) out.push('数值前多余的 0');
  if (/\d百分比/.test(s)) out.push('单位写作“百分比”，应为 %');
  if (/(20\d{2})\1/.test(s)) out.push('年份重复');
  if (/\d+(?:\.\d+){2,}/.test(s)) out.push('数字中有多个小数点');
  if (/%%|％％/.test(s)) out.push('百分号重复');
  return out;
}

/** Problems other rules of this catalog report on their own (scale, unit, operator, unmeasurable). */
const ELSEWHERE = new Set<string>([VALUE_PROBLEMS.empty, VALUE_PROBLEMS.scale, VALUE_PROBLEMS.noOperator, VALUE_PROBLEMS.noUnit, VALUE_PROBLEMS.unmeasurable]);

/** How the value is written wrong: the value grammar's problems, else what our own reading sees. */
function valueProblems(v: Value): string[] {
  const own = v.problems.filter((p) => !ELSEWHERE.has(p));
  return v.problems.length ? own : ownProblems(v.raw);
}

function isScale(v: Value): boolean {
  return GRADE_SCALE.test(v.raw.trim()) || v.problems.includes(VALUE_PROBLEMS.scale);
}

/** The value only repeats the indicator's name or description. */
function repeatsName(i: Indicator): boolean {
  const t = squash(i.target.raw);
  if (t.length < 2 || i.target.value !== null) return false;
  const names = [squash(i.level3), squash(i.description)].filter((n) => n.length >= 2);
  return names.some((n) => n === t || n === `${t}率` || n.replace(/率$/, '') === t);
}

export const malformedTarget = defineRule({
  meta: {
    id: 'indicator/malformed-target',
    title: '指标值书写错误',
    severity: 'warning',
    category: 'indicator',
    basis: 'domain.md §6（指标值的书写）',
    description: '指标值（及自评的实际完成值）书写有误：取值解析器（src/model/value.ts）报告的问题，如多余的前导 0（≥0100%）、单位写法不规范（≥100百分比）、年份重复（20222022年底）、日期无效、区间颠倒；解析器未报告时另查这些写法。评价等级标尺、缺单位或比较符、不可衡量的值由 indicator/grade-scale-target、indicator/missing-unit、indicator/unparsed-target 分别报告，这里不重复。',
    example: { bad: '时效指标：20222022年底', message: '项目“新媒体宣传服务”绩效目标表“项目完成时间”指标值“20222022年底”书写有误：年份重复。' },
  },
  check(doc, ctx) {
    for (const o of owners(doc)) {
      for (const i of filled(o)) {
        for (const [v, what] of [[i.target, '指标值'], [i.actual, '实际完成值']] as const) {
          if (!v || !v.raw.trim()) continue;
          const problems = valueProblems(v);
          if (!problems.length) continue;
          ctx.report({ message: `${o.place}“${squash(i.level3) || squash(i.description)}”${what}“${v.raw.trim()}”书写有误：${problems.join('；')}。`, location: loc(o, i, what) });
        }
      }
    }
  },
});


export const gradeScaleTarget = defineRule({
  meta: {
    id: 'indicator/grade-scale-target',
    title: '把评价等级表当作指标值',
    severity: 'warning',
    category: 'indicator',
    basis: `${BASIS.performance}（指标值应为可衡量的目标）`,
    description: '指标值写成“优.良.中.差”这样的等级表，没有给出要达到的目标（应写明如“优”或“≥90分”）。',
    example: { bad: '社会效益指标：优.良.中.差', message: '项目“互联网专业培训”绩效目标表“通过培训,弘扬主旋律”指标值“优.良.中.差”是评价等级表，不是目标值。' },
    appliesTo: ['budget'],
  },
  check(doc, ctx) {
    for (const o of owners(doc)) {
      for (const i of filled(o)) {
        if (!isScale(i.target)) continue;
        ctx.report({ message: `${o.place}“${squash(i.level3) || squash(i.description)}”指标值“${i.target.raw.trim()}”是评价等级表，不是目标值。`, location: loc(o, i, '指标值') });
      }
    }
  },
});

export const unparsedTarget = defineRule({
  meta: {
    id: 'indicator/unparsed-target',
    title: '指标值无法识别',
    severity: 'info',
    category: 'indicator',
    basis: 'domain.md §6（指标值的写法）',
    description: '取值解析器无法读出指标值（不是“比较符 + 数字 + 单位”、区间、期限，也不是定性等级），且没有具体问题可报。多为定性描述写成了目标，提示人工核对。',
    example: { bad: '效益指标：做好宣传网络', message: '项目“网络安全和网络宣传费用”绩效目标表“项目持续影响效果”指标值“做好宣传网络”无法识别为可衡量的目标。' },
    appliesTo: ['budget'],
  },
  check(doc, ctx) {
    for (const o of owners(doc)) {
      for (const i of filled(o)) {
        const v = i.target;
        if (v.parsed || !v.raw.trim() || valueProblems(v).length || isScale(v) || repeatsName(i)) continue;
        ctx.report({ message: `${o.place}“${squash(i.level3) || squash(i.description)}”指标值“${v.raw.trim()}”无法识别为可衡量的目标。`, location: loc(o, i, '指标值') });
      }
    }
  },
});

export const missingUnit = defineRule({
  meta: {
    id: 'indicator/missing-unit',
    title: '指标值缺少计量单位',
    severity: 'warning',
    category: 'indicator',
    basis: 'domain.md §6（指标值 = 比较符 + 数字 + 单位）',
    description: '指标值只有数字（如“≥10”“100”），没有计量单位（次、个、%、万元……），无法判断目标的含义。',
    example: { bad: '数量指标“培训次数”：≥10', message: '项目“互联网专业培训”绩效目标表“培训次数”指标值“≥10”只有数字，缺少计量单位。' },
  },
  check(doc, ctx) {
    for (const o of owners(doc)) {
      for (const i of filled(o)) {
        const v = i.target;
        if (v.value === null || v.unit || v.level || v.deadline) continue;
        ctx.report({ message: `${o.place}“${squash(i.level3) || squash(i.description)}”指标值“${v.raw.trim()}”只有数字，缺少计量单位${v.operator ? '' : '和比较符'}。`, location: loc(o, i, '指标值') });
      }
    }
  },
});

export const nameAsTarget = defineRule({
  meta: {
    id: 'indicator/name-as-target',
    title: '指标值重复了指标名称',
    severity: 'warning',
    category: 'indicator',
    basis: 'domain.md §6（畸形指标值：重复指标名称）',
    description: '指标值与三级指标名称或指标描述相同（如三级指标“专款专用率”、指标值“专款专用”），没有给出目标。',
    example: { bad: '三级指标“专款专用率”，描述“专款专用”，指标值“专款专用”', message: '项目“网络安全和网络宣传费用”绩效目标表“专款专用率”指标值“专款专用”只是重复了指标名称或描述。' },
  },
  check(doc, ctx) {
    for (const o of owners(doc)) {
      for (const i of filled(o)) {
        if (!repeatsName(i)) continue;
        ctx.report({ message: `${o.place}“${squash(i.level3) || squash(i.description)}”指标值“${i.target.raw.trim()}”只是重复了指标名称或描述。`, location: loc(o, i, '指标值') });
      }
    }
  },
});

export const missingLevel3 = defineRule({
  meta: {
    id: 'indicator/missing-level3',
    title: '缺少三级指标名称',
    severity: 'warning',
    category: 'indicator',
    basis: `${BASIS.performance}（三级指标是具体的考核内容）`,
    description: '指标行填了指标值或描述，却没有三级指标名称。',
    example: { bad: '产出指标 / 时效指标 / （空）/ 及时足额发放 / ≥0100%', message: '项目“劳动聘用人员”绩效目标表有一行时效指标没有三级指标名称（描述“及时足额发放”）。' },
  },
  check(doc, ctx) {
    for (const o of owners(doc)) {
      for (const i of o.indicators) {
        const l3 = squash(i.level3).replace(/^指标\d*[:：]?/, '');
        if (l3) continue;
        if (!squash(i.target.raw) && !squash(i.description)) continue;
        const desc = squash(i.description);
        ctx.report({
          message: `${o.place}有一行${squash(i.level2) || squash(i.level1)}没有三级指标名称（${desc ? `描述“${desc}”` : `指标值“${i.target.raw.trim()}”`}）。`,
          location: loc(o, i, ''),
        });
      }
    }
  },
});

export const duplicate = defineRule({
  meta: {
    id: 'indicator/duplicate',
    title: '重复的指标行',
    severity: 'warning',
    category: 'indicator',
    basis: 'domain.md §6；文本质量（复制粘贴）',
    description: '同一项目中一级、二级、三级指标和指标值都相同的行出现两次以上。',
    example: { bad: '同一表中两行“质量指标 / 专款专用率 / 100%”', message: '项目“新媒体宣传服务”绩效目标表指标“专款专用率”（质量指标，指标值“100%”）重复出现 2 次。' },
  },
  check(doc, ctx) {
    for (const o of owners(doc)) {
      const counts = new Map<string, { n: number; i: Indicator }>();
      for (const i of filled(o)) {
        const key = [level1Name(i.level1), level2Name(i.level2), squash(i.level3), squash(i.target.raw)].join('|');
        const c = counts.get(key);
        if (c) c.n++;
        else counts.set(key, { n: 1, i });
      }
      for (const { n, i } of counts.values()) {
        if (n < 2) continue;
        ctx.report({ message: `${o.place}指标“${squash(i.level3)}”（${squash(i.level2)}，指标值“${i.target.raw.trim()}”）重复出现 ${n} 次。`, location: loc(o, i, '') });
      }
    }
  },
});

export const missingCost = defineRule({
  meta: {
    id: 'indicator/missing-cost',
    title: '缺少成本指标',
    severity: 'warning',
    category: 'indicator',
    basis: BASIS.coreIndicators,
    description: '自 2021 年起（财预〔2021〕101号）项目绩效目标应设成本指标（产出指标下的成本指标或一级成本指标）。更早年度的文件缺成本指标只作提示（当时尚未强制）。年度门槛可在配置 options.fromYear 调整。',
    example: { bad: '2022 年项目目标表只有数量、质量、时效和效益、满意度指标', message: '项目“舆情监测”绩效目标表没有成本指标。' },
  },
  defaults: { fromYear: 2021 },
  check(doc, ctx) {
    const from = Number(ctx.options.fromYear ?? 2021);
    // Before the requirement the gap is still worth knowing, but it breaks no rule of its time.
    const early = doc.year !== null && doc.year < from;
    for (const o of owners(doc)) {
      const inds = filled(o);
      if (!inds.length || inds.some((i) => isCost(i.level1, i.level2))) continue;
      ctx.report({
        message: early ? `${o.place}没有成本指标（${from} 年起要求设置，本文件为 ${doc.year} 年度，仅作提示）。` : `${o.place}没有成本指标。`,
        location: loc(o, null, ''),
        advisory: early,
      });
    }
  },
});

export const missingSatisfaction = defineRule({
  meta: {
    id: 'indicator/missing-satisfaction',
    title: '缺少满意度指标',
    severity: 'warning',
    category: 'indicator',
    basis: BASIS.performance,
    description: '项目绩效目标应包括满意度指标（服务对象满意度）。',
    example: { bad: '项目目标表只有产出指标和效益指标', message: '项目“网络执法”绩效目标表没有满意度指标。' },
  },
  check(doc, ctx) {
    for (const o of owners(doc)) {
      const inds = filled(o);
      if (!inds.length || inds.some((i) => isSatisfaction(i.level1, i.level2))) continue;
      ctx.report({ message: `${o.place}没有满意度指标。`, location: loc(o, null, '') });
    }
  },
});

/** A target's ceiling in 万元, when it states one in money. */
function ceilingWan(v: Value): Money | null {
  const n = v.operator === 'range' ? v.max : v.operator === '≤' || v.operator === '<' || v.operator === '=' ? v.value : null;
  if (n === null || !v.unit) return null;
  const u = v.unit.replace(/\s+/g, '');
  if (u === '万元' || u === '万') return money(String(n));
  if (u === '元') return money(String(n)).div(10000);
  if (u === '千元') return money(String(n)).div(10);
  return null;
}

export const costAboveBudget = defineRule({
  meta: {
    id: 'indicator/cost-above-budget',
    title: '成本指标上限超过项目预算',
    severity: 'error',
    category: 'indicator',
    basis: BASIS.identities('15'),
    description: '成本指标以金额给出上限（≤ x 万元/元）时，x 不应超过项目预算数。人均、单价类以“元”计的标准只有在没有比较符时才会出现，不在此检查。上限约为预算数的一万倍（1,000–100,000 倍）时，是元与万元之一读错，只作提示。',
    example: { bad: '预算数 12.00，成本指标“≤15万元”', message: '项目“政务外网安全检测”绩效目标表成本指标“项目成本”上限 15.00 万元，超过项目预算数 12.00 万元。' },
  },
  check(doc, ctx) {
    for (const o of owners(doc)) {
      const budget = val(o.budget);
      if (!budget) continue;
      for (const i of filled(o)) {
        if (!isCost(i.level1, i.level2)) continue;
        const c = ceilingWan(i.target);
        if (!c || !c.greaterThan(budget)) continue;
        // A ceiling some 10,000 times the budget is one of them read in 元 for 万元 (or the other way
        // round): the unit is in doubt, not the figure — said as info.
        const ratio = c.div(budget);
        const unitDoubt = ratio.greaterThanOrEqualTo(1000) && ratio.lessThanOrEqualTo(100000);
        ctx.report({
          advisory: unitDoubt,
          message: unitDoubt
            ? `${o.place}成本指标“${squash(i.level3)}”上限 ${amount(c)} 万元，约为项目预算数 ${amount(budget)} 万元的一万倍：两者之一的金额单位（元/万元）可能未正确读取，未作为错误。`
            : `${o.place}成本指标“${squash(i.level3)}”上限 ${amount(c)} 万元，超过项目预算数 ${amount(budget)} 万元。`,
          location: loc(o, i, '指标值'),
          expected: budget,
          actual: c,
          difference: c.minus(budget),
        });
      }
    }
  },
});

export const spendingPlan = defineRule({
  meta: {
    id: 'indicator/spending-plan',
    title: '资金支出计划逐期递增并达到 100%',
    severity: 'warning',
    category: 'indicator',
    basis: BASIS.identities('15'),
    description: '项目绩效目标表的资金支出计划（%）是累计进度：后一期不低于前一期，最后一期（12月底）达到 100%。全部空白时不检查。',
    example: { bad: '3月底 30%，6月底 20%，12月底 90%', message: '项目“视频会议系统运行维护”资金支出计划 6月底 20% 低于 3月底 30%；最后一期 12月底 为 90%，未达到 100%。' },
    appliesTo: ['budget'],
  },
  check(doc, ctx) {
    for (const p of doc.projects) {
      const stated = p.spendingPlan.filter((s) => val(s.percent) !== null);
      if (!stated.length) continue;
      const problems: string[] = [];
      for (let k = 1; k < stated.length; k++) {
        const prev = val(stated[k - 1].percent)!;
        const cur = val(stated[k].percent)!;
        if (cur.lessThan(prev)) problems.push(`${stated[k].period} ${cur.toString()}% 低于 ${stated[k - 1].period} ${prev.toString()}%`);
      }
      const last = stated[stated.length - 1];
      const lastV = val(last.percent)!;
      if (lastV.lessThan(100)) problems.push(`最后一期 ${last.period} 为 ${lastV.toString()}%，未达到 100%`);
      if (lastV.greaterThan(100)) problems.push(`最后一期 ${last.period} 为 ${lastV.toString()}%，超过 100%`);
      if (!problems.length) continue;
      ctx.report({ message: `项目“${p.name}”资金支出计划 ${problems.join('；')}。`, location: { ...p.loc, where: `项目“${p.name}”资金支出计划` } });
    }
  },
});

export const standardWeights = defineRule({
  meta: {
    id: 'indicator/standard-weights',
    title: '自评分值与规定权重不同',
    severity: 'info',
    category: 'indicator',
    basis: `${BASIS.performance}（原则上预算执行率 10 分、产出 50 分、效益 30 分、满意度 10 分）`,
    description: '项目自评表各一级指标分值与规定（默认 10 号文：执行率 10、产出 50、效益 30、满意度 10）不同。各省办法不同，在配置 options.weights 中按地方规定设置（如河北 2022：产出 40、效益 40）。',
    example: { bad: '产出指标（40）、效益指标（40）', message: '项目“党建活动经费”绩效自评表分值为 产出指标 40、效益指标 40、满意度指标 10、预算执行率 10，与规定的 产出指标 50、效益指标 30、满意度指标 10、预算执行率 10 不同。' },
    appliesTo: ['self-evaluation', 'final-accounts'],
  },
  defaults: { weights: { 产出指标: 50, 效益指标: 30, 满意度指标: 10, 预算执行率: 10 } },
  check(doc, ctx) {
    const expected = ctx.options.weights as Record<string, number>;
    for (const p of doc.selfEvaluation?.projects ?? []) {
      if (!Object.keys(p.weights).length) continue;
      const actual: Record<string, number> = {};
      for (const [k, v] of Object.entries(p.weights)) actual[/执行率/.test(k) ? '预算执行率' : level1Name(k)] = v;
      if (actual['预算执行率'] === undefined && p.executionWeight !== null) actual['预算执行率'] = p.executionWeight;
      const differs = Object.keys(expected).some((k) => actual[k] !== undefined && actual[k] !== expected[k]);
      if (!differs) continue;
      const show = (w: Record<string, number>) => Object.keys(expected).filter((k) => w[k] !== undefined).map((k) => `${k} ${w[k]}`).join('、');
      ctx.report({ message: `项目“${p.name}”绩效自评表分值为 ${show(actual)}，与规定的 ${show(expected)} 不同。`, location: { ...p.loc, where: `项目“${p.name}”绩效自评表` } });
    }
  },
});
