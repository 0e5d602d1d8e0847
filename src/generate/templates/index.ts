/**
 * Regional templates as data: the parts of the disclosure in order with their headings, the
 * standard tables' titles, and the wording of each sentence the 说明 writes from the numbers
 * ({placeholders} filled by the narrative writer). Adding a region is adding an object here. The
 * wording is the project's own, modelled on the structure each region's template prescribes.
 */
export type PartId =
  | 'intro'
  | 'duties'
  | 'units'
  | 'overview'
  | 'revenue'
  | 'expenditure'
  | 'change'
  | 'fiscal'
  | 'generalBudget'
  | 'basic'
  | 'govFund'
  | 'stateCapital'
  | 'operatingCosts'
  | 'threePublic'
  | 'performance'
  | 'projects'
  | 'procurement'
  | 'assets'
  | 'glossary'
  | 'other'
  | 'tables';

export type TableId = 'summary' | 'revenue' | 'expenditure' | 'fiscal' | 'generalBudget' | 'basic' | 'govFund' | 'stateCapital' | 'threePublic' | 'procurement' | 'assets';

export interface Section {
  heading: string;
  /** Sub-headings per part, when the template numbers them (1、收入说明). */
  parts: (PartId | { part: PartId; heading: string })[];
}

export interface Template {
  id: string;
  name: string;
  kind: 'budget' | 'final-accounts';
  /** {entity} {year} */
  title: string;
  /** The 收支总表 lists every 类 of the year, with or without money (河北). */
  allClasses: boolean;
  /** The 支出总表 prints 经营支出, 上缴上级支出, 对附属单位补助支出 (blank when none). */
  expenditureExtraColumns: boolean;
  tables: Record<TableId, string>;
  /** The tables the 'tables' part prints, in order (procurement and assets stand in their parts). */
  tableOrder: TableId[];
  sections: Section[];
  /** Sentences with {placeholders}; see narrative.ts for each one's fields. */
  phrases: Record<string, string>;
  /** The amount columns' word: 预算数 (budgets) or 决算数 (final accounts). */
  amountLabel?: string;
}

const BUDGET_TABLE_TITLES = (prefix: string): Record<TableId, string> => ({
  summary: `${prefix}部门预算收支总表`,
  revenue: `${prefix}部门预算收入总表`,
  expenditure: `${prefix}部门预算支出总表`,
  fiscal: `${prefix}部门预算财政拨款收支总表`,
  generalBudget: `${prefix}部门预算一般公共预算财政拨款支出表`,
  basic: `${prefix}部门预算一般公共预算财政拨款基本支出表`,
  govFund: `${prefix}部门预算政府性基金预算财政拨款支出表`,
  stateCapital: `${prefix}部门预算国有资本经营预算财政拨款支出表`,
  threePublic: `${prefix}部门预算财政拨款“三公”经费支出表`,
  procurement: `${prefix}部门政府采购预算表`,
  assets: `${prefix}部门固定资产占用情况表`,
});
const ALL_TABLES: TableId[] = ['summary', 'revenue', 'expenditure', 'fiscal', 'generalBudget', 'basic', 'govFund', 'stateCapital', 'threePublic'];

