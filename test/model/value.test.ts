import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ValueSchema, type Value } from '../../src/model/disclosure.js';
import { formatValue, parseValue, unitOfName, withNameUnit, VALUE_PROBLEMS as P } from '../../src/model/value.js';
import { indicator } from '../../src/recognize/projects.js';
import { ROOT, SEED, seed, sharedOnly } from '../helpers/shared.js';

type Expect = Omit<Value, 'raw'>;
interface SeedEntry { seed: string; project: number; row: number; field: 'target' | 'actual'; raw: string; expect: Expect }
interface CorpusEntry { source: string; raw: string; expect: Expect }

function fixture<T>(name: string): T[] {
  return (JSON.parse(readFileSync(join(ROOT, 'test/fixtures/value', name), 'utf8')) as { values: T[] }).values;
}
const SEED_VALUES = fixture<SeedEntry>('seed-values.json');
const CORPUS_VALUES = fixture<CorpusEntry>('corpus-values.json');

/** The full Value expected for `raw`: nothing read, no problems, unless `part` says otherwise. */
function v(raw: string, part: Partial<Value>): Value {
  return { raw: raw.trim(), operator: null, value: null, max: null, unit: null, level: null, deadline: null, parsed: true, problems: [], ...part };
}
const unparsed = (...problems: string[]): Partial<Value> => ({ parsed: false, problems: problems.length ? problems : [P.unmeasurable] });

function check(cases: [string, Partial<Value>][]): void {
  for (const [raw, part] of cases) assert.deepEqual(parseValue(raw), v(raw, part), raw);
}

// ---------------------------------------------------------------- real documents

test('every indicator value of the four seeds parses as read by hand', () => {
  assert.equal(SEED_VALUES.length, 131);
  for (const e of SEED_VALUES) {
    assert.deepEqual(parseValue(e.raw), { raw: e.raw.trim(), ...e.expect }, `${e.seed} project ${e.project} row ${e.row} ${e.field}: ${e.raw}`);
  }
});

test('the seed fixture is what the seeds hold', sharedOnly, () => {
  const files: Record<string, string> = {
    '000': SEED.xushui, '001': SEED.luancheng, '002': SEED.luquan, '004': SEED.yuanshi,
  };
  for (const [id, name] of Object.entries(files)) {
    const text = readFileSync(seed(`${name}.txt`), 'utf8');
    // Value cells are tab-separated cells of their own.
    const cells = text.split('\n').flatMap((line) => line.split('\t')).map((c) => c.trim());
    const mine = SEED_VALUES.filter((e) => e.seed === id);
    const count = (xs: string[], raw: string) => xs.filter((x) => x === raw).length;
    for (const raw of new Set(mine.map((e) => e.raw))) {
      assert.ok(count(cells, raw) >= count(mine.map((e) => e.raw), raw), `${id}: ${raw} appears fewer times in the seed than in the fixture`);
    }
    // Every cell written with a comparison sign is in the fixture (the 说明 writes none).
    const signed = cells.filter((c) => /^[≥≤]/.test(c));
    assert.equal(mine.filter((e) => /^[≥≤]/.test(e.raw)).length, signed.length, `${id}: cells with ≥/≤`);
  }
});

test('indicator values of the corpus (Shanghai 绩效目标填报表) parse as read by hand', () => {
  assert.equal(CORPUS_VALUES.length, 52);
  for (const e of CORPUS_VALUES) assert.deepEqual(parseValue(e.raw), { raw: e.raw.trim(), ...e.expect }, e.raw);
});

test('every parse is a valid Value and keeps its raw text', () => {
  for (const { raw } of [...SEED_VALUES, ...CORPUS_VALUES]) {
    const value = parseValue(raw);
    assert.doesNotThrow(() => ValueSchema.parse(value), raw);
    assert.equal(value.raw, raw.trim());
  }
});

// ---------------------------------------------------------------- operators

