import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entityKey } from '../../src/region/names.js';
import { allDivisions, codePrefix, regionOfName, resolveDivision } from '../../src/region/divisions.js';

test('variants of one department name give one key', () => {
  const one = ['江苏省委办公厅', '中共江苏省委办公厅', '中国共产党江苏省委员会办公厅', '中共江苏省委办公室', '江苏省委办'];
  assert.deepEqual(new Set(one.map(entityKey)).size, 1);
  assert.equal(entityKey('江苏省人大常委会办公厅'), entityKey('江苏省人民代表大会常务委员会办公厅'));
  assert.equal(entityKey('江苏省人大常委会办公厅'), entityKey('江苏省人大办公厅'));
  assert.equal(entityKey('中国人民政治协商会议江苏省委员会办公厅'), entityKey('江苏省政协办公厅'));
  assert.equal(entityKey('江苏省人民检察院'), entityKey('江苏省检察院'));
  assert.equal(entityKey('烟台市发展和改革委员会'), entityKey('烟台市发展和改革委'));
  assert.equal(entityKey('“北京市 交通委员会”'), entityKey('北京市交通委员会'));
  // Full-width brackets with a scope are the scope, not the name.
  assert.equal(entityKey('无锡市教育局（本级）'), entityKey('无锡市教育局'));
});

test('different departments keep different keys', () => {
  assert.notEqual(entityKey('江苏省委办公厅'), entityKey('江苏省政府办公厅'));
  assert.notEqual(entityKey('江苏省高级人民法院'), entityKey('江苏省人民检察院'));
  assert.notEqual(entityKey('西安市公安局'), entityKey('西安市公安局交通管理局'));
});

test('the divisions catalog: every province and its cities, codes unique and well formed', () => {
  const all = allDivisions();
  assert.equal(new Set(all.map((d) => d.code)).size, all.length);
  assert.equal(all.filter((d) => d.level === 'province').length, 34);
  for (const d of all) {
    assert.match(d.code, /^\d{6}$/);
    if (d.level !== 'province') assert.ok(d.parent && all.some((p) => p.code === d.parent), `${d.name} has a parent`);
  }
  assert.equal(all.filter((d) => d.parent === '130000').length, 11, '河北 has 11 prefecture-level cities');
  assert.equal(all.filter((d) => d.parent === '320000').length, 13, '江苏 has 13');
});

test('a region read from a department name, down to the county', () => {
  const path = (name: string, within?: string) => {
    const p = regionOfName(name, within);
    return [p.province?.name, p.city?.name, p.county?.name];
  };
  assert.deepEqual(path('石家庄市鹿泉区财政局'), ['河北省', '石家庄市', '鹿泉区']);
  assert.deepEqual(path('元氏县财政局'), ['河北省', '石家庄市', '元氏县']);
  assert.deepEqual(path('保定市徐水区委网络安全和信息化委员会办公室'), ['河北省', '保定市', '徐水区']);
  assert.deepEqual(path('中共江苏省委办公厅'), ['江苏省', undefined, undefined]);
  assert.deepEqual(path('上海市普陀区财政局'), ['上海市', undefined, '普陀区']);
  assert.deepEqual(path('烟台市大数据局'), ['山东省', '烟台市', undefined]);
  // 长安区 is in 石家庄 and in 西安: the name alone does not say which; the region given does.
  assert.deepEqual(path('长安区财政局'), [undefined, undefined, undefined]);
  assert.deepEqual(path('长安区财政局', '西安市'), ['陕西省', '西安市', '长安区']);
  assert.deepEqual(path('国家信访局'), [undefined, undefined, undefined]);
});

test('a filter names a division however a person writes it', () => {
  assert.equal(resolveDivision('河北')?.code, '130000');
  assert.equal(resolveDivision('河北省')?.code, '130000');
  assert.equal(resolveDivision('石家庄')?.code, '130100');
  assert.equal(resolveDivision('鹿泉区')?.code, '130110');
  assert.equal(resolveDivision('保定市徐水区')?.code, '130609');
  assert.equal(resolveDivision('13')?.code, '130000');
  assert.equal(resolveDivision('保定市财政局'), null);
  assert.equal(codePrefix(resolveDivision('石家庄市')!), '1301');
});
