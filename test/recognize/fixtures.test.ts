/**
 * The recogniser over synthetic documents of our own (test/fixtures/recognize/*.txt), one per
 * layout it handles: the nine standard tables with 类 | 款 | 项 code columns (and codes printed once
 * per group), a 收支总表 with 上年结转, empty tables with their notes, tables in 元, a 三公 table laid
 * out by columns, codes and names in one cell, both 绩效目标表 layouts, a 决算 and a self-evaluation.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readDocument, readDocumentFile } from '../../src/read/index.js';
import { recognize, type Recognized } from '../../src/recognize/index.js';
import { checkDoc } from '../../src/pipeline.js';
import { mergedBudgetDocx, mergedBudgetTxt } from '../fixtures/recognize/merged.js';
import { comparable } from './expect.js';
import { expectedModel, modelTests } from './model-tests.js';

const models = new Map<string, Promise<Recognized>>();
function model(name: string): Promise<Recognized> {
  const path = new URL(`../fixtures/recognize/${name}.txt`, import.meta.url).pathname;
  if (!models.has(name)) models.set(name, readDocumentFile(path).then(recognize));
  return models.get(name)!;
}

describe('budget with split codes, nine tables and both project layouts (budget-split-codes.txt)', () => {
  modelTests(() => model('budget-split-codes'), expectedModel('budget-split-codes'), { lines: true });

  test('amounts printed in 元 are held in 万元, counts as printed', async () => {
    const { disclosure: d } = await model('budget-split-codes');
    const [, line] = d.procurement.items;
    assert.deepEqual(
      [line.amount?.value, line.unitPrice?.value, line.quantity?.value, line.projectBudget?.value].map(String),
      ['18', '0.00009', '200000', '18'],
    );
  });

  test('a 三公 figure of an earlier year keeps its year; the summary takes the document year', async () => {
    const { disclosure: d } = await model('budget-split-codes');
    const totals = d.claims.filter((c) => c.subject === 'threePublic.total').map((c) => [c.year, String(c.value)]);
    assert.deepEqual(totals, [[2031, '2.1'], [2030, '2.5']]);
    assert.equal(d.claims.find((c) => c.subject === 'threePublic.change')?.year, 2031);
  });

  test('a code printed once per group is completed from the rows above', async () => {
    const { disclosure: d } = await model('budget-split-codes');
    const t3 = d.tables.find((t) => t.kind === 'expenditure')!;
    const t5 = d.tables.find((t) => t.kind === 'general-budget-expenditure')!;
    assert.deepEqual(t5.rows.map((r) => r.code), t3.rows.map((r) => r.code));
    assert.deepEqual(t5.rows.map((r) => r.level), [null, 'class', 'section', 'item', 'item', 'class', 'section', 'item', 'item', 'class', 'section', 'item']);
  });
});

describe('江苏 layout: codes and names in one cell, a table in 元, 三公 by columns (jiangsu-columns.txt)', () => {
  modelTests(() => model('jiangsu-columns'), expectedModel('jiangsu-columns'), { lines: true });

  test('the 元 table is held in 万元 and agrees with the 万元 tables', async () => {
    const { disclosure: d } = await model('jiangsu-columns');
    const functional = d.tables.find((t) => t.kind === 'general-budget-expenditure')!;
    const byCode = Object.fromEntries(functional.rows.map((r) => [r.code ?? r.name, String(r.values.amount?.value)]));
    assert.deepEqual(byCode, { 合计: '325.64', 213: '281.64', 21303: '281.64', 2130301: '190.4', 2130306: '91.24', 221: '44', 22102: '44', 2210201: '44' });
  });
});

describe('部门决算 (final-accounts.txt): the nine 决算 tables and the statements of their 说明', () => {
  modelTests(() => model('final-accounts'), expectedModel('final-accounts'), { lines: true });
  const d = async () => (await model('final-accounts')).disclosure;
  const s = (v: { toString(): string } | null | undefined) => (v === null || v === undefined ? null : String(v));

  test('shares (占…%): the part before, the whole named after 占 or opening the paragraph, 三公 from its statement', async () => {
    assert.deepEqual(
      (await d()).shares.map((x) => [x.part, x.whole, s(x.partValue), s(x.wholeValue), s(x.percent)]),
      [
        ['财政拨款收入', '本年收入合计', '181.2', '182', '99.56'],
        ['其他收入', '本年收入合计', '0.8', '182', '0.44'],
        ['基本支出', '本年支出合计', '154.8', '190.6', '81.22'],
        ['项目支出', '本年支出合计', '35.8', '190.6', '18.78'],
        ['一般公共预算财政拨款支出', '本年支出合计', '184.6', '190.6', '96.85'],
        ['一般公共服务支出（类）', '一般公共预算财政拨款支出', '144.1', '184.6', '78.06'],
        ['社会保障和就业支出（类）', '一般公共预算财政拨款支出', '23.9', '184.6', '12.95'],
        ['住房保障支出（类）', '一般公共预算财政拨款支出', '16.6', '184.6', '8.99'],
        ['因公出国（境）费支出决算', '“三公”经费', '0', '3.4', '0'],
        ['公务用车购置及运行维护费支出决算', '“三公”经费', '3', '3.4', '88.24'],
        ['公务接待费支出决算', '“三公”经费', '0.4', '3.4', '11.76'],
        ['授予中小企业合同金额', '政府采购支出总额', '10.5', '12.5', '84'],
        ['授予小微企业合同金额', '授予中小企业合同金额', '8', '10.5', '76.19'],
      ],
    );
  });

  test('changes in percent (增长/下降 x%) with the amount changed and the year\'s figure', async () => {
    assert.deepEqual(
      (await d()).percentChanges.map((x) => [x.what, s(x.current), s(x.change), s(x.percent), x.direction]),
      [
        ['收入支出总计', '192.4', '12.4', '6.89', 'increase'],
        ['财政拨款收入支出总计', '190.8', '10.8', '6', 'increase'],
        ['一般公共预算财政拨款支出', '184.6', '8.6', '4.89', 'increase'],
        ['“三公”经费财政拨款支出决算数', '3.4', '-0.6', '-15', 'decrease'],
        ['公务用车购置及运行维护费支出决算', '3', '-0.2', '-6.25', 'decrease'],
        ['公务接待费支出决算', '0.4', '-0.4', '-50', 'decrease'],
        ['机关运行经费支出', '14.9', '-1.2', '-7.45', 'decrease'],
      ],
    );
  });

  test('年初预算 vs 支出决算: totals, each 项 with its path, the 三公 and its parts; rate, comparison, reason', async () => {
    assert.deepEqual(
      (await d()).budgetVsFinal.map((x) => [x.scope, x.fund, x.path.join('>') || x.name, x.budget?.raw ?? null, x.final?.raw ?? null, x.rate?.raw ?? null, x.comparison, x.reason]),
      [
        ['total', 'generalBudget', '一般公共预算财政拨款支出', '180.00', '184.60', '102.56%', 'greater', '年中追加库房改造经费'],
        ['item', 'generalBudget', '一般公共服务支出>档案事务>行政运行', '116.00', '114.30', '98.53%', 'less', '压减日常公用开支'],
        ['item', 'generalBudget', '一般公共服务支出>档案事务>档案馆', '24.00', '29.80', '124.17%', 'greater', '追加库房改造经费'],
        ['item', 'generalBudget', '社会保障和就业支出>行政事业单位养老支出>机关事业单位基本养老保险缴费支出', '15.90', '15.90', '100.00%', 'equal', null],
        ['item', 'generalBudget', '社会保障和就业支出>行政事业单位养老支出>机关事业单位职业年金缴费支出', '7.50', '8.00', '106.67%', 'greater', '缴费基数上调'],
        ['item', 'generalBudget', '住房保障支出>住房改革支出>住房公积金', '16.60', '16.60', null, 'equal', null],
        ['three-public', null, '“三公”经费财政拨款支出', '5.00', '3.40', '68.00%', 'less', '减少了外出调研和来访接待'],
        ['three-public', null, '公务用车购置及运行维护费', null, '3.00', '83.33%', null, null],
        ['three-public', null, '公务接待费', null, '0.40', '28.57%', null, null],
        ['item', 'govFund', '城乡社区支出>国有土地使用权出让收入安排的支出>其他国有土地使用权出让收入安排的支出', '5.00', '6.00', null, 'greater', '整治范围扩大'],
      ],
    );
    for (const x of (await d()).budgetVsFinal) assert.equal(typeof x.loc.line, 'number', `${x.name} has its line`);
  });

  test('三公 counts, the procurement split and the vehicles by use', async () => {
    const doc = await d();
    const raw = (o: object) => Object.fromEntries(Object.entries(o).map(([k, f]) => [k, (f as { raw: string } | null)?.raw ?? null]));
    assert.deepEqual(raw(doc.threePublicCounts), {
      abroadGroups: '0',
      abroadPeople: '0',
      vehiclesPurchased: '未购置公务用车',
      vehiclesHeld: '2',
      receptionBatches: '6',
      receptionPeople: '32',
      foreignReceptionBatches: '0',
      foreignReceptionPeople: '0',
    });
    assert.equal(s(doc.threePublicCounts.vehiclesPurchased?.value), '0');
    assert.deepEqual(raw(doc.procurementSplit), {
      total: '12.50',
      goods: '4.30',
      works: '6.00',
      services: '2.20',
      smeAwarded: '10.50',
      smallMicroAwarded: '8.00',
      smeReserved: '9.00',
      smallMicroReserved: '7.00',
    });
    assert.equal(s(doc.assetCounts.vehicles?.value), '2');
    assert.deepEqual(
      doc.assetCounts.vehiclesByUse.map((v) => [v.name, s(v.count.value)]),
      [['机要通信用车', '1'], ['应急保障用车', '1'], ['其他用车', '0']],
    );
    assert.deepEqual(doc.assetCounts.equipment.map((v) => [v.name, s(v.count.value)]), [['单价100万元（含）以上设备（不含车辆）', '0']]);
  });

  test('the 决算 rules find nothing wrong in a consistent 决算', async () => {
    const { findings } = await checkDoc(await readDocumentFile(new URL('../fixtures/recognize/final-accounts.txt', import.meta.url).pathname));
    assert.deepEqual(findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule}: ${f.message}`), []);
  });
});

describe('绩效自评 (self-evaluation.txt): the project form cell by cell, weights, scores, the stated total', () => {
  modelTests(() => model('self-evaluation'), expectedModel('self-evaluation'), { lines: true });
});

describe('merged cells: a Word file and its plain text (fixtures/recognize/merged.ts)', () => {
  const both = (async () => {
    const docx = recognize(await readDocument(await mergedBudgetDocx(), 'merged.docx'));
    const txt = recognize(await readDocument(Buffer.from(mergedBudgetTxt()), 'merged.txt'));
    return { docx, txt };
  })();

  test('one model from both files', async () => {
    const { docx, txt } = await both;
    assert.deepEqual(comparable(docx.disclosure), comparable(txt.disclosure));
    assert.deepEqual([...docx.findings, ...txt.findings], []);
  });

  for (const format of ['docx', 'txt'] as const) {
    test(`${format}: 类 merged down its rows, 合计 across the code columns`, async () => {
      const d = (await both)[format].disclosure;
      const t = d.tables.find((x) => x.kind === 'general-budget-expenditure')!;
      assert.deepEqual(t.columns.map((c) => c.key), ['codeClass', 'codeSection', 'codeItem', 'name', 'total', 'basic', 'project']);
      assert.deepEqual(
        t.rows.map((r) => [r.code, r.name, r.role, r.values.total?.raw, r.values.basic?.raw, r.values.project?.raw]),
        [
          [null, '合计', 'total', '96.40', '70.20', '26.20'],
          ['213', '农林水支出', 'line', '96.40', '70.20', '26.20'],
          ['21303', '水利', 'line', '96.40', '70.20', '26.20'],
          ['2130301', '行政运行', 'line', '70.20', '70.20', ''],
          ['2130314', '防汛', 'line', '26.20', '', '26.20'],
        ],
      );
      assert.deepEqual([String(d.summary.basicExpenditure), String(d.summary.projectExpenditure)], ['70.2', '26.2']);
    });

    test(`${format}: 三公 by columns, 公务用车购置及运行费 over 购置费 | 运行费`, async () => {
      const d = (await both)[format].disclosure;
      const t = d.tables.find((x) => x.kind === 'three-public')!;
      assert.deepEqual(t.columns.map((c) => c.key), ['total', 'abroad', 'vehiclePurchase', 'vehicleOperation', 'reception']);
      assert.deepEqual(
        Object.fromEntries(Object.entries(t.rows[0].values).map(([k, f]) => [k, f?.raw])),
        { total: '5.80', abroad: '0', vehiclePurchase: '0', vehicleOperation: '4.20', reception: '1.60' },
      );
      const s = d.summary.threePublic;
      assert.deepEqual(
        [s.total, s.abroad, s.vehicle, s.vehiclePurchase, s.vehicleOperation, s.reception].map(String),
        ['5.8', '0', '4.2', '0', '4.2', '1.6'],
        'the vehicle total is purchase + operation when the table gives only the parts',
      );
    });
  }
});
