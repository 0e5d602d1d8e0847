/**
 * LibreOffice's profile kept between runs (office-profile.ts): a one-off conversion keeps the
 * profile its office made, the next one starts from a copy of it (the kept directory is never an
 * office's own, so it is left as it was), and "0" keeps nothing. Every office's profile records
 * its version as seen, so it does not run its graphics render tests on every start.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { compose, parseDataset } from '../../src/generate/index.js';
import { writeDocx } from '../../src/generate/write-docx.js';
import { docxToPdf } from '../../src/generate/write-pdf.js';
import { markVersionSeen, officeVersion } from '../../src/generate/office-profile.js';
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

test('the office records its version as seen, so it skips the graphics render tests of a first start', pdfOnly, async () => {
  const installed = /LibreOffice (\d+\.\d+)/.exec(spawnSync('soffice', ['--version'], { encoding: 'utf8' }).stdout)?.[1];
  assert.ok(installed, 'soffice --version names its version');
  assert.equal(officeVersion('soffice'), installed);
  const kept = join(mkdtempSync(join(tmpdir(), 'gongkai-profile-test-')), 'profile');
  process.env.GONGKAI_SOFFICE_PROFILE_CACHE = kept;
  assert.ok(isPdf(await docxToPdf(await docx(), { once: true })));
  const xcu = readFileSync(join(kept, 'user', 'registrymodifications.xcu'), 'utf8');
  assert.equal((xcu.match(/ooSetupLastVersion/g) ?? []).length, 1, xcu);
  assert.match(xcu, new RegExp(`ooSetupLastVersion" oor:op="fuse"><value>${installed.replace('.', '\\.')}</value>`));
  // The office writes this log when it runs the tests (several seconds of its start).
  assert.ok(!existsSync(join(kept, 'user', 'GraphicsRenderTests.log')), 'no graphics render tests ran');
});

test('marking the version replaces an older one and keeps the rest of the profile', pdfOnly, () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-profile-test-'));
  mkdirSync(join(dir, 'user'));
  const file = join(dir, 'user', 'registrymodifications.xcu');
  writeFileSync(
    file,
    '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry">\n' +
      '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>zh-CN</value></prop></item>\n' +
      '<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse"><value>6.1</value></prop></item>\n</oor:items>\n',
  );
  markVersionSeen(dir, 'soffice');
  const xcu = readFileSync(file, 'utf8');
  assert.ok(xcu.includes('<value>zh-CN</value>'));
  assert.ok(!xcu.includes('<value>6.1</value>'));
  assert.equal((xcu.match(/ooSetupLastVersion/g) ?? []).length, 1);
  assert.ok(xcu.trimEnd().endsWith('</oor:items>'));
  // An office that is not installed: nothing is written.
  const none = mkdtempSync(join(tmpdir(), 'gongkai-profile-test-'));
  markVersionSeen(none, '/nonexistent/soffice');
  assert.deepEqual(readdirSync(none), []);
});
