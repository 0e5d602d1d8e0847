/**
 * Cases for the 决算 rules (the rules that apply to final accounts: final-*, change-percent, three-public-counts, vehicles-by-use, procurement-split, procurement-sme): each rule stays silent on a consistent
 * 决算 and reports the one figure changed, with its exact message. The 决算 statements are built
 * here as the recogniser gives them (test/recognize/fixtures.test.ts checks it does).
 */
import type { BudgetVsFinal, Disclosure, Figure, PercentChange, Share } from '../../../src/model/disclosure.js';
import { money } from '../../../src/model/money.js';
import { budget, fig, table } from '../builder.js';
import type { CaseSet } from '../tester.js';

function f(v: string): Figure {
  return fig(v)!;
}

function finalDoc(over: Partial<Disclosure> = {}): Disclosure {
  return budget({ kind: 'final-accounts', year: 2030, title: '示例区某局2030年度部门决算', ...over });
}

function vs(name: string, budgetRaw: string | null, finalRaw: string, rate: string | null, over: Partial<BudgetVsFinal> = {}): BudgetVsFinal {
  const path = name.includes('/') ? name.split('/') : [];
  return {
    name: path.length ? path.map((p, i) => `${p}（${'类款项'[i]}）`).join('') : name,
    scope: path.length ? 'item' : 'total',
    path,
    fund: 'generalBudget',
    budget: budgetRaw === null ? null : f(budgetRaw),
    final: f(finalRaw),
    rate: rate === null ? null : { raw: `${rate}%`, value: money(rate), loc: {} },
    comparison: null,
    reason: null,
    loc: { sentence: `${name}年初预算为${budgetRaw}万元，支出决算为${finalRaw}万元。` },
    ...over,
  };
}

/** 一般公共预算财政拨款支出决算表 and the 三公 决算表 the vs-tables cases compare with. */
function tables(item: string, threePublicBudget = '5.00') {
  return [
    table('general-budget-expenditure', {
      title: '一般公共预算财政拨款支出决算表',
      columns: ['total', 'basic', 'project'],
      rows: [
        ['201', '一般公共服务支出', '144.10', '114.30', '29.80'],
        ['20126', '档案事务', '144.10', '114.30', '29.80'],
        ['2012601', '行政运行', item, item, ''],
        ['2012604', '档案馆', '29.80', '', '29.80'],
        [null, '合计', '144.10', '114.30', '29.80'],
      ],
    }),
    table('three-public', {
      title: '财政拨款“三公”经费支出决算表',
      columns: ['total', 'abroad', 'vehicle', 'reception'],
      rows: [
        { name: '决算数', key: 'final', values: { total: '3.40', abroad: '0', vehicle: '3.00', reception: '0.40' } },
        { name: '预算数', key: 'budget', values: { total: threePublicBudget, abroad: '0', vehicle: '3.60', reception: '1.40' } },
      ],
    }),
  ];
}

function counts(over: Partial<Disclosure['threePublicCounts']>, reception = '0.40'): Disclosure {
  const d = finalDoc();
  d.summary.threePublic = { total: money('3.40'), abroad: money('0'), vehicle: money('3.00'), vehiclePurchase: money('0'), vehicleOperation: money('3.00'), reception: money(reception) };
  Object.assign(d.threePublicCounts, { abroadGroups: f('0'), abroadPeople: f('0'), vehiclesHeld: f('2'), receptionBatches: f('6'), receptionPeople: f('32') }, over);
  return d;
}

function change(current: string, delta: string, pct: string, what = '收入支出总计'): Disclosure {
  const c: PercentChange = {
    what,
    current: money(current),
    change: money(delta),
    percent: money(pct),
    direction: pct.startsWith('-') ? 'decrease' : 'increase',
    raw: `增加${delta}万元，增长${pct}%`,
    loc: { sentence: `${what}${current}万元，与上年相比增加${delta}万元，增长${pct}%。` },
  };
  return finalDoc({ percentChanges: [c] });
}

