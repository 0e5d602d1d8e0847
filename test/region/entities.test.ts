/**
 * Entities in the store: one department whatever variant of its name, a reviewer's merge and split,
 * 本级 kept apart from 汇总, and the region filter taking in every division under the one named.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Store, toRecord } from '../../src/store/index.js';
import { backends } from '../store/backends.js';
import { synthetic, type SyntheticSpec } from '../fixtures/store/build.js';

async function save(store: Store, spec: SyntheticSpec, scope: 'department' | 'own' | null = null) {
  const { result, bytes } = synthetic(spec);
  result.document.entity.scope = scope;
  const record = toRecord(result, { sha256: result.document.source.sha256, fileName: `${spec.entity}.txt`, sourcePath: null, size: bytes.length });
  return store.save(record, bytes);
}

const tp = (total: number) => ({ total, abroad: 0, vehicle: total / 2, vehiclePurchase: 0, vehicleOperation: total / 2, reception: total / 2 });
const spec = (entity: string, year: number, extra: Partial<SyntheticSpec> = {}): SyntheticSpec => ({ entity, year, region: null as unknown as undefined, threePublic: tp(4), basic: 10, project: 5, ...extra });

for (const backend of backends('region_entities')) {
  describe(`entities on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    before(async () => {
      store = await backend.open();
    });
    after(() => store?.close());

    test('name variants of one department are one entity; its years are its documents', async () => {
      const a = await save(store, spec('中共江苏省委办公厅', 2018));
      const b = await save(store, spec('中国共产党江苏省委员会办公厅', 2017));
      const c = await save(store, spec('江苏省委办公厅', 2019));
      const docs = await store.listDocuments({ entity: '委' });
      assert.equal(new Set(docs.items.map((d) => d.entityId)).size, 1);
      assert.deepEqual(new Set([a.documentId, b.documentId, c.documentId]).size, 3);
      const aliases = await store.aliases(docs.items[0].entityId!);
      assert.deepEqual(aliases.map((x) => x.alias), ['江苏省委办']);
    });

    test('本级 and 汇总 of one year are two documents; sums take the 汇总 only', async () => {
      const all = await save(store, spec('示范市教育局', 2024, { threePublic: tp(10) }), 'department');
      const own = await save(store, spec('示范市教育局', 2024, { threePublic: tp(4), revision: 1 }), 'own');
      assert.notEqual(all.documentId, own.documentId);
      assert.equal(own.version, 1);
      const rows = await store.threePublicByYear({ entity: '示范市教育局' });
      assert.equal(rows.length, 1);
      assert.equal(rows[0].total?.toFixed(2), '10.00');
      assert.equal(rows[0].documents, 1);
    });

    test('a region filter takes in the divisions under it', async () => {
      await save(store, spec('石家庄市鹿泉区财政局', 2022));
      await save(store, spec('元氏县财政局', 2022));
      await save(store, spec('保定市徐水区财政局', 2022));
      const names = async (region: string) => (await store.listDocuments({ region, year: 2022 })).items.map((d) => d.entity).sort();
      assert.deepEqual(await names('河北'), ['保定市徐水区财政局', '元氏县财政局', '石家庄市鹿泉区财政局']);
      assert.deepEqual(await names('石家庄市'), ['元氏县财政局', '石家庄市鹿泉区财政局']);
      assert.deepEqual(await names('徐水区'), ['保定市徐水区财政局']);
      assert.deepEqual(await names('江苏'), []);
      const ents = await store.entities({ region: '河北省' });
      assert.equal(ents.total, 3);
      const tpRows = await store.threePublicByYear({ region: '石家庄' });
      assert.equal(tpRows[0].total?.toFixed(2), '8.00');
    });

    test('search ignores quotes, filters by region and groups hits by entity', async () => {
      await save(store, spec('石家庄市鹿泉区审计局', 2022, { paragraphs: ['2022年“三公”经费预算数为4.00万元，与上年持平。'] }));
      await save(store, spec('石家庄市鹿泉区审计局', 2023, { paragraphs: ['“三公”经费预算4.00万元。'] }));
      await save(store, spec('西安市审计局', 2023, { paragraphs: ['三公经费4.00万元'] }));
      const all = await store.search('三公经费');
      assert.equal(all.total, 3);
      assert.deepEqual(all.groups.map((g) => [g.entity, g.items.length]), [['石家庄市鹿泉区审计局', 2], ['西安市审计局', 1]]);
      const hebei = await store.search('“三公”经费，预算', {}, { region: '河北' });
      assert.deepEqual(hebei.items.map((i) => [i.entity, i.year]), [['石家庄市鹿泉区审计局', 2022], ['石家庄市鹿泉区审计局', 2023]]);
    });

    test('a reviewer merges two entities (their shared year becomes one disclosure) and splits a name off again', async () => {
      const x = await save(store, spec('示范市机关事务管理局', 2023, { threePublic: tp(6) }));
      const y = await save(store, spec('示范市机关事务服务中心', 2023, { threePublic: tp(6), revision: 2 }));
      await save(store, spec('示范市机关事务服务中心', 2022, { threePublic: tp(2) }));
      const [ex, ey] = await Promise.all([x, y].map(async (s) => (await store.listDocuments({})).items.find((d) => d.id === s.documentId)!.entityId!));
      assert.notEqual(ex, ey);
      await store.mergeEntities(ey, ex);
      const docs = (await store.listDocuments({ entityId: ex })).items;
      assert.deepEqual(docs.map((d) => d.year).sort(), [2022, 2023]);
      const d2023 = docs.find((d) => d.year === 2023)!;
      assert.equal((await store.versions(d2023.id))?.length, 2);
      assert.equal((await store.threePublicByYear({ entityId: ex, year: 2023 }))[0].total?.toFixed(2), '6.00');
      assert.equal(await store.entity(ey), null);
      // The next file printing the merged name lands on the merged entity.
      const z = await save(store, spec('示范市机关事务服务中心', 2021));
      assert.equal((await store.listDocuments({ entityId: ex })).items.some((d) => d.id === z.documentId), true);

      const back = await store.splitEntity(ex, '示范市机关事务服务中心');
      const moved = (await store.listDocuments({ entityId: back })).items.map((d) => d.year).sort();
      // 2021 and 2022 were printed under that name only; 2023 holds files of both names and stays.
      assert.deepEqual(moved, [2021, 2022]);
      await assert.rejects(store.mergeEntities(back, back), /不能把单位合并到它自己/);
    });
  });
}
