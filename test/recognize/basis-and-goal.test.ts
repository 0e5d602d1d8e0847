/**
 * Follow-ups on the model: whether a 绩效目标表 prints a 指标值确定依据 column, and the overall goal
 * of a self-evaluation ending at the next heading of its rank.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Cell } from '../../src/read/doc.js';
import { readDocumentFile } from '../../src/read/index.js';
import { recognize } from '../../src/recognize/index.js';
import { parseProject } from '../../src/recognize/projects.js';
import { seed, SEED, sharedOnly } from '../helpers/shared.js';

const UNIT = { raw: '单位：万元', scale: '万元' as const };
const row = (...texts: string[]): Cell[] => texts.map((text, col) => ({ text, loc: { block: 0, row: 0, col } }));

describe('绩效目标表: the 指标值确定依据 column is recorded', () => {
  test('a header with the column', () => {
    const p = parseProject('1、库房巡检绩效目标表', [
      row('一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'),
      row('产出指标', '数量指标', '巡检次数', '按月巡检', '≥12次', ''),
    ], UNIT, {});
    assert.equal(p.hasBasisColumn, true);
    assert.equal(p.indicators[0].basis, null);
  });

  test('a header without it (上海 填报表 layout)', () => {
    const p = parseProject('1、库房巡检绩效目标表', [
      row('一级指标', '二级指标', '三级指标', '指标值'),
      row('产出指标', '数量指标', '巡检次数', '≥12次'),
    ], UNIT, {});
    assert.equal(p.hasBasisColumn, false);
    assert.equal(p.indicators.length, 1);
  });

  test('no indicator header read: unknown', () => {
    const p = parseProject('1、库房巡检绩效目标表', [row('项目名称', '库房巡检')], UNIT, {});
    assert.equal(p.hasBasisColumn, null);
  });
});

describe('seeds', sharedOnly, () => {
  test('000, 001, 002: every 绩效目标表 prints the column (2, 9 and 5 tables, counted in the .txt)', async () => {
    for (const [name, n] of [[SEED.xushui, 2], [SEED.luancheng, 9], [SEED.luquan, 5]] as const) {
      const d = recognize(await readDocumentFile(seed(`${name}.txt`))).disclosure;
      assert.deepEqual(d.projects.map((p) => p.hasBasisColumn), Array(n).fill(true), name);
    }
  });

  test('004: the overall goal stops before 二、自评工作开展情况; 总体绩效目标实现情况 is 基本实现', async () => {
    const d = recognize(await readDocumentFile(seed(`${SEED.yuanshi}.txt`))).disclosure;
    const goal = d.performance.overallGoal ?? '';
    assert.ok(goal.startsWith('2022年，县委网信办将以习近平新时代'), goal.slice(0, 40));
    assert.ok(goal.endsWith('网络舆情监测应对能力稳步提升。'), goal.slice(-40));
    assert.ok(!/自评|领导小组/.test(goal), goal);
    assert.equal(d.selfEvaluation?.overallAchievement, '基本实现');
  });
});
