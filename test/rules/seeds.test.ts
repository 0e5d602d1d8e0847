/**
 * The rule catalog on the four real seeds, against the inconsistencies computed by hand in
 * docs/seed-findings.md: every error-level finding is one of the verified ones (and all of them are
 * there), every real inconsistency of the list is found by the rule named there, and the Word file
 * and its plain-text export give the same findings.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Finding } from '../../src/model/disclosure.js';
import { checkFile } from '../../src/pipeline.js';
import { seed, SEED, sharedOnly } from '../helpers/shared.js';

interface Real {
  /** The number of the inconsistency in docs/seed-findings.md. */
  id: string;
  rule: string;
  where?: string | RegExp;
  message?: RegExp;
  /** How many findings it gives (one when absent). */
  count?: number;
}

interface SeedExpectation {
  name: string;
  /** Every error-level finding, as rule and location. */
  errors: [string, string][];
  real: Real[];
}

const SOURCES = '说明：“2022年预算收入为200.54万元,其中：一般公共预算收入200.54万元,基金预算收入0万元,财政专户收入0万元,其他来 源收入0.04万元。”';

const EXPECTED: SeedExpectation[] = [
  {
    name: SEED.xushui,
    errors: [
      ['cross-table/procurement-within-spending', '政府采购预算表合计金额'],
      ['narrative/revenue-sources-sum', SOURCES],
      ['narrative/change-sum', '说明：“本年度预算收支安排200.54万元,较上年减少21.64万元。”'],
      ['text-quality/template-instruction', '说明第 53 段（assets）'],
    ],
    real: [
      { id: '000-1', rule: 'narrative/revenue-sources-sum', message: /收入预算 200\.54 万元，所列各项之和为 200\.58 万元/ },
      { id: '000-2', rule: 'narrative/change-sum', message: /增减 -21\.64 万元，所列各项之和为 -21\.69 万元/ },
      { id: '000-3', rule: 'text-quality/template-instruction', message: /无拟购置固定资产的写：/ },
      { id: '000-4', rule: 'cross-table/procurement-within-spending', message: /45\.9928 万元，超过人员经费以外的全部支出 40\.41 万元.*超出 5\.5828 万元/ },
      { id: '000-5', rule: 'text-quality/duplicate-paragraph', where: '说明第 7 段', message: /同一段文字前后出现两遍（重复 711 字）/ },
      { id: '000-6', rule: 'text-quality/duplicate-paragraph', where: '说明第 29 段', message: /与第 6 段重复/ },
      { id: '000-7', rule: 'text-quality/goal-restates-duties', where: '部门整体绩效目标' },
      { id: '000-8', rule: 'text-quality/goal-restates-duties', where: '分项绩效目标', message: /3 项中有 3 项/ },
      { id: '000-9', rule: 'indicator/name-description-mismatch', message: /“发生网络安全事故次数”.*“项目验收合格率”/ },
      { id: '000-10', rule: 'completeness/spending-plan', where: /视频会议系统运行维护/, message: /资金支付6月100%/ },
      { id: '000-11', rule: 'completeness/spending-plan', where: /政务外网防漏洞扫描/, message: /资金支付6月50%，11月90%，12月100%/ },
      { id: '000-12', rule: 'indicator/missing-satisfaction', where: /政务外网防漏洞扫描/ },
      { id: '000-13', rule: 'completeness/no-tables' },
    ],
  },
  {
    name: SEED.luancheng,
    errors: [],
    real: [
      { id: '001-1', rule: 'indicator/malformed-target', message: /“≥0100%”书写有误：数值有多余的前导 0/ },
      { id: '001-2', rule: 'indicator/grade-scale-target', message: /“优\.良\.中\.差”是评价等级表/, count: 7 },
      { id: '001-3', rule: 'indicator/missing-level3', count: 4 },
      { id: '001-4', rule: 'indicator/missing-unit', message: /“≥10{1,3}”只有数字/, count: 3 },
      { id: '001-5', rule: 'indicator/name-as-target', count: 2 },
      { id: '001-6', rule: 'indicator/missing-satisfaction', count: 9 },
      { id: '001-7', rule: 'indicator/missing-cost', message: /仅作提示/, count: 9 },
      { id: '001-8', rule: 'text-quality/wrong-level-text', message: /以“我省”自称/ },
      { id: '001-9', rule: 'text-quality/duplicate-goal', message: /项目“劳动聘用人员”绩效目标表第 1、2 条绩效目标相同/ },
      { id: '001-10', rule: 'indicator/missing-basis', count: 9 },
      { id: '001-11', rule: 'indicator/unparsed-target', count: 5 },
      { id: '001-12', rule: 'completeness/no-tables' },
    ],
  },
  {
    name: SEED.luquan,
    errors: [],
    real: [
      { id: '002-1', rule: 'indicator/malformed-target', message: /“20222022年底”书写有误：年份重复/ },
      { id: '002-2', rule: 'text-quality/wrong-level-glossary', message: /出现“省级”/ },
      { id: '002-3', rule: 'narrative/planned-purchases-listed', message: /0\.00 万元“已按要求列入政府采购预算”.*（政府采购预算为 0\.00 万元）/ },
      { id: '002-4', rule: 'indicator/name-as-target', message: /“专款专用”/, count: 2 },
      { id: '002-5', rule: 'indicator/unparsed-target', count: 6 },
    ],
  },
  {
    name: SEED.yuanshi,
    errors: [32, 39, 48, 58, 68].map((n) => ['privacy/mobile-number', `说明第 ${n} 段（performance）`] as [string, string]),
    real: [
      { id: '004-1', rule: 'privacy/mobile-number', message: /177\*\*\*\*0526（与填报人姓名“次\*\*”一同公开）/, count: 5 },
      { id: '004-2', rule: 'arithmetic/rescored-execution-rate', message: /填 99\.99%.*为 99\.97%/ },
      { id: '004-3', rule: 'arithmetic/self-eval-execution-score', message: /得分 10 分，按执行率 57\.80% × 分值 10 应为 5\.78 分/ },
      { id: '004-4', rule: 'indicator/rescored-score', message: /“信息化发展规划”.*自评得分 10 分，按完成情况应得 40 分/ },
      { id: '004-5', rule: 'arithmetic/rescored-project-total', message: /总分 70 分.*应为 95\.78 分/ },
      { id: '004-6', rule: 'arithmetic/rescored-department-score', message: /94 分（即各项目所填得分的简单平均）.*99\.16 分/ },
      { id: '004-7', rule: 'text-quality/foreign-topic', where: '说明第 75 段', message: /“储备”（3 次，其中“储备物资” 2 次）/ },
      { id: '004-8', rule: 'indicator/level-pair', message: /二级指标“满意度指标”不属于一级指标“满意度指标”/, count: 5 },
      { id: '004-9', rule: 'arithmetic/self-eval-execution-actual', message: /实际完成值填 100%，按执行数 (29\.99 ÷ 预算数 30\.00 为 99\.97|5\.78 ÷ 预算数 10\.00 为 57\.80)%/, count: 2 },
    ],
  },
];

