import type { Disclosure, Indicator } from '../../../src/model/disclosure.js';
import { VALUE_PROBLEMS } from '../../../src/model/value.js';
import { sampleBudget, sampleSelfEvaluation } from '../../fixtures/rules/sample-budget.js';
import { budget, fig, goodIndicators, indicator, project, value } from '../builder.js';
import { edit } from '../mutate.js';
import type { CaseSet } from '../tester.js';

const B = sampleBudget;
const SE = sampleSelfEvaluation;
const sample = { name: 'consistent sample budget', doc: B() };
const sampleSE = { name: 'consistent sample self-evaluation', doc: SE() };

function oneProject(name: string, indicators: Indicator[], over: Parameters<typeof project>[1] = {}): Disclosure {
  return budget({ projects: [project(name, { indicators, ...over })] });
}

function withExtra(i: Indicator): Disclosure {
  return oneProject('网络安全检测服务', [...goodIndicators(), i]);
}

export const cases: CaseSet = {
  'indicator/level-pair': {
    valid: [
      sample,
      sampleSE,
      {
        name: '效果指标 as 效益指标, 成本指标 as its own 一级',
        doc: oneProject('网络宣传', [
          ...goodIndicators(),
          indicator('效果指标', '社会效益指标', '宣传覆盖面', value('≥80%', { operator: '≥', value: 80, unit: '%' })),
          indicator('成本指标', '经济成本指标', '人均培训成本', value('≤500元', { operator: '≤', value: 500, unit: '元' })),
        ]),
      },
    ],
    invalid: [
      {
        name: 'a 二级 of another 一级, reported once per project',
        doc: oneProject('党建活动经费', [
          ...goodIndicators(),
          indicator('满意度指标（10分）', '满意度指标', '党员满意度', value('≥95%', { operator: '≥', value: 95, unit: '%' })),
          indicator('满意度指标（10分）', '满意度指标', '群众满意度', value('≥95%', { operator: '≥', value: 95, unit: '%' })),
        ]),
        findings: [{ message: '项目“党建活动经费”绩效目标表二级指标“满意度指标”不属于一级指标“满意度指标”（应为：服务对象满意度指标）。', severity: 'warning' }],
      },
      {
        name: 'an unknown 一级',
        doc: withExtra(indicator('过程指标', '资金管理', '资金到位率', value('100%', { value: 100, unit: '%' }))),
        findings: [{ message: '项目“网络安全检测服务”绩效目标表一级指标“过程指标”不在指标体系中（应为产出、效益、满意度或成本指标）。' }],
      },
    ],
  },
  'indicator/missing-level3': {
    valid: [sample, { name: 'a blank template row', doc: withExtra(indicator('效益指标', '经济效益指标', '指标 1：', value(''))) }],
    invalid: [
      {
        name: 'a row with a value but no 三级',
        doc: oneProject('劳动聘用人员', [...goodIndicators(), indicator('产出指标', '时效指标', '', value('及时'), { description: '及时足额发放' })]),
        findings: [{ message: '项目“劳动聘用人员”绩效目标表有一行时效指标没有三级指标名称（描述“及时足额发放”）。' }],
      },
    ],
  },
  'indicator/malformed-target': {
    valid: [
      sample,
      sampleSE,
      {
        name: 'problems other rules report are not repeated here',
        doc: withExtra(indicator('产出指标', '数量指标', '培训次数', value('≥10', { operator: '≥', value: 10, problems: [VALUE_PROBLEMS.noUnit] }))),
      },
    ],
    invalid: [
      {
        name: 'a year written twice',
        doc: withExtra(indicator('产出指标', '时效指标', '项目完成时间', value('20222022年底', { parsed: false }))),
        findings: [{ message: '项目“网络安全检测服务”绩效目标表“项目完成时间”指标值“20222022年底”书写有误：年份重复。' }],
      },
      {
        name: 'a leading zero and 百分比 as unit',
        doc: withExtra(indicator('产出指标', '质量指标', '发放覆盖率', value('≥0100百分比', { operator: '≥', value: 100, unit: '百分比' }))),
        findings: [{ message: '项目“网络安全检测服务”绩效目标表“发放覆盖率”指标值“≥0100百分比”书写有误：数值前多余的 0；单位写作“百分比”，应为 %。' }],
      },
      {
        name: 'problems the value grammar reports win',
        doc: withExtra(indicator('产出指标', '时效指标', '发放及时率', value('≥0100%', { operator: '≥', value: 100, unit: '%', problems: [VALUE_PROBLEMS.leadingZero] }))),
        findings: [{ message: '项目“网络安全检测服务”绩效目标表“发放及时率”指标值“≥0100%”书写有误：数值有多余的前导 0。' }],
      },
    ],
  },
  'indicator/grade-scale-target': {
    valid: [sample, { name: 'one grade as a target', doc: withExtra(indicator('效益指标', '社会效益指标', '宣传效果', value('优', { level: '优' }))) }],
    invalid: [
      {
        name: 'the whole scale',
        doc: oneProject('互联网专业培训', [...goodIndicators(), indicator('效果指标', '社会效益指标', '通过培训,弘扬主旋律', value('优.良.中.差', { parsed: false, problems: [VALUE_PROBLEMS.scale] }))]),
        findings: [{ message: '项目“互联网专业培训”绩效目标表“通过培训,弘扬主旋律”指标值“优.良.中.差”是评价等级表，不是目标值。' }],
      },
    ],
  },
  'indicator/unparsed-target': {
    valid: [sample, { name: 'malformed values are malformed-target’s', doc: withExtra(indicator('产出指标', '时效指标', '完成时间', value('20222022年底', { parsed: false }))) }],
    invalid: [
      {
        name: 'the value grammar found nothing measurable',
        doc: withExtra(indicator('效益指标', '社会效益指标', '受补助人群生活水平', value('生活水平提高', { parsed: false, problems: [VALUE_PROBLEMS.unmeasurable] }))),
        findings: [{ message: '项目“网络安全检测服务”绩效目标表“受补助人群生活水平”指标值“生活水平提高”无法识别为可衡量的目标。' }],
      },
      {
        name: 'a slogan as a target',
        doc: oneProject('网络安全和网络宣传费用', [...goodIndicators(), indicator('效益指标', '可持续影响指标', '项目持续影响效果', value('做好宣传网络', { parsed: false }))]),
        findings: [{ message: '项目“网络安全和网络宣传费用”绩效目标表“项目持续影响效果”指标值“做好宣传网络”无法识别为可衡量的目标。', severity: 'info' }],
      },
    ],
  },
  'indicator/missing-unit': {
    valid: [sample],
    invalid: [
      {
        name: 'an operator and a number, no unit',
        doc: oneProject('互联网专业培训', [...goodIndicators(), indicator('产出指标', '数量指标', '培训次数', value('≥10', { operator: '≥', value: 10 }))]),
        findings: [{ message: '项目“互联网专业培训”绩效目标表“培训次数”指标值“≥10”只有数字，缺少计量单位。' }],
      },
      {
        name: 'a bare number',
        doc: withExtra(indicator('产出指标', '数量指标', '推送条数', value('1000', { value: 1000 }))),
        findings: [{ message: '项目“网络安全检测服务”绩效目标表“推送条数”指标值“1000”只有数字，缺少计量单位和比较符。' }],
      },
    ],
  },
  'indicator/name-as-target': {
    valid: [sample],
    invalid: [
      {
        name: 'the description repeated as the target',
        doc: withExtra(indicator('产出指标', '质量指标', '专款专用率', value('专款专用', { level: '专款专用' }), { description: '专款专用' })),
        findings: [{ message: '项目“网络安全检测服务”绩效目标表“专款专用率”指标值“专款专用”只是重复了指标名称或描述。' }],
      },
    ],
  },
  'indicator/duplicate': {
    valid: [sample],
    invalid: [
      {
        name: 'one row twice',
        doc: withExtra(goodIndicators()[1]),
        findings: [{ message: '项目“网络安全检测服务”绩效目标表指标“活动完成率”（质量指标，指标值“≥95%”）重复出现 2 次。' }],
      },
    ],
  },
  'indicator/missing-cost': {
    valid: [sample, { name: 'a 2020 table with its 成本指标', doc: edit(() => oneProject('网络执法', goodIndicators()), (d) => (d.year = 2020)) }],
    invalid: [
      {
        name: 'no 成本指标 in 2022',
        doc: oneProject('舆情监测', goodIndicators().filter((i) => i.level2 !== '成本指标')),
        findings: [{ message: '项目“舆情监测”绩效目标表没有成本指标。', severity: 'warning' }],
      },
      {
        name: 'before 2021 the gap is only a hint',
        doc: edit(() => oneProject('网络执法', goodIndicators().filter((i) => i.level2 !== '成本指标')), (d) => (d.year = 2020)),
        findings: [{ message: '项目“网络执法”绩效目标表没有成本指标（2021 年起要求设置，本文件为 2020 年度，仅作提示）。', severity: 'info' }],
      },
    ],
  },
  'indicator/missing-satisfaction': {
    valid: [sample, sampleSE],
    invalid: [
      {
        name: 'no 满意度指标',
        doc: oneProject('网络执法', goodIndicators().filter((i) => i.level1 !== '满意度指标')),
        findings: [{ message: '项目“网络执法”绩效目标表没有满意度指标。' }],
      },
    ],
  },
  'indicator/cost-above-budget': {
    valid: [sample, { name: 'a ceiling in 元 equal to the budget', doc: oneProject('网络安全检测', goodIndicators('≤300000元', 300000).map((i) => (i.level2 === '成本指标' ? { ...i, target: value('≤300000元', { operator: '≤', value: 300000, unit: '元' }) } : i)), { budgetValue: '30.00' }) }],
    invalid: [
      {
        name: 'a ceiling above the budget',
        doc: oneProject('网络安全检测服务', goodIndicators('≤35万元', 35), { budgetValue: '30.00' }),
        findings: [{ message: '项目“网络安全检测服务”绩效目标表成本指标“项目成本”上限 35.00 万元，超过项目预算数 30.00 万元。', expected: '30.00', actual: '35', difference: '5', severity: 'error' }],
      },
      {
        name: 'a ceiling ten thousand times the budget: a unit read wrong, told as info',
        doc: oneProject('网络安全检测服务', goodIndicators('≤35万元', 35), { budgetValue: '0.0035' }),
        findings: [{ message: '项目“网络安全检测服务”绩效目标表成本指标“项目成本”上限 35.00 万元，约为项目预算数 0.0035 万元的一万倍：两者之一的金额单位（元/万元）可能未正确读取，未作为错误。', severity: 'info' }],
      },
    ],
  },
  'indicator/spending-plan': {
    valid: [sample, { name: 'a blank plan', doc: oneProject('视频会议系统运行维护', goodIndicators(), { spendingPlan: [{ period: '3月底', percent: null }, { period: '12月底', percent: null }] }) }],
    invalid: [
      {
        name: 'a plan that falls and stops short',
        doc: oneProject('视频会议系统运行维护', goodIndicators(), {
          spendingPlan: [
            { period: '3月底', percent: fig('30') },
            { period: '6月底', percent: fig('20') },
            { period: '10月底', percent: fig('80') },
            { period: '12月底', percent: fig('90') },
          ],
        }),
        findings: [{ message: '项目“视频会议系统运行维护”资金支出计划 6月底 20% 低于 3月底 30%；最后一期 12月底 为 90%，未达到 100%。' }],
      },
    ],
  },
  'indicator/standard-weights': {
    valid: [
      sampleSE,
      {
        name: 'Hebei weights with the Hebei options',
        doc: edit(SE, (d) => d.selfEvaluation!.projects.forEach((p) => (p.weights = { 产出指标: 40, 效益指标: 40, 满意度指标: 10 }))),
        options: { weights: { 产出指标: 40, 效益指标: 40, 满意度指标: 10, 预算执行率: 10 } },
      },
    ],
    invalid: [
      {
        name: '40/40 against the national 50/30',
        doc: edit(SE, (d) => (d.selfEvaluation!.projects[0].weights = { 产出指标: 40, 效益指标: 40, 满意度指标: 10 })),
        findings: [{ message: '项目“网络安全培训”绩效自评表分值为 产出指标 40、效益指标 40、满意度指标 10、预算执行率 10，与规定的 产出指标 50、效益指标 30、满意度指标 10、预算执行率 10 不同。', severity: 'info' }],
      },
    ],
  },
  'indicator/name-description-mismatch': {
    valid: [
      sample,
      sampleSE,
      {
        name: 'a count described as a count, a rate as a proportion',
        doc: oneProject('网站安全检测', [
          ...goodIndicators(),
          indicator('产出指标', '数量指标', '检测网站个数', value('≥40个', { operator: '≥', value: 40, unit: '个' }), { description: '完成安全检测的网站数量' }),
          indicator('产出指标', '质量指标', '漏洞整改率', value('≥90%', { operator: '≥', value: 90, unit: '%' }), { description: '已整改漏洞占发现漏洞的比例' }),
        ]),
      },
      {
        name: 'a name whose ending says nothing of its measure',
        doc: oneProject('网站安全检测', [...goodIndicators(), indicator('产出指标', '数量指标', '营造清朗网络空间', value('≥500条', { operator: '≥', value: 500, unit: '条' }), { description: '推送信息条数' })]),
      },
    ],
    invalid: [
      {
        name: 'a count described as a rate',
        doc: oneProject('网站安全检测', [...goodIndicators(), indicator('产出指标', '质量指标', '系统故障次数', value('≤2次', { operator: '≤', value: 2, unit: '次' }), { description: '服务验收合格率' })]),
        findings: [{ message: '项目“网站安全检测”绩效目标表三级指标“系统故障次数”是次数、人数等计数，指标描述“服务验收合格率”却是比率，二者所指不同（指标值“≤2次”）。', where: '项目“网站安全检测”绩效目标表“系统故障次数”指标描述', severity: 'warning' }],
      },
      {
        name: 'a rate described as a number of people',
        doc: oneProject('业务培训', [...goodIndicators(), indicator('产出指标', '质量指标', '培训考核通过率', value('≥95%', { operator: '≥', value: 95, unit: '%' }), { description: '参加培训的人数' })]),
        findings: [{ message: '项目“业务培训”绩效目标表三级指标“培训考核通过率”是比率，指标描述“参加培训的人数”却是次数、人数等计数，二者所指不同（指标值“≥95%”）。' }],
      },
    ],
  },
  'indicator/missing-basis': {
    valid: [
      sample,
      { name: 'one row states its basis', doc: oneProject('网站安全检测', goodIndicators().map((i, k) => ({ ...i, description: `${i.level3}说明`, basis: k === 0 ? '工作计划' : null }))) },
      { name: 'a layout without 绩效指标描述 and 指标值确定依据 columns', doc: oneProject('网站安全检测', goodIndicators()) },
      sampleSE,
      {
        name: 'descriptions given, but the table prints no 指标值确定依据 column',
        doc: oneProject('网站安全检测', goodIndicators().map((i) => ({ ...i, description: `${i.level3}说明` })), { hasBasisColumn: false }),
      },
    ],
    invalid: [
      {
        name: 'the table prints the column, no description column, every basis blank',
        doc: oneProject('网络巡查', goodIndicators().slice(0, 3), { hasBasisColumn: true }),
        findings: [{ message: '项目“网络巡查”绩效目标表 3 个指标的指标值确定依据均未填写。', where: '项目“网络巡查”绩效目标表', severity: 'info' }],
      },
      {
        name: 'descriptions given, no basis anywhere',
        doc: oneProject('网络执法', goodIndicators().slice(0, 2).map((i) => ({ ...i, description: `${i.level3}说明` }))),
        findings: [{ message: '项目“网络执法”绩效目标表 2 个指标的指标值确定依据均未填写。', where: '项目“网络执法”绩效目标表', severity: 'info' }],
      },
    ],
  },
};
