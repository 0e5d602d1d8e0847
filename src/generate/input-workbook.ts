/**
 * gongkai's own input workbook (`gongkai template budget -o 填报.xlsx`): one sheet per part of the
 * dataset, each with a header row, notes in Chinese, drop-down lists (classification codes from
 * the catalog, sources, indicator levels) and number validation where numbers go. It can be
 * prefilled from a dataset (last year's, or one made from a published disclosure). The reader
 * finds columns by their header text, so a person may reorder columns or add notes beside them.
 */
import type ExcelJS from 'exceljs';
import { catalog } from '../catalog/index.js';
import { REASON_KEYS, SOURCE_NAMES, SOURCES, parseDataset, type Dataset, type DatasetInput, type ReasonKey, type Source } from './dataset.js';

export const INPUT_MARKER = 'gongkai部门预算数据填报表';

const REASON_NAMES: Record<ReasonKey, string> = {
  total: '收支预算比上年增减的原因',
  threePublic: '“三公”经费增减的原因',
  abroad: '因公出国（境）费增减的原因',
  vehicle: '公务用车购置及运行费增减的原因',
  reception: '公务接待费增减的原因',
  operatingCosts: '机关运行经费增减的原因',
  threePublicBudget: '“三公”经费决算数与年初预算数不同的原因（决算）',
};
const INFO: [string, string][] = [
  ['年度', 'year'],
  ['部门名称', 'entity.name'],
  ['预算单位编码', 'entity.code'],
  ['地区', 'entity.region'],
  ['上年支出总计（万元）', 'prior.expenditureTotal'],
  ['上年基本支出（万元）', 'prior.basic'],
  ['上年项目支出（万元）', 'prior.project'],
  ['机关运行经费（万元）', 'operatingCosts.current'],
  ['上年机关运行经费（万元）', 'operatingCosts.prior'],
  ['公务用车保有量（辆）', 'threePublic.counts.vehiclesHeld'],
  ['其他需要说明的事项', 'otherMatters'],
];
const TP_ROWS: [string, 'abroad' | 'vehiclePurchase' | 'vehicleOperation' | 'reception'][] = [
  ['因公出国（境）费', 'abroad'],
  ['公务用车购置费', 'vehiclePurchase'],
  ['公务用车运行维护费', 'vehicleOperation'],
  ['公务接待费', 'reception'],
];
const ASSET_ROWS: [string, 'house' | 'office' | 'vehicle' | 'equipment' | 'other'][] = [
  ['房屋（平方米）', 'house'],
  ['其中：办公用房（平方米）', 'office'],
  ['车辆（辆）', 'vehicle'],
  ['单价20万元以上的设备', 'equipment'],
  ['其他固定资产', 'other'],
];

interface SheetSpec {
  name: string;
  note: string;
  columns: { header: string; width: number; kind?: 'amount' | 'count' | 'list'; list?: string }[];
}