test('comparison words and signs', () => {
  check([
    ['大于或等于90%', { operator: '≥', value: 90, unit: '%' }],
    ['大于等于90%', { operator: '≥', value: 90, unit: '%' }],
    ['不低于85分', { operator: '≥', value: 85, unit: '分' }],
    ['不少于3次', { operator: '≥', value: 3, unit: '次' }],
    ['至少2场', { operator: '≥', value: 2, unit: '场' }],
    ['95%以上', { operator: '≥', value: 95, unit: '%' }],
    ['小于或等于5天', { operator: '≤', value: 5, unit: '天' }],
    ['小于等于5天', { operator: '≤', value: 5, unit: '天' }],
    ['不高于3%', { operator: '≤', value: 3, unit: '%' }],
    ['不超过10万元', { operator: '≤', value: 10, unit: '万元' }],
    ['不多于2次', { operator: '≤', value: 2, unit: '次' }],
    ['3个工作日以内', { operator: '≤', value: 3, unit: '个工作日' }],
    ['2小时以下', { operator: '≤', value: 2, unit: '小时' }],
    ['24小时内', { operator: '≤', value: 24, unit: '小时' }],
    ['控制在20万元以内', { operator: '≤', value: 20, unit: '万元' }],
    ['大于50人', { operator: '>', value: 50, unit: '人' }],
    ['高于80%', { operator: '>', value: 80, unit: '%' }],
    ['超过100户', { operator: '>', value: 100, unit: '户' }],
    ['小于1%', { operator: '<', value: 1, unit: '%' }],
    ['低于5次', { operator: '<', value: 5, unit: '次' }],
    ['等于100%', { operator: '=', value: 100, unit: '%' }],
    ['满意度为100%', { operator: '=', value: 100, unit: '%' }],
    ['达到98%', { operator: '=', value: 98, unit: '%' }],
    ['>=90%', { operator: '≥', value: 90, unit: '%' }],
    ['<=2次', { operator: '≤', value: 2, unit: '次' }],
    ['＞＝９０％', { operator: '≥', value: 90, unit: '%' }],
    ['≧85%', { operator: '≥', value: 85, unit: '%' }],
    ['≦3天', { operator: '≤', value: 3, unit: '天' }],
    ['＞5个', { operator: '>', value: 5, unit: '个' }],
    ['＜1%', { operator: '<', value: 1, unit: '%' }],
    ['=12次', { operator: '=', value: 12, unit: '次' }],
    ['≥ 6 次', { operator: '≥', value: 6, unit: '次' }],
    ['≥95%以下', { operator: '≥', value: 95, unit: '%', problems: [P.operatorConflict] }],
  ]);
});

test('ranges: value is the lower bound, max the upper', () => {
  check([
    ['80%-90%', { operator: 'range', value: 80, max: 90, unit: '%' }],
    ['80～90%', { operator: 'range', value: 80, max: 90, unit: '%' }],
    ['80%~90%', { operator: 'range', value: 80, max: 90, unit: '%' }],
    ['3到5次', { operator: 'range', value: 3, max: 5, unit: '次' }],
    ['三到五次', { operator: 'range', value: 3, max: 5, unit: '次' }],
    ['60—80分', { operator: 'range', value: 60, max: 80, unit: '分' }],
    ['80%至90%之间', { operator: 'range', value: 80, max: 90, unit: '%' }],
    ['80至90', { operator: 'range', value: 80, max: 90, problems: [P.noUnit] }],
    ['90%-80%', { operator: 'range', value: 90, max: 80, unit: '%', problems: [P.rangeReversed] }],
  ]);
});

// ---------------------------------------------------------------- numbers and units

test('numbers: separators, full-width digits, decimals, signs, Chinese numerals', () => {
  check([
    ['1,000人', { value: 1000, unit: '人' }],
    ['≥10,000.5元', { operator: '≥', value: 10000.5, unit: '元' }],
    ['１００％', { value: 100, unit: '%' }],
    ['１，０００人', { value: 1000, unit: '人' }],
    ['0.5小时', { value: 0.5, unit: '小时' }],
    ['≥80.00(%)', { operator: '≥', value: 80, unit: '%' }],
    ['≤-5%', { operator: '≤', value: -5, unit: '%' }],
    ['两次', { value: 2, unit: '次' }],
    ['十个', { value: 10, unit: '个' }],
    ['十二篇', { value: 12, unit: '篇' }],
    ['一千二百人次', { value: 1200, unit: '人次' }],
    ['三个工作日内', { operator: '≤', value: 3, unit: '个工作日' }],
    ['不少于两千份', { operator: '≥', value: 2000, unit: '份' }],
    ['百分之九十五', { value: 95, unit: '%' }],
    ['百分之百', { value: 100, unit: '%' }],
    ['5000余条', { operator: '>', value: 5000, unit: '条' }],
    ['开展至少1次团体活动', { operator: '≥', value: 1, unit: '次' }],
  ]);
});

