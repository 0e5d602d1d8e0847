import type { Disclosure } from '../../../src/model/disclosure.js';
import { money } from '../../../src/model/money.js';
import { sampleBudget, sm } from '../../fixtures/rules/sample-budget.js';
import { budget, claim, fig, project, table } from '../builder.js';
import { claimOf, edit, setCell, setClaim } from '../mutate.js';
import type { CaseSet } from '../tester.js';

const B = sampleBudget;
const sample = { name: 'consistent sample budget', doc: B() };

function changeDoc(total: string, basic: string, project: string): Disclosure {
  const sentence = `本年度预算收支安排200.54万元，较上年减少${total.replace('-', '')}万元。其中:基本支出增加${basic}万元；项目支出减少${project.replace('-', '')}万元。`;
  return budget({
    claims: [
      claim('change.total', total, { direction: 'decrease', raw: `较上年减少${total.replace('-', '')}万元`, loc: { sentence } }),
      claim('change.basic', basic, { direction: 'increase', raw: `基本支出增加${basic}万元`, loc: { sentence } }),
      claim('change.project', project, { direction: 'decrease', raw: `项目支出减少${project.replace('-', '')}万元`, loc: { sentence } }),
    ],
  });
}

function sourcesDoc(total: string, sources: [string, string][]): Disclosure {
  return budget({
    claims: [claim('revenue.total', total, { raw: `预算收入为${total}万元` }), ...sources.map(([n, v]) => claim('revenue.source', v, { name: n, raw: `${n}${v}万元` }))],
  });
}

function threePublicChangeDoc(claimed: string, direction: 'flat' | 'decrease'): Disclosure {
  return budget({
    tables: [
      table('three-public', {
        title: '“三公”经费预算表',
        columns: ['prior', 'current', 'change'],
        rows: [
          { name: '公务用车运行经费', key: 'vehicleOperation', values: { prior: '3', current: '2.43', change: '-0.57' } },
          { name: '公务接待费支出', key: 'reception', values: { prior: '0.6', current: '0', change: '-0.6' } },
          { name: '合计', key: 'total', role: 'total', values: { prior: '3.6', current: '2.43', change: '-1.17' } },
        ],
      }),
    ],
    claims: [claim('threePublic.change', claimed, { direction, raw: direction === 'flat' ? '与上年持平' : `减少${claimed.replace('-', '')}万元` })],
  });
}

function shareDoc(percent: string): Disclosure {
  const d = budget();
  (d as Disclosure & { shares: unknown }).shares = [
    { part: '公务接待费', whole: '“三公”经费', partValue: money('101.26'), wholeValue: money('418.26'), percent: money(percent), raw: `占“三公”经费的${percent}%`, loc: { sentence: `公务接待费支出101.26万元，占“三公”经费的${percent}%。` } },
  ];
  return d;
}

