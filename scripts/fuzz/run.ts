/**
 * The fuzzing harness: `npm run fuzz -- --seconds N [--seed S] [--keep DIR]`.
 *
 * Feeds every reader, through the same bounded reading the command line uses (a worker under the
 * limits of src/read/limits.ts) and then recognition and the rules, with (a) the attacks of
 * scripts/fuzz/generators.ts and (b) real files mutated — bytes flipped, cut short, slices
 * repeated or zeroed, random bytes inserted. Every input must end as a check result or a clean
 * ReadError (one line); anything else — an internal fault, a worker that dies — is a crash, kept
 * in --keep (default test/fixtures/fuzz/) as a regression file that `npm test` reads again.
 * Deterministic for a seed.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDoc } from '../../src/pipeline.js';
import { ReadError } from '../../src/read/doc.js';
import type { ReadLimits } from '../../src/read/limits.js';
import { EXTENSIONS } from '../../src/read/registry.js';
import { BoundedReader } from '../../src/workers/bounded-read.js';
import { ATTACKS } from './generators.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface FuzzOptions {
  seconds: number;
  /** Stop after this many inputs (with a fixed seed, the same inputs every run); the seconds still bound it. */
  runs?: number;
  seed: number;
  /** Scale of the attacks (1 = the sizes of issue 16). */
  scale?: number;
  limits?: Partial<ReadLimits>;
  /** Where crashing inputs are written; null keeps none. */
  keep?: string | null;
  /** Real files to mutate; by default the repository's examples and fixtures and ../shared/seeds. */
  samples?: string[];
  log?: (line: string) => void;
}

export interface FuzzCase {
  input: string;
  outcome: 'ok' | 'refused' | 'crash';
  message: string;
  ms: number;
}

export interface FuzzReport {
  runs: number;
  ok: number;
  refused: number;
  crashes: FuzzCase[];
  /** Slowest inputs, for docs/security.md. */
  slowest: FuzzCase[];
}

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function defaultSamples(): string[] {
  const dirs = [join(ROOT, 'examples'), join(ROOT, 'test/fixtures'), join(ROOT, '../shared/seeds')];
  const out: string[] = [];
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) {
        if (n !== 'fuzz') walk(p);
      } else if (EXTENSIONS.has(extname(n).toLowerCase()) && statSync(p).size < 5 * 1024 * 1024) out.push(p);
    }
  };
  dirs.forEach(walk);
  return out;
}

/** One mutation of `bytes`, chosen by `rnd`. */
export function mutate(bytes: Buffer, rnd: () => number): { bytes: Buffer; how: string } {
  const at = () => Math.floor(rnd() * bytes.length);
  const kind = Math.floor(rnd() * 5);
  if (kind === 0) {
    const out = Buffer.from(bytes);
    const n = 1 + Math.floor(rnd() * 32);
    for (let i = 0; i < n; i++) out[at()] = Math.floor(rnd() * 256);
    return { bytes: out, how: `${n} bytes changed` };
  }
  if (kind === 1) {
    const cut = at();
    return { bytes: bytes.subarray(0, cut), how: `cut at ${cut}` };
  }
  if (kind === 2) {
    const a = at();
    const len = Math.min(bytes.length - a, 1 + Math.floor(rnd() * 4096));
    const times = 2 + Math.floor(rnd() * 50);
    return { bytes: Buffer.concat([bytes.subarray(0, a + len), ...Array(times).fill(bytes.subarray(a, a + len)), bytes.subarray(a + len)]), how: `slice at ${a} (${len} bytes) repeated ${times}×` };
  }
  if (kind === 3) {
    const a = at();
    const len = Math.min(bytes.length - a, 1 + Math.floor(rnd() * 4096));
    const out = Buffer.from(bytes);
    out.fill(0, a, a + len);
    return { bytes: out, how: `${len} bytes zeroed at ${a}` };
  }
  const a = at();
  const junk = Buffer.from(Array.from({ length: 1 + Math.floor(rnd() * 256) }, () => Math.floor(rnd() * 256)));
  return { bytes: Buffer.concat([bytes.subarray(0, a), junk, bytes.subarray(a)]), how: `${junk.length} random bytes inserted at ${a}` };
}

export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const rnd = random(options.seed);
  const samples = (options.samples ?? defaultSamples()).map((p) => ({ name: basename(p), bytes: readFileSync(p) }));
  const keep = options.keep === undefined ? join(ROOT, 'test/fixtures/fuzz') : options.keep;
  const log = options.log ?? (() => {});
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-fuzz-'));
  const reader = new BoundedReader(options.limits);
  const report: FuzzReport = { runs: 0, ok: 0, refused: 0, crashes: [], slowest: [] };
  const cases: FuzzCase[] = [];
  const end = Date.now() + options.seconds * 1000;
  try {
    for (let i = 0; Date.now() < end && (options.runs === undefined || i < options.runs); i++) {
      let name: string;
      let bytes: Buffer;
      let input: string;
      // Every fourth input an attack (in turn), the others a mutated real file (at random).
      if (i % 4 === 0) {
        const a = ATTACKS[(i / 4) % ATTACKS.length];
        bytes = await a.make(options.scale ?? 0.25);
        name = a.file;
        input = a.name;
      } else {
        const s = samples[Math.floor(rnd() * samples.length)];
        const m = mutate(s.bytes, rnd);
        bytes = m.bytes;
        name = s.name;
        input = `${s.name}: ${m.how}`;
      }
      const path = join(dir, `${i}${extname(name)}`);
      writeFileSync(path, bytes);
      const t = Date.now();
      let c: FuzzCase;
      try {
        checkDoc(await reader.read(path, {}));
        c = { input, outcome: 'ok', message: '', ms: Date.now() - t };
      } catch (e) {
        const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
        c = { input, outcome: e instanceof ReadError ? 'refused' : 'crash', message, ms: Date.now() - t };
      }
      rmSync(path, { force: true });
      report.runs++;
      cases.push(c);
      if (c.outcome === 'ok') report.ok++;
      else if (c.outcome === 'refused') report.refused++;
      else {
        report.crashes.push(c);
        log(`崩溃 ${input}：${c.message}`);
        if (keep) {
          mkdirSync(keep, { recursive: true });
          writeFileSync(join(keep, `seed${options.seed}-${i}${extname(name)}`), bytes);
        }
      }
    }
  } finally {
    await reader.close();
    rmSync(dir, { recursive: true, force: true });
  }
  report.slowest = cases.sort((a, b) => b.ms - a.ms).slice(0, 5);
  return report;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const arg = (name: string, fallback: number) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const seconds = arg('--seconds', 60);
  const seed = arg('--seed', Date.now() % 100_000);
  const keepAt = args.indexOf('--keep');
  const report = await fuzz({ seconds, seed, scale: arg('--scale', 0.25), keep: keepAt >= 0 ? args[keepAt + 1] : undefined, log: (l) => console.error(l) });
  console.log(JSON.stringify({ seed, seconds, ...report }, null, 2));
  process.exitCode = report.crashes.length ? 1 : 0;
}
