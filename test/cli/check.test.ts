import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { budgetDocx } from '../fixtures/docx/build.js';
import { scannedPdf } from '../fixtures/pdf/documents.js';
import { ROOT, SEED, seed, sharedOnly } from '../helpers/shared.js';

const BIN = join(ROOT, 'bin/gongkai.js');
const SAMPLE = join(ROOT, 'examples/sample-budget.txt');

function gongkai(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'gongkai-cli-'));

test('the shipped sample is checked: a Chinese report and its summary figures', () => {
  const r = gongkai('check', SAMPLE);
  assert.match(r.out, /单位：示例县数据资源管理局　年度：2024　类型：部门预算公开/);
  assert.match(r.out, /支出合计 186\.40 万元；基本支出 156\.40 万元（人员经费 138\.10 万元，公用经费 18\.30 万元）；项目支出 30\.00 万元/);
  assert.match(r.out, /检查结果：错误 \d+ 项/);
  assert.equal(r.err, '');
  assert.ok(r.code === 0 || r.code === 1);
});

test('--format json gives {document, findings} with the required fields', () => {
  const r = gongkai('check', SAMPLE, '--format', 'json');
  const j = JSON.parse(r.out);
  assert.equal(j.document.kind, 'budget');
  assert.equal(j.document.year, 2024);
  assert.equal(j.document.entity.name, '示例县数据资源管理局');
  assert.equal(j.document.summary.revenueTotal, 186.4);
  assert.equal(j.document.summary.threePublic.vehicleOperation, 3);
  assert.equal(j.document.summary.procurementTotal, 0);
  assert.equal(j.document.projects[0].name, '政务云平台运行维护');
  assert.deepEqual(
    j.document.projects[0].indicators.map((i: { level3: string; target: { raw: string } }) => [i.level3, i.target.raw]),
    [
      ['平台运维巡检次数', '≥12次'],
      ['平台可用率', '≥99.5%'],
      ['故障响应时间', '≤2小时'],
      ['项目成本', '≤30万元'],
      ['政务数据共享率', '≥90%'],
      ['使用单位满意度', '≥90%'],
    ],
  );
  assert.ok(Array.isArray(j.findings));
  for (const f of j.findings) {
    assert.ok(f.rule && f.message && f.location);
    assert.ok(['error', 'warning', 'info'].includes(f.severity));
  }
});

test('bad input: one clear line per file naming it, exit 2, and the good file still checked', () => {
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '');
  const notDisclosure = join(dir, 'recipe.txt');
  writeFileSync(notDisclosure, '番茄炒蛋\n先把鸡蛋打散，再放入番茄翻炒。\n');
  const truncated = join(dir, 'cut.docx');
  return budgetDocx().then((bytes: Buffer) => {
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const unknown = join(dir, 'data.xyz');
    writeFileSync(unknown, '一些文字\n');
    const huge = join(dir, 'huge.pdf');
    writeFileSync(huge, '%PDF-1.4\n');
    truncateSync(huge, 50 * 1024 * 1024);
    const scanned = join(dir, 'scan.pdf');
    writeFileSync(scanned, scannedPdf(true));
    const renamed = join(dir, 'notes.pdf');
    writeFileSync(renamed, '这是一段文字，不是 PDF。\n');
    const r = gongkai('check', empty, truncated, SAMPLE, unknown, huge, notDisclosure, scanned, renamed, '--format', 'json');
    assert.equal(r.code, 2);
    const lines = r.err.trim().split('\n');
    assert.equal(lines.length, 7, r.err);
    // Text named .pdf: the content is not what the name says, not an unsupported extension.
    assert.match(lines[6], /notes\.pdf: 文件内容与扩展名 \.pdf 不符：是文本，不是 PDF 文件/);
    assert.match(lines[0], /empty\.txt: 文件为空/);
    assert.match(lines[1], /cut\.docx: .*(损坏|不完整)/);
    assert.match(lines[2], /data\.xyz: 不支持的文件扩展名 \.xyz/);
    assert.match(lines[3], /huge\.pdf: 文件过大（50\.0 MB，上限 30\.0 MB）/);
    // A text that is no disclosure is refused, not checked as a guessed budget.
    assert.match(lines[4], /recipe\.txt: 不是部门预算、决算公开或绩效文件：.*（开头为“先把鸡蛋打散，再放入番茄翻炒。”），未作检查$/);
    // A PDF without a text layer is refused too: it needs OCR first.
    assert.match(lines[5], /scan\.pdf: 该 PDF 没有文字层（可能是扫描件），需要先做文字识别（OCR）才能读取/);
    assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
    const results = JSON.parse(r.out);
    assert.equal(results.length, 1);
    assert.equal(results[0].document.entity.name, '示例县数据资源管理局');
  });
});

