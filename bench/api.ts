/**
 * Storage issue, API: p95 latency of get-document, search and aggregates over HTTP against a
 * SQLite store of 10,000 documents (target p95 < 50 ms). The documents are the seed texts, checked
 * once, then renamed and re-dated (see variants.ts) and written through the store layer directly.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { checkFile, type CheckResult } from '../src/pipeline.js';
import type { DocumentRecord, Store as StoreClass } from '../src/store/index.js';
import type { RunningServer, ServerOptions } from '../src/serve/index.js';
import { missingShared, seedFiles } from './env.js';
import { SkipBench, ms, stats, timeIt, type BenchContext, type Benchmark, type BenchResult, type Verdict } from './harness.js';
import { regionStem, STEMS, variant, varyText, type Variant } from './variants.js';

const P95_LIMIT_MS = 50;

interface StoreModule {
  Store: typeof StoreClass;
  toRecord: typeof import('../src/store/index.js').toRecord;
}
interface ServeModule {
  startServer(options: ServerOptions): Promise<RunningServer>;
}

interface Base {
  id: string;
  text: string;
  stem: string;
  result: CheckResult;
}

export const api: Benchmark = {
  name: 'api',
  title: 'HTTP API latency over a store of 10,000 documents',
  issue: 'storage issue: p95 latency of get-document, search and an aggregate over a SQLite store of 10,000 documents < 50 ms',
  skipReason() {
    return missingShared('seeds');
  },
  async run(ctx): Promise<BenchResult> {
    const { Store, toRecord } = await load<StoreModule>('../src/store/index.js', ['Store', 'toRecord'], '存储模块 src/store');
    const { startServer } = await load<ServeModule>('../src/serve/index.js', ['startServer'], 'HTTP 服务模块 src/serve');
    const count = ctx.quick ? 1000 : 10_000;
    const bases = await baseResults();
    const tmp = mkdtempSync(join(tmpdir(), 'gongkai-bench-api-'));
    let server: RunningServer | null = null;
    let store: StoreClass | null = null;
    try {
      store = await Store.open({ db: join(tmp, 'api.db') });
      const ids = new Set<number>();
      const fill = await timeIt(async () => {
        for (let i = 0; i < count; i++) {
          const base = bases[i % bases.length];
          const { record, bytes } = vary(base, variant(i), toRecord);
          ids.add((await store!.save(record, bytes)).documentId);
          if ((i + 1) % 1000 === 0) ctx.log(`  stored ${i + 1}/${count}`);
        }
      });
      const total = (await store.listDocuments({}, { limit: 1 })).total;
      server = await startServer({ db: store, port: 0, workers: 0 });
      const rows = await measure(ctx, server.url, [...ids], bases);
      const verdicts = verdictsOf(rows);
      return {
        tables: [
          {
            headers: ['endpoint', 'request', 'requests', 'median ms', 'p95 ms', 'max ms'],
            rows: rows.map((r) => [r.group, `\`${r.label}\``, String(r.samples.length), ms(stats(r.samples).median), ms(stats(r.samples).p95), ms(stats(r.samples).max)]),
            align: ['l', 'l', 'r', 'r', 'r', 'r'],
          },
        ],
        verdicts,
        notes: [
          `${total} documents (from ${count} saves) in a fresh SQLite store (${bases.length} seed texts, each copy with its county renamed to a made-up name of its own), written one transaction each through \`Store.save\` in ${(fill / 1000).toFixed(0)} s. Requests one at a time over HTTP to \`startServer\` on 127.0.0.1 (keep-alive, body read in full), after 5 warm-up requests per kind.${ctx.quick ? ' Quick run: 1,000 documents instead of 10,000; the target is stated for 10,000.' : ''}`,
        ],
      };
    } finally {
      await server?.close();
      await store?.close();
      rmSync(tmp, { recursive: true, force: true });
    }
  },
};

async function load<T>(specifier: string, names: string[], what: string): Promise<T> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(specifier)) as Record<string, unknown>;
  } catch (e) {
    throw new SkipBench(`${what}不可用（${(e as Error).message?.split('\n')[0]}），API 基准跳过`);
  }
  const missing = names.filter((n) => typeof mod[n] !== 'function');
  if (missing.length) throw new SkipBench(`${what}不再导出 ${missing.join('、')}，API 基准跳过`);
  return mod as T;
}

export async function baseResults(): Promise<Base[]> {
  const out: Base[] = [];
  for (const file of seedFiles('.txt')) {
    const result = await checkFile(file);
    const stem = regionStem(result.document.entity.region);
    const text = readFileSync(file, 'utf8');
    if (!stem || !text.includes(stem)) continue;
    out.push({ id: basename(file, '.txt'), text, stem, result });
  }
  if (out.length === 0) throw new SkipBench('种子文本中认不出县区名称，无法生成不同的文件');
  return out;
}

/**
 * A base document as another county's, some years earlier: what the store would hold had it been
 * imported. The check result is varied, not the store record, so the record is whatever
 * `toRecord` makes of it today, however the store lays records out.
 */
