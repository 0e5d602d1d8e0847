/**
 * The typed model of a disclosure: one source of truth for the TypeScript types (z.infer) and the
 * published JSON Schema (scripts/gen-schema.ts → schema/disclosure.schema.json).
 * Amounts are `Money` (decimal) in memory and JSON numbers in万元 on the wire.
 */
import { z } from 'zod';
import { Money } from './money.js';
import { FORMATS } from '../read/registry.js';
import { TABLE_KIND_IDS } from './table-kinds.js';

/** A decimal figure; in JSON a number. */
export const MoneySchema = z.custom<Money>((v) => v instanceof Money, { message: 'expected a decimal amount' });

export const LocSchema = z
  .object({
    block: z.number().int().optional(),
    line: z.number().int().optional(),
    page: z.number().int().optional(),
    sheet: z.string().optional(),
    /** Excel cell address as the sheet shows it, e.g. B12 (xlsx only). */
    cell: z.string().optional(),
    table: z.number().int().optional(),
    row: z.number().int().optional(),
    col: z.number().int().optional(),
    box: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
    /** PDF paragraphs: each printed line as [where it begins in the text, page, line on that page (running text counted from the top)]. */
    lines: z.array(z.tuple([z.number().int(), z.number().int(), z.number().int()])).optional(),
    /** For a figure read from prose: the sentence it stands in. */
    sentence: z.string().optional(),
  })
  .describe('Where a value was read: block index, text line, page, table/row/column, or the sentence.');
export type Loc = z.infer<typeof LocSchema>;

/** A number as printed, with its value normalised to 万元 (or left as is for counts and percentages). */
export const FigureSchema = z.object({
  raw: z.string(),
  value: MoneySchema.nullable(),
  loc: LocSchema,
});
export type Figure = z.infer<typeof FigureSchema>;

export const UnitSchema = z.object({
  raw: z.string().describe('The unit as printed, e.g. 单位：万元'),
  scale: z.enum(['万元', '元']),
});
export type Unit = z.infer<typeof UnitSchema>;

// ---------------------------------------------------------------- indicator values (绩效指标值)

export const ValueSchema = z
  .object({
    raw: z.string(),
    operator: z.enum(['≥', '≤', '=', '>', '<', 'range']).nullable(),
    value: z.number().nullable(),
    max: z.number().nullable(),
    unit: z.string().nullable(),
    level: z.string().nullable(),
    deadline: z.string().nullable(),
    /** False when the text could not be parsed; `raw` is then all there is. */
    parsed: z.boolean(),
    /** Why the value is malformed, when it is (e.g. 数值前多余的 0). */
    problems: z.array(z.string()),
  })
  .describe('A performance target or actual value: operator, number, unit, qualitative level or deadline.');
export type Value = z.infer<typeof ValueSchema>;

export const IndicatorSchema = z.object({
  level1: z.string().describe('一级指标, e.g. 产出指标'),
  level2: z.string().describe('二级指标, e.g. 数量指标'),
  level3: z.string().describe('三级指标: the concrete indicator'),
  description: z.string().nullable().describe('绩效指标描述'),
  target: ValueSchema.describe('指标值 / 预期指标值'),
  basis: z.string().nullable().describe('指标值确定依据'),
  actual: ValueSchema.nullable().describe('实际完成值 (self-evaluation)'),
  weight: z.number().nullable().describe('分值: marks this indicator can earn, when stated'),
  score: FigureSchema.nullable().describe('自评得分 (self-evaluation)'),
  loc: LocSchema,
});
export type Indicator = z.infer<typeof IndicatorSchema>;

// ---------------------------------------------------------------- standard tables

// One entry per kind in table-kinds.ts: id, Chinese name, title and header patterns.
export const TableKindSchema = z
  .enum(TABLE_KIND_IDS)
  .describe('Which standard table this is, recognised from its title, headers and codes.');
export type TableKind = z.infer<typeof TableKindSchema>;

/** Column meaning, so rules can say "the 基本支出 column" whatever its printed header. */
export const ColumnKeySchema = z.string().describe(
  'Semantic column key: total, basic, project, operating, toSuperior, toSubsidiary, personnel, public, ' +
    'currentIncome, carryOver, fiscal, fiscalSpecial, business, operatingIncome, superiorSubsidy, ' +
    'subsidiaryIncome, other, generalBudget, govFund, stateCapital, amount, prior, current, change, reason, ' +
    'quantity, value, …',
);