const SHEETS: SheetSpec[] = [
  { name: '基本信息', note: '每行一项：在 B 列填写。金额单位万元，只填数字。', columns: [{ header: '项目', width: 28 }, { header: '内容', width: 60 }] },
  {
    name: '支出明细',
    note: '每行一笔支出：功能分类科目（项，7 位，下拉选择）、资金来源、基本支出和项目支出（万元）。同一科目不同来源分行填写。所有收支表由此汇总。',
    columns: [
      { header: '科目编码', width: 12, kind: 'list', list: 'functional' },
      { header: '科目名称（可不填）', width: 30 },
      { header: '资金来源', width: 20, kind: 'list', list: 'sources' },
      { header: '基本支出', width: 14, kind: 'amount' },
      { header: '项目支出', width: 14, kind: 'amount' },
    ],
  },
  {
    name: '基本支出经济分类',
    note: '一般公共预算基本支出按部门预算支出经济分类（款，5 位）；合计须等于支出明细中一般公共预算拨款的基本支出。',
    columns: [
      { header: '科目编码', width: 12, kind: 'list', list: 'economic' },
      { header: '科目名称（可不填）', width: 30 },
      { header: '人员经费', width: 14, kind: 'amount' },
      { header: '公用经费', width: 14, kind: 'amount' },
    ],
  },
  {
    name: '三公经费',
    note: '财政拨款“三公”经费，本年预算与上年预算（万元）；没有的填 0。',
    columns: [{ header: '项目', width: 24 }, { header: '本年预算', width: 14, kind: 'amount' }, { header: '上年预算', width: 14, kind: 'amount' }],
  },
  {
    name: '政府采购',
    note: '每行一项采购。目录序号以 A（货物）、B（工程）、C（服务）开头；金额、单价单位万元。',
    columns: [
      { header: '项目名称', width: 24 },
      { header: '项目预算', width: 12, kind: 'amount' },
      { header: '采购物品名称', width: 24 },
      { header: '目录序号', width: 12 },
      { header: '计量单位', width: 10 },
      { header: '数量', width: 10, kind: 'count' },
      { header: '单价', width: 12, kind: 'amount' },
      { header: '金额', width: 12, kind: 'amount' },
      { header: '资金来源', width: 20, kind: 'list', list: 'sources' },
    ],
  },
  {
    name: '固定资产',
    note: '上年末固定资产占用情况；价值单位万元。A1 下方第一行填截止日期（如 2024-12-31）与本年度拟购置固定资产总额。',
    columns: [{ header: '项目', width: 28 }, { header: '数量', width: 12, kind: 'count' }, { header: '价值', width: 14, kind: 'amount' }],
  },
  {
    name: '项目',
    note: '每行一个项目：预算数（万元）、其中财政资金、资金用途、绩效目标（多条用“；”分隔）。绩效指标填在“绩效指标”表。',
    columns: [
      { header: '项目名称', width: 28 },
      { header: '预算数', width: 12, kind: 'amount' },
      { header: '其中：财政资金', width: 14, kind: 'amount' },
      { header: '资金用途', width: 30 },
      { header: '绩效目标', width: 50 },
    ],
  },
  {
    name: '绩效指标',
    note: '每行一个三级指标；项目名称与“项目”表一致。指标值如 ≥95%、≤20万元、12月底前完成。',
    columns: [
      { header: '项目名称', width: 28 },
      { header: '一级指标', width: 12, kind: 'list', list: 'level1' },
      { header: '二级指标', width: 16, kind: 'list', list: 'level2' },
      { header: '三级指标', width: 24 },
      { header: '绩效指标描述', width: 24 },
      { header: '指标值', width: 14 },
      { header: '指标值确定依据', width: 14 },
    ],
  },
  {
    name: '整体绩效目标',
    note: '类型选“总体目标”“分项目标”或“保障措施”；分项目标填写名称、目标和指标。',
    columns: [{ header: '类型', width: 12, kind: 'list', list: 'goalType' }, { header: '名称', width: 24 }, { header: '内容', width: 60 }, { header: '指标', width: 40 }],
  },
  {
    name: '机构设置',
    note: '部门所属预算单位。',
    columns: [{ header: '单位名称', width: 36 }, { header: '单位性质', width: 12, kind: 'list', list: 'nature' }, { header: '单位规格', width: 12 }, { header: '经费保障形式', width: 16 }],
  },
  { name: '部门职责', note: '每行一段。', columns: [{ header: '职责', width: 100 }] },
  { name: '名词解释', note: '每行一个名词。', columns: [{ header: '名词', width: 20 }, { header: '解释', width: 80 }] },
  { name: '增减原因', note: '增减变化的原因须由人填写；有变化而未填写时不能正式生成（可加 --draft 生成草稿）。', columns: [{ header: '事项', width: 36 }, { header: '原因', width: 80 }] },
];

