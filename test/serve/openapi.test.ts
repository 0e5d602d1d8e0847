import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/serve/index.js';
import { Store } from '../../src/store/index.js';

// ajv's 2020-12 build (OpenAPI 3.1 schemas are JSON Schema 2020-12); it ships with Fastify.
const Ajv2020 = createRequire(import.meta.url)('ajv/dist/2020').default as new (o: object) => { compile(s: object): unknown };

let store: Store;
let app: FastifyInstance;
before(async () => {
  store = await Store.open({ db: ':memory:' });
  app = await buildApp({ store, workers: 0 });
});
after(async () => {
  await app?.close();
  await store?.close();
});

const ROUTES = [
  'post /api/documents',
  'get /api/documents',
  'get /api/documents/{id}',
  'get /api/documents/{id}/versions',
  'get /api/documents/{id}/findings',
  'get /api/documents/{id}/original',
  'get /api/documents/{id}/tree',
  'get /api/documents/{id}/report',
  'get /api/rules',
  'get /api/review/documents',
  'get /api/review/facets',
  'get /api/documents/{id}/reviews',
  'put /api/documents/{id}/reviews/{index}',
  'delete /api/documents/{id}/reviews/{index}',
  'get /api/reviews/export',
  'get /api/search',
  'get /api/entities',
  'get /api/entities/{id}/timeline',
  'get /api/aggregates/classes',
  'get /api/aggregates/three-public',
  'get /api/aggregates/basic-project',
  'get /api/export/line-items',
  'get /api/entities/{id}/aliases',
  'post /api/entities/{id}/merge',
  'post /api/entities/{id}/split',
  'post /api/generate',
  'get /api/generate/templates',
  'post /api/generate/check',
  'post /api/generate/dataset',
  'post /api/generate/prior',
  'post /api/ledger',
  'get /api/ledger',
  'get /api/transparency',
  'get /api/health',
  'post /api/auth/login',
  'post /api/auth/logout',
  'get /api/auth/me',
  'get /api/tokens',
  'post /api/tokens',
  'delete /api/tokens/{id}',
  'get /api/audit',
  'get /api/compare',
  'get /api/jobs',
  'get /api/documents/{id}/tables',
  'get /api/documents/{id}/tables/{index}',
];

test('GET /api/openapi.json is an OpenAPI 3.1 document that describes every route', async () => {
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  assert.equal(res.statusCode, 200);
  const doc = res.json();
  assert.equal(doc.openapi, '3.1.0');
  assert.equal(doc.info.title, 'gongkai API');
  assert.equal(typeof doc.info.version, 'string');

  const operations: string[] = [];
  const ajv = new Ajv2020({ strict: false, validateFormats: false });
  const tags = new Set(doc.tags.map((t: { name: string }) => t.name));
  for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
    const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    for (const [method, op] of Object.entries<any>(item)) {
      const where = `${method} ${path}`;
      operations.push(where);
      assert.ok(op.summary, `${where}: summary`);
      assert.ok(op.tags?.length && op.tags.every((t: string) => tags.has(t)), `${where}: tags`);
      assert.ok(Object.keys(op.responses).length > 0, `${where}: responses`);
      for (const [code, r] of Object.entries<any>(op.responses)) {
        assert.match(code, /^[1-5]\d\d$/, where);
        assert.equal(typeof r.description, 'string', `${where} ${code}: description`);
        for (const media of Object.values<any>(r.content ?? {})) ajv.compile(media.schema);
      }
      for (const p of op.parameters ?? []) {
        assert.ok(['path', 'query'].includes(p.in) && p.name && p.schema, `${where}: parameter ${JSON.stringify(p)}`);
        ajv.compile(p.schema);
      }
      const declared = (op.parameters ?? []).filter((p: { in: string }) => p.in === 'path').map((p: { name: string }) => p.name);
      assert.deepEqual(declared.sort(), pathParams.sort(), `${where}: path parameters`);
    }
  }
  assert.deepEqual(operations.sort(), [...ROUTES].sort());

  const upload = doc.paths['/api/documents'].post;
  assert.deepEqual(upload.requestBody.content['multipart/form-data'].schema.required, ['file']);
  assert.equal(upload.requestBody.content['multipart/form-data'].schema.properties.file.format, 'binary');
  assert.deepEqual(Object.keys(upload.responses).sort(), ['200', '201', '400', '413', '415', '422', '500']);
  assert.deepEqual(doc.paths['/api/documents/{id}'].get.responses['404'].content['application/json'].schema.required, ['error']);
  assert.ok(!JSON.stringify(doc).includes('"$ref"'), 'schemas are inline: no dangling references');
});

test('GET /api/docs serves the browsable documentation', async () => {
  const res = await app.inject({ method: 'GET', url: '/api/docs' });
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /^text\/html/);
  assert.match(res.body, /swagger-ui/i);
  const json = await app.inject({ method: 'GET', url: '/api/docs/json' });
  assert.equal(json.json().openapi, '3.1.0');
});
