import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/serve/index.js';
import type { Store } from '../../src/store/index.js';
import { narrativeText, tableText } from '../fixtures/parts/build.js';
import { backends } from '../store/backends.js';
import { upload } from './multipart.js';

for (const backend of backends('api_parts')) {
  describe(`uploading the parts of one disclosure (${backend.name})`, { skip: backend.skip }, () => {
    let store: Store;
    let app: FastifyInstance;
    before(async () => {
      store = await backend.open();
      app = await buildApp({ store, workers: 0 });
    });
    after(async () => {
      await app?.close();
      await store?.close();
    });

    test('the second part uploaded is checked with the first; the versions say which files the current check joins', async () => {
      const a = await app.inject({ method: 'POST', url: '/api/documents', ...upload('说明.txt', Buffer.from(narrativeText())) });
      assert.equal(a.statusCode, 201, a.body);
      const b = await app.inject({ method: 'POST', url: '/api/documents', ...upload('表格.txt', Buffer.from(tableText())) });
      assert.equal(b.statusCode, 201, b.body);
      const id = a.json().id as number;
      assert.equal(b.json().id, id);
      const versions = (await app.inject({ method: 'GET', url: `/api/documents/${id}/versions` })).json();
      const rows = (Array.isArray(versions) ? versions : versions.items) as { version: number; combines: number[] | null; current: boolean }[];
      assert.deepEqual(
        rows.map((v) => [v.version, v.combines, v.current]),
        [
          [1, null, false],
          [2, null, false],
          [3, [1, 2], true],
        ],
      );
      const findings = (await app.inject({ method: 'GET', url: `/api/documents/${id}/findings` })).json();
      const rules = ((Array.isArray(findings) ? findings : findings.items) as { rule: string }[]).map((f) => f.rule);
      assert.ok(rules.includes('narrative/personnel'), rules.join());
    });
  });
}
