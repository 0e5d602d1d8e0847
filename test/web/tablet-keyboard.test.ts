/**
 * The app on a tablet (768 × 1024) and by keyboard alone: the drop zone is reached with Tab and
 * opens the file chooser with Enter; the findings are walked with the arrow keys and opened with
 * Enter, the place shown below the list; nothing is wider than the screen; the dashboard fits and
 * its drill-down link is followed from the keyboard.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { seed, SEED, sharedOnly } from '../helpers/shared.js';
import { browserOnly, openSession, screenshot, type Session } from './browser.js';

const DOCX = seed(`${SEED.xushui}.docx`);
const TABLET = { width: 768, height: 1024 };

describe('tablet width and keyboard', { ...sharedOnly, ...browserOnly }, () => {
  let s: Session;
  before(async () => {
    s = await openSession('tablet', TABLET);
  });
  after(async () => {
    await s?.close();
  });

  /** Page wider than the window: a horizontal scroll bar on a tablet. */
  const overflow = () => s.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  const focused = () => s.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.rule ?? document.activeElement?.tagName ?? null);

  test('check page: Tab reaches the drop zone, Enter opens the file chooser; the file is checked', async () => {
    const { page } = s;
    await page.goto('/');
    // Listening first: the driver intercepts the chooser only once it is told to, asynchronously.
    const opened = page.waitForEvent('filechooser');
    let reached = false;
    for (let i = 0; i < 20 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => !!document.activeElement?.closest('.ant-upload'));
    }
    assert.ok(reached, 'the drop zone is reachable with Tab');
    await page.keyboard.press('Enter');
    const chooser = await opened;
    assert.equal(chooser.isMultiple(), true);
    await chooser.setFiles(DOCX);
    await page.locator('[data-testid=upload-item][data-status=done]').waitFor({ timeout: 120_000 });
    await page.locator('[data-testid=finding]').first().waitFor();
    assert.ok((await overflow()) <= 0, `the page is ${await overflow()} px wider than a tablet`);
  });

  test('findings: arrow keys move through the list, Enter opens one and its place is shown below the list', async () => {
    const { page } = s;
    const findings = page.locator('[data-testid=finding]');
    const n = await findings.count();
    assert.ok(n >= 3, `${n} findings`);
    const rules = await findings.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.rule));
    await findings.first().focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), rules[1]);
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), rules[2]);
    await page.keyboard.press('ArrowUp');
    assert.equal(await focused(), rules[1]);
    await page.keyboard.press('End');
    assert.equal(await focused(), rules[n - 1]);
    await page.keyboard.press('Home');
    assert.equal(await focused(), rules[0]);

    // Walk to the procurement error and open it with Enter.
    const target = rules.indexOf('cross-table/procurement-within-spending');
    assert.ok(target >= 0);
    for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), 'cross-table/procurement-within-spending');
    await page.keyboard.press('Enter');
    assert.equal(await findings.nth(target).getAttribute('aria-pressed'), 'true');
    const detail = page.getByTestId('finding-detail');
    assert.match((await detail.textContent())!, /应为40\.41.*文件中为45\.9928/);
    const cell = page.getByTestId('cell-hit');
    await cell.waitFor();
    assert.equal((await cell.textContent())!.trim(), '459928.00');
    // One column on a tablet: the place is below the list.
    const [list, place] = await Promise.all([page.getByLabel('检查发现').boundingBox(), page.locator('.gk-place').boundingBox()]);
    assert.ok(list && place && place.y >= list.y + list.height - 1, `place ${JSON.stringify(place)} below list ${JSON.stringify(list)}`);
    // …and the cell itself is on the screen without scrolling by hand.
    const hit = (await cell.boundingBox())!;
    assert.ok(hit.y >= 0 && hit.y + hit.height <= TABLET.height, `the cell is in view: ${JSON.stringify(hit)}`);
    assert.ok((await overflow()) <= 0);
    await screenshot(s, 'check-tablet');
  });

  test('dashboard on a tablet: fits the screen; a document is opened from the keyboard', async () => {
    const { page } = s;
    await page.goto('/review');
    await page.locator('.ant-table-row').first().waitFor();
    assert.ok((await overflow()) <= 0, `the dashboard is ${await overflow()} px wider than a tablet`);
    const link = page.locator('.ant-table-row a[href^="/documents/"]').first();
    const href = (await link.getAttribute('href'))!;
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`${href}$`));
    await page.locator('[data-testid=finding]').first().waitFor();
    await page.goto('/review');
    await page.locator('.ant-table-row').first().waitFor();
    await screenshot(s, 'review-tablet');
  });
});
