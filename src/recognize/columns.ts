/**
 * Semantic keys for table columns, from the header labels over them. Regions word headers
 * differently (财政拨款收入 / 一般公共预算拨款, 上缴上级支出 / 上解上级支出): the keys are what
 * rules talk about.
 */
type KeyRule = [RegExp, string];

// Order matters: the first rule whose pattern matches the label wins.
const LEAF_RULES: KeyRule[] = [
  [/^(序号|栏次|行次)$/, 'seq'],
  [/^类$/, 'codeClass'],
  [/^款$/, 'codeSection'],
  [/^项$/, 'codeItem'],
  // A revenue table may list the budget units (单位代码 | 单位名称) instead of functional codes.
  [/^(部门|单位)(代码|编码)$/, 'unitCode'],
  [/科目编码|^编码$|^代码$|科目代码|^功能科目编码|^经济科目编码/, 'code'],
  // 功能科目 / 经济科目 alone head a column of codes with their names (2013301 行政运行).
  // 陕西 收支总表: 支出功能分类科目（按大类） | 预算数 | 部门预算支出经济分类科目（按大类） | 预算数 | …
  [/科目名称|^项目名称|^项目$|^名称$|(功能|经济)(分类)?科目$|(功能|经济)(分类)?科目[（(][^（）()]*[)）]$|^支出功能分类$|支出经济分类$|^单位[（(]项目[)）]名称$|^项目[（(]|^采购项目(名称)?$|^(部门|单位)名称$|^(采购)?品目大类$|^专项名称$/, 'name'],
  // 江苏 cities: 采购品目大类 | 专项名称 | … — the category (货物/服务) and the units under it are
  // group rows in the first name column, each item's project in the second (rowName: group | line).
  // 陕西: 采购项目 | 采购目录 (C04070100体检服务): the catalogue entry is what is bought.
  [/采购物品名称|采购品目|品目名称|^采购目录$/, 'item'],
  [/目录序号|目录编码|品目编码/, 'catalogCode'],
  [/计量单位/, 'measure'],
  [/^数量/, 'quantity'],
  [/^单价/, 'unitPrice'],
  [/^预算资金$/, 'projectBudget'],
  [/^小计$/, 'subtotal'],
  // A 决算 收入决算表's 本年收入合计 is this year's income (there is no carry-over column to add).
  [/^本年收入合计$/, 'currentIncome'],
  [/^合计$|^总计$|^合计数$|^本年支出合计$/, 'total'],
  [/基本支出/, 'basic'],
  [/项目支出|专项业务经费/, 'project'],
  [/经营支出/, 'operating'],
  [/上缴上级|上解上级/, 'toSuperior'],
  [/对附属单位补助/, 'toSubsidiary'],
  [/人员经费|人员支出/, 'personnel'],
  [/公用经费|公用支出/, 'public'],
  // 基金预算拨款 (政府采购 tables) is the 政府性基金 column too.
  [/政府性?基金|^基金预算/, 'govFund'],
  [/国有资本经营/, 'stateCapital'],
  // 专户资金结转结余 under 上年结转结余 is the 财政专户 part of the carry-over.
  [/财政专户|^专户资金/, 'fiscalSpecial'],
  [/一般公共预算/, 'generalBudget'],
  [/财政拨款收入|^财政拨款$/, 'fiscal'],
  [/非财政拨款结转/, 'nonFiscalCarryOver'],
  [/财政拨款结转/, 'fiscalCarryOver'],
  [/中小微?企业|预留.*份额/, 'smeReserve'],
  // 江苏: money held back for the year's needs, and money carried into next year.
  [/预留机动经费|机动经费/, 'reserve'],
  [/事业单位经营收入|^经营收入$/, 'operatingIncome'],
  [/事业收入/, 'business'],
  [/上级补助收入/, 'superiorSubsidy'],
  [/附属单位上缴收入/, 'subsidiaryIncome'],
  [/其他收入|^其他资金$/, 'other'],
  [/单位资金/, 'unitFunds'],
  [/用事业基金弥补|使用非财政拨款结余/, 'fundMakeUp'],
  // 陕西: the balance left on the unit's own account last year, beside 上年结转.
  [/实户资金/, 'priorBalance'],
  // 决算: 年末结转和结余 is what is carried into next year, 年初结转和结余 what came in.
  [/年末结转|年终结转|结转下年/, 'carryForward'],
  [/上年结转|结转结余|上年结余|年初结转/, 'carryOver'],
  [/^本年收入$/, 'currentIncome'],
  [/增减|变动|增幅/, 'change'],
  [/原因|说明/, 'reason'],
  [/价值|^金额|^预算数$|^数额$|^预算金额|^项目金额$|^决算数$|^机关运行经费(支出)?$/, 'amount'],
];

/** Keys of income sources: a 小计 under one of them is its total. */
const SOURCE_KEYS = new Set(['generalBudget', 'govFund', 'stateCapital', 'fiscal', 'fiscalSpecial', 'business', 'operatingIncome', 'other', 'unitFunds']);
/** Purposes of spending: a 小计 under one of them (基本支出 / 小计 | 人员经费 | 公用经费) is its total. */
const PURPOSE_KEYS = new Set(['basic', 'project']);

/** The key of a column from its header path (top label first). */
export function columnKey(path: string[], docYear: number | null): string | null {
  // "合计" under 科目编码/项目 is the total row's label (a blank template prints it among the headers).
  if (path.length > 1 && /^(合计|总计)$/.test(path[path.length - 1]) && path.slice(0, -1).some((p) => /科目编码|科目名称|^项目$/.test(p))) {
    return columnKey(path.slice(0, -1), docYear);
  }
  const leaf = path[path.length - 1] ?? '';
  // "一般公共预算拨款 / 其中：专项资金…" is a part of the column before it, not another source.
  if (/^其中/.test(leaf)) return null;
  const yearKey = yearColumn(leaf, docYear);
  if (yearKey) return yearKey;
  // "本年收入 / 小计" is the current-year income subtotal.
  if (/小计/.test(leaf) && path.some((p) => /本年收入/.test(p))) return 'currentIncome';
  // 基本支出 / 小计 is the 基本支出: the columns beside it (人员经费, 公用经费) are its parts. (A source's 小计: groupSubtotals.)
  if (/^小计$/.test(leaf) && path.length > 1) {
    const key = LEAF_RULES.find(([re]) => re.test(path[path.length - 2]))?.[1];
    if (key && PURPOSE_KEYS.has(key)) return key;
  }
  // Under 上年结转结余 the 小计 is the carry-over, and a source (一般公共预算 | 政府性基金 | …) breaks it
  // down: it is not the year's income from that source, so it gets a key of its own under the group's.
  if (path.length > 1 && path.slice(0, -1).some((p) => CARRY_OVER_GROUP.test(p))) {
    if (/^(小计|合计)$/.test(leaf)) return 'carryOver';
    const own = keyOf(leaf);
    if (own && own !== 'carryOver') return `carryOver.${own}`;
  }
  for (const label of [leaf, ...path.slice(0, -1).reverse()]) {
    const key = keyOf(label);
    if (key) return key;
  }
  return null;
}

function keyOf(label: string): string | null {
  for (const [re, key] of LEAF_RULES) if (re.test(label)) return key;
  return null;
}

/** A group of columns that breaks down the carry-over from last year. */
const CARRY_OVER_GROUP = /^(上年结转|上年结转结余|上年结转和结余|年初结转和结余|上年结余)$/;

/**
 * "一般公共预算拨款 / 小计 | 其中：专项资金…": a 小计 whose group has no other column read (its
 * 其中 columns are parts of it, not of the group) is the group's source total. A 小计 beside the
 * group's parts (财政拨款收入 / 小计 | 一般公共预算 | 政府性基金) stays a subtotal.
 */
export function groupSubtotals(paths: string[][], keys: (string | null)[], docYear: number | null): (string | null)[] {
  return keys.map((key, c) => {
    const path = paths[c];
    if (key !== 'subtotal' || path.length < 2) return key;
    const parent = path.slice(0, -1).join('/');
    const group = columnKey(path.slice(0, -1), docYear);
    if (!group || !SOURCE_KEYS.has(group)) return key;
    const siblings = paths.map((p, k) => (k !== c && p.length === path.length && p.slice(0, -1).join('/') === parent ? keys[k] : null));
    return siblings.some((k) => k !== null) ? key : group;
  });
}

/** "2021年度预算" is the prior year's column when the document is of 2022. */
function yearColumn(label: string, docYear: number | null): string | null {
  const m = /^(\d{4})年(度)?(预算|决算|执行|预算数|决算数)?(数)?$/.exec(label);
  if (!m || docYear === null) return null;
  const y = Number(m[1]);
  if (y === docYear) return 'current';
  if (y === docYear - 1) return 'prior';
  return null;
}
