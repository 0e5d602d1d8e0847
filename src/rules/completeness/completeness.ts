/**
 * What a disclosure must contain (《地方预决算公开操作规程》; national transparency checks, domain.md §9):
 * the nine standard tables, empty tables with their note, the parts of the 说明, performance target
 * tables for the projects, classification detail (functional to 项, economic to 款), the 三公 split.
 */
import type { Disclosure, StdTable, TableKind } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { claimsOf } from '../lib/claims.js';
import { checkAtMost } from '../lib/compare.js';
import { amount, asFigure, sum, val } from '../lib/figures.js';
import { headline } from '../lib/headline.js';
import { cellLocation, codeRows, CODED_KINDS, KIND_NAMES, rowLabel, schemeOf, tableName, tablesOf } from '../lib/tables.js';
import { threePublicFigures } from '../lib/three-public.js';
import { defineRule } from '../types.js';

const STANDARD: TableKind[] = [
  'revenue-expenditure-summary',
  'revenue',
  'expenditure',
  'fiscal-summary',
  'general-budget-expenditure',
  'general-budget-basic',
  'gov-fund-expenditure',
  'state-capital-expenditure',
  'three-public',
];

const STANDARD_KINDS = new Set<TableKind>(STANDARD);

/**
 * Whether the document carries the standard tables at all. A 三公 table alone does not count:
 * the 说明 prints its own 三公 table even when the nine tables are published separately.
 */
function hasStandardTables(doc: Disclosure): boolean {
  return doc.tables.some((t) => STANDARD_KINDS.has(t.kind) && t.kind !== 'three-public');
}

const NONE_OF: Partial<Record<TableKind, RegExp>> = {
  'gov-fund-expenditure': /无[^。；;，,]{0,12}政府性基金(预算)?(拨款)?(收支|收入|支出|预算)/,
  'state-capital-expenditure': /无[^。；;，,]{0,12}国有资本经营(预算)?(拨款)?(收支|收入|支出|预算)/,
};

/** The 说明 says the department has no money of the fund a table is about. */
function saysNone(doc: Disclosure, kind: TableKind): boolean {
  const re = NONE_OF[kind];
  return !!re && doc.paragraphs.some((p) => re.test(p.text.replace(/\s+/g, '')));
}

export const standardTables = defineRule({
  meta: {
    id: 'completeness/standard-tables',
    expectation: true,
    title: '九张公开表齐全',
    severity: 'error',
    category: 'completeness',
    basis: `${BASIS.procedure}（部门预决算公开九张表，无数据的表也要公开并说明）`,
    description: '文件含有公开表格时，九张标准表（收支总表、收入总表、支出总表、财政拨款收支总表、一般公共预算支出表、一般公共预算基本支出表、政府性基金支出表、国有资本经营支出表、三公经费支出表）应都在。各地表样不同时，在配置 options.required 中列出当地必须公开的表（表的 kind）。说明写明本部门无政府性基金或国有资本经营预算（收支）时，缺少相应的表不报告（有的地区表样不含该表，如陕西）。文件只有说明、没有任何表格时由 completeness/no-tables 提示。',
    example: { bad: '文件列出 7 张表，缺国有资本经营预算支出表和三公经费支出表', message: '公开表格不全：缺少国有资本经营预算财政拨款支出表、财政拨款“三公”经费支出表（共 9 张，本文件有 7 张）。' },
    appliesTo: ['budget', 'final-accounts'],
  },
  defaults: { required: STANDARD },
  check(doc, ctx) {
    if (!hasStandardTables(doc)) return;
    const required = (ctx.options.required as TableKind[] | undefined) ?? STANDARD;
    const present = new Set(doc.tables.map((t) => t.kind).filter((k) => required.includes(k)));
    // A fund table the region's template does not have (陕西 prints no 国有资本经营 table) is not
    // missing when the 说明 says the department has no such budget: the table would be empty.
    const missing = required.filter((k) => !present.has(k) && !saysNone(doc, k));
    if (!missing.length) return;
    ctx.report({
      message: `公开表格不全：缺少${missing.map((k) => KIND_NAMES[k]).join('、')}（共 ${required.length} 张，本文件有 ${present.size} 张）。`,
      location: { where: '公开表格' },
    });
  },
});

