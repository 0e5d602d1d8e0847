/**
 * The 部门整体支出绩效自评报告 as Word, in the structure of the reports departments publish (seed
 * 004): 一、部门基本情况; 二、自评工作开展情况; 三、目标实现情况, with one 部门预算项目绩效自评表
 * per project as a real table with merged cells; 四、评价结论和评价等级; 五、问题和改进措施;
 * 六、评价工作组. Every figure comes from the scored report; nothing is computed here.
 */
import { Document, Packer, type Paragraph, type Table } from 'docx';
import type { Figure, Indicator, SelfEvalProject } from '../model/disclosure.js';
import { fmt, type Money } from '../model/money.js';
import { describeGrades } from '../score/grade.js';
import { EXECUTION_KEY } from '../score/project.js';
import { body, c, gridTable, heading, title, type GridCell } from './docx-kit.js';
import { scoreText, type ScoredReport } from './self-eval-scored.js';

/** 二级 rows the template prints under each 一级, filled or not. */
const TEMPLATE_LEVEL2: Record<string, string[]> = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: [],
};
const LEVEL1_ORDER = ['产出指标', EXECUTION_KEY, '效益指标', '满意度指标'];
const WIDTHS = [1100, 1250, 1150, 1600, 1100, 1100, 800, 900];

const amt = (f: Figure | null): string => (f?.value ? fmt(f.value) : '');
const pts = (f: Figure | null): string => f?.raw ?? '';
const sec = (text: string, rowSpan = 1): GridCell => c(text, { rowSpan, bold: true });
const lab = (text: string, span = 1): GridCell => c(text, { span, bold: true });

function indicatorRows(p: SelfEvalProject): GridCell[][] {
  const byLevel1 = new Map<string, Indicator[]>();
  for (const i of p.indicators) byLevel1.set(i.level1, [...(byLevel1.get(i.level1) ?? []), i]);
  const order = [...LEVEL1_ORDER, ...[...byLevel1.keys()].filter((k) => !LEVEL1_ORDER.includes(k))];
  const rows: GridCell[][] = [];
  for (const l1 of order) {
    if (l1 === EXECUTION_KEY) {
      const w = p.weights[EXECUTION_KEY];
      rows.push([c(`预算执行率指标（${w}分）`), c('预算执行率'), c('预算执行率'), c('100%'), c(p.executionRate?.raw ?? ''), c(pts(p.executionScore), { span: 2 })]);
      continue;
    }
    const inds = byLevel1.get(l1);
    if (!inds) continue;
    // Template 二级 first (blank rows kept, as the published form prints them), then any others.
    const level2s = [...(TEMPLATE_LEVEL2[l1] ?? []), ...inds.map((i) => i.level2).filter((x, k, all) => !(TEMPLATE_LEVEL2[l1] ?? []).includes(x) && all.indexOf(x) === k)];
    const groups = level2s.map((l2) => ({ l2, inds: inds.filter((i) => i.level2 === l2) }));
    const height = groups.reduce((n, g) => n + Math.max(1, g.inds.length), 0);
    let first = true;
    for (const g of groups) {
      const lines = g.inds.length ? g.inds : [null];
      lines.forEach((i, k) => {
        const row: GridCell[] = [];
        if (first) row.push(c(`${l1}（${p.weights[l1]}分）`, { rowSpan: height }));
        if (k === 0) row.push(c(g.l2, { rowSpan: lines.length }));
        row.push(c(`指标${k + 1}：${i?.level3 ?? ''}`, { align: 'left' }), c(i?.target.raw ?? ''), c(i?.actual?.raw ?? ''), c(i ? pts(i.score) : '', { span: 2 }));
        rows.push(row);
        first = false;
      });
    }
  }
  return rows;
}

/** One 部门预算项目绩效自评表, on an eight-column grid like the published form. */
export function projectTable(p: SelfEvalProject): Table {
  const inds = indicatorRows(p);
  const other = (total: Figure | null, fiscal: Figure | null): string => {
    const rest = total?.value && fiscal?.value ? total.value.minus(fiscal.value) : null;
    return rest && !rest.isZero() ? fmt(rest) : '';
  };
  const rows: GridCell[][] = [
    [sec('一、基本情况'), lab('项目名称'), c(p.name, { span: 2 }), lab('实施(主管)单位'), c(p.unit ?? '', { span: 3 })],
    [sec('二、预算执行情况', 4), lab('预算安排情况（调整后）', 2), lab('资金到位情况', 2), lab('资金执行情况', 2), lab('预算执行进度')],
    [c('预算数：'), c(amt(p.budget)), c('到位数：'), c(amt(p.available)), c('执行数：'), c(amt(p.executed)), c(p.executionRate?.raw ?? '', { rowSpan: 3 })],
    [c('其中：财政资金'), c(amt(p.budgetFiscal)), c('其中：财政资金'), c(amt(p.availableFiscal)), c('其中：财政资金'), c(amt(p.executedFiscal))],
    [c('其他'), c(other(p.budget, p.budgetFiscal)), c('其他'), c(other(p.available, p.availableFiscal)), c('其他'), c(other(p.executed, p.executedFiscal))],
    [sec('三、目标完成情况', 2), lab('年度预期目标', 3), lab('具体完成情况', 3), lab('总体完成率')],
    [c(numbered(p.goals), { span: 3, align: 'left' }), c(numbered(p.achievements), { span: 3, align: 'left' }), c(p.completionRate?.raw ?? '')],
    [sec('四、年度绩效指标完成情况', 1 + inds.length), lab('一级指标'), lab('二级指标'), lab('三级指标'), lab('预期指标值'), lab('实际完成值'), lab('自评得分', 2)],
    ...inds,
    [lab('总分', 6), c(pts(p.totalScore), { span: 2, bold: true })],
    [sec('五、存在问题、原因及下一步整改措施'), c(p.problems ?? '无', { span: 7, align: 'left' })],
  ];
  return gridTable(WIDTHS, rows);
}

