/**
 * The input of `gongkai report self-evaluation`: what a department knows at year end — its
 * figures, narrative, and per project the budget, funds received and spent, goals and what was
 * achieved, and each indicator's target and actual value. Scores are never input: the scoring
 * engine computes them from targets and actuals under a scoring profile.
 */
import { z } from 'zod';
import type { Figure, Indicator, SelfEvalProject, SelfEvaluation } from '../model/disclosure.js';
import { Money, money } from '../model/money.js';
import { parseValue } from '../model/value.js';
import { judge } from '../score/judge.js';
import { isCostIndicator } from '../score/indicator.js';
import { EXECUTION_KEY, level1Key } from '../score/project.js';
import type { ScoringProfile } from '../score/profile.js';

/** 万元, as a JSON number or a decimal string ("29.99"); kept decimal from here on. */
const Amount = z
  .union([z.number().finite().nonnegative(), z.string().regex(/^\d+(?:\.\d+)?$/, '应为不带单位的数字，如 29.99')])
  .describe('万元');

const IndicatorInput = z
  .object({
    level1: z.string().min(1).describe('一级指标：产出指标、效益指标、满意度指标（或计分办法中的其他一级指标）'),
    level2: z.string().min(1).describe('二级指标，如 数量指标、质量指标、时效指标、成本指标、社会效益指标、服务对象满意度指标'),
    level3: z.string().min(1).describe('三级指标：具体指标名称'),
    target: z.string().min(1).describe('预期指标值，如 ≥95%、≤2小时、9月底前完成、及时'),
    actual: z.string().min(1).describe('实际完成值，如 96%、1.5小时、9月20日完成、已完成'),
  })
  .strict();

const ProjectInput = z
  .object({
    name: z.string().min(1).describe('项目名称'),
    unit: z.string().min(1).optional().describe('实施(主管)单位；默认为部门'),
    budget: Amount.describe('预算数（调整后，万元）'),
    budgetFiscal: Amount.optional().describe('其中财政资金；默认等于预算数'),
    available: Amount.describe('到位数（万元）'),
    availableFiscal: Amount.optional().describe('其中财政资金；默认等于到位数'),
    executed: Amount.describe('执行数（万元）'),
    executedFiscal: Amount.optional().describe('其中财政资金；默认等于执行数'),
    weights: z.record(z.string(), z.number().min(0)).optional().describe('本项目各一级指标（及预算执行率）分值；默认取计分办法'),
    goals: z.array(z.string().min(1)).min(1).describe('年度预期目标，每条一项'),
    achievements: z.array(z.string().min(1)).min(1).describe('具体完成情况，每条一项'),
    indicators: z.array(IndicatorInput).min(1),
    problems: z.string().optional().describe('存在问题、原因及下一步整改措施；默认“无”'),
  })
  .strict();

const OrgUnitInput = z
  .object({
    name: z.string().min(1),
    nature: z.string().min(1).describe('单位基本性质：行政单位、事业单位、参公单位'),
    rank: z.string().min(1).describe('单位规格，如 正科级'),
    funding: z.string().min(1).describe('经费形式，如 财政拨款'),
  })
  .strict();

export const SelfEvalInputSchema = z
  .object({
    $schema: z.string().optional(),
    department: z.string().min(2).describe('部门（单位）全称'),
    year: z.number().int().min(2000).max(2100).describe('评价年度'),
    scoringProfile: z.string().optional().describe('计分办法：profiles/scoring/ 下的名称或文件路径；默认 national'),
    basis: z.string().optional().describe('开头一段：评价依据；默认一段通用的话'),
    duties: z.string().min(1).describe('部门职能'),
    units: z.array(OrgUnitInput).min(1).describe('组织机构'),
    staff: z
      .object({
        administrative: z.number().int().min(0).optional().describe('行政编制人数'),
        institutional: z.number().int().min(0).optional().describe('事业编制人数'),
        onDuty: z.number().int().min(0).optional().describe('在职人员人数'),
      })
      .strict(),
    finance: z
      .object({
        initialBudget: Amount.describe('年初预算收入'),
        adjustedBudget: Amount.describe('调整预算数'),
        carryOver: Amount.optional().describe('其中结转和结余'),
        spent: Amount.describe('支出'),
      })
      .strict(),
    overallGoal: z.string().min(1).describe('部门整体支出绩效目标、指标'),
    organisation: z.string().min(1).describe('自评的组织'),
    method: z.string().min(1).describe('自评的方法和过程'),
    overallAchievement: z.string().min(1).describe('总体绩效目标实现情况'),
    projects: z.array(ProjectInput).min(1),
    problems: z.array(z.string().min(1)).min(1).describe('项目存在的主要问题'),
    measures: z.array(z.string().min(1)).min(1).describe('改进措施或建议'),
    evaluators: z.array(z.object({ name: z.string().min(1), title: z.string().min(1) }).strict()).min(1).describe('评价工作组人员'),
    preparer: z.string().min(1).optional().describe('填报人'),
    phone: z.string().min(1).optional().describe('联系电话（单位电话，勿填个人手机）'),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD').describe('报告日期'),
  })
  .strict();
