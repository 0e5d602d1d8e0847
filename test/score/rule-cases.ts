/**
 * Cases for the re-scoring rules (the rescored-* rules), in the RuleTester's form so the catalog's
 * coverage test can take them in next to test/rules/cases/*.
 */
import { money } from '../../src/model/money.js';
import type { CaseSet } from '../rules/tester.js';
import { fullMarks, proj, selfEval, selfEvalDoc } from '../fixtures/score/build.js';

const W = { 产出指标: 40, 效益指标: 40, 满意度指标: 10 };
const total = (v: string) => ({ raw: `总得分${v}分`, value: money(v), loc: {} });

/** Budget 10, executed 5.78 — but the table scores execution 10 and the lone 效益 indicator 10 of 40. */
function training(over: { total?: string; benefitScore?: string; execScore?: string } = {}) {
  return proj('业务培训', {
    budget: '10',
    executed: '5.78',
    rate: '58%',
    execScore: over.execScore ?? '10',
    weights: W,
    indicators: [
      ['产出指标', '数量指标', '培训场次', '≥2场', '2场', '20'],
      ['产出指标', '质量指标', '考核合格率', '≥90%', '96%', '20'],
      ['效益指标', '社会效益指标', '业务差错下降', '≥10%', '12%', over.benefitScore ?? '10'],
      ['满意度指标', '服务对象满意度指标', '学员满意度', '≥90%', '95%', '10'],
    ],
    total: over.total ?? '70',
  });
}

