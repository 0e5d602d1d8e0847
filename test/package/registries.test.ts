/**
 * The registries and the documents that describe them say the same: a reader, table kind or
 * catalog entry added in code but not in the docs (or the other way round) fails here.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { READERS } from '../../src/read/registry.js';

const root = new URL('../../', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, root), 'utf8');

/** The rows of the markdown table that follows the line starting with `lead`. */
function tableAfter(text: string, lead: string): string[][] {
  const lines = text.split('\n');
  let i = lines.findIndex((l) => l.startsWith(lead));
  assert.ok(i >= 0, `no line starting with "${lead}"`);
  while (i < lines.length && !lines[i].startsWith('|')) i++;
  const rows: string[][] = [];
  for (i += 2; i < lines.length && lines[i].startsWith('|'); i++) {
    rows.push(lines[i].split('|').slice(1, -1).map((c) => c.trim()));
  }
  return rows;
}

const ticks = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

describe('reader registry and docs', () => {
  test('CONTRIBUTING.md lists every reader, in registry order, with its folder, extensions and media type', () => {
    const rows = tableAfter(read('CONTRIBUTING.md'), 'The readers (');
    assert.deepEqual(
      rows.map(([format, folder, exts, media]) => ({ format, folder: ticks(folder), exts: ticks(exts), media: ticks(media) })),
      READERS.map((r) => ({
        format: r.format,
        folder: [`src/read/${r.format}/`],
        exts: [...r.extensions],
        media: [...r.mediaTypes],
      })),
    );
  });

  test("the README's list of formats names each reader once and nothing else", () => {
    const para = read('README.md').split('\n\n').find((p) => p.includes('Formats\nare recognised') || p.includes('Formats are recognised'));
    assert.ok(para, 'README paragraph "Formats are recognised …" not found');
    const listed = ticks(para.slice(para.indexOf('recognised'))).filter((t) => t.startsWith('.'));
    assert.deepEqual(listed.slice().sort(), READERS.map((r) => r.extensions[0]).sort());
  });

  test('every reader folder has its descriptor and every descriptor is registered', async () => {
    const { readdirSync, statSync } = await import('node:fs');
    const dir = new URL('src/read/', root);
    const folders = readdirSync(dir).filter((n) => statSync(new URL(n, dir)).isDirectory() && readdirSync(new URL(`${n}/`, dir)).includes('index.ts'));
    assert.deepEqual(folders.sort(), READERS.map((r) => r.format).sort());
    for (const r of READERS) {
      assert.equal(new Set(r.extensions).size, r.extensions.length);
      for (const e of r.extensions) assert.match(e, /^\.[a-z0-9]+$/);
    }
  });
});

describe('table kinds and docs', () => {
  test('docs/rules.md lists every table kind of src/model/table-kinds.ts, in order, with its name', async () => {
    const { TABLE_KINDS } = await import('../../src/model/table-kinds.js');
    const rows = tableAfter(read('docs/rules.md'), '| 种类 kind').map(([id, name]) => ({ id: ticks(id)[0], name }));
    assert.deepEqual(rows, TABLE_KINDS.map((k) => ({ id: k.id, name: k.name })));
  });

  test('the model enum is the kinds registry', async () => {
    const { TABLE_KINDS } = await import('../../src/model/table-kinds.js');
    const { TableKindSchema } = await import('../../src/model/disclosure.js');
    assert.deepEqual(TableKindSchema.options, TABLE_KINDS.map((k) => k.id));
  });
});

describe('findings catalog and docs', () => {
  test('docs/rules.md documents every rule and every reading finding, and nothing else', async () => {
    const { RULES } = await import('../../src/rules/registry.js');
    const { READING_FINDINGS } = await import('../../src/findings/catalog.js');
    const doc = read('docs/rules.md');
    const ruleSections = [...doc.matchAll(/^### `([^`]+)` — /gm)].map((m) => m[1]);
    assert.deepEqual(ruleSections.slice().sort(), RULES.map((r) => r.meta.id).sort());
    const readingRows = tableAfter(doc, '| 编号 | 标题 | 默认级别').map(([id]) => ticks(id)[0]);
    assert.deepEqual(readingRows, READING_FINDINGS.map((e) => e.id));
  });

  test('every warning code a reader gives and every read/… finding recognition gives has a catalog entry', async () => {
    const { READING_FINDINGS } = await import('../../src/findings/catalog.js');
    const { readdirSync } = await import('node:fs');
    const catalog = new Set(READING_FINDINGS.map((e) => e.id));
    const given = new Set<string>();
    const files = (dir: string): string[] =>
      readdirSync(new URL(dir, root), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(`${dir}${e.name}/`) : e.name.endsWith('.ts') ? [`${dir}${e.name}`] : []));
    for (const f of files('src/read/')) {
      if (f.endsWith('/index.ts')) continue; // the descriptors list the codes themselves
      for (const m of read(f).matchAll(/\bcode: '([a-z0-9-]+)'/g)) given.add(`read/${m[1]}`);
    }
    for (const f of files('src/recognize/')) for (const m of read(f).matchAll(/\brule: '(read\/[a-z0-9-]+)'/g)) given.add(m[1]);
    assert.ok(given.size >= 18, `only ${given.size} codes found in the sources`);
    assert.deepEqual([...given].filter((id) => !catalog.has(id)), []);
    assert.deepEqual([...catalog].filter((id) => !given.has(id)), []);
  });
});