/** Sentences most budget templates share; a template overrides what it words differently. */
const BUDGET_PHRASES: Record<string, string> = {
  intro: '按照《中华人民共和国预算法》、《地方预决算公开操作规程》等规定，现将{entity}{year}年部门预算公开如下：',
  dutiesLead: '部门职责：',
  unitsLead: '机构设置：{entity}部门预算由{count}个预算单位的预算组成，具体如下。',
  revenue: '{year}年预算收入{revenueTotal}万元，其中：{sources}。',
  expenditure: '{year}年部门支出预算为{total}万元，其中基本支出{basic}万元，包括人员经费{personnel}万元和日常公用经费{public}万元；项目支出{project}万元{projectList}。',
  // When part of the basic expenditure is not 一般公共预算 (事业收入 …): the split is the general budget's.
  expenditureSplit: '{year}年部门支出预算为{total}万元，其中基本支出{basic}万元，项目支出{project}万元{projectList}。',
  projectList: '，主要为{items}',
  change: '{year}年部门预算收支安排{total}万元，较{prior}年{totalChange}，其中：基本支出{basicChange}；项目支出{projectChange}。',
  changeNoPrior: '{year}年部门预算收支安排{total}万元。',
  reason: '主要原因是{reason}。',
  operatingCosts: '{year}年，我部门机关运行经费共计安排{amount}万元{change}，主要用于保证机关正常运转的办公费、印刷费、邮电费、差旅费、会议费、福利费、日常维修费、办公用房水电费、公务用车运行维护费等支出。',
  threePublic: '{year}年“三公”经费预算{total}万元，较{prior}年{change}。',
  // Each part with last year's figure: its own change never reads as the whole's.
  threePublicParts: '其中：因公出国（境）费{abroad}万元，上年{abroadPrior}万元，{abroadChange}；公务用车购置及运行费{vehicle}万元（其中：公务用车购置费{vehiclePurchase}万元，公务用车运行维护费{vehicleOperation}万元），上年{vehiclePrior}万元，{vehicleChange}；公务接待费{reception}万元，上年{receptionPrior}万元，{receptionChange}。',
  threePublicNone: '我部门无财政拨款“三公”经费预算。',
  threePublicNoPrior: '{year}年“三公”经费预算{total}万元。',
  threePublicPartsNoPrior: '其中：因公出国（境）费{abroad}万元；公务用车购置及运行费{vehicle}万元（其中：公务用车购置费{vehiclePurchase}万元，公务用车运行维护费{vehicleOperation}万元）；公务接待费{reception}万元。',
  threePublicCounts: '{year}年公务用车保有量{vehiclesHeld}辆。',
  procurement: '{year}年，{entity}安排政府采购预算{total}万元，其中：货物类{goods}万元，工程类{works}万元，服务类{services}万元。具体内容见下表。',
  procurementNone: '{year}年，{entity}安排政府采购预算0.00万元。',
  assets: '{entity}（含所属单位）上年末固定资产金额为{total}万元（详见下表）。本年度拟购置固定资产总额为{planned}万元{plannedNote}。',
  plannedNote: '，已按要求列入政府采购预算，详见政府采购预算表',
  performanceSummary: '{year}年共{count}个项目编制了绩效目标，涉及项目支出预算{amount}万元。',
  otherNone: '我部门无其他需要说明的事项。',
  emptyTables: '{tables}本年度无数据，空表列示。',
};

