import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createProgressReporter } from '../../src/cli/progress.js';
import { importPaths, type ImportEvent } from '../../src/import/index.js';
import { WorkerPool } from '../../src/workers/pool.js';
import { Store } from '../../src/store/index.js';
import { syntheticBytes, QINGSHAN_2022, HUXI_2022, type SyntheticSpec } from '../fixtures/store/build.js';

const checker = new URL('../fixtures/import/checker.ts', import.meta.url).href;
const runner = new URL('../fixtures/import/run-import.ts', import.meta.url).pathname;

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'gongkai-import-'));
}

/** A folder with two good files (one nested), two unreadable ones and four that are left out. */
function mixedFolder(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'a', 'b'), { recursive: true });
  writeFileSync(join(dir, 'a', 'qingshan.txt'), syntheticBytes(QINGSHAN_2022));
  writeFileSync(join(dir, 'a', 'b', 'huxi.txt'), syntheticBytes(HUXI_2022));
  writeFileSync(join(dir, 'broken.pdf'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x10, 0x11, 0x00, 0x00]));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'notes.md'), '# 备注\n');
  writeFileSync(join(dir, 'old.doc'), 'x');
  writeFileSync(join(dir, '.hidden.txt'), 'x');
  writeFileSync(join(dir, '~$qingshan.docx'), 'x');
  return dir;
}