export const ColumnSchema = z.object({
  key: ColumnKeySchema,
  label: z.string(),
  /** Which side of a two-sided table (收支总表) the column is on. */
  side: z.enum(['revenue', 'expenditure']).optional(),
  col: z.number().int(),
});
export type Column = z.infer<typeof ColumnSchema>;

export const RowSchema = z.object({
  /** 功能分类/经济分类 code as printed (3/5/7 digits functional, 3/5 economic), when the row has one. */
  code: z.string().nullable(),
  name: z.string(),
  /** 类 (class) / 款 (section) / 项 (item), from the code's length. */
  level: z.enum(['class', 'section', 'item']).nullable(),
  /** total: 合计/总计 rows; subtotal: 小计 rows. */
  role: z.enum(['line', 'total', 'subtotal', 'grand-total', 'carry-over']),
  /**
   * What a row without a code stands for: in 收支总表 generalBudget/govFund/…/currentTotal/carryOver/
   * carryForward/grandTotal; in 三公 tables abroad/vehicle/vehiclePurchase/vehicleOperation/reception/total;
   * in assets house/office/vehicle/equipment/other/total.
   */
  key: z.string().optional(),
  side: z.enum(['revenue', 'expenditure']).optional(),
  /**
   * Index (in the table's rows) of the row this one is part of — a 其中 row, an item under a group
   * heading such as “一、财政拨款收入” — found by the table's arithmetic: never added to its siblings.
   */
  within: z.number().int().optional(),
  values: z.record(ColumnKeySchema, FigureSchema.nullable()),
  /** Text cells that are not amounts (e.g. 变化原因). */
  texts: z.record(z.string(), z.string()).optional(),
  loc: LocSchema,
});
export type Row = z.infer<typeof RowSchema>;

/**
 * Whether the table's own identities (row totals, 类 = Σ 款, 合计 = Σ 类) confirm how it was read:
 * `verified` — they hold, or a few printed cells explain every failure; `uncertain` — failures spread
 * over the table, so its figures are not compared by any rule; `unchecked` — nothing to test.
 */
export const TableReadingSchema = z.object({
  status: z.enum(['verified', 'unchecked', 'uncertain']),
  /** Identities that could be tested (total and at least one part printed). */
  checks: z.number().int(),
  failed: z.number().int(),
  /** Why the reading is uncertain, in Chinese. */
  reason: z.string().nullable(),
});
export type TableReading = z.infer<typeof TableReadingSchema>;

export const StdTableSchema = z.object({
  kind: TableKindSchema,
  title: z.string(),
  unit: UnitSchema,
  /** 功能 (functional) or 经济 (economic) classification in the code column, when there is one. */
  classification: z.enum(['functional', 'economic']).nullable(),
  columns: z.array(ColumnSchema),
  rows: z.array(RowSchema),
  /** The table has no figures (published empty); `note` then says why, if it does. */
  empty: z.boolean(),
  note: z.string().nullable(),
  loc: LocSchema,
  /** Set by the recogniser; absent on tables built by hand (taken as unchecked). */
  reading: TableReadingSchema.optional(),
});
export type StdTable = z.infer<typeof StdTableSchema>;

// ---------------------------------------------------------------- narrative figures

export const ClaimSubjectSchema = z.enum([
  'revenue.total',
  'revenue.source',
  'expenditure.total',
  'expenditure.basic',
  'expenditure.personnel',
  'expenditure.public',
  'expenditure.project',
  'expenditure.projectItem',
  'expenditure.other',
  'change.total',
  'change.basic',
  'change.project',
  'change.other',
  'operatingCosts.total',
  'operatingCosts.item',
  'threePublic.total',
  'threePublic.abroad',
  'threePublic.vehicle',
  'threePublic.vehiclePurchase',
  'threePublic.vehicleOperation',
  'threePublic.reception',
  'threePublic.change',
  'procurement.total',
  'assets.total',
  'assets.planned',
]);
export type ClaimSubject = z.infer<typeof ClaimSubjectSchema>;

