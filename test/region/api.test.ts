/** The region routes over HTTP: search with a region, the ledger as JSON and Excel, transparency, merge. */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/serve/index.js';
import { toRecord, type Store } from '../../src/store/index.js';
import { backends } from '../store/backends.js';
import { synthetic, type SyntheticSpec } from '../fixtures/store/build.js';

const tp = { total: 4, abroad: 0, vehicle: 2, vehiclePurchase: 0, vehicleOperation: 2, reception: 2 };

async function save(store: Store, spec: SyntheticSpec) {
  const { result, bytes } = synthetic(spec);
  return store.save(toRecord(result, { sha256: result.document.source.sha256, fileName: 'x.txt', sourcePath: null, size: bytes.length }), bytes);
}

for (const backend of backends('region_api')) {
  describe(`region API on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    let app: FastifyInstance;
    before(async () => {
      store = await backend.open();
      app = await buildApp({ store, workers: 0 });
      await save(store, { entity: '保定市徐水区财政局', year: 2024, threePublic: tp, basic: 1, project: 1, paragraphs: ['“三公”经费4.00万元，比上年减少0.50万元，主要原因是压减公务接待。'] });
      await save(store, { entity: '中共保定市徐水区委办公室', year: 2024, threePublic: tp, basic: 1, project: 1 });
      await save(store, { entity: '无锡市统计局', year: 2024, threePublic: tp, basic: 1, project: 1, paragraphs: ['三公经费4.00万元'] });
    });
    after(async () => {
      await app?.close();
      await store?.close();
    });

    test('GET /api/search finds what people type, within a region, grouped by entity', async () => {
      const res = await app.inject({ url: `/api/search?q=${encodeURIComponent('三公经费')}&region=${encodeURIComponent('保定市')}` });
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.equal(body.total, 1);
      assert.equal(body.groups[0].entity, '保定市徐水区财政局');
    });

    test('POST /api/ledger then GET /api/ledger as JSON and as Excel with Chinese headers', async () => {
      const rows = [
        ['地区', '部门', '单位', '年度', '批复日期', '公开日期'],
        ['徐水区', '财政局', '财政局', 2024, '2024-01-10', '2024-02-15'],
        ['徐水区', '区委办', '中国共产党保定市徐水区委员会办公室', 2024, '2024-01-10', '2024-01-20'],
        ['徐水区', '审计局', '审计局', 2024, '2024-01-10', null],
      ];
      const bad = await app.inject({ method: 'POST', url: '/api/ledger', payload: { name: '名单.xlsx', rows: [['部门', '单位'], ['a', 'b']] } });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().message ?? bad.body, /名单\.xlsx：表头缺少“地区”列/);
      const ok = await app.inject({ method: 'POST', url: '/api/ledger', payload: { rows } });
      assert.deepEqual(ok.json(), { units: 3 });
      const json = (await app.inject({ url: '/api/ledger?year=2024' })).json();
      assert.deepEqual(json.counts, { units: 3, expected: 3, published: 1, late: 1, missing: 1 });
      const xlsx = await app.inject({ url: '/api/ledger?year=2024&format=xlsx' });
      assert.equal(xlsx.statusCode, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      assert.equal(ws.getRow(1).getCell(7).value, '状态');
      assert.equal(ws.rowCount, 4);
    });

    test('GET /api/transparency ranks the region with reasons; CSV has Chinese headers', async () => {
      const res = await app.inject({ url: `/api/transparency?region=${encodeURIComponent('河北')}` });
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.equal(body.rows.length, 2);
      assert.equal(body.rows[0].rank, 1);
      assert.ok(body.rows.every((r: { items: { reasons: string[]; score: number | null; max: number }[] }) => r.items.every((i) => i.score === i.max || i.reasons.length > 0)));
      const csv = await app.inject({ url: `/api/transparency?region=${encodeURIComponent('河北')}&format=csv` });
      assert.match(csv.body, /^\uFEFF排名,单位,地区,年度,公开类型,文档编号,透明度得分,及时性,完整性,细化程度,准确性,公开形式,失分原因/);
      const badProfile = await app.inject({ url: '/api/transparency?profile=nope' });
      assert.equal(badProfile.statusCode, 400);
    });

    test('POST /api/entities/:id/merge and /split edit the alias table', async () => {
      const ents = (await store.entities({ region: '徐水区' })).items;
      const [a, b] = ents.map((e) => e.id);
      const merged = await app.inject({ method: 'POST', url: `/api/entities/${a}/merge`, payload: { into: b } });
      assert.equal(merged.statusCode, 200);
      const aliases = (await app.inject({ url: `/api/entities/${b}/aliases` })).json();
      assert.equal(aliases.length, 2);
      const missing = await app.inject({ method: 'POST', url: `/api/entities/${a}/merge`, payload: { into: b } });
      assert.equal(missing.statusCode, 404);
    });
  });
}

test('the server does not depend on the CLI: no module under src/serve imports from src/cli', async () => {
  const { readdir, readFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const root = new URL('../../src/serve/', import.meta.url).pathname;
  const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.ts'));
  assert.ok(files.length > 5);
  for (const f of files) {
    const text = await readFile(join(root, f), 'utf8');
    assert.doesNotMatch(text, /from\s+['"][./]*\/cli\//, `${f} imports from src/cli`);
  }
});