const results = new Map<string, Promise<Finding[]>>();

function findings(file: string, profile?: string): Promise<Finding[]> {
  const key = `${file}|${profile ?? ''}`;
  if (!results.has(key)) results.set(key, checkFile(seed(file), profile ? { profile } : {}).then((r) => r.findings));
  return results.get(key)!;
}

function matches(actual: string | undefined, expected: string | RegExp | undefined): boolean {
  if (expected === undefined) return true;
  return typeof expected === 'string' ? actual === expected : expected.test(actual ?? '');
}

/** What both readers must agree on: everything but the txt reader's own repairs. */
function comparable(fs: Finding[]): string[] {
  return fs.filter((f) => !f.rule.startsWith('read/')).map((f) => `${f.severity} ${f.rule} | ${f.location.where ?? ''} | ${f.message}`);
}

for (const s of EXPECTED) {
  describe(`seed ${s.name}`, () => {
    for (const ext of ['txt', 'docx']) {
      const file = `${s.name}.${ext}`;
      test(`${ext}: the error-level findings are exactly the verified inconsistencies`, sharedOnly, async () => {
        const errors = (await findings(file)).filter((f) => f.severity === 'error').map((f) => [f.rule, f.location.where ?? '']);
        assert.deepEqual(errors, s.errors);
      });
      test(`${ext}: every real inconsistency of docs/seed-findings.md is found`, sharedOnly, async () => {
        const all = await findings(file);
        for (const r of s.real) {
          const hits = all.filter((f) => f.rule === r.rule && matches(f.location.where, r.where) && matches(f.message, r.message));
          assert.equal(hits.length, r.count ?? 1, `${r.id} (${r.rule}): ${hits.length} findings\n${all.filter((f) => f.rule === r.rule).map((f) => `  ${f.message}`).join('\n')}`);
        }
      });
    }
    test('the Word file and its plain-text export give the same findings', sharedOnly, async () => {
      assert.deepEqual(comparable(await findings(`${s.name}.docx`)), comparable(await findings(`${s.name}.txt`)));
    });
  });
}

describe('seeds under other profiles', () => {
  test('002: 301 工资福利支出 196.35 against its 款 196.33 is rounding, told as info only where a profile asks', sharedOnly, async () => {
    const at301 = (fs: Finding[]) => fs.filter((f) => f.rule === 'arithmetic/economic-hierarchy').map((f) => [f.severity, f.location.where]);
    assert.deepEqual(at301(await findings(`${SEED.luquan}.txt`)), []);
    assert.deepEqual(at301(await findings(`${SEED.luquan}.txt`, 'strict')), [
      ['info', '《部门预算一般公共预算财政拨款基本支出表》“301 工资福利支出”行“合计”列'],
      ['info', '《部门预算一般公共预算财政拨款基本支出表》“301 工资福利支出”行“人员经费”列'],
    ]);
  });

  test('the regional and strict profiles give the same error-level findings as the default', sharedOnly, async () => {
    for (const s of EXPECTED) {
      for (const profile of ['auto', 'strict']) {
        const errors = (await findings(`${s.name}.txt`, profile)).filter((f) => f.severity === 'error').map((f) => [f.rule, f.location.where ?? '']);
        assert.deepEqual(errors, s.errors, `${s.name} under ${profile}`);
      }
    }
  });
});
