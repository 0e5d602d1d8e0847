/**
 * One rule, one file: `src/rules/<category>/<name>.ts` holds exactly the rule `<category>/<name>`,
 * and every such file is registered in src/rules/registry.ts (and nothing else is).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { RULES } from '../../src/rules/registry.js';
import { CATEGORIES, type Rule } from '../../src/rules/types.js';

const RULES_DIR = new URL('../../src/rules/', import.meta.url);

function isRule(v: unknown): v is Rule {
  return typeof v === 'object' && v !== null && typeof (v as Rule).check === 'function' && typeof (v as Rule).meta?.id === 'string';
}

test('src/rules holds only the category folders and lib/ (shared helpers)', () => {
  const folders = readdirSync(RULES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  assert.deepEqual(folders, [...CATEGORIES, 'lib'].sort());
});

test('each rule file holds one rule whose id is its path, and is registered', async () => {
  const registered = new Set(RULES);
  let files = 0;
  for (const category of CATEGORIES) {
    for (const f of readdirSync(new URL(`${category}/`, RULES_DIR)).filter((n) => n.endsWith('.ts'))) {
      files++;
      const path = `${category}/${f.slice(0, -'.ts'.length)}`;
      const mod = (await import(new URL(`${category}/${f}`, RULES_DIR).href)) as Record<string, unknown>;
      const rules = Object.values(mod).filter(isRule);
      assert.equal(rules.length, 1, `src/rules/${path}.ts exports ${rules.length} rules; a rule file exports exactly one (helpers go to src/rules/lib)`);
      const rule = rules[0];
      assert.equal(rule.meta.id, path, `src/rules/${path}.ts holds the rule “${rule.meta.id}”: the file's path must be its id`);
      assert.equal(rule.meta.category, category, `${path}: category ${rule.meta.category} but filed under ${category}/`);
      assert.ok(registered.has(rule), `src/rules/${path}.ts is not listed in src/rules/registry.ts`);
    }
  }
  assert.equal(files, RULES.length, 'src/rules/registry.ts lists a rule that has no file of its own');
});

test('every registered rule has its own file', () => {
  for (const r of RULES) assert.ok(existsSync(new URL(`${r.meta.id}.ts`, RULES_DIR)), `no file src/rules/${r.meta.id}.ts`);
});