export const noTables = defineRule({
  meta: {
    id: 'completeness/no-tables',
    title: '文件只有说明没有公开表格',
    severity: 'info',
    category: 'completeness',
    basis: BASIS.procedure,
    description: '文件有说明而没有标准公开表格（说明自带的三公经费表不算）。常见于说明与表格分开发布，故只作提示：请确认九张公开表已另行公开。',
    example: { bad: '部门预算公开说明 Word 文件，表格另附', message: '文件中没有预算公开表格，只有说明部分；请确认九张公开表已另行公开。' },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    if (hasStandardTables(doc)) return;
    if (!doc.paragraphs.length && !doc.claims.length) return;
    ctx.report({ message: '文件中没有预算公开表格，只有说明部分；请确认九张公开表已另行公开。', location: { where: '全文' } });
  },
});

export const emptyTableNote = defineRule({
  meta: {
    id: 'completeness/empty-table-note',
    expectation: true,
    title: '空表须注明原因',
    severity: 'error',
    category: 'completeness',
    basis: `${BASIS.procedure}（空表应公开并作出说明）`,
    description: '没有数据的公开表也要公开，并注明原因：表内或表下的注（如“注：无政府性基金预算财政拨款预算，空表列示。”），目录中的“是否空表 / 表格为空的理由”，或说明中的一句（如“本部门无当年政府性基金预算收支，并已公开空表”）都算注明。',
    example: { bad: '国有资本经营预算财政拨款支出表为空，表下无说明', message: '《部门预算国有资本经营预算财政拨款支出表》为空表，但没有注明原因（如“注：无……，空表列示”）。' },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    for (const t of doc.tables) {
      if (!t.empty || !STANDARD_KINDS.has(t.kind)) continue;
      if (t.note && t.note.trim()) continue;
      ctx.report({ message: `《${tableName(t)}》为空表，但没有注明原因（如“注：无……，空表列示”）。`, location: { ...t.loc, where: `《${tableName(t)}》` } });
    }
  },
});

interface Part {
  name: string;
  present: (doc: Disclosure, text: string) => boolean;
}

const has = (re: RegExp) => (_: Disclosure, text: string) => re.test(text);

const PARTS: Part[] = [
  { name: '部门职责', present: (d, text) => d.duties.length > 0 || /职责|职能/.test(text) },
  { name: '机构设置', present: (d, text) => d.units.length > 0 || /机构设置|单位构成|内设机构/.test(text) },
  { name: '收入说明', present: (d, text) => claimsOf(d, 'revenue.total').length > 0 || /收入(说明|预算|情况)/.test(text) },
  { name: '支出说明', present: (d, text) => claimsOf(d, 'expenditure.total').length > 0 || /支出(说明|预算|情况)/.test(text) },
  { name: '机关运行经费', present: (d, text) => claimsOf(d, 'operatingCosts.total').length > 0 || tablesOf(d, 'operating-costs').length > 0 || /机关运行(经)?费/.test(text) },
  { name: '“三公”经费', present: (d, text) => tablesOf(d, 'three-public').length > 0 || d.claims.some((c) => c.subject.startsWith('threePublic.')) || /三公/.test(text) },
  { name: '预算绩效信息', present: (d, text) => d.projects.length > 0 || !!d.performance.overallGoal || /绩效/.test(text) },
  { name: '政府采购', present: (d, text) => d.procurement.items.length > 0 || claimsOf(d, 'procurement.total').length > 0 || /政府采购/.test(text) },
  { name: '国有资产', present: (d, text) => d.assets.rows.length > 0 || tablesOf(d, 'assets').length > 0 || /国有资产|固定资产/.test(text) },
  { name: '名词解释', present: (d, text) => d.glossary.length > 0 || /名词解释/.test(text) },
];

