/**
 * A document's standard tables a page of rows at a time (GET /api/documents/:id/tables and
 * /tables/:index), on SQLite and PostgreSQL: the rows and figures are the check result's own, a
 * page is exactly the rows asked for, and a table of 20,000 rows answers a page of 50 rows (the
 * document's check result is never what a page is made from).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/serve/index.js';
import { toRecord, type Store } from '../../src/store/index.js';
import { backends } from '../store/backends.js';
import { synthetic, QINGSHAN_2022, type SyntheticSpec } from '../fixtures/store/build.js';

async function save(store: Store, spec: SyntheticSpec): Promise<number> {
  const { result, bytes } = synthetic(spec);
  const record = toRecord(result, { sha256: result.document.source.sha256, fileName: `${spec.entity}.txt`, sourcePath: null, size: bytes.length });
  return (await store.save(record, bytes)).documentId;
}

const HUGE: SyntheticSpec = {
  entity: '示范市大表测试局',
  region: '示范市',
  year: 2024,
  functional: Array.from({ length: 20_000 }, (_, i) => ({ code: `2${String(i).padStart(6, '0')}`, name: `第${i + 1}项`, total: `${i + 1}.25`, basic: `${i + 1}.25` })),
};

for (const backend of backends('tables')) {
  describe(`tables a page at a time on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    let app: FastifyInstance;
    let small: number;
    let huge: number;
    before(async () => {
      store = await backend.open();
      app = await buildApp({ store, workers: 0 });
      small = await save(store, QINGSHAN_2022);
      huge = await save(store, HUGE);
    });
    after(async () => {
      await app?.close();
      await store?.close();
    });

    test('the tables and their rows are those of the check result', async () => {
      const doc = (await app.inject({ method: 'GET', url: `/api/documents/${small}` })).json();
      const list = await app.inject({ method: 'GET', url: `/api/documents/${small}/tables` });
      assert.equal(list.statusCode, 200);
      const tables = list.json() as { index: number; kind: string; title: string; rows: number }[];
      assert.ok(tables.length >= 2);
      for (const t of tables) {
        const source = doc.document.tables[t.index];
        assert.equal(t.kind, source.kind);
        assert.equal(t.title, source.title);
        const stated = source.rows.map((r: { values: Record<string, { value: number } | null> }, i: number) => [i, r] as const).filter(([, r]: readonly [number, { values: Record<string, { value: number } | null> }]) => Object.values(r.values).some((f) => f?.value));
        assert.equal(t.rows, stated.length);
        const res = await app.inject({ method: 'GET', url: `/api/documents/${small}/tables/${t.index}?limit=1000` });
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers['x-total-count'], String(stated.length));
        const rows = res.json() as { rowIndex: number; code: string | null; name: string; values: Record<string, number> }[];
        assert.deepEqual(
          rows.map((r) => [r.rowIndex, r.code, r.name, r.values]),
          stated.map(([i, r]: readonly [number, { code: string | null; name: string; values: Record<string, { value: number } | null> }]) => [
            i,
            r.code,
            r.name,
            Object.fromEntries(Object.entries(r.values).filter(([, f]) => f?.value).map(([k, f]) => [k, f!.value])),
          ]),
        );
      }
    });

    test('a table of 20,000 rows: a page is the rows asked for, the total in X-Total-Count', async () => {
      const [t] = (await app.inject({ method: 'GET', url: `/api/documents/${huge}/tables` })).json() as { index: number; rows: number }[];
      assert.equal(t.rows, 20_000);
      const res = await app.inject({ method: 'GET', url: `/api/documents/${huge}/tables/${t.index}?offset=12345&limit=50` });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['x-total-count'], '20000');
      const rows = res.json() as { rowIndex: number; code: string; values: Record<string, number> }[];
      assert.equal(rows.length, 50);
      assert.equal(rows[0].code, `2${String(12345).padStart(6, '0')}`);
      assert.deepEqual(rows[0].values, { total: 12346.25, basic: 12346.25 });
      assert.equal(rows[49].code, `2${String(12394).padStart(6, '0')}`);
      // Past the end: an empty page, still the total.
      const beyond = await app.inject({ method: 'GET', url: `/api/documents/${huge}/tables/${t.index}?offset=20000` });
      assert.deepEqual(beyond.json(), []);
      assert.equal(beyond.headers['x-total-count'], '20000');
      // The default page is 200 rows.
      assert.equal(((await app.inject({ method: 'GET', url: `/api/documents/${huge}/tables/${t.index}` })).json() as unknown[]).length, 200);
    });

    test('an unknown document, version or table: 404 in one line; a page too large: 400', async () => {
      assert.equal((await app.inject({ method: 'GET', url: '/api/documents/99999/tables' })).statusCode, 404);
      const noTable = await app.inject({ method: 'GET', url: `/api/documents/${small}/tables/999` });
      assert.equal(noTable.statusCode, 404);
      assert.match(noTable.json().error, /^文件 \d+ 没有第 999 张表格/);
      assert.equal((await app.inject({ method: 'GET', url: `/api/documents/${small}/tables/0?version=9` })).statusCode, 404);
      assert.equal((await app.inject({ method: 'GET', url: `/api/documents/${small}/tables/0?limit=100000` })).statusCode, 400);
    });
  });
}