function procurement(total: string, goods: string, works: string, services: string, sme = '10.50', small = '8.00'): Disclosure {
  const d = finalDoc();
  Object.assign(d.procurementSplit, { total: f(total), goods: f(goods), works: f(works), services: f(services), smeAwarded: f(sme), smallMicroAwarded: f(small) });
  return d;
}

function vehicles(total: string, uses: string[]): Disclosure {
  const d = finalDoc();
  d.assetCounts = { vehicles: f(total), vehiclesByUse: uses.map((u, i) => ({ name: ['机要通信用车', '应急保障用车', '其他用车'][i], count: f(u) })), equipment: [] };
  return d;
}

function basic(personnel: string, pub: string): Disclosure {
  return finalDoc({
    tables: [
      table('general-budget-expenditure', { title: '一般公共预算财政拨款支出决算表', columns: ['total', 'basic', 'project'], rows: [[null, '合计', '184.60', '154.80', '29.80']] }),
      table('general-budget-basic', {
        title: '一般公共预算财政拨款基本支出决算表',
        columns: ['personnel', 'public'],
        rows: [
          ['301', '工资福利支出', '137.60', ''],
          ['302', '商品和服务支出', '', pub],
          { name: '人员经费合计/公用经费合计', role: 'total', values: { personnel, public: pub } },
        ],
      }),
    ],
  });
}

const share: Share = { part: '基本支出', whole: '本年支出合计', partValue: money('154.80'), wholeValue: money('190.60'), percent: money('81.22'), raw: '基本支出154.80万元，占81.22%', loc: {} };

