/**
 * Which PDFs the native reader reads, and why it hands the others to pdf.js: one line per file
 * with the Unsupported reason (or other failure) and the native reading time.
 *   npx tsx scripts/pdf-native-why.ts DIR|FILE…
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openNative } from '../src/read/pdf/native/index.js';

function pdfs(p: string): string[] {
  if (!statSync(p).isDirectory()) return p.endsWith('.pdf') ? [p] : [];
  return readdirSync(p)
    .sort()
    .flatMap((f) => pdfs(join(p, f)));
}

const files = process.argv.slice(2).flatMap(pdfs);
let native = 0;
for (const f of files) {
  const t0 = performance.now();
  let why = 'native';
  let pages = 0;
  try {
    const doc = openNative(readFileSync(f));
    pages = doc.numPages;
    for (let p = 1; p <= doc.numPages; p++) doc.page(p);
    native++;
  } catch (e) {
    why = `${e instanceof Error ? e.constructor.name : 'Error'}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
  }
  const ms = performance.now() - t0;
  console.log(`${why.padEnd(48)} ${String(pages).padStart(4)}p ${ms.toFixed(0).padStart(6)}ms  ${f}`);
}
console.log(`${native}/${files.length} read natively`);
