/** `gongkai score` and `gongkai report self-evaluation` as a user runs them. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runReport } from '../../src/cli/report.js';
import { displayWidth, runScore } from '../../src/cli/score.js';
import { ROOT, SEED, seed, sharedOnly } from '../helpers/shared.js';

const BIN = join(ROOT, 'bin/gongkai.js');
const EXAMPLE = join(ROOT, 'examples/self-evaluation-input.json');
const dir = mkdtempSync(join(tmpdir(), 'gongkai-score-cli-'));

function gongkai(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('score: seed 004 as a Chinese scorecard, stated / recomputed, exit 1 for the differences', sharedOnly, () => {
  const r = gongkai('score', seed(`${SEED.yuanshi}.docx`));
  assert.equal(r.err, '');
  assert.equal(r.code, 1);
  const lines = r.out.split('\n');
  assert.equal(lines[0], '中共元氏县委网络安全和信息化委员会办公室　2022 年度绩效自评重新计分');
  assert.match(lines[1], /^计分办法：national（.+）；表中写明的分值优先（本文件各表写明：预算执行率 10、产出指标 40、效益指标 40、满意度指标 10）。$/);
  const row = (name: string) => lines.find((l) => l.startsWith(name))!.split(/\s{2,}/);
  assert.deepEqual(row('信息化及人员培训费'), ['信息化及人员培训费', '10.00', '5.78', '58% / 57.80%', '10 / 5.78 *', '40 / 40', '10 / 40 *', '10 / 10', '70 / 95.78 *', '优']);
  assert.deepEqual(row('网络安全防护及处置经费'), ['网络安全防护及处置经费', '30.00', '29.99', '99.99% / 99.97% *', '10 / 10', '40 / 40', '40 / 40', '10 / 10', '100 / 100', '优']);
  assert.deepEqual(row('党建活动经费').slice(1, 4), ['0.50', '0.50', '100% / 100.00%']);
  // Columns line up in a terminal (CJK characters two columns wide): the last column starts at the same place.
  const header = lines.find((l) => l.startsWith('项目'))!;
  const table = lines.slice(lines.indexOf(header), lines.indexOf(header) + 7).filter((l) => !l.startsWith('─'));
  const lastStart = (l: string) => displayWidth(l.slice(0, l.lastIndexOf('  ') + 2));
  assert.deepEqual(new Set(table.map(lastStart)).size, 1);
  assert.ok(r.out.includes('部门：文件所写总得分 94 分（优秀），即各项目所填得分的简单平均（所填得分简单平均 94 分，按预算加权平均 96.27 分）。'));
  assert.ok(r.out.includes('重新计分：简单平均 99.16 分，按预算加权平均 99.48 分；取简单平均，部门得分 99.16 分，评为“优”（优秀）。'));
  // 5 from re-scoring and the 预算执行率 rows' stated actual 100% of projects 2 and 4.
  assert.ok(r.out.includes('不一致之处（7 项）：'));
  assert.ok(r.out.includes('（arithmetic/self-eval-execution-actual）'));
  assert.ok(r.out.includes('（arithmetic/rescored-department-score）'));
});

test('score --format json: the scorecard with numbers and the findings', sharedOnly, () => {
  const r = gongkai('score', seed(`${SEED.yuanshi}.txt`), '--format', 'json', '--profile', 'hebei-2022');
  const j = JSON.parse(r.out);
  assert.equal(j.document.year, 2022);
  assert.equal(j.profile.name, 'hebei-2022');
  assert.deepEqual(j.projects.map((p: { total: { computed: number } }) => p.total.computed), [100, 100, 100, 95.78, 100]);
  assert.deepEqual([j.department.computedMeans.plain, j.department.computedMeans.weighted, j.department.stated, j.department.statedBasis], [99.16, 99.48, 94, 'plain']);
  assert.equal(j.findings.length, 7);
  assert.equal(r.code, 1);
});

/** Runs a command in this process, collecting what it prints to stderr (error paths need no child process). */
async function stderrOf(run: () => Promise<number>): Promise<{ code: number; err: string }> {
  const saved = console.error;
  let err = '';
  console.error = (...args: unknown[]) => {
    err += `${args.join(' ')}\n`;
  };
  try {
    return { code: await run(), err };
  } finally {
    console.error = saved;
  }
}

test('score: unreadable file, a document without self-evaluation, an unknown profile: one line, exit 2', sharedOnly, async () => {
  const missing = await stderrOf(() => runScore(join(dir, 'none.docx'), { format: 'text' }));
  assert.equal(missing.code, 2);
  assert.match(missing.err, /^错误 .*none\.docx: .+\n$/);
  const budget = await stderrOf(() => runScore(seed(`${SEED.xushui}.txt`), { format: 'text' }));
  assert.deepEqual(budget, { code: 2, err: `错误 ${seed(`${SEED.xushui}.txt`)}: 文件中没有识别出项目支出绩效自评表，无法计分。\n` });
  const profile = await stderrOf(() => runScore(seed(`${SEED.yuanshi}.txt`), { format: 'text', profile: 'no-such' }));
  assert.deepEqual(profile, { code: 2, err: `错误 找不到计分办法“no-such”（${join(ROOT, 'profiles/scoring/no-such.json')}）。\n` });
});

test('report self-evaluation: writes the .docx, says what it computed; gongkai score reads it back clean', () => {
  const out = join(dir, 'report.docx');
  const r = gongkai('report', 'self-evaluation', EXAMPLE, '-o', out);
  assert.equal(r.err, '');
  assert.equal(r.code, 0);
  assert.equal(r.out, `已生成 ${out}：3 个项目（政务云平台运维 99.19 分，政务服务热线数据分析 89.78 分，电子证照归集 96.25 分），部门总得分 95.07 分，评价等级“优秀”（计分办法 national）。\n`);
  assert.ok(existsSync(out));
  const s = gongkai('score', out);
  assert.equal(s.code, 0);
  assert.ok(s.out.includes('文件所填各项得分与重新计分一致。'));
});

test('report: --schema prints the input JSON Schema', () => {
  const schema = JSON.parse(gongkai('report', 'self-evaluation', '--schema').out);
  assert.equal(schema.type, 'object');
  assert.ok(schema.required.includes('projects'));
  assert.equal(schema.properties.projects.items.properties.budget.description, '预算数（调整后，万元）');
});

test('report: bad input and options fail in one line, exit 2', async () => {
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{"department": "示例"');
  const r1 = await stderrOf(() => runReport('self-evaluation', bad, { output: join(dir, 'x.docx') }));
  assert.equal(r1.code, 2);
  assert.match(r1.err, /^错误 .*bad\.json: 不是有效的 JSON：.+\n$/);
  writeFileSync(bad, JSON.stringify({ department: '示例县某局', year: 2024 }));
  const r2 = await stderrOf(() => runReport('self-evaluation', bad, { output: join(dir, 'x.docx') }));
  assert.deepEqual(r2, { code: 2, err: `错误 ${bad}: 输入格式有误：duties Invalid input: expected string, received undefined\n` });
  assert.deepEqual(await stderrOf(() => runReport('self-evaluation', EXAMPLE, {})), { code: 2, err: '错误 请用 -o 指定输出的 .docx 文件\n' });
  assert.deepEqual(await stderrOf(() => runReport('final-accounts', EXAMPLE, { output: join(dir, 'x.docx') })), {
    code: 2,
    err: '错误 不支持的报告类型“final-accounts”，可用：self-evaluation\n',
  });
  assert.equal(existsSync(join(dir, 'x.docx')), false);
});
