import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/serve/index.js';
import type { Store } from '../../src/store/index.js';
import { backends } from '../store/backends.js';
import { sharedOnly, seed, SEED, SEEDS, ROOT } from '../helpers/shared.js';
import { upload } from './multipart.js';

const NAME = `${SEED.luquan}.docx`;
const LUQUAN = '中共石家庄市鹿泉区委网络安全和信息化委员会办公室';

/** What `gongkai check --format json <file>` prints, run from the seeds folder so the path is the bare name. */
async function cliJson(name: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [join(ROOT, 'bin/gongkai.js'), 'check', '--format', 'json', name],
    { cwd: SEEDS, maxBuffer: 64 * 1024 * 1024 },
  ).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
  return stdout;
}

for (const backend of backends('apiseeds')) {
  describe(`a real seed through the API on ${backend.name}`, { ...sharedOnly, skip: sharedOnly.skip ?? backend.skip }, () => {
    let store: Store;
    let app: FastifyInstance;
    let id: number;
    before(async () => {
      store = await backend.open();
      app = await buildApp({ store, workers: 1 });
    });
    after(async () => {
      await app?.close();
      await store?.close();
    });

    test('upload the 鹿泉 docx: 201; GET returns byte for byte what gongkai check --format json prints', async () => {
      const bytes = readFileSync(seed(NAME));
      const res = await app.inject({ method: 'POST', url: '/api/documents', ...upload(NAME, bytes) });
      assert.equal(res.statusCode, 201, res.body.slice(0, 300));
      const body = res.json();
      id = body.id;
      assert.equal(body.document.entity.name, LUQUAN);
      assert.equal(body.document.year, 2022);

      const got = await app.inject({ method: 'GET', url: `/api/documents/${id}` });
      assert.equal(got.statusCode, 200);
      assert.equal(got.body, await cliJson(NAME));

      const orig = await app.inject({ method: 'GET', url: `/api/documents/${id}/original` });
      assert.ok(orig.rawPayload.equals(bytes));
      assert.equal(orig.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    });

    test('search finds it by a Chinese substring of the entity name; export has its table rows', async () => {
      const hits = (await app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent('鹿泉区委网络')}` })).json();
      assert.deepEqual(hits.items.map((h: { id: number; entity: string }) => [h.id, h.entity]), [[id, LUQUAN]]);

      const csv = (await app.inject({ method: 'GET', url: '/api/export/line-items?format=csv&table=expenditure&code=2013799' })).body;
      assert.deepEqual(csv.split('\r\n').slice(1, -1), [
        `${LUQUAN},石家庄市鹿泉区,2022,budget,expenditure,部门预算支出总表,2013799,其他网信事务支出,total,43.85`,
        `${LUQUAN},石家庄市鹿泉区,2022,budget,expenditure,部门预算支出总表,2013799,其他网信事务支出,project,43.85`,
      ]);
      const classes = (await app.inject({ method: 'GET', url: '/api/aggregates/classes?classification=functional&year=2022' })).json();
      assert.deepEqual(classes.map((r: { code: string; amount: number }) => [r.code, r.amount]), [
        ['201', 240.05],
        ['208', 28.29],
        ['210', 14.08],
        ['221', 19.85],
      ]);
    });
  });
}
