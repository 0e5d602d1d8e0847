/**
 * The store keeps what the transparency score reads of each file (scoreInputOf) so a region is
 * scored without parsing every full check result: the projection must score exactly as the full
 * result does, alone and combined with another part; and a store whose older rows have no
 * projection scores them from their full results.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { checkFile } from '../../src/pipeline.js';
import { combineParts, loadTransparencyProfile, scoreInputOf, scoreTransparency, type ScoreInput } from '../../src/region/transparency.js';
import { toRecord, type Store } from '../../src/store/index.js';
import { backends } from '../store/backends.js';
import { synthetic, QINGSHAN_2022 } from '../fixtures/store/build.js';
import { SEED, seed, sharedOnly } from '../helpers/shared.js';

const profile = loadTransparencyProfile();
const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as ScoreInput;

test('the projection of each seed scores exactly as its full result, and is a small part of it', sharedOnly, async () => {
  for (const id of Object.values(SEED)) {
    const result = await checkFile(seed(`${id}.txt`));
    const full = plain(result);
    const projected = plain(scoreInputOf(full));
    assert.deepEqual(scoreTransparency(projected, profile), scoreTransparency(full, profile), id);
    assert.ok(JSON.stringify(projected).length < JSON.stringify(full).length / 3, `${id}: projection not much smaller`);
    // Dated: timeliness is taken from the ledger, not from the projection.
    const dates = { approvedOn: '2022-01-10', publishedOn: '2022-02-20' };
    assert.deepEqual(scoreTransparency({ ...projected, timeliness: dates }, profile), scoreTransparency({ ...full, timeliness: dates }, profile), id);
  }
});

test('two parts (表格 file, 说明 file) combined score the same projected as full', sharedOnly, async () => {
  const full = plain(await checkFile(seed(`${SEED.luquan}.txt`)));
  const tables = { ...full, document: { ...full.document, claims: [], paragraphs: full.document.paragraphs.slice(0, 2), glossary: [] } };
  const narrative = { ...full, document: { ...full.document, tables: [] } };
  assert.deepEqual(scoreTransparency(combineParts([scoreInputOf(tables), scoreInputOf(narrative)]), profile), scoreTransparency(combineParts([tables, narrative]), profile));
});

for (const backend of backends('region_score_input')) {
  describe(`score inputs in the store on ${backend.name}`, { skip: backend.skip }, () => {
    test('saved with each version; a version without one (stored before) is scored from its full result', async () => {
      const store: Store = await backend.open();
      try {
        const { result, bytes } = synthetic(QINGSHAN_2022);
        const record = toRecord(result, { sha256: result.document.source.sha256, fileName: 'x.txt', sourcePath: null, size: bytes.length });
        assert.deepEqual(JSON.parse(gunzipSync(record.scoreGz).toString('utf8')), plain(scoreInputOf(plain(result))));
        await store.save(record, bytes);
        const fresh = await store.transparency({}, profile);
        assert.equal(fresh.rows.length, 1);
        const expected = scoreTransparency(plain(result), profile);
        assert.equal(fresh.rows[0].score, expected.score);
        assert.deepEqual(fresh.rows[0].items, expected.items);
        // As a store written before the column existed holds it.
        await store.conn.db.updateTable('versions').set({ score_gz: null }).execute();
        const older = await store.transparency({}, profile);
        assert.deepEqual(older.rows, fresh.rows);
      } finally {
        await store.close();
      }
    });
  });
}