describe('importPaths', () => {
  const dirs: string[] = [];
  after(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  test('a folder with good and bad files: good ones stored, bad ones reported with the reason, the rest skipped; a re-run is a no-op', async () => {
    const dir = mixedFolder();
    dirs.push(dir);
    const store = await Store.open({ db: ':memory:' });
    try {
      const events: ImportEvent[] = [];
      const first = await importPaths([dir], { db: store, workers: 0, checker, onProgress: (e) => events.push(e) });
      assert.equal(first.total, 8);
      assert.equal(first.imported, 2);
      assert.equal(first.duplicates, 0);
      assert.deepEqual(first.failed, [
        { path: join(dir, 'broken.pdf'), reason: '无法识别的文件类型（扩展名 .pdf）：不是 pdf/docx/xlsx/html/txt' },
        { path: join(dir, 'empty.txt'), reason: '文件为空' },
      ]);
      assert.deepEqual(first.skipped, [
        { path: join(dir, '.hidden.txt'), reason: '隐藏文件' },
        { path: join(dir, 'notes.md'), reason: '不支持的文件类型（.md）' },
        { path: join(dir, 'old.doc'), reason: '旧版 Office 格式（.doc）暂不支持，请另存为 .docx/.xlsx' },
        { path: join(dir, '~$qingshan.docx'), reason: 'Office 临时锁定文件' },
      ]);
      assert.equal(events[0].type, 'start');
      assert.equal(events.filter((e) => e.type === 'file').length, 8);
      assert.equal(events.at(-1)!.type, 'end');

      const docs = await store.listDocuments();
      assert.deepEqual(docs.items.map((d) => [d.entity, d.fileName]).sort(), [
        ['中共示范市青山区委网络安全和信息化委员会办公室', 'qingshan.txt'],
        ['示范市湖西区财政局', 'huxi.txt'],
      ]);
      // What GET returns names the file by its base name: where it was imported from (an absolute
      // path on the importing machine) is never served.
      const json = JSON.parse((await store.documentJson(docs.items[0].id))!);
      assert.ok(['qingshan.txt', 'huxi.txt'].includes(json.document.source.path), json.document.source.path);
      assert.ok(!(await store.documentJson(docs.items[1].id))!.includes(dir));

      const again = await importPaths([dir], { db: store, workers: 0, checker });
      assert.equal(again.imported, 0);
      assert.equal(again.duplicates, 2);
      assert.equal(again.failed.length, 2);
      assert.equal((await store.listDocuments()).total, 2);
      let items = 0;
      for await (const _ of store.lineItems()) items++;
      assert.equal(items, 20 + 11);
    } finally {
      await store.close();
    }
  });

  test('worker threads check in parallel; a hanging file times out and a crashing one is reported, the rest goes on', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const specs: SyntheticSpec[] = Array.from({ length: 5 }, (_, i) => ({ ...HUXI_2022, entity: `示范市第${i + 1}区财政局`, year: 2020 + i }));
    specs.forEach((s, i) => writeFileSync(join(dir, `d${i}.txt`), syntheticBytes(s)));
    writeFileSync(join(dir, 'x-hang.txt'), 'hang\n');
    writeFileSync(join(dir, 'x-crash.txt'), 'crash\n');
    const store = await Store.open({ db: ':memory:' });
    try {
      const s = await importPaths([dir], { db: store, workers: 2, checker, timeoutMs: 1500 });
      assert.equal(s.imported, 5, JSON.stringify(s.failed));
      assert.deepEqual(s.failed.sort((a, b) => a.path.localeCompare(b.path)), [
        { path: join(dir, 'x-crash.txt'), reason: '处理时工作线程异常退出（代码 3）' },
        { path: join(dir, 'x-hang.txt'), reason: '超出处理时间上限 2 秒：读取和检查未能在时限内完成，已放弃' },
      ]);
      const years = (await store.listDocuments()).items.map((d) => d.year).sort();
      assert.deepEqual(years, [2020, 2021, 2022, 2023, 2024]);
    } finally {
      await store.close();
    }
  });

  test('an abort signal (Ctrl-C in the CLI) stops after the document being written; a re-run does the rest', async () => {
    const dir = tempDir();
    dirs.push(dir);
    for (let i = 0; i < 6; i++) writeFileSync(join(dir, `g${i}.txt`), syntheticBytes({ ...HUXI_2022, entity: `示范市中断测试${i}局` }));
    const store = await Store.open({ db: ':memory:' });
    try {
      const stop = new AbortController();
      const first = await importPaths([dir], {
        db: store,
        workers: 0,
        checker,
        signal: stop.signal,
        onProgress: (e) => {
          if (e.type === 'file' && e.status === 'imported') stop.abort();
        },
      });
      assert.equal(first.interrupted, true);
      assert.ok(first.imported >= 1 && first.imported < 6, `imported ${first.imported}`);
      const rest = await importPaths([dir], { db: store, workers: 0, checker });
      assert.equal(rest.interrupted, false);
      assert.equal(rest.duplicates, first.imported);
      assert.equal(rest.imported, 6 - first.imported);
      assert.equal((await store.listDocuments()).total, 6);
    } finally {
      await store.close();
    }
  });

  test('a worker whose heap has grown past the limit is replaced after its file; otherwise one worker checks them all', async () => {
    const files = [0, 1, 2].map((i) => ({ id: i, path: `q${i}.txt`, bytes: syntheticBytes({ ...QINGSHAN_2022, revision: i }), sha256: String(i) }));
    const recycling = new WorkerPool(1, checker, 60_000, 0);
    try {
      for (const f of files) assert.equal((await recycling.run(f)).ok, true);
      assert.equal(recycling.started, 3);
    } finally {
      await recycling.close();
    }
    const keeping = new WorkerPool(1, checker, 60_000);
    try {
      const results = await Promise.all(files.map((f) => keeping.run(f)));
      assert.deepEqual(results.map((r) => [r.id, r.ok]), [[0, true], [1, true], [2, true]]);
      assert.equal(keeping.started, 1);
    } finally {
      await keeping.close();
    }
  });

  test('a missing path is reported, not thrown', async () => {
    const store = await Store.open({ db: ':memory:' });
    try {
      const s = await importPaths(['/nonexistent/gongkai/nothing.pdf'], { db: store, workers: 0, checker });
      assert.deepEqual(s.skipped, [{ path: '/nonexistent/gongkai/nothing.pdf', reason: '文件或目录不存在或无法访问' }]);
      assert.equal(s.imported, 0);
    } finally {
      await store.close();
    }
  });

  test('an import killed with SIGKILL mid-way completes on re-run without duplicates or loss', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const n = 12;
    for (let i = 0; i < n; i++) {
      writeFileSync(join(dir, `f${String(i).padStart(2, '0')}.txt`), syntheticBytes({ ...QINGSHAN_2022, entity: `示范市第${i + 1}区委网信办`, year: 2022 }));
    }
    const db = join(dir, 'store', 'gongkai.db');

    const child = spawn(process.execPath, ['--import', 'tsx', runner, dir, db], {
      env: { ...process.env, GONGKAI_TEST_CHECK_DELAY_MS: '150' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let imported = 0;
    let out = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`child made no progress: ${out}`)), 30_000);
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        imported = out.split('\n').filter((l) => l.startsWith('imported ')).length;
        if (imported >= 3) {
          clearTimeout(timer);
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));
    assert.equal(child.signalCode, 'SIGKILL', `the child finished before it was killed: ${out}`);
    assert.ok(!out.includes('finished'));

    const store = await Store.open({ db });
    try {
      const before = (await store.listDocuments()).total;
      assert.ok(before >= 3 && before < n, `stored before the re-run: ${before}`);
      const s = await importPaths([dir], { db: store, workers: 0, checker });
      assert.equal(s.failed.length, 0);
      assert.equal(s.imported + s.duplicates, n);
      assert.equal(s.duplicates, before);
      const docs = await store.listDocuments({}, { limit: 100 });
      assert.equal(docs.total, n);
      assert.equal(new Set(docs.items.map((d) => d.sha256)).size, n);
      assert.ok(docs.items.every((d) => d.version === 1 && d.versions === 1));
      // Every document complete: 20 line items each, none half-written.
      const perDoc = new Map<number, number>();
      for await (const r of store.lineItems()) perDoc.set(r.documentId, (perDoc.get(r.documentId) ?? 0) + 1);
      assert.equal(perDoc.size, n);
      assert.ok([...perDoc.values()].every((c) => c === 20), JSON.stringify([...perDoc.values()]));
    } finally {
      await store.close();
    }
  });
});