/** A figure the 说明 states in prose, e.g. "基本支出238.42万元". */
export const ClaimSchema = z.object({
  subject: ClaimSubjectSchema,
  /** For sources, project items and cost items: the name the text gives. */
  name: z.string().nullable(),
  value: MoneySchema.nullable().describe('万元; for changes the signed change (减少 → negative)'),
  raw: z.string(),
  /** For changes: the direction word used (增加/减少/持平…). */
  direction: z.enum(['increase', 'decrease', 'flat']).nullable(),
  /** The year the sentence names for the figure, when it names one. */
  year: z.number().int().nullable(),
  loc: LocSchema,
});
export type Claim = z.infer<typeof ClaimSchema>;

/** A share the 说明 states: "基本支出154.80万元，占81.22%" (part / whole × 100). */
export const ShareSchema = z
  .object({
    /** What the part is, as the text names it (e.g. 基本支出, 公务接待费). */
    part: z.string(),
    /** What it is a share of (e.g. 本年支出合计, “三公”经费), as the text names it or implies it. */
    whole: z.string(),
    partValue: MoneySchema.nullable().describe('万元, as the text states it'),
    wholeValue: MoneySchema.nullable().describe('万元, as the text states it (in the sentence or elsewhere in the 说明)'),
    percent: MoneySchema.describe('The stated percentage, e.g. 81.22'),
    raw: z.string(),
    loc: LocSchema,
  })
  .describe('A stated share: 占…%.');
export type Share = z.infer<typeof ShareSchema>;

/** A stated rate of change: "收入支出总计增加12.40万元，增长6.89%". */
export const PercentChangeSchema = z
  .object({
    /** What changed, as the text names it (e.g. 收入支出总计, 机关运行经费, 公务接待费). */
    what: z.string(),
    /** The year's amount the text states for it, when it does (万元). */
    current: MoneySchema.nullable(),
    /** The stated change in 万元, signed (减少 → negative), when stated. */
    change: MoneySchema.nullable(),
    /** The stated percentage, signed (下降 → negative). */
    percent: MoneySchema,
    direction: z.enum(['increase', 'decrease', 'flat']),
    raw: z.string(),
    loc: LocSchema,
  })
  .describe('A stated change in percent: 增长/下降 x%.');
export type PercentChange = z.infer<typeof PercentChangeSchema>;

/** 决算: what was budgeted at the start of the year against what was spent, as the 说明 states it. */
export const BudgetVsFinalSchema = z
  .object({
    /** As the text names it: 一般公共预算财政拨款支出, 教育支出（类）普通教育（款）初中教育（项）, “三公”经费, 公务接待费. */
    name: z.string(),
    /** total: a fund's whole expenditure; item: one functional 项 (类/款/项 path); three-public: the 三公 or one of its parts. */
    scope: z.enum(['total', 'item', 'three-public']),
    /** The 类/款/项 names of an item, from the text's （类）（款）（项） marks. */
    path: z.array(z.string()),
    /** Which fund's part of the 说明 it stands in. */
    fund: z.enum(['generalBudget', 'govFund', 'stateCapital']).nullable(),
    budget: FigureSchema.nullable().describe('年初预算 (万元)'),
    final: FigureSchema.nullable().describe('支出决算 (万元)'),
    rate: FigureSchema.nullable().describe('完成(年初)预算的 x% as stated'),
    /** 决算数大于/小于/等于预算数 as stated (持平 → equal). */
    comparison: z.enum(['greater', 'less', 'equal']).nullable(),
    /** The reason the text gives for the difference. */
    reason: z.string().nullable(),
    loc: LocSchema,
  })
  .describe('A stated 年初预算 vs 支出决算, with the completion rate and the reason for a difference.');
export type BudgetVsFinal = z.infer<typeof BudgetVsFinalSchema>;

const count = () => FigureSchema.nullable();
export const ThreePublicCountsSchema = z
  .object({
    abroadGroups: count().describe('因公出国（境）团组 (个)'),
    abroadPeople: count().describe('因公出国（境）人次'),
    vehiclesPurchased: count().describe('公务用车购置数 (辆)'),
    vehiclesHeld: count().describe('公务用车保有量 (辆)'),
    receptionBatches: count().describe('公务接待批次'),
    receptionPeople: count().describe('公务接待人次'),
    foreignReceptionBatches: count().describe('其中外宾接待批次'),
    foreignReceptionPeople: count().describe('其中外宾接待人次'),
  })
  .describe('The counts the 三公 part of the 说明 states.');
export type ThreePublicCounts = z.infer<typeof ThreePublicCountsSchema>;

