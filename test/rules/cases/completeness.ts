import { sampleBudget } from '../../fixtures/rules/sample-budget.js';
import { budget, claim, fig, para, project } from '../builder.js';
import { edit } from '../mutate.js';
import type { CaseSet } from '../tester.js';

const B = sampleBudget;
const sample = { name: 'consistent sample budget', doc: B() };

export const cases: CaseSet = {
  'completeness/standard-tables': {
    valid: [
      sample,
      { name: 'a 说明 without tables is completeness/no-tables’ business', doc: budget({ paragraphs: [para('一、部门职责')] }) },
      {
        name: 'a region whose tables do not include 国有资本经营 (jiangsu profile options)',
        doc: edit(B, (d) => (d.tables = d.tables.filter((t) => t.kind !== 'state-capital-expenditure'))),
        options: { required: ['revenue-expenditure-summary', 'revenue', 'expenditure', 'fiscal-summary', 'general-budget-expenditure', 'general-budget-basic', 'gov-fund-expenditure', 'three-public'] },
      },
    ],
    invalid: [
      {
        name: 'two tables missing',
        doc: edit(B, (d) => (d.tables = d.tables.filter((t) => t.kind !== 'three-public' && t.kind !== 'state-capital-expenditure'))),
        findings: [{ message: '公开表格不全：缺少国有资本经营预算财政拨款支出表、财政拨款“三公”经费支出表（共 9 张，本文件有 7 张）。' }],
      },
    ],
  },
  'completeness/no-tables': {
    valid: [sample, { name: 'nothing recognised at all', doc: budget() }],
    invalid: [
      {
        name: 'a 说明 with its own 三公 table only',
        doc: edit(B, (d) => (d.tables = d.tables.filter((t) => t.kind === 'three-public'))),
        findings: [{ message: '文件中没有预算公开表格，只有说明部分；请确认九张公开表已另行公开。' }],
      },
      {
        name: 'a 说明 only',
        doc: budget({ paragraphs: [para('一、部门职责及机构设置情况')] }),
        findings: [{ message: '文件中没有预算公开表格，只有说明部分；请确认九张公开表已另行公开。', severity: 'info' }],
      },
    ],
  },
  'completeness/empty-table-note': {
    valid: [sample],
    invalid: [
      {
        name: 'an empty table without its note',
        doc: edit(B, (d) => (d.tables.find((t) => t.kind === 'state-capital-expenditure')!.note = null)),
        findings: [{ message: '《部门预算国有资本经营预算财政拨款支出表》为空表，但没有注明原因（如“注：无……，空表列示”）。' }],
      },
    ],
  },
  'completeness/empty-note-with-figures': {
    valid: [
      sample,
      {
        name: 'a table of zeros noted as empty (zeros are no figures)',
        doc: edit(B, (d) => {
          const t = d.tables.find((x) => x.kind === 'three-public')!;
          t.note = '注：本部门本年无“三公”经费预算，故本表为空表。';
          t.rows.forEach((r) => Object.keys(r.values).forEach((k) => (r.values[k] = fig('0.00'))));
        }),
      },
    ],
    invalid: [
      {
        name: 'a 三公 table with figures and a note that it is empty (万里 2024 p31 layout)',
        doc: edit(B, (d) => (d.tables.find((t) => t.kind === 'three-public')!.note = '注：本部门本年无“三公”经费预算，故本表为空表。')),
        findings: [{ message: '《部门预算财政拨款“三公”经费支出表》注明为空表（“注：本部门本年无“三公”经费预算，故本表为空表。”），表中却有金额（“合计”4.00 万元）。', severity: 'warning' }],
      },
    ],
  },
  'completeness/sections': {
    valid: [sample, { name: 'a tables-only file with a few captions', doc: budget({ paragraphs: [para('2017年政府采购预算表'), para('单位：万元')] }) }],
    invalid: [
      {
        name: 'no procurement and no assets part',
        doc: edit(B, (d) => {
          d.procurement.items = [];
          d.assets.rows = [];
          d.claims = d.claims.filter((c) => !c.subject.startsWith('procurement') && !c.subject.startsWith('assets'));
          d.paragraphs = d.paragraphs.filter((p) => p.section !== 'procurement' && p.section !== 'assets');
        }),
        findings: [{ message: '预算说明缺少以下部分：政府采购、国有资产。', severity: 'warning' }],
      },
    ],
  },
  'completeness/performance-tables': {
    valid: [sample],
    invalid: [
      {
        name: 'project expenditure without target tables',
        doc: edit(B, (d) => (d.projects = [])),
        findings: [{ message: '项目支出 80.00 万元，但文件中没有项目绩效目标表。', actual: '80' }],
      },
    ],
  },
  'completeness/project-budgets-within': {
    valid: [sample],
    invalid: [
      {
        name: 'target tables above 项目支出',
        doc: edit(B, (d) => (d.projects[1].budget = { raw: '60.00', value: d.projects[1].budget!.value!.plus(10), loc: {} })),
        findings: [{ message: '各项目绩效目标表预算数合计 90.00 万元，超过项目支出（《部门预算支出总表》“合计”行“项目支出”列） 80.00 万元，超出 10.00 万元。', expected: '80.00', actual: '90.00', difference: '10.00' }],
      },
    ],
  },
  'completeness/functional-detail': {
    valid: [sample],
    invalid: [
      {
        name: 'a section without items',
        doc: edit(B, (d) => {
          const t = d.tables.find((x) => x.kind === 'expenditure')!;
          t.rows = t.rows.filter((r) => r.code !== '2013301');
        }),
        findings: [{ message: '《部门预算支出总表》科目 20133 宣传事务只列到款，未细化到项。' }],
      },
    ],
  },
  'completeness/economic-detail': {
    valid: [sample],
    invalid: [
      {
        name: 'a class without sections',
        doc: edit(B, (d) => {
          const t = d.tables.find((x) => x.kind === 'general-budget-basic')!;
          t.rows = t.rows.filter((r) => r.code !== '30302');
        }),
        findings: [{ message: '《部门预算一般公共预算财政拨款基本支出表》科目 303 对个人和家庭的补助只列到类，未细化到款。' }],
      },
    ],
  },
  'completeness/three-public-split': {
    valid: [sample, { name: 'no vehicle money', doc: budget({ claims: [claim('threePublic.vehicle', '0', { raw: '公务用车购置及运维费0万元' })] }) }],
    invalid: [
      {
        name: 'vehicle money without the split',
        doc: budget({ claims: [claim('threePublic.vehicle', '2.43', { raw: '公务用车购置及运行费2.43万元', loc: { sentence: '公务用车购置及运行费2.43万元。' } })] }),
        findings: [{ message: '“三公”经费中公务用车购置及运行费 2.43 万元，未分别列出购置费和运行维护费。' }],
      },
    ],
  },
  'completeness/spending-plan': {
    valid: [
      sample,
      { name: 'a layout without the 资金支出计划 row', doc: budget({ projects: [project('网站安全检测', { budgetValue: '18.00' })] }) },
      { name: 'a plan filled in part', doc: budget({ projects: [project('网站安全检测', { spendingPlan: [{ period: '6月底', percent: fig('50') }, { period: '12月底', percent: null }] })] }) },
    ],
    invalid: [
      {
        name: 'every period blank, the goal saying when the money goes out',
        doc: budget({
          projects: [
            project('网站安全检测', {
              budgetValue: '18.00',
              goals: ['1.完成全区政府网站季度安全检测。', '2.资金支付5月40%，9月80%，12月100%'],
              spendingPlan: ['3月底', '6月底', '10月底', '12月底'].map((period) => ({ period, percent: null })),
            }),
          ],
        }),
        findings: [{ message: '项目“网站安全检测”绩效目标表的资金支出计划（3月底、6月底、10月底、12月底）均未填写，而绩效目标中写有“资金支付5月40%，9月80%，12月100%”。', where: '项目“网站安全检测”资金支出计划', severity: 'warning' }],
      },
      {
        name: 'every period blank, nothing said elsewhere',
        doc: budget({ projects: [project('舆情监测服务', { spendingPlan: [{ period: '6月底', percent: null }, { period: '12月底', percent: fig('', '') }] })] }),
        findings: [{ message: '项目“舆情监测服务”绩效目标表的资金支出计划（6月底、12月底）均未填写。' }],
      },
    ],
  },
};
