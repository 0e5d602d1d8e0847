/**
 * The benchmark harness's arithmetic, formatting, variant generation and report rewriting.
 * Nothing here is timed: durations are only checked to be numbers.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  CommandFailed,
  commandStep,
  fmtRatio,
  markdownTable,
  ms,
  percentile,
  rounds,
  stats,
  type Benchmark,
  type BenchResult,
} from '../../bench/harness.js';
import { END, parseSections, renderSection, START, writeReport, type RunInfo } from '../../bench/report.js';
import { moveYears, regionStem, STEMS, variant, varyText } from '../../bench/variants.js';

test('stats: median of odd and even counts, nearest-rank p95, min, max, mean', () => {
  assert.deepEqual(stats([5, 1, 3, 2, 4]), { n: 5, median: 3, p95: 5, min: 1, max: 5, mean: 3 });
  assert.equal(stats([4, 1, 3, 2]).median, 2.5);
  const twenty = Array.from({ length: 20 }, (_, i) => i + 1);
  assert.equal(percentile(twenty, 95), 19);
  assert.equal(percentile(twenty, 50), 10);
  assert.equal(percentile([7], 95), 7);
  assert.ok(Number.isNaN(stats([]).median));
});

test('number formats: more decimals for small times, ratios with a × sign, dash for no value', () => {
  assert.equal(ms(0.12345), '0.123');
  assert.equal(ms(5.678), '5.68');
  assert.equal(ms(123.46), '123.5');
  assert.equal(ms(NaN), '—');
  assert.equal(fmtRatio(0.5), '0.50×');
  assert.equal(fmtRatio(0.0512), '0.051×');
  assert.equal(fmtRatio(4.876), '4.88×');
  assert.equal(fmtRatio(NaN), '—');
});

test('markdownTable: alignment row, escaped pipes, optional caption', () => {
  const t = markdownTable({ caption: '**x**', headers: ['a', 'b|c'], rows: [['1', 'p|q']], align: ['l', 'r'] });
  assert.equal(t, '**x**\n\n| a | b\\|c |\n|---|---:|\n| 1 | p\\|q |');
});

test('rounds: every contender once per round, the order reversed every other round', async () => {
  const calls: string[] = [];
  const s = await rounds(3, { a: () => calls.push('a'), b: () => calls.push('b') }, 1);
  assert.deepEqual(calls, ['a', 'b', 'a', 'b', 'b', 'a', 'a', 'b']);
  assert.equal(s.a.length, 3);
  assert.equal(s.b.length, 3);
  assert.ok(s.a.every((v) => typeof v === 'number' && v >= 0));
});

test('commandStep: a command that exits non-zero is a failure, never a timing', async () => {
  await assert.rejects(commandStep(process.execPath, ['-e', 'process.stderr.write("坏了\\n"); process.exit(3)'])(), (e: unknown) => {
    assert.ok(e instanceof CommandFailed);
    assert.equal(e.result.code, 3);
    assert.equal(e.result.stderr, '坏了');
    return true;
  });
  await commandStep(process.execPath, ['-e', '0'])();
});

test('variants: county stems, years moved back, one made-up name per variant', () => {
  assert.equal(regionStem('某某市东岗区'), '东岗');
  assert.equal(regionStem('北川县'), '北川');
  assert.equal(regionStem('某某市'), null);
  assert.equal(regionStem(null), null);
  assert.equal(moveYears('东岗区2023年部门预算，2022 年决算数 2023万元，编号12023年', 2), '东岗区2021年部门预算，2020 年决算数 2023万元，编号12023年');
  assert.equal(STEMS.length, 10_648);
  assert.equal(new Set(STEMS).size, 10_648);
  assert.ok(STEMS.every((s) => [...s].length === 3));
  assert.deepEqual(variant(0), { stem: STEMS[0], yearsBack: 0 });
  assert.deepEqual(variant(9_999), { stem: STEMS[9_999], yearsBack: 0 });
  assert.deepEqual(variant(10_649), { stem: STEMS[1], yearsBack: 1 });
  assert.equal(varyText('东岗区委东岗区2024年', '东岗', variant(10_648)), `${STEMS[0]}区委${STEMS[0]}区2023年`);
});

const fakeResult: BenchResult = {
  tables: [{ headers: ['file', 'ms'], rows: [['a.docx', '12.0']], align: ['l', 'r'] }],
  verdicts: [{ target: 'alpha: ours < theirs (ratio < 1)', measured: '0.50×', met: true }],
  notes: ['first note'],
};

function fake(name: string): Benchmark {
  return { name, title: `${name} title`, issue: `${name} issue`, skipReason: () => null, run: async () => fakeResult };
}

function info(date: string): RunInfo {
  return {
    date,
    machine: { cpu: 'Test CPU', cores: 2, memoryGb: 4, node: 'v20.0.0', platform: 'linux x64' },
    tools: [{ name: 'pandoc', path: null, version: 'not installed' }],
    quick: false,
    runs: 5,
    heavyRuns: 3,
    command: 'npm run bench',
  };
}

test('report: the generated block is rewritten, prose around it kept, sections of benchmarks not run kept', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-test-'));
  try {
    const file = join(dir, 'benchmarks.md');
    writeFileSync(file, `# Title\n\nProse before.\n\n${START}\nold\n${END}\n\nProse after.\n`);
    const all = [fake('alpha'), fake('beta')];
    const run1 = info('2024-01-01T00:00:00Z');
    writeReport(
      file,
      all,
      new Map([
        ['alpha', renderSection(all[0], { status: 'ok', result: fakeResult, loadBefore: '1.00', loadAfter: '1.50', elapsedMs: 2000 }, run1)],
        ['beta', renderSection(all[1], { status: 'skipped', reason: '未安装 pandoc' }, run1)],
      ]),
      run1,
    );
    let text = readFileSync(file, 'utf8');
    assert.ok(text.startsWith('# Title\n\nProse before.\n\n<!-- bench:start -->'));
    assert.ok(text.endsWith('<!-- bench:end -->\n\nProse after.\n'));
    assert.ok(!text.includes('\nold\n'));
    assert.match(text, /\| `alpha` \| ours < theirs \(ratio < 1\) \| 0\.50× \| \*\*met\*\* \| 2024-01-01T00:00:00Z \|/);
    assert.match(text, /\| `beta` \| — \| — \| skipped \| 2024-01-01T00:00:00Z \|/);
    assert.match(text, /\*\*Skipped\*\* on 2024-01-01T00:00:00Z: 未安装 pandoc/);
    assert.match(text, /\| a\.docx \| 12\.0 \|/);
    assert.match(text, /> first note/);

    // A later run of beta alone replaces beta's section and keeps alpha's, with alpha's own date.
    const run2 = info('2024-02-02T00:00:00Z');
    writeReport(file, all, new Map([['beta', renderSection(all[1], { status: 'failed', error: '出错了' }, run2)]]), run2);
    text = readFileSync(file, 'utf8');
    assert.match(text, /Last run: 2024-02-02T00:00:00Z/);
    assert.match(text, /\| `alpha` \| ours < theirs \(ratio < 1\) \| 0\.50× \| \*\*met\*\* \| 2024-01-01T00:00:00Z \|/);
    assert.match(text, /\| `beta` \| — \| — \| failed \| 2024-02-02T00:00:00Z \|/);
    const sections = parseSections(text.slice(text.indexOf(START), text.indexOf(END)));
    assert.deepEqual([...sections.keys()], ['alpha', 'beta']);
    assert.match(sections.get('alpha')!, /Measured 2024-01-01T00:00:00Z in 2 s/);
    assert.equal(text.split(START).length, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('report: a file without the markers gets the block appended', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-test-'));
  try {
    const file = join(dir, 'benchmarks.md');
    writeFileSync(file, '# Only prose\n');
    const all = [fake('alpha')];
    writeReport(file, all, new Map(), info('2024-03-03T00:00:00Z'));
    const text = readFileSync(file, 'utf8');
    assert.ok(text.startsWith(`# Only prose\n\n${START}`));
    assert.match(text, /\| `alpha` \| — \| — \| not yet measured \| — \|/);
    assert.ok(text.endsWith(`${END}\n`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