export function vary(base: Base, v: Variant, toRecord: StoreModule['toRecord']): { record: DocumentRecord; bytes: Buffer } {
  const bytes = Buffer.from(varyText(base.text, base.stem, v), 'utf8');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const result = deepVary(base.result, (s) => varyText(s, base.stem, v)) as CheckResult;
  const d = result.document;
  d.source = { ...d.source, sha256, bytes: bytes.length, path: `${base.id}-${v.stem}-${v.yearsBack}.txt` };
  if (d.year !== null) d.year -= v.yearsBack;
  const record = toRecord(result, { sha256, fileName: d.source.path, sourcePath: null, size: bytes.length });
  return { record, bytes };
}

/** A copy with every string passed through `fn`; class instances (decimals) are shared, not copied. */
function deepVary(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((x) => deepVary(x, fn));
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(value)) out[k] = deepVary(x, fn);
    return out;
  }
  return value;
}

interface Row {
  group: 'get-document' | 'search' | 'aggregate';
  label: string;
  samples: number[];
}

async function measure(ctx: BenchContext, url: string, ids: number[], bases: Base[]): Promise<Row[]> {
  const rand = lcg(20240601);
  const n = (full: number) => (ctx.quick ? Math.ceil(full / 4) : full);
  const project = bases.flatMap((b) => b.result.document.projects.map((p) => p.name)).find((p) => p.length >= 4) ?? '网络安全';
  const requests: { group: Row['group']; label: string; count: number; path: () => string }[] = [
    { group: 'get-document', label: 'GET /api/documents/:id (random id)', count: n(200), path: () => `/api/documents/${ids[Math.floor(rand() * ids.length)]}` },
    { group: 'search', label: `GET /api/search?q=<county>区委 (a random stored county)`, count: n(100), path: () => `/api/search?q=${encodeURIComponent(`${STEMS[Math.floor(rand() * Math.min(ids.length, STEMS.length))]}区委`)}` },
    { group: 'search', label: `GET /api/search?q=${project}`, count: n(50), path: () => `/api/search?q=${encodeURIComponent(project)}` },
    { group: 'search', label: 'GET /api/search?q=网络安全和信息化', count: n(50), path: () => `/api/search?q=${encodeURIComponent('网络安全和信息化')}` },
    { group: 'search', label: 'GET /api/search?q=宣传 (two characters: below a trigram)', count: n(50), path: () => `/api/search?q=${encodeURIComponent('宣传')}` },
    { group: 'search', label: 'GET /api/search?q=宣 (one character)', count: n(50), path: () => `/api/search?q=${encodeURIComponent('宣')}` },
    { group: 'aggregate', label: 'GET /api/aggregates/classes', count: n(40), path: () => '/api/aggregates/classes' },
    { group: 'aggregate', label: 'GET /api/aggregates/classes?classification=economic', count: n(40), path: () => '/api/aggregates/classes?classification=economic' },
    { group: 'aggregate', label: 'GET /api/aggregates/three-public', count: n(40), path: () => '/api/aggregates/three-public' },
  ];
  const rows: Row[] = [];
  for (const req of requests) {
    ctx.log(`  ${req.label}`);
    for (let i = 0; i < 5; i++) await get(url + req.path());
    const samples: number[] = [];
    for (let i = 0; i < req.count; i++) {
      const target = url + req.path();
      samples.push(await timeIt(() => get(target)));
    }
    rows.push({ group: req.group, label: req.label, samples });
  }
  return rows;
}

async function get(url: string): Promise<void> {
  const res = await fetch(url);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`请求 ${url} 返回 ${res.status}`);
}

function verdictsOf(rows: Row[]): Verdict[] {
  const groups: Row['group'][] = ['get-document', 'search', 'aggregate'];
  return groups.map((g) => {
    const worst = rows.filter((r) => r.group === g).map((r) => ({ label: r.label, p95: stats(r.samples).p95 }));
    const top = worst.reduce((a, b) => (b.p95 > a.p95 ? b : a));
    return {
      target: `api: ${g} p95 < ${P95_LIMIT_MS} ms (10,000 documents, SQLite)`,
      measured: `${ms(top.p95)} ms${worst.length > 1 ? ` (slowest: ${top.label.replace(/^GET /, '')})` : ''}`,
      met: top.p95 < P95_LIMIT_MS,
    };
  });
}

/** Deterministic pseudo-random numbers, so every run asks for the same documents. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