const LISTS: Record<string, string[]> = {
  sources: SOURCES.map((s) => SOURCE_NAMES[s]),
  level1: ['产出指标', '效益指标', '满意度指标'],
  level2: ['数量指标', '质量指标', '时效指标', '成本指标', '经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标', '服务对象满意度指标'],
  goalType: ['总体目标', '分项目标', '保障措施'],
  nature: ['行政', '事业', '参公'],
};

const ROWS = 300;
const num = (m: { toNumber(): number } | undefined | null) => (m ? m.toNumber() : null);

export async function inputWorkbook(data?: Dataset): Promise<Buffer> {
  const { default: excel } = await import('exceljs');
  const wb = new excel.Workbook();
  wb.creator = 'gongkai';
  const guide = wb.addWorksheet('填报说明');
  guide.getCell(1, 1).value = INPUT_MARKER;
  [
    '用途：填写本表后运行 gongkai generate budget 本文件.xlsx -o 公开.docx，生成部门预算公开文件（也可输出 .xlsx .pdf .html）。',
    '所有表格和说明中的数字都由本表计算，不需要也不能直接填写合计数。',
    '金额单位为万元，只填数字（不带“万元”），保留两位小数。',
    '科目编码、资金来源、指标级别等请从下拉列表选择；列表来自政府收支分类科目目录。',
    '增减变化的原因只能由人填写，生成程序不会编写原因。',
  ].forEach((t, i) => (guide.getCell(i + 3, 1).value = t));
  guide.getColumn(1).width = 110;

  // Code lists on a hidden sheet, referenced by the drop-downs (too long for an inline list).
  const codes = wb.addWorksheet('代码', { state: 'hidden' });
  const year = data?.year ?? new Date().getFullYear();
  const fn = catalog().codesIn('functional', year, 7);
  const ec = catalog().codesIn('economic', year, 5);
  fn.forEach((c, i) => {
    codes.getCell(i + 1, 1).value = c.code;
    codes.getCell(i + 1, 2).value = c.names[0];
  });
  ec.forEach((c, i) => {
    codes.getCell(i + 1, 3).value = c.code;
    codes.getCell(i + 1, 4).value = c.names[0];
  });
  const listRef: Record<string, string> = { functional: `代码!$A$1:$A$${fn.length}`, economic: `代码!$C$1:$C$${ec.length}` };

  for (const spec of SHEETS) {
    const ws = wb.addWorksheet(spec.name);
    ws.getCell(1, 1).value = spec.note;
    ws.mergeCells(1, 1, 1, Math.max(2, spec.columns.length));
    ws.getRow(1).height = 32;
    ws.getCell(1, 1).alignment = { wrapText: true, vertical: 'top' };
    spec.columns.forEach((c, k) => {
      const h = ws.getCell(2, k + 1);
      h.value = c.header;
      h.font = { bold: true };
      ws.getColumn(k + 1).width = c.width;
      for (let r = 3; r <= ROWS; r++) {
        const cell = ws.getCell(r, k + 1);
        if (c.kind === 'amount') {
          cell.dataValidation = { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], allowBlank: true, showErrorMessage: true, errorTitle: '只能填数字', error: '请填写金额数字（万元），不带单位' };
          cell.numFmt = '0.00';
        } else if (c.kind === 'count') {
          cell.dataValidation = { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], allowBlank: true, showErrorMessage: true, errorTitle: '只能填数字', error: '请填写数量' };
        } else if (c.kind === 'list' && c.list) {
          const formula = listRef[c.list] ?? `"${LISTS[c.list].join(',')}"`;
          cell.dataValidation = listRef[c.list]
            ? // gongkai's catalog does not hold every code of every year: a code outside it is
              // questioned, not refused, and its name is then asked for (the gate warns without one).
              { type: 'list', allowBlank: true, formulae: [formula], showErrorMessage: true, errorStyle: 'warning', errorTitle: '科目目录中没有这个编码', error: '请核对编码；确为当年新设科目的，可继续填写，并在“科目名称”列填写名称。' }
            : { type: 'list', allowBlank: true, formulae: [formula], showErrorMessage: true, errorTitle: '请从列表选择', error: `请从下拉列表中选择${c.header}` };
        }
      }
    });
    ws.views = [{ state: 'frozen', ySplit: 2 }];
  }
  // Fixed rows: the labels of 基本信息, 三公经费, 固定资产 and 增减原因.
  const sheet = (n: string) => wb.getWorksheet(n)!;
  INFO.forEach(([label], i) => (sheet('基本信息').getCell(i + 3, 1).value = label));
  TP_ROWS.forEach(([label], i) => (sheet('三公经费').getCell(i + 3, 1).value = label));
  sheet('固定资产').getCell(3, 1).value = '截止日期';
  sheet('固定资产').getCell(4, 1).value = '本年度拟购置固定资产总额';
  ASSET_ROWS.forEach(([label], i) => (sheet('固定资产').getCell(i + 5, 1).value = label));
  REASON_KEYS.forEach((k, i) => (sheet('增减原因').getCell(i + 3, 1).value = REASON_NAMES[k]));
  if (data) prefill(wb, data);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function prefill(wb: ExcelJS.Workbook, d: Dataset): void {
  const s = (n: string) => wb.getWorksheet(n)!;
  const put = (ws: ExcelJS.Worksheet, r: number, values: (string | number | null | undefined)[]) => values.forEach((v, k) => (ws.getCell(r, k + 1).value = v ?? null));
  const info: Record<string, string | number | null | undefined> = {
    year: d.year,
    'entity.name': d.entity.name,
    'entity.code': d.entity.code,
    'entity.region': d.entity.region,
    'prior.expenditureTotal': num(d.prior?.expenditureTotal),
    'prior.basic': num(d.prior?.basic),
    'prior.project': num(d.prior?.project),
    'operatingCosts.current': num(d.operatingCosts?.current),
    'operatingCosts.prior': num(d.operatingCosts?.prior),
    'threePublic.counts.vehiclesHeld': d.threePublic?.counts?.vehiclesHeld,
    otherMatters: d.otherMatters,
  };
  INFO.forEach(([, key], i) => (s('基本信息').getCell(i + 3, 2).value = info[key] ?? null));
  d.expenditure.forEach((e, i) => put(s('支出明细'), i + 3, [e.code, e.name, SOURCE_NAMES[e.source], num(e.basic), num(e.project)]));
  d.basicEconomic.forEach((e, i) => put(s('基本支出经济分类'), i + 3, [e.code, e.name, num(e.personnel), num(e.public)]));
  if (d.threePublic) TP_ROWS.forEach(([, k], i) => put(s('三公经费'), i + 3, [TP_ROWS[i][0], num(d.threePublic!.current[k]), num(d.threePublic!.prior?.[k])]));
  d.procurement.forEach((p, i) => put(s('政府采购'), i + 3, [p.project, num(p.projectBudget), p.item, p.catalogCode, p.measure, p.quantity, num(p.unitPrice), num(p.amount), SOURCE_NAMES[p.source]]));
  if (d.assets) {
    const a = d.assets;
    s('固定资产').getCell(3, 2).value = a.asOf;
    s('固定资产').getCell(4, 3).value = num(a.planned);
    ASSET_ROWS.forEach(([, k], i) => put(s('固定资产'), i + 5, [ASSET_ROWS[i][0], a[k]?.quantity, num(a[k]?.value)]));
  }
  d.projects.forEach((p, i) => put(s('项目'), i + 3, [p.name, num(p.budget), num(p.fiscalFunds), p.purpose, p.goals.join('；')]));
  d.projects.flatMap((p) => p.indicators.map((x) => [p.name, x.level1, x.level2, x.level3, x.description, x.target, x.basis])).forEach((row, i) => put(s('绩效指标'), i + 3, row));
  const perf = d.performance;
  if (perf) {
    const rows: (string | undefined)[][] = [['总体目标', '', perf.overallGoal, ''], ...perf.subGoals.map((g) => ['分项目标', g.name, g.goal, g.indicators]), ...perf.safeguards.map((x) => ['保障措施', '', x, ''])];
    rows.forEach((r, i) => put(s('整体绩效目标'), i + 3, r));
  }
  d.units.forEach((u, i) => put(s('机构设置'), i + 3, [u.name, u.nature, u.rank, u.funding]));
  d.duties.forEach((x, i) => put(s('部门职责'), i + 3, [x]));
  d.glossary.forEach((g, i) => put(s('名词解释'), i + 3, [g.term, g.definition]));
  REASON_KEYS.forEach((k, i) => (s('增减原因').getCell(i + 3, 2).value = d.reasons[k] ?? null));
}

