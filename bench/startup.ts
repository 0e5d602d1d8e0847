/**
 * Packaging issue: the command as users run it is a compiled, bundled program, not TypeScript
 * compiled on every start. Whole processes, timed from spawn to exit, a new process each time
 * (cold-ish: the files are in the page cache, nothing else is shared): `gongkai --help` ≤ 0.25 s
 * and `gongkai check` of a 33-page PDF ≤ 0.45 s (medians), beside `pdftotext -layout` on the same
 * PDF and an empty `node -e ''` (the floor any Node program pays) in the same rounds. Each process
 * also reports the CPU time it used (user + sys, from bash's `times`): on a shared machine the wall
 * time mostly measures the others' load, the CPU time what the program costs.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, ROOT, shown, tools } from './env.js';
import { ms, stats, type Benchmark, type BenchResult } from './harness.js';

/** A 33-page budget of the old corpus: an ordinary disclosure's size. */
const PDF = join(CORPUS, 'jiangsu-budget/江苏省人民检察院/2019年度部门预算公开.pdf');
const BIN = join(ROOT, 'bin/gongkai.js');
const HELP_TARGET_MS = 250;
const CHECK_TARGET_MS = 450;

/** The newest modification under a folder, folders included (as bin/gongkai.js judges a build). */
function newestUnder(dir: string): number {
  let newest = statSync(dir).mtimeMs;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestUnder(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Whether bin/gongkai.js would run the sources through tsx instead of the build: src/ newer than
 * dist/.built. A bench of that measures tsx, not the command users run.
 */
function buildIsStale(): boolean {
  const stamp = join(ROOT, 'dist/.built');
  return !existsSync(stamp) || newestUnder(join(ROOT, 'src')) > statSync(stamp).mtimeMs;
}

/**
 * The package as a user installs it: `npm pack` of this checkout (scripts off: the build is current)
 * unpacked into .bench/installed/package/, inside the checkout, so that its dependencies resolve
 * from this checkout's node_modules as an installed package's resolve from its own. It has no src/
 * (`files` in package.json): its bin runs the build without first walking src/ for a newer source
 * — the development checkout's guard against a stale build (some 400 files, 7–20 ms here).
 */
function installedBin(): string {
  const dir = join(ROOT, '.bench/installed');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop()!;
  execFileSync('tar', ['-xzf', join(dir, out), '-C', dir]);
  return join(dir, 'package/bin/gongkai.js');
}

interface Timed {
  wall: number;
  cpu: number;
}

/**
 * Runs a command under bash and returns its wall time (spawn to exit, bash's few ms included for
 * every contender alike) and the CPU time of the command (bash's `times`, children's user + sys).
 * `check` exits 1 when it finds an error-level finding: a result, not a failure.
 */
function timed(cmd: string, args: readonly string[], okCodes = [0], env: NodeJS.ProcessEnv = process.env): Promise<Timed> {
  const script = '"$@" >/dev/null 2>/dev/null; c=$?; times; exit $c';
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('bash', ['-c', script, 'bash', cmd, ...args], { stdio: ['ignore', 'pipe', 'ignore'], env });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = performance.now() - t0;
      if (code === null || !okCodes.includes(code)) return reject(new Error(`${cmd} ${args.join(' ')} 退出码 ${code}`));
      // times: the shell's own user/sys, then its children's ("0m0.153s 0m0.041s").
      const m = out.trim().split('\n')[1]?.match(/(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/);
      if (!m) return reject(new Error(`times: ${out}`));
      resolve({ wall, cpu: (Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4])) * 1000 });
    });
  });
}

