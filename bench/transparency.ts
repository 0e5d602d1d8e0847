/**
 * Region issue (15), transparency: the scores of a whole region (≥ 100 disclosures) computed in
 * ≤ 2 s — what `gongkai transparency --region` and `GET /api/transparency?region=` do: read each
 * disclosure's stored check results (every part), the coverage ledger's dates, score and rank.
 *
 * The region is filled from the seed texts as the API benchmark does (each copy another county of
 * the seed's city, see variants.ts); one disclosure in four is stored as two files, a 说明 and a
 * 表格 file, so the parts are combined as they are for real two-file disclosures; a ledger lists
 * every unit with an approval date, so timeliness is judged too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckResult } from '../src/pipeline.js';
import type { Store as StoreClass } from '../src/store/index.js';
import { baseResults, vary } from './api.js';
import { missingShared } from './env.js';
import { SkipBench, ms, stats, timeIt, type Benchmark, type BenchResult } from './harness.js';
import { variant } from './variants.js';

const LIMIT_MS = 2000;
const MIN_DOCUMENTS = 100;
const REGION = '河北';

export const transparencyBench: Benchmark = {
  name: 'transparency',
  title: 'Transparency scores of a whole region',
  issue: 'region issue (15): scores of a whole region (≥ 100 documents) computed in ≤ 2 s',
  skipReason() {
    return missingShared('seeds');
  },
  async run(ctx): Promise<BenchResult> {
    let mods;
    try {
      mods = {
        store: await import('../src/store/index.js'),
        profile: (await import('../src/region/transparency.js')).loadTransparencyProfile('default'),
        serve: await import('../src/serve/index.js'),
      };
    } catch (e) {
      throw new SkipBench(`透明度评分模块不可用（${(e as Error).message.split('\n')[0]}），基准跳过`);
    }
    const { Store, toRecord } = mods.store;
    const bases = await baseResults();
    const tmp = mkdtempSync(join(tmpdir(), 'gongkai-bench-transparency-'));
    let store: StoreClass | null = null;
    try {
      store = await Store.open({ db: join(tmp, 'region.db') });
      // 160 copies: the seeds placed in a Hebei city land in the region (≥ 100 of them), the
      // rest (a county printed without its city) outside it, as in a real store.
      const count = 160;
      let files = 0;
      let twoPart = 0;
      const units: { year: number; region: string; department: string; unit: string; level: string | null; kinds: ('budget' | 'final-accounts' | 'self-evaluation')[]; approvedOn: string | null; publishedOn: string | null }[] = [];
      for (let i = 0; i < count; i++) {
        const base = bases[i % bases.length];
        const v = variant(i);
        const d = base.result.document;
        const split = i % 4 === 0 && d.tables.length > 0 && d.claims.length > 0;
        const copies = split ? [partOf(base.result, 'tables'), partOf(base.result, 'narrative')] : [base.result];
        for (const [k, result] of copies.entries()) {
          const { record, bytes } = vary({ ...base, result, text: split ? `${base.text}\n${k}` : base.text }, v, toRecord);
          await store.save(record, bytes);
          files++;
        }
        if (split) twoPart++;
        const name = vary(base, v, toRecord).record;
        if (name.entity.name && name.year !== null) {
          units.push({ year: name.year, region: name.entity.region ?? '', department: name.entity.name, unit: name.entity.name, level: '县级', kinds: [name.kind as 'budget'], approvedOn: `${name.year}-01-20`, publishedOn: null });
        }
      }
      await store.importLedger(units);
      ctx.log(`  stored ${files} files (${count} disclosures, ${twoPart} of them in two parts), ledger of ${units.length} units`);

      const s = store;
      const first = await s.transparency({ region: REGION }, mods.profile);
      const scored = first.rows.length;
      const direct = [];
      for (let r = 0; r < ctx.runs; r++) direct.push(await timeIt(() => s.transparency({ region: REGION }, mods.profile)));

      const app = await mods.serve.buildApp({ store: s, workers: 0 });
      const http: number[] = [];
      try {
        const url = `/api/transparency?region=${encodeURIComponent(REGION)}`;
        const warm = await app.inject({ url });
        if (warm.statusCode !== 200) throw new Error(`GET ${url} 返回 ${warm.statusCode}`);
        for (let r = 0; r < ctx.runs; r++) {
          http.push(
            await timeIt(async () => {
              const res = await app.inject({ url });
              if (res.statusCode !== 200) throw new Error(`GET ${url} 返回 ${res.statusCode}`);
            }),
          );
        }
      } finally {
        await app.close();
      }

      const sd = stats(direct);
      const sh = stats(http);
      const worst = Math.max(sd.max, sh.max);
      const judged = first.rows.filter((row) => row.items.some((it) => it.id === 'timeliness.deadline' && it.score !== null)).length;
      return {
        tables: [
          {
            headers: ['what', 'disclosures scored', 'runs', 'median ms', 'max ms'],
            rows: [
              ['`Store.transparency({ region: 河北 })`', String(scored), String(sd.n), ms(sd.median), ms(sd.max)],
              ['`GET /api/transparency?region=河北` (JSON)', String(scored), String(sh.n), ms(sh.median), ms(sh.max)],
            ],
            align: ['l', 'r', 'r', 'r', 'r'],
          },
        ],
        verdicts: [
          {
            target: `transparency: scores of a whole region (≥ ${MIN_DOCUMENTS} disclosures) ≤ ${LIMIT_MS / 1000} s`,
            measured: `${scored} disclosures: slowest of ${sd.n + sh.n} runs ${ms(worst)} ms (median ${ms(sd.median)} ms in the store, ${ms(sh.median)} ms over HTTP)`,
            met: scored >= MIN_DOCUMENTS && worst <= LIMIT_MS,
          },
        ],
        notes: [
          `A fresh SQLite store of ${files} files: ${count} disclosures copied from ${bases.length} seed texts (each copy another made-up county of the seed's city), ${twoPart} of them stored as two files (a 表格 file and a 说明 file, one disclosure with two parts, scored as one); ${count - scored} copies lie outside ${REGION} (their county is printed without a city). A ledger lists ${units.length} units with approval dates, so timeliness was judged for ${judged} of the ${scored}. Times include reading every part's stored score input (\`versions.score_gz\`, what the score reads of the check result, a few KB each), the ledger, scoring and ranking; after one warm-up call. Before score inputs were stored the same store took 1.7–2.3 s (each check result parsed in full, ≈ 170 KB of JSON).`,
        ],
      };
    } finally {
      await store?.close();
      rmSync(tmp, { recursive: true, force: true });
    }
  },
};

/** One part of a disclosure as its own file: the tables (no prose figures) or the 说明 (no tables). */
function partOf(result: CheckResult, part: 'tables' | 'narrative'): CheckResult {
  const d = result.document;
  const document = part === 'tables' ? { ...d, claims: [], paragraphs: d.paragraphs.slice(0, 2), glossary: [] } : { ...d, tables: [] };
  return { ...result, document } as CheckResult;
}
