/**
 * Datasets from Excel: gongkai's own input workbook (drop-downs from the catalog, numbers only
 * where numbers go, notes in Chinese; prefilled and read back to the same dataset), and the
 * workbooks a budget system exports (../shared/corpus/templates), filled here as a budget office
 * would fill them — their sheets found by title, their columns by header — generating a
 * disclosure that reads back to the workbook's figures with no error, in every format.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { Money } from '../../src/model/money.js';
import { INPUT_MARKER, inputWorkbook } from '../../src/generate/input-workbook.js';
import { gridOf, readInputWorkbook } from '../../src/generate/read-workbook.js';
import { parseDataset, type Dataset, type OutputFormat } from '../../src/generate/index.js';
import { CORPUS, ROOT, sharedOnly } from '../helpers/shared.js';
import { errors, expectedSummary, generateAndRead, pdfOnly, readSummary } from './readback.js';

const example = () => parseDataset(JSON.parse(readFileSync(join(ROOT, 'examples/budget-dataset.json'), 'utf8')));
const plain = (d: Dataset) => JSON.parse(JSON.stringify({ ...d, $schema: undefined }, (_k, v) => (v instanceof Money ? v.toFixed(2) : v)));

async function load(bytes: Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as ArrayBuffer);
  return wb;
}

describe('gongkai template budget', () => {
  test('one sheet per part, drop-downs from the catalog, numbers only where numbers go, notes in Chinese', async () => {
    const wb = await load(await inputWorkbook());
    assert.equal(wb.worksheets[0].getCell(1, 1).value, INPUT_MARKER);
    const names = wb.worksheets.map((w) => w.name);
    for (const n of ['基本信息', '支出明细', '基本支出经济分类', '三公经费', '政府采购', '固定资产', '项目', '绩效指标', '整体绩效目标', '机构设置', '部门职责', '名词解释', '增减原因'])
      assert.ok(names.includes(n), `no sheet ${n}`);
    const items = wb.getWorksheet('支出明细')!;
    assert.match(String(items.getCell(1, 1).value), /功能分类科目/);
    assert.deepEqual(
      [1, 2, 3, 4, 5].map((c) => items.getCell(2, c).value),
      ['科目编码', '科目名称（可不填）', '资金来源', '基本支出', '项目支出'],
    );
    const code = items.getCell(3, 1).dataValidation;
    assert.equal(code.type, 'list');
    assert.match(String(code.formulae[0]), /^代码!\$A\$1:\$A\$\d+$/);
    // A code the catalog lacks is questioned (warning), not refused; a fixed list refuses.
    assert.equal(code.errorStyle, 'warning');
    assert.match(String(code.error), /科目名称/);
    assert.notEqual(items.getCell(3, 3).dataValidation.errorStyle, 'warning');
    const codes = wb.getWorksheet('代码')!;
    assert.equal(codes.state, 'hidden');
    assert.ok(codes.rowCount > 100, 'the functional 项 of the catalog');
    assert.equal(items.getCell(10, 4).dataValidation.type, 'decimal');
    assert.match(String(items.getCell(10, 4).dataValidation.error), /只|数字/);
    assert.match(String(items.getCell(3, 3).dataValidation.formulae[0]), /一般公共预算拨款/);
  });

  test('prefilled from a dataset, read back to the same dataset, and generated with no error', async () => {
    const data = example();
    const back = await readInputWorkbook(await inputWorkbook(data));
    assert.ok(back);
    assert.deepEqual(plain(back), plain(data));
    const read = await generateAndRead(back, 'docx', 'hebei-2022', 'input-workbook');
    assert.deepEqual(errors(read.findings), []);
    assert.deepEqual(readSummary(read.document.summary), expectedSummary(data));
  });
});

/** Amounts in 元 as the budget system's sheets state (单位：元), by code and header. */
const FIGURES: [RegExp, Record<string, Record<string, number>>][] = [
  [
    /支出(预算)?总表/,
    {
      '205': { 合计: 4200000, 基本支出: 3000000, 项目支出: 1200000 },
      '20502': { 合计: 4200000, 基本支出: 3000000, 项目支出: 1200000 },
      '2050205': { 合计: 4200000, 基本支出: 3000000, 项目支出: 1200000 },
      '207': { 合计: 500000, 项目支出: 500000 },
      '20799': { 合计: 500000, 项目支出: 500000 },
    },
  ],
  [
    /收入(预算)?总表/,
    {
      '205': { 合计: 4200000, 财政拨款收入: 3800000, 事业收入: 400000 },
      '20502': { 合计: 4200000, 财政拨款收入: 3800000, 事业收入: 400000 },
      '2050205': { 合计: 4200000, 财政拨款收入: 3800000, 事业收入: 400000 },
      '207': { 合计: 500000, 财政拨款收入: 500000 },
      '20799': { 合计: 500000, 财政拨款收入: 500000 },
    },
  ],
  [
    /一般公共预算支出功能分类|一般公共预算拨款/,
    {
      '205': { 合计: 3800000, 基本支出: 2600000, 项目支出: 1200000 },
      '20502': { 合计: 3800000, 基本支出: 2600000, 项目支出: 1200000 },
      '2050205': { 合计: 3800000, 基本支出: 2600000, 项目支出: 1200000 },
      '207': { 合计: 500000, 项目支出: 500000 },
      '20799': { 合计: 500000, 项目支出: 500000 },
    },
  ],
  [/基本支出.*经济分类/, { '301': { 合计: 2300000, 人员经费: 2300000 }, '30101': { 合计: 2300000, 人员经费: 2300000 }, '303': { 合计: 300000, 人员经费: 300000 }, '30304': { 合计: 300000, 人员经费: 300000 } }],
  [/政府性基金|国有资本经营/, {}],
];