export const ProcurementSplitSchema = z
  .object({
    total: FigureSchema.nullable().describe('政府采购支出总额 (万元)'),
    goods: FigureSchema.nullable().describe('货物'),
    works: FigureSchema.nullable().describe('工程'),
    services: FigureSchema.nullable().describe('服务'),
    smeAwarded: FigureSchema.nullable().describe('授予中小企业合同金额 / 由中小企业供应商中标或成交'),
    smallMicroAwarded: FigureSchema.nullable().describe('其中授予小微企业合同金额'),
    smeReserved: FigureSchema.nullable().describe('面向中小企业预留政府采购项目预算金额'),
    smallMicroReserved: FigureSchema.nullable().describe('其中面向小微企业预留'),
  })
  .describe('The procurement figures the 说明 states (final accounts): total, goods/works/services, SME awards and reservations; stated shares are in `shares`.');
export type ProcurementSplit = z.infer<typeof ProcurementSplitSchema>;

export const AssetCountsSchema = z
  .object({
    vehicles: FigureSchema.nullable().describe('共有车辆 (辆)'),
    vehiclesByUse: z.array(z.object({ name: z.string(), count: FigureSchema })).describe('其中：…用车 x 辆, by use'),
    equipment: z.array(z.object({ name: z.string(), count: FigureSchema })).describe('单价 50/100 万元以上设备 x 台（套）'),
  })
  .describe('The asset counts the 说明 states (国有资产占有使用情况).');
export type AssetCounts = z.infer<typeof AssetCountsSchema>;

// ---------------------------------------------------------------- parts of the 说明

export const OrgUnitSchema = z.object({
  name: z.string(),
  nature: z.string().nullable().describe('单位性质: 行政/事业/参公'),
  rank: z.string().nullable().describe('单位规格: 正科级…'),
  funding: z.string().nullable().describe('经费保障形式'),
  loc: LocSchema,
});

export type OrgUnit = z.infer<typeof OrgUnitSchema>;

export const SpendingPlanSchema = z.object({ period: z.string(), percent: FigureSchema.nullable() });

export const ProjectSchema = z.object({
  name: z.string().describe('Without its numbering and without the trailing 绩效目标表'),
  code: z.string().nullable().describe('项目编码'),
  unit: z.string().nullable().describe('预算单位 as printed on the table'),
  budget: FigureSchema.nullable().describe('预算数 (万元)'),
  fiscalFunds: FigureSchema.nullable().describe('其中：财政资金'),
  otherFunds: FigureSchema.nullable().describe('其他资金'),
  /** 上年结转 as a funding row of the form (中央 templates: 年度资金总额 = 财政拨款 + 上年结转 + 其他资金); absent when the form has none. */
  carryOverFunds: FigureSchema.nullable().optional().describe('上年结转'),
  purpose: z.string().nullable().describe('资金用途'),
  spendingPlan: z.array(SpendingPlanSchema).describe('资金支出计划（%）by period'),
  goals: z.array(z.string()).describe('绩效目标, one item per numbered goal'),
  indicators: z.array(IndicatorSchema),
  /**
   * Optional so models stored before the field existed stay valid; the recogniser always sets it.
   */
  hasBasisColumn: z
    .boolean()
    .nullable()
    .optional()
    .describe('The indicator header prints a 指标值确定依据 column; null when no indicator header was read'),
  managedFund: z
    .boolean()
    .optional()
    .describe('A 部门主管专项资金 form: money the department manages for others, not part of its own 项目支出'),
  loc: LocSchema,
});
export type Project = z.infer<typeof ProjectSchema>;

export const SubGoalSchema = z.object({
  name: z.string(),
  goal: z.string().nullable(),
  indicators: z.string().nullable(),
  loc: LocSchema,
});

export const ProcurementItemSchema = z.object({
  project: z.string().nullable().describe('政府采购项目来源: 项目名称'),
  projectBudget: FigureSchema.nullable().describe('预算资金 of the source project'),
  item: z.string().describe('采购物品名称'),
  catalogCode: z.string().nullable().describe('政府采购目录序号, e.g. C0401'),
  measure: z.string().nullable().describe('计量单位'),
  quantity: FigureSchema.nullable(),
  unitPrice: FigureSchema.nullable(),
  amount: FigureSchema.nullable().describe('合计 (万元)'),
  /** Amount by funding source: generalBudget, govFund, stateCapital, fiscalSpecial, unitFunds… */
  bySource: z.record(z.string(), FigureSchema.nullable()),
  /** `group`: a row heading the items under it (陕西: the fund type 全额, a unit), its amount their sum. */
  role: z.enum(['line', 'total', 'subtotal', 'group']),
  loc: LocSchema,
});
export type ProcurementItem = z.infer<typeof ProcurementItemSchema>;