test('units are kept as written: magnitudes stay in the unit, periods are appended', () => {
  check([
    ['1万条', { value: 1, unit: '万条' }],
    ['≤20万', { operator: '≤', value: 20, unit: '万' }],
    ['5万人次', { value: 5, unit: '万人次' }],
    ['=5.00(万人次)', { operator: '=', value: 5, unit: '万人次' }],
    ['≥3次/天', { operator: '≥', value: 3, unit: '次/天' }],
    ['100元/人', { value: 100, unit: '元/人' }],
    ['≥100M', { operator: '≥', value: 100, unit: 'M' }],
    ['≥10GB', { operator: '≥', value: 10, unit: 'GB' }],
    ['≥2G', { operator: '≥', value: 2, unit: 'G' }],
    ['≤15分钟', { operator: '≤', value: 15, unit: '分钟' }],
    ['≥2个百分点', { operator: '≥', value: 2, unit: '个百分点' }],
    ['≥13459.00(平方米)', { operator: '≥', value: 13459, unit: '平方米' }],
    ['每月不少于4次', { operator: '≥', value: 4, unit: '次/月' }],
    ['每年推送不少于1万条', { operator: '≥', value: 1, unit: '万条/年' }],
    ['一年两次', { value: 2, unit: '次/年' }],
    ['≥100百分比', { operator: '≥', value: 100, unit: '%', problems: [P.nonstandardUnit] }],
    ['≥98百分率', { operator: '≥', value: 98, unit: '%', problems: [P.nonstandardUnit] }],
    ['≥100.00(人数)', { operator: '≥', value: 100, unit: '人', problems: [P.nonstandardUnit] }],
  ]);
});

// ---------------------------------------------------------------- levels

test('qualitative levels are normalised short words', () => {
  const level = (level: string): Partial<Value> => ({ level });
  check([
    ['及时', level('及时')],
    ['及时完成', level('及时')],
    ['及时完成工作', level('及时')],
    ['补助资金及时拨付', level('及时')],
    ['按时', level('按时')],
    ['按时完成', level('按时')],
    ['按预计时间', level('按时')],
    ['按期完成', level('按时')],
    ['是', level('是')],
    ['否', level('否')],
    ['能够', level('能够')],
    ['不能', level('不能')],
    ['达到', level('达到')],
    ['达标', level('达到')],
    ['未达到', level('未达到')],
    ['显著', level('显著')],
    ['效果显著', level('显著')],
    ['明显提升', level('明显')],
    ['有所提升', level('有所提升')],
    ['进一步提高', level('提升')],
    ['优', level('优')],
    ['优秀', level('优')],
    ['良好', level('良')],
    ['中', level('中')],
    ['差', level('差')],
    ['高', level('高')],
    ['较高', level('较高')],
    ['满意度较高', level('较高')],
    ['合格', level('合格')],
    ['验收合格', level('合格')],
    ['完成', level('完成')],
    ['已完成', level('完成')],
    ['未完成', level('未完成')],
    ['满意', level('满意')],
    ['正常', level('正常')],
    ['运行正常', level('正常')],
    ['稳定', level('稳定')],
    ['稳定运行', level('稳定')],
    ['专款专用', level('专款专用')],
    ['安全无事故', level('无事故')],
    ['居民区全覆盖', level('全覆盖')],
    ['不超出项目预算', level('预算内')],
    ['控制在预算范围内', level('预算内')],
    ['超出预算', level('超预算')],
    ['100%完成', { value: 100, unit: '%', level: '完成' }],
  ]);
});

