/**
 * `generate`: from examples/budget-dataset.json (a made-up county bureau with three sources of
 * money, 三公 changes, procurement of goods, works and services, assets and three projects), every
 * template in every format reads back through gongkai's own check to the dataset's figures with
 * no error-level finding; the gate blocks what a person must still write.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import JSZip from 'jszip';
import { computeFigures } from '../../src/generate/figures.js';
import { generate, parseDataset, templateList, type OutputFormat } from '../../src/generate/index.js';
import { changeWords } from '../../src/generate/narrative.js';
import { Money } from '../../src/model/money.js';
import { ROOT } from '../helpers/shared.js';
import { errors, expectedSummary, generateAndRead, pdfOnly, readSummary } from './readback.js';

const EXAMPLE = join(ROOT, 'examples/budget-dataset.json');
const example = () => parseDataset(JSON.parse(readFileSync(EXAMPLE, 'utf8')));

test('the example dataset computes to hand-added figures', () => {
  const f = computeFigures(example());
  // 412.36 + 86 + 120 + 35.20 + 12 + 41.18 + 20.59 + 22.64 + 30.88
  assert.equal(f.revenueTotal.toFixed(2), '780.85');
  assert.equal(f.basic.toFixed(2), '562.85');
  assert.equal(f.project.toFixed(2), '218.00');
  assert.equal(f.bySource.generalBudget.toFixed(2), '613.65');
  assert.equal(f.bySource.govFund.toFixed(2), '120.00');
  assert.equal(f.bySource.business.toFixed(2), '47.20');
  assert.equal(f.personnel.plus(f.public).toFixed(2), '527.65');
  assert.equal(f.threePublic!.total.toFixed(2), '14.40');
  assert.equal(f.threePublicPrior!.total.toFixed(2), '16.30');
  assert.deepEqual([f.procurement.goods, f.procurement.works, f.procurement.services].map((m) => m.toFixed(2)), ['7.00', '110.00', '24.00']);
  assert.equal(f.assetsTotal!.toFixed(2), '940.17');
});

test('direction words follow the sign', () => {
  assert.equal(changeWords(new Money('780.85'), new Money('752.30')), '增加28.55万元');
  assert.equal(changeWords(new Money('14.40'), new Money('16.30')), '减少1.90万元');
  assert.equal(changeWords(new Money('2'), new Money('2.00')), '持平');
});

const FORMATS: OutputFormat[] = ['docx', 'xlsx', 'html', 'pdf'];
for (const template of templateList().filter((t) => t.kind === 'budget').map((t) => t.id)) {
  describe(`template ${template}`, () => {
    for (const format of FORMATS) {
      test(`.${format} reads back to the dataset's figures with no error`, format === 'pdf' ? pdfOnly : {}, async () => {
        const data = example();
        const back = await generateAndRead(data, format, template, `example-${template}`);
        assert.deepEqual(errors(back.findings), []);
        assert.deepEqual(readSummary(back.document.summary), expectedSummary(data));
        assert.equal(back.document.year, 2025);
        assert.equal(back.document.entity.name, '示范县城市管理局');
        const kinds = new Set(back.document.tables.map((t) => t.kind));
        for (const k of ['revenue-expenditure-summary', 'revenue', 'expenditure', 'fiscal-summary', 'general-budget-expenditure', 'general-budget-basic', 'gov-fund-expenditure', 'state-capital-expenditure', 'three-public', 'procurement', 'assets'])
          assert.ok(kinds.has(k as never), `${k} not read back`);
        // Every table the recogniser could test holds its own identities.
        for (const t of back.document.tables) assert.notEqual(t.reading?.status, 'uncertain', `${t.title} read as uncertain`);
        assert.deepEqual(
          back.document.projects.map((p) => [p.name, p.budget?.value?.toFixed(2), p.indicators.length]),
          [
            ['城管执法', '86.00', 4],
            ['城乡社区公共设施维护', '120.00', 5],
            ['环境卫生保洁', '12.00', 3],
          ],
        );
        // The 说明's computed figures are read as claims.
        const claim = (s: string) => back.document.claims.filter((c) => c.subject === s && c.value).map((c) => c.value!.toFixed(2))[0];
        assert.equal(claim('revenue.total'), '780.85');
        assert.equal(claim('change.total'), '28.55');
        assert.equal(claim('threePublic.total'), '14.40');
        assert.equal(claim('procurement.total'), '141.00');
      });
    }
  });
}

describe('the gate', () => {
  test('a change without its reason blocks generation; --draft writes a marked, watermarked 草稿', async () => {
    const data = example();
    data.reasons = { ...data.reasons, total: undefined } as typeof data.reasons;
    delete data.reasons.total;
    const blocked = await generate(data, { format: 'docx' });
    assert.equal(blocked.bytes, null);
    assert.deepEqual(
      blocked.findings.filter((f) => f.severity === 'error').map((f) => f.rule),
      ['generate/reason-missing'],
    );
    const draft = await generate(data, { format: 'docx', draft: true });
    assert.ok(draft.bytes);
    const zip = await JSZip.loadAsync(draft.bytes);
    const doc = await zip.file('word/document.xml')!.async('string');
    assert.match(doc, /【待填写：收支预算比上年增减的主要原因】/);
    const headers = await Promise.all(Object.keys(zip.files).filter((k) => /word\/header\d*\.xml/.test(k)).map((k) => zip.file(k)!.async('string')));
    assert.ok(headers.some((h) => h.includes('草稿')), 'no 草稿 watermark in the header');
    const html = (await generate(data, { format: 'html', draft: true })).bytes!.toString('utf8');
    assert.match(html, /<mark data-field="reasons.total">【待填写：收支预算比上年增减的主要原因】<\/mark>/);
    assert.match(html, /class="draft"/);
  });

  test('basic expenditure by economic class must equal it by function', async () => {
    const data = example();
    data.basicEconomic[0].personnel = data.basicEconomic[0].personnel.plus(1);
    const r = await generate(data, { format: 'html' });
    assert.equal(r.bytes, null);
    const f = r.findings.find((x) => x.rule === 'generate/basic-by-class')!;
    assert.equal(f.severity, 'error');
    assert.equal(f.difference?.toFixed(2), '1.00');
  });

  test('quantity × unit price must be the amount; projects within 项目支出', async () => {
    const data = example();
    data.procurement[0].unitPrice = new Money('0.40');
    data.projects[0].budget = new Money('186.00');
    const rules = (await generate(data, { format: 'html' })).findings.filter((f) => f.severity === 'error').map((f) => f.rule);
    assert.deepEqual(rules.sort(), ['generate/procurement-amount', 'generate/projects-over']);
  });

  test('bad data: one Chinese message naming the field', () => {
    assert.throws(() => parseDataset({ year: 2025, entity: { name: '某局' }, expenditure: [{ code: '21201', basic: 1 }] }), /expenditure\.0\.code：应为 7 位支出功能分类科目编码/);
  });
});

test('html tables are accessible: caption, scoped headers, merged headers as colspan', async () => {
  const html = (await generate(example(), { format: 'html' })).bytes!.toString('utf8');
  assert.match(html, /<html lang="zh-CN">/);
  assert.match(html, /<caption>部门预算收支总表<\/caption>/);
  assert.match(html, /<th scope="col" colspan="2">收入<\/th>/);
  assert.match(html, /<td class="n">780\.85<\/td>/);
});

test('xlsx totals are formulas over the cells they add up, amounts are numbers', async () => {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await generate(example(), { format: 'xlsx' })).bytes! as unknown as ArrayBuffer);
  const ws = wb.worksheets.find((w) => w.name === '部门预算支出总表')!;
  const cells: { formula?: string; result?: number }[] = [];
  ws.eachRow((row) => row.eachCell((c) => cells.push(c.value as never)));
  const total = cells.find((c) => c && typeof c === 'object' && c.result === 780.85 && c.formula);
  assert.ok(total, 'the 合计 of 支出总表 is a formula');
  assert.match(total.formula!, /^SUM\(/);
  assert.ok(cells.some((c) => c === (412.36 as never)), '行政运行 412.36 is a number');
});

test('schema/budget-dataset.schema.json is the published JSON Schema of the dataset (npm run schema)', async () => {
  const { datasetJsonSchema } = await import('../../src/generate/dataset.js');
  const shipped = JSON.parse(readFileSync(join(ROOT, 'schema/budget-dataset.schema.json'), 'utf8'));
  assert.deepEqual(shipped, JSON.parse(JSON.stringify(datasetJsonSchema())));
  assert.ok(shipped.properties.expenditure && shipped.properties.threePublic && shipped.properties.reasons);
});
