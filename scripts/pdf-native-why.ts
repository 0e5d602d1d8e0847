/**
 * Which PDFs the native reader reads, and why it hands the others to pdf.js: one line per file
 * with the Unsupported reason (or other failure), the page count and the native reading time.
 * With --stages, also where a check of the file spends its time (CPU ms, after a warm-up run):
 * native page reading, the whole read (pages laid out into paragraphs and tables), recognition,
 * rules — and pdftotext -layout on the same file (CPU ms by GNU time, start-up included; CPU
 * time, because on a shared machine wall time says more about the neighbours), to say why a file
 * is slow against it.
 *   npx tsx scripts/pdf-native-why.ts [--stages] DIR|FILE…
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readDocumentFile } from '../src/read/index.js';
import { openNative } from '../src/read/pdf/native/index.js';
import { recognize } from '../src/recognize/index.js';
import { runRules } from '../src/rules/index.js';

function pdfs(p: string): string[] {
  if (!statSync(p).isDirectory()) return p.endsWith('.pdf') ? [p] : [];
  return readdirSync(p)
    .sort()
    .flatMap((f) => pdfs(join(p, f)));
}

/** CPU milliseconds of one call, the better of two. */
async function cpu(fn: () => unknown): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < 2; i++) {
    const c0 = process.cpuUsage();
    await fn();
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1000);
  }
  return best;
}

/** pdftotext's CPU milliseconds (user + system, from GNU time), start-up included. */
function popplerCpu(file: string): number {
  const out = spawnSync('/usr/bin/time', ['-f', '%U %S', 'pdftotext', '-layout', file, '/dev/null'], { encoding: 'utf8' }).stderr;
  const [u, s] = out.trim().split('\n').pop()!.split(' ').map(Number);
  return (u + s) * 1000;
}

const args = process.argv.slice(2);
const stages = args.includes('--stages');
const files = args.filter((a) => a !== '--stages').flatMap(pdfs);
let native = 0;
for (const f of files) {
  const bytes = readFileSync(f);
  const readAll = () => {
    const doc = openNative(bytes);
    for (let p = 1; p <= doc.numPages; p++) doc.page(p);
    return doc.numPages;
  };
  const t0 = performance.now();
  let why = 'native';
  let pages = 0;
  try {
    pages = readAll();
    native++;
  } catch (e) {
    why = `${e instanceof Error ? e.constructor.name : 'Error'}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
  }
  const ms = performance.now() - t0;
  let detail = '';
  if (stages) {
    const doc = await readDocumentFile(f);
    const { disclosure } = recognize(doc);
    const nativeMs = why === 'native' ? await cpu(readAll) : NaN;
    const readMs = await cpu(() => readDocumentFile(f));
    const recognizeMs = await cpu(() => recognize(doc));
    const rulesMs = await cpu(() => runRules(disclosure));
    const popplerMs = Math.min(popplerCpu(f), popplerCpu(f));
    const total = readMs + recognizeMs + rulesMs;
    detail = ` | cpu ms: native ${nativeMs.toFixed(0)}, read ${readMs.toFixed(0)}, recognize ${recognizeMs.toFixed(0)}, rules ${rulesMs.toFixed(0)} = ${total.toFixed(0)}; pdftotext ${popplerMs.toFixed(0)} (${(total / popplerMs).toFixed(2)}×)`;
  }
  console.log(`${why.padEnd(40)} ${String(pages).padStart(4)}p ${ms.toFixed(0).padStart(6)}ms${detail}  ${f}`);
}
console.log(`${native}/${files.length} read natively`);
