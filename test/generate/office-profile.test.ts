/**
 * LibreOffice's profile kept between runs (office-profile.ts): a one-off conversion keeps the
 * profile its office made, the next one starts from a copy of it (the kept directory is never an
 * office's own, so it is left as it was), and "0" keeps nothing.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { compose, parseDataset } from '../../src/generate/index.js';
import { writeDocx } from '../../src/generate/write-docx.js';
import { docxToPdf } from '../../src/generate/write-pdf.js';
import { ROOT } from '../helpers/shared.js';
import { pdfOnly } from './readback.js';

const saved = process.env.GONGKAI_SOFFICE_PROFILE_CACHE;
after(() => {
  if (saved === undefined) delete process.env.GONGKAI_SOFFICE_PROFILE_CACHE;
  else process.env.GONGKAI_SOFFICE_PROFILE_CACHE = saved;
});

const docx = async () => writeDocx(compose(parseDataset(JSON.parse(readFileSync(join(ROOT, 'examples/budget-dataset.json'), 'utf8'))), { draft: false }));
const isPdf = (b: Buffer) => b.subarray(0, 5).toString('latin1') === '%PDF-';

test('a one-off conversion keeps its office profile; the next starts from a copy and leaves it as it was', pdfOnly, async () => {
  const kept = join(mkdtempSync(join(tmpdir(), 'gongkai-profile-test-')), 'profile');
  process.env.GONGKAI_SOFFICE_PROFILE_CACHE = kept;
  const word = await docx();
  assert.ok(isPdf(await docxToPdf(word, { once: true })));
  assert.ok(existsSync(join(kept, 'user', 'registrymodifications.xcu')), 'the profile is kept');
  assert.ok(!existsSync(join(kept, '.lock')), 'no running office lock is kept');
  const before = statSync(join(kept, 'user', 'registrymodifications.xcu')).mtimeMs;
  assert.ok(isPdf(await docxToPdf(word, { once: true })));
  assert.equal(statSync(join(kept, 'user', 'registrymodifications.xcu')).mtimeMs, before, 'the kept profile is not an office’s own');
});

test('GONGKAI_SOFFICE_PROFILE_CACHE=0 keeps nothing', pdfOnly, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-profile-test-'));
  process.env.GONGKAI_SOFFICE_PROFILE_CACHE = '0';
  process.env.XDG_CACHE_HOME = dir;
  try {
    assert.ok(isPdf(await docxToPdf(await docx(), { once: true })));
  } finally {
    delete process.env.XDG_CACHE_HOME;
  }
  // (LibreOffice itself may put its dconf cache there.)
  assert.ok(!readdirSync(dir).includes('gongkai'), readdirSync(dir).join(', '));
});