// ---------------------------------------------------------------- reading it back

type Cell = string | number | null;

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'object' && 'result' in v) return cellValue(v.result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('').trim() || null;
  return String(v);
}

/** A sheet's rows under its header row, as records keyed by header text (column order free). */
function records(wb: ExcelJS.Workbook, name: string): Record<string, Cell>[] {
  const ws = wb.getWorksheet(name);
  if (!ws) return [];
  const headers: string[] = [];
  ws.getRow(2).eachCell((c, k) => (headers[k] = String(cellValue(c.value) ?? '')));
  const out: Record<string, Cell>[] = [];
  for (let r = 3; r <= ws.rowCount; r++) {
    const rec: Record<string, Cell> = {};
    let any = false;
    headers.forEach((h, k) => {
      if (!h) return;
      const v = cellValue(ws.getCell(r, k).value);
      rec[h.replace(/（可不填）$/, '')] = v;
      if (v !== null) any = true;
    });
    if (any) out.push(rec);
  }
  return out;
}

const str = (v: Cell) => (v === null ? undefined : String(v));
const amount = (v: Cell) => (v === null ? undefined : typeof v === 'number' ? Number(v.toFixed(6)) : String(v).replace(/,/g, ''));
const sourceOf = (v: Cell): Source => (Object.entries(SOURCE_NAMES).find(([, n]) => n === v)?.[0] as Source) ?? 'generalBudget';