export const sections = defineRule({
  meta: {
    id: 'completeness/sections',
    expectation: true,
    title: '预算说明各部分齐全',
    severity: 'warning',
    category: 'completeness',
    basis: `${BASIS.procedure}；domain.md §2（说明的九个部分）`,
    description: '部门预算说明应包括：部门职责、机构设置、收入说明、支出说明、机关运行经费、“三公”经费、预算绩效信息、政府采购、国有资产、名词解释。按模型中已识别的内容和段落文字判断；文件没有说明部分（段落中只见到不到四个部分，多为只含表格的文件）时不检查。',
    example: { bad: '说明中没有政府采购和国有资产的内容', message: '预算说明缺少以下部分：政府采购、国有资产。' },
    appliesTo: ['budget'],
  },
  check(doc, ctx) {
    if (!doc.paragraphs.length) return;
    const text = doc.paragraphs.map((p) => `${p.section ?? ''} ${p.text}`).join('\n');
    const missing = PARTS.filter((p) => !p.present(doc, text)).map((p) => p.name);
    // A file with hardly any of the parts is a tables-only file with a few captions, not a 说明 with gaps.
    if (!missing.length || PARTS.length - missing.length < 4) return;
    ctx.report({ message: `预算说明缺少以下部分：${missing.join('、')}。`, location: { where: '预算说明' } });
  },
});

export const performanceTables = defineRule({
  meta: {
    id: 'completeness/performance-tables',
    expectation: true,
    title: '有项目支出须公开项目绩效目标表',
    severity: 'warning',
    category: 'completeness',
    basis: `${BASIS.performance}；各地预算绩效信息公开要求`,
    description: '项目支出大于 0（表格、说明或摘要）而文件中没有任何项目绩效目标表时报告。',
    example: { bad: '项目支出 63.85 万元，文件中无绩效目标表', message: '项目支出 63.85 万元，但文件中没有项目绩效目标表。' },
    appliesTo: ['budget'],
  },
  check(doc, ctx) {
    if (doc.projects.length) return;
    const h = headline(doc, 'project');
    const c = claimsOf(doc, 'expenditure.project')[0];
    const v = h ? val(h.figure) : (c?.value ?? null);
    if (!v || !v.greaterThan(0)) return;
    ctx.report({ message: `项目支出 ${amount(v)} 万元，但文件中没有项目绩效目标表。`, location: { where: '预算绩效信息' }, actual: v });
  },
});

export const projectBudgetsWithin = defineRule({
  meta: {
    id: 'completeness/project-budgets-within',
    title: '绩效目标表预算合计不超过项目支出',
    severity: 'error',
    category: 'completeness',
    basis: BASIS.identities('15'),
    description: '各项目绩效目标表预算数之和 ≤ 项目支出（每个项目都有目标表时应相等，相差时多为漏表）。部门主管专项资金的绩效目标表不计入。',
    example: { bad: '两张目标表预算数 40.00、30.00，项目支出 63.85', message: '各项目绩效目标表预算数合计 70.00 万元，超过项目支出（《部门预算支出总表》“合计”行“项目支出”列） 63.85 万元，超出 6.15 万元。' },
    appliesTo: ['budget'],
  },
  check(doc, ctx) {
    // 部门主管专项资金 are managed for others: they are no part of the department's 项目支出.
    const budgets = doc.projects.filter((p) => !p.managedFund).map((p) => val(p.budget)).filter((v) => v !== null);
    if (!budgets.length) return;
    const h = headline(doc, 'project');
    const c = claimsOf(doc, 'expenditure.project')[0];
    const whole = h ? { desc: `项目支出（${h.desc}）`, figure: h.figure } : c ? { desc: '项目支出（说明）', figure: asFigure(c.value!, c.value!.toString()) } : null;
    if (!whole) return;
    const total = sum(budgets);
    checkAtMost(ctx, {
      a: { desc: '各项目绩效目标表预算数合计', figure: asFigure(total, total.toString()) },
      b: whole,
      location: { where: '项目绩效目标表' },
    });
  },
});

