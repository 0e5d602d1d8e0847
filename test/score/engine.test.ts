/** The scoring engine on hand-computed examples, one rule at a time. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { money } from '../../src/model/money.js';
import { parseValue } from '../../src/model/value.js';
import {
  autoScoringProfileName,
  executionScore,
  gradeOf,
  gradeOfText,
  judge,
  level1Key,
  loadScoringProfile,
  scoreProject,
  scoreSelfEvaluation,
  splitEqually,
  ScoringProfileError,
} from '../../src/score/index.js';
import { fullMarks, proj, selfEval, selfEvalDoc } from '../fixtures/score/build.js';

const national = loadScoringProfile('national');
const hebei = loadScoringProfile('hebei-2022');
const s = (v: { toString(): string } | null | undefined) => (v ? v.toString() : null);

function j(target: string, actual: string | null, cost = false) {
  const r = judge(parseValue(target), actual === null ? null : parseValue(actual), { cost });
  return { method: r.method, achievement: r.achievement, ratio: s(r.ratio) };
}

describe('judging an actual value against its target', () => {
  test('≥ targets: met at or above, otherwise actual ÷ target', () => {
    assert.deepEqual(j('≥95%', '95%'), { method: 'higher', achievement: 'met', ratio: '1' });
    assert.deepEqual(j('≥20个', '15个'), { method: 'higher', achievement: 'partial', ratio: '0.75' });
    assert.deepEqual(j('不低于90%', '72%'), { method: 'higher', achievement: 'partial', ratio: '0.8' });
    // A bare figure with a unit is how tables write "exactly": more is still met.
    assert.deepEqual(j('2名', '3名'), { method: 'higher', achievement: 'met', ratio: '1' });
    assert.deepEqual(j('≥4次', '0次'), { method: 'higher', achievement: 'unmet', ratio: '0' });
  });

  test('≤ targets are inverse: met at or below, otherwise target ÷ actual', () => {
    assert.deepEqual(j('≤120分钟', '120分钟'), { method: 'lower', achievement: 'met', ratio: '1' });
    assert.deepEqual(j('≤120分钟', '150分钟'), { method: 'lower', achievement: 'partial', ratio: '0.8' });
    assert.deepEqual(j('不超过2小时', '2.5小时'), { method: 'lower', achievement: 'partial', ratio: '0.8' });
  });

  test('money units convert; a cost figure without operator is a ceiling', () => {
    assert.deepEqual(j('≤20万元', '180000元'), { method: 'lower', achievement: 'met', ratio: '1' });
    assert.deepEqual(j('≤20万元', '250000元'), { method: 'lower', achievement: 'partial', ratio: '0.8' });
    assert.deepEqual(j('30万元', '32万元', true), { method: 'lower', achievement: 'partial', ratio: '0.9375' });
    assert.deepEqual(j('30万元', '32万元', false), { method: 'higher', achievement: 'met', ratio: '1' });
    assert.equal(judge(parseValue('≥95%'), parseValue('20分')).achievement, 'unknown');
  });

  test('ranges: inside met, below lower ÷ bound, above bound ÷ actual', () => {
    assert.deepEqual(j('80%-90%', '85%'), { method: 'range', achievement: 'met', ratio: '1' });
    assert.deepEqual(j('80%-90%', '70%'), { method: 'range', achievement: 'partial', ratio: '0.875' });
    assert.deepEqual(j('80%-90%', '100%'), { method: 'range', achievement: 'partial', ratio: '0.9' });
  });

  test('deadlines: by the date met, later partly met (profile), not done unmet', () => {
    assert.equal(j('9月底完成', '9月底已完成').achievement, 'met');
    assert.equal(j('12月底前完成', '已完成').achievement, 'met');
    assert.equal(j('10月底前', '9月15日完成').achievement, 'met');
    assert.equal(j('10月底前', '11月20日完成').achievement, 'partial');
    assert.equal(judge(parseValue('10月底前'), parseValue('11月20日完成'), { lateDeadline: 'unmet' }).achievement, 'unmet');
    assert.equal(j('6月底前完成', '未完成').achievement, 'unmet');
    assert.equal(j('6月底前完成', '正在推进').achievement, 'unknown');
    assert.equal(j('6月底前完成', '9月底前完成').method, 'deadline');
  });

  test('qualitative: the same level, words of completion, partial and negative words', () => {
    assert.equal(j('不超出项目预算金额', '未超出项目预算金额').achievement, 'met');
    assert.equal(j('及时完成工作', '已完成').achievement, 'met');
    assert.equal(j('是', '是').achievement, 'met');
    assert.equal(j('是', '否').achievement, 'unmet');
    assert.equal(j('无安全事故', '无安全事故').achievement, 'met');
    assert.equal(j('及时', '基本完成').achievement, 'partial');
    assert.equal(j('按时完成', '部分完成').achievement, 'partial');
    assert.equal(j('达到验收标准', '未达到').achievement, 'unmet');
    assert.equal(j('≥95%', '已完成').achievement, 'met');
    assert.equal(j('有效提升', null).achievement, 'unknown');
  });

  test('qualitative scales: a lower level partly achieves, the lowest does not; bare answers need the question', () => {
    assert.equal(j('优', '优').achievement, 'met');
    assert.equal(j('良', '优').achievement, 'met');
    assert.equal(j('优', '良').achievement, 'partial');
    assert.equal(j('良好', '差').achievement, 'unmet');
    assert.equal(j('显著提升', '有所提升').achievement, 'partial');
    assert.equal(j('满意', '不满意').achievement, 'unmet');
    assert.equal(j('确保运行正常', '运行正常').achievement, 'met');
    // 否 is the right answer to 是否发生安全事故 and the wrong one to 是否按时上报: unjudged without a target level.
    assert.equal(judge(parseValue('杜绝安全隐患'), parseValue('否')).achievement, 'unknown');
  });
});

describe('marks', () => {
  test('a 一级 weight is shared equally to 0.01 and the shares add up exactly', () => {
    assert.deepEqual(splitEqually(money(40), 3, 2).map(String), ['13.34', '13.33', '13.33']);
    assert.deepEqual(splitEqually(money(10), 3, 2).map(String), ['3.34', '3.33', '3.33']);
    assert.deepEqual(splitEqually(money(30), 4, 2).map(String), ['7.5', '7.5', '7.5', '7.5']);
    assert.deepEqual(splitEqually(money(50), 3, 0).map(String), ['17', '17', '16']);
  });

  test('一级 names: marks and aliases dropped', () => {
    assert.equal(level1Key('产出指标（40）'), '产出指标');
    assert.equal(level1Key('满意度指标(10分)'), '满意度指标');
    assert.equal(level1Key('效果指标'), '效益指标');
    assert.equal(level1Key('预算执行率指标（10分）'), '预算执行率');
  });
});

describe('execution-rate score', () => {
  test('proportional: min(rate, 100%) × weight, rounded to the profile decimals', () => {
    assert.equal(executionScore(money('57.8'), money(10), national).toString(), '5.78');
    assert.equal(executionScore(money(29.99).div(30).times(100), money(10), national).toString(), '10');
    assert.equal(executionScore(money('103.5'), money(10), national).toString(), '10');
    assert.equal(executionScore(money('88.888'), money(20), national).toString(), '17.78');
  });

  test('bands (profile execution-bands): the highest band reached gives its share', () => {
    const bands = loadScoringProfile('execution-bands');
    assert.equal(executionScore(money('96'), money(10), bands).toString(), '10');
    assert.equal(executionScore(money('92'), money(10), bands).toString(), '8');
    assert.equal(executionScore(money('80'), money(10), bands).toString(), '6');
    assert.equal(executionScore(money('59.99'), money(10), bands).toString(), '0');
  });
});

describe('grades', () => {
  test('优 ≥ 90, 良 80–90, 中 60–80, 差 < 60', () => {
    const g = (v: string) => gradeOf(money(v), national).grade;
    assert.deepEqual(['90', '89.99', '80', '79.99', '60', '59.99', '0'].map(g), ['优', '良', '良', '中', '中', '差', '差']);
    assert.equal(gradeOf(money(94), national).label, '优秀');
  });

  test('the words a report uses for a grade', () => {
    assert.deepEqual(['优秀', '优', '良好', '中', '合格', '不合格', '差', '一般', '甲等'].map((t) => gradeOfText(t, national)), ['优', '优', '良', '中', '中', '差', '差', '中', null]);
  });
});

describe('a project scored', () => {
  test('a consistent table: every figure agrees and the total is 100', () => {
    const p = scoreProject(fullMarks('机房运维'), hebei);
    assert.equal(s(p.execution.rate), '100');
    assert.equal(s(p.execution.computed), '10');
    assert.deepEqual(p.level1.map((l) => [l.name, s(l.weight), s(l.computed), s(l.stated), l.split]), [
      ['产出指标', '40', '40', '40', true],
      ['效益指标', '40', '40', '40', true],
      ['满意度指标', '10', '10', '10', true],
    ]);
    assert.ok(p.level1.every((l) => l.indicators.every((i) => i.agrees === true)));
    assert.equal(s(p.total.computed), '100');
    assert.equal(p.grade?.grade, '优');
    // Scores equal to the equal shares: said as a split, not as marks implied by the scores.
    assert.deepEqual(p.notes, ['项目“机房运维”指标分值未逐项列明，按一级指标分值由所填指标均分：产出指标 40 分 2 项（每项 20 分）、效益指标 40 分 1 项（每项 40 分）、满意度指标 10 分 1 项（每项 10 分）。']);
  });

  test('proportional and inverse scores add exactly: 9 + 38.75 + 27.5 + 9.33 = 84.58 (hand-computed)', () => {
    const p = scoreProject(
      proj('档案数字化', {
        budget: '12.5',
        executed: '11.25',
        weights: { 产出指标: 50, 效益指标: 30, 满意度指标: 10 },
        indicators: [
          ['产出指标', '数量指标', '扫描页数', '≥20万页', '15万页'], // 0.75 × 25 = 18.75
          ['产出指标', '时效指标', '单卷处理时长', '≤2小时', '2.5小时'], // 0.8 × 25 = 20
          ['效益指标', '社会效益指标', '查阅等待时间缩短', '≥30%', '30%'], // 10
          ['效益指标', '社会效益指标', '电子借阅率', '≥60%', '45%'], // 0.75 × 10 = 7.5
          ['效益指标', '可持续影响指标', '数据备份', '是', '是'], // 10
          ['满意度指标', '服务对象满意度指标', '查档群众满意度', '≥90%', '84%'], // 84/90 × 10 = 9.33
        ],
      }),
      national,
    );
    // 11.25 / 12.5 = 90% → 9
    assert.equal(s(p.execution.rate), '90');
    assert.equal(s(p.execution.computed), '9');
    assert.deepEqual(p.level1.map((l) => l.indicators.map((i) => s(i.computed))), [['18.75', '20'], ['10', '7.5', '10'], ['9.33']]);
    assert.deepEqual(p.level1.map((l) => s(l.computed)), ['38.75', '27.5', '9.33']);
    assert.equal(s(p.total.computed), '84.58');
    assert.equal(p.grade?.grade, '良');
  });

  test('qualitative bands: a stated score inside its band stands, outside it the band point counts', () => {
    const mk = (score: string) =>
      scoreProject(
        proj('培训', {
          budget: '5',
          executed: '5',
          weights: { 产出指标: 40, 效益指标: 40, 满意度指标: 10 },
          indicators: [['产出指标', '时效指标', '培训完成时间', '6月底前完成', '基本完成', score]],
        }),
        hebei,
      ).level1[0].indicators[0];
    const inside = mk('30');
    assert.deepEqual(inside.range?.map(String), ['24', '32']); // 60%–80% of 40
    assert.equal(inside.agrees, true);
    assert.equal(s(inside.computed), '30');
    const outside = mk('40');
    assert.equal(outside.agrees, false);
    assert.equal(s(outside.computed), '28'); // the band's point: 70% of 40
  });

  test('indicator marks stated per indicator are used as they are', () => {
    const p = scoreProject(
      proj('宣传', {
        budget: '8',
        executed: '8',
        indicators: [
          ['产出指标', '数量指标', '宣传活动', '≥4次', '3次', '15', 20],
          ['产出指标', '质量指标', '宣传覆盖率', '≥80%', '80%', '30', 30],
        ],
      }),
      national,
    );
    assert.equal(p.level1[0].split, false);
    assert.deepEqual(p.level1[0].indicators.map((i) => [s(i.marks), i.marksSource, s(i.computed), i.agrees]), [
      ['20', 'stated', '15', true],
      ['30', 'stated', '30', true],
    ]);
  });

  test('unequal marks the scores imply: some allocation adding up to the weight explains every score', () => {
    const mk = (thirdActual: string) =>
      scoreProject(
        proj('督查', {
          budget: '6',
          executed: '6',
          weights: { 产出指标: 40 },
          indicators: [
            ['产出指标', '数量指标', '督查次数', '≥4次', '4次', '15'],
            ['产出指标', '质量指标', '问题整改率', '≥90%', '95%', '15'],
            ['产出指标', '时效指标', '通报时间', '12月底前完成', thirdActual, '10'],
          ],
        }),
        hebei,
      );
    const implied = mk('11月底已完成');
    assert.deepEqual(implied.level1[0].indicators.map((i) => [s(i.marks), i.marksSource, i.agrees]), [
      ['15', 'implied', true],
      ['15', 'implied', true],
      ['10', 'implied', true],
    ]);
    assert.equal(implied.notes[0], '项目“督查”指标分值未逐项列明，所填得分与按完成情况计分的一种分值分配相符，按该分配计：产出指标 40 分（15、15、10）。');
    // 通报 not done yet scored 10: its marks would be at least 10 ÷ 60% = 16.67, so 15 + 15 + 16.67 > 40 —
    // no allocation fits; the weight is shared equally (13.34, 13.33, 13.33) and the scores reported.
    const split = mk('未完成');
    assert.deepEqual(split.level1[0].indicators.map((i) => [s(i.marks), i.marksSource, s(i.computed), i.agrees]), [
      ['13.34', 'split', '13.34', false],
      ['13.33', 'split', '13.33', false],
      ['13.33', 'split', '0', false],
    ]);
  });

  test('implied marks with a shortfall and a late deadline: 19 of 20 pages, 8 for late (20, 10, 10, 10)', () => {
    const p = scoreProject(
      proj('数字化', {
        budget: '18',
        executed: '17.1',
        weights: { 产出指标: 50 },
        indicators: [
          ['产出指标', '数量指标', '加工页数', '≥20万页', '19万页', '19'],
          ['产出指标', '质量指标', '质检合格率', '≥98%', '99%', '10'],
          ['产出指标', '时效指标', '完成时间', '11月底前', '12月中旬', '8'],
          ['产出指标', '成本指标', '单页成本', '≤0.9元', '0.9元', '10'],
        ],
      }),
      national,
    );
    const l = p.level1[0];
    assert.deepEqual(l.indicators.map((i) => [s(i.marks), s(i.computed), i.agrees]), [
      ['20', '19', true],
      ['10', '10', true],
      ['10', '8', true],
      ['10', '10', true],
    ]);
    assert.equal(s(l.computed), '47');
  });

  test('without stated weights the profile gives them, and the notes say so', () => {
    const p = scoreProject(
      proj('保洁', { budget: '4', executed: '3', execWeight: null, indicators: [['满意度指标', '服务对象满意度指标', '职工满意度', '≥90%', '90%']] }),
      national,
    );
    assert.equal(s(p.execution.weight), '10');
    assert.equal(s(p.execution.computed), '7.5');
    assert.equal(s(p.level1[0].weight), '10');
    assert.equal(s(p.total.computed), '17.5');
    assert.ok(p.notes.includes('项目“保洁”表中未写预算执行率分值，按计分办法取 10 分。'));
    assert.ok(p.notes.includes('项目“保洁”表中未写满意度指标分值，按计分办法取 10 分。'));
  });

  test('an indicator that cannot be judged keeps its stated score and is noted', () => {
    const p = scoreProject(
      proj('调研', { budget: '2', executed: '2', weights: { 效益指标: 40 }, indicators: [['效益指标', '社会效益指标', '决策参考作用', '有效提升', '作用明显增强', '35']] }),
      hebei,
    );
    const i = p.level1[0].indicators[0];
    assert.equal(i.judgement.achievement, 'unknown');
    assert.equal(s(i.computed), '35');
    assert.equal(i.agrees, null);
    assert.ok(p.notes.some((n) => n.includes('指标“决策参考作用”') && n.includes('沿用表中所填得分 35 分')));
  });
});

describe('the department', () => {
  test('plain and budget-weighted means, and which one the stated total is (hand-computed)', () => {
    const se = selfEval(
      [
        proj('甲', { budget: '40', executed: '40', total: '100', indicators: [['产出指标', '数量指标', 'x', '≥1次', '1次']] }),
        proj('乙', { budget: '10', executed: '8', total: '80', indicators: [['产出指标', '数量指标', 'y', '≥1次', '1次']] }),
      ],
      { totalScore: { raw: '总得分96分', value: money(96), loc: {} }, grade: '优秀' },
    );
    const card = scoreSelfEvaluation(se, national);
    // stated: plain (100 + 80) / 2 = 90; weighted (100×40 + 80×10) / 50 = 96
    assert.deepEqual([s(card.department.statedMeans.plain), s(card.department.statedMeans.weighted)], ['90', '96']);
    assert.equal(card.department.statedBasis, 'weighted');
    // recomputed: 甲 10 + 50 = 60; 乙 8 + 50 = 58 → plain 59, weighted (60×40 + 58×10)/50 = 59.6
    assert.deepEqual(card.projects.map((p) => s(p.total.computed)), ['60', '58']);
    assert.deepEqual([s(card.department.computedMeans.plain), s(card.department.computedMeans.weighted)], ['59', '59.6']);
    assert.equal(card.department.basis, 'weighted');
    assert.equal(s(card.department.computed), '59.6');
    assert.equal(card.department.grade?.grade, '差');
    assert.equal(card.department.statedGradeKey, '优');
  });

  test('a stated total equal to neither mean: the profile decides the recomputed mean', () => {
    const se = selfEval([fullMarks('甲', '30', '30'), fullMarks('乙', '10', '5')], { totalScore: { raw: '总得分88分', value: money(88), loc: {} } });
    const card = scoreSelfEvaluation(se, hebei);
    assert.equal(card.department.statedBasis, null);
    assert.equal(card.department.basis, 'plain');
    // 乙: rate 50% → 5, total 95; plain (100 + 95)/2 = 97.5; weighted (3000 + 950)/40 = 98.75
    assert.deepEqual([s(card.department.computedMeans.plain), s(card.department.computedMeans.weighted)], ['97.5', '98.75']);
  });
});

describe('profiles', () => {
  test('national and hebei-2022 (laid over national)', () => {
    assert.deepEqual(national.weights, { 预算执行率: 10, 产出指标: 50, 效益指标: 30, 满意度指标: 10 });
    assert.deepEqual(hebei.weights, { 预算执行率: 10, 产出指标: 40, 效益指标: 40, 满意度指标: 10 });
    assert.deepEqual(hebei.grades, national.grades);
    assert.equal(hebei.execution.method, 'proportional');
    assert.equal(loadScoringProfile('execution-bands').execution.method, 'bands');
  });

  test('auto picks by region and year, national otherwise', () => {
    const doc = selfEvalDoc(selfEval([]), '石家庄市某区数据局');
    doc.year = 2022;
    assert.equal(autoScoringProfileName(doc), 'hebei-2022');
    doc.year = 2019;
    assert.equal(autoScoringProfileName(doc), 'national');
    assert.equal(autoScoringProfileName(selfEvalDoc(selfEval([]), '示例县数据中心')), 'national');
  });

  test('a profile file of our own: partial override of one band, grades replaced', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-scoring-'));
    const file = join(dir, 'mine.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'mine',
        description: '测试',
        extends: 'hebei-2022',
        qualitative: { partial: { min: 0.5, max: 0.9, score: 0.5 } },
        grades: [
          { grade: '好', label: '好', min: 85 },
          { grade: '差', label: '差', min: 0 },
        ],
      }),
    );
    const p = loadScoringProfile(file);
    assert.equal(p.weights['产出指标'], 40);
    assert.deepEqual(p.qualitative.partial, { min: 0.5, max: 0.9, score: 0.5 });
    assert.deepEqual(p.qualitative.met, national.qualitative.met);
    assert.equal(gradeOf(money('84.99'), p).grade, '差');
  });

  test('bad profiles fail with one Chinese line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-scoring-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ name: 'bad', qualitative: { partial: { min: 0.9, max: 0.5, score: 0.7 } } }));
    assert.throws(() => loadScoringProfile(bad), (e: Error) => e instanceof ScoringProfileError && /格式有误：qualitative\.partial 须满足 min ≤ score ≤ max/.test(e.message));
    writeFileSync(bad, '{ not json');
    assert.throws(() => loadScoringProfile(bad), (e: Error) => e instanceof ScoringProfileError && /不是有效的 JSON/.test(e.message));
    assert.throws(() => loadScoringProfile('no-such-profile'), /找不到计分办法“no-such-profile”/);
    const loop = join(dir, 'loop.json');
    writeFileSync(loop, JSON.stringify({ name: 'loop', extends: './loop.json' }));
    assert.throws(() => loadScoringProfile(loop), /循环继承/);
  });
});
