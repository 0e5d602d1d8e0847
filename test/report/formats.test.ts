/**
 * The report formats over real documents: the annotated PDF (pdf.js and poppler read it, one
 * annotation per finding on the finding's page), the workbook (exceljs reads numbers as numbers,
 * frozen header, filters, severity order), SARIF 2.1.0, the HTML page with the cells involved
 * highlighted, the PDF report with its Chinese fonts embedded, and the text report's folding.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { checkFile } from '../../src/pipeline.js';
import { openPdf } from '../../src/read/pdf/engine.js';
import { renderReport } from '../../src/report/index.js';
import { findChromium } from '../../src/report/pdf.js';
import { CORPUS, SEED, seed, sharedOnly } from '../helpers/shared.js';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-report-'));
const SHANGHAI = join(CORPUS, 'shanghai-budget/普陀区万里街道办事处2024年部门预算.pdf');
const browser = findChromium() ? {} : { skip: 'no Chromium on this machine (apt-get install chromium fonts-noto-cjk)' };

function poppler(tool: string, ...args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('annotated PDF of a corpus file', { ...sharedOnly, ...browser }, () => {
  test('pdf.js finds one annotation per finding on its page; poppler reads the text and the appended list', async () => {
    const original = readFileSync(SHANGHAI);
    const r = await checkFile(SHANGHAI);
    const pdf = (await renderReport([r], 'annotated-pdf', { original: async () => original })) as Buffer;
    const file = join(dir, 'annotated.pdf');
    writeFileSync(file, pdf);

    const expected = new Map<number, number>();
    for (const f of r.findings) if (f.location.page) expected.set(f.location.page, (expected.get(f.location.page) ?? 0) + 1);
    assert.ok(expected.size > 0, 'the corpus file has findings on pages');

    const doc = await openPdf(pdf, file);
    const originalPages = r.document.source.pages!;
    assert.ok(doc.numPages > originalPages, 'the findings list is appended');
    let total = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const annots = (await (await doc.getPage(p)).getAnnotations()).filter((a: { subtype: string; titleObj?: { str: string } }) => a.subtype === 'Square' && a.titleObj?.str === 'gongkai');
      assert.equal(annots.length, expected.get(p) ?? 0, `annotations on page ${p}`);
      for (const a of annots as { contentsObj: { str: string } }[]) assert.match(a.contentsObj.str, /^\[\d+\] (错误|警告|提示)：.+\n.+\n位置：第 \d+ 页/);
      total += annots.length;
    }
    assert.equal(total, r.findings.filter((f) => f.location.page).length);
    await doc.destroy();

    const text = poppler('pdftotext', '-layout', file, '-');
    assert.match(text, /2024年部门收入预算总表/, 'the original text layer is kept');
    assert.match(text, /检查发现（编号与页面上的框一致）/);
    assert.match(text, /科目编码不在科目表中/);
    assert.match(poppler('pdfinfo', file), new RegExp(`Pages:\\s+${doc.numPages}`));
  });
});

test('the workbook: a summary row per file, findings with numbers typed as numbers, frozen header, filters, errors first', sharedOnly, async () => {
  const results = [await checkFile(seed(`${SEED.xushui}.pdf`)), await checkFile(seed(`${SEED.yuanshi}.docx`))];
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await renderReport(results, 'xlsx')) as unknown as ArrayBuffer);
  const summary = wb.getWorksheet('汇总')!;
  assert.deepEqual((summary.getRow(1).values as unknown[]).slice(1), ['文件', '单位', '年度', '类型', '规则配置', '错误', '警告', '提示']);
  assert.equal(summary.getCell('B2').value, '中共保定市徐水区委网络安全和信息化委员会办公室');
  assert.equal(summary.getCell('C2').value, 2022);
  assert.equal(summary.getCell('F2').type, ExcelJS.ValueType.Number);
  assert.equal(summary.getCell('F2').value, results[0].findings.filter((f) => f.severity === 'error').length);

  const ws = wb.getWorksheet('检查发现')!;
  assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1), ['文件', '级别', '规则', '规则名称', '位置', '页', '问题说明', '应为', '实为', '差额']);
  assert.equal(ws.views[0].state, 'frozen');
  assert.ok(ws.autoFilter);
  assert.equal(ws.rowCount - 1, results[0].findings.length + results[1].findings.length);
  const levels = [];
  let numbers = 0;
  for (let i = 2; i <= ws.rowCount; i++) {
    const row = ws.getRow(i);
    levels.push(row.getCell(2).value);
    if (row.getCell(3).value === 'narrative/change-sum') {
      assert.equal(row.getCell(8).type, ExcelJS.ValueType.Number);
      assert.equal(row.getCell(8).value, -21.69);
      assert.equal(row.getCell(9).value, -21.64);
      assert.equal(row.getCell(10).value, 0.05);
      assert.equal(row.getCell(6).value, 2);
      assert.match(String(row.getCell(5).value), /^第 2 页 第 28 行，“三、比上年增减情况”下/);
      assert.match(String(row.getCell(7).value), /改正：应为 -21\.69 万元。$/);
      assert.equal(row.getCell(4).value, '收支增减额等于基本支出与项目支出增减额之和');
    }
    for (const c of [8, 9, 10]) if (row.getCell(c).value !== null) numbers += row.getCell(c).type === ExcelJS.ValueType.Number ? 1 : -1000;
  }
  assert.ok(numbers > 0, 'expected/actual/difference are numbers');
  const rank = (s: unknown) => ['错误', '警告', '提示'].indexOf(String(s));
  assert.deepEqual(levels, [...levels].sort((a, b) => rank(a) - rank(b)));
});

test('SARIF 2.1.0: one result per finding, levels, rules with Chinese titles, places in words', sharedOnly, async () => {
  const r = await checkFile(seed(`${SEED.xushui}.txt`));
  const sarif = JSON.parse((await renderReport([r], 'sarif', { version: '9.9.9' })) as string);
  assert.equal(sarif.version, '2.1.0');
  const run = sarif.runs[0];
  assert.equal(run.tool.driver.name, 'gongkai');
  assert.equal(run.results.length, r.findings.length);
  const change = run.results.find((x: { ruleId: string }) => x.ruleId === 'narrative/change-sum');
  assert.equal(change.level, 'error');
  assert.equal(change.locations[0].physicalLocation.region.startLine, r.findings.find((f) => f.rule === 'narrative/change-sum')!.location.line);
  assert.match(change.locations[0].message.text, /^第 \d+ 行，“三、比上年增减情况”下/);
  assert.equal(change.properties.expected, -21.69);
  assert.equal(run.tool.driver.rules[change.ruleIndex].id, 'narrative/change-sum');
  assert.equal(run.tool.driver.rules[change.ruleIndex].shortDescription.text, '收支增减额等于基本支出与项目支出增减额之和');
  assert.ok(run.results.some((x: { level: string }) => x.level === 'note'));
});

test('HTML: the findings with their places and fixes, the tables with the cells involved highlighted', sharedOnly, async () => {
  const r = await checkFile(seed(`${SEED.xushui}.pdf`));
  const html = (await renderReport([r], 'html')) as string;
  assert.match(html, /^<!DOCTYPE html>/);
  assert.doesNotMatch(html, /<script|<link|src="http/);
  assert.match(html, /改正：应不超过 40\.41 万元。/);
  assert.match(html, /<h3>政府采购预算表/);
  // The procurement total the error points at (printed in 元) is highlighted, numbered as its finding.
  assert.match(html, /<td class="num hit error">459928\.00<sup class="mark">\d+<\/sup><\/td>/);
  assert.match(html, /第 8 页 第 25 行，“第七部分：国有资产信息”下/);
});

test('the PDF report: the same report with its Chinese fonts embedded', { ...sharedOnly, ...browser }, async () => {
  const r = await checkFile(seed(`${SEED.luancheng}.docx`));
  const file = join(dir, 'report.pdf');
  writeFileSync(file, (await renderReport([r], 'pdf')) as Buffer);
  const text = poppler('pdftotext', file, '-');
  assert.match(text, /中共石家庄市栾城区委网络安全和信息化委员会办公室/);
  assert.match(text, /缺少满意度指标/);
  const fonts = poppler('pdffonts', file).split('\n').slice(2).filter(Boolean);
  assert.ok(fonts.length > 0);
  for (const f of fonts) assert.match(f, /\byes\b/, `font not embedded: ${f}`);
});

test('the text report folds one rule and one cause into one finding with every place, and ends with a count per rule', sharedOnly, async () => {
  const r = await checkFile(seed(`${SEED.yuanshi}.pdf`));
  const text = (await renderReport([r], 'text')) as string;
  const phones = r.findings.filter((f) => f.rule === 'privacy/mobile-number');
  assert.equal(phones.length, 5);
  assert.match(text, /1\. 错误 公开文件中有手机号码（privacy\/mobile-number），共 5 处/);
  for (let k = 1; k <= 5; k++) assert.match(text, new RegExp(`位置 ${k}：第 \\d+ 页 第 \\d+ 行，“${k}、[^”]+绩效表”下“[^”]*177\\*{4}0526”`));
  assert.doesNotMatch(text, /17778260526/);
  assert.match(text, /按规则统计：\n(  .+\n)+$/);
  assert.match(text, /错误 公开文件中有手机号码（privacy\/mobile-number）：1 条，5 处/);
});