function detail(t: StdTable, parentLen: number, childLen: number): { code: string; label: string; loc: Record<string, unknown> & { where: string } }[] {
  const rows = codeRows(t);
  const out: { code: string; label: string; loc: Record<string, unknown> & { where: string } }[] = [];
  for (const r of rows) {
    if (r.code!.length !== parentLen) continue;
    if (!Object.values(r.values).some((f) => val(f) && !val(f)!.isZero())) continue;
    if (rows.some((c) => c.code!.length === childLen && c.code!.startsWith(r.code!))) continue;
    out.push({ code: r.code!, label: rowLabel(r), loc: cellLocation(t, r) });
  }
  return out;
}

export const functionalDetail = defineRule({
  meta: {
    id: 'completeness/functional-detail',
    expectation: true,
    title: '功能分类细化到项',
    severity: 'warning',
    category: 'completeness',
    basis: `${BASIS.budgetLaw}（本级一般公共预算支出按功能分类编列到项）；财政部公开检查“细化程度”`,
    description: '按功能分类列示的表中，有金额的“款”应列出其下的“项”。只列到款时报告。',
    example: { bad: '支出总表 20133 宣传事务 176.20，下面没有项', message: '《部门预算支出总表》科目 20133 宣传事务只列到款，未细化到项。' },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    for (const t of CODED_KINDS.flatMap((k) => tablesOf(doc, k)).filter((x) => schemeOf(x) === 'functional')) {
      for (const d of detail(t, 5, 7)) ctx.report({ message: `《${tableName(t)}》科目 ${d.label}只列到款，未细化到项。`, location: d.loc });
    }
  },
});

export const economicDetail = defineRule({
  meta: {
    id: 'completeness/economic-detail',
    expectation: true,
    title: '经济分类细化到款',
    severity: 'warning',
    category: 'completeness',
    basis: `${BASIS.budgetLaw}（基本支出按经济分类编列到款）；财政部公开检查“细化程度”`,
    description: '基本支出表等按经济分类列示的表中，有金额的“类”应列出其下的“款”。只列到类时报告。',
    example: { bad: '基本支出表 302 商品和服务支出 28.78，下面没有款', message: '《部门预算一般公共预算财政拨款基本支出表》科目 302 商品和服务支出只列到类，未细化到款。' },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    for (const t of CODED_KINDS.flatMap((k) => tablesOf(doc, k)).filter((x) => schemeOf(x) === 'economic')) {
      for (const d of detail(t, 3, 5)) ctx.report({ message: `《${tableName(t)}》科目 ${d.label}只列到类，未细化到款。`, location: d.loc });
    }
  },
});

export const threePublicSplit = defineRule({
  meta: {
    id: 'completeness/three-public-split',
    expectation: true,
    title: '公务用车须分列购置费和运行费',
    severity: 'warning',
    category: 'completeness',
    basis: '财政部部门预决算公开检查：“三公”经费须分别公开公务用车购置费和运行费；domain.md §9',
    description: '三公经费表或说明给出了公务用车购置及运行费（非零），却没有分别给出购置费和运行维护费时报告。',
    example: { bad: '说明“公务用车购置及运行费2.43万元”，未分列购置与运行', message: '“三公”经费中公务用车购置及运行费 2.43 万元，未分别列出购置费和运行维护费。' },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    const tp = threePublicFigures(doc);
    const vehicleClaim = claimsOf(doc, 'threePublic.vehicle')[0];
    const vehicle = tp.vehicle ? val(tp.vehicle.figure) : (vehicleClaim?.value ?? null);
    if (!vehicle || vehicle.isZero()) return;
    const split =
      !!tp.vehiclePurchase ||
      !!tp.vehicleOperation ||
      claimsOf(doc, 'threePublic.vehiclePurchase').length > 0 ||
      claimsOf(doc, 'threePublic.vehicleOperation').length > 0;
    if (split) return;
    ctx.report({
      message: `“三公”经费中公务用车购置及运行费 ${amount(vehicle)} 万元，未分别列出购置费和运行维护费。`,
      location: tp.vehicle?.location ?? { ...(vehicleClaim?.loc ?? {}), where: '“三公”经费说明' },
      actual: vehicle,
    });
  },
});
