/**
 * The 编制公开文件 page in a real browser: import a dataset, see the dataset's own checks live while
 * editing (a reason cleared, an amount changed), and download the Word file, which gongkai's own
 * check reads back to the figures with no error.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { checkFile } from '../../src/pipeline.js';
import { ROOT } from '../helpers/shared.js';
import { browserOnly, openSession, screenshot, type Session } from './browser.js';

const EXAMPLE = join(ROOT, 'examples/budget-dataset.json');

describe('generate page', browserOnly, () => {
  let s: Session;
  before(async () => {
    s = await openSession('generate');
  });
  after(async () => {
    await s?.close();
  });

  test('an imported dataset is checked, edited with the findings live, and downloaded as Word that reads back', async () => {
    const { page } = s;
    await page.goto('/');
    await page.getByRole('link', { name: '编制公开文件' }).click();
    await page.waitForURL(/\/generate$/);
    // A blank dataset is not one yet: the check says which field is missing.
    await page.getByTestId('gen-invalid').waitFor();

    await page.locator('input[type=file]').first().setInputFiles(EXAMPLE);
    await page.locator('[data-field="entity.name"]').and(page.locator('[value="示范县城市管理局"]')).waitFor();
    await page.getByTestId('gen-count-error').filter({ hasText: '错误 0' }).waitFor();

    // A reason cleared: the gate's error appears, the download is refused until it is written again.
    await page.getByRole('tab', { name: '增减原因' }).click();
    const reason = page.getByLabel('机关运行经费增减原因');
    await reason.fill('');
    const finding = page.locator('[data-testid=gen-finding][data-rule="generate/reason-missing"]');
    await finding.waitFor();
    assert.match((await finding.textContent())!, /机关运行经费增减的原因尚未填写/);
    assert.equal(await page.getByTestId('gen-download-docx').isDisabled(), true);
    await screenshot(s, 'generate-reason-missing');
    await reason.fill('压减一般性支出');
    await page.getByTestId('gen-count-error').filter({ hasText: '错误 0' }).waitFor();

    // An amount changed: the basic expenditure by class no longer equals it by function.
    await page.getByRole('tab', { name: /^支出明细/ }).click();
    const first = page.getByLabel('第1行基本支出');
    await first.fill('413.36');
    await page.locator('[data-testid=gen-finding][data-rule="generate/basic-by-class"]').waitFor();
    await first.fill('412.36');
    await page.getByTestId('gen-count-error').filter({ hasText: '错误 0' }).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('gen-download-docx').click()]);
    assert.match(download.suggestedFilename(), /示范县城市管理局.*\.docx$/);
    const path = join(s.dir, 'downloaded.docx');
    await download.saveAs(path);
    await page.getByTestId('gen-result').filter({ hasText: '已生成' }).waitFor();
    await screenshot(s, 'generate-downloaded');
    const back = await checkFile(path);
    assert.deepEqual(
      back.findings.filter((f) => f.severity === 'error').map((f) => f.message),
      [],
    );
    assert.equal(back.document.summary.revenueTotal?.toFixed(2), '780.85');
    assert.equal(back.document.entity.name, '示范县城市管理局');
  });

  test('a file that is not a dataset: one line naming it', async () => {
    const { page } = s;
    const bad = join(s.dir, '填报.json');
    writeFileSync(bad, '{"year":');
    await page.locator('input[type=file]').first().setInputFiles(bad);
    const alert = page.getByTestId('gen-import-error');
    await alert.waitFor();
    assert.match((await alert.textContent())!, /填报\.json：.*不是有效的 JSON/);
  });
});
