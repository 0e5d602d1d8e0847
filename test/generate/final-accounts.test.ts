/**
 * 部门决算 (issue 14): from examples/final-accounts-dataset.json (a made-up county water bureau,
 * 年初预算 given for the general-budget 项), the national 决算 template in every format reads back
 * through gongkai's own check as a final-accounts disclosure with the dataset's figures, its nine
 * standard tables and no error; the 三公 table prints each item's 预算数 and 决算数 (the national
 * layout) and reads back as both; each 项's and the 三公's 年初预算 vs 决算 is stated with the right
 * comparison word, and a difference without its reason blocks generation.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { datasetFromDisclosure } from '../../src/generate/from-disclosure.js';
import { generate, parseDataset, TemplateError, type OutputFormat } from '../../src/generate/index.js';
import { ROOT } from '../helpers/shared.js';
import { errors, expectedSummary, generateAndRead, pdfOnly, readSummary } from './readback.js';

const example = () => parseDataset(JSON.parse(readFileSync(join(ROOT, 'examples/final-accounts-dataset.json'), 'utf8')));

const NINE = ['revenue-expenditure-summary', 'revenue', 'expenditure', 'fiscal-summary', 'general-budget-expenditure', 'general-budget-basic', 'gov-fund-expenditure', 'state-capital-expenditure', 'three-public'];

describe('template national-final', () => {
  for (const format of ['docx', 'xlsx', 'html', 'pdf'] as OutputFormat[]) {
    test(`.${format} reads back as the 决算 with the dataset's figures and no error`, format === 'pdf' ? pdfOnly : {}, async () => {
      const data = example();
      const back = await generateAndRead(data, format, 'national-final', 'final-national');
      assert.deepEqual(errors(back.findings), []);
      assert.equal(back.document.kind, 'final-accounts');
      assert.equal(back.document.year, 2024);
      assert.equal(back.document.entity.name, '示范县水务局');
      assert.deepEqual(readSummary(back.document.summary), expectedSummary(data));
      const kinds = new Set(back.document.tables.map((t) => t.kind));
      for (const k of [...NINE, 'procurement', 'assets']) assert.ok(kinds.has(k as never), `${k} not read back`);
      for (const t of back.document.tables) assert.notEqual(t.reading?.status, 'uncertain', `${t.title} read as uncertain`);
      assert.ok(
        back.document.tables.filter((t) => NINE.includes(t.kind)).every((t) => /决算/.test(t.title)),
        'every standard table is titled 决算',
      );
      // The 三公 table in the national layout: each item's 预算数 and 决算数, read back as two rows.
      const tp = back.document.tables.find((t) => t.kind === 'three-public')!;
      const stage = (key: string) => {
        const r = tp.rows.find((x) => x.key === key);
        return r && Object.fromEntries(['total', 'abroad', 'vehicle', 'vehiclePurchase', 'vehicleOperation', 'reception'].map((k) => [k, r.values[k]?.value?.toFixed(2) ?? null]));
      };
      assert.deepEqual(stage('final'), { total: '11.40', abroad: '0.00', vehicle: '9.80', vehiclePurchase: '0.00', vehicleOperation: '9.80', reception: '1.60' });
      assert.deepEqual(stage('budget'), { total: '12.50', abroad: '0.00', vehicle: '10.50', vehiclePurchase: '0.00', vehicleOperation: '10.50', reception: '2.00' });
      assert.equal(tp.reading?.status, 'verified');
      if (format === 'xlsx') return; // the workbook holds the tables, not the 说明
      // The 说明: each 项's 年初预算 and 决算, the rate and the word from the figures, the person's reason.
      const items = back.document.budgetVsFinal.filter((b) => b.scope === 'item');
      const row = (name: string) => items.find((b) => b.name.includes(name));
      const admin = row('行政运行');
      assert.ok(admin, `行政运行 not read: ${items.map((b) => b.name).join('；')}`);
      assert.deepEqual([admin.budget?.value?.toFixed(2), admin.final?.value?.toFixed(2), admin.rate?.value?.toFixed(2), admin.comparison], ['290.00', '298.42', '102.90', 'greater']);
      assert.match(admin.reason ?? '', /防汛值守人员加班补助/);
      const works = row('水利工程运行与维护');
      assert.deepEqual([works?.final?.value?.toFixed(2), works?.comparison], ['64.50', 'less']);
      const pension = row('机关事业单位基本养老保险缴费支出');
      assert.equal(pension?.comparison, 'equal');
      const claim = (s: string) => back.document.claims.filter((c) => c.subject === s && c.value).map((c) => c.value!.toFixed(2))[0];
      assert.equal(claim('threePublic.total'), '11.40');
      // The 三公's 年初预算 and 决算 with the rate, the word and the person's reason.
      const tpVs = back.document.budgetVsFinal.find((b) => b.scope === 'three-public' && /三公/.test(b.name));
      assert.deepEqual([tpVs?.budget?.value?.toFixed(2), tpVs?.final?.value?.toFixed(2), tpVs?.rate?.value?.toFixed(2), tpVs?.comparison], ['12.50', '11.40', '91.20', 'less']);
      assert.match(tpVs?.reason ?? '', /严格控制公务接待/);
    });
  }
});

test('a 决算 read as a dataset takes its 三公 年初预算 from the 预算数 of the 三公 table', async () => {
  const back = await generateAndRead(example(), 'html', 'national-final', 'final-national-again');
  const d = datasetFromDisclosure(back.document);
  const n = (f: Record<string, { toFixed(n: number): string }> | undefined) => f && Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.toFixed(2)]));
  assert.deepEqual(n(d.threePublic?.budget), { abroad: '0.00', vehiclePurchase: '0.00', vehicleOperation: '10.50', reception: '2.00' });
  assert.deepEqual(n(d.threePublic?.current), { abroad: '0.00', vehiclePurchase: '0.00', vehicleOperation: '9.80', reception: '1.60' });
});

describe('the gate for final accounts', () => {
  /** Generation is refused, and the one error is the missing reason at `field`. */
  async function blockedOnlyBy(data: ReturnType<typeof example>, field: string) {
    const blocked = await generate(data, { format: 'html' });
    assert.equal(blocked.bytes, null);
    const f = blocked.findings.filter((x) => x.severity === 'error');
    assert.deepEqual(
      f.map((x) => [x.rule, x.location.where]),
      [['generate/reason-missing', field]],
    );
    return f[0];
  }

  test('a 项 whose 决算 differs from its 年初预算 needs its reason; the draft marks the field', async () => {
    const data = example();
    delete data.itemReasons['2130306'];
    const f = await blockedOnlyBy(data, 'itemReasons.2130306');
    assert.match(f.message, /决算数 64\.50 万元与年初预算数 70\.00 万元不同/);
    const html = (await generate(data, { format: 'html', draft: true })).bytes!.toString('utf8');
    assert.match(html, /决算数小于预算数的主要原因是<mark data-field="itemReasons\.2130306">/);
  });

  test('a 三公 决算 that differs from its 年初预算 needs its reason; without a 年初预算 the table prints blank 预算数', async () => {
    const data = example();
    delete data.reasons.threePublicBudget;
    const f = await blockedOnlyBy(data, 'reasons.threePublicBudget');
    assert.match(f.message, /决算数 11\.40 万元与年初预算数 12\.50 万元不同/);

    const noBudget = example();
    delete noBudget.threePublic!.budget;
    const r = await generate(noBudget, { format: 'html' });
    assert.ok(r.bytes, r.findings.map((x) => x.message).join('；'));
    assert.deepEqual(
      r.findings.filter((x) => x.location.where === 'threePublic.budget').map((x) => [x.rule, x.severity]),
      [['generate/no-budget', 'warning']],
    );
    const html = r.bytes.toString('utf8');
    assert.doesNotMatch(html, /“三公”经费财政拨款支出年初预算/);
    assert.match(html, /<th[^>]*>预算数<\/th>/);
  });

  test('a template of the other kind is refused in one Chinese line', async () => {
    await assert.rejects(generate(example(), { format: 'html', template: 'hebei-2022' }), (e: Error) => e instanceof TemplateError && /模板“hebei-2022”用于部门预算，数据为部门决算数据/.test(e.message));
  });
});