const text = (v: unknown) => (v === null || v === undefined ? '' : String(typeof v === 'object' && 'richText' in (v as object) ? (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('') : v)).replace(/\s+/g, '');

/** Fills a budget-system workbook as its user would: figures under the headers, names in place of XX. */
function fill(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    const g = gridOf(ws);
    const title = g.slice(0, 4).flat().map(text).find((t) => /表$/.test(t)) ?? '';
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const t = text(c.value);
        if (/^(编制部门|编制单位)[:：]$/.test(t)) c.value = `${t}示范区教育局`;
        if (/^(预算主管部门|预算单位)[:：]/.test(t)) c.value = t.replace(/[:：].*$/, '：示范区教育局');
      }),
    );
    if (/主要职能|单位职能/.test(ws.name)) ws.getCell(3, 1).value = '    示范区教育局是区政府工作部门。\n    主要职能包括：\n    1. 统筹全区教育事业发展。\n    2. 管理区属学校的经费和资产。';
    if (/机构设置/.test(ws.name)) ws.getCell(3, 1).value = '    本部门包括：\n    1. 示范区教育局本部\n    2. 示范区教育发展中心';
    const spec = !/收支/.test(title) ? FIGURES.find(([re]) => re.test(title))?.[1] : undefined;
    if (spec) {
      const start = g.findIndex((r) => /^\d{3}$/.test(text(r[0])));
      const labels = g[start - 1].map(text);
      for (let r = start; r < g.length; r++) {
        if (/^合计/.test(text(g[r][0]))) break;
        const code = [0, 1, 2].map((c) => text(g[r][c])).filter((x) => /^\d+$/.test(x)).join('');
        const figures = spec[code];
        // The example rows the template carries (and its … rows) go unless they are the unit's.
        for (let c = 0; c < labels.length; c++) {
          const cell = ws.getCell(r + 1, c + 1);
          if (!figures) cell.value = null;
          else if (figures[labels[c]] !== undefined) cell.value = figures[labels[c]];
        }
      }
    }
    if (/三公/.test(title)) {
      const at = g.slice(0, 12).map((r) => r.some((c) => /购置/.test(text(c)))).lastIndexOf(true);
      const put: Record<string, number> = { 合计: 3.5, '因公出国(境)费': 0, 公务接待费: 1, 小计: 2.5, 购置费: 0, 运行费: 2.5, 机关运行经费预算数: 12 };
      g[at].forEach((h, c) => {
        if (put[text(h)] !== undefined) ws.getCell(at + 2, c + 1).value = put[text(h)];
      });
    }
  }
}

for (const name of ['department_budget_template.xlsx', 'unit_budget_template.xlsx']) {
  describe(`budget-system workbook ${name}`, sharedOnly, () => {
    let data: Dataset;
    const culture = name.startsWith('department');
    test('sheets found by title, columns by header, 元 scaled to 万元', async () => {
      const wb = await load(readFileSync(join(CORPUS, 'templates', name)));
      fill(wb);
      const read = await readInputWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
      assert.ok(read);
      data = read;
      assert.equal(data.year, 2026);
      assert.equal(data.entity.name, '示范区教育局');
      assert.deepEqual(
        data.expenditure.map((e) => [e.code, e.source, e.basic.toFixed(2), e.project.toFixed(2)]),
        [
          ['2050205', 'generalBudget', '260.00', '120.00'],
          ['2050205', 'business', '40.00', '0.00'],
          // The unit template's example rows stop at 教育 (205): only the department's carry 207.
          ...(culture ? [['2079999', 'generalBudget', '0.00', '50.00']] : []),
        ],
      );
      assert.deepEqual(data.basicEconomic.map((e) => [e.code, e.personnel.toFixed(2)]), [['30101', '230.00'], ['30304', '30.00']]);
      assert.equal(data.threePublic?.current.vehicleOperation.toFixed(2), '2.50');
      assert.equal(data.threePublic?.current.reception.toFixed(2), '1.00');
      assert.equal(data.operatingCosts?.current.toFixed(2), '12.00');
      assert.deepEqual(data.duties, ['示范区教育局是区政府工作部门。', '主要职能包括：', '1. 统筹全区教育事业发展。', '2. 管理区属学校的经费和资产。']);
      // What the budget system does not export, the person adds: last year's figures and the reasons.
      data.prior = { expenditureTotal: new Money(culture ? '452.00' : '402.00'), basic: new Money('290.00'), project: new Money(culture ? '162.00' : '112.00') };
      data.threePublic = { ...data.threePublic!, prior: { abroad: new Money(0), vehiclePurchase: new Money(0), vehicleOperation: new Money('2.80'), reception: new Money('1.00') } };
      data.reasons = { total: '新增高等教育项目', vehicle: '压减公务用车运行费' };
    });
    for (const format of ['docx', 'xlsx', 'html', 'pdf'] as OutputFormat[]) {
      test(`.${format} reads back to the workbook's figures, no error`, format === 'pdf' ? pdfOnly : {}, async () => {
        assert.ok(data, 'the workbook was read');
        const back = await generateAndRead(data, format, 'shanghai', `budget-system-${name}`);
        assert.deepEqual(errors(back.findings), []);
        assert.deepEqual(readSummary(back.document.summary), expectedSummary(data));
        assert.equal(back.document.summary.revenueTotal?.toFixed(2), culture ? '470.00' : '420.00');
      });
    }
  });
}
