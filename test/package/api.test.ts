/**
 * The public entry point as a user gets it: `import … from 'gongkai'` resolves through the
 * package's `exports` to the compiled dist/index.js (the test suite builds first).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../helpers/shared.js';

// Typed by the sources dist/ is compiled from; a variable specifier, so type-checking never needs dist/.
type Api = typeof import('../../src/index.js');
const PACKAGE = 'gongkai';
const api = (await import(PACKAGE)) as Api;
const SAMPLE = join(ROOT, 'examples/sample-budget.txt');

test('the package name resolves to the compiled library', () => {
  assert.match(import.meta.resolve(PACKAGE), /\/dist\/index\.js$/);
});

test('checkFile and checkBytes give the model and findings; rules run with a profile', async () => {
  const r = await api.checkFile(SAMPLE);
  assert.equal(r.document.year, 2024);
  assert.equal(r.document.kind, 'budget');
  assert.ok(r.findings.some((f) => f.severity === 'error'));
  assert.ok(r.document.summary.expenditureTotal instanceof api.Money);

  const b = await api.checkBytes(readFileSync(SAMPLE), 'sample.txt', { profile: 'strict' });
  assert.equal(b.document.entity.name, r.document.entity.name);
  const only = api.runRules(r.document, { profile: 'default', only: ['completeness/standard-tables'] });
  assert.deepEqual([...new Set(only.map((f) => f.rule))], ['completeness/standard-tables']);
  assert.ok(api.listProfiles().includes('default'));
  await assert.rejects(api.checkFile(join(ROOT, 'no-such-file.pdf')), api.ReadError);
});

test('the model validates a result and the JSON Schema is the shipped one', async () => {
  const r = await api.checkFile(SAMPLE);
  assert.ok(api.CheckResultSchema.safeParse(r).success);
  const shipped = JSON.parse(readFileSync(join(ROOT, 'schema/check-result.schema.json'), 'utf8'));
  assert.deepEqual(api.checkResultJsonSchema(), shipped);
});

test('store, import and server through the entry point', async () => {
  const store = await api.openStore({ db: ':memory:' });
  const server = await api.startServer({ port: 0, db: store, workers: 0 });
  try {
    const s = await api.importPaths([SAMPLE], { db: store, workers: 0 });
    assert.equal(s.imported, 1);
    const res = await fetch(`${server.url}/api/documents`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as { total: number };
    assert.equal(body.total, 1);
  } finally {
    await server.close();
    await store.close();
  }
});
