/**
 * The reviewer's store functions on both back ends: the dashboard list (filters by region prefix,
 * year, kind, rule and severity; sorting; paging with totals over every match), the filter facets,
 * and verdicts on findings (kept with the version, checked against the finding, exported).
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Store, toRecord } from '../../src/store/index.js';
import { VerdictError } from '../../src/store/verdicts.js';
import { backends } from './backends.js';
import { finding, synthetic, HUXI_2022, QINGSHAN_2022, QINGSHAN_2023, type SyntheticSpec } from '../fixtures/store/build.js';

const HEDONG_2023: SyntheticSpec = {
  entity: '另一市河东区教育局',
  region: '另一市河东区',
  level: 'county',
  year: 2023,
  kind: 'final-accounts',
  findings: [
    finding('t3/row-sum', 'error', '部门支出总表 205 行合计 88.10 万元，与各列之和 88.01 万元不一致。'),
    finding('t3/row-sum', 'error', '部门支出总表 206 行合计 12.00 万元，与各列之和 12.10 万元不一致。'),
    finding('narrative/total', 'warning', '支出说明中支出总额与收支总表相差 0.09 万元。'),
  ],
};

async function save(store: Store, spec: SyntheticSpec) {
  const { result, bytes } = synthetic(spec);
  const record = toRecord(result, { sha256: result.document.source.sha256, fileName: `${spec.entity}.txt`, sourcePath: null, size: bytes.length });
  return store.save(record, bytes);
}

for (const backend of backends('review')) {
  describe(`review store on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    const id: Record<string, number> = {};
    before(async () => {
      store = await backend.open();
      id.qingshan22 = (await save(store, QINGSHAN_2022)).documentId;
      id.huxi22 = (await save(store, HUXI_2022)).documentId;
      id.qingshan23 = (await save(store, QINGSHAN_2023)).documentId;
      id.hedong23 = (await save(store, HEDONG_2023)).documentId;
    });
    after(() => store?.close());

    const ids = (l: { items: { id: number }[] }) => l.items.map((d) => d.id);

    test('the list: every document with its counts, most errors first, totals over all matches', async () => {
      const all = await store.reviewList({});
      assert.equal(all.total, 4);
      assert.deepEqual(all.findings, { error: 3, warning: 2, info: 1 });
      assert.equal(all.items[0].id, id.hedong23);
      assert.deepEqual(all.items[0].findings, { error: 2, warning: 1, info: 0 });
      assert.equal(all.items[0].entity, '另一市河东区教育局');
      assert.equal(all.items[0].region, '另一市河东区');
      assert.equal(all.items[0].kind, 'final-accounts');
      assert.equal(all.items[0].year, 2023);
      assert.equal(all.items[1].id, id.qingshan22);
      // A page of the same order; the totals still count every match.
      const page = await store.reviewList({}, {}, { limit: 2, offset: 2 });
      assert.equal(page.total, 4);
      assert.deepEqual(page.findings, all.findings);
      assert.deepEqual(ids(page), ids(all).slice(2));
    });

    test('filters: region prefix, year, kind, rule, severity, and together', async () => {
      const sorted = async (f: Parameters<Store['reviewList']>[0]) => ids(await store.reviewList(f)).sort((a, b) => a - b);
      assert.deepEqual(await sorted({ regionPrefix: '示范市' }), [id.qingshan22, id.huxi22, id.qingshan23].sort((a, b) => a - b));
      assert.deepEqual(await sorted({ regionPrefix: '示范市青山' }), [id.qingshan22, id.qingshan23].sort((a, b) => a - b));
      assert.deepEqual(await sorted({ year: 2022 }), [id.qingshan22, id.huxi22].sort((a, b) => a - b));
      assert.deepEqual(await sorted({ kind: 'final-accounts' }), [id.hedong23]);
      assert.deepEqual(await sorted({ rule: 't3/row-sum' }), [id.qingshan22, id.hedong23].sort((a, b) => a - b));
      assert.deepEqual(await sorted({ severity: 'info' }), [id.huxi22]);
      assert.deepEqual(await sorted({ severity: 'error', year: 2022 }), [id.qingshan22]);
      const narrowed = await store.reviewList({ rule: 'narrative/total' });
      assert.equal(narrowed.total, 2);
      assert.deepEqual(narrowed.findings, { error: 2, warning: 2, info: 1 });
      assert.deepEqual(await store.reviewList({ year: 2030 }), { total: 0, findings: { error: 0, warning: 0, info: 0 }, items: [] });
    });

    test('sorting: by year ascending and descending, ties by document number', async () => {
      const asc = await store.reviewList({}, { by: 'year', order: 'asc' });
      assert.deepEqual(asc.items.map((d) => d.year), [2022, 2022, 2023, 2023]);
      assert.deepEqual(ids(asc).slice(0, 2), [id.qingshan22, id.huxi22].sort((a, b) => a - b));
      const desc = await store.reviewList({}, { by: 'year', order: 'desc' });
      assert.deepEqual(desc.items.map((d) => d.year), [2023, 2023, 2022, 2022]);
    });

    test('facets: the values each filter can take, with their document counts', async () => {
      const f = await store.reviewFacets();
      assert.deepEqual(f.years, [
        { year: 2023, documents: 2 },
        { year: 2022, documents: 2 },
      ]);
      assert.deepEqual(f.kinds, [
        { kind: 'budget', documents: 3 },
        { kind: 'final-accounts', documents: 1 },
      ]);
      assert.deepEqual(
        [...f.rules].sort((a, b) => (a.rule < b.rule ? -1 : 1)),
        [
          { rule: 'narrative/total', documents: 2 },
          { rule: 'privacy/phone', documents: 1 },
          { rule: 't3/row-sum', documents: 2 },
        ],
      );
      assert.deepEqual(
        [...f.regions].sort((a, b) => (a.region < b.region ? -1 : 1)),
        [
          { region: '另一市河东区', documents: 1 },
          { region: '示范市湖西区', documents: 1 },
          { region: '示范市青山区', documents: 2 },
        ].sort((a, b) => (a.region < b.region ? -1 : 1)),
      );
    });

    test('verdicts: given, changed, checked against the finding, kept with their version, exported, cleared', async () => {
      const doc = id.hedong23;
      const v = await store.setVerdict(doc, 1, { status: 'dismissed', reason: '表中 206 行为转列，已核对', rule: 't3/row-sum', reviewer: '审核员甲' });
      assert.equal(v.status, 'dismissed');
      assert.match(v.message, /206 行/);
      assert.deepEqual(
        (await store.verdicts(doc))!.map((x) => [x.index, x.status, x.reason, x.reviewer]),
        [[1, 'dismissed', '表中 206 行为转列，已核对', '审核员甲']],
      );
      // The same finding again: the verdict is replaced, not doubled.
      await store.setVerdict(doc, 1, { status: 'confirmed', reason: '确有错误', rule: 't3/row-sum' });
      assert.deepEqual((await store.verdicts(doc))!.map((x) => [x.index, x.status, x.reason]), [[1, 'confirmed', '确有错误']]);

      // A verdict never lands on another finding: wrong rule, no such finding, no such document.
      await assert.rejects(store.setVerdict(doc, 2, { status: 'dismissed', reason: 'x', rule: 't3/row-sum' }), (e: unknown) => e instanceof VerdictError && e.kind === 'mismatch');
      await assert.rejects(store.setVerdict(doc, 9, { status: 'dismissed', reason: 'x', rule: 't3/row-sum' }), (e: unknown) => e instanceof VerdictError && e.kind === 'not-found');
      await assert.rejects(store.setVerdict(999999, 0, { status: 'dismissed', reason: 'x', rule: 't3/row-sum' }), (e: unknown) => e instanceof VerdictError && e.kind === 'not-found');

      // A new version is checked afresh: its findings have no verdicts; version 1 keeps its own.
      const next = await save(store, { ...HEDONG_2023, revision: 1 });
      assert.equal(next.documentId, doc);
      assert.equal(next.version, 2);
      assert.deepEqual(await store.verdicts(doc), []);
      assert.equal((await store.verdicts(doc, 1))!.length, 1);
      assert.equal(await store.verdicts(doc, 7), null);

      const rows = await store.exportVerdicts({ documentId: doc });
      assert.equal(rows.length, 1);
      assert.deepEqual(
        [rows[0].version, rows[0].index, rows[0].rule, rows[0].status, rows[0].entity, rows[0].region, rows[0].year, rows[0].kind],
        [1, 1, 't3/row-sum', 'confirmed', '另一市河东区教育局', '另一市河东区', 2023, 'final-accounts'],
      );

      assert.equal(await store.clearVerdict(doc, 1, 1), true);
      assert.equal(await store.clearVerdict(doc, 1, 1), false);
      assert.deepEqual(await store.exportVerdicts({ documentId: doc }), []);
    });
  });
}