export const AssetRowSchema = z.object({
  name: z.string(),
  /** house, office, vehicle, equipment, equipmentGeneral, equipmentSpecial, other, total */
  key: z.string(),
  quantity: FigureSchema.nullable(),
  value: FigureSchema.nullable().describe('万元'),
  loc: LocSchema,
});

export type AssetRow = z.infer<typeof AssetRowSchema>;

export const GlossaryEntrySchema = z.object({ term: z.string(), definition: z.string(), loc: LocSchema });

export const ParagraphSchema = z.object({
  text: z.string(),
  /** The part of the document it belongs to (e.g. 收入说明), when known. */
  section: z.string().nullable(),
  loc: LocSchema,
});

// ---------------------------------------------------------------- self-evaluation (绩效自评)

export const SelfEvalProjectSchema = z.object({
  name: z.string(),
  unit: z.string().nullable().describe('实施(主管)单位'),
  budget: FigureSchema.nullable().describe('预算数 (调整后)'),
  budgetFiscal: FigureSchema.nullable(),
  available: FigureSchema.nullable().describe('到位数'),
  availableFiscal: FigureSchema.nullable(),
  executed: FigureSchema.nullable().describe('执行数'),
  executedFiscal: FigureSchema.nullable(),
  executionRate: FigureSchema.nullable().describe('预算执行进度 as stated (percent)'),
  executionScore: FigureSchema.nullable().describe('预算执行率指标 自评得分'),
  executionWeight: z.number().nullable(),
  /** Optional so models stored before the field existed stay valid; the recogniser always sets it. */
  executionIndicator: z
    .object({ target: ValueSchema.describe('预期指标值'), actual: ValueSchema.nullable().describe('实际完成值') })
    .nullable()
    .optional()
    .describe('The 预算执行率 indicator row: its stated target and actual (the actual is a claim about 执行数 ÷ 预算数)'),
  goals: z.string().nullable().describe('年度预期目标'),
  achievements: z.string().nullable().describe('具体完成情况'),
  completionRate: FigureSchema.nullable().describe('总体完成率 (percent)'),
  /** Marks per 一级指标 as the table states them, e.g. {产出指标: 40}. */
  weights: z.record(z.string(), z.number()),
  indicators: z.array(IndicatorSchema),
  totalScore: FigureSchema.nullable().describe('总分 as stated'),
  problems: z.string().nullable(),
  loc: LocSchema,
});
export type SelfEvalProject = z.infer<typeof SelfEvalProjectSchema>;

export const SelfEvaluationSchema = z.object({
  initialBudget: FigureSchema.nullable().describe('年初预算收入'),
  adjustedBudget: FigureSchema.nullable().describe('调整预算数'),
  carryOver: FigureSchema.nullable().describe('结转和结余'),
  spent: FigureSchema.nullable().describe('支出'),
  staff: z.record(z.string(), z.number()).describe('编制/实有人数 as stated'),
  projects: z.array(SelfEvalProjectSchema),
  totalScore: FigureSchema.nullable().describe('总得分 as stated'),
  grade: z.string().nullable().describe('评价等级 as stated'),
  conclusion: z.string().nullable(),
  /** Optional so models stored before the field existed stay valid; the recogniser always sets it. */
  overallAchievement: z.string().nullable().optional().describe('总体绩效目标实现情况 as stated, e.g. 基本实现'),
});
export type SelfEvaluation = z.infer<typeof SelfEvaluationSchema>;

// ---------------------------------------------------------------- summary and the whole document

const amount = () => MoneySchema.nullable();
export const SummarySchema = z
  .object({
    revenueTotal: amount().describe('本年收入合计'),
    expenditureTotal: amount().describe('本年支出合计'),
    basicExpenditure: amount().describe('基本支出'),
    personnelExpenditure: amount().describe('人员经费'),
    publicExpenditure: amount().describe('日常公用经费/公用经费'),
    projectExpenditure: amount().describe('项目支出'),
    operatingCosts: amount().describe('机关运行经费'),
    threePublic: z.object({
      total: amount(),
      abroad: amount(),
      vehicle: amount(),
      vehiclePurchase: amount(),
      vehicleOperation: amount(),
      reception: amount(),
    }),
    procurementTotal: amount().describe('政府采购预算总额'),
    assetsTotal: amount().describe('固定资产总额'),
  })
  .describe('Headline amounts in 万元, taken from the tables where the document has them, else from the text; null where not stated.');
