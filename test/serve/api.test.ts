import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/serve/index.js';
import { resultJson, type Store } from '../../src/store/index.js';
import { backends } from '../store/backends.js';
import { synthetic, syntheticBytes, QINGSHAN_2022, HUXI_2022, type SyntheticSpec } from '../fixtures/store/build.js';
import { multipart, upload } from './multipart.js';

const checker = new URL('../fixtures/import/checker.ts', import.meta.url).href;
const MAX = 100 * 1024;

/** The check result the fixture checker gives for a spec uploaded under `name`. */
function expectedJson(spec: SyntheticSpec, name: string): string {
  return resultJson(synthetic(spec, name).result);
}

for (const backend of backends('api')) {
  describe(`HTTP API on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    let app: FastifyInstance;
    const ids: Record<string, number> = {};

    before(async () => {
      store = await backend.open();
      app = await buildApp({ store, workers: 0, checker, maxUploadBytes: MAX });
    });
    after(async () => {
      await app?.close();
      await store?.close();
    });

    test('POST /api/documents stores a file and answers 201 with the id and the check result', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/documents', ...upload('青山区网信办2022.txt', syntheticBytes(QINGSHAN_2022)) });
      assert.equal(res.statusCode, 201);
      assert.match(res.headers['content-type'] as string, /^application\/json/);
      const body = res.json();
      ids.q = body.id;
      assert.equal(body.version, 1);
      assert.equal(body.duplicate, false);
      assert.equal(body.document.entity.name, '中共示范市青山区委网络安全和信息化委员会办公室');
      assert.equal(body.findings.length, 1);
      assert.equal(res.body, `{\n  "id": ${ids.q},\n  "version": 1,\n  "duplicate": false,\n` + expectedJson(QINGSHAN_2022, '青山区网信办2022.txt').slice(2));

      const huxi = await app.inject({ method: 'POST', url: '/api/documents', ...upload('huxi.txt', syntheticBytes(HUXI_2022)) });
      assert.equal(huxi.statusCode, 201);
      ids.h = huxi.json().id;
      assert.notEqual(ids.h, ids.q);
    });

    test('GET /api/documents/:id returns exactly the check-result JSON', async () => {
      const res = await app.inject({ method: 'GET', url: `/api/documents/${ids.q}` });
      assert.equal(res.statusCode, 200);
      assert.equal(res.body, expectedJson(QINGSHAN_2022, '青山区网信办2022.txt'));
      assert.equal(res.headers['content-encoding'], undefined);

      // Stored gzipped, sent as is to clients that take gzip.
      const gz = await app.inject({ method: 'GET', url: `/api/documents/${ids.q}`, headers: { 'accept-encoding': 'br, gzip;q=0.8' } });
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.equal(gz.headers.vary, 'accept-encoding');
      assert.equal(gunzipSync(gz.rawPayload).toString('utf8'), expectedJson(QINGSHAN_2022, '青山区网信办2022.txt'));
      const refused = await app.inject({ method: 'GET', url: `/api/documents/${ids.q}`, headers: { 'accept-encoding': 'gzip;q=0, identity' } });
      assert.equal(refused.headers['content-encoding'], undefined);
      assert.equal(refused.body, expectedJson(QINGSHAN_2022, '青山区网信办2022.txt'));
    });

    test('the same bytes again: 200, duplicate, nothing new stored', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/documents', ...upload('another-name.txt', syntheticBytes(QINGSHAN_2022)) });
      assert.equal(res.statusCode, 200);
      assert.deepEqual([res.json().id, res.json().version, res.json().duplicate], [ids.q, 1, true]);
      assert.equal((await app.inject({ method: 'GET', url: '/api/documents' })).json().total, 2);
    });

    test('a new file for the same document becomes version 2; ?version=1 still gives the old one', async () => {
      const revised = { ...QINGSHAN_2022, revision: 2, basic: 213.86 };
      const res = await app.inject({ method: 'POST', url: '/api/documents', ...upload('青山区网信办2022-修订.txt', syntheticBytes(revised)) });
      assert.equal(res.statusCode, 201);
      assert.deepEqual([res.json().id, res.json().version], [ids.q, 2]);
      const versions = await app.inject({ method: 'GET', url: `/api/documents/${ids.q}/versions` });
      assert.deepEqual(
        versions.json().map((v: { version: number; fileName: string; current: boolean }) => [v.version, v.fileName, v.current]),
        [
          [1, '青山区网信办2022.txt', false],
          [2, '青山区网信办2022-修订.txt', true],
        ],
      );
      const old = await app.inject({ method: 'GET', url: `/api/documents/${ids.q}?version=1` });
      assert.equal(old.body, expectedJson(QINGSHAN_2022, '青山区网信办2022.txt'));
      const current = await app.inject({ method: 'GET', url: `/api/documents/${ids.q}` });
      assert.equal(current.body, expectedJson(revised, '青山区网信办2022-修订.txt'));
    });

    test('GET /api/documents lists and filters by entity, region, year, kind and severity', async () => {
      const list = async (qs: string) => (await app.inject({ method: 'GET', url: `/api/documents?${qs}` })).json();
      const all = await list('');
      assert.equal(all.total, 2);
      assert.deepEqual(
        all.items.map((d: { id: number; entity: string; year: number; version: number; findings: unknown }) => [d.id, d.entity, d.year, d.version, d.findings]),
        [
          [ids.q, '中共示范市青山区委网络安全和信息化委员会办公室', 2022, 2, { error: 1, warning: 0, info: 0 }],
          [ids.h, '示范市湖西区财政局', 2022, 1, { error: 0, warning: 1, info: 1 }],
        ],
      );
      assert.deepEqual((await list(`entity=${encodeURIComponent('湖西')}`)).items.map((d: { id: number }) => d.id), [ids.h]);
      assert.deepEqual((await list(`region=${encodeURIComponent('示范市青山区')}`)).items.map((d: { id: number }) => d.id), [ids.q]);
      assert.deepEqual((await list('severity=error')).items.map((d: { id: number }) => d.id), [ids.q]);
      assert.deepEqual((await list('severity=info&year=2022&kind=budget')).items.map((d: { id: number }) => d.id), [ids.h]);
      assert.equal((await list('year=2019')).total, 0);
      assert.deepEqual((await list('limit=1&offset=1')).items.map((d: { id: number }) => d.id), [ids.h]);

      const bad = await app.inject({ method: 'GET', url: '/api/documents?kind=report' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().error, /^请求参数不合法：/);
      assert.equal((await app.inject({ method: 'GET', url: '/api/documents?limit=0' })).statusCode, 400);
    });

    test('GET findings, by severity too', async () => {
      const res = await app.inject({ method: 'GET', url: `/api/documents/${ids.h}/findings` });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), JSON.parse(JSON.stringify(synthetic(HUXI_2022).result.findings)));
      const info = await app.inject({ method: 'GET', url: `/api/documents/${ids.h}/findings?severity=info` });
      assert.deepEqual(info.json().map((f: { rule: string }) => f.rule), ['privacy/phone']);
      const none = await app.inject({ method: 'GET', url: `/api/documents/${ids.q}/findings?severity=warning` });
      assert.deepEqual(none.json(), []);
    });

    test('GET findings a page at a time: limit and offset, the total in X-Total-Count', async () => {
      const all = synthetic(HUXI_2022).result.findings.map((f) => f.rule);
      const first = await app.inject({ method: 'GET', url: `/api/documents/${ids.h}/findings?limit=1` });
      assert.deepEqual([first.json().map((f: { rule: string }) => f.rule), first.headers['x-total-count']], [all.slice(0, 1), String(all.length)]);
      const second = await app.inject({ method: 'GET', url: `/api/documents/${ids.h}/findings?limit=1&offset=1` });
      assert.deepEqual(second.json().map((f: { rule: string }) => f.rule), all.slice(1, 2));
      const past = await app.inject({ method: 'GET', url: `/api/documents/${ids.h}/findings?limit=5&offset=5` });
      assert.deepEqual([past.json(), past.headers['x-total-count']], [[], String(all.length)]);
      const filtered = await app.inject({ method: 'GET', url: `/api/documents/${ids.h}/findings?severity=info&limit=10` });
      assert.equal(filtered.headers['x-total-count'], '1');
      assert.equal((await app.inject({ method: 'GET', url: `/api/documents/${ids.h}/findings?limit=0` })).statusCode, 400);
    });

    test('GET original: the bytes, a content type from the format, a safe download name', async () => {
      const res = await app.inject({ method: 'GET', url: `/api/documents/${ids.q}/original?version=1` });
      assert.equal(res.statusCode, 200);
      assert.ok(res.rawPayload.equals(syntheticBytes(QINGSHAN_2022)));
      assert.equal(res.headers['content-type'], 'text/plain');
      assert.equal(
        res.headers['content-disposition'],
        `attachment; filename="document-${ids.q}.txt"; filename*=UTF-8''${encodeURIComponent('青山区网信办2022.txt')}`,
      );
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
    });

    test('unknown documents, versions and routes: 404 with a JSON error', async () => {
      for (const url of ['/api/documents/99999', '/api/documents/99999/findings', '/api/documents/99999/original', '/api/documents/99999/versions']) {
        const res = await app.inject({ method: 'GET', url });
        assert.equal(res.statusCode, 404, url);
        assert.deepEqual(res.json(), { error: '没有编号为 99999 的文件' });
      }
      const v = await app.inject({ method: 'GET', url: `/api/documents/${ids.q}?version=7` });
      assert.deepEqual([v.statusCode, v.json()], [404, { error: `文件 ${ids.q} 没有第 7 版` }]);
      const nothing = await app.inject({ method: 'GET', url: '/api/nothing?x=1' });
      assert.deepEqual([nothing.statusCode, nothing.json()], [404, { error: '没有这个接口：GET /api/nothing' }]);
      const badId = await app.inject({ method: 'GET', url: '/api/documents/abc' });
      assert.equal(badId.statusCode, 400);
    });

    test('bad uploads get a 4xx JSON error with the reason', async () => {
      const post = (req: { payload: Buffer | string; headers: Record<string, string> }) => app.inject({ method: 'POST', url: '/api/documents', ...req });
      const cases: [string, Awaited<ReturnType<typeof post>>, number, string][] = [
        ['too large', await post(upload('big.txt', Buffer.alloc(MAX + 1, 0x41))), 413, '文件过大（上限 100 KB）'],
        ['not multipart', await post({ payload: '{"file":"x"}', headers: { 'content-type': 'application/json' } }), 415, '请以 multipart/form-data 上传，文件放在字段 file 中'],
        ['no file part', await post(multipart([{ field: 'note', content: 'hello' }])), 400, '请求中没有文件：请把文件放在 multipart 字段 file 中'],
        ['wrong field', await post(multipart([{ field: 'document', filename: 'a.txt', content: 'x' }])), 400, '文件应放在字段 file 中，收到的是字段 document'],
        ['binary junk named .pdf', await post(upload('report.pdf', Buffer.from([0, 1, 2, 3, 0, 0, 0xff, 0xfe, 7, 0]))), 415, '无法识别的文件类型（扩展名 .pdf）：不是 pdf/docx/xlsx/html/txt'],
        ['old Word format', await post(upload('old.doc', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(64)]))), 415, '旧版 Office 格式（.doc/.xls）暂不支持，请另存为 .docx/.xlsx'],
        ['empty file', await post(upload('empty.txt', Buffer.alloc(0))), 422, '文件为空'],
        ['unreadable text', await post(upload('notes.txt', '这是一份会议纪要，不是预算公开文件。\n')), 422, '未找到预算公开文件的标题和表格'],
      ];
      for (const [what, res, status, error] of cases) {
        assert.equal(res.statusCode, status, `${what}: ${res.body}`);
        assert.match(res.headers['content-type'] as string, /^application\/json/, what);
        assert.deepEqual(res.json(), { error }, what);
      }
      assert.equal((await app.inject({ method: 'GET', url: '/api/documents' })).json().total, 2, 'nothing was stored');
    });

    test('an upload named with a path never becomes a path: only its base name is kept, as a label', async () => {
      const names = ['../../etc/passwd', '..\\..\\windows\\win.txt', '/etc/shadow', 'a/../../.bashrc'];
      const kept: string[] = [];
      for (const [i, name] of names.entries()) {
        const spec = { ...QINGSHAN_2022, entity: `示范市路径区测试单位${i}` };
        const res = await app.inject({ method: 'POST', url: '/api/documents', ...upload(name, syntheticBytes(spec)) });
        assert.equal(res.statusCode, 201, res.body);
        const body = res.json();
        kept.push(body.document.source.path);
        const orig = await app.inject({ method: 'GET', url: `/api/documents/${body.id}/original` });
        assert.ok(!/[\\/]/.test(decodeURIComponent(String(orig.headers['content-disposition']).split("UTF-8''")[1])));
      }
      assert.deepEqual(kept, ['passwd.txt', 'win.txt', 'shadow.txt', 'bashrc.txt']);
    });

    test('GET /api/search finds Chinese substrings; a blank query is a 400', async () => {
      const res = await app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent('青山区委网络')}` });
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.equal(body.total, 1);
      assert.equal(body.totalExact, true);
      assert.deepEqual(body.items[0].matches[0], { field: 'entity', snippet: '中共示范市青山区委网络安全和信息化委员会办公室' });
      const project = (await app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent('票据电子化')}` })).json();
      assert.deepEqual(project.items.map((h: { id: number }) => h.id), [ids.h]);
      const short = (await app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent('湖西')}` })).json();
      assert.deepEqual(short.items.map((h: { id: number }) => h.id), [ids.h]);
      for (const url of ['/api/search', '/api/search?q=', `/api/search?q=${encodeURIComponent('  ')}`]) {
        const r = await app.inject({ method: 'GET', url });
        assert.equal(r.statusCode, 400, url);
        assert.ok(typeof r.json().error === 'string');
      }
    });

    test('aggregates: classes, 三公 by year, basic vs project, one entity across years', async () => {
      // Path-test uploads added four more copies of the Qingshan figures under other names.
      const classes = (await app.inject({ method: 'GET', url: `/api/aggregates/classes?classification=functional&region=${encodeURIComponent('示范市湖西区')}` })).json();
      assert.deepEqual(
        classes.map((r: { year: number; code: string; amount: number }) => [r.year, r.code, r.amount]),
        [
          [2022, '201', 1020.43],
          [2022, '208', 80.07],
          [2022, '221', 40.19],
        ],
      );
      const both = (await app.inject({ method: 'GET', url: `/api/aggregates/classes?entity=${encodeURIComponent('区')}&year=2022` })).json();
      const c208 = both.find((r: { code: string }) => r.code === '208');
      // 湖西 80.07 + 青山 20.33 + four path-test copies of 20.33 = 181.72 (binary floats give 181.71999999999997).
      assert.equal(c208.amount, 181.72);
      assert.equal(c208.entities, 6);

      const economic = (await app.inject({ method: 'GET', url: `/api/aggregates/classes?classification=economic&entityId=999` })).json();
      assert.deepEqual(economic, []);

      const tp = (await app.inject({ method: 'GET', url: `/api/aggregates/three-public?region=${encodeURIComponent('示范市湖西区')}` })).json();
      assert.deepEqual(tp, [{ kind: 'budget', year: 2022, documents: 1, total: 12.45, abroad: 1.1, vehicle: 8.25, vehiclePurchase: 0, vehicleOperation: 8.25, reception: 3.1 }]);

      const bp = (await app.inject({ method: 'GET', url: `/api/aggregates/basic-project?entity=${encodeURIComponent('青山')}` })).json();
      assert.deepEqual(
        bp.map((r: { entity: string; basic: number; project: number; expenditureTotal: number }) => [r.entity, r.basic, r.project, r.expenditureTotal]),
        [['中共示范市青山区委网络安全和信息化委员会办公室', 213.86, 30.06, 243.92]],
      );

      const entities = (await app.inject({ method: 'GET', url: `/api/entities?q=${encodeURIComponent('湖西')}` })).json();
      assert.equal(entities.total, 1);
      const timeline = (await app.inject({ method: 'GET', url: `/api/entities/${entities.items[0].id}/timeline` })).json();
      assert.equal(timeline.entity.name, '示范市湖西区财政局');
      assert.deepEqual(
        timeline.items.map((r: { documentId: number; year: number; amounts: Record<string, number | null> }) => [r.documentId, r.year, r.amounts.basicExpenditure, r.amounts.projectExpenditure, r.amounts.threePublicTotal]),
        [[ids.h, 2022, 820.46, 320.23, 12.45]],
      );
      const missing = await app.inject({ method: 'GET', url: '/api/entities/99999/timeline' });
      assert.deepEqual([missing.statusCode, missing.json()], [404, { error: '没有编号为 99999 的单位' }]);
      assert.equal((await app.inject({ method: 'GET', url: '/api/aggregates/classes?classification=other' })).statusCode, 400);
    });

    test('export: line items as a tidy CSV (with BOM) and as JSON, filtered', async () => {
      const csv = await app.inject({ method: 'GET', url: `/api/export/line-items?format=csv&region=${encodeURIComponent('示范市湖西区')}` });
      assert.equal(csv.statusCode, 200);
      assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
      assert.equal(csv.headers['content-disposition'], 'attachment; filename="line-items.csv"');
      const lines = csv.body.split('\r\n');
      assert.equal(lines[0], '\uFEFFentity,region,year,kind,table,table_title,code,name,measure,amount');
      assert.equal(lines[1], '示范市湖西区财政局,示范市湖西区,2022,budget,expenditure,部门支出总表,201,一般公共服务支出,total,1020.43');
      assert.equal(lines[3], '示范市湖西区财政局,示范市湖西区,2022,budget,expenditure,部门支出总表,201,一般公共服务支出,project,320.23');
      assert.equal(lines.length, 1 + 11 + 1);
      assert.equal(lines.at(-1), '');

      const json = await app.inject({ method: 'GET', url: `/api/export/line-items?format=json&classification=economic&code=30&region=${encodeURIComponent('示范市湖西区')}` });
      assert.equal(json.statusCode, 200);
      assert.deepEqual(json.json(), [
        { entity: '示范市湖西区财政局', region: '示范市湖西区', year: 2022, kind: 'budget', table: 'general-budget-basic', table_title: '一般公共预算基本支出表', code: '301', name: '工资福利支出', measure: 'total', amount: 690.13 },
        { entity: '示范市湖西区财政局', region: '示范市湖西区', year: 2022, kind: 'budget', table: 'general-budget-basic', table_title: '一般公共预算基本支出表', code: '301', name: '工资福利支出', measure: 'personnel', amount: 690.13 },
        { entity: '示范市湖西区财政局', region: '示范市湖西区', year: 2022, kind: 'budget', table: 'general-budget-basic', table_title: '一般公共预算基本支出表', code: '302', name: '商品和服务支出', measure: 'total', amount: 130.33 },
        { entity: '示范市湖西区财政局', region: '示范市湖西区', year: 2022, kind: 'budget', table: 'general-budget-basic', table_title: '一般公共预算基本支出表', code: '302', name: '商品和服务支出', measure: 'public', amount: 130.33 },
      ]);
      const empty = await app.inject({ method: 'GET', url: '/api/export/line-items?format=json&year=1999' });
      assert.deepEqual(empty.json(), []);
      assert.equal((await app.inject({ method: 'GET', url: '/api/export/line-items?code=20%25' })).statusCode, 400);
    });
  });
}