test('exit status 1 when a document has an error-level finding', () => {
  const r = gongkai('check', SAMPLE);
  assert.equal(r.code, 1);
  assert.match(r.out, /错误 [1-9]\d* 项/);
});

test('a notice saved under a budget name: exit 2 and one Chinese line naming the file', () => {
  const notice = join(dir, '2031年示范市统计局部门预算.txt');
  writeFileSync(notice, '示范市人民政府办公室文件\n示政办发〔2031〕7号\n示范市人民政府办公室关于印发河道保洁工作方案的通知\n各区人民政府，市政府各部门：\n现将《河道保洁工作方案》印发给你们，请认真贯彻执行。\n');
  const r = gongkai('check', notice);
  assert.equal(r.code, 2);
  assert.equal(r.out, '');
  assert.equal(r.err, `错误 ${notice}: 不是部门预算、决算公开或绩效文件：看来是一份公文、通知或表单（开头为“示范市人民政府办公室文件”），未作检查\n`);
});

test('--format xlsx writes one row per finding', async () => {
  const out = join(dir, 'findings.xlsx');
  const r = gongkai('check', SAMPLE, join(ROOT, 'test/fixtures/recognize/jiangsu-columns.txt'), '--format', 'xlsx', '-o', out);
  assert.ok(r.code === 0 || r.code === 1, r.err);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('检查发现')!;
  assert.equal(ws.getRow(1).getCell(7).value, '问题说明');
  const json = JSON.parse(gongkai('check', SAMPLE, join(ROOT, 'test/fixtures/recognize/jiangsu-columns.txt'), '--format', 'json').out);
  const total = json.reduce((n: number, x: { findings: unknown[] }) => n + x.findings.length, 0);
  assert.equal(ws.rowCount - 1, total);
});

test('a batch in text format ends with a one-line summary per file', () => {
  const r = gongkai('check', SAMPLE, join(ROOT, 'test/fixtures/recognize/jiangsu-columns.txt'));
  assert.match(r.out, /汇总：\n  .*sample-budget\.txt：示例县数据资源管理局 2024 部门预算公开，错误 \d+，警告 \d+，提示 \d+/);
});

test('a real seed checks from the command line', sharedOnly, () => {
  const r = gongkai('check', seed(`${SEED.luquan}.docx`), '--format', 'json');
  const j = JSON.parse(r.out);
  assert.equal(j.document.entity.name, '中共石家庄市鹿泉区委网络安全和信息化委员会办公室');
  assert.equal(j.document.summary.basicExpenditure, 238.42);
});

test('a reader that closes the pipe early (| head) ends the command quietly, without a stack trace', () => {
  // The sample's JSON report (some 470 KB) is far more than a pipe holds: the write meets EPIPE.
  const sample = join(ROOT, 'examples/sample-budget.pdf');
  const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" check "${sample}" --format json | head -c 20`], { encoding: 'utf8', cwd: ROOT });
  assert.equal(r.stdout, '{\n  "document": {\n  ');
  assert.equal(r.stderr, '');
});

test('a report piped to a reader that is slow to read arrives whole before the command ends', () => {
  // check ends its process once its output is out (src/cli/launch.ts): a full pipe takes the rest
  // later, and ending before would cut the report (at 64 KB, the pipe's size).
  const sample = join(ROOT, 'examples/sample-budget.pdf');
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-pipe-'));
  const file = join(dir, 'report.json');
  const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" check "${sample}" --format json | (sleep 1; cat)`], { encoding: 'utf8', cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
  spawnSync(process.execPath, [BIN, 'check', sample, '--format', 'json', '-o', file], { cwd: ROOT });
  assert.ok(r.stdout.length > 100 * 1024, `${r.stdout.length} bytes`);
  assert.equal(r.stdout, readFileSync(file, 'utf8'));
});
