/**
 * Structured request logs: one JSON object a line per request and answer; a 5xx leaves its error
 * (with the stack) in the log while the answer says only 服务器内部错误; credentials never appear.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp, requestLogger } from '../../src/serve/index.js';
import { Store } from '../../src/store/index.js';

test('requests are logged as JSON lines with status and time; a 500 logs its error, not the client', async () => {
  const lines: string[] = [];
  const store = await Store.open({ db: ':memory:' });
  const app = await buildApp({ store, workers: 0, logger: requestLogger('info', { write: (l) => void lines.push(l) }) });
  try {
    const refused = await app.inject({ method: 'GET', url: '/api/documents', headers: { authorization: 'Bearer gk_secret-value-that-must-not-appear', cookie: 'gongkai_session=also-secret' } });
    assert.equal(refused.statusCode, 401);
    const res = await app.inject({ method: 'GET', url: '/api/documents?limit=5' });
    assert.equal(res.statusCode, 200);
    // A store failure behind a route: closed under the running app.
    await store.close();
    const failed = await app.inject({ method: 'GET', url: '/api/documents' });
    assert.equal(failed.statusCode, 500);
    assert.equal(failed.json().error, '服务器内部错误，请稍后重试');

    const entries = lines.map((l) => JSON.parse(l) as { level: number; msg: string; req?: { method: string; url: string }; res?: { statusCode: number }; responseTime?: number; err?: { stack: string } });
    const done = entries.filter((e) => e.msg === 'request completed');
    assert.deepEqual(done.map((e) => e.res!.statusCode), [401, 200, 500]);
    assert.ok(done.every((e) => typeof e.responseTime === 'number'));
    assert.ok(entries.some((e) => e.msg === 'incoming request' && e.req!.url === '/api/documents?limit=5' && e.req!.method === 'GET'));
    const error = entries.find((e) => e.msg === 'request failed');
    assert.ok(error && error.level === 50 && error.err!.stack.length > 0, 'the 500 is logged with its stack');
    assert.ok(!lines.join('').includes('secret'), 'no credentials in the log');
  } finally {
    await app.close();
  }
});
