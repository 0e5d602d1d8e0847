import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { RULES } from '../../src/rules/index.js';
import { renderRulesDoc } from '../../src/rules/docs.js';

const DOC = new URL('../../docs/rules.md', import.meta.url);

test('docs/rules.md is up to date (regenerate with: npx tsx scripts/gen-rules-doc.ts)', () => {
  assert.equal(readFileSync(DOC, 'utf8'), renderRulesDoc());
});

test('docs/rules.md documents every rule and the profile format', () => {
  const doc = renderRulesDoc();
  for (const r of RULES) {
    assert.ok(doc.includes(`### \`${r.meta.id}\` — ${r.meta.title}`), r.meta.id);
    assert.ok(doc.includes(`> ${r.meta.example.message}`), r.meta.id);
  }
  for (const word of ['"extends"', '"categories"', '"rules"', '"roundingInfo"', '"match"', 'hebei-2022', 'ProfileError']) assert.ok(doc.includes(word), word);
});
