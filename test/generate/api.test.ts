/**
 * POST /api/generate: a dataset posted to a listening server comes back as the file, which
 * gongkai's own check reads to the dataset's figures with no error; a dataset that fails its own
 * identities comes back as 422 with the findings; bad input is one Chinese line. The web form's
 * helpers: the templates, the gate's findings, a dataset from an uploaded file, last year's
 * disclosure applied.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/serve/index.js';
import type { Store } from '../../src/store/index.js';
import { checkFile } from '../../src/pipeline.js';
import { parseDataset } from '../../src/generate/index.js';
import { REASON_KEYS, SOURCES } from '../../src/generate/dataset.js';
import { ROOT } from '../helpers/shared.js';
import { backends } from '../store/backends.js';
import { multipart, upload } from '../serve/multipart.js';
import { generate } from '../../src/generate/index.js';
import { dir, errors, expectedSummary, pdfOnly, readSummary } from './readback.js';

const sqlite = backends('apigenerate').find((b) => b.name === 'sqlite')!;
const exampleJson = () => JSON.parse(readFileSync(join(ROOT, 'examples/budget-dataset.json'), 'utf8'));

describe('generating through the API', { skip: sqlite.skip }, () => {
  let store: Store;
  let app: FastifyInstance;
  let base: string;
  before(async () => {
    store = await sqlite.open();
    app = await buildApp({ store, workers: 0 });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const a = app.server.address();
    base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  const post = (query: string, body: unknown) => fetch(`${base}/api/generate${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  async function readBack(res: Response, name: string) {
    const path = join(dir, name);
    writeFileSync(path, Buffer.from(await res.arrayBuffer()));
    return checkFile(path);
  }

  test('docx (the default): the file, named after the disclosure, reads back with no error', async () => {
    const res = await post('', exampleJson());
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal(res.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.match(res.headers.get('content-disposition') ?? '', /filename\*=UTF-8''.*\.docx$/);
    assert.match(decodeURIComponent(res.headers.get('content-disposition')!.split("''")[1]), /示范县城市管理局/);
    const back = await readBack(res, 'api.docx');
    assert.deepEqual(errors(back.findings), []);
    assert.deepEqual(readSummary(back.document.summary), expectedSummary(parseDataset(exampleJson())));
  });

  test('xlsx and html with another template read back with no error', async () => {
    for (const [format, template] of [
      ['xlsx', 'jiangsu'],
      ['html', 'shanghai'],
    ]) {
      const res = await post(`?format=${format}&template=${template}`, exampleJson());
      assert.equal(res.status, 200, `${format}: ${await res.clone().text()}`);
      const back = await readBack(res, `api-${template}.${format}`);
      assert.deepEqual(errors(back.findings), [], format);
      assert.equal(back.document.summary.revenueTotal?.toFixed(2), '780.85');
    }
  });

  test('pdf: read back with no error', pdfOnly, async () => {
    const res = await post('?format=pdf', exampleJson());
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    const back = await readBack(res, 'api.pdf');
    assert.deepEqual(errors(back.findings), []);
    assert.equal(back.document.summary.expenditureTotal?.toFixed(2), '780.85');
  });

  test('a missing reason: 422 with the findings, no file; draft=true writes the 草稿', async () => {
    const data = exampleJson();
    delete data.reasons.total;
    const res = await post('?format=html', data);
    assert.equal(res.status, 422);
    const body = (await res.json()) as { error: string; findings: { rule: string; severity: string }[] };
    assert.match(body.error, /^数据有 1 处错误，未生成文件/);
    assert.deepEqual(
      body.findings.filter((f) => f.severity === 'error').map((f) => f.rule),
      ['generate/reason-missing'],
    );
    const draft = await post('?format=html&draft=true', data);
    assert.equal(draft.status, 200);
    assert.match(await draft.text(), /<mark data-field="reasons.total">/);
  });

  test('bad input: one Chinese line naming the field, the template or the format', async () => {
    const data = exampleJson();
    data.expenditure[0].code = '21201';
    const bad = await post('', data);
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { error: string }).error, /^数据不符合格式：expenditure\.0\.code：应为 7 位支出功能分类科目编码/);
    const tpl = await post('?template=atlantis', exampleJson());
    assert.equal(tpl.status, 400);
    assert.match(((await tpl.json()) as { error: string }).error, /^请求参数不合法：查询参数 template/);
    const fmt = await post('?format=odt', exampleJson());
    assert.equal(fmt.status, 400);
    const notJson = await fetch(`${base}/api/generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"year":' });
    assert.equal(notJson.status, 400);
    assert.equal(((await notJson.json()) as { error: string }).error, '请求体不合法');
  });

  test('templates: the budget templates and the national 决算 one, each with its kind', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/generate/templates' });
    const list = res.json().templates as { id: string; kind: string }[];
    assert.deepEqual(
      list.map((t) => `${t.id}:${t.kind}`),
      ['hebei-2022:budget', 'jiangsu:budget', 'shanghai:budget', 'national-final:final-accounts'],
    );
    // The form's names are the dataset's own: every source of the schema, every reason with the kinds it is asked for.
    const { sources, reasons } = res.json() as { sources: { id: string; name: string }[]; reasons: { key: string; label: string; kinds: string[] }[] };
    assert.deepEqual(sources.map((x) => x.id), [...SOURCES]);
    assert.equal(sources.find((x) => x.id === 'govFund')?.name, '政府性基金预算拨款');
    assert.deepEqual(reasons.map((r) => r.key), [...REASON_KEYS]);
    assert.deepEqual(reasons.find((r) => r.key === 'threePublicBudget')?.kinds, ['final-accounts']);
    assert.deepEqual(reasons.find((r) => r.key === 'operatingCosts'), { key: 'operatingCosts', label: '机关运行经费增减原因', kinds: ['budget', 'final-accounts'] });
  });

  test('check: the gate\'s findings without a file; a change without its reason is an error', async () => {
    const clean = await app.inject({ method: 'POST', url: '/api/generate/check', payload: exampleJson() });
    assert.equal(clean.statusCode, 200);
    assert.deepEqual(clean.json().findings.filter((f: { severity: string }) => f.severity === 'error'), []);
    const data = exampleJson();
    delete data.reasons.operatingCosts;
    const r = await app.inject({ method: 'POST', url: '/api/generate/check', payload: data });
    assert.deepEqual(
      r.json().findings.filter((f: { severity: string }) => f.severity === 'error').map((f: { location: { where: string } }) => f.location.where),
      ['reasons.operatingCosts'],
    );
    const bad = await app.inject({ method: 'POST', url: '/api/generate/check', payload: { year: 2025 } });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error, /^数据不符合格式：entity/);
  });

  test('dataset from an uploaded JSON file and from a generated disclosure read back', async () => {
    const json = await app.inject({ method: 'POST', url: '/api/generate/dataset', ...upload('数据.json', readFileSync(join(ROOT, 'examples/budget-dataset.json'))) });
    assert.equal(json.statusCode, 200, json.body);
    const d = json.json().dataset;
    assert.equal(d.entity.name, '示范县城市管理局');
    assert.equal(d.expenditure[0].basic, 412.36);
    // A published disclosure (here one gongkai generated) becomes a dataset with its figures.
    const docx = (await generate(parseDataset(exampleJson()), { format: 'docx' })).bytes!;
    const fromDoc = await app.inject({ method: 'POST', url: '/api/generate/dataset', ...upload('公开.docx', docx) });
    assert.equal(fromDoc.statusCode, 200, fromDoc.body);
    const total = (fromDoc.json().dataset.expenditure as { basic?: string; project?: string }[]).reduce((a, e) => a + Math.round(Number(e.basic ?? 0) * 100) + Math.round(Number(e.project ?? 0) * 100), 0);
    assert.equal(total, 78085);
    const junk = await app.inject({ method: 'POST', url: '/api/generate/dataset', ...upload('数据.json', '{"year":') });
    assert.equal(junk.statusCode, 422);
    assert.match(junk.json().error, /^数据\.json：不是有效的 JSON/);
  });

  test('prior: last year\'s disclosure gives the 上年 figures of the dataset being edited', async () => {
    const lastYear = (await generate(parseDataset(exampleJson()), { format: 'docx' })).bytes!;
    const data = exampleJson();
    data.year = 2026;
    delete data.prior;
    delete data.duties;
    const res = await app.inject({
      method: 'POST',
      url: '/api/generate/prior',
      ...multipart([
        { field: 'dataset', content: JSON.stringify(data) },
        { field: 'file', filename: '上年公开.docx', content: lastYear },
      ]),
    });
    assert.equal(res.statusCode, 200, res.body);
    const d = res.json().dataset;
    assert.equal(d.prior.expenditureTotal, 780.85);
    assert.ok(d.duties.length >= 1, 'duties carried over');
    const none = await app.inject({ method: 'POST', url: '/api/generate/prior', ...upload('上年公开.docx', lastYear) });
    assert.equal(none.statusCode, 400);
    assert.match(none.json().error, /缺少字段 dataset/);
  });
});