export type SelfEvalInput = z.infer<typeof SelfEvalInputSchema>;
export type ProjectInput = z.infer<typeof ProjectInput>;

/** Input that is well-formed JSON but cannot make a report: one Chinese line naming the place. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export function parseSelfEvalInput(json: unknown): SelfEvalInput {
  const r = SelfEvalInputSchema.safeParse(json);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  throw new InputError(`输入格式有误：${path || '（根）'} ${issue.message}`);
}

const amountOf = (a: number | string): Money => money(String(a));

/** A figure as the table prints it: two decimals. */
export function amountFigure(a: Money): Figure {
  return { raw: a.toFixed(2), value: a, loc: {} };
}

/** The project's marks per 一级 and for the execution rate: its own, else the profile's. */
export function projectWeights(p: ProjectInput, profile: ScoringProfile): Record<string, number> {
  const out: Record<string, number> = {};
  const own = new Map(Object.entries(p.weights ?? {}).map(([k, v]) => [level1Key(k), v]));
  const pick = (key: string) => own.get(key) ?? profile.weights[key];
  const exec = pick(EXECUTION_KEY);
  if (exec !== undefined) out[EXECUTION_KEY] = exec;
  for (const i of p.indicators) {
    const key = level1Key(i.level1);
    const w = pick(key);
    if (w !== undefined) out[key] = w;
  }
  return out;
}

/**
 * The model of the self-evaluation the input describes, without scores; the checks a report
 * needs before it can be scored (every 一级 has marks, every indicator can be judged).
 */
export function inputToModel(input: SelfEvalInput, profile: ScoringProfile): SelfEvaluation {
  const projects: SelfEvalProject[] = input.projects.map((p, k) => {
    const where = `projects[${k}]（${p.name}）`;
    const weights = projectWeights(p, profile);
    if (weights[EXECUTION_KEY] === undefined) throw new InputError(`${where}：计分办法“${profile.name}”没有预算执行率分值，请在 weights 中写明。`);
    const indicators: Indicator[] = p.indicators.map((i, n) => {
      const key = level1Key(i.level1);
      if (weights[key] === undefined) throw new InputError(`${where}.indicators[${n}]：一级指标“${i.level1}”在计分办法“${profile.name}”中没有分值，请在项目的 weights 中写明。`);
      const target = parseValue(i.target);
      const actual = parseValue(i.actual);
      const j = judge(target, actual, { cost: isCostIndicator(i), lateDeadline: profile.lateDeadline });
      if (j.achievement === 'unknown') {
        throw new InputError(`${where}.indicators[${n}]（${i.level3}）：${j.reason}；请写成可与预期指标值“${i.target}”比较的数值，或写明“已完成”“部分完成”“未完成”。`);
      }
      return {
        level1: key,
        level2: i.level2,
        level3: i.level3,
        description: null,
        target,
        basis: null,
        actual,
        weight: null,
        score: null,
        loc: {},
      };
    });
    const budget = amountOf(p.budget);
    const available = amountOf(p.available);
    const executed = amountOf(p.executed);
    if (budget.isZero()) throw new InputError(`${where}：预算数为 0，无法计算执行率。`);
    return {
      name: p.name,
      unit: p.unit ?? input.department,
      budget: amountFigure(budget),
      budgetFiscal: amountFigure(amountOf(p.budgetFiscal ?? p.budget)),
      available: amountFigure(available),
      availableFiscal: amountFigure(amountOf(p.availableFiscal ?? p.available)),
      executed: amountFigure(executed),
      executedFiscal: amountFigure(amountOf(p.executedFiscal ?? p.executed)),
      executionRate: null,
      executionScore: null,
      executionWeight: weights[EXECUTION_KEY],
      goals: p.goals.join('\n'),
      achievements: p.achievements.join('\n'),
      completionRate: null,
      weights,
      indicators,
      totalScore: null,
      problems: p.problems ?? '无',
      loc: {},
    };
  });
  return {
    initialBudget: amountFigure(amountOf(input.finance.initialBudget)),
    adjustedBudget: amountFigure(amountOf(input.finance.adjustedBudget)),
    carryOver: input.finance.carryOver === undefined ? null : amountFigure(amountOf(input.finance.carryOver)),
    spent: amountFigure(amountOf(input.finance.spent)),
    staff: {},
    projects,
    totalScore: null,
    grade: null,
    conclusion: null,
  };
}
