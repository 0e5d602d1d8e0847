/**
 * The compare page in a real browser: one entity's two years drawn as a chart with the change
 * beside the amounts; two entities of one year drawn side by side; search hits highlighted.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CORPUS, seed, SEED, sharedOnly } from '../helpers/shared.js';
import { browserOnly, openSession, screenshot, type Session } from './browser.js';

const FILES = [
  join(CORPUS, 'jiangsu-budget/江苏省委办公厅/江苏省委办公厅2018年度部门预算公开文件.pdf'),
  join(CORPUS, 'jiangsu-budget/江苏省委办公厅/江苏省委办公厅2019年度部门预算公开文件.pdf'),
  seed(`${SEED.xushui}.docx`),
  seed(`${SEED.luquan}.docx`),
];

describe('compare page', { ...sharedOnly, ...browserOnly }, () => {
  let s: Session;
  before(async () => {
    s = await openSession('compare');
    for (const file of FILES) {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(readFileSync(file))]), basename(file));
      const res = await fetch(`${s.server.url}/api/documents`, { method: 'POST', body: form });
      assert.equal(res.status, 201, await res.clone().text());
    }
  });
  after(async () => {
    await s?.close();
  });

  async function chartDrawn() {
    await s.page.locator('[data-testid=chart][data-drawn=yes]').waitFor();
    // ECharts drew on a canvas of the chart's size.
    const size = await s.page.locator('[data-testid=chart] canvas').first().evaluate((c: HTMLCanvasElement) => [c.width, c.height]);
    assert.ok(size[0] > 300 && size[1] > 200, String(size));
  }

  test('one entity across years: chart drawn, 2019 beside 2018 with the change and percentage', async () => {
    const { page, server } = s;
    const entities = (await (await fetch(`${server.url}/api/entities?q=${encodeURIComponent('江苏省委办公厅')}`)).json()) as { items: { id: number; documents: number }[] };
    assert.equal(entities.items[0].documents, 2);
    await page.goto(`/compare?tab=entity&entity=${entities.items[0].id}`);
    await chartDrawn();
    const table = await page.locator('.ant-table').textContent();
    // 支出合计 24,458.43 → 27,664.22: +3,205.79, 13.11%.
    assert.match(table!, /支出合计24,458\.4327,664\.22\+3,205\.79 \/ 13\.11%/);
    await screenshot(s, 'compare-entity-years');
  });

  test('several entities in one year: both 2022 budgets in the chart', async () => {
    const { page, server } = s;
    const rows = (await (await fetch(`${server.url}/api/aggregates/basic-project?year=2022&kind=budget`)).json()) as unknown[];
    assert.equal(rows.length, 2);
    await page.goto('/compare?tab=year&year=2022');
    await chartDrawn();
    await screenshot(s, 'compare-year');
  });

  test('search: hits highlighted in context, and a reload keeps the query', async () => {
    const { page } = s;
    await page.goto(`/compare?tab=search&q=${encodeURIComponent('网信')}`);
    await page.getByTestId('search-hit').first().waitFor();
    const hits = await page.getByTestId('search-hit').allTextContents();
    assert.ok(hits.length >= 2 && hits.every((h) => h === '网信'), hits.join());
    await page.reload();
    await page.getByTestId('search-hit').first().waitFor();
    await screenshot(s, 'compare-search');
  });
});
