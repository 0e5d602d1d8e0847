/**
 * The dataset a disclosure is generated from: what a department's budget (or final accounts)
 * holds, entered once. Tables are never input: every standard table, every total and every figure
 * of the 说明 is computed from the line items here, so the generated document agrees with itself
 * by construction. Amounts are 万元, given as JSON numbers or decimal strings and kept decimal.
 */
import { z } from 'zod';
import { Money } from '../model/money.js';

/** 万元, a JSON number or a decimal string ("29.99"); decimal from here on. */
const Amount = z
  .union([z.number().finite(), z.string().regex(/^-?\d+(?:\.\d+)?$/, '应为不带单位的数字，如 29.99')])
  .transform((v) => new Money(String(v)))
  .describe('万元');
const Amount0 = Amount.prefault(0);
const Count = z.number().int().nonnegative();

/**
 * Where money comes from. The first three are 财政拨款 (the funds of 财政拨款收支总表); the rest are
 * the other sources a 收入总表 lists.
 */
export const SOURCES = ['generalBudget', 'govFund', 'stateCapital', 'fiscalSpecial', 'business', 'operatingIncome', 'superiorSubsidy', 'subsidiaryIncome', 'other'] as const;
export const SourceSchema = z.enum(SOURCES).describe(
  '资金来源：generalBudget 一般公共预算拨款，govFund 政府性基金预算拨款，stateCapital 国有资本经营预算拨款，fiscalSpecial 财政专户管理资金，business 事业收入，operatingIncome 事业单位经营收入，superiorSubsidy 上级补助收入，subsidiaryIncome 附属单位上缴收入，other 其他收入',
);
export type Source = z.infer<typeof SourceSchema>;
/** Each source's name as the tables and forms print it (the input workbook, the web form). */
export const SOURCE_NAMES: Record<Source, string> = {
  generalBudget: '一般公共预算拨款',
  govFund: '政府性基金预算拨款',
  stateCapital: '国有资本经营预算拨款',
  fiscalSpecial: '财政专户管理资金',
  business: '事业收入',
  operatingIncome: '事业单位经营收入',
  superiorSubsidy: '上级补助收入',
  subsidiaryIncome: '附属单位上缴收入',
  other: '其他收入',
};
export const FISCAL_SOURCES: Source[] = ['generalBudget', 'govFund', 'stateCapital'];

/** One line of expenditure: a functional 项 paid from one source, split into 基本 and 项目. */
const ExpenditureItem = z
  .object({
    code: z.string().regex(/^2\d{6}$/, '应为 7 位支出功能分类科目编码（项），如 2013301').describe('支出功能分类科目编码（项，7 位）'),
    name: z.string().min(1).optional().describe('科目名称；默认取分类目录中的名称'),
    source: SourceSchema.default('generalBudget'),
    basic: Amount0.describe('基本支出（万元）'),
    project: Amount0.describe('项目支出（万元）'),
    /** 决算: the 年初预算 of this line, for the 决算数与预算数 comparison. */
    initialBudget: Amount.optional().describe('决算：年初预算数（万元）'),
  })
  .strict();

/** One line of the 一般公共预算基本支出 by economic class (款). */
const EconomicItem = z
  .object({
    code: z.string().regex(/^3\d{4}$/, '应为 5 位部门预算支出经济分类科目编码（款），如 30101').describe('部门预算支出经济分类科目编码（款，5 位）'),
    name: z.string().min(1).optional(),
    personnel: Amount0.describe('人员经费（万元）'),
    public: Amount0.describe('公用经费（万元）'),
  })
  .strict();

const ThreePublicFigures = z
  .object({
    abroad: Amount0.describe('因公出国（境）费'),
    vehiclePurchase: Amount0.describe('公务用车购置费'),
    vehicleOperation: Amount0.describe('公务用车运行维护费'),
    reception: Amount0.describe('公务接待费'),
  })
  .strict();

