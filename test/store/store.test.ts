import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Store, toRecord, resultJson, type TidyRow } from '../../src/store/index.js';
import { money } from '../../src/model/money.js';
import { search } from '../../src/store/search.js';
import { backends } from './backends.js';
import { synthetic, QINGSHAN_2022, QINGSHAN_2023, HUXI_2022, type SyntheticSpec } from '../fixtures/store/build.js';

async function save(store: Store, spec: SyntheticSpec) {
  const { result, bytes } = synthetic(spec);
  const record = toRecord(result, { sha256: result.document.source.sha256, fileName: `${spec.entity}.txt`, sourcePath: null, size: bytes.length });
  return { saved: await store.save(record, bytes), result, bytes };
}

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

for (const backend of backends('store')) {
  describe(`store on ${backend.name}`, { skip: backend.skip }, () => {
    describe('round trip, versions and dedupe', () => {
      let store: Store;
      before(async () => {
        store = await backend.open();
      });
      after(() => store?.close());

      test('a saved document comes back as the exact check-result JSON, with its line items, findings and original', async () => {
        const { saved, result, bytes } = await save(store, QINGSHAN_2022);
        assert.equal(saved.status, 'imported');
        assert.equal(saved.version, 1);
        // Exact, except that the file is named by its base name (never where it was imported from).
        const named = { ...result, document: { ...result.document, source: { ...result.document.source, path: `${QINGSHAN_2022.entity}.txt` } } };
        assert.equal(await store.documentJson(saved.documentId), resultJson(named));

        const findings = await store.findingsJson(saved.documentId);
        assert.deepEqual(findings, { total: result.findings.length, items: result.findings.map((f) => JSON.stringify(f)) });

        const orig = await store.original(saved.documentId);
        assert.ok(orig);
        assert.ok(orig.bytes.equals(bytes));
        assert.equal(orig.format, 'txt');
        assert.equal(orig.fileName, '中共示范市青山区委网络安全和信息化委员会办公室.txt');

        // 6 functional rows with 14 stated cells, 3 economic rows with 6: blanks are not stored.
        const items = await all(store.lineItems({ entityId: undefined }));
        assert.equal(items.length, 20);
        assert.deepEqual(items[0], {
          documentId: saved.documentId,
          entity: '中共示范市青山区委网络安全和信息化委员会办公室',
          region: '示范市青山区',
          year: 2022,
          kind: 'budget',
          table: 'expenditure',
          tableTitle: '部门支出总表',
          code: '201',
          name: '一般公共服务支出',
          measure: 'total',
          amount: '210.17',
        } satisfies TidyRow);
        const economic = await all(store.lineItems({ classification: 'economic', code: '301' }));
        assert.deepEqual(
          economic.map((r) => [r.code, r.measure, r.amount]),
          [
            ['301', 'total', '190.07'],
            ['301', 'personnel', '190.07'],
            ['30101', 'total', '60.01'],
            ['30101', 'personnel', '60.01'],
          ],
        );

        const list = await store.listDocuments();
        assert.equal(list.total, 1);
        assert.equal(list.items[0].entity, '中共示范市青山区委网络安全和信息化委员会办公室');
        assert.equal(list.items[0].year, 2022);
        assert.deepEqual(list.items[0].findings, { error: 1, warning: 0, info: 0 });
      });

      test('the same bytes again are a no-op that names the stored version', async () => {
        const first = await store.listDocuments();
        const { saved } = await save(store, QINGSHAN_2022);
        assert.equal(saved.status, 'duplicate');
        assert.equal(saved.documentId, first.items[0].id);
        assert.equal(saved.version, 1);
        assert.equal((await store.versions(saved.documentId))!.length, 1);
        assert.equal((await all(store.lineItems())).length, 20);
      });

      test('a new file for the same entity, year and kind becomes version 2; version 1 is kept', async () => {
        const v1 = await store.listDocuments();
        const docId = v1.items[0].id;
        const oldJson = await store.documentJson(docId);
        const revised: SyntheticSpec = {
          ...QINGSHAN_2022,
          revision: 2,
          functional: [{ code: '201', name: '一般公共服务支出', total: '215.5', basic: '185.44', project: '30.06' }],
          threePublic: { total: 5.5, abroad: 1, vehicle: 2.1, vehiclePurchase: 0, vehicleOperation: 2.1, reception: 2.4 },
          basic: 185.44,
          paragraphs: ['修订后的说明只剩这一段。'],
        };
        const { saved, result } = await save(store, revised);
        assert.equal(saved.status, 'imported');
        assert.equal(saved.documentId, docId);
        assert.equal(saved.version, 2);

        assert.equal(await store.documentJson(docId), resultJson({ ...result, document: { ...result.document, source: { ...result.document.source, path: `${revised.entity}.txt` } } }));
        assert.equal(await store.documentJson(docId, 1), oldJson);
        assert.equal(await store.documentJson(docId, 3), null);
        const versions = await store.versions(docId);
        assert.deepEqual(
          versions!.map((v) => [v.version, v.current]),
          [
            [1, false],
            [2, true],
          ],
        );
        assert.equal((await store.listDocuments()).total, 1);

        // Aggregates, export and search see the current version only.
        const items = await all(store.lineItems());
        assert.deepEqual(
          items.map((r) => `${r.code}:${r.measure}=${r.amount}`),
          ['201:total=215.50', '201:basic=185.44', '201:project=30.06', '301:total=190.07', '301:personnel=190.07', '30101:total=60.01', '30101:personnel=60.01', '302:total=23.78', '302:public=23.78'],
        );
        assert.equal((await store.search('舆情监测服务')).total, 1, 'project names stay (same projects)');
        assert.equal((await store.search('统筹协调全区')).total, 0, 'the old paragraph is gone');
        assert.equal((await store.search('修订后的说明')).total, 1);
        assert.equal((await store.search('统筹')).total, 0, 'two-character terms: the old paragraph is gone from the gram index too');
        assert.equal((await store.search('修订')).total, 1);
        assert.ok(await store.original(docId, 1));

        // The per-document aggregate tables follow the new version: its figures only, once.
        const classes = await store.byClass({ classification: 'functional' });
        assert.deepEqual(classes.map((r) => [r.year, r.code, r.amount.toFixed(2), r.documents]), [[2022, '201', '215.50', 1]]);
        const economic = await store.byClass({ classification: 'economic' });
        assert.deepEqual(economic.map((r) => [r.code, r.amount.toFixed(2)]), [['301', '190.07'], ['302', '23.78']]);
        const tp = await store.threePublicByYear();
        assert.deepEqual(tp.map((r) => [r.year, r.documents, r.total?.toFixed(2), r.abroad?.toFixed(2), r.reception?.toFixed(2)]), [[2022, 1, '5.50', '1.00', '2.40']]);
        const bp = await store.basicVsProject();
        assert.deepEqual(bp.map((r) => [r.year, r.basic?.toFixed(2), r.project?.toFixed(2), r.expenditureTotal?.toFixed(2)]), [[2022, '185.44', '30.06', '215.50']]);
      });
    });

    describe('search ranking, short terms and paging', () => {
      let store: Store;
      const ids: Record<string, number> = {};
      const specs: Record<string, SyntheticSpec> = {
        education: {
          entity: '示范市东湖区教育局',
          year: 2022,
          projects: [{ name: '校舍维修项目', budget: '12.5' }],
          paragraphs: ['本局负责全区义务教育。', '年度宣传经费用于招生宣传。'],
        },
        publicity: { entity: '示范市东湖区宣传部', year: 2022, paragraphs: ['部门职责是统筹全区宣传工作。'] },
        health: { entity: '示范市西山区卫生健康委员会', year: 2022, projects: [{ name: '健康宣传教育项目', budget: '8.8' }] },
        culture: { entity: '示范市西山区文化馆', year: 2022, paragraphs: ['采用PPP模式建设展馆。'] },
      };
      before(async () => {
        store = await backend.open();
        for (const [k, spec] of Object.entries(specs)) ids[k] = (await save(store, spec)).saved.documentId;
      });
      after(() => store?.close());

      const order = async (q: string, page?: { limit?: number; offset?: number }) => (await store.search(q, page)).items.map((h) => h.id);

      test('entity name first, then title, project names, paragraphs; one or two characters alike', async () => {
        assert.deepEqual(await order('宣传'), [ids.publicity, ids.health, ids.education]);
        assert.deepEqual(await order('宣'), [ids.publicity, ids.health, ids.education]);
        assert.deepEqual(await order('宣传部'), [ids.publicity]);
        const hit = (await store.search('宣传')).items;
        assert.deepEqual(hit[0].matches, [
          { field: 'entity', snippet: '示范市东湖区宣传部' },
          { field: 'title', snippet: '示范市东湖区宣传部2022年部门预算公开说明' },
          { field: 'paragraph', snippet: '部门职责是统筹全区宣传工作。' },
        ]);
        assert.deepEqual(hit[1].matches, [{ field: 'project', snippet: '健康宣传教育项目' }]);
        assert.deepEqual(hit[2].matches, [{ field: 'paragraph', snippet: '年度宣传经费用于招生宣传。' }]);
        // Latin letters compare without case, as in the trigram index.
        assert.deepEqual(await order('pp'), [ids.culture]);
        assert.deepEqual(await order('P'), [ids.culture]);
        assert.deepEqual(await order('ppp模式'), [ids.culture]);
      });

      test('several terms: a field holding all of them ranks first; terms spread over fields rank last', async () => {
        // 健康宣传教育项目 holds both; the education office has both only among its paragraphs.
        assert.deepEqual(await order('宣传 教育'), [ids.health, ids.education]);
        // The publicity office's name holds both; the education office has 东湖 in its name and 宣传 in a paragraph.
        assert.deepEqual(await order('东湖 宣传'), [ids.publicity, ids.education]);
        // The same with a three-character term: trigram and gram indexes together.
        assert.deepEqual(await order('东湖区 宣传'), [ids.publicity, ids.education]);
        assert.deepEqual(await order('西山区 展馆'), [ids.culture]);
        assert.deepEqual(await order('西山区 宣传部'), []);
        const spread = (await store.search('东湖 招生')).items;
        assert.deepEqual(spread.map((h) => [h.id, h.matches.map((m) => m.field)]), [[ids.education, ['entity', 'title', 'paragraph']]]);
      });

      test('pages run across the rank buckets; the total is counted up to a cap', async () => {
        assert.deepEqual(await order('宣传', { limit: 1 }), [ids.publicity]);
        assert.deepEqual(await order('宣传', { limit: 1, offset: 1 }), [ids.health]);
        assert.deepEqual(await order('宣传', { limit: 2, offset: 1 }), [ids.health, ids.education]);
        assert.deepEqual(await order('宣传', { offset: 3 }), []);
        const all = await store.search('示范市', { limit: 2 });
        assert.deepEqual([all.total, all.totalExact, all.items.length], [4, true, 2]);
        const capped = await search(store.conn, '示范市', {}, 3);
        assert.deepEqual([capped.total, capped.totalExact, capped.items.length], [3, false, 4]);
        const shortCapped = await search(store.conn, '区', { limit: 1 }, 2);
        assert.deepEqual([shortCapped.total, shortCapped.totalExact, shortCapped.items.map((h) => h.id)], [2, false, [ids.education]]);
      });
    });

    describe('search, filters and aggregates over three documents', () => {
      let store: Store;
      const ids: Record<string, number> = {};
      before(async () => {
        store = await backend.open();
        ids.q22 = (await save(store, QINGSHAN_2022)).saved.documentId;
        ids.h22 = (await save(store, HUXI_2022)).saved.documentId;
        ids.q23 = (await save(store, QINGSHAN_2023)).saved.documentId;
      });
      after(() => store?.close());

      test('Chinese substrings find entity names, project names and paragraphs', async () => {
        const byEntity = await store.search('青山区委网络');
        assert.equal(byEntity.total, 2);
        assert.deepEqual(byEntity.items.map((h) => h.id).sort(), [ids.q22, ids.q23].sort());
        assert.equal(byEntity.items[0].matches[0].field, 'entity');
        assert.equal(byEntity.items[0].matches[0].snippet, '中共示范市青山区委网络安全和信息化委员会办公室');

        const byProject = await store.search('票据电子化');
        assert.deepEqual(byProject.items.map((h) => [h.id, h.matches[0].field]), [[ids.h22, 'project']]);

        const byParagraph = await store.search('网络安全宣传周');
        assert.deepEqual(byParagraph.items.map((h) => [h.id, h.year, h.matches[0].field]), [[ids.q23, 2023, 'paragraph']]);

        // Two terms: both must occur.
        assert.deepEqual((await store.search('舆情 监测报告')).items.map((h) => h.id), []);
        assert.deepEqual((await store.search('舆情 组织开展')).items.map((h) => h.id), [ids.q22]);
      });

      test('queries shorter than three characters use the gram index', async () => {
        const r = await store.search('财政');
        assert.deepEqual(r.items.map((h) => h.id), [ids.h22]);
        assert.equal(r.items[0].matches[0].field, 'entity');
        assert.equal((await store.search('网信')).total, 0);
        assert.equal((await store.search('青山')).total, 2);
      });

      test('quotes, wildcards and operators in a query are plain characters', async () => {
        for (const q of ['"', '%', '_', '"青山" OR 1=1', '100%_x', 'AND', 'NEAR(青山 区委)', '*']) {
          assert.equal((await store.search(q)).total, 0, q);
        }
        assert.equal((await store.search('   ')).total, 0);
      });

      test('documents filter by entity substring, region, year, kind and severity', async () => {
        const ids_ = async (f: Parameters<Store['listDocuments']>[0]) => (await store.listDocuments(f)).items.map((d) => d.id);
        assert.deepEqual(await ids_({ entity: '青山' }), [ids.q22, ids.q23]);
        assert.deepEqual(await ids_({ region: '示范市湖西区' }), [ids.h22]);
        assert.deepEqual(await ids_({ year: 2023 }), [ids.q23]);
        assert.deepEqual(await ids_({ kind: 'final-accounts' }), []);
        assert.deepEqual(await ids_({ severity: 'error' }), [ids.q22]);
        assert.deepEqual(await ids_({ severity: 'warning' }), [ids.h22]);
        assert.deepEqual(await ids_({ severity: 'info', year: 2022 }), [ids.h22]);
        assert.deepEqual(await ids_({ entity: '%' }), []);
        const page = await store.listDocuments({}, { limit: 1, offset: 1 });
        assert.equal(page.total, 3);
        assert.deepEqual(page.items.map((d) => d.id), [ids.h22]);
      });

      test('functional classes summed exactly across entities, per year', async () => {
        const rows = await store.byClass({ classification: 'functional' });
        assert.deepEqual(
          rows.map((r) => [r.year, r.code, r.name, r.amount.toFixed(2), r.entities]),
          [
            [2022, '201', '一般公共服务支出', '1230.60', 2],
            [2022, '208', '社会保障和就业支出', '100.40', 2],
            [2022, '221', '住房保障支出', '53.60', 2],
            [2023, '201', '一般公共服务支出', '199.99', 1],
            [2023, '208', '社会保障和就业支出', '21.01', 1],
          ],
        );
        // Binary floats would give 100.39999999999999 and 53.599999999999994.
        assert.ok(rows[1].amount.equals(money('100.4')));
        assert.ok(rows[2].amount.equals(money('53.6')));

        const basic = await store.byClass({ classification: 'functional', measure: 'basic', year: 2022, region: '示范市湖西区' });
        assert.deepEqual(basic.map((r) => [r.code, r.amount.toFixed(2)]), [['201', '700.20'], ['208', '80.07'], ['221', '40.19']]);

        const economic = await store.byClass({ classification: 'economic', year: 2022 });
        assert.deepEqual(economic.map((r) => [r.code, r.amount.toFixed(2)]), [['301', '880.20'], ['302', '154.11']]);
      });

      test('sums stay exact with negative amounts and more than eight decimals', async () => {
        const own = await backend.open();
        try {
          const amounts = ['0.1', '0.2', '-0.05', '0.123456789', '1000000000000.01'];
          for (const [i, total] of amounts.entries()) {
            await save(own, { entity: `示范市精度测试单位${i}`, region: '示范市精度区', year: 2030, functional: [{ code: '205', name: '教育支出', total }] });
          }
          const rows = await own.byClass({ classification: 'functional' });
          assert.deepEqual(rows.map((r) => [r.year, r.code, r.amount.toFixed(), r.entities]), [[2030, '205', '1000000000000.383456789', 5]]);
        } finally {
          await own.close();
        }
      });

      test('三公 by year, basic vs project by entity and year, one entity across years', async () => {
        const tp = await store.threePublicByYear();
        assert.deepEqual(
          tp.map((r) => [r.year, r.documents, r.total?.toFixed(2), r.abroad?.toFixed(2), r.vehicle?.toFixed(2), r.vehicleOperation?.toFixed(2), r.reception?.toFixed(2)]),
          [
            [2022, 2, '15.75', '1.10', '10.35', '10.35', '4.30'],
            [2023, 1, '2.90', '0.00', '1.80', '1.80', '1.10'],
          ],
        );

        const bp = await store.basicVsProject({ year: 2022 });
        assert.deepEqual(
          bp.map((r) => [r.entity, r.year, r.basic?.toFixed(2), r.project?.toFixed(2), r.expenditureTotal?.toFixed(2)]).sort(),
          [
            ['中共示范市青山区委网络安全和信息化委员会办公室', 2022, '213.85', '30.06', '243.91'],
            ['示范市湖西区财政局', 2022, '820.46', '320.23', '1140.69'],
          ],
        );

        const entities = await store.entities({ q: '青山' });
        assert.equal(entities.total, 1);
        assert.equal(entities.items[0].documents, 2);
        const timeline = await store.entityTimeline(entities.items[0].id);
        assert.deepEqual(
          timeline.map((r) => [r.documentId, r.year, r.kind, r.amounts.basicExpenditure?.toFixed(2), r.amounts.threePublicTotal?.toFixed(2)]),
          [
            [ids.q22, 2022, 'budget', '213.85', '3.30'],
            [ids.q23, 2023, 'budget', '211.00', '2.90'],
          ],
        );
      });
    });
  });
}