describe('progress reporter', () => {
  test('plain lines when not on a terminal', () => {
    let text = '';
    const stream = new Writable({
      write(chunk, _enc, cb) {
        text += chunk.toString();
        cb();
      },
    });
    const r = createProgressReporter({ stream, tty: false });
    r.onProgress({ type: 'start', total: 3, workers: 2 });
    r.onProgress({ type: 'file', path: 'a/x.pdf', status: 'imported', documentId: 4, version: 2, pages: 12, done: 1, total: 3, pagesDone: 12, elapsedMs: 900 });
    r.onProgress({ type: 'file', path: 'a/y.pdf', status: 'duplicate', documentId: 1, version: 1, done: 2, total: 3, pagesDone: 12, elapsedMs: 950 });
    r.onProgress({ type: 'file', path: 'a/z.pdf', status: 'failed', reason: '文件为空', done: 3, total: 3, pagesDone: 12, elapsedMs: 990 });
    r.onProgress({
      type: 'end',
      summary: { total: 3, imported: 1, duplicates: 1, failed: [{ path: 'a/z.pdf', reason: '文件为空' }], skipped: [], pages: 12, elapsedMs: 1234, interrupted: false, files: [] },
    });
    assert.equal(
      text,
      [
        '开始导入：3 个文件，2 个工作线程',
        '[1/3] 已导入 a/x.pdf（文档 4 第 2 版，12 页）',
        '[2/3] 已存在 a/y.pdf（内容相同，已是文档 1 第 1 版）',
        '[3/3] 失败 a/z.pdf：文件为空',
        '导入完成：新导入 1，已存在 1，失败 1，跳过 0，共 12 页，用时 1.2 秒',
        '',
      ].join('\n'),
    );
  });

  test('a bar on a terminal; failures are printed above it, the summary after it', () => {
    let text = '';
    const stream = Object.assign(
      new Writable({
        write(chunk, _enc, cb) {
          text += chunk.toString();
          cb();
        },
      }),
      { isTTY: true, columns: 120 },
    );
    const r = createProgressReporter({ stream });
    r.onProgress({ type: 'start', total: 2, workers: 1 });
    r.onProgress({ type: 'file', path: 'b.pdf', status: 'failed', reason: '文件为空', done: 1, total: 2, pagesDone: 0, elapsedMs: 500 });
    r.onProgress({ type: 'file', path: 'c.pdf', status: 'imported', documentId: 1, version: 1, pages: 3, done: 2, total: 2, pagesDone: 3, elapsedMs: 1000 });
    r.onProgress({
      type: 'end',
      summary: { total: 2, imported: 1, duplicates: 0, failed: [{ path: 'b.pdf', reason: '文件为空' }], skipped: [], pages: 3, elapsedMs: 1000, interrupted: false, files: [] },
    });
    assert.ok(text.includes('失败 b.pdf：文件为空\n'), text);
    assert.ok(text.includes('导入 ['), text);
    assert.ok(text.endsWith('导入完成：新导入 1，已存在 0，失败 1，跳过 0，共 3 页，用时 1.0 秒\n'), text);
  });
});