export const startup: Benchmark = {
  name: 'startup',
  title: 'The command as a process: --help and check of a 33-page PDF, beside pdftotext',
  issue: 'packaging issue (11): `gongkai --help` ≤ 0.25 s and `gongkai check` of a 33-page corpus PDF ≤ 0.45 s, whole process, medians',
  skipReason() {
    if (!existsSync(PDF)) return `缺少 ${PDF}`;
    if (!existsSync(join(ROOT, 'dist/cli-bundle/launch.cjs'))) return '尚未构建（npm run build）';
    if (!tools.pdftotext().path) return '未安装 pdftotext（poppler-utils），缺少对照基准';
    return null;
  },
  async run(ctx): Promise<BenchResult> {
    // The command users run is the build: made current first, and a source edited during the
    // rounds (bin/gongkai.js would then switch to tsx) voids the run.
    if (buildIsStale()) {
      ctx.log('  src/ 比 dist/ 新：先构建（npm run build）');
      execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: 'ignore' });
    }
    const pdftotext = tools.pdftotext().path!;
    const installed = installedBin();
    const check = ['check', PDF, '--format', 'json', '-o', '/dev/null'];
    const node = process.execPath;
    const contenders: Record<string, () => Promise<Timed>> = {
      'node -e ""': () => timed(node, ['-e', '']),
      'pdftotext -layout': () => timed(pdftotext, ['-layout', PDF, '/dev/null']),
      // The bin run as a user's shell runs it: through its shebang (which sizes V8's thread pool).
      'gongkai --help': () => timed(installed, ['--help']),
      'gongkai check': () => timed(installed, check, [0, 1]),
      // The same file given to node: the shebang's options do not apply.
      'node bin/gongkai.js check': () => timed(node, [installed, ...check], [0, 1]),
      // The same build run from this development checkout, whose bin/gongkai.js first makes sure
      // no file under src/ is newer than the build.
      'checkout: gongkai --help': () => timed(BIN, ['--help']),
      'checkout: gongkai check': () => timed(BIN, check, [0, 1]),
      // The compiled program unbundled (dist/cli/launch.js), for comparison with the bundle bin runs.
      'unbundled: gongkai --help': () => timed(node, [join(ROOT, 'dist/cli/launch.js'), '--help']),
      'unbundled: gongkai check': () => timed(node, [join(ROOT, 'dist/cli/launch.js'), ...check], [0, 1]),
      // How the command ran before it was compiled: TypeScript through tsx.
      'tsx: gongkai --help': () => timed(node, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), '--help']),
      'tsx: gongkai check': () => timed(node, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...check], [0, 1]),
    };
    // A machine whose environment names extra CA certificates makes every Node process load them
    // at start, before any of its code runs (this sandbox does, for its proxy): the same processes
    // without it show what that costs. The verdicts are on the environment as it is.
    const caCerts = process.env.NODE_EXTRA_CA_CERTS;
    if (caCerts) {
      const bare = { ...process.env };
      delete bare.NODE_EXTRA_CA_CERTS;
      contenders['without NODE_EXTRA_CA_CERTS: node -e ""'] = () => timed(node, ['-e', ''], [0], bare);
      contenders['without NODE_EXTRA_CA_CERTS: gongkai check'] = () => timed(installed, check, [0, 1], bare);
    }
    const names = Object.keys(contenders);
    const runs = Math.max(ctx.runs * 2 + 1, 3);
    ctx.log(`  ${shown(PDF)}: ${runs} rounds`);
    const wall: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
    const cpu: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
    for (const n of names) await contenders[n](); // warm-up: page cache
    for (let r = 0; r < runs; r++) {
      for (const n of r % 2 ? [...names].reverse() : names) {
        const t = await contenders[n]();
        wall[n].push(t.wall);
        cpu[n].push(t.cpu);
      }
    }
    if (buildIsStale()) throw new Error('计时期间 src/ 被修改：bin/gongkai.js 改从源码运行，本次结果作废，请重跑');
    const med = (n: string) => stats(wall[n]).median;
    const medCpu = (n: string) => stats(cpu[n]).median;
    const rows = names.map((n) => [n, ms(med(n)), ms(stats(wall[n]).p95), (med(n) / med('pdftotext -layout')).toFixed(2), ms(medCpu(n)), (medCpu(n) / medCpu('pdftotext -layout')).toFixed(2)]);
    return {
      tables: [{ headers: ['process', 'wall median ms', 'wall p95 ms', 'wall × pdftotext', 'CPU median ms', 'CPU × pdftotext'], rows, align: ['l', 'r', 'r', 'r', 'r', 'r'] }],
      verdicts: [
        { target: `startup: gongkai --help ≤ ${HELP_TARGET_MS} ms`, measured: `${ms(med('gongkai --help'))} ms wall, ${ms(medCpu('gongkai --help'))} ms CPU (node -e "": ${ms(med('node -e ""'))} ms wall, ${ms(medCpu('node -e ""'))} ms CPU)`, met: med('gongkai --help') <= HELP_TARGET_MS },
        { target: `startup: gongkai check (33 pages) ≤ ${CHECK_TARGET_MS} ms`, measured: `${ms(med('gongkai check'))} ms wall (${(med('gongkai check') / med('pdftotext -layout')).toFixed(2)}× pdftotext), ${ms(medCpu('gongkai check'))} ms CPU (${(medCpu('gongkai check') / medCpu('pdftotext -layout')).toFixed(2)}× pdftotext)`, met: med('gongkai check') <= CHECK_TARGET_MS },
      ],
      notes: [
        `${shown(PDF)}; median and p95 of ${runs} alternating rounds after one warm-up round, each a new process timed from spawn to exit, under bash, whose \`times\` gives the process's CPU time (user + sys). \`check\` writes its JSON to /dev/null (\`--format json -o /dev/null\`). \`gongkai\` is the package as installed: \`npm pack\` of this checkout unpacked into .bench/installed/, its \`bin/gongkai.js\` executed as a shell executes it (through its shebang, \`node --v8-pool-size=0\`; \`node bin/gongkai.js\` is the same file without the shebang's option), running the bundled command (dist/cli-bundle/); the checkout rows run this checkout's bin/gongkai.js, which first walks src/ for a file newer than the build; the unbundled rows run the same compiled code as separate modules (dist/cli/launch.js), the tsx rows the TypeScript sources as \`bin/gongkai.js\` ran them before the package was compiled.`,
        ...(caCerts ? [`This machine's environment sets NODE_EXTRA_CA_CERTS (${caCerts}), which every Node process loads at start; the rows "without NODE_EXTRA_CA_CERTS" run the same commands without it. The verdicts are on the environment as it is.`] : []),
      ],
    };
  },
};
