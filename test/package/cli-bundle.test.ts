/**
 * The command runs bundled (dist/cli-bundle/, made by the build): it must say exactly what the
 * unbundled compiled program says, and leave `import` and `serve` to the unbundled dist/ (their
 * workers, store and server share modules with it). Its `check` runs a compiled script with a V8
 * code cache (src/cli/compiled-check.ts), so the first test below compares that with the modules.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { simplePdf, stream } from '../fixtures/pdf/raw.js';
import { ROOT, SEED, seed, sharedOnly } from '../helpers/shared.js';

const BUNDLE = join(ROOT, 'dist/cli-bundle');
const BIN = join(ROOT, 'bin/gongkai.js');

function run(entry: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [entry, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('the build bundles the command', () => {
  // launch.cjs is what bin/gongkai.js runs (check's quick start; every other command loads main.js).
  for (const f of ['launch.cjs', 'main.js']) assert.ok(existsSync(join(BUNDLE, f)), `dist/cli-bundle/${f} is missing: run npm run build`);
});

test('the bundled command checks a file exactly as the unbundled program does', sharedOnly, () => {
  for (const file of [seed(`${SEED.luancheng}.docx`), seed(`${SEED.xushui}.txt`)]) {
    for (const format of ['json', 'text']) {
      const bundled = run(join(BUNDLE, 'launch.cjs'), ['check', file, '--format', format]);
      const plain = run(join(ROOT, 'dist/cli/launch.js'), ['check', file, '--format', format]);
      assert.equal(bundled.code, plain.code, `${file} ${format}: exit code`);
      assert.equal(bundled.stdout, plain.stdout, `${file} ${format}: output`);
      assert.ok(bundled.stdout.length > 100);
    }
  }
});

test('help, version and a bad option read the same bundled or not', () => {
  for (const args of [['--help'], ['--version'], ['check', '--help'], ['import', '--workers', 'abc', 'x'], ['check', 'no-such-file.pdf']]) {
    const bundled = run(join(BUNDLE, 'launch.cjs'), args);
    const plain = run(join(ROOT, 'dist/cli/launch.js'), args);
    assert.deepEqual(bundled, plain, args.join(' '));
  }
});

test('bin/gongkai.js runs the bundle when the build is current', () => {
  // A development checkout whose src/ is newer than dist/ runs the sources instead: only assert
  // what the compiled runs share, the Chinese help.
  const r = run(BIN, ['--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /用法/);
});

test("bin/gongkai.js runs as an executable, through a shebang that sizes V8's threads to the machine", () => {
  // Node's fixed pool of four background threads competed on a 2-core machine with the command's
  // own threads; --v8-pool-size=0 lets Node size it by the cores (docs/benchmarks.md, "Packaging").
  assert.equal(readFileSync(BIN, 'utf8').split('\n')[0], '#!/usr/bin/env -S node --v8-pool-size=0');
  const r = spawnSync(BIN, ['--help'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /用法/);
  const c = spawnSync(BIN, ['check', join(ROOT, 'examples/sample-budget.txt'), '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
  assert.ok(c.status === 0 || c.status === 1, c.stderr);
  assert.equal(JSON.parse(c.stdout).document.entity.name, '示例县数据资源管理局');
});

const READ_SCRIPT = join(ROOT, 'dist/worker-bundle/read-worker.cjs');

/** Loads one of the build's scripts in a fresh node (as the command does): what V8 did with its cache, and what it exports. */
function loadScript(file: string): { cache: string; exports: string[] } {
  const url = pathToFileURL(join(ROOT, 'dist/cli/compiled-check.js')).href;
  const code = `import(${JSON.stringify(url)}).then((m) => { const s = m.loadScript(${JSON.stringify(file)}); console.log(JSON.stringify({ cache: s.cache, exports: Object.keys(s.exports).sort() })); })`;
  return JSON.parse(execFileSync(process.execPath, ['-e', code], { cwd: ROOT, encoding: 'utf8' }));
}

test("check's script and the reading thread's are built with code caches that this Node accepts", () => {
  // Made by the build's training runs (scripts/build.mjs); without them check is only slower, so
  // nothing else would notice a cache that V8 refuses.
  for (const f of ['cli-bundle/check.cjs', 'cli-bundle/check.cache', 'worker-bundle/read-worker.cjs', 'worker-bundle/read-worker.cache']) {
    assert.ok(existsSync(join(ROOT, 'dist', f)), `dist/${f} is missing`);
  }
  assert.deepEqual(loadScript(join(BUNDLE, 'check.cjs')), { cache: 'accepted', exports: ['importPdfjsWith', 'runCheck'] });
  assert.deepEqual(loadScript(READ_SCRIPT), { cache: 'accepted', exports: ['importPdfjsWith', 'readDocumentFile'] });
});

test('a cache V8 refuses (another Node, a damaged file) only makes the script compile as usual', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-script-'));
  copyFileSync(join(BUNDLE, 'check.cjs'), join(dir, 'check.cjs'));
  writeFileSync(join(dir, 'check.cache'), Buffer.alloc(4096, 7));
  assert.deepEqual(loadScript(join(dir, 'check.cjs')), { cache: 'rejected', exports: ['importPdfjsWith', 'runCheck'] });
  rmSync(join(dir, 'check.cache'));
  assert.deepEqual(loadScript(join(dir, 'check.cjs')), { cache: 'absent', exports: ['importPdfjsWith', 'runCheck'] });
});

test("the reading thread's script reads through pdf.js what the native reader leaves to it", () => {
  // Code loaded from a code cache cannot import() on Node 20: pdf.js (an ES module) is imported for
  // the script by the thread's start-up code (bounded-read.ts). A page in a standard Type1 font
  // without a font descriptor is one the native reader leaves to pdf.js.
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-pdfjs-'));
  const file = join(dir, 'standard-font.pdf');
  const text = 'BT /F1 12 Tf 72 720 Td (Notice 2031 of the archive) Tj ET';
  writeFileSync(
    file,
    simplePdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
      stream('', text),
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ]),
  );
  const r = run(BIN, ['check', file]);
  // Read (by pdf.js), then refused as no disclosure, quoting what it read.
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /不是部门预算、决算公开或绩效文件.*Notice2031/);
});

test('import and serve stay outside the bundle: no store, server or worker code in it', () => {
  const text = readdirSync(BUNDLE)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(BUNDLE, f), 'utf8'))
    .join('\n');
  assert.match(text, /\.\.\/cli\/store-commands\.js/);
  for (const pkg of ['fastify', 'kysely', 'better-sqlite3', 'pg-boss', 'pdfjs-dist/legacy']) {
    assert.ok(!new RegExp(`from\\s*["']${pkg}`).test(text), `${pkg} is bundled or imported statically`);
  }
  // zod's other languages are not in it (the code asks for zh-CN by its own path).
  assert.ok(!/Ungültige Eingabe/.test(text), "zod's German messages are bundled");
  // Nothing in the bundle is loaded by worker threads: they load dist/worker-bundle/ or dist/workers/.
  assert.ok(!execFileSync('ls', [BUNDLE]).toString().includes('worker'));
});