export const TEMPLATES: Record<string, Template> = {
  'hebei-2022': {
    id: 'hebei-2022',
    name: '河北省 2022 年部门预算公开模板',
    kind: 'budget',
    title: '{entity}{year}年部门预算信息公开情况说明',
    allClasses: true,
    expenditureExtraColumns: true,
    tables: BUDGET_TABLE_TITLES(''),
    tableOrder: ALL_TABLES,
    sections: [
      { heading: '第一部分  部门预算公开表', parts: ['tables'] },
      { heading: '第二部分  部门预算信息公开情况说明', parts: ['intro'] },
      { heading: '一、部门职责及机构设置情况', parts: ['duties', 'units'] },
      {
        heading: '二、部门预算安排的总体情况',
        parts: ['overview', { part: 'revenue', heading: '1、收入说明' }, { part: 'expenditure', heading: '2、支出说明' }, { part: 'change', heading: '3、比上年增减情况' }],
      },
      { heading: '三、机关运行经费安排情况', parts: ['operatingCosts'] },
      { heading: '四、财政拨款“三公”经费预算情况及增减变化原因', parts: ['threePublic'] },
      { heading: '五、预算绩效信息', parts: ['performance', 'projects'] },
      { heading: '六、政府采购预算情况', parts: ['procurement'] },
      { heading: '七、国有资产信息', parts: ['assets'] },
      { heading: '八、名词解释', parts: ['glossary'] },
      { heading: '九、其他需要说明的事项', parts: ['other'] },
    ],
    phrases: {
      ...BUDGET_PHRASES,
      overview: '按照预算管理有关规定，目前我部门预算的编制实行综合预算管理，即全部收入和支出都反映在预算中。{entity}及所属事业单位的收支包含在部门预算中。',
      revenueLead: '反映本部门当年全部收入。',
    },
  },
  jiangsu: {
    id: 'jiangsu',
    name: '江苏省部门预算公开模板',
    kind: 'budget',
    title: '{entity}{year}年部门预算公开',
    allClasses: false,
    expenditureExtraColumns: false,
    tables: {
      ...BUDGET_TABLE_TITLES('{year}年'),
      summary: '{year}年部门预算收支总表',
      basic: '{year}年一般公共预算基本支出表',
    },
    tableOrder: ALL_TABLES,
    sections: [
      { heading: '第一部分  部门概况', parts: [] },
      { heading: '一、主要职能', parts: ['duties'] },
      { heading: '二、部门预算单位构成', parts: ['units'] },
      { heading: '第二部分  部门预算表', parts: ['tables'] },
      { heading: '第三部分  部门预算情况说明', parts: ['intro'] },
      { heading: '一、收支预算总体情况说明', parts: ['overview'] },
      { heading: '二、收入预算情况说明', parts: ['revenue'] },
      { heading: '三、支出预算情况说明', parts: ['expenditure', 'change'] },
      { heading: '四、财政拨款收支预算总体情况说明', parts: ['fiscal'] },
      { heading: '五、一般公共预算支出预算情况说明', parts: ['generalBudget'] },
      { heading: '六、一般公共预算基本支出预算情况说明', parts: ['basic'] },
      { heading: '七、一般公共预算“三公”经费支出预算情况说明', parts: ['threePublic'] },
      { heading: '八、政府性基金预算支出预算情况说明', parts: ['govFund'] },
      { heading: '九、国有资本经营预算支出预算情况说明', parts: ['stateCapital'] },
      { heading: '十、机关运行经费预算支出情况说明', parts: ['operatingCosts'] },
      { heading: '十一、政府采购支出预算情况说明', parts: ['procurement'] },
      { heading: '十二、部门国有资产占用情况', parts: ['assets'] },
      { heading: '十三、部门项目支出预算绩效目标情况说明', parts: ['performance', 'projects'] },
      { heading: '十四、其他需要说明的事项', parts: ['other'] },
      { heading: '第四部分  名词解释', parts: ['glossary'] },
    ],
    phrases: {
      ...BUDGET_PHRASES,
      overview: '按照综合预算的原则，{entity}所有收入和支出均纳入部门预算管理。{year}年收入总计{total}万元，支出总计{total}万元。',
      revenue: '{year}年收入预算合计{revenueTotal}万元，其中：{sources}。',
      expenditure: '{year}年支出预算合计{total}万元，其中：基本支出{basic}万元；项目支出{project}万元。',
      change: '与上年相比，{year}年部门预算收支安排{total}万元，比{prior}年{totalChange}，其中：基本支出{basicChange}；项目支出{projectChange}。',
      fiscal: '{year}年财政拨款收支总预算{fiscal}万元。收入为一般公共预算拨款{generalBudget}万元、政府性基金预算拨款{govFund}万元、国有资本经营预算拨款{stateCapital}万元。',
      generalBudgetPart: '{year}年一般公共预算拨款支出预算{amount}万元，其中：基本支出{basic}万元，项目支出{project}万元。',
      basicPart: '{year}年一般公共预算基本支出{amount}万元，其中：人员经费{personnel}万元，公用经费{public}万元。',
      govFundPart: '{year}年政府性基金预算支出{amount}万元。',
      stateCapitalPart: '{year}年国有资本经营预算支出{amount}万元。',
    },
  },
  shanghai: {
    id: 'shanghai',
    name: '上海市区级部门预算公开模板',
    kind: 'budget',
    title: '{entity}{year}年部门预算',
    allClasses: false,
    expenditureExtraColumns: false,
    tables: {
      ...BUDGET_TABLE_TITLES('{year}年'),
      summary: '{year}年部门财务收支预算总表',
      generalBudget: '{year}年部门一般公共预算支出功能分类预算表',
      govFund: '{year}年部门政府性基金预算支出功能分类预算表',
      stateCapital: '{year}年部门国有资本经营预算支出功能分类预算表',
      basic: '{year}年部门一般公共预算基本支出部门预算经济分类预算表',
      threePublic: '{year}年部门“三公”经费预算表',
    },
    tableOrder: ALL_TABLES,
    sections: [
      { heading: '一、部门主要职能', parts: ['duties'] },
      { heading: '二、部门机构设置', parts: ['units'] },
      { heading: '三、名词解释', parts: ['glossary'] },
      {
        heading: '四、部门预算编制说明',
        parts: ['intro', { part: 'revenue', heading: '（一）收入预算' }, { part: 'expenditure', heading: '（二）支出预算' }, { part: 'change', heading: '（三）比上年增减情况' }],
      },
      { heading: '五、部门预算表', parts: ['tables'] },
      { heading: '六、其他相关情况说明', parts: [] },
      { heading: '（一）“三公”经费预算情况说明', parts: ['threePublic'] },
      { heading: '（二）机关运行经费预算', parts: ['operatingCosts'] },
      { heading: '（三）政府采购预算情况', parts: ['procurement'] },
      { heading: '（四）绩效目标设置情况', parts: ['performance', 'projects'] },
      { heading: '（五）国有资产占有使用情况', parts: ['assets'] },
      { heading: '（六）其他需要说明的事项', parts: ['other'] },
    ],
    phrases: {
      ...BUDGET_PHRASES,
      intro: '{year}年，{entity}部门预算说明如下：',
      revenue: '{year}年，{entity}收入预算{revenueTotal}万元，其中：{sources}。',
      expenditure: '支出预算{total}万元，其中：基本支出{basic}万元，项目支出{project}万元。',
    },
  },
};

