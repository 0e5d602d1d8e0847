/**
 * Comparisons: one entity across years, budget against final accounts, departments side by side;
 * rows matched by code, re-coded and renamed items linked; change and percentage in decimals;
 * the tidy CSV/Excel export with Chinese headers. Real SQLite and PostgreSQL behind the store.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { compareSides, tidyComparison, COMPARISON_COLUMNS, type CompareSide } from '../../src/region/compare.js';
import { csvText } from '../../src/region/tidy.js';
import { Catalog, catalog, SCHEMES } from '../../src/catalog/index.js';
import { buildApp } from '../../src/serve/index.js';
import { toRecord, type Store } from '../../src/store/index.js';
import { backends } from '../store/backends.js';
import { synthetic, type SyntheticSpec } from '../fixtures/store/build.js';

const side = (label: string, year: number, lines: [string | null, string, string][]): CompareSide => ({
  label,
  documentId: year,
  entity: '示范县文化局',
  year,
  kind: 'budget',
  lines: lines.map(([code, name, amount]) => ({ code, name, level: code ? ({ 3: 'class', 5: 'section', 7: 'item' } as Record<number, string>)[code.length] : 'item', amount })),
});

test('rows matched by code; a renamed 类 and a re-coded 项 linked; change and percentage exact', () => {
  const c = compareSides([
    side('2018年预算', 2018, [
      ['207', '文化体育与传媒支出', '100.10'],
      ['2070199', '其他文化支出', '0.10'],
      ['2010101', '行政运行', '50.00'],
      ['2010102', '一般行政管理事务', '3.00'],
    ]),
    side('2019年预算', 2019, [
      ['207', '文化旅游体育与传媒支出', '120.30'],
      ['2070188', '其他文化支出', '0.30'],
      ['2010101', '行政运行', '50.00'],
      ['2010104', '人大会议', '7.00'],
    ]),
  ]);
  const by = (name: string) => c.rows.find((r) => r.name === name)!;
  const cls = by('文化旅游体育与传媒支出');
  assert.equal(cls.link, 'renamed');
  assert.deepEqual([cls.amounts, cls.change, cls.percent], [['100.10', '120.30'], '20.20', '20.18']);
  // The catalog's yearly versions know both names of 207.
  assert.equal(cls.note, '名称 文化体育与传媒支出（目录 –2018 年） → 文化旅游体育与传媒支出（目录 2019– 年）');
  const recoded = by('其他文化支出');
  assert.equal(recoded.link, 'recoded');
  assert.deepEqual(recoded.codes, ['2070199', '2070188']);
  // 0.10 → 0.30: exactly 0.20 and 200.00 %, no binary-float residue.
  assert.deepEqual([recoded.change, recoded.percent], ['0.20', '200.00']);
  assert.deepEqual([by('行政运行').link, by('行政运行').change, by('行政运行').percent], ['code', '0.00', '0.00']);
  assert.deepEqual([by('一般行政管理事务').link, by('一般行政管理事务').amounts, by('一般行政管理事务').change], ['only', ['3.00', null], null]);
  assert.equal(by('人大会议').note, '仅见于 2019年预算');
  assert.equal(c.rows.length, 5);
  // Tidy: one row per line and side.
  const csv = csvText(COMPARISON_COLUMNS, tidyComparison(c)).split('\r\n');
  assert.equal(csv[0], '\uFEFF科目编码,科目名称,级次,对比项,金额（万元）,增减（末项比首项，万元）,增减率（%）,匹配方式,说明');
  assert.equal(csv.length, 1 + 5 * 2 + 1);
  assert.ok(csv.includes('2070188,其他文化支出,项,2019年预算,0.30,0.20,200.00,名称相同、编码改变,编码 2070199 → 2070188'));
});

const lines = (a: string, b: string): SyntheticSpec['functional'] => [
  { code: '201', name: '一般公共服务支出', total: a, basic: a },
  { code: '20101', name: '人大事务', total: a, basic: a },
  { code: '2010101', name: '行政运行', total: a, basic: a },
  { code: '208', name: '社会保障和就业支出', total: b, basic: b },
];

async function save(store: Store, spec: SyntheticSpec) {
  const { result, bytes } = synthetic(spec);
  return store.save(toRecord(result, { sha256: result.document.source.sha256, fileName: 'x.txt', sourcePath: null, size: bytes.length }), bytes);
}

for (const backend of backends('region_compare')) {
  describe(`comparisons in the store and over HTTP on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    let app: FastifyInstance;
    let entity: number;
    let other: number;
    before(async () => {
      store = await backend.open();
      app = await buildApp({ store, workers: 0 });
      await save(store, { entity: '示范县人大常委会办公室', region: '示范县', year: 2021, functional: lines('100.00', '10.00') });
      await save(store, { entity: '示范县人大常委会办公室', region: '示范县', year: 2022, functional: lines('110.50', '9.00') });
      await save(store, { entity: '示范县人大常委会办公室', region: '示范县', year: 2022, kind: 'final-accounts', functional: lines('108.25', '9.00') });
      await save(store, { entity: '示范县政协办公室', region: '示范县', year: 2022, functional: lines('80.00', '5.00') });
      const ents = (await store.entities({ region: '示范县' })).items;
      entity = ents.find((e) => e.name.includes('人大'))!.id;
      other = ents.find((e) => e.name.includes('政协'))!.id;
    });
    after(async () => {
      await app?.close();
      await store?.close();
    });

    test('one entity across years: change and percentage per code', async () => {
      const c = await store.compare({ entity, years: [2022, 2021] });
      assert.equal(c.table, 'expenditure');
      assert.deepEqual(c.sides.map((s) => s.label), ['2021年预算', '2022年预算']);
      const run = c.rows.find((r) => r.code === '2010101')!;
      assert.deepEqual([run.amounts, run.change, run.percent, run.link], [['100.00', '110.50'], '10.50', '10.50', 'code']);
      assert.deepEqual(c.rows.find((r) => r.code === '208')!.percent, '-10.00');
    });

    test('budget against final accounts of the same year', async () => {
      const c = await store.compare({ entity, year: 2022 });
      assert.deepEqual(c.sides.map((s) => s.label), ['2022年预算', '2022年决算']);
      assert.equal(c.rows.find((r) => r.code === '201')!.change, '-2.25');
    });

    test('departments side by side, over HTTP as JSON, CSV and Excel', async () => {
      const res = await app.inject({ url: `/api/compare?entities=${entity},${other}&year=2022` });
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.deepEqual(body.sides.map((s: { label: string }) => s.label), ['示范县人大常委会办公室 2022年预算', '示范县政协办公室 2022年预算']);
      assert.deepEqual(body.rows.find((r: { code: string }) => r.code === '201').amounts, ['110.50', '80.00']);
      const csv = await app.inject({ url: `/api/compare?entities=${entity},${other}&year=2022&format=csv` });
      assert.match(csv.body, /^\uFEFF科目编码,科目名称,级次,对比项,金额（万元）/);
      assert.match(csv.body, /\r\n201,一般公共服务支出,类,示范县政协办公室 2022年预算,80.00,-30.50,-27.60,编码相同,\r\n/);
      const xlsx = await app.inject({ url: `/api/compare?entities=${entity},${other}&year=2022&format=xlsx` });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      assert.equal(wb.worksheets[0].getRow(1).getCell(4).value, '对比项');
      assert.equal(wb.worksheets[0].rowCount, 1 + 4 * 2);
    });

    test('a disclosure not stored is 404, a question without a shape 400, each with one Chinese line', async () => {
      const missing = await app.inject({ url: `/api/compare?entity=${entity}&years=2019,2022` });
      assert.equal(missing.statusCode, 404);
      assert.match(missing.json().error, /库中没有单位 \d+ 2019 年的预算公开/);
      const vague = await app.inject({ url: `/api/compare?entity=${entity}` });
      assert.equal(vague.statusCode, 400);
      assert.match(vague.json().error, /请指定对比对象/);
    });
  });
}

test('a code the catalog records as replaced by another (科目调整) is linked to it whatever the names; without the record it is not', () => {
  // A made-up adjustment: 2299901 counted until 2021, from 2022 under 2299902 with another name.
  const cat = new Catalog([
    {
      scheme: 'functional',
      title: 'test',
      codes: {
        '2299901': [{ name: '示例旧科目', to: 2021, replacedBy: ['2299902'] }],
        '2299902': [{ name: '示例新科目', from: 2022 }],
      },
    },
  ]);
  const sides = [side('2021年预算', 2021, [['2299901', '示例旧科目', '10.00']]), side('2022年预算', 2022, [['2299902', '示例新科目', '12.50']])];
  const linked = compareSides(sides, cat);
  assert.equal(linked.rows.length, 1);
  const [row] = linked.rows;
  assert.equal(row.link, 'replaced');
  assert.deepEqual([row.codes, row.amounts, row.change, row.percent], [['2299901', '2299902'], ['10.00', '12.50'], '2.50', '25.00']);
  assert.equal(row.note, '编码 2299901 示例旧科目 → 2299902 示例新科目（目录：2022 年起 2299901 改列 2299902）');
  // Sides in the other order link the same way.
  assert.equal(compareSides([...sides].reverse(), cat).rows[0].link, 'replaced');
  // Without the catalog's record the two codes stay apart.
  const apart = compareSides(sides, new Catalog([]));
  assert.deepEqual(
    apart.rows.map((r) => r.link),
    ['only', 'only'],
  );
});

test('every replacedBy of the shipped catalog names a code of the same scheme that the catalog has', () => {
  for (const scheme of SCHEMES) {
    for (const info of catalog().codesIn(scheme, null)) {
      for (const v of info.versions) for (const next of v.replacedBy ?? []) assert.ok(catalog().versions(scheme, next).length > 0, `${info.code} → ${next}`);
    }
  }
});
