/** The classification code catalog: lookups by year, name spellings, data consistency, and the codes the seeds print. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { Catalog, catalog, CatalogFileSchema, SCHEMES } from '../../src/catalog/index.js';
import { SEED, seed, sharedOnly } from '../helpers/shared.js';

describe('catalog', () => {
  const cat = catalog();

  test('names are versioned by year', () => {
    assert.deepEqual(cat.lookup('functional', '210', 2018)?.names, ['医疗卫生与计划生育支出']);
    assert.deepEqual(cat.lookup('functional', '210', 2022)?.names, ['卫生健康支出']);
    assert.deepEqual(cat.lookup('functional', '20805', 2019)?.names, ['行政事业单位离退休']);
    assert.deepEqual(cat.lookup('functional', '20805', 2020)?.names, ['行政事业单位养老支出']);
    assert.deepEqual(cat.lookup('economic', '310', 2017)?.names, ['其他资本性支出']);
    assert.deepEqual(cat.lookup('economic', '30311', 2017)?.names, ['住房公积金']);
    assert.deepEqual(cat.lookup('economic', '30311', 2022)?.names, ['代缴社会保险费']);
    assert.equal(cat.lookup('functional', '2013704', 2017), undefined);
    assert.deepEqual(cat.versions('functional', '2013704'), [{ name: '信息安全事务', from: 2019 }]);
    assert.deepEqual(cat.lookup('functional', '2013704', null)?.names, ['信息安全事务']);
  });

  test('the scheme follows from the first digit', () => {
    assert.equal(Catalog.schemeOfCode('2013301'), 'functional');
    assert.equal(Catalog.schemeOfCode('30113'), 'economic');
    assert.equal(Catalog.schemeOfCode('50201'), 'government-economic');
    assert.equal(Catalog.schemeOfCode('3011301'), null);
    assert.equal(Catalog.schemeOfCode('12345'), null);
  });

  test('names compare without numbering, spaces, bracket widths or a trailing 支出', () => {
    assert.ok(Catalog.sameName('一、一般公共服务支出', ['一般公共服务支出']));
    assert.ok(Catalog.sameName('二十、住房保障支出', ['住房保障支出']));
    assert.ok(Catalog.sameName('机关事业单位基本养老保险缴费', ['机关事业单位基本养老保险缴费支出']));
    assert.ok(Catalog.sameName('因公出国(境)费用', ['因公出国（境）费用']));
    assert.ok(Catalog.sameName('  宣传 事务 ', ['宣传事务']));
    assert.ok(Catalog.sameName('社会保障和就业支出（类）', ['社会保障和就业支出']));
    assert.ok(!Catalog.sameName('一般行政管理事务', ['行政运行']));
    assert.ok(!Catalog.sameName('卫生', ['卫生健康支出']), 'a short prefix is not the name');
  });

  test('a 类 is found by any of its names', () => {
    assert.equal(cat.classByName('functional', '二十、住房保障支出'), '221');
    assert.equal(cat.classByName('functional', '医疗卫生与计划生育支出'), '210');
    assert.equal(cat.classByName('functional', '文化旅游体育与传媒支出'), '207');
    assert.equal(cat.classByName('functional', '不存在的支出'), undefined);
  });

  test('the shipped data files are valid catalog files (catalog() reads them without validating)', () => {
    for (const scheme of SCHEMES) {
      const raw: unknown = JSON.parse(readFileSync(new URL(`../../src/catalog/data/${scheme}.json`, import.meta.url), 'utf8'));
      const parsed = CatalogFileSchema.safeParse(raw);
      assert.ok(parsed.success, `${scheme}: ${parsed.error?.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
      assert.equal(parsed.data.scheme, scheme);
      // What zod returns is what catalog() uses: the same objects, key for key.
      assert.deepEqual(parsed.data, raw);
    }
  });

  test('the data files are consistent: parents exist, year ranges do not overlap', () => {
    for (const scheme of SCHEMES) {
      const raw = JSON.parse(readFileSync(new URL(`../../src/catalog/data/${scheme}.json`, import.meta.url), 'utf8')) as { codes: Record<string, { name: string; from?: number; to?: number }[]> };
      const codes = Object.keys(raw.codes);
      assert.ok(codes.length > 20, scheme);
      for (const code of codes) {
        assert.equal(Catalog.schemeOfCode(code), scheme, code);
        if (code.length > 3) assert.ok(raw.codes[code.slice(0, code.length - 2)], `${scheme} ${code} has no parent`);
        const versions = raw.codes[code];
        for (const v of versions) assert.ok((v.from ?? 0) <= (v.to ?? 9999), `${code} ${v.name}`);
        for (let y = 2007; y <= 2030; y++) {
          const n = versions.filter((v) => (v.from ?? 0) <= y && y <= (v.to ?? 9999)).length;
          assert.ok(n <= 1, `${scheme} ${code} has ${n} names in ${y}`);
        }
      }
    }
  });

  test('every 类 of the 2022 收支总表 is in the catalog', () => {
    for (const code of ['201', '202', '203', '204', '205', '206', '207', '208', '209', '210', '211', '212', '213', '214', '215', '216', '217', '219', '220', '221', '222', '223', '224', '227', '229', '230', '231', '232', '233', '234']) {
      assert.ok(cat.lookup('functional', code, 2022), code);
    }
  });

  test('every code the seed tables print is known for 2022 under the name printed', sharedOnly, () => {
    const lines = readFileSync(seed(`${SEED.luquan}.txt`), 'utf8').split(/\r?\n/);
    const seen: [string, string][] = [];
    for (let i = 0; i + 1 < lines.length; i++) {
      const code = /^\t(\d{3}|\d{5}|\d{7})$/.exec(lines[i]);
      const name = /^\t(\S.*)$/.exec(lines[i + 1]);
      if (code && name) seen.push([code[1], name[1].trim()]);
    }
    assert.ok(seen.length >= 40, `only ${seen.length} coded rows read`);
    const unknown = seen.filter(([c, n]) => {
      const info = cat.lookup(Catalog.schemeOfCode(c)!, c, 2022);
      return !info || !Catalog.sameName(n, info.names);
    });
    assert.deepEqual(unknown, []);
    assert.ok(seen.some(([c, n]) => c === '2013704' && n === '信息安全事务'));
    assert.ok(seen.some(([c, n]) => c === '30108' && n === '机关事业单位基本养老保险缴费'));
  });
});
