import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importPaths, type ImportEvent } from '../../src/import/index.js';
import { Store } from '../../src/store/index.js';
import { sharedOnly, seed, SEED } from '../helpers/shared.js';

const LUQUAN = '中共石家庄市鹿泉区委网络安全和信息化委员会办公室';

test('the real seeds through the real pipeline in worker threads: documents, versions, search, aggregates', sharedOnly, async () => {
  const files = [
    seed(`${SEED.xushui}.docx`),
    seed(`${SEED.luancheng}.docx`),
    seed(`${SEED.luquan}.docx`),
    seed(`${SEED.yuanshi}.docx`),
    seed(`${SEED.luquan}.txt`),
    seed(`${SEED.luquan}.pdf`),
  ];
  const store = await Store.open({ db: ':memory:' });
  try {
    const events: ImportEvent[] = [];
    const s = await importPaths(files, { db: store, workers: 2, onProgress: (e) => events.push(e) });
    assert.deepEqual(s.failed, []);
    assert.equal(s.imported, 6);
    // Only the PDF has pages: 20.
    assert.equal(s.pages, 20);
    const fileEvents = events.flatMap((e) => (e.type === 'file' ? [e] : []));
    assert.deepEqual(fileEvents.map((e) => e.done), [1, 2, 3, 4, 5, 6]);
    assert.equal(fileEvents.at(-1)!.pagesDone, 20);

    const docs = await store.listDocuments();
    assert.deepEqual(
      docs.items.map((d) => [d.entity, d.year, d.kind, d.versions, d.format]),
      [
        ['中共保定市徐水区委网络安全和信息化委员会办公室', 2022, 'budget', 1, 'docx'],
        ['中共石家庄市栾城区委网络安全和信息化委员会办公室', 2020, 'budget', 1, 'docx'],
        // docx, then txt, then pdf of the same document: three versions, the last listed is current.
        [LUQUAN, 2022, 'budget', 3, 'pdf'],
        ['中共元氏县委网络安全和信息化委员会办公室', 2022, 'self-evaluation', 1, 'docx'],
      ],
    );
    const luquan = docs.items[2];
    assert.deepEqual((await store.versions(luquan.id))!.map((v) => [v.version, v.format]), [
      [1, 'docx'],
      [2, 'txt'],
      [3, 'pdf'],
    ]);

    const hits = await store.search('鹿泉区委网络');
    assert.deepEqual(hits.items.map((h) => [h.id, h.entity, h.matches[0].field]), [[luquan.id, LUQUAN, 'entity']]);

    // 部门预算支出总表 and 一般公共预算财政拨款基本支出表 of the 鹿泉 document, 类 rows, 合计 column.
    const functional = await store.byClass({ classification: 'functional', entity: '鹿泉' });
    assert.deepEqual(functional.map((r) => [r.year, r.code, r.amount.toFixed(2)]), [
      [2022, '201', '240.05'],
      [2022, '208', '28.29'],
      [2022, '210', '14.08'],
      [2022, '221', '19.85'],
    ]);
    const economic = await store.byClass({ classification: 'economic', entity: '鹿泉' });
    assert.deepEqual(economic.map((r) => [r.code, r.amount.toFixed(2)]), [
      ['301', '196.35'],
      ['302', '28.78'],
      ['303', '13.29'],
    ]);
    // 支出说明: 鹿泉 基本支出 238.42 + 项目支出 63.85; 徐水 187.66 + 12.88.
    const bp = await store.basicVsProject({ year: 2022, kind: 'budget' });
    assert.deepEqual(bp.map((r) => [r.entity, r.basic?.toFixed(2), r.project?.toFixed(2)]).sort(), [
      ['中共保定市徐水区委网络安全和信息化委员会办公室', '187.66', '12.88'],
      [LUQUAN, '238.42', '63.85'],
    ]);

    const fund = [];
    for await (const r of store.lineItems({ entity: '鹿泉', classification: 'economic', code: '30113' })) fund.push([r.name, r.measure, r.amount]);
    assert.deepEqual(fund, [
      ['住房公积金', 'total', '19.85'],
      ['住房公积金', 'personnel', '19.85'],
    ]);

    const again = await importPaths(files, { db: store, workers: 2 });
    assert.deepEqual([again.imported, again.duplicates, again.failed.length], [0, 6, 0]);
  } finally {
    await store.close();
  }
});
