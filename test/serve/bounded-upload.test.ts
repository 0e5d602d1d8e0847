/**
 * An attack uploaded to a real server (listening on a port, the real pipeline in the upload
 * pool's worker threads): while the bomb is read the server answers other requests, the bomb
 * gets one Chinese line naming the limit it broke, and the pool goes on checking after it.
 * Order of answers only — how long each took is measured by scripts/attack-server.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../src/serve/index.js';
import { ATTACKS } from '../../scripts/fuzz/generators.js';
import { ROOT } from '../helpers/shared.js';

function attack(name: string) {
  const a = ATTACKS.find((x) => x.name === name);
  assert.ok(a, name);
  return a;
}

test('a Flate bomb upload: health is answered before the bomb, which is refused by its limit; the next upload is checked', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bounded-'));
  const server = await startServer({ port: 0, db: join(dir, 'store.db'), workers: 2 });
  try {
    // 512 MB of inflated content in a PDF of half a megabyte: twice the inflated-bytes limit.
    const bomb = attack('pdf-flate-bomb');
    const bytes = await bomb.make(0.5);
    const order: string[] = [];
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), bomb.file);
    const upload = fetch(`${server.url}/api/documents`, { method: 'POST', body: form }).then(async (r) => {
      order.push('bomb');
      return { status: r.status, body: (await r.json()) as { error?: string } };
    });
    const health = fetch(`${server.url}/api/health`).then(async (r) => {
      order.push('health');
      return r.json();
    });
    const list = fetch(`${server.url}/api/documents`).then(async (r) => {
      order.push('list');
      return r.status;
    });
    const [refused, ok, listed] = await Promise.all([upload, health, list]);
    assert.deepEqual(ok, { ok: true });
    assert.equal(listed, 200);
    assert.equal(order.at(-1), 'bomb', `answers in the order ${order.join(', ')}`);
    assert.equal(refused.status, 422);
    assert.match(refused.body.error!, /^超出解压后大小上限 \d+ MB/);
    assert.doesNotMatch(refused.body.error!, /\n|at .*\(|\/work\/|\/tmp\//);

    // The pool goes on: an ordinary file after the bomb is checked and stored.
    const next = new FormData();
    next.append('file', new Blob([new Uint8Array(readFileSync(join(ROOT, 'examples/sample-budget.txt')))]), 'sample-budget.txt');
    const res = await fetch(`${server.url}/api/documents`, { method: 'POST', body: next });
    assert.equal(res.status, 201);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