const ThreePublicCounts = z
  .object({
    abroadGroups: Count.optional(),
    abroadPeople: Count.optional(),
    vehiclesPurchased: Count.optional(),
    vehiclesHeld: Count.optional(),
    receptionBatches: Count.optional(),
    receptionPeople: Count.optional(),
  })
  .strict();

const Indicator = z
  .object({
    level1: z.string().min(1).describe('一级指标：产出指标、效益指标、满意度指标'),
    level2: z.string().min(1).describe('二级指标'),
    level3: z.string().min(1).describe('三级指标'),
    description: z.string().optional().describe('绩效指标描述'),
    target: z.string().min(1).describe('指标值，如 ≥95%、≤20万元、12月底前完成'),
    basis: z.string().optional().describe('指标值确定依据'),
  })
  .strict();

const Project = z
  .object({
    name: z.string().min(1),
    code: z.string().optional(),
    unit: z.string().optional().describe('预算单位；默认为部门'),
    budget: Amount.describe('预算数（万元）'),
    fiscalFunds: Amount.optional().describe('其中财政资金；默认等于预算数'),
    purpose: z.string().optional().describe('资金用途'),
    goals: z.array(z.string().min(1)).default([]),
    indicators: z.array(Indicator).default([]),
  })
  .strict();

const ProcurementItem = z
  .object({
    project: z.string().min(1).describe('政府采购项目来源：项目名称'),
    projectBudget: Amount.optional().describe('项目预算资金（万元）'),
    item: z.string().min(1).describe('采购物品名称'),
    catalogCode: z.string().regex(/^[ABC]\d*$/, '政府采购目录序号以 A（货物）、B（工程）或 C（服务）开头').describe('政府采购目录序号，A 货物、B 工程、C 服务'),
    measure: z.string().min(1).default('项').describe('计量单位'),
    quantity: z.number().positive().default(1),
    unitPrice: Amount.optional().describe('单价（万元）；默认为金额 ÷ 数量'),
    amount: Amount.describe('金额（万元）'),
    source: SourceSchema.default('generalBudget'),
  })
  .strict();

const AssetLine = z.object({ quantity: z.number().nonnegative().optional(), value: Amount.optional() }).strict();

const Unit = z
  .object({
    name: z.string().min(1),
    nature: z.string().min(1).describe('单位性质：行政、事业、参公'),
    rank: z.string().default('').describe('单位规格'),
    funding: z.string().default('财政拨款').describe('经费保障形式'),
  })
  .strict();

/** Changes against last year whose reasons a person must write (never generated). */
export const REASON_KEYS = ['total', 'threePublic', 'abroad', 'vehicle', 'reception', 'operatingCosts', 'threePublicBudget'] as const;
export type ReasonKey = (typeof REASON_KEYS)[number];
/** What each reason is for: the label of its field in the 说明 (left marked) and in the web form. */
export const REASON_LABELS: Record<ReasonKey, string> = {
  total: '收支预算比上年增减的主要原因',
  threePublic: '“三公”经费比上年增减的主要原因',
  abroad: '因公出国（境）费增减原因',
  vehicle: '公务用车购置及运行费增减原因',
  reception: '公务接待费增减原因',
  operatingCosts: '机关运行经费增减原因',
  threePublicBudget: '“三公”经费决算数与年初预算数不同的原因',
};
/** The reasons only a 决算 asks for. */
export const FINAL_ONLY_REASONS: ReasonKey[] = ['threePublicBudget'];