/**
 * The national 部门决算 template (财政部 部门决算公开 格式): nine tables, a 说明 per table, then
 * 三公, 机关运行经费, 政府采购, 国有资产, 绩效 and 名词解释. What differs from a budget is the word
 * (决算数, 年初结转和结余, 年末结转和结余) and that every change is against last year's 决算.
 */
const FINAL_TABLES: Record<TableId, string> = {
  summary: '收入支出决算总表',
  revenue: '收入决算表',
  expenditure: '支出决算表',
  fiscal: '财政拨款收入支出决算总表',
  generalBudget: '一般公共预算财政拨款支出决算表',
  basic: '一般公共预算财政拨款基本支出决算表',
  govFund: '政府性基金预算财政拨款收入支出决算表',
  stateCapital: '国有资本经营预算财政拨款支出决算表',
  threePublic: '一般公共预算财政拨款“三公”经费支出决算表',
  procurement: '政府采购支出情况表',
  assets: '国有资产占用情况表',
};

const FINAL_PHRASES: Record<string, string> = {
  ...BUDGET_PHRASES,
  intro: '按照《中华人民共和国预算法》、《地方预决算公开操作规程》等规定，现将{entity}{year}年度部门决算公开如下：',
  dutiesLead: '（一）部门主要职责',
  unitsLead: '（二）部门决算单位构成：纳入{entity}{year}年度部门决算编制范围的单位共{count}个，具体如下。',
  overview: '{entity}{year}年度收入、支出总计均为{total}万元。',
  revenue: '{year}年度本年收入合计{revenueTotal}万元，其中：{sources}。',
  expenditure: '{year}年度本年支出合计{total}万元，其中：基本支出{basic}万元，占{basicShare}%；项目支出{project}万元，占{projectShare}%。',
  expenditureSplit: '{year}年度本年支出合计{total}万元，其中：基本支出{basic}万元，占{basicShare}%；项目支出{project}万元，占{projectShare}%。',
  change: '与{prior}年度相比，{year}年度本年支出合计{total}万元，{totalChange}，其中：基本支出{basicChange}；项目支出{projectChange}。',
  changeNoPrior: '{year}年度本年支出合计{total}万元。',
  fiscal: '{year}年度财政拨款收入、支出总计均为{fiscal}万元。其中：一般公共预算财政拨款{generalBudget}万元，政府性基金预算财政拨款{govFund}万元，国有资本经营预算财政拨款{stateCapital}万元。',
  generalBudgetPart: '{year}年度一般公共预算财政拨款支出决算{amount}万元，其中：基本支出{basic}万元，项目支出{project}万元。',
  basicPart: '{year}年度一般公共预算财政拨款基本支出决算{amount}万元，其中：人员经费{personnel}万元，公用经费{public}万元。',
  govFundPart: '{year}年度政府性基金预算财政拨款支出决算{amount}万元。',
  stateCapitalPart: '{year}年度国有资本经营预算财政拨款支出决算{amount}万元。',
  operatingCosts: '{year}年度，{entity}机关运行经费支出{amount}万元{change}，主要用于办公费、印刷费、邮电费、差旅费、会议费、福利费、日常维修费、办公用房水电费、公务用车运行维护费等支出。',
  threePublic: '{year}年度一般公共预算财政拨款“三公”经费支出共计{total}万元，比{prior}年度{change}。',
  threePublicParts: '其中：因公出国（境）费{abroad}万元，上年{abroadPrior}万元，{abroadChange}；公务用车购置及运行费{vehicle}万元（其中：公务用车购置费{vehiclePurchase}万元，公务用车运行维护费{vehicleOperation}万元），上年{vehiclePrior}万元，{vehicleChange}；公务接待费{reception}万元，上年{receptionPrior}万元，{receptionChange}。',
  threePublicNone: '{entity}{year}年度无一般公共预算财政拨款“三公”经费支出。',
  threePublicNoPrior: '{year}年度一般公共预算财政拨款“三公”经费支出共计{total}万元。',
  threePublicCounts: '截至{year}年12月31日，公务用车保有量{vehiclesHeld}辆。',
  // The 决算 against the 年初预算 the 三公 table prints (each part's rate only where it had a budget).
  threePublicBudget: '“三公”经费财政拨款支出年初预算为{budget}万元，支出决算为{final}万元{rate}，其中：因公出国（境）费支出决算为{abroad}万元{abroadRate}；公务用车购置及运行维护费支出决算为{vehicle}万元{vehicleRate}；公务接待费支出决算为{reception}万元{receptionRate}。',
  threePublicBudgetRate: '，完成预算的{rate}%',
  procurement: '{year}年度，{entity}政府采购支出总额{total}万元，其中：政府采购货物支出{goods}万元，政府采购工程支出{works}万元，政府采购服务支出{services}万元。',
  procurementNone: '{year}年度，{entity}政府采购支出总额0.00万元。',
  assets: '截至{year}年12月31日，{entity}（含所属单位）固定资产总额{total}万元（详见下表）。',
  performanceSummary: '{year}年度共{count}个项目设置了绩效目标，涉及项目支出{amount}万元。',
  otherNone: '{entity}无其他需要说明的事项。',
  budgetVsFinalLead: '一般公共预算财政拨款支出决算具体情况如下：',
  budgetVsFinal: '{n}、{class}（类）{section}（款）{item}（项）。年初预算为{budget}万元，支出决算为{final}万元{rate}。',
  budgetVsFinalRate: '，完成年初预算的{rate}%',
  budgetVsFinalEqual: '决算数等于预算数。',
  budgetVsFinalReason: '决算数{comparison}预算数的主要原因是{reason}。',
};