test('a grading scale written instead of a target is not a level', () => {
  check([
    ['优.良.中.差', unparsed(P.scale)],
    ['优、良、中、差', unparsed(P.scale)],
    ['优良中差', unparsed(P.scale)],
    ['优秀/良好/合格/不合格', unparsed(P.scale)],
    ['是/否', unparsed(P.scale)],
    ['达到/未达到', unparsed(P.scale)],
    ['高、中、低', unparsed(P.scale)],
  ]);
});

test('words that only name what should happen are not measurable', () => {
  check([
    ['宣传正能量', unparsed()],
    ['社会稳定', unparsed()],
    ['生活水平提高', unparsed()],
    ['网络安全', unparsed()],
    ['满意度', unparsed()],
    ['及时率', unparsed()],
    ['工作完成率', unparsed()],
    ['一次性发放到位', unparsed()],
    ['XX%', unparsed()],
    ['2023年度预算执行率', unparsed()],
    ['≥', unparsed()],
  ]);
});

// ---------------------------------------------------------------- deadlines

test('deadlines: MM-DD, or YYYY-MM-DD with a year; ≤ only when the text says 前', () => {
  check([
    ['9月底完成', { deadline: '09-30', level: '完成' }],
    ['9月底已完成', { deadline: '09-30', level: '完成' }],
    ['12月底前', { operator: '≤', deadline: '12-31' }],
    ['12月底前完成', { operator: '≤', deadline: '12-31', level: '完成' }],
    ['十二月底前', { operator: '≤', deadline: '12-31' }],
    ['2022年12月31日前', { operator: '≤', deadline: '2022-12-31' }],
    ['2022年12月31日之前完成', { operator: '≤', deadline: '2022-12-31', level: '完成' }],
    ['年底前', { operator: '≤', deadline: '12-31' }],
    ['2022年底', { deadline: '2022-12-31' }],
    ['2023年6月底', { deadline: '2023-06-30' }],
    ['6月30日前', { operator: '≤', deadline: '06-30' }],
    ['2024年2月底', { deadline: '2024-02-29' }],
    ['2月底', { deadline: '02-28' }],
    ['2022-12-31', { deadline: '2022-12-31' }],
    ['2022.6.30前', { operator: '≤', deadline: '2022-06-30' }],
    ['第三季度', { deadline: '09-30' }],
    ['一季度末', { deadline: '03-31' }],
    ['上半年完成', { deadline: '06-30', level: '完成' }],
    ['年内完成', { operator: '≤', deadline: '12-31', level: '完成' }],
    ['截至11月底', { operator: '≤', deadline: '11-30' }],
    ['3月上旬', { deadline: '03-10' }],
    ['5月中旬', { deadline: '05-20' }],
    ['10-12月', { deadline: '12-31' }],
    ['10月至12月底前', { operator: '≤', deadline: '12-31' }],
    ['第一季度完成30%', { value: 30, unit: '%', level: '完成', deadline: '03-31' }],
    ['20222022年底', { deadline: '2022-12-31', problems: [P.yearRepeated] }],
    ['20212022年底', unparsed(P.badDate, P.unmeasurable)],
    ['13月底前', unparsed(P.badDate, P.unmeasurable)],
    ['2月30日前', unparsed(P.badDate, P.unmeasurable)],
  ]);
});

// ---------------------------------------------------------------- malformed and empty

test('malformed values are read as far as possible and flagged', () => {
  check([
    ['≥0100%', { operator: '≥', value: 100, unit: '%', problems: [P.leadingZero] }],
    ['≥00', { operator: '≥', value: 0, problems: [P.leadingZero, P.noUnit] }],
    ['≥10', { operator: '≥', value: 10, problems: [P.noUnit] }],
    ['1000', { value: 1000, problems: [P.noOperator, P.noUnit] }],
    ['2名', { value: 2, unit: '名' }],
    ['慰问100人,发放200份', { value: 100, unit: '人', problems: [P.several] }],
  ]);
});

test('empty cells and placeholders', () => {
  check([
    ['', unparsed(P.empty)],
    ['   ', unparsed(P.empty)],
    ['——', unparsed(P.empty)],
    ['/', unparsed(P.empty)],
    ['-', unparsed(P.empty)],
  ]);
});

