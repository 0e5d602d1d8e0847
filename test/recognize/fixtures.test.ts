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

describe('部门决算 (final-accounts.txt): kind from the title, 决算 rows, a 合计 merged over code and name', () => {
  modelTests(() => model('final-accounts'), expectedModel('final-accounts'), { lines: true });
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