const NATIONAL_FINAL: Template = {
  id: 'national-final',
  name: '全国部门决算公开模板',
  kind: 'final-accounts',
  title: '{entity}{year}年度部门决算',
  allClasses: false,
  expenditureExtraColumns: true,
  amountLabel: '决算数',
  tables: FINAL_TABLES,
  tableOrder: ALL_TABLES,
  sections: [
    { heading: '第一部分  部门概况', parts: ['duties', 'units'] },
    { heading: '第二部分  {year}年度部门决算表', parts: ['tables'] },
    { heading: '第三部分  {year}年度部门决算情况说明', parts: ['intro'] },
    { heading: '一、收入支出决算总体情况说明', parts: ['overview', 'change'] },
    { heading: '二、收入决算情况说明', parts: ['revenue'] },
    { heading: '三、支出决算情况说明', parts: ['expenditure'] },
    { heading: '四、财政拨款收入支出决算总体情况说明', parts: ['fiscal'] },
    { heading: '五、一般公共预算财政拨款支出决算情况说明', parts: ['generalBudget'] },
    { heading: '六、一般公共预算财政拨款基本支出决算情况说明', parts: ['basic'] },
    { heading: '七、一般公共预算财政拨款“三公”经费支出决算情况说明', parts: ['threePublic'] },
    { heading: '八、政府性基金预算财政拨款收入支出决算情况说明', parts: ['govFund'] },
    { heading: '九、国有资本经营预算财政拨款支出决算情况说明', parts: ['stateCapital'] },
    { heading: '十、其他重要事项的情况说明', parts: [] },
    { heading: '（一）机关运行经费支出情况', parts: ['operatingCosts'] },
    { heading: '（二）政府采购支出情况', parts: ['procurement'] },
    { heading: '（三）国有资产占用情况', parts: ['assets'] },
    { heading: '（四）预算绩效管理情况', parts: ['performance', 'projects'] },
    { heading: '（五）其他需要说明的事项', parts: ['other'] },
    { heading: '第四部分  名词解释', parts: ['glossary'] },
  ],
  phrases: FINAL_PHRASES,
};
TEMPLATES['national-final'] = NATIONAL_FINAL;

export const TEMPLATE_IDS = Object.keys(TEMPLATES);

/** Every template by id, name and the kind of disclosure it writes. */
export function templateList(): { id: string; name: string; kind: Template['kind'] }[] {
  return Object.values(TEMPLATES).map((t) => ({ id: t.id, name: t.name, kind: t.kind }));
}

export class TemplateError extends Error {}

export function template(id: string): Template {
  const t = TEMPLATES[id];
  if (!t) throw new TemplateError(`未知的模板“${id}”，可用：${TEMPLATE_IDS.join('、')}`);
  return t;
}

/** Fills {name} placeholders; a missing value is a bug of the writer, not of the data. */
export function fill(phrase: string, values: Record<string, string | number>): string {
  return phrase.replace(/\{(\w+)\}/g, (_, k: string) => {
    if (!(k in values)) throw new Error(`phrase placeholder {${k}} has no value`);
    return String(values[k]);
  });
}
