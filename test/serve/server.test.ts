import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../src/serve/index.js';
import { DEFAULT_DB_PATH, resolveDb } from '../../src/store/index.js';
import { syntheticBytes, HUXI_2022 } from '../fixtures/store/build.js';

const checker = new URL('../fixtures/import/checker.ts', import.meta.url).href;

test('startServer listens over a SQLite file it creates; uploads are checked in a worker; nothing but the database is written', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-serve-'));
  const db = join(dir, 'data', 'gongkai.db');
  const server = await startServer({ port: 0, db, workers: 1, checker });
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(syntheticBytes(HUXI_2022))]), '../../../../tmp/../etc/cron.d/huxi.txt');
    const res = await fetch(`${server.url}/api/documents`, { method: 'POST', body: form });
    assert.equal(res.status, 201);
    const body = (await res.json()) as { id: number; document: { source: { path: string }; entity: { name: string } } };
    assert.equal(body.document.source.path, 'huxi.txt');
    assert.equal(body.document.entity.name, '示范市湖西区财政局');

    const got = await fetch(`${server.url}/api/documents/${body.id}`);
    assert.equal(got.status, 200);
    assert.equal(((await got.json()) as { document: { year: number } }).document.year, 2022);

    assert.deepEqual(readdirSync(dir), ['data']);
    assert.deepEqual(
      readdirSync(join(dir, 'data')).filter((f) => !/^gongkai\.db(-wal|-shm)?$/.test(f)),
      [],
    );
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('which database: --db, else DATABASE_URL (a file or a postgres URL), else ./data/gongkai.db; other URLs refused', () => {
  const saved = process.env.DATABASE_URL;
  try {
    delete process.env.DATABASE_URL;
    assert.equal(resolveDb(), DEFAULT_DB_PATH);
    assert.equal(DEFAULT_DB_PATH, './data/gongkai.db');
    assert.equal(resolveDb('/srv/gk.db'), '/srv/gk.db');
    process.env.DATABASE_URL = 'postgres://u:p@db.example/gongkai';
    assert.equal(resolveDb(), 'postgres://u:p@db.example/gongkai');
    assert.equal(resolveDb('other.db'), 'other.db');
    process.env.DATABASE_URL = '/srv/env.db';
    assert.equal(resolveDb(), '/srv/env.db');
    process.env.DATABASE_URL = 'mysql://elsewhere/x';
    assert.throws(() => resolveDb(), /不支持的数据库地址 mysql:\/\/elsewhere\/x.*DATABASE_URL/);
    assert.throws(() => resolveDb('mysql://u:secret@h/x'), (e: Error) => e.message.includes('mysql://u:***@h/x'));
  } finally {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
  }
});
