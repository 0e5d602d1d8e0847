/** Every registered rule has a document it stays silent on and one it reports, and the catalog is well-formed. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RULES } from '../../src/rules/index.js';
import { CATEGORIES } from '../../src/rules/types.js';
import { allCases } from './tester.js';

const ALL = await allCases();

test('the catalog has at least 50 rules with unique kebab-case ids grouped by category', () => {
  assert.ok(RULES.length >= 50, `only ${RULES.length} rules`);
  const ids = RULES.map((r) => r.meta.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const r of RULES) {
    const [cat, name, ...rest] = r.meta.id.split('/');
    assert.equal(rest.length, 0, r.meta.id);
    assert.equal(cat, r.meta.category, `${r.meta.id} is filed under ${r.meta.category}`);
    assert.match(name, /^[a-z0-9]+(-[a-z0-9]+)*$/, r.meta.id);
    assert.ok((CATEGORIES as readonly string[]).includes(r.meta.category));
  }
});

test('every rule documents its title, basis, description and an example in Chinese', () => {
  for (const r of RULES) {
    const m = r.meta;
    for (const [k, v] of Object.entries({ title: m.title, basis: m.basis, description: m.description, bad: m.example.bad, message: m.example.message })) {
      assert.ok(v && v.trim().length >= 4, `${m.id}: ${k} is empty`);
    }
    assert.match(m.title, /[\u4e00-\u9fa5]/, `${m.id}: title not Chinese`);
    assert.match(m.example.message, /[\u4e00-\u9fa5]/, `${m.id}: example message not Chinese`);
    assert.ok(!m.example.message.includes('\n'), `${m.id}: message on more than one line`);
  }
});

test('every registered rule has a valid case and an invalid case with findings', () => {
  const missing: string[] = [];
  for (const r of RULES) {
    const c = ALL[r.meta.id];
    if (!c || !c.valid.length || !c.invalid.length || c.invalid.some((i) => !i.findings.length)) missing.push(r.meta.id);
  }
  assert.deepEqual(missing, []);
});

test('no cases for rules that are not registered', () => {
  const ids = new Set(RULES.map((r) => r.meta.id));
  assert.deepEqual(Object.keys(ALL).filter((id) => !ids.has(id)), []);
});

test('all eight categories are covered', () => {
  const cats = new Set(RULES.map((r) => r.meta.category));
  for (const c of CATEGORIES) assert.ok(cats.has(c), c);
});