test('odd input never throws', () => {
  for (const raw of ['\u0000', '(', '()', '(%)', '%', '万', '一', '第一', '...', '≥≥≥', '1-', '-1', '0000', '1'.repeat(400), '年', '月底', '9月', '|||', '及时'.repeat(5000), '≥95%'.repeat(2000)]) {
    const value = parseValue(raw);
    assert.doesNotThrow(() => ValueSchema.parse(value), JSON.stringify(raw));
  }
});

// ---------------------------------------------------------------- formatValue

test('formatValue prints a normalised form', () => {
  const cases: [string, string][] = [
    ['≥95％', '≥95%'],
    ['≤0.84万元', '≤0.84万元'],
    ['不低于90%', '≥90%'],
    ['≥0100%', '≥100%'],
    ['80～90%', '80～90%'],
    ['80%-90%', '80～90%'],
    ['12月底前', '12月底前'],
    ['12月底前完成', '12月底前完成'],
    ['9月底完成', '9月底完成'],
    ['2022年12月31日前', '2022年12月底前'],
    ['6月15日前', '6月15日前'],
    ['及时完成工作', '及时'],
    ['100%完成', '100%完成'],
    ['每月不少于4次', '≥4次/月'],
    ['≥6 次', '≥6次'],
    ['宣传正能量', '宣传正能量'],
    ['优.良.中.差', '优.良.中.差'],
  ];
  for (const [raw, out] of cases) assert.equal(formatValue(parseValue(raw)), out, raw);
});

test('what formatValue prints parses back to the same value', () => {
  const fields = (x: Value) => ({ operator: x.operator, value: x.value, max: x.max, unit: x.unit, level: x.level, deadline: x.deadline });
  for (const { raw } of [...SEED_VALUES, ...CORPUS_VALUES]) {
    const first = parseValue(raw);
    if (!first.parsed) continue;
    assert.deepEqual(fields(parseValue(formatValue(first))), fields(first), raw);
  }
});

test('a unit the indicator’s name gives in brackets is the value’s unit', () => {
  assert.equal(unitOfName('人民调解案件数(件)'), '件');
  assert.equal(unitOfName('人民调解员案件调解补贴（元/件）'), '元/件');
  assert.equal(unitOfName('受理调解民间纠纷（件次）'), '件次');
  assert.equal(unitOfName('案件完成率（%）'), '%');
  assert.equal(unitOfName('完成时限(月)'), '月');
  assert.equal(unitOfName('响应时间（时）'), '时');
  assert.equal(unitOfName('号牌制作数量（万副）'), '万副');
  assert.equal(parseValue('≥158栋楼').unit, '栋');
  assert.equal(unitOfName('面积(㎡)'), '㎡');
  assert.equal(parseValue('23层').unit, '层');
  assert.equal(parseValue('≥120m2').unit, 'm2');
  // Brackets that are not units, or no bracket at the end.
  for (const name of ['专项资金（人民币）', '管理办法（试行）', '培训次数', '（件）培训次数', '资金（2025年）']) assert.equal(unitOfName(name), null, name);

  const atLeast = withNameUnit(parseValue('≥1000'), '人民调解案件数(件)');
  assert.equal(atLeast.unit, '件');
  assert.equal(atLeast.value, 1000);
  assert.deepEqual(atLeast.problems, []);
  // A bare number with the unit in the name: "exactly", as a number with its unit is.
  assert.deepEqual(withNameUnit(parseValue('400'), '监督补贴（元/件）').problems, []);
  // The value's own unit wins; a name without one changes nothing.
  assert.equal(withNameUnit(parseValue('≥90%'), '完成率（个）').unit, '%');
  assert.deepEqual(withNameUnit(parseValue('≥10'), '培训次数').problems, [P.noUnit]);
  // Recognition reads a 绩效目标表 row so.
  const row = indicator('产出指标', '数量指标', '人民调解案件数(件)', '', '≥1000', '', { block: 0 });
  assert.equal(row.target.unit, '件');
  assert.deepEqual(row.target.problems, []);
});