export const cases: CaseSet = {
  'narrative/revenue-total': {
    valid: [
      sample,
      {
        name: 'the text may state 收入总计 (with carry-over)',
        doc: edit(B, (d) => {
          setCell(d, 'revenue-expenditure-summary', 'carryOver', 'amount', '5.00', 'revenue');
          setCell(d, 'revenue-expenditure-summary', 'grandTotal', 'amount', '415.50', 'revenue');
          setClaim(d, 'revenue.total', '415.50');
        }),
      },
    ],
    invalid: [
      {
        name: 'text above the table',
        doc: edit(B, (d) => setClaim(d, 'revenue.total', '420.50')),
        findings: [{ message: '说明中收入预算 420.50 万元，与《部门预算收支总表》本年收入合计 410.50 万元不一致，相差 10.00 万元。', expected: '410.50', actual: '420.50', difference: '10.00', where: /^说明：“1、收入说明/ }],
      },
    ],
  },
  'narrative/revenue-source': {
    valid: [
      sample,
      { name: 'a zero source against a blank row is not compared', doc: edit(B, (d) => d.claims.push(claim('revenue.source', '0', { name: '基金预算收入', raw: '基金预算收入0万元' }))) },
      { name: '财政拨款收入 = the one fund row with a figure', doc: edit(B, (d) => d.claims.push(claim('revenue.source', '410.50', { name: '财政拨款收入', raw: '财政拨款收入410.50万元' }))) },
    ],
    invalid: [
      {
        name: '财政拨款收入 against the sum of the fund rows',
        doc: edit(B, (d) => {
          setCell(d, 'revenue-expenditure-summary', (r) => r.key === 'govFund', 'amount', '20.00', 'revenue');
          d.claims.push(claim('revenue.source', '410.50', { name: '财政拨款收入', raw: '财政拨款收入410.50万元' }));
        }),
        findings: [{ message: '说明中“财政拨款收入” 410.50 万元，与《部门预算收支总表》“一、一般公共预算拨款收入”、“二、政府性基金预算拨款收入”之和 430.50 万元不一致，相差 20.00 万元。' }],
      },
      {
        name: 'source differs',
        doc: edit(B, (d) => setClaim(d, 'revenue.source', '400.50', '一般公共预算收入')),
        findings: [{ message: '说明中“一般公共预算收入” 400.50 万元，与《部门预算收支总表》“一、一般公共预算拨款收入” 410.50 万元不一致，相差 10.00 万元。' }],
      },
    ],
  },
  'narrative/expenditure-total': {
    valid: [sample],
    invalid: [
      {
        name: 'text below the table',
        doc: edit(B, (d) => setClaim(d, 'expenditure.total', '400.50')),
        findings: [{ message: '说明中支出预算 400.50 万元，与《部门预算收支总表》本年支出合计 410.50 万元不一致，相差 10.00 万元。' }],
      },
    ],
  },
  'narrative/basic-expenditure': {
    valid: [
      sample,
      { name: 'no tables: the summary', doc: budget({ summary: { ...B().summary }, claims: [claim('expenditure.basic', '330.50', { raw: '基本支出330.50万元' })] }) },
      {
        name: 'no tables: a summary read from the text itself is no second source',
        doc: budget({ summary: { ...B().summary }, claims: [claim('expenditure.basic', '330.50', { raw: '基本支出330.50万元' }), claim('expenditure.basic', '340.50', { raw: '基本支出340.50万元' })] }),
      },
    ],
    invalid: [
      {
        name: 'text above the 支出总表',
        doc: edit(B, (d) => setClaim(d, 'expenditure.basic', '340.50')),
        findings: [{ message: '说明中基本支出 340.50 万元，与《部门预算支出总表》“合计”行“基本支出”列 330.50 万元不一致，相差 10.00 万元。' }],
      },
      {
        name: 'no tables: against the summary',
        doc: budget({ summary: { ...B().summary, basicExpenditure: sm('330.50') }, claims: [claim('expenditure.basic', '340.50', { raw: '基本支出340.50万元' })] }),
        findings: [{ message: '说明中基本支出 340.50 万元，与摘要中基本支出 330.50 万元不一致，相差 10.00 万元。' }],
      },
    ],
  },
  'narrative/personnel': {
    valid: [sample],
    invalid: [
      {
        name: 'personnel differs',
        doc: edit(B, (d) => setClaim(d, 'expenditure.personnel', '318.20')),
        findings: [{ message: '说明中人员经费 318.20 万元，与《部门预算一般公共预算财政拨款基本支出表》“合计”行“人员经费”列 308.20 万元不一致，相差 10.00 万元。' }],
      },
    ],
  },
  'narrative/public-funds': {
    valid: [sample],
    invalid: [
      {
        name: 'public funds differ',
        doc: edit(B, (d) => setClaim(d, 'expenditure.public', '21.30')),
        findings: [{ message: '说明中公用经费 21.30 万元，与《部门预算一般公共预算财政拨款基本支出表》“合计”行“公用经费”列 22.30 万元不一致，相差 1.00 万元。' }],
      },
    ],
  },
  'narrative/project-expenditure': {
    valid: [sample],
    invalid: [
      {
        name: 'project expenditure differs',
        doc: edit(B, (d) => setClaim(d, 'expenditure.project', '90.00')),
        findings: [{ message: '说明中项目支出 90.00 万元，与《部门预算支出总表》“合计”行“项目支出”列 80.00 万元不一致，相差 10.00 万元。' }],
      },
    ],
  },
  'narrative/operating-costs': {
    valid: [sample],
    invalid: [
      {
        name: 'text against the 机关运行经费 table',
        doc: budget({
          tables: [table('operating-costs', { columns: ['amount'], rows: [[null, '办公费', '22.30'], [null, '合计', '22.30']] })],
          claims: [claim('operatingCosts.total', '20.30', { raw: '机关运行经费20.30万元' })],
        }),
        findings: [{ message: '说明中机关运行经费 20.30 万元，与《机关运行经费预算表》合计 22.30 万元不一致，相差 2.00 万元。' }],
      },
    ],
  },
  'narrative/three-public': {
    valid: [
      sample,
      { name: '决算 三公 table with its 预算数 row first: the 决算数 row is the year\'s', doc: finalThreePublic('0.40') },
    ],
    invalid: [
      {
        name: '决算: the text states the 预算数 as the year\'s reception',
        doc: finalThreePublic('1.40'),
        findings: [{ message: '说明中公务接待费 1.40 万元，与《财政拨款“三公”经费支出决算表》公务接待费 0.40 万元不一致，相差 1.00 万元。' }],
      },
      {
        name: 'reception differs',
        doc: edit(B, (d) => setClaim(d, 'threePublic.reception', '1.50')),
        findings: [{ message: '说明中公务接待费 1.50 万元，与《部门预算财政拨款“三公”经费支出表》“公务接待费”行“合计”列 1.00 万元不一致，相差 0.50 万元。' }],
      },
    ],
  },
  'narrative/procurement-total': {
    valid: [
      sample,
      {
        name: 'a table in 元',
        doc: budget({
          procurement: {
            unit: { raw: '单位：元', scale: '元' },
            items: [{ project: null, projectBudget: null, item: '', catalogCode: null, measure: null, quantity: null, unitPrice: null, amount: fig('45.9928', '459928.00'), bySource: {}, role: 'total', loc: {} }],
          },
          claims: [claim('procurement.total', '45.9928', { raw: '政府采购预算45.9928万元' })],
        }),
      },
    ],
    invalid: [
      {
        name: 'text above the table',
        doc: edit(B, (d) => setClaim(d, 'procurement.total', '13.00')),
        findings: [{ message: '说明中政府采购预算 13.00 万元，与政府采购预算表合计金额 12.00 万元不一致，相差 1.00 万元。' }],
      },
    ],
  },
  'narrative/assets-total': {
    valid: [sample],
    invalid: [
      {
        name: 'text below the table',
        doc: edit(B, (d) => setClaim(d, 'assets.total', '40.60')),
        findings: [{ message: '说明中固定资产总额 40.60 万元，与固定资产占用情况表资产总额 45.60 万元不一致，相差 5.00 万元。' }],
      },
    ],
  },
  'narrative/revenue-sources-sum': {
    valid: [
      {
        name: 'a single source is not a list to add up',
        doc: budget({ claims: [claim('revenue.total', '100.00', { raw: '预算收入100.00万元' }), claim('revenue.source', '100.00', { name: '一般公共预算收入', raw: '一般公共预算收入100.00万元' })] }),
      },
      sample,
      { name: 'total including carry-over', doc: sourcesDoc('100.00', [['一般公共预算收入', '90.00'], ['上年结转', '10.00']]) },
      { name: 'total without carry-over', doc: sourcesDoc('90.00', [['一般公共预算收入', '90.00'], ['上年结转', '10.00']]) },
      {
        name: 'a heading and its items (财政拨款收入, then 其中 一般公共预算) are not added twice',
        doc: sourcesDoc('120.00', [['财政拨款收入', '100.00'], ['一般公共预算收入', '100.00'], ['事业收入', '20.00']]),
      },
    ],
    invalid: [
      {
        name: 'sources add to more than the total',
        doc: sourcesDoc('200.54', [['一般公共预算收入', '200.54'], ['基金预算收入', '0'], ['财政专户收入', '0'], ['其他来源收入', '0.04']]),
        findings: [{ message: '说明中收入预算 200.54 万元，所列各项之和为 200.58 万元（一般公共预算收入 200.54 + 基金预算收入 0.00 + 财政专户收入 0.00 + 其他来源收入 0.04），相差 0.04 万元。', expected: '200.58', actual: '200.54', difference: '-0.04' }],
      },
      {
        name: 'sources listed before the total in the same paragraph',
        doc: edit(
          () => sourcesDoc('200.54', [['一般公共预算收入', '200.54'], ['其他来源收入', '0.04']]),
          (d) => {
            d.claims.push(d.claims.shift()!);
            d.claims.forEach((c) => (c.loc.block = 8));
          },
        ),
        findings: [{ message: '说明中收入预算 200.54 万元，所列各项之和为 200.58 万元（一般公共预算收入 200.54 + 其他来源收入 0.04），相差 0.04 万元。' }],
      },
    ],
  },
  'narrative/expenditure-parts-sum': {
    valid: [
      sample,
      {
        name: 'a paragraph with a further part the claims do not carry',
        doc: edit(B, (d) => {
          setClaim(d, 'expenditure.project', '70.00');
          d.paragraphs[5].loc.block = 5;
          d.paragraphs[5].text += '另有单位预留机动经费10.00万元。';
        }),
      },
      {
        name: 'a 支出总表 with money in a further column',
        doc: edit(B, (d) => {
          setClaim(d, 'expenditure.project', '70.00');
          setCell(d, 'expenditure', '合计', 'operating', '10.00');
        }),
      },
      {
        // The stated total is the table's: the wrong part is narrative/project-expenditure's finding.
        name: 'a total that agrees with the tables is judged part by part against them',
        doc: edit(B, (d) => setClaim(d, 'expenditure.project', '70.00')),
      },
    ],
    invalid: [
      {
        // A 说明 without tables is judged by its own identities.
        name: 'basic + project short of the total (no tables)',
        doc: edit(B, (d) => {
          setClaim(d, 'expenditure.project', '70.00');
          d.tables = [];
        }),
        findings: [{ message: '说明中支出预算 410.50 万元，所列各项之和为 400.50 万元（基本支出 330.50 + 项目支出 70.00），相差 10.00 万元。' }],
      },
    ],
  },
  'narrative/basic-parts-sum': {
    valid: [sample],
    invalid: [
      {
        name: 'personnel + public short of basic',
        doc: edit(B, (d) => setClaim(d, 'expenditure.personnel', '307.20')),
        findings: [{ message: '说明中基本支出 330.50 万元，所列各项之和为 329.50 万元（人员经费 307.20 + 公用经费 22.30），相差 1.00 万元。' }],
      },
    ],
  },
  'narrative/project-list-sum': {
    valid: [sample],
    invalid: [
      {
        name: 'listed projects short of 项目支出',
        doc: edit(B, (d) => setClaim(d, 'expenditure.projectItem', '40.00', '舆情监测服务')),
        findings: [{ message: '说明中项目支出 80.00 万元，所列各项之和为 70.00 万元（网络安全检测服务 30.00 + 舆情监测服务 40.00），相差 10.00 万元。', severity: 'warning' }],
      },
    ],
  },
  'narrative/project-item-budget': {
    valid: [
      sample,
      {
        name: 'a name differing by 费/项目 and an amount the text rounds',
        doc: budget({
          projects: [project('新媒体宣传服务项目', { budgetValue: '19.96' })],
          claims: [claim('expenditure.projectItem', '20', { name: '新媒体宣传服务费', raw: '新媒体宣传服务费20万元' })],
        }),
      },
    ],
    invalid: [
      {
        name: 'text differs from the project table',
        doc: edit(B, (d) => setClaim(d, 'expenditure.projectItem', '35.00', '网络安全检测服务')),
        findings: [{ message: '说明中“网络安全检测服务” 35.00 万元，与项目“网络安全检测服务”绩效目标表预算数 30.00 万元不一致，相差 5.00 万元。' }],
      },
    ],
  },
  'narrative/change-sum': {
    valid: [
      sample,
      { name: 'components add up', doc: changeDoc('-21.69', '42.47', '-64.16') },
      { name: 'the basic change was not read: not judged', doc: edit(() => changeDoc('191.49', '77.80', '113.69'), (d) => (d.claims = d.claims.filter((c) => c.subject !== 'change.basic'))) },
    ],
    invalid: [
      {
        name: 'components add to another change',
        doc: changeDoc('-21.64', '42.47', '-64.16'),
        findings: [{ message: '说明中收支总额增减 -21.64 万元，所列各项之和为 -21.69 万元（基本支出增减 42.47 + 项目支出增减 -64.16），相差 0.05 万元。', difference: '0.05' }],
      },
    ],
  },
  'narrative/change-direction': {
    valid: [sample, { name: 'a consistent 三公 table', doc: threePublicChangeDoc('-1.17', 'decrease') }],
    invalid: [
      {
        name: '持平 with a non-zero change',
        doc: budget({ claims: [claim('change.other', '5.00', { direction: 'flat', raw: '其他支出持平' })] }),
        findings: [{ message: '说明中写“持平”，但所述增减额为 5.00 万元。' }],
      },
      {
        name: '增加 with a negative change',
        doc: budget({ claims: [claim('change.basic', '-3.00', { direction: 'increase', raw: '基本支出增加-3.00万元' })] }),
        findings: [{ message: '说明中写“增加”，但所述增减额为 -3.00 万元。' }],
      },
      {
        name: 'a 三公 row whose reason says no change',
        doc: edit(
          () => threePublicChangeDoc('-1.17', 'decrease'),
          (d) => {
            d.tables[0].rows[0].texts = { reason: '无增减变化' };
          },
        ),
        findings: [{ message: '《“三公”经费预算表》“公务用车运行经费”行增减额 -0.57 万元，而变化原因写“无增减变化”。' }],
      },
    ],
  },
  'narrative/operating-costs-items-sum': {
    valid: [sample],
    invalid: [
      {
        name: 'items above the total',
        doc: edit(B, (d) => setClaim(d, 'operatingCosts.item', '11.00', '办公费')),
        findings: [{ message: '说明中机关运行经费 22.30 万元，所列各项之和为 23.30 万元（办公费 11.00 + 邮电费 3.30 + 工会经费 2.00 + 福利费 1.50 + 公务用车运行维护费 3.00 + 其他交通费用 2.50），相差 1.00 万元。' }],
      },
    ],
  },
  'narrative/three-public-parts-sum': {
    valid: [sample],
    invalid: [
      {
        name: 'parts above the total',
        doc: edit(B, (d) => setClaim(d, 'threePublic.reception', '2.00')),
        findings: [{ message: '说明中“三公”经费 4.00 万元，所列各项之和为 5.00 万元（因公出国（境）费 0.00 + 公务用车购置及运行费 3.00 + 公务接待费 2.00），相差 1.00 万元。' }],
      },
    ],
  },
  'narrative/three-public-vehicle-sum': {
    valid: [sample],
    invalid: [
      {
        name: 'purchase + operation short',
        doc: edit(B, (d) => setClaim(d, 'threePublic.vehicleOperation', '2.50')),
        findings: [{ message: '说明中公务用车购置及运行费 3.00 万元，所列各项之和为 2.50 万元（公务用车购置费 0.00 + 公务用车运行维护费 2.50），相差 0.50 万元。' }],
      },
    ],
  },
  'narrative/three-public-change': {
    valid: [sample, { name: 'text states the table change', doc: threePublicChangeDoc('-1.17', 'decrease') }],
    invalid: [
      {
        name: '持平 while the table shows a decrease',
        doc: threePublicChangeDoc('0', 'flat'),
        findings: [{ message: '说明中“三公”经费增减 0.00 万元，与《“三公”经费预算表》“合计”行增减 -1.17 万元不一致，相差 1.17 万元。' }],
      },
    ],
  },
  'narrative/share': {
    valid: [
      sample,
      { name: 'a correct share rounded to 0.1', doc: shareDoc('24.2') },
      {
        name: 'a whole read as the part itself (the whole the sentence names is printed nowhere) is not judged',
        doc: edit(() => shareDoc('97.68'), (d) => (d.shares[0].wholeValue = d.shares[0].partValue)),
      },
    ],
    invalid: [
      {
        name: 'a wrong share',
        doc: shareDoc('34.2'),
        findings: [{ message: '说明中公务接待费占“三公”经费的比例写作 34.2%，按 101.26 ÷ 418.26 应为 24.21%，相差 9.99 个百分点。', expected: '24.21', actual: '34.2' }],
      },
    ],
  },
  'narrative/claim-year': {
    valid: [sample],
    invalid: [
      {
        name: 'a figure dated the year before',
        doc: edit(B, (d) => (claimOf(d, 'revenue.total').year = 2021)),
        findings: [{ message: '说明中收入预算 410.50 万元写作 2021 年，而本文件为 2022 年度。', severity: 'warning' }],
      },
    ],
  },
  'narrative/planned-purchases-listed': {
    valid: [
      sample,
      {
        name: 'purchases planned and listed (cross-table/planned-purchases-procurement checks the goods)',
        doc: edit(B, (d) => d.claims.push(claim('assets.planned', '6.00', { raw: '拟购置固定资产6.00万元', loc: { sentence: '本年拟购置固定资产6.00万元，已列入政府采购预算。' } }))),
      },
      {
        name: 'nothing planned and said so',
        doc: edit(B, (d) => d.claims.push(claim('assets.planned', '0', { raw: '拟购置固定资产0万元', loc: { sentence: '本年拟购置固定资产0万元，无需列入政府采购预算。' } }))),
      },
    ],
    invalid: [
      {
        name: 'nothing planned, yet listed in the procurement budget',
        doc: budget({ claims: [claim('assets.planned', '0', { raw: '拟购置固定资产0万元', loc: { sentence: '本年拟购置固定资产0万元，已全部列入政府采购预算。' } })] }),
        findings: [{ message: '说明称本年度拟购置固定资产 0.00 万元“已全部列入政府采购预算”，但并无拟购置的资产可以列入。', where: '说明：“本年拟购置固定资产0万元，已全部列入政府采购预算。”', severity: 'warning' }],
      },
      {
        name: 'the same with a procurement budget stated',
        doc: edit(B, (d) => d.claims.push(claim('assets.planned', '0.00', { raw: '拟购置固定资产总额为0.00万元', loc: { sentence: '本年度拟购置固定资产总额为0.00万元，已按要求纳入本年政府采购计划。' } }))),
        findings: [{ message: '说明称本年度拟购置固定资产 0.00 万元“已按要求纳入本年政府采购计划”，但并无拟购置的资产可以列入（政府采购预算为 12.00 万元）。' }],
      },
    ],
  },
};

/** A 决算 三公 table laid out by columns, its 预算数 row printed above the 决算数 row. */
function finalThreePublic(reception: string): Disclosure {
  return budget({
    kind: 'final-accounts',
    tables: [
      table('three-public', {
        title: '财政拨款“三公”经费支出决算表',
        columns: ['total', 'abroad', 'vehicle', 'reception'],
        rows: [
          { name: '预算数', key: 'budget', values: { total: '5.00', abroad: '0', vehicle: '3.60', reception: '1.40' } },
          { name: '决算数', key: 'final', values: { total: '3.40', abroad: '0', vehicle: '3.00', reception: '0.40' } },
        ],
      }),
    ],
    claims: [claim('threePublic.reception', reception, { raw: `公务接待费${reception}万元` })],
  });
}
