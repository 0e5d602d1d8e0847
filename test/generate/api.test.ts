/**
 * POST /api/generate: a dataset posted to a listening server comes back as the file, which
 * gongkai's own check reads to the dataset's figures with no error; a dataset that fails its own
 * identities comes back as 422 with the findings; bad input is one Chinese line.
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
import { ROOT } from '../helpers/shared.js';
import { backends } from '../store/backends.js';
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
});