/** "a\nb" → ["1. a", "2. b"] — goals and achievements as numbered lines. */
function numbered(text: string | null): string[] {
  const lines = (text ?? '').split('\n').filter((l) => l.trim());
  return lines.length > 1 ? lines.map((l, k) => `${k + 1}. ${l}`) : lines;
}

function dateText(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y} 年 ${m} 月 ${d} 日`;
}

const w = (v: Money) => `${fmt(v)} 万元`;

export function selfEvalDocument(r: ScoredReport): Document {
  const { input, model } = r;
  const y = input.year;
  const children: (Paragraph | Table)[] = [];
  const add = (...xs: (Paragraph | Table)[]) => children.push(...xs);

  add(title(input.department), title(`${y} 年度整体支出绩效自评报告`));
  add(body(input.basis ?? `根据预算绩效管理的有关规定，遵循“科学性、规范性、客观性和公正性”的原则，对${input.department} ${y} 年整体支出情况开展绩效自评工作，形成本评价报告。`));

  add(heading('一、部门基本情况'), heading('（一）部门概况', 2), heading('部门职能', 3), body(input.duties));
  add(heading('组织机构及人员', 3));
  add(
    gridTable(
      [3000, 2000, 2000, 2000],
      [[c('单位名称', { bold: true }), c('单位基本性质', { bold: true }), c('单位规格', { bold: true }), c('经费形式', { bold: true })], ...input.units.map((u) => [c(u.name), c(u.nature), c(u.rank), c(u.funding)])],
    ),
  );
  const staff = [
    input.staff.administrative !== undefined ? `实有行政编制 ${input.staff.administrative} 人` : null,
    input.staff.institutional !== undefined ? `事业编制 ${input.staff.institutional} 人` : null,
    input.staff.onDuty !== undefined ? `在职人员共 ${input.staff.onDuty} 人` : null,
  ].filter((x) => x);
  if (staff.length) add(body(`${y} 年末本部门${staff.join('，')}。`));
  add(heading('（二）部门收支预算情况', 2));
  const carry = model.carryOver?.value ? `（含结转和结余 ${w(model.carryOver.value)}）` : '';
  add(body(`${y} 年本部门年初预算收入 ${w(model.initialBudget!.value!)}，调整预算数 ${w(model.adjustedBudget!.value!)}${carry}，支出 ${w(model.spent!.value!)}。`));
  add(heading('（三）部门整体支出绩效目标、指标', 2), body(input.overallGoal));

  add(heading('二、自评工作开展情况'), heading('（一）自评的组织', 2), body(input.organisation), heading('（二）自评的方法和过程', 2), body(input.method));

  add(heading('三、部门整体支出绩效目标实现情况及指标分析'), heading('（一）总体绩效目标实现情况', 2), body(input.overallAchievement));
  add(heading('（二）分项绩效目标实现情况及指标分析', 2));
  model.projects.forEach((p, k) => {
    add(body(`${k + 1}、${p.name}绩效表`, { indent: true }));
    add(body('部门预算项目绩效自评表', { align: 'center' }), body(`（${y} 年度）`, { align: 'center' }));
    add(body(`填报单位：${input.department}`, { indent: false }), body('金额单位：万元', { align: 'right' }));
    add(projectTable(p));
    if (input.preparer) add(body(`填报人：${input.preparer}`, { indent: false }));
    if (input.phone) add(body(`联系电话：${input.phone}`, { indent: false }));
  });

  const n = model.projects.length;
  const mean = r.basis === 'plain' ? '简单平均' : '按项目预算加权平均';
  const otherMean = r.other.kind === 'plain' ? '简单平均' : '按项目预算加权平均';
  add(heading('四、评价结论和评价等级'));
  add(body(`总得分 ${scoreText(r.total)} 分为${r.grade.label}`));
  add(
    body(
      `部门得分为 ${n} 个项目自评得分的${mean}（${otherMean}为 ${r.other.value ? r.other.value.toFixed(2) : '—'}）。` +
        `各项目得分由预期指标值与实际完成值按“${r.profile.name}”计分办法计算：预算执行率得分为执行率（不超过 100%）乘以分值，` +
        `定量指标达到目标得满分、未达到按完成比例计分，定性指标和时限指标按完成程度分档计分；等级划分为${describeGrades(r.profile)}。`,
    ),
  );

  add(heading('五、存在的问题及改进措施'), heading('（一）项目存在的主要问题', 2));
  input.problems.forEach((t, k) => add(body(input.problems.length > 1 ? `${k + 1}. ${t}` : t)));
  add(heading('（二）改进措施或建议', 2));
  input.measures.forEach((t, k) => add(body(input.measures.length > 1 ? `${k + 1}. ${t}` : t)));

  add(heading('六、评价工作组人员名单及签字'));
  for (const e of input.evaluators) add(body(`${e.name}　${e.title}`));
  add(body(input.department, { align: 'right' }), body(dateText(input.date), { align: 'right' }));

  return new Document({
    creator: 'gongkai',
    title: `${input.department}${y}年度整体支出绩效自评报告`,
    styles: { default: { document: { run: { font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' }, size: 32 } } } },
    sections: [{ properties: { page: { margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } }, children }],
  });
}

export async function selfEvalDocx(r: ScoredReport): Promise<Buffer> {
  return Packer.toBuffer(selfEvalDocument(r));
}