export type Summary = z.infer<typeof SummarySchema>;

export const DocumentKindSchema = z.enum(['budget', 'final-accounts', 'self-evaluation']);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

export const DisclosureSchema = z.object({
  kind: DocumentKindSchema,
  year: z.number().int().nullable(),
  title: z.string().nullable(),
  entity: z.object({
    name: z.string().nullable(),
    /** 预算单位编码 as printed before the name in table headers (e.g. 224). */
    code: z.string().nullable(),
    /** 省/市/区/县 level read from the name. */
    level: z.enum(['province', 'city', 'county']).nullable(),
    region: z.string().nullable(),
    /**
     * Whose budget the document is, as it says so: `department` 部门预算 (汇总: the department with
     * all its units), `own` 本级 (the department's own office as one budget unit), `unit` 单位预算 of
     * one budget unit. Kept apart from the name ("无锡市教育局（本级）" is 无锡市教育局, own).
     */
    scope: z.enum(['department', 'own', 'unit']).nullable(),
    /** The department a unit belongs to, when the unit's document names it (…是上海市交通委员会下属事业单位). */
    parent: z.string().nullable(),
  }),
  unit: UnitSchema.describe('The unit most tables and the text use; figures are normalised to 万元'),
  source: z.object({
    path: z.string(),
    format: z.enum(FORMATS),
    bytes: z.number().int(),
    sha256: z.string(),
    pages: z.number().int().optional(),
    /**
     * Several files checked as the parts of one disclosure (a 说明 and its tables published apart):
     * each file, in order, and where its pages (or text lines) begin in the joined numbering.
     */
    parts: z
      .array(
        z.object({
          path: z.string(),
          format: z.enum(FORMATS),
          bytes: z.number().int(),
          sha256: z.string(),
          pages: z.number().int().optional(),
          pageOffset: z.number().int(),
          lineOffset: z.number().int(),
        }),
      )
      .optional(),
  }),
  summary: SummarySchema,
  duties: z.array(z.string()),
  units: z.array(OrgUnitSchema),
  tables: z.array(StdTableSchema),
  claims: z.array(ClaimSchema),
  performance: z.object({
    overallGoal: z.string().nullable(),
    subGoals: z.array(SubGoalSchema),
    safeguards: z.array(z.string()),
  }),
  projects: z.array(ProjectSchema),
  procurement: z.object({ items: z.array(ProcurementItemSchema), unit: UnitSchema.nullable() }),
  assets: z.object({ asOf: z.string().nullable(), rows: z.array(AssetRowSchema) }),
  glossary: z.array(GlossaryEntrySchema),
  selfEvaluation: SelfEvaluationSchema.nullable(),
  /** Every prose paragraph, in order, for the text-quality and privacy checks. */
  paragraphs: z.array(ParagraphSchema),
  shares: z.array(ShareSchema),
  percentChanges: z.array(PercentChangeSchema),
  budgetVsFinal: z.array(BudgetVsFinalSchema),
  threePublicCounts: ThreePublicCountsSchema,
  procurementSplit: ProcurementSplitSchema,
  assetCounts: AssetCountsSchema,
});
export type Disclosure = z.infer<typeof DisclosureSchema>;

// ---------------------------------------------------------------- findings

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

export const FindingSchema = z.object({
  rule: z.string(),
  severity: SeveritySchema,
  /** Chinese, with the figures. */
  message: z.string(),
  location: LocSchema.extend({
    /** Human-readable place: table title, row and column, or section. */
    where: z.string().optional(),
  }),
  /** The figures involved, by name, as printed. */
  figures: z.record(z.string(), MoneySchema.nullable()).optional(),
  expected: MoneySchema.nullable().optional(),
  actual: MoneySchema.nullable().optional(),
  difference: MoneySchema.nullable().optional(),
  /**
   * The place in words a person can follow with the document open: page (PDF), line (text),
   * sheet and cell (Excel); the table, row and column of a cell; the heading and sentence of prose.
   */
  where: z.string().optional(),
  /** What to change, when the finding's figures or its rule say it (应为 238.42 万元, 删除模板说明文字). */
  fix: z.string().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;