export const cases: CaseSet = {
  'arithmetic/final-completion-rate': {
    valid: [
      { name: 'rate = 决算 ÷ 年初预算', doc: finalDoc({ budgetVsFinal: [vs('一般公共服务支出/档案事务/行政运行', '116.00', '114.30', '98.53')] }) },
      { name: '三公 part: 年初预算 from the 三公 决算表', doc: finalDoc({ tables: tables('114.30'), budgetVsFinal: [vs('公务接待费', null, '0.40', '28.57', { scope: 'three-public', fund: null })] }) },
      { name: 'a rate rounded from the printed figures', doc: finalDoc({ budgetVsFinal: [vs('一般公共预算财政拨款支出', '180.00', '184.60', '102.56')] }) },
    ],
    invalid: [
      {
        name: 'a rate off by 3 points',
        doc: finalDoc({ budgetVsFinal: [vs('一般公共服务支出/档案事务/行政运行', '116.00', '114.30', '95.53')] }),
        findings: [{ message: '说明中“一般公共服务支出/档案事务/行政运行”完成年初预算的 95.53%，按支出决算 114.30 ÷ 年初预算 116.00 应为 98.53%，相差 3.00 个百分点。', expected: '98.53', actual: '95.53' }],
      },
      {
        name: '三公 part whose rate does not follow from the table’s 预算数',
        doc: finalDoc({ tables: tables('114.30'), budgetVsFinal: [vs('公务接待费', null, '0.40', '40.00', { scope: 'three-public', fund: null })] }),
        findings: [{ message: '说明中“公务接待费”完成年初预算的 40.00%，按支出决算 0.40 ÷ 年初预算 1.40 应为 28.57%，相差 11.43 个百分点。' }],
      },
    ],
  },
  'narrative/final-vs-budget-comparison': {
    valid: [
      { name: '小于 where 决算 < 预算', doc: finalDoc({ budgetVsFinal: [vs('一般公共服务支出/档案事务/行政运行', '116.00', '114.30', null, { comparison: 'less', reason: '压减开支' })] }) },
      { name: '持平 where equal', doc: finalDoc({ budgetVsFinal: [vs('住房保障支出/住房改革支出/住房公积金', '16.60', '16.60', null, { comparison: 'equal' })] }) },
    ],
    invalid: [
      {
        name: '大于 where 决算 < 预算',
        doc: finalDoc({ budgetVsFinal: [vs('一般公共服务支出/档案事务/行政运行', '116.00', '114.30', null, { comparison: 'greater', reason: '追加' })] }),
        findings: [{ message: '说明中“一般公共服务支出/档案事务/行政运行”写“决算数大于预算数”，但支出决算 114.30 万元小于年初预算 116.00 万元。' }],
      },
      {
        name: '等于 where they differ',
        doc: finalDoc({ budgetVsFinal: [vs('一般公共预算财政拨款支出', '180.00', '184.60', null, { comparison: 'equal' })] }),
        findings: [{ message: '说明中“一般公共预算财政拨款支出”写“决算数等于预算数”，但支出决算 184.60 万元大于年初预算 180.00 万元。' }],
      },
    ],
  },
  'narrative/final-vs-budget-reason': {
    valid: [
      { name: 'a difference with its reason', doc: finalDoc({ budgetVsFinal: [vs('一般公共服务支出/档案事务/档案馆', '24.00', '29.80', null, { comparison: 'greater', reason: '追加库房改造经费' })] }) },
      { name: 'no difference, no reason needed', doc: finalDoc({ budgetVsFinal: [vs('住房保障支出/住房改革支出/住房公积金', '16.60', '16.60', null)] }) },
    ],
    invalid: [
      {
        name: 'a difference without a reason',
        doc: finalDoc({ budgetVsFinal: [vs('一般公共服务支出/档案事务/档案馆', '24.00', '29.80', null)] }),
        findings: [{ severity: 'warning', message: '说明中“一般公共服务支出/档案事务/档案馆”年初预算 24.00 万元、支出决算 29.80 万元，未说明决算数与预算数不同的原因。' }],
      },
    ],
  },
  'narrative/final-vs-tables': {
    valid: [
      {
        name: 'item, total and 三公 budget as the tables print them',
        doc: finalDoc({
          tables: tables('114.30'),
          budgetVsFinal: [
            vs('一般公共服务支出/档案事务/行政运行', '116.00', '114.30', null),
            vs('一般公共预算财政拨款支出', '140.00', '144.10', null),
            vs('“三公”经费财政拨款支出', '5.00', '3.40', null, { scope: 'three-public', fund: null }),
          ],
        }),
      },
      { name: 'an item the table does not have is not compared', doc: finalDoc({ tables: tables('114.30'), budgetVsFinal: [vs('教育支出/普通教育/初中教育', '10.00', '12.00', null)] }) },
    ],
    invalid: [
      {
        name: 'an item 2.00 above its row',
        doc: finalDoc({ tables: tables('112.30'), budgetVsFinal: [vs('一般公共服务支出/档案事务/行政运行', '116.00', '114.30', null)] }),
        findings: [{ message: '说明中“一般公共服务支出/档案事务/行政运行”支出决算 114.30 万元，与《一般公共预算财政拨款支出决算表》“2012601 行政运行”行“合计”列 112.30 万元不一致，相差 2.00 万元。', difference: '2' }],
      },
      {
        name: 'the 三公 年初预算 against the table’s 预算数',
        doc: finalDoc({ tables: tables('114.30', '4.50'), budgetVsFinal: [vs('“三公”经费财政拨款支出', '5.00', '3.40', null, { scope: 'three-public', fund: null })] }),
        findings: [{ message: '说明中““三公”经费财政拨款支出”年初预算 5.00 万元，与《财政拨款“三公”经费支出决算表》“三公”经费合计预算数 4.50 万元不一致，相差 0.50 万元。' }],
      },
    ],
  },
  'narrative/change-percent': {
    valid: [
      { name: '12.40 on 180.00 is 6.89%', doc: change('192.40', '12.40', '6.89') },
      { name: 'a decrease', doc: change('14.90', '-1.20', '-7.45', '机关运行经费支出') },
    ],
    invalid: [
      {
        name: 'a percentage off',
        doc: change('192.40', '12.40', '7.40'),
        findings: [{ message: '说明中“收入支出总计”增长 7.4%，按增减额 12.40 万元、上年 180.00 万元应为 6.89%，相差 0.51 个百分点。', expected: '6.89', actual: '7.4' }],
      },
      {
        name: '减少 with 增长',
        doc: change('14.90', '-1.20', '7.45', '机关运行经费支出'),
        findings: [{ message: '说明中“机关运行经费支出”减少 1.20 万元，却写增长 7.45%。' }],
      },
    ],
  },
  'narrative/three-public-counts': {
    valid: [{ name: 'counts agree with the amounts', doc: counts({}) }],
    invalid: [
      { name: 'no reception batches but a reception cost', doc: counts({ receptionBatches: f('0'), receptionPeople: f('0') }), findings: [{ message: '说明中公务接待批次为 0，但公务接待费 0.40 万元。' }] },
      { name: 'groups but no abroad cost', doc: counts({ abroadGroups: f('1'), abroadPeople: f('3') }), findings: [{ message: '说明中因公出国（境）团组数为 1，但因公出国（境）费为 0。' }] },
      { name: 'no vehicle held but a running cost', doc: counts({ vehiclesHeld: f('0') }), findings: [{ message: '说明中公务用车保有量为 0，但公务用车运行维护费 3.00 万元。' }] },
      { name: 'fewer 人次 than 批次', doc: counts({ receptionPeople: f('4') }), findings: [{ message: '说明中公务接待人次 4，少于接待批次 6。' }] },
    ],
  },
  'arithmetic/vehicles-by-use': {
    valid: [{ name: '2 = 1 + 1 + 0', doc: vehicles('2', ['1', '1', '0']) }],
    invalid: [{ name: 'one vehicle not placed', doc: vehicles('3', ['1', '1']), findings: [{ message: '国有资产说明中车辆总数 3 辆，各类用车之和（1 + 1）为 2 辆，相差 1 辆。' }] }],
  },
  'arithmetic/procurement-split': {
    valid: [{ name: '12.50 = 4.30 + 6.00 + 2.20', doc: procurement('12.50', '4.30', '6.00', '2.20') }],
    invalid: [
      {
        name: 'services 1.00 too high',
        doc: procurement('12.50', '4.30', '6.00', '3.20'),
        findings: [{ message: '说明中政府采购支出总额 12.50 万元，货物、工程、服务之和（4.30 + 6.00 + 3.20）为 13.50 万元，相差 1.00 万元。', difference: '-1' }],
      },
    ],
  },
  'arithmetic/procurement-sme': {
    valid: [{ name: 'SME 10.50 within 12.50, small 8.00 within 10.50', doc: procurement('12.50', '4.30', '6.00', '2.20') }],
    invalid: [
      {
        name: 'SME above the total',
        doc: procurement('12.50', '4.30', '6.00', '2.20', '13.00', '8.00'),
        findings: [{ message: '说明中授予中小企业合同金额 13.00 万元，超过政府采购支出总额 12.50 万元，超出 0.50 万元。' }],
      },
    ],
  },
  'arithmetic/final-basic-split': {
    valid: [{ name: '154.80 = 139.90 + 14.90', doc: basic('139.90', '14.90') }],
    invalid: [
      {
        name: '公用经费 1.00 short',
        doc: basic('139.90', '13.90'),
        findings: [{ message: '《一般公共预算财政拨款支出决算表》“合计”行“基本支出”列 154.80 万元，《一般公共预算财政拨款基本支出决算表》人员经费合计、公用经费合计之和（139.90 + 13.90）为 153.80 万元，相差 1.00 万元。' }],
      },
    ],
  },
};

/** The generic share rule reads the model's shares, a 决算's among them. */
export const shareDoc = (percent: string): Disclosure => finalDoc({ shares: [{ ...share, percent: money(percent) }] });
