/**
 * Packaging issue: the command as users run it is a compiled program, not TypeScript compiled on
 * every start. Whole processes, timed from spawn to exit, a new process each time (cold-ish: the
 * files are in the page cache, nothing else is shared): `gongkai --help` ≤ 0.25 s and `gongkai
 * check` of a 33-page PDF ≤ 0.45 s (medians), beside `pdftotext -layout` on the same PDF and an
 * empty `node -e ''` (the floor any Node program pays) in the same rounds.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, ROOT, shown, tools } from './env.js';
import { commandStep, CommandFailed, ms, rounds, runCommand, stats, type Benchmark, type BenchResult } from './harness.js';

/** A 33-page budget of the old corpus: an ordinary disclosure's size. */
const PDF = join(CORPUS, 'jiangsu-budget/江苏省人民检察院/2019年度部门预算公开.pdf');
const BIN = join(ROOT, 'bin/gongkai.js');
const HELP_TARGET_MS = 250;
const CHECK_TARGET_MS = 450;

/** `check` exits 1 when it finds an error-level finding: that is a result, not a failure. */
function checkStep(args: string[]): () => Promise<void> {
  return async () => {
    const r = await runCommand(process.execPath, args);
    if (r.code !== 0 && r.code !== 1) throw new CommandFailed('gongkai check', r);
  };
}

export const startup: Benchmark = {
  name: 'startup',
  title: 'The command as a process: --help and check of a 33-page PDF, beside pdftotext',
  issue: 'packaging issue (11): `gongkai --help` ≤ 0.25 s and `gongkai check` of a 33-page corpus PDF ≤ 0.45 s, whole process, medians',
  skipReason() {
    if (!existsSync(PDF)) return `缺少 ${PDF}`;
    if (!existsSync(join(ROOT, 'dist/cli/main.js'))) return '尚未构建（npm run build）';
    if (!tools.pdftotext().path) return '未安装 pdftotext（poppler-utils），缺少对照基准';
    return null;
  },
  async run(ctx): Promise<BenchResult> {
    const pdftotext = tools.pdftotext().path!;
    const check = ['check', PDF, '--format', 'json', '-o', '/dev/null'];
    const contenders = {
      'node -e ""': commandStep(process.execPath, ['-e', '']),
      'pdftotext -layout': commandStep(pdftotext, ['-layout', PDF, '/dev/null']),
      'gongkai --help': commandStep(process.execPath, [BIN, '--help']),
      'gongkai check': checkStep([BIN, ...check]),
      // How the command ran before it was compiled, for comparison: TypeScript through tsx.
      'tsx: gongkai --help': commandStep(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), '--help']),
      'tsx: gongkai check': checkStep(['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...check]),
    };
    type Name = keyof typeof contenders;
    const runs = Math.max(ctx.runs * 2 + 1, 3);
    ctx.log(`  ${shown(PDF)}: ${runs} rounds`);
    const s = await rounds(runs, contenders);
    const med = (n: Name) => stats(s[n]).median;
    const rows = (Object.keys(contenders) as Name[]).map((n) => {
      const st = stats(s[n]);
      return [n, ms(st.median), ms(st.p95), (st.median / med('pdftotext -layout')).toFixed(2)];
    });
    return {
      tables: [{ headers: ['process', 'median ms', 'p95 ms', '× pdftotext'], rows, align: ['l', 'r', 'r', 'r'] }],
      verdicts: [
        { target: `startup: gongkai --help ≤ ${HELP_TARGET_MS} ms`, measured: `${ms(med('gongkai --help'))} ms`, met: med('gongkai --help') <= HELP_TARGET_MS },
        { target: `startup: gongkai check (33 pages) ≤ ${CHECK_TARGET_MS} ms`, measured: `${ms(med('gongkai check'))} ms`, met: med('gongkai check') <= CHECK_TARGET_MS },
      ],
      notes: [
        `${shown(PDF)}; median and p95 of ${runs} alternating rounds after one warm-up round, each a new process timed from spawn to exit. \`check\` writes its JSON to /dev/null (\`--format json -o /dev/null\`). The tsx rows are the same commands run as TypeScript, as \`bin/gongkai.js\` ran them before the package was compiled.`,
      ],
    };
  },
};
