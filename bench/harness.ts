/**
 * The small common harness every benchmark uses: time a function or a command N times, reduce the
 * samples to median/p95, run contenders side by side in alternating rounds, format markdown tables.
 */
import { spawn } from 'node:child_process';

/** What a benchmark gets: how many repetitions, and whether this is a quick run. */
export interface BenchContext {
  /** Repetitions for cheap measurements (a document read in milliseconds). */
  runs: number;
  /** Repetitions for expensive ones (a whole corpus, an import). */
  heavyRuns: number;
  quick: boolean;
  /** Progress lines for the terminal; never part of the report. */
  log(line: string): void;
}

export interface MdTable {
  caption?: string;
  headers: string[];
  /** Cells as printed; a column is right-aligned when `align` says `r`. */
  rows: string[][];
  align?: ('l' | 'r')[];
}

/** One target of an issue and how this run did against it. */
export interface Verdict {
  target: string;
  measured: string;
  /** null when the run could not decide (e.g. a baseline failed on every file). */
  met: boolean | null;
}

export interface BenchResult {
  tables: MdTable[];
  verdicts: Verdict[];
  /** Remarks that qualify the numbers (what was left out and why). */
  notes: string[];
}

export interface Benchmark {
  name: string;
  title: string;
  /** The issue the target comes from, and the target in its words. */
  issue: string;
  /** Why this benchmark cannot run here (a missing tool or ../shared), or null. */
  skipReason(): string | null;
  run(ctx: BenchContext): Promise<BenchResult>;
}

/** Thrown from `run` when a prerequisite turns out to be missing only once the benchmark starts. */
export class SkipBench extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'SkipBench';
  }
}

export interface Stats {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
  mean: number;
}

export function stats(samples: readonly number[]): Stats {
  if (samples.length === 0) return { n: 0, median: NaN, p95: NaN, min: NaN, max: NaN, mean: NaN };
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return {
    n: s.length,
    median,
    p95: percentile(s, 95),
    min: s[0],
    max: s[s.length - 1],
    mean: s.reduce((a, b) => a + b, 0) / s.length,
  };
}

/** Nearest-rank percentile of sorted samples: the smallest sample with at least p% at or below it. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

export async function timeIt(fn: () => unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export async function sample(fn: () => unknown, runs: number, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push(await timeIt(fn));
  return out;
}

/**
 * Runs every contender once per round, for `runs` rounds, reversing the order every other round:
 * on a machine shared with other work, load that comes and goes then falls on all contenders
 * alike instead of on whichever happened to run during a busy minute.
 */
export async function rounds<K extends string>(runs: number, contenders: Record<K, () => unknown>, warmup = 1): Promise<Record<K, number[]>> {
  const names = Object.keys(contenders) as K[];
  const out = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < warmup; i++) for (const n of names) await contenders[n]();
  for (let r = 0; r < runs; r++) {
    const order = r % 2 ? [...names].reverse() : names;
    for (const n of order) out[n].push(await timeIt(contenders[n]));
  }
  return out;
}

export interface CommandRun {
  ms: number;
  code: number | null;
  /** The first line of what the command wrote to stderr, for notes. */
  stderr: string;
}

/**
 * Spawns a command and times it from spawn to exit, as a user running it from a script would
 * see it (process start-up included). Output goes nowhere; stderr is kept for diagnosis.
 */
export function runCommand(cmd: string, args: readonly string[], cwd?: string): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], cwd });
    let err = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      if (err.length < 4000) err += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - t0, code, stderr: err.split('\n').find((l) => l.trim()) ?? '' }));
  });
}

/** A command as a contender for `rounds`: rejects when it exits non-zero so a failure is never timed as a success. */
export function commandStep(cmd: string, args: readonly string[]): () => Promise<void> {
  return async () => {
    const r = await runCommand(cmd, args);
    if (r.code !== 0) throw new CommandFailed(cmd, r);
  };
}

export class CommandFailed extends Error {
  constructor(
    readonly cmd: string,
    readonly result: CommandRun,
  ) {
    super(`${cmd} 退出码 ${result.code}${result.stderr ? `：${result.stderr}` : ''}`);
    this.name = 'CommandFailed';
  }
}

export function markdownTable(t: MdTable): string {
  const align = t.align ?? t.headers.map(() => 'l' as const);
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [
    `| ${t.headers.map(esc).join(' | ')} |`,
    `|${align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`,
    ...t.rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ];
  return (t.caption ? `${t.caption}\n\n` : '') + lines.join('\n');
}

/** Milliseconds as printed in tables: more decimals for small values so sub-millisecond work still shows. */
export function ms(v: number): string {
  if (!Number.isFinite(v)) return '—';
  if (v < 1) return v.toFixed(3);
  if (v < 10) return v.toFixed(2);
  return v.toFixed(1);
}

export function ratio(a: number, b: number): number {
  return b > 0 ? a / b : NaN;
}

export function fmtRatio(v: number): string {
  return Number.isFinite(v) ? `${v < 0.1 ? v.toFixed(3) : v.toFixed(2)}×` : '—';
}

export function mark(met: boolean | null): string {
  return met === null ? '?' : met ? 'met' : 'NOT met';
}
