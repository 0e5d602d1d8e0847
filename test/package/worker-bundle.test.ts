/**
 * The bounded reader's thread runs bundled (dist/worker-bundle/, made by the build): it must read
 * every format exactly as the unbundled dist/workers/ entry does, leave every package outside, and
 * be what the compiled BoundedReader starts.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { test } from 'node:test';
import { ROOT, SEED, seed, sharedOnly } from '../helpers/shared.js';

const BUNDLE = join(ROOT, 'dist/worker-bundle');

/** Reads one file in a fresh thread on `entry` (the read-worker protocol), as BoundedReader does. */
async function readWith(entry: string, path: string): Promise<unknown> {
  const w = new Worker(pathToFileURL(entry));
  try {
    const reply = new Promise<unknown>((resolve, reject) => {
      w.on('message', (m: { ready?: true; id?: number }) => {
        if (m.ready) w.postMessage({ id: 1, path, options: {} });
        else if (m.id === 1) resolve(m);
      });
      w.once('error', reject);
    });
    return await reply;
  } finally {
    await w.terminate();
  }
}

test('the build bundles the reading thread', () => {
  assert.ok(existsSync(join(BUNDLE, 'read-worker.js')), 'dist/worker-bundle/read-worker.js is missing: run npm run build');
});

test('the bundled reading thread reads every format exactly as the unbundled one', sharedOnly, async () => {
  const files = [seed(`${SEED.luancheng}.pdf`), seed(`${SEED.luancheng}.docx`), seed(`${SEED.xushui}.txt`), join(ROOT, 'test/fixtures/html/department-budget.html')];
  for (const file of files) {
    const bundled = await readWith(join(BUNDLE, 'read-worker.js'), file);
    const plain = await readWith(join(ROOT, 'dist/workers/read-worker.js'), file);
    assert.ok((bundled as { doc?: { blocks: unknown[] } }).doc?.blocks.length, `${file}: nothing read`);
    assert.deepEqual(bundled, plain, file);
  }
});

test('a file the thread cannot read is refused the same way bundled or not', async () => {
  const file = join(ROOT, 'package.json');
  const bundled = (await readWith(join(BUNDLE, 'read-worker.js'), file)) as { error: { name: string; message: string } };
  const plain = (await readWith(join(ROOT, 'dist/workers/read-worker.js'), file)) as { error: { name: string; message: string } };
  assert.equal(bundled.error.name, 'ReadError');
  assert.deepEqual([bundled.error.name, bundled.error.message], [plain.error.name, plain.error.message]);
});

test('packages stay outside the bundled thread; the PDF path does not hold the other readers', () => {
  const names = readdirSync(BUNDLE).filter((f) => f.endsWith('.js'));
  const text = names.map((f) => readFileSync(join(BUNDLE, f), 'utf8')).join('\n');
  // pdf.js and exceljs are imported by name (loaded only when a reader needs them), never inlined.
  assert.match(text, /import\("unpdf\/pdfjs"\)/);
  assert.match(text, /import\("exceljs"\)/);
  assert.ok(!/PDFDocumentProxy|GlobalWorkerOptions/.test(text), 'pdf.js is bundled');
  // The entry loads the other formats' readers as chunks of their own, when a file of theirs comes.
  const entry = readFileSync(join(BUNDLE, 'read-worker.js'), 'utf8');
  assert.ok((entry.match(/import\("\.\/chunk-[\w-]+\.js"\)/g) ?? []).length >= 4, 'the readers are not loaded on demand');
});

test('the compiled bounded reader starts the bundled thread', async () => {
  const mod = pathToFileURL(join(ROOT, 'dist/workers/bounded-read.js')).href;
  const { BoundedReader } = (await import(mod)) as typeof import('../../src/workers/bounded-read.js');
  const reader = new BoundedReader();
  try {
    assert.match(reader.entry, /\/dist\/worker-bundle\/read-worker\.js$/);
  } finally {
    await reader.close();
  }
});

test('a reader started ahead of its first file reads it, and one closed unused ends cleanly', sharedOnly, async () => {
  const mod = pathToFileURL(join(ROOT, 'dist/workers/bounded-read.js')).href;
  const { BoundedReader } = (await import(mod)) as typeof import('../../src/workers/bounded-read.js');
  const unused = new BoundedReader();
  unused.prepare();
  await unused.close();
  const reader = new BoundedReader();
  reader.prepare();
  try {
    const doc = await reader.read(seed(`${SEED.xushui}.txt`));
    assert.ok(doc.blocks.length > 10);
  } finally {
    await reader.close();
  }
});
