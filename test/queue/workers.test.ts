/**
 * Import through the job queue on the real PostgreSQL, with two real `gongkai worker` processes:
 * the files of a folder are queued (`gongkai import --queue`), both workers take them, one is
 * killed with SIGKILL while it holds a file; the queue gives that file to the other worker after
 * its timeout, and at the end every file is stored exactly once, none is lost, the unreadable one
 * is recorded as failed with its reason, and GET /api/jobs shows the batch's counts.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { QUEUE, queueSchema } from '../../src/queue/index.js';
import { buildApp } from '../../src/serve/index.js';
import { Store } from '../../src/store/index.js';
import { HAVE_SHARED, ROOT, SEEDS } from '../helpers/shared.js';

const PG_URL = process.env.GONGKAI_TEST_PG_URL;
const BIN = join(ROOT, 'bin/gongkai.js');
const schema = `t_queue_${process.pid}`;

function dbUrl(s = schema): string {
  const u = new URL(PG_URL!);
  u.searchParams.set('schema', s);
  return u.toString();
}

function gongkai(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function startWorker(db: string, extra: string[] = []): { child: ChildProcess; log: () => string; exited: Promise<number | null>; waitFor: (re: RegExp) => Promise<RegExpExecArray> } {
  const child = spawn(process.execPath, [BIN, 'worker', '--db', db, '--workers', '1', ...extra], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const waiters: { re: RegExp; resolve: (m: RegExpExecArray) => void }[] = [];
  const onData = (b: Buffer) => {
    text += b.toString('utf8');
    for (const w of waiters.slice()) {
      const m = w.re.exec(text);
      if (m) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    log: () => text,
    exited,
    waitFor: (re) =>
      new Promise((resolve, reject) => {
        const m = re.exec(text);
        if (m) return resolve(m);
        waiters.push({ re, resolve });
        exited.then(() => reject(new Error(`worker exited before ${re}:\n${text}`)));
      }),
  };
}

after(async () => {
  if (!PG_URL) return;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    for (const s of [schema, `${schema}_queue`, `${schema}_b`, `${schema}_b_queue`]) await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  } finally {
    await client.end();
  }
});

test('gongkai worker refuses a SQLite store in one line', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'gongkai-queue-')), 'store.db');
  const r = gongkai(['worker', '--db', db]);
  assert.equal(r.code, 2);
  assert.equal(r.err, '错误 任务队列需要 PostgreSQL：请用 --db postgres://… 指定数据库（SQLite 数据库请直接用 gongkai import 导入）\n');
});

test('two workers share the queue; one killed mid-file loses nothing and nothing is stored twice', { skip: PG_URL ? false : 'GONGKAI_TEST_PG_URL is unset', timeout: 600_000 }, async () => {
  const db = dbUrl();
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-queue-'));
  // The real seeds (when ../shared is there: docx, PDF and text of four departments) and synthetic files.
  if (HAVE_SHARED) for (const f of readdirSync(SEEDS)) copyFileSync(join(SEEDS, f), join(dir, f));
  for (const f of readdirSync(join(ROOT, 'test/fixtures/txt'))) copyFileSync(join(ROOT, 'test/fixtures/txt', f), join(dir, `fixture-${f}`));
  writeFileSync(join(dir, 'broken.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x5a)]));
  const files = readdirSync(dir).sort();

  const queued = gongkai(['import', '--queue', dir, '--db', db, '--job-timeout', '4']);
  assert.equal(queued.code, 0, queued.err);
  const batch = queued.out.trim();
  assert.match(batch, /^\d{8}-\d{4}-[0-9a-f]{4}$/);
  assert.match(queued.err, new RegExp(`批次 ${batch}：${files.length} 个文件已排队，0 个已存在`));

  // The same folder again (another copy of a file too): nothing is queued twice.
  copyFileSync(join(dir, 'fixture-budget.txt'), join(dir, 'copy-of-budget.txt'));
  const again = gongkai(['import', '--queue', dir, '--db', db]);
  assert.equal(again.code, 0, again.err);
  assert.match(again.err, new RegExp(`0 个文件已排队，${files.length + 1} 个已存在`));
  assert.match(again.err, /已存在 .*copy-of-budget\.txt：内容相同的文件已在队列中（批次 /);

  const a = startWorker(db);
  const b = startWorker(db, ['--until-done']);
  // A has taken up a file and is checking it: kill it there.
  const [, held] = await a.waitFor(/开始 #(\d+) /);
  a.child.kill('SIGKILL');
  assert.equal(await a.exited, null);
  const heldId = Number(held);
  assert.doesNotMatch(a.log(), new RegExp(`(已导入|失败) #${heldId} `), 'the killed worker had not finished its file');

  // B finishes the batch, the killed worker's file included once the queue has timed it out.
  assert.equal(await b.exited, 0, b.log());
  assert.match(b.log(), new RegExp(`开始 #${heldId} .*（第 2 次）`));
  assert.doesNotMatch(a.log() + b.log(), /\n\s+at /, 'no stack trace');

  const store = await Store.open({ db });
  try {
    const rows = await store.importJobs.rows(batch);
    assert.equal(rows.length, files.length);
    const byName = new Map(rows.map((r) => [r.file_name, r]));
    const broken = byName.get('broken.pdf')!;
    assert.equal(broken.status, 'failed');
    assert.match(broken.reason ?? '', /^\S.*$/);
    assert.ok(!(broken.reason ?? '').includes(dir), 'the reason names no path');
    for (const r of rows.filter((r) => r.file_name !== 'broken.pdf')) {
      assert.equal(r.status, 'imported', `${r.file_name}: ${r.status} ${r.reason ?? ''}`);
      assert.ok(r.document_id && r.version);
    }
    const killed = rows.find((r) => r.id === heldId)!;
    assert.equal(killed.attempts, 2, 'taken up again after its worker was killed');
    assert.equal(killed.status, killed.file_name === 'broken.pdf' ? 'failed' : 'imported');
    assert.ok(rows.filter((r) => r.id !== heldId).every((r) => r.attempts === 1), 'no other file was taken up twice');

    // Every stored file once: one version per file, keyed by its SHA-256.
    const versions = await store.conn.db.selectFrom('versions').select(['sha256', 'document_id', 'version']).execute();
    assert.equal(versions.length, files.length - 1);
    assert.equal(new Set(versions.map((v) => v.sha256)).size, versions.length);
    for (const r of rows.filter((r) => r.status === 'imported')) {
      const v = versions.filter((v) => v.sha256 === r.sha256);
      assert.equal(v.length, 1, r.file_name);
      assert.deepEqual([v[0].document_id, v[0].version], [r.document_id, r.version]);
    }
    // Versions of one document are numbered 1..n without a gap or a repeat.
    const perDoc = new Map<number, number[]>();
    for (const v of versions) perDoc.set(v.document_id, [...(perDoc.get(v.document_id) ?? []), v.version]);
    for (const [, vs] of perDoc) assert.deepEqual(vs.sort((x, y) => x - y), vs.map((_, i) => i + 1));
    const originals = await store.conn.db.selectFrom('originals').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(originals.n), versions.length);

    const app = await buildApp({ store, workers: 0 });
    try {
      const res = await app.inject({ method: 'GET', url: `/api/jobs?batch=${batch}` });
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.equal(body.total, 1);
      assert.deepEqual(
        { ...body.batches[0], createdAt: undefined, updatedAt: undefined },
        { batch, createdAt: undefined, updatedAt: undefined, total: files.length, queued: 0, active: 0, imported: files.length - 1, duplicate: 0, failed: 1 },
      );
      assert.deepEqual(
        body.failures.map((f: { fileName: string }) => f.fileName),
        ['broken.pdf'],
      );
      assert.ok(!res.body.includes(dir), 'no path of the enqueuing machine in the answer');
    } finally {
      await app.close();
    }
  } finally {
    await store.close();
  }
});

test('a file whose every try failed goes to the dead-letter queue and is recorded as failed, once', { skip: PG_URL ? false : 'GONGKAI_TEST_PG_URL is unset', timeout: 300_000 }, async () => {
  const own = `${schema}_b`;
  const db = dbUrl(own);
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-queue-'));
  copyFileSync(join(ROOT, 'test/fixtures/txt/budget.txt'), join(dir, 'budget.txt'));
  const queued = gongkai(['import', '--queue', dir, '--db', db]);
  assert.equal(queued.code, 0, queued.err);
  const batch = queued.out.trim();

  // Three tries that each end in failure, as three workers dying with the file would end
  // (pg-boss retries a failed job as it retries an expired one).
  const boss = new PgBoss({ connectionString: PG_URL!, schema: queueSchema(own), supervise: false, schedule: false });
  await boss.start();
  try {
    for (let i = 0; i < 3; i++) {
      const [job] = await boss.fetch(QUEUE);
      assert.ok(job, `try ${i + 1} fetched`);
      await boss.fail(QUEUE, job.id, { message: 'simulated' });
    }
    assert.deepEqual(await boss.fetch(QUEUE), [], 'no fourth try');
  } finally {
    await boss.stop({ graceful: false });
  }

  const w = startWorker(db, ['--until-done']);
  assert.equal(await w.exited, 0, w.log());
  assert.match(w.log(), /失败 #\d+：处理 3 次均未完成（工作进程中断或超时），已放弃/);
  const store = await Store.open({ db });
  try {
    const [row] = await store.importJobs.rows(batch);
    assert.equal(row.status, 'failed');
    assert.equal(row.reason, '处理 3 次均未完成（工作进程中断或超时），已放弃');
    const versions = await store.conn.db.selectFrom('versions').select('id').execute();
    assert.equal(versions.length, 0, 'nothing stored');
  } finally {
    await store.close();
  }
});