export function readGongkaiWorkbook(wb: ExcelJS.Workbook): Dataset {
  const info = new Map(records(wb, '基本信息').map((r) => [str(r['项目']) ?? '', r['内容']]));
  const get = (label: string) => info.get(label) ?? null;
  const json: DatasetInput = {
    year: Number(get('年度')),
    entity: { name: str(get('部门名称')) ?? '', code: str(get('预算单位编码')), region: str(get('地区')) },
    expenditure: records(wb, '支出明细').map((r) => ({ code: String(r['科目编码'] ?? ''), name: str(r['科目名称']), source: sourceOf(r['资金来源']), basic: amount(r['基本支出']) ?? 0, project: amount(r['项目支出']) ?? 0 })),
    basicEconomic: records(wb, '基本支出经济分类').map((r) => ({ code: String(r['科目编码'] ?? ''), name: str(r['科目名称']), personnel: amount(r['人员经费']) ?? 0, public: amount(r['公用经费']) ?? 0 })),
    procurement: records(wb, '政府采购').map((r) => ({
      project: str(r['项目名称']) ?? '',
      projectBudget: amount(r['项目预算']),
      item: str(r['采购物品名称']) ?? '',
      catalogCode: str(r['目录序号']) ?? '',
      measure: str(r['计量单位']),
      quantity: typeof r['数量'] === 'number' ? r['数量'] : undefined,
      unitPrice: amount(r['单价']),
      amount: amount(r['金额']) ?? 0,
      source: sourceOf(r['资金来源']),
    })),
    units: records(wb, '机构设置').map((r) => ({ name: str(r['单位名称']) ?? '', nature: str(r['单位性质']) ?? '', rank: str(r['单位规格']), funding: str(r['经费保障形式']) })),
    duties: records(wb, '部门职责').map((r) => str(r['职责'])!).filter(Boolean),
    glossary: records(wb, '名词解释').map((r) => ({ term: str(r['名词']) ?? '', definition: str(r['解释']) ?? '' })),
  };
  const prior = amount(get('上年支出总计（万元）'));
  if (prior !== undefined) json.prior = { expenditureTotal: prior, basic: amount(get('上年基本支出（万元）')), project: amount(get('上年项目支出（万元）')) };
  const oc = amount(get('机关运行经费（万元）'));
  if (oc !== undefined) json.operatingCosts = { current: oc, prior: amount(get('上年机关运行经费（万元）')) };
  const tp = new Map(records(wb, '三公经费').map((r) => [str(r['项目']) ?? '', r]));
  if ([...tp.values()].some((r) => r['本年预算'] !== null)) {
    const side = (col: string) => Object.fromEntries(TP_ROWS.map(([label, k]) => [k, amount(tp.get(label)?.[col] ?? null) ?? 0]));
    const hasPrior = [...tp.values()].some((r) => r['上年预算'] !== null);
    const held = get('公务用车保有量（辆）');
    json.threePublic = { current: side('本年预算') as never, prior: hasPrior ? (side('上年预算') as never) : undefined, counts: typeof held === 'number' ? { vehiclesHeld: held } : undefined };
  }
  const assets = wb.getWorksheet('固定资产');
  const asOf = assets ? str(cellValue(assets.getCell(3, 2).value)) : undefined;
  if (assets && asOf) {
    const line = (r: number) => {
      const q = cellValue(assets.getCell(r, 2).value);
      const v = amount(cellValue(assets.getCell(r, 3).value));
      return q === null && v === undefined ? undefined : { quantity: typeof q === 'number' ? q : undefined, value: v };
    };
    json.assets = { asOf, planned: amount(cellValue(assets.getCell(4, 3).value)) ?? 0, ...Object.fromEntries(ASSET_ROWS.map(([, k], i) => [k, line(i + 5)])) };
  }
  const indicators = records(wb, '绩效指标');
  json.projects = records(wb, '项目').map((r) => {
    const name = str(r['项目名称']) ?? '';
    return {
      name,
      budget: amount(r['项目预算'] ?? r['预算数']) ?? 0,
      fiscalFunds: amount(r['其中：财政资金']),
      purpose: str(r['资金用途']),
      goals: (str(r['绩效目标']) ?? '').split(/[；;]/).map((g) => g.trim()).filter(Boolean),
      indicators: indicators
        .filter((x) => str(x['项目名称']) === name)
        .map((x) => ({ level1: str(x['一级指标']) ?? '', level2: str(x['二级指标']) ?? '', level3: str(x['三级指标']) ?? '', description: str(x['绩效指标描述']), target: str(x['指标值']) ?? '', basis: str(x['指标值确定依据']) })),
    };
  });
  const goals = records(wb, '整体绩效目标');
  const overall = goals.find((g) => g['类型'] === '总体目标');
  if (overall) {
    json.performance = {
      overallGoal: str(overall['内容']) ?? '',
      subGoals: goals.filter((g) => g['类型'] === '分项目标').map((g) => ({ name: str(g['名称']) ?? '', goal: str(g['内容']) ?? '', indicators: str(g['指标']) ?? '' })),
      safeguards: goals.filter((g) => g['类型'] === '保障措施').map((g) => str(g['内容']) ?? ''),
    };
  }
  const reasons = new Map(records(wb, '增减原因').map((r) => [str(r['事项']), str(r['原因'])]));
  json.reasons = Object.fromEntries(REASON_KEYS.map((k) => [k, reasons.get(REASON_NAMES[k])]).filter(([, v]) => v));
  json.otherMatters = str(get('其他需要说明的事项'));
  return parseDataset(json);
}
