/**
 * The check page in a real browser: drop a seed Word file and a 33-page corpus PDF, see the known
 * errors, open one in each and find it in the original — the cell highlighted in the Word
 * document as read, the sentence framed on the PDF page drawn by pdf.js.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CORPUS, seed, SEED, sharedOnly } from '../helpers/shared.js';
import { browserOnly, openSession, screenshot, type Session } from './browser.js';

const DOCX = seed(`${SEED.xushui}.docx`);
const PDF = join(CORPUS, 'jiangsu-budget/江苏省人民检察院/2019年度部门预算公开.pdf');

describe('check page', { ...sharedOnly, ...browserOnly }, () => {
  let s: Session;
  before(async () => {
    s = await openSession('check');
  });
  after(async () => {
    await s?.close();
  });

  test('both files are read with progress shown, then listed with their counts', async () => {
    const { page } = s;
    await page.goto('/');
    assert.equal(await page.locator('.gk-brand').textContent(), '公开检查');
    await page.locator('input[type=file]').setInputFiles([DOCX, PDF]);
    // Two rows appear at once, each in its own state, before any answer.
    await page.locator('[data-testid=upload-item]').nth(1).waitFor();
    await page.locator('[data-testid=upload-item][data-status=done]').nth(1).waitFor({ timeout: 180_000 });
    const rows = await page.locator('[data-testid=upload-item]').allTextContents();
    assert.match(rows[0], /000_fabf77fad77db0ac\.docx.*错误 4/);
    assert.match(rows[1], /2019年度部门预算公开\.pdf.*错误 1/);
    await screenshot(s, 'check-uploaded');
  });

  test('the Word file: the procurement error opens on its cell in the document as read', async () => {
    const { page } = s;
    await page.locator('[data-testid=upload-item]').nth(0).getByRole('button', { name: /查看发现|正在查看/ }).click();
    assert.equal(await page.getByTestId('count-error').textContent(), '错误 4');
    const finding = page.locator('[data-testid=finding][data-rule="cross-table/procurement-within-spending"]');
    assert.match((await finding.textContent())!, /政府采购预算表合计金额 45\.9928 万元，超过人员经费以外的全部支出 40\.41 万元/);
    await finding.click();
    const detail = page.getByTestId('finding-detail');
    assert.match((await detail.textContent())!, /应为40\.41.*文件中为45\.9928.*相差5\.5828/);
    assert.match((await detail.textContent())!, /修改建议/);
    const cell = page.getByTestId('cell-hit');
    await cell.waitFor();
    // As printed (元); the message speaks 万元.
    assert.equal((await cell.textContent())!.trim(), '459928.00');
    await screenshot(s, 'check-docx-cell');

    // A sentence finding: the sentence marked inside its paragraph.
    await page.locator('[data-testid=finding][data-rule="narrative/revenue-sources-sum"]').click();
    const hit = page.getByTestId('sentence-hit');
    await hit.waitFor();
    assert.match((await hit.textContent())!, /^2022年预算收入为200\.54万元/);
  });

  test('the PDF: the percentage error is framed on page 29 drawn by pdf.js, over printed text', async () => {
    const { page } = s;
    await page.locator('[data-testid=upload-item]').nth(1).getByRole('button', { name: /查看发现|正在查看/ }).click();
    assert.equal(await page.getByTestId('count-error').textContent(), '错误 1');
    await page.locator('[data-testid=finding][data-severity=error]').click();
    await page.locator('[data-testid=pdf-page][data-rendered=yes]').waitFor({ timeout: 60_000 });
    assert.match((await page.getByTestId('finding-detail').textContent())!, /第 29 页/);
    const frames = page.getByTestId('finding-frame');
    assert.ok((await frames.count()) >= 1);
    // The frame lies on the page, and the canvas under it has ink: the sentence's printed text.
    const ink = await page.evaluate(() => {
      const wrap = document.querySelector('[data-testid=pdf-page]') as HTMLElement;
      const canvas = wrap.querySelector('canvas')!;
      const frame = wrap.querySelector('.gk-frame') as HTMLElement;
      const ratio = canvas.width / canvas.clientWidth;
      const x = Math.max(0, frame.offsetLeft * ratio);
      const y = Math.max(0, frame.offsetTop * ratio);
      const w = Math.min(canvas.width - x, frame.offsetWidth * ratio);
      const h = Math.min(canvas.height - y, frame.offsetHeight * ratio);
      const data = canvas.getContext('2d')!.getImageData(x, y, w, h).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 300) dark++;
      return { w, h, dark, inside: frame.offsetLeft >= -4 && frame.offsetTop >= -4 && frame.offsetLeft + frame.offsetWidth <= canvas.clientWidth + 8 };
    });
    assert.ok(ink.inside && ink.w > 50 && ink.h > 8, JSON.stringify(ink));
    assert.ok(ink.dark > 200, `the framed area should hold printed text: ${JSON.stringify(ink)}`);
    await screenshot(s, 'check-pdf-frame');
  });

  test('a route survives reload; the help menu shows the guide; an unknown API path is still the API 404', async () => {
    const { page, server } = s;
    await page.goto('/review');
    await page.reload();
    assert.equal(await page.locator('.gk-brand').textContent(), '公开检查');
    // The help menu opens the user guide, with its screenshots.
    await page.getByRole('menuitem', { name: '帮助' }).click();
    await page.getByRole('heading', { name: '公开检查 使用指南' }).waitFor();
    assert.ok((await page.locator('article img').count()) >= 5);
    const res = await fetch(`${server.url}/api/nothing`);
    assert.deepEqual([res.status, await res.json()], [404, { error: '没有这个接口：GET /api/nothing' }]);
  });
});
