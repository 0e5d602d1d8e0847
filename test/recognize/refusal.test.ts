/**
 * What is no disclosure is refused — in `check`, `import` and the API alike — and what is one, in
 * whatever shape, never is. Synthetic fixtures in test/fixtures/refusal/ (our own wording); the
 * ten real pages crawled under budget names in ../shared/corpus/cities/_not-disclosures.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { importPaths } from '../../src/import/index.js';
import { checkBytes, checkFile } from '../../src/pipeline.js';
import { ReadError } from '../../src/read/doc.js';
import { buildApp } from '../../src/serve/index.js';
import { Store } from '../../src/store/index.js';
import { scannedPdf } from '../fixtures/pdf/documents.js';
import { upload } from '../serve/multipart.js';
import { CORPUS, ROOT, sharedOnly } from '../helpers/shared.js';

const FIXTURES = join(ROOT, 'test/fixtures/refusal');
const fixture = (name: string) => join(FIXTURES, name);
const REFUSED = /^不是部门预算、决算公开或绩效文件：/;

async function refusal(path: string): Promise<string> {
  try {
    await checkFile(path);
  } catch (e) {
    assert.ok(e instanceof ReadError, String(e));
    assert.equal(e.file, path);
    assert.doesNotMatch(e.message, /\n/, 'one line');
    return e.message;
  }
  assert.fail(`${path} was checked as a disclosure`);
}

describe('not a disclosure: refused with one Chinese line', () => {
  test('an official notice', async () => {
    assert.equal(await refusal(fixture('notice.txt')), '不是部门预算、决算公开或绩效文件：看来是一份公文、通知或表单（开头为“示范市人民政府办公室文件”），未作检查');
  });

  test('an application form', async () => {
    assert.match(await refusal(fixture('form.txt')), /^不是部门预算、决算公开或绩效文件：看来是一份公文、通知或表单（开头为“示范市统计局政府信息公开申请表”）/);
  });

  test('a portal page listing budgets: links and a breadcrumb name budgets, but the page holds none', async () => {
    assert.match(await refusal(fixture('portal.html')), REFUSED);
  });

  test('a PDF without a text layer needs OCR', async () => {
    await assert.rejects(checkBytes(scannedPdf(true), '扫描件.pdf'), (e: unknown) => e instanceof ReadError && e.file === '扫描件.pdf' && /没有文字层.*OCR/.test(e.message));
  });
});

describe('documents of their own kind are read, never refused', () => {
  test('a narrative-only budget (说明 without tables) on a web page: the breadcrumb is no title or entity', async () => {
    const { document: d } = await checkFile(fixture('narrative-budget.html'));
    assert.equal(d.kind, 'budget');
    assert.equal(d.year, 2031);
    assert.equal(d.title, '示范市档案馆2031年部门预算公开说明');
    assert.deepEqual(d.entity, { name: '示范市档案馆', code: null, level: 'city', region: '示范市', scope: 'department', parent: null });
    assert.equal(d.summary.basicExpenditure?.toString(), '250.4');
  });

  test('a standalone 绩效目标表 document: its project and indicators, its entity and year from the form title', async () => {
    const { document: d } = await checkFile(fixture('performance-targets.txt'));
    assert.equal(d.year, 2031);
    assert.equal(d.entity.name, '示范市水务局');
    assert.equal(d.projects.length, 1);
    assert.deepEqual(d.projects[0].indicators.map((i) => i.level3), ['系统巡检次数', '系统可用率', '巡查问题处置时长', '使用人员满意度']);
  });

  test("a finance bureau's evaluation report: the issuer before 关于 is the entity", async () => {
    const { document: d } = await checkFile(fixture('evaluation-report.txt'));
    assert.equal(d.entity.name, '示范市财政局');
    assert.equal(d.title, '示范市财政局关于示范市档案馆馆藏档案数字化项目的绩效评价报告');
  });
});

describe('the same refusal in import and the API', () => {
  test('import: the notice is a failed file with the reason, nothing stored', async () => {
    const store = await Store.open({ db: ':memory:' });
    try {
      const r = await importPaths([fixture('notice.txt'), fixture('narrative-budget.html')], { db: store, workers: 0 });
      assert.equal(r.imported, 1);
      assert.deepEqual(r.failed, [{ path: fixture('notice.txt'), reason: '不是部门预算、决算公开或绩效文件：看来是一份公文、通知或表单（开头为“示范市人民政府办公室文件”），未作检查' }]);
    } finally {
      await store.close();
    }
  });

  test('API upload: 422 with the Chinese message, nothing stored', async () => {
    const store = await Store.open({ db: ':memory:' });
    const app = await buildApp({ store, workers: 0 });
    try {
      const res = await app.inject({ method: 'POST', url: '/api/documents', ...upload('2031年示范市统计局部门预算.html', readFileSync(fixture('portal.html'))) });
      assert.equal(res.statusCode, 422, res.body);
      assert.match(res.json().error, REFUSED);
      const scan = await app.inject({ method: 'POST', url: '/api/documents', ...upload('预算.pdf', scannedPdf(true)) });
      assert.equal(scan.statusCode, 422, scan.body);
      assert.match(scan.json().error, /OCR/);
      assert.equal((await app.inject({ method: 'GET', url: '/api/documents' })).json().total, 0);
    } finally {
      await app.close();
      await store.close();
    }
  });
});

test('the ten pages crawled under budget names (notices, forms, bulletins) are refused', sharedOnly, async () => {
  const dir = join(CORPUS, 'cities', '_not-disclosures');
  const files = readdirSync(dir).filter((f) => f.endsWith('.pdf'));
  assert.equal(files.length, 10);
  for (const f of files) assert.match(await refusal(join(dir, f)), REFUSED, f);
});
