/**
 * Minimal valid disclosures for rule tests: every required field filled with empty defaults, and
 * tables from compact row specs. Amounts are written as strings so no binary float ever enters.
 */
import type {
  Claim,
  ClaimSubject,
  Disclosure,
  Figure,
  Indicator,
  Project,
  Row,
  SelfEvalProject,
  SelfEvaluation,
  StdTable,
  TableKind,
  Value,
} from '../../src/model/disclosure.js';
import { emptyDisclosure, emptySelfEvalProject } from '../../src/model/empty.js';
import { money } from '../../src/model/money.js';

type Amount = string | number | null | undefined;

export function fig(v: Amount, raw?: string): Figure | null {
  if (v === null || v === undefined || v === '') return null;
  const s = String(v);
  return { raw: raw ?? s, value: money(s.replace(/,/g, '')), loc: {} };
}

export function budget(over: Partial<Disclosure> = {}): Disclosure {
  const d = emptyDisclosure({ path: 'test.txt', format: 'txt', bytes: 0, sha256: '' }, 'budget');
  d.year = 2022;
  d.title = '示例区示例局2022年部门预算公开说明';
  d.entity = { name: '示例区某局', code: '901', level: 'county', region: '示例省示例市示例区', scope: null, parent: null };
  d.unit = { raw: '单位：万元', scale: '万元' };
  return Object.assign(d, over);
}

export function selfEvalDoc(se: Partial<SelfEvaluation>, over: Partial<Disclosure> = {}): Disclosure {
  return budget({
    kind: 'self-evaluation',
    selfEvaluation: {
      initialBudget: null,
      adjustedBudget: null,
      carryOver: null,
      spent: null,
      staff: {},
      projects: [],
      totalScore: null,
      grade: null,
      conclusion: null,
      ...se,
    },
    ...over,
  });
}

/**
 * A row spec: `[code, name, ...values]` in the order of the table's columns, or an object for
 * rows that need a side, key or role.
 */
export type RowSpec =
  | [string | null, string, ...Amount[]]
  | { code?: string | null; name: string; role?: Row['role']; key?: string; side?: 'revenue' | 'expenditure'; values?: Record<string, Amount>; texts?: Record<string, string> };

const LEVELS: Record<number, Row['level']> = { 3: 'class', 5: 'section', 7: 'item' };

export function row(spec: RowSpec, columns: string[] = []): Row {
  if (Array.isArray(spec)) {
    const [code, name, ...vals] = spec;
    const values: Row['values'] = {};
    columns.forEach((k, i) => (values[k] = fig(vals[i])));
    return {
      code: code || null,
      name,
      level: code ? (LEVELS[code.length] ?? null) : null,
      role: /^(合计|总计)$/.test(name) ? 'total' : /小计$/.test(name) ? 'subtotal' : 'line',
      values,
      loc: {},
    };
  }
  const values: Row['values'] = {};
  for (const [k, v] of Object.entries(spec.values ?? {})) values[k] = fig(v);
  const code = spec.code ?? null;
  return {
    code,
    name: spec.name,
    level: code ? (LEVELS[code.length] ?? null) : null,
    role: spec.role ?? 'line',
    ...(spec.key ? { key: spec.key } : {}),
    ...(spec.side ? { side: spec.side } : {}),
    values,
    ...(spec.texts ? { texts: spec.texts } : {}),
    loc: {},
  };
}

const TITLES: Record<TableKind, string> = {
  'revenue-expenditure-summary': '部门预算收支总表',
  revenue: '部门预算收入总表',
  expenditure: '部门预算支出总表',
  'fiscal-summary': '部门预算财政拨款收支总表',
  'general-budget-expenditure': '部门预算一般公共预算财政拨款支出表',
  'general-budget-basic': '部门预算一般公共预算财政拨款基本支出表',
  'basic-expenditure': '部门预算基本支出表',
  'gov-fund-expenditure': '部门预算政府性基金预算财政拨款支出表',
  'state-capital-expenditure': '部门预算国有资本经营预算财政拨款支出表',
  'three-public': '部门预算财政拨款“三公”经费支出表',
  'operating-costs': '机关运行经费预算表',
  procurement: '部门政府采购预算表',
  assets: '部门固定资产占用情况表',
  'project-expenditure': '项目支出预算表',
  other: '其他表',
};

const LABELS: Record<string, string> = {
  total: '合计', basic: '基本支出', project: '项目支出', operating: '经营支出', toSuperior: '上缴上级支出',
  toSubsidiary: '对附属单位补助支出', personnel: '人员经费', public: '公用经费', currentIncome: '本年收入/小计',
  carryOver: '上年结转', fiscal: '财政拨款收入', fiscalSpecial: '财政专户收入', business: '事业收入',
  operatingIncome: '经营收入', superiorSubsidy: '上级补助收入', subsidiaryIncome: '附属单位上缴收入', other: '其他收入',
  generalBudget: '一般公共预算财政拨款', govFund: '政府性基金预算财政拨款', stateCapital: '国有资本经营预算财政拨款',
  amount: '预算数', prior: '2021年预算数', current: '2022年预算数', change: '增减金额', quantity: '数量', value: '价值',
  abroad: '因公出国（境）费', vehicle: '公务用车购置及运行费', vehiclePurchase: '公务用车购置费', vehicleOperation: '公务用车运行费',
  reception: '公务接待费',
};

