/**
 * Reading findings (read/…) are catalog entries: on by default at their catalog severity, and a
 * profile switches them off or re-grades them by id, as it does rules.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { READING_FINDINGS } from '../../src/findings/catalog.js';
import { checkBytes } from '../../src/pipeline.js';
import { ProfileError } from '../../src/rules/index.js';

// The project's sample disclosure, saved as GB18030: the text reader decodes it and says so.
const sample = readFileSync(new URL('../../examples/sample-budget.txt', import.meta.url), 'utf8');
const gbk = iconv.encode(sample, 'gb18030');

const encoding = (fs: { rule: string; severity: string }[]) => fs.filter((f) => f.rule === 'read/txt-encoding');

describe('reading findings catalog', () => {
  test('a reader warning comes at its catalog severity by default', async () => {
    const { findings } = await checkBytes(gbk, 'sample.txt', { profile: 'default' });
    assert.deepEqual(encoding(findings).map((f) => f.severity), ['info']);
    assert.equal(READING_FINDINGS.find((e) => e.id === 'read/txt-encoding')?.severity, 'info');
  });

  test('a profile switches it off', async () => {
    const { findings } = await checkBytes(gbk, 'sample.txt', { profile: { extends: 'default', rules: { 'read/txt-encoding': 'off' } } });
    assert.deepEqual(encoding(findings), []);
  });

  test('a profile re-grades it', async () => {
    const { findings } = await checkBytes(gbk, 'sample.txt', { profile: { extends: 'default', rules: { 'read/txt-encoding': 'warning' } } });
    assert.deepEqual(encoding(findings).map((f) => f.severity), ['warning']);
  });

  test('an id in no catalog is still refused', async () => {
    await assert.rejects(checkBytes(gbk, 'sample.txt', { profile: { rules: { 'read/no-such-thing': 'off' } } }), ProfileError);
  });

  test('ids are unique and every entry has a Chinese title and a description', () => {
    const ids = READING_FINDINGS.map((e) => e.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const e of READING_FINDINGS) {
      assert.match(e.id, /^read\/[a-z0-9-]+$/);
      assert.match(e.title, /\p{Script=Han}/u);
      assert.ok(e.description.length > 10, e.id);
    }
  });
});
