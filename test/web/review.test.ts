/**
 * The reviewer's pages in a real browser: the dashboard's counts are the API's, a filter narrows
 * them as the API does and survives a reload, and is chosen with the keyboard alone; drill-down to a document; a finding dismissed with
 * a reason is still dismissed, with its reason, after a reload, and is in the export.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { seed, SEED, sharedOnly } from '../helpers/shared.js';
import { browserOnly, openSession, screenshot, type Session } from './browser.js';

interface Listed {
  total: number;
  items: { id: number; entity: string; findings: { error: number; warning: number; info: number } }[];
}

describe('review pages', { ...sharedOnly, ...browserOnly }, () => {
  let s: Session;
  const ids: Record<string, number> = {};
  before(async () => {
    s = await openSession('review');
    for (const name of Object.values(SEED)) {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(readFileSync(seed(`${name}.docx`)))]), `${name}.docx`);
      const res = await fetch(`${s.server.url}/api/documents`, { method: 'POST', body: form });
      assert.equal(res.status, 201, await res.clone().text());
      ids[name] = ((await res.json()) as { id: number }).id;
    }
  });
  after(async () => {
    await s?.close();
  });

  async function api<T>(path: string): Promise<T> {
    return (await (await fetch(`${s.server.url}${path}`)).json()) as T;
  }

  test('dashboard: totals and every row equal the API; a severity filter narrows as the API does, and survives reload', async () => {
    const { page } = s;
    const all = await api<Listed>('/api/documents?limit=100');
    assert.equal(all.total, 4);
    const sum = (k: 'error' | 'warning' | 'info', l: Listed) => l.items.reduce((n, d) => n + d.findings[k], 0);

    await page.goto('/review');
    await page.locator('.ant-table-row').nth(3).waitFor();
    assert.equal(await page.getByTestId('total-documents').textContent(), String(all.total));
    for (const k of ['error', 'warning', 'info'] as const) assert.equal(await page.getByTestId(`total-${k}`).textContent(), String(sum(k, all)));
    // Each row's counts as the API gives them for that document.
    for (const d of all.items) {
      const row = page.locator('.ant-table-row', { has: page.locator(`a[href="/documents/${d.id}"]`) });
      assert.deepEqual(
        [await row.getByTestId('row-error').textContent(), await row.getByTestId('row-warning').textContent(), await row.getByTestId('row-info').textContent()],
        [String(d.findings.error), String(d.findings.warning), String(d.findings.info)],
      );
    }
    await screenshot(s, 'review-dashboard');

    // Only documents with errors: the two seeds with errors, as the API's own filter says.
    await page.getByLabel('级别').click();
    await page.locator('.ant-select-item-option', { hasText: '有错误的' }).click();
    await page.waitForURL(/severity=error/);
    const withErrors = await api<Listed>('/api/documents?severity=error');
    await page.waitForFunction((n) => document.querySelector('[data-testid=total-documents]')?.textContent === String(n), withErrors.total);
    assert.equal(withErrors.total, 2);
    assert.equal(await page.locator('.ant-table-row').count(), 2);
    await page.reload();
    await page.locator('.ant-table-row').nth(1).waitFor();
    assert.equal(await page.getByTestId('total-documents').textContent(), '2');
    assert.equal(await page.getByTestId('total-error').textContent(), String(sum('error', withErrors)));
  });

  test('dashboard by keyboard alone: the 年度 select opens on ArrowDown (aria-expanded), the arrows reach a year, Enter filters to the API\'s list for it; each row shows its import time', async () => {
    const { page } = s;
    const facets = await api<{ years: { year: number; documents: number }[] }>('/api/review/facets');
    const order = facets.years.map((y) => y.year);
    assert.ok(order.length >= 1, 'the seeds have a year');
    // The last year of the list, so the arrows have to travel when there are several.
    const year = order[order.length - 1];
    const expected = await api<Listed & { findings: { error: number; warning: number; info: number }; items: { id: number; importedAt: string }[] }>(`/api/review/documents?year=${year}`);

    await page.goto('/review');
    await page.locator('.ant-table-row').first().waitFor();
    const select = page.getByRole('combobox', { name: '年度' });
    await select.focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('combobox', { name: '年度', expanded: true }).waitFor();
    const active = () =>
      select.evaluate((el) => {
        const option = document.getElementById(el.getAttribute('aria-activedescendant') ?? '');
        return option?.getAttribute('aria-label') ?? option?.textContent ?? '';
      });
    for (let i = 0; i < order.length && !(await active()).startsWith(String(year)); i++) await page.keyboard.press('ArrowDown');
    assert.match(await active(), new RegExp(`^${year} 年`));
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`year=${year}`));
    // The list closes as Enter chooses; it may say so a frame after the address changes (a CI run
    // read aria-expanded="true" right after the URL), so the test waits for it to say it.
    await page.getByRole('combobox', { name: '年度', expanded: false }).waitFor();
    assert.equal(await select.getAttribute('aria-expanded'), 'false');
    await page.waitForFunction((n) => document.querySelector('[data-testid=total-documents]')?.textContent === String(n) && !document.querySelector('.ant-spin-spinning'), expected.total);
    for (const k of ['error', 'warning', 'info'] as const) assert.equal(await page.getByTestId(`total-${k}`).textContent(), String(expected.findings[k]));
    assert.equal(await page.locator('.ant-table-row').count(), expected.items.length);
    // 导入时间 as the browser writes a date and time in Chinese (年/月/日 时:分:秒, 24-hour clock).
    for (const d of expected.items) {
      const row = page.locator('.ant-table-row', { has: page.locator(`a[href="/documents/${d.id}"]`) });
      const shown = await row.locator('td').last().textContent();
      assert.equal(shown, await page.evaluate((iso) => new Date(iso).toLocaleString('zh-CN', { hour12: false }), d.importedAt));
    }
  });

  test('drill-down: a folded finding dismissed with a reason stays dismissed after reload, shown with its reason, and is exported', async () => {
    const { page } = s;
    const id = ids[SEED.yuanshi];
    await page.goto('/review?severity=error');
    await page.locator(`a[href="/documents/${id}"]`).click();
    await page.waitForURL(new RegExp(`/documents/${id}$`));
    const phone = page.locator('[data-testid=finding][data-rule="privacy/mobile-number"]');
    // The same telephone number in four paragraphs is one entry with its five places.
    await phone.first().waitFor();
    assert.equal(await phone.count(), 1);
    assert.match((await phone.textContent())!, /同一问题共 5 处/);
    await phone.click();
    await page.getByText('排除（不是问题）').click();
    await page.getByTestId('verdict-reason').fill('单位公开的办公电话，已核对');
    await page.getByTestId('verdict-save').click();
    await page.getByTestId('verdict').waitFor();

    await page.reload();
    await page.locator('[data-testid=finding][data-rule="privacy/mobile-number"]').click();
    const verdict = page.getByTestId('verdict');
    await verdict.waitFor();
    assert.match((await verdict.textContent())!, /已排除.*理由：单位公开的办公电话，已核对/);
    assert.match((await page.locator('[data-testid=finding][data-rule="privacy/mobile-number"]').textContent())!, /已排除/);
    await screenshot(s, 'review-dismissed');

    const csv = await (await fetch(`${s.server.url}/api/reviews/export?format=csv`)).text();
    assert.match(csv, /privacy\/mobile-number,.*,排除,单位公开的办公电话，已核对/);
  });

  test('the document: tables with the cell a finding names marked; 说明 figures beside the tables; projects; the self-evaluation scorecard', async () => {
    const { page } = s;
    await page.goto(`/documents/${ids[SEED.xushui]}?tab=tables`);
    await page.getByText('政府采购预算表').first().click();
    const flag = page.getByTestId('cell-flag').first();
    await flag.waitFor();
    assert.equal((await flag.textContent())!.trim(), '459928.00');
    await screenshot(s, 'document-tables');

    await page.getByRole('tab', { name: '说明与表格数字' }).click();
    await page.getByText('2022年预算收入为200.54万元').first().waitFor();
    await page.getByRole('tab', { name: /项目与指标/ }).click();
    await page.getByText('视频会议系统运行维护（运转保障）').first().waitFor();

    await page.goto(`/documents/${ids[SEED.yuanshi]}?tab=scorecard`);
    await page.getByText('信息化及人员培训费').first().click();
    // The execution-rate score: 10 as written, 5.78 as recomputed.
    await page.getByText(/所写 10，重算应为 5\.78/).first().waitFor();
    await screenshot(s, 'document-scorecard');
  });
});