export interface TableSpec {
  title?: string;
  columns?: string[];
  rows?: RowSpec[];
  classification?: StdTable['classification'];
  empty?: boolean;
  note?: string | null;
  unit?: StdTable['unit'];
  /** Two-sided tables: columns per side. */
  sides?: { revenue: string[]; expenditure: string[] };
}

export function table(kind: TableKind, spec: TableSpec = {}): StdTable {
  const columns = spec.columns ?? [];
  const rows = (spec.rows ?? []).map((r) => row(r, columns));
  const cols: StdTable['columns'] = spec.sides
    ? [
        ...spec.sides.revenue.map((key, i) => ({ key, label: `收入/${LABELS[key] ?? key}`, side: 'revenue' as const, col: i + 1 })),
        ...spec.sides.expenditure.map((key, i) => ({ key, label: `支出/${LABELS[key] ?? key}`, side: 'expenditure' as const, col: i + 10 })),
      ]
    : columns.map((key, i) => ({ key, label: LABELS[key] ?? key, col: i + 2 }));
  const codes = rows.filter((r) => r.code).map((r) => r.code!);
  const classification =
    spec.classification !== undefined ? spec.classification : codes.length === 0 ? null : codes.every((c) => /^[35]/.test(c)) ? 'economic' : 'functional';
  return {
    kind,
    title: spec.title ?? TITLES[kind],
    unit: spec.unit ?? { raw: '单位：万元', scale: '万元' },
    classification,
    columns: cols,
    rows,
    empty: spec.empty ?? rows.every((r) => Object.values(r.values).every((f) => !f || !f.value)),
    note: spec.note ?? null,
    loc: { table: 0 },
  };
}

/** A two-sided 收支总表 / 财政拨款收支总表 from its revenue and expenditure rows. */
export function twoSided(
  kind: 'revenue-expenditure-summary' | 'fiscal-summary',
  revenue: { name: string; key?: string; role?: Row['role']; values: Record<string, Amount> }[],
  expenditure: { name: string; code?: string; key?: string; role?: Row['role']; values: Record<string, Amount> }[],
  expenditureColumns: string[] = ['amount'],
): StdTable {
  const t = table(kind, { sides: { revenue: ['amount'], expenditure: expenditureColumns } });
  t.rows = [
    ...revenue.map((r) => row({ ...r, side: 'revenue' })),
    ...expenditure.map((r) => row({ ...r, side: 'expenditure' })),
  ];
  t.empty = false;
  return t;
}

export function claim(subject: ClaimSubject, v: Amount, over: Partial<Claim> = {}): Claim {
  const value = v === null || v === undefined ? null : money(String(v));
  const sentence = over.loc?.sentence ?? `${subject} ${v}万元`;
  return {
    subject,
    name: null,
    value,
    raw: `${v}万元`,
    direction: null,
    year: null,
    ...over,
    loc: { sentence, ...(over.loc ?? {}) },
  };
}

export function value(raw: string, over: Partial<Value> = {}): Value {
  return { raw, operator: null, value: null, max: null, unit: null, level: null, deadline: null, parsed: true, problems: [], ...over };
}

export function indicator(level1: string, level2: string, level3: string, target: Value | string, over: Partial<Indicator> = {}): Indicator {
  return {
    level1,
    level2,
    level3,
    description: null,
    target: typeof target === 'string' ? value(target, { level: target }) : target,
    basis: null,
    actual: null,
    weight: null,
    score: null,
    loc: {},
    ...over,
  };
}

/** The indicators a well-formed project table carries: 产出 (with 成本), 效益, 满意度. */
export function goodIndicators(cost = '≤10万元', costValue = 10): Indicator[] {
  return [
    indicator('产出指标', '数量指标', '宣传活动次数', value('≥4次', { operator: '≥', value: 4, unit: '次' })),
    indicator('产出指标', '质量指标', '活动完成率', value('≥95%', { operator: '≥', value: 95, unit: '%' })),
    indicator('产出指标', '时效指标', '完成时间', value('12月底前', { deadline: '12月底前' })),
    indicator('产出指标', '成本指标', '项目成本', value(cost, { operator: '≤', value: costValue, unit: '万元' })),
    indicator('效益指标', '社会效益指标', '公众知晓率', value('≥80%', { operator: '≥', value: 80, unit: '%' })),
    indicator('满意度指标', '服务对象满意度指标', '群众满意度', value('≥90%', { operator: '≥', value: 90, unit: '%' })),
  ];
}

export function project(name: string, over: Partial<Project> & { budgetValue?: Amount } = {}): Project {
  const { budgetValue, ...rest } = over;
  return {
    name,
    code: null,
    unit: null,
    budget: fig(budgetValue ?? null),
    fiscalFunds: null,
    otherFunds: null,
    purpose: null,
    spendingPlan: [],
    goals: [],
    indicators: goodIndicators(),
    loc: {},
    ...rest,
  };
}

export function para(text: string, section: string | null = null): Disclosure['paragraphs'][number] {
  return { text, section, loc: {} };
}

export function selfEvalProject(name: string, over: Partial<SelfEvalProject> = {}): SelfEvalProject {
  return { ...emptySelfEvalProject(name), ...over };
}

/** An indicator of a self-evaluation with its marks. */
export function scored(level1: string, level2: string, level3: string, score: Amount, weight: number | null = null): Indicator {
  return indicator(level1, level2, level3, value('≥95%', { operator: '≥', value: 95, unit: '%' }), { score: fig(score), weight });
}
