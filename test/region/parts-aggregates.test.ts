/**
 * Issue 15, parts of one disclosure: the same disclosure imported as one file and as two parts (a
 * 表格 file and a 说明 file) gives the same aggregates — each figure counted once.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { CheckResult } from '../../src/pipeline.js';
import { toRecord, type Store } from '../../src/store/index.js';
import { backends } from '../store/backends.js';
import { synthetic, QINGSHAN_2022, HUXI_2022 } from '../fixtures/store/build.js';

async function saveResult(store: Store, result: CheckResult, tag: string) {
  const bytes = Buffer.from(`${result.document.source.sha256}|${tag}`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const r = { ...result, document: { ...result.document, source: { ...result.document.source, sha256 } } } as CheckResult;
  return store.save(toRecord(r, { sha256, fileName: `${tag}.txt`, sourcePath: null, size: bytes.length }), bytes);
}

/** The 表格 file (tables, no prose) and the 说明 file (prose, no tables) of one disclosure. */
function parts(result: CheckResult): [CheckResult, CheckResult] {
  const d = result.document;
  return [
    { ...result, document: { ...d, paragraphs: [], claims: [], glossary: [] } } as CheckResult,
    { ...result, document: { ...d, tables: [] } } as CheckResult,
  ];
}

async function aggregates(store: Store) {
  return {
    functional: await store.byClass({ classification: 'functional' }),
    economic: await store.byClass({ classification: 'economic' }),
    threePublic: await store.threePublicByYear({}),
    basicProject: await store.basicVsProject({}),
  };
}

for (const backend of backends('region_parts_agg')) {
  describe(`one file or two parts, the same aggregates, on ${backend.name}`, { skip: backend.skip }, () => {
    let whole: Store;
    let split: Store;
    before(async () => {
      whole = await backend.open();
      split = await backend.open();
      for (const spec of [QINGSHAN_2022, HUXI_2022]) {
        const { result } = synthetic(spec);
        await saveResult(whole, result, 'whole');
        const [tables, narrative] = parts(result);
        await saveResult(split, tables, 'tables');
        await saveResult(split, narrative, 'narrative');
      }
    });
    after(async () => {
      await whole?.close();
      await split?.close();
    });

    test('two files of one disclosure are one document with two versions', async () => {
      assert.equal((await whole.listDocuments({})).total, 2);
      assert.equal((await split.listDocuments({})).total, 2);
      const d = (await split.listDocuments({})).items[0];
      assert.equal((await split.versions(d.id))?.length, 2);
    });

    test('类 totals, 三公 by year and basic/project by department are equal', async () => {
      const a = await aggregates(whole);
      const b = await aggregates(split);
      assert.ok(a.functional.length > 0 && a.threePublic.length > 0 && a.basicProject.length > 0);
      assert.deepEqual(JSON.parse(JSON.stringify(b)), JSON.parse(JSON.stringify(a)));
    });
  });
}
