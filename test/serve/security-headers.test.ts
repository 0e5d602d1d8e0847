/**
 * Security headers and the web app's content-security policy (src/serve/security-headers.ts) on
 * every answer — the app's page, the API's JSON, a refusal — with HTTPS-only parts (HSTS, upgrade
 * of requests) only when the server's cookies are Secure; a stored original keeps its sandbox, the
 * API's documentation page the policy of @fastify/swagger-ui. (That the app works under the policy
 * is test/web/: every browser session fails on a violation.)
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/serve/index.js';
import { Store } from '../../src/store/index.js';
import { syntheticBytes, QINGSHAN_2022 } from '../fixtures/store/build.js';
import { upload } from './multipart.js';

const checker = new URL('../fixtures/import/checker.ts', import.meta.url).href;

const APP_CSP =
  "default-src 'self';base-uri 'self';connect-src 'self';font-src 'self' data:;form-action 'self';frame-ancestors 'none';img-src 'self' data: blob:;" +
  "object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';worker-src 'self' blob:";

function assertCommon(headers: Record<string, unknown>, where: string) {
  assert.equal(headers['x-content-type-options'], 'nosniff', where);
  assert.equal(headers['x-frame-options'], 'DENY', where);
  assert.equal(headers['referrer-policy'], 'no-referrer', where);
  assert.equal(headers['cross-origin-opener-policy'], 'same-origin', where);
  assert.equal(headers['cross-origin-resource-policy'], 'same-origin', where);
  assert.equal(headers['x-powered-by'], undefined, where);
}

describe('security headers', () => {
  let store: Store;
  let local: FastifyInstance;
  let shared: FastifyInstance;
  before(async () => {
    store = await Store.open({ db: ':memory:' });
    local = await buildApp({ store, workers: 0, checker });
    shared = await buildApp({ store, workers: 0, checker, requireAccounts: true });
  });
  after(async () => {
    await local?.close();
    await shared?.close();
    await store?.close();
  });

  test('local mode (plain http): the policy on the app and the API, no HSTS, no upgrade of requests', async () => {
    for (const url of ['/', '/review', '/api/health', '/api/documents']) {
      const res = await local.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
      assert.equal(res.headers['content-security-policy'], APP_CSP, url);
      assertCommon(res.headers, url);
      assert.equal(res.headers['strict-transport-security'], undefined, url);
    }
  });

  test('accounts required (Secure cookies, HTTPS): HSTS and upgrade-insecure-requests, on refusals too', async () => {
    const res = await shared.inject({ method: 'GET', url: '/api/documents' });
    assert.equal(res.statusCode, 401);
    assert.equal(res.headers['content-security-policy'], `${APP_CSP};upgrade-insecure-requests`);
    assertCommon(res.headers, '401');
    assert.equal(res.headers['strict-transport-security'], 'max-age=15552000');
    const page = await shared.inject({ method: 'GET', url: '/' });
    assert.equal(page.headers['content-security-policy'], `${APP_CSP};upgrade-insecure-requests`);
  });

  test('a stored original keeps its sandbox; /api/docs has the documentation page policy', async () => {
    const up = await local.inject({ method: 'POST', url: '/api/documents', ...upload('青山区网信办2022.txt', syntheticBytes(QINGSHAN_2022)) });
    assert.equal(up.statusCode, 201, up.body);
    const orig = await local.inject({ method: 'GET', url: `/api/documents/${up.json().id}/original` });
    assert.equal(orig.headers['content-security-policy'], "sandbox; default-src 'none'");
    assertCommon(orig.headers, 'original');

    const docs = await local.inject({ method: 'GET', url: '/api/docs' });
    assert.equal(docs.statusCode, 200);
    const csp = docs.headers['content-security-policy'] as string;
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /upgrade-insecure-requests/);
  });
});
