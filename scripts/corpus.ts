/**
 * `npm run corpus`: checks every document of ../shared/corpus and prints, per file, its kind, year,
 * entity, the standard tables found (with their row counts), findings by severity, and the totals.
 * For the Jiangsu folders, the totals are compared with `收支预算总表.csv` (another tool's
 * extraction of the first table: a reference, not ground truth).
 *
 *   npm run corpus [-- --json | --markdown] [-- DIR]
 *
 * `--markdown` prints one table row per file (kind, year, entity, tables read and how many of them
 * their own identities verified, findings): the per-file list of docs/corpus.md.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Disclosure, Finding } from '../src/model/disclosure.js';
import { fmt, money, type Money } from '../src/model/money.js';
import { checkFile } from '../src/pipeline.js';
import { ReadError } from '../src/read/doc.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const asMarkdown = args.includes('--markdown');
const dir = resolve(args.find((a) => !a.startsWith('--')) ?? join(ROOT, '../shared/corpus'));
const DOCUMENT = new Set(['.pdf', '.docx', '.xlsx', '.html', '.htm', '.txt']);

function walk(d: string): string[] {
  return readdirSync(d)
    .sort()
    .flatMap((n) => {
      const p = join(d, n);
      return statSync(p).isDirectory() ? walk(p) : DOCUMENT.has(extname(n).toLowerCase()) ? [p] : [];
    });
}

interface Row {
  file: string;
  kind?: string;
  year?: number | null;
  entity?: string | null;
  pages?: number;
  tables?: string[];
  /** Standard tables by reading status: verified / unchecked / uncertain. */
  reading?: { verified: number; unchecked: number; uncertain: number };
  findings?: Record<Finding['severity'], number>;
  totals?: { revenue: string | null; expenditure: string | null; basic: string | null; project: string | null };
  reference?: string;
  error?: string;
  ms: number;
}

/** The reference CSV of a Jiangsu folder: year → column → value. */
function reference(folder: string): Map<number, Record<string, string>> {
  const out = new Map<number, Record<string, string>>();
  let text: string;
  try {
    text = readFileSync(join(folder, '收支预算总表.csv'), 'utf8');
  } catch {
    return out;
  }
  const [head, ...lines] = text.trim().split('\n').map((l) => l.split(','));
  for (const l of lines) {
    const rec: Record<string, string> = {};
    head.forEach((h, i) => (rec[h] = l[i]));
    out.set(Number(l[0].slice(0, 4)), rec);
  }
  return out;
}

function compareReference(d: Disclosure, ref: Record<string, string> | undefined): string | undefined {
  if (!ref) return undefined;
  const pairs: [string, Money | null, string | undefined][] = [
    ['收入合计', d.summary.revenueTotal, ref['收入合计']],
    ['支出合计', d.summary.expenditureTotal, ref['支出合计']],
    ['基本支出', d.summary.basicExpenditure, ref['基本支出']],
    ['项目支出', d.summary.projectExpenditure, ref['项目支出']],
  ];
  const diffs = pairs.filter(([, ours, theirs]) => theirs && (!ours || !ours.equals(money(theirs))));
  return diffs.length === 0 ? '与参考 CSV 一致' : diffs.map(([n, o, t]) => `${n} ${o ? fmt(o) : '—'} ≠ ${t}`).join('；');
}

const s = (v: Money | null) => (v ? v.toString() : null);

async function main(): Promise<void> {
  const files = walk(dir);
  const rows: Row[] = [];
  for (const file of files) {
    const t0 = performance.now();
    const rel = relative(dir, file);
    try {
      // Each document under the profile of its region and year (江苏 publishes 12 tables of its own).
      const r = await checkFile(file, { profile: 'auto' });
      const d = r.document;
      const findings = { error: 0, warning: 0, info: 0 };
      for (const f of r.findings) findings[f.severity]++;
      const refYear = d.year !== null ? reference(dirname(file)).get(d.year) : undefined;
      rows.push({
        file: rel,
        kind: d.kind,
        year: d.year,
        entity: d.entity.name,
        pages: d.source.pages,
        tables: d.tables.map((t) => `${t.kind}(${t.rows.length}${t.empty ? '，空表' : ''})`),
        reading: {
          verified: d.tables.filter((t) => t.reading?.status === 'verified').length,
          unchecked: d.tables.filter((t) => !t.reading || t.reading.status === 'unchecked').length,
          uncertain: d.tables.filter((t) => t.reading?.status === 'uncertain').length,
        },
        findings,
        totals: { revenue: s(d.summary.revenueTotal), expenditure: s(d.summary.expenditureTotal), basic: s(d.summary.basicExpenditure), project: s(d.summary.projectExpenditure) },
        reference: /收支预算总表|公开表|表格/.test(basename(file)) || d.tables.length ? compareReference(d, refYear) : undefined,
        ms: Math.round(performance.now() - t0),
      });
    } catch (e) {
      rows.push({ file: rel, error: e instanceof ReadError ? e.message : String(e), ms: Math.round(performance.now() - t0) });
    }
  }
  if (asJson) {
    console.log(JSON.stringify(rows, null, 2));
    return;
  }
  if (asMarkdown) {
    console.log('| 文件 | 类型 | 年度 | 单位 | 表格（核验/未核验/存疑） | 错误 | 警告 | 本年收入合计 | 本年支出合计 |');
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const r of rows) {
      if (r.error) {
        console.log(`| ${r.file} | 拒绝（退出码 2） | | | | | | | ${r.error.replace(/\|/g, '｜')} |`);
        continue;
      }
      const g = r.reading!;
      console.log(`| ${r.file} | ${r.kind} | ${r.year ?? '—'} | ${r.entity ?? '—'} | ${r.tables!.length}（${g.verified}/${g.unchecked}/${g.uncertain}） | ${r.findings!.error} | ${r.findings!.warning} | ${r.totals!.revenue ?? '—'} | ${r.totals!.expenditure ?? '—'} |`);
    }
    return;
  }
  for (const r of rows) {
    console.log(`\n${r.file}  （${r.ms} ms${r.pages ? `，${r.pages} 页` : ''}）`);
    if (r.error) {
      console.log(`  无法读取：${r.error}`);
      continue;
    }
    console.log(`  ${r.entity ?? '（未识别单位）'}　${r.year ?? '（未识别年度）'}　${r.kind}`);
    console.log(`  表格 ${r.tables!.length} 张：${r.tables!.join('、') || '无'}`);
    console.log(`  发现：错误 ${r.findings!.error}，警告 ${r.findings!.warning}，提示 ${r.findings!.info}`);
    const t = r.totals!;
    console.log(`  收入合计 ${t.revenue ?? '—'}，支出合计 ${t.expenditure ?? '—'}，基本支出 ${t.basic ?? '—'}，项目支出 ${t.project ?? '—'}（万元）`);
    if (r.reference) console.log(`  参考：${r.reference}`);
  }
  const ok = rows.filter((r) => !r.error);
  const total = (k: Finding['severity']) => ok.reduce((n, r) => n + r.findings![k], 0);
  console.log(`\n共 ${rows.length} 个文件，读取成功 ${ok.length} 个；表格 ${ok.reduce((n, r) => n + r.tables!.length, 0)} 张；错误 ${total('error')}，警告 ${total('warning')}，提示 ${total('info')}`);
}

await main();
