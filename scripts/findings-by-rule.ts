/**
 * `npx tsx scripts/findings-by-rule.ts DIR [--severity error] [--profile auto]`: checks every document
 * under DIR and counts findings by rule (and by file), to see which rules and causes dominate.
 */
import { readdirSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { checkFile } from '../src/pipeline.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const severity = opt('--severity', 'error');
const profile = opt('--profile', 'auto');
const dir = resolve(args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? '.');
const DOCS = new Set(['.pdf', '.docx', '.xlsx', '.html', '.htm', '.txt']);
const walk = (d: string): string[] =>
  readdirSync(d).sort().flatMap((n) => {
    const p = join(d, n);
    return statSync(p).isDirectory() ? walk(p) : DOCS.has(extname(n).toLowerCase()) ? [p] : [];
  });

const byRule = new Map<string, number>();
let files = 0;
let total = 0;
for (const f of walk(dir)) {
  files++;
  try {
    const r = await checkFile(f, { profile });
    const hits = r.findings.filter((x) => x.severity === severity);
    total += hits.length;
    const mine = new Map<string, number>();
    for (const h of hits) {
      byRule.set(h.rule, (byRule.get(h.rule) ?? 0) + 1);
      mine.set(h.rule, (mine.get(h.rule) ?? 0) + 1);
    }
    console.log(`${hits.length}\t${relative(dir, f)}\t${[...mine].map(([k, v]) => `${k}×${v}`).join(' ')}`);
  } catch (e) {
    console.log(`-\t${relative(dir, f)}\t${(e as Error).message}`);
  }
}
console.log(`\n${files} files, ${total} ${severity} findings (${(total / Math.max(1, files)).toFixed(2)} per file)`);
for (const [k, v] of [...byRule].sort((a, b) => b[1] - a[1])) console.log(`${v}\t${k}`);
