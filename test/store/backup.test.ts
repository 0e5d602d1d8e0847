/**
 * `gongkai backup` / `restore` on SQLite: a backup taken while the store is open and being written
 * holds exactly what was stored at that moment, restores into a new place or (with --force) over
 * the store, and is refused where it would do harm: over an existing backup, over a store with
 * documents without --force, from a file that is not a gongkai store, and on PostgreSQL (pg_dump).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store, toRecord, backupStore, restoreStore } from '../../src/store/index.js';
import { synthetic, QINGSHAN_2022, HUXI_2022, QINGSHAN_2023, type SyntheticSpec } from '../fixtures/store/build.js';
import { ROOT } from '../helpers/shared.js';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-backup-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function save(store: Store, spec: SyntheticSpec) {
  const { result, bytes } = synthetic(spec);
  return store.save(toRecord(result, { sha256: result.document.source.sha256, fileName: 'x.txt', sourcePath: null, size: bytes.length }), bytes);
}

async function listing(db: string) {
  const store = await Store.open({ db });
  try {
    const { items } = await store.listDocuments({}, { limit: 100 });
    return items.map((d) => [d.entity, d.year, d.version, d.sha256]);
  } finally {
    await store.close();
  }
}

test('a backup of an open store holds what was stored when it was taken; restore brings it back', async () => {
  const live = join(dir, 'live.db');
  const store = await Store.open({ db: live });
  await save(store, QINGSHAN_2022);
  await save(store, HUXI_2022);
  const before = (await store.listDocuments({}, { limit: 100 })).items.map((d) => [d.entity, d.year, d.version, d.sha256]);

  // Online: the store stays open (WAL, with uncheckpointed pages) while it is copied.
  const b = await backupStore({ db: live, to: join(dir, 'b1', 'backup.db') });
  assert.equal(b.documents, 2);
  assert.ok(b.bytes > 0);
  await save(store, QINGSHAN_2023);
  await store.close();
  assert.equal((await listing(live)).length, 3);

  // Into a new place.
  const fresh = join(dir, 'restored.db');
  const r = await restoreStore({ db: fresh, from: b.to });
  assert.equal(r.documents, 2);
  assert.deepEqual(await listing(fresh), before);

  // Over the store: refused without force (it has documents), done with it.
  await assert.rejects(restoreStore({ db: live, from: b.to }), /目标数据库 .*live\.db 已存在（3 份文件）：确认要覆盖请加 --force/);
  assert.equal((await listing(live)).length, 3);
  await restoreStore({ db: live, from: b.to, force: true });
  assert.deepEqual(await listing(live), before);
});

test('refusals: an existing backup file, a file that is no store, a missing store, PostgreSQL', async () => {
  const live = join(dir, 'r.db');
  const store = await Store.open({ db: live });
  await save(store, HUXI_2022);
  await store.close();
  const first = await backupStore({ db: live, to: join(dir, 'r-backup.db') });
  await assert.rejects(backupStore({ db: live, to: first.to }), /备份文件 .*r-backup\.db 已存在：请换一个文件名/);

  const text = join(dir, 'not-a-store.db');
  writeFileSync(text, '这不是数据库'.repeat(200));
  await assert.rejects(restoreStore({ db: join(dir, 'x.db'), from: text }), /备份文件 .*not-a-store\.db 不是 gongkai 数据库/);
  await assert.rejects(backupStore({ db: join(dir, 'missing.db'), to: join(dir, 'y.db') }), /数据库 .*missing\.db 不存在/);
  await assert.rejects(backupStore({ db: 'postgres://u:secret@db.example/gk', to: join(dir, 'z.db') }), (e: Error) => {
    assert.match(e.message, /^PostgreSQL 数据库（postgres:\/\/u:\*\*\*@db\.example\/gk）请用 pg_dump 备份/);
    return true;
  });
  await assert.rejects(restoreStore({ db: 'postgres://db.example/gk', from: first.to }), /请用 pg_restore 恢复/);
});

test('the command line: backup and restore print one line; a refusal exits 2 with one Chinese line', () => {
  const bin = join(ROOT, 'bin/gongkai.js');
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: dir });
  const db = join(dir, 'r.db');
  const to = join(dir, 'cli-backup.db');
  const ok = run('backup', to, '--db', db);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stderr, /^已备份：.*r\.db → .*cli-backup\.db（1 份文件，[\d.]+ MB）\n$/);
  const again = run('backup', to, '--db', db);
  assert.equal(again.status, 2);
  assert.match(again.stderr, /^错误 备份文件 .*已存在：请换一个文件名（不会覆盖已有备份）\n$/);
  const restored = run('restore', to, '--db', join(dir, 'cli-restored.db'));
  assert.equal(restored.status, 0, restored.stderr);
  assert.match(restored.stderr, /^已恢复：.*cli-backup\.db → .*cli-restored\.db（1 份文件）\n$/);
});