export const DatasetSchema = z
  .object({
    $schema: z.string().optional(),
    kind: z.enum(['budget', 'final-accounts']).default('budget'),
    year: z.number().int().min(2000).max(2100).describe('预算（决算）年度'),
    entity: z
      .object({
        name: z.string().min(1).describe('部门（单位）名称'),
        code: z.string().optional().describe('预算单位编码'),
        region: z.string().optional().describe('地区，如 河北省石家庄市鹿泉区'),
        scope: z.enum(['department', 'unit']).default('department'),
      })
      .strict(),
    duties: z.array(z.string().min(1)).default([]).describe('部门职责，每段一项'),
    units: z.array(Unit).default([]).describe('部门机构设置：所属单位'),
    expenditure: z.array(ExpenditureItem).default([]).describe('支出按功能分类（项）与资金来源的明细；所有收支表由此汇总'),
    basicEconomic: z.array(EconomicItem).default([]).describe('一般公共预算基本支出按经济分类（款）'),
    prior: z
      .object({
        expenditureTotal: Amount.describe('上年支出（预算/决算）总计'),
        basic: Amount.optional(),
        project: Amount.optional(),
        revenueTotal: Amount.optional(),
      })
      .strict()
      .optional()
      .describe('上年数：比上年增减的基数'),
    operatingCosts: z
      .object({ current: Amount.describe('机关运行经费'), prior: Amount.optional() })
      .strict()
      .optional(),
    threePublic: z
      .object({
        current: ThreePublicFigures.describe('本年数：预算（决算数据为决算数）'),
        prior: ThreePublicFigures.optional().describe('上年数'),
        // The national 决算 table prints 预算数 beside 决算数 for each item.
        budget: ThreePublicFigures.optional().describe('决算：本年年初预算数'),
        counts: ThreePublicCounts.optional(),
      })
      .strict()
      .optional(),
    procurement: z.array(ProcurementItem).default([]),
    assets: z
      .object({
        asOf: z.string().min(1).describe('截止日期，如 2024-12-31'),
        house: AssetLine.optional().describe('房屋（平方米）'),
        office: AssetLine.optional().describe('其中办公用房（平方米）'),
        vehicle: AssetLine.optional().describe('车辆（辆）'),
        equipment: AssetLine.optional().describe('单价 20 万元以上的设备'),
        other: AssetLine.optional().describe('其他固定资产'),
        planned: Amount0.describe('本年度拟购置固定资产总额（万元）'),
      })
      .strict()
      .optional(),
    performance: z
      .object({
        overallGoal: z.string().min(1),
        subGoals: z.array(z.object({ name: z.string().min(1), goal: z.string().min(1), indicators: z.string().min(1) }).strict()).default([]),
        safeguards: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .optional(),
    projects: z.array(Project).default([]),
    glossary: z.array(z.object({ term: z.string().min(1), definition: z.string().min(1) }).strict()).default([]),
    reasons: z.partialRecord(z.enum(REASON_KEYS), z.string().min(1)).default({}).describe('增减变化原因：由人填写，生成时从不编造'),
    itemReasons: z
      .record(z.string().regex(/^2\d{6}$/, '应为 7 位支出功能分类科目编码（项）'), z.string().min(1))
      .default({})
      .describe('决算：各项（7 位科目）决算数与年初预算数不同的原因，由人填写'),
    otherMatters: z.string().optional().describe('其他需要说明的事项'),
  })
  .strict();

export type Dataset = z.output<typeof DatasetSchema>;
export type DatasetInput = z.input<typeof DatasetSchema>;
export type ExpenditureLine = Dataset['expenditure'][number];
export type EconomicLine = Dataset['basicEconomic'][number];
export type ProjectInput = Dataset['projects'][number];
export type ProcurementLine = Dataset['procurement'][number];
export type ThreePublic = z.output<typeof ThreePublicFigures>;

export class DatasetError extends Error {}

/** Parses a dataset; throws DatasetError with the first problems in Chinese, field by field. */
export function parseDataset(json: unknown): Dataset {
  const r = DatasetSchema.safeParse(json);
  if (r.success) return r.data;
  const lines = r.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '（根）'}：${i.message}`);
  throw new DatasetError(`数据不符合格式：${lines.join('；')}`);
}

/** JSON Schema of the dataset as written (amounts as numbers or strings). */
export function datasetJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(DatasetSchema, { io: 'input', unrepresentable: 'any' });
  return { $id: 'https://gongkai.invalid/schema/budget-dataset.schema.json', title: 'gongkai budget dataset', ...schema };
}