export const cases: CaseSet = {
  'arithmetic/rescored-execution-rate': {
    valid: [
      { name: 'a rate printed to whole percent that rounds the exact one (57.8 → 58%)', doc: selfEvalDoc(selfEval([training()])) },
      { name: 'a two-decimal rate that is exact', doc: selfEvalDoc(selfEval([proj('网络维护', { budget: '30', executed: '29.97', rate: '99.90%' })])) },
      {
        name: 'a difference beyond rounding of the amounts is left to arithmetic/self-eval-execution-rate',
        doc: selfEvalDoc(selfEval([proj('网络维护', { budget: '30', executed: '24', rate: '100%' })])),
      },
    ],
    invalid: [
      {
        name: '29.99 ÷ 30 is 99.97%, not 99.99%',
        doc: selfEvalDoc(selfEval([proj('网络维护', { budget: '30', executed: '29.99', rate: '99.99%' })])),
        findings: [
          {
            message: '项目“网络维护”绩效自评表预算执行进度填 99.99%，按所列执行数 29.99 万元 ÷ 预算数 30.00 万元为 99.97%，相差 0.02 个百分点。',
            severity: 'warning',
            expected: '99.97',
            actual: '99.99',
            difference: '0.02',
            where: '项目“网络维护”绩效自评表预算执行进度',
          },
        ],
      },
      {
        name: 'a one-decimal rate off in its decimal (12.34 ÷ 15 = 82.27%, stated 82.2%)',
        doc: selfEvalDoc(selfEval([proj('设备更新', { budget: '15', executed: '12.34', rate: '82.2%' })])),
        findings: [{ message: '项目“设备更新”绩效自评表预算执行进度填 82.2%，按所列执行数 12.34 万元 ÷ 预算数 15.00 万元为 82.27%，相差 0.07 个百分点。' }],
      },
    ],
  },

  'indicator/rescored-score': {
    valid: [
      { name: 'every indicator met and scored in full', doc: selfEvalDoc(selfEval([fullMarks('机房运维')])) },
      {
        name: 'a proportional score given to the cent (15 of 20 for 75%)',
        doc: selfEvalDoc(selfEval([proj('巡查', { budget: '5', executed: '5', weights: W, indicators: [['产出指标', '数量指标', '巡查次数', '≥8次', '6次', '30']] })])),
        options: { scoringProfile: 'hebei-2022' },
      },
      {
        name: 'a partial achievement scored inside its band (28 of 40, band 24–32)',
        doc: selfEvalDoc(selfEval([proj('课题', { budget: '3', executed: '3', weights: W, indicators: [['产出指标', '时效指标', '结题时间', '11月底前完成', '基本完成', '28']] })])),
      },
      {
        name: 'an indicator that cannot be judged is not reported',
        doc: selfEvalDoc(selfEval([proj('调研', { budget: '2', executed: '2', weights: W, indicators: [['效益指标', '社会效益指标', '决策参考作用', '有效提升', '作用明显增强', '35']] })])),
      },
    ],
    invalid: [
      {
        name: 'the lone 效益 indicator met its target but scored 10 of its 40 marks',
        doc: selfEvalDoc(selfEval([training()])),
        findings: [
          {
            message: '项目“业务培训”绩效自评表指标“业务差错下降”（效益指标）自评得分 10 分，按完成情况应得 40 分（12% 达到 ≥10%，达成；效益指标 40 分由 1 项指标均分），相差 30 分。',
            expected: '40',
            actual: '10',
            difference: '-30',
          },
        ],
      },
      {
        name: 'a shortfall scored in full (6 of 8 inspections: 75% of 40 is 30)',
        doc: selfEvalDoc(selfEval([proj('巡查', { budget: '5', executed: '5', weights: W, indicators: [['产出指标', '数量指标', '巡查次数', '≥8次', '6次', '40']] })])),
        findings: [
          {
            message: '项目“巡查”绩效自评表指标“巡查次数”（产出指标）自评得分 40 分，按完成情况应得 30 分（6次 未达到 ≥8次，按实际 ÷ 目标计，完成 75.00%；产出指标 40 分由 1 项指标均分），相差 10 分。',
            expected: '30',
            difference: '10',
          },
        ],
      },
      {
        name: 'a late deadline (partial: 60%–80%) scored in full',
        doc: selfEvalDoc(selfEval([proj('课题', { budget: '3', executed: '3', weights: W, indicators: [['产出指标', '时效指标', '结题时间', '11月底前完成', '12月20日完成', '40']] })])),
        findings: [
          {
            message: '项目“课题”绩效自评表指标“结题时间”（产出指标）自评得分 40 分，不在按完成情况应得的 24～32 分之内（12月20日完成，晚于 11月底前完成，部分达成得分值的 60%～80%；产出指标 40 分由 1 项指标均分）。',
            expected: '28',
            actual: '40',
          },
        ],
      },
    ],
  },

  'arithmetic/rescored-project-total': {
    valid: [
      { name: 'a consistent table', doc: selfEvalDoc(selfEval([fullMarks('机房运维')])) },
      { name: 'a total that is the recomputed one (5.78 + 40 + 40 + 10)', doc: selfEvalDoc(selfEval([training({ total: '95.78', benefitScore: '40', execScore: '5.78' })])) },
    ],
    invalid: [
      {
        name: 'execution 5.78 not 10, 效益 40 not 10: 95.78, not 70',
        doc: selfEvalDoc(selfEval([training()])),
        findings: [
          {
            message: '项目“业务培训”绩效自评表总分 70 分，按计分办法重新计分应为 95.78 分（预算执行率 5.78、产出指标 40、效益指标 40、满意度指标 10），相差 25.78 分。',
            expected: '95.78',
            actual: '70',
            difference: '-25.78',
            where: '项目“业务培训”绩效自评表总分',
          },
        ],
      },
    ],
  },

  'arithmetic/rescored-department-score': {
    valid: [
      { name: 'the stated total is the mean of the recomputed totals', doc: selfEvalDoc(selfEval([fullMarks('甲'), fullMarks('乙')], { totalScore: total('100'), grade: '优秀' })) },
      { name: 'no stated department total', doc: selfEvalDoc(selfEval([training()])) },
    ],
    invalid: [
      {
        name: '(100 + 70) / 2 = 85 stated; recomputed (100 + 95.78) / 2 = 97.89',
        doc: selfEvalDoc(selfEval([fullMarks('机房运维', '20', '20'), training()], { totalScore: total('85'), grade: '良好' })),
        findings: [
          {
            message: '部门自评总得分 85 分（即各项目所填得分的简单平均），按各项目重新计分后的简单平均应为 97.89 分（按预算加权平均为 98.59 分），相差 12.89 分。',
            expected: '97.89',
            actual: '85',
            difference: '-12.89',
          },
        ],
      },
    ],
  },

  'arithmetic/rescored-grade': {
    valid: [
      { name: '优秀 and a recomputed 100', doc: selfEvalDoc(selfEval([fullMarks('甲')], { totalScore: total('100'), grade: '优秀' })) },
      {
        name: '良好 stated, and 良 recomputed (10 + 20 + 40 + 10 = 80)',
        doc: selfEvalDoc(
          selfEval(
            [
              proj('甲', {
                budget: '10',
                executed: '10',
                total: '80',
                weights: W,
                indicators: [
                  ['产出指标', '数量指标', '场次', '≥10场', '5场', '20'],
                  ['效益指标', '社会效益指标', '覆盖率', '≥80%', '80%', '40'],
                  ['满意度指标', '服务对象满意度指标', '满意度', '≥90%', '90%', '10'],
                ],
              }),
            ],
            { totalScore: total('80'), grade: '良好' },
          ),
        ),
      },
    ],
    invalid: [
      {
        name: '优秀 written, but the recomputed 70.5 is 中',
        doc: selfEvalDoc(
          selfEval([proj('甲', { budget: '10', executed: '10', total: '92', weights: W, indicators: [['产出指标', '数量指标', '场次', '≥10场', '5场', '40'], ['效益指标', '社会效益指标', '覆盖率', '≥80%', '80%', '40']] })], {
            totalScore: total('92'),
            grade: '优秀',
          }),
        ),
        findings: [{ message: '部门自评等级写作“优秀”，按重新计分的总得分 70.00 分应为“中”（优 ≥ 90、良 80–90、中 60–80、差 < 60）。', actual: '70' }],
      },
    ],
  },
};
