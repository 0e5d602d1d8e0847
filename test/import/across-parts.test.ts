import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { importPaths } from '../../src/import/index.js';
import type { Store } from '../../src/store/index.js';
import { narrativeText, tableText } from '../fixtures/parts/build.js';
import { backends } from '../store/backends.js';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-across-'));
const NARRATIVE = join(dir, '说明.txt');
const TABLES = join(dir, '表格.txt');
writeFileSync(NARRATIVE, narrativeText());
writeFileSync(TABLES, tableText());

const rulesOf = async (store: Store, id: number, version?: number) =>
  (await store.findingsJson(id, version === undefined ? {} : { version }))!.items.map((f) => (JSON.parse(f) as { rule: string }).rule);

for (const backend of backends('across')) {
  describe(`the parts of one disclosure imported as two files (${backend.name})`, { skip: backend.skip }, () => {
    let store: Store;
    before(async () => {
      store = await backend.open();
    });
    after(() => store?.close());

    test('the second part is checked together with the first; that check is the current version, the parts keep their figures', async () => {
      const first = await importPaths([NARRATIVE], { db: store, workers: 0 });
      assert.equal(first.imported, 1);
      const id = first.files[0].documentId!;
      assert.deepEqual((await store.versions(id))!.map((v) => v.combines), [null], 'one file: nothing to combine');

      const second = await importPaths([TABLES], { db: store, workers: 1 });
      assert.equal(second.imported, 1);
      assert.equal(second.files[0].documentId, id, 'the table file is a part of the same disclosure');
      const versions = (await store.versions(id))!;
      assert.deepEqual(
        versions.map((v) => [v.version, v.fileName, v.combines, v.current]),
        [
          [1, '说明.txt', null, false],
          [2, '表格.txt', null, false],
          [3, '说明.txt + 表格.txt', [1, 2], true],
        ],
      );
      // The mismatch between the 说明 and the table is found only by the check together.
      assert.ok(!(await rulesOf(store, id, 1)).includes('narrative/personnel'));
      assert.ok(!(await rulesOf(store, id, 2)).includes('narrative/personnel'));
      const current = await rulesOf(store, id);
      assert.ok(current.includes('narrative/personnel'), current.join());
      assert.ok(!current.includes('completeness/no-tables'));
      const listed = (await store.listDocuments({})).items.find((d) => d.id === id)!;
      assert.ok(listed.findings.error >= 1, 'the document list counts the findings of the check together');
      // The original of the check together is its first file's.
      const original = await store.original(id);
      assert.equal(original?.fileName, '说明.txt');

      // Importing the same files again changes nothing; the figures are counted once.
      const again = await importPaths([NARRATIVE, TABLES], { db: store, workers: 0 });
      assert.equal(again.duplicates, 2);
      assert.equal((await store.versions(id))!.length, 3);
    });

    test('a corrected 说明 replaces its part and is checked again with the table', async () => {
      const fixed = join(dir, '说明-更正.txt');
      writeFileSync(fixed, narrativeText('33.60', '37.65'));
      const r = await importPaths([fixed], { db: store, workers: 0 });
      const id = r.files[0].documentId!;
      const versions = (await store.versions(id))!;
      assert.deepEqual(
        versions.slice(-2).map((v) => [v.fileName, v.combines, v.current]),
        [
          ['说明-更正.txt', null, false],
          ['说明-更正.txt + 表格.txt', [4, 2], true],
        ],
      );
      assert.ok(!(await rulesOf(store, id)).includes('narrative/personnel'));
    });
  });
}
