/**
 * One source for each shape: routes take their types from their zod schemas (no casts of
 * `req.params` / `req.query` / `req.body`), and DATABASE_URL is read in one place. Requests that
 * break a schema get one Chinese line naming the parameter.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import { buildApp } from '../../src/serve/index.js';
import { Store } from '../../src/store/index.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

test('no route casts its request: params, query and body are typed by the route schema', () => {
  for (const f of files(join(SRC, 'serve'))) {
    const text = readFileSync(f, 'utf8');
    assert.doesNotMatch(text, /\breq(uest)?\.(params|query|body)\s+as\b/, `${relative(SRC, f)} casts a request part`);
  }
});

test('DATABASE_URL is read in src/store/open.ts only', () => {
  const readers = files(SRC).filter((f) => /process\.env\.DATABASE_URL|process\.env\[['"]DATABASE_URL/.test(readFileSync(f, 'utf8')));
  assert.deepEqual(readers.map((f) => relative(SRC, f)), ['store/open.ts']);
});

test('a request that breaks a schema: 400 with one Chinese line naming the parameter', async () => {
  const store = await Store.open({ db: ':memory:' });
  const app = await buildApp({ store, workers: 0 });
  try {
    const cases: [string, RegExp][] = [
      ['/api/documents?limit=0', /^请求参数不合法：查询参数 limit：数值过小/],
      ['/api/documents?year=abc', /^请求参数不合法：查询参数 year：无效输入/],
      ['/api/documents?colour=red', /^请求参数不合法：查询参数：出现未知的键\(key\): "colour"$/],
      ['/api/documents/0', /^请求参数不合法：路径参数 id：数值过小/],
      ['/api/aggregates/classes?classification=other', /^请求参数不合法：查询参数 classification：/],
    ];
    for (const [url, message] of cases) {
      const res = await app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 400, url);
      assert.match(res.json().error, message, url);
      assert.doesNotMatch(res.json().error, /\n/);
    }
    // Coercion and defaults come from the same schemas.
    const ok = await app.inject({ method: 'GET', url: '/api/documents?year=2024&offset=0' });
    assert.deepEqual(ok.json(), { total: 0, items: [] });
  } finally {
    await app.close();
    await store.close();
  }
});
