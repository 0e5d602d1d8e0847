/**
 * `npm run bench [-- NAME… ] [--quick] [--runs N] [--no-write]`: runs the named benchmarks (all
 * when none is named) side by side with their baselines, prints the results and rewrites the
 * generated block of docs/benchmarks.md.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { api } from './api.js';
import { docxVsPandoc } from './docx-vs-pandoc.js';
import { generateBench } from './generate.js';
import { load, machine, ROOT, tools } from './env.js';
import { SkipBench, mark, markdownTable, type BenchContext, type Benchmark } from './harness.js';
import { importBench } from './import.js';
import { pdf } from './pdf.js';
import { renderSection, writeReport, type Outcome, type RunInfo } from './report.js';
import { rulesVsReading } from './rules-vs-reading.js';
import { startup } from './startup.js';
import { transparencyBench } from './transparency.js';
import { web } from './web.js';

export const BENCHMARKS: Benchmark[] = [docxVsPandoc, rulesVsReading, pdf, importBench, api, startup, web, generateBench, transparencyBench];

const REPORT = join(ROOT, 'docs/benchmarks.md');

const USAGE = `用法：npm run bench -- [基准名…] [--quick] [--runs N] [--no-write] [--list]
  基准：${BENCHMARKS.map((b) => b.name).join('、')}（不指定则全部运行）
  --quick     轮数更少、规模更小（不用于正式结果）
  --runs N    每项计时的轮数（默认 5，整库与导入 3；--quick 时 2 与 1）
  --no-write  只打印，不改写 docs/benchmarks.md`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        quick: { type: 'boolean', default: false },
        runs: { type: 'string' },
        'no-write': { type: 'boolean', default: false },
        list: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    console.error(`${(e as Error).message.split('\n')[0]}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.list) {
    for (const b of BENCHMARKS) console.log(`${b.name.padEnd(18)} ${b.title}`);
    return 0;
  }
  const unknown = positionals.filter((p) => !BENCHMARKS.some((b) => b.name === p));
  if (unknown.length) {
    console.error(`没有名为 ${unknown.join('、')} 的基准。\n${USAGE}`);
    return 2;
  }
  let runs: number | undefined;
  if (values.runs !== undefined) {
    runs = Number(values.runs);
    if (!Number.isInteger(runs) || runs < 1 || runs > 100) {
      console.error(`--runs 应为 1 到 100 的整数，收到“${values.runs}”。`);
      return 2;
    }
  }
  const quick = values.quick ?? false;
  const selected = positionals.length ? BENCHMARKS.filter((b) => positionals.includes(b.name)) : BENCHMARKS;

  const ctx: BenchContext = {
    runs: runs ?? (quick ? 2 : 5),
    heavyRuns: runs ?? (quick ? 1 : 3),
    quick,
    log: (line) => console.log(line),
  };
  const info: RunInfo = {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    machine: machine(),
    tools: [tools.pandoc(), tools.pdftotext(), tools.pdf2txt()],
    quick,
    runs: ctx.runs,
    heavyRuns: ctx.heavyRuns,
    command: ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
  };
  const m = info.machine;
  console.log(`${m.cpu} × ${m.cores}, Node ${m.node}; load ${load()}; ${ctx.runs}/${ctx.heavyRuns} rounds${quick ? ', quick' : ''}`);
  for (const t of info.tools) console.log(`  ${t.name}: ${t.path ? t.version : 'not installed'}`);

  const sections = new Map<string, string>();
  let failures = 0;
  for (const b of selected) {
    console.log(`\n== ${b.name}: ${b.title}`);
    const outcome = await runOne(b, ctx);
    if (outcome.status === 'skipped') console.log(`跳过：${outcome.reason}`);
    else if (outcome.status === 'failed') {
      failures++;
      console.log(`失败：${outcome.error}`);
    } else {
      for (const t of outcome.result.tables) console.log(`\n${markdownTable(t)}`);
      console.log('');
      for (const v of outcome.result.verdicts) console.log(`${mark(v.met).padEnd(7)} ${v.target}: ${v.measured}`);
      for (const n of outcome.result.notes) console.log(`  · ${n}`);
    }
    sections.set(b.name, renderSection(b, outcome, info));
  }
  if (!values['no-write']) {
    writeReport(REPORT, BENCHMARKS, sections, info);
    console.log(`\n已写入 ${REPORT}`);
  }
  return failures ? 1 : 0;
}

async function runOne(b: Benchmark, ctx: BenchContext): Promise<Outcome> {
  const reason = b.skipReason();
  if (reason) return { status: 'skipped', reason };
  const loadBefore = load();
  const t0 = performance.now();
  try {
    const result = await b.run(ctx);
    return { status: 'ok', result, loadBefore, loadAfter: load(), elapsedMs: performance.now() - t0 };
  } catch (e) {
    if (e instanceof SkipBench) return { status: 'skipped', reason: e.message };
    return { status: 'failed', error: (e instanceof Error ? e.message : String(e)).split('\n')[0] };
  }
}

// exitCode rather than exit(): a piped stdout gets everything written. The unref'd timer only
// fires if some handle (a stray worker or socket) would otherwise keep the process alive.
const finish = (code: number) => {
  process.exitCode = code;
  setTimeout(() => process.exit(code), 2000).unref();
};
main().then(finish, (e) => {
  console.error(`基准运行失败：${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
  finish(1);
});
