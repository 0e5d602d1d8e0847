/** Writes docs/rules.md from the rule catalog: `npx tsx scripts/gen-rules-doc.ts` (or with --check to fail when stale). */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderRulesDoc } from '../src/rules/docs.js';

const target = resolve(dirname(fileURLToPath(import.meta.url)), '../docs/rules.md');
const text = renderRulesDoc();

if (process.argv.includes('--check')) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== text) {
    console.error('docs/rules.md 已过期：请运行 npx tsx scripts/gen-rules-doc.ts');
    process.exit(1);
  }
  console.log('docs/rules.md 是最新的。');
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`已写入 ${target}`);
}
