import type { Disclosure } from '../../../src/model/disclosure.js';
import { sampleBudget, sampleSelfEvaluation } from '../../fixtures/rules/sample-budget.js';
import { budget, fig, selfEvalDoc, selfEvalProject, table, twoSided, value } from '../builder.js';
import { edit, setCell } from '../mutate.js';
import type { CaseSet } from '../tester.js';

const B = sampleBudget;
const SE = sampleSelfEvaluation;
const sample = { name: 'consistent sample budget', doc: B() };
const sampleSE = { name: 'consistent sample self-evaluation', doc: SE() };
const T1 = 'revenue-expenditure-summary' as const;
const T4 = 'fiscal-summary' as const;

function withTables(...tables: Disclosure['tables']): Disclosure {
  return budget({ tables });
}

export const cases: CaseSet = {
  'arithmetic/t1-revenue-total': {
    valid: [
      sample,
      {
        name: 'Shanghai layout: sub-items under 一、财政拨款收入 are not added twice',
        doc: withTables(
          twoSided(T1, [
            { name: '一、财政拨款收入', values: { amount: '100.00' } },
            { name: '1. 一般公共预算资金', values: { amount: '100.00' } },
            { name: '二、事业收入', values: { amount: '10.00' } },
            { name: '收入总计', role: 'total', values: { amount: '110.00' } },
          ], []),
        ),
      },
      {
        name: 'Jiangsu layout: 当年收入小计 ends the income lines',
        doc: withTables(
          twoSided(T1, [
            { name: '一、财政拨款', values: { amount: '100.00' } },
            { name: '1.一般公共预算', values: { amount: '100.00' } },
            { name: '二、财政专户管理资金', values: { amount: null } },
            { name: '当年收入小计', values: { amount: '100.00' } },
            { name: '上年结转资金', values: { amount: null } },
            { name: '收入合计', role: 'total', values: { amount: '100.00' } },
          ], []),
        ),
      },
      {
        name: 'three rounded figures may miss the total by 0.01',
        doc: withTables(
          twoSided(T1, [
            { name: '一、一般公共预算拨款收入', values: { amount: '1.01' } },
            { name: '五、事业收入', values: { amount: '1.01' } },
            { name: '九、其他收入', values: { amount: '1.01' } },
            { name: '本年收入合计', role: 'total', values: { amount: '3.04' } },
          ], []),
        ),
      },
    ],
    invalid: [
      {
        name: 'income line lowered',
        doc: edit(B, (d) => setCell(d, T1, 'generalBudget', 'amount', '400.50', 'revenue')),
        findings: [{ message: '《部门预算收支总表》本年收入合计 410.50 万元，各项收入之和为 400.50 万元，相差 10.00 万元。', expected: '400.50', actual: '410.50', difference: '10.00', severity: 'error' }],
      },
    ],
  },
  'arithmetic/t1-expenditure-total': {
    valid: [
      sample,
      {
        name: 'Jiangsu layout: 基本支出/项目支出 lines besides the classes are not added',
        doc: withTables(
          twoSided(T1, [], [
            { code: '204', name: '公共安全支出', values: { amount: '90.00' } },
            { code: '221', name: '住房保障支出', values: { amount: '10.00' } },
            { name: '基本支出', values: { amount: '70.00' } },
            { name: '项目支出', values: { amount: '30.00' } },
            { name: '当年支出小计', role: 'total', values: { amount: '100.00' } },
          ]),
        ),
      },
    ],
    invalid: [
      {
        name: 'one class raised',
        doc: edit(B, (d) => setCell(d, T1, '208', 'amount', '52.20', 'expenditure')),
        findings: [{ message: '《部门预算收支总表》本年支出合计 410.50 万元，各类支出之和（300.30 + 52.20 + 30.00 + 30.00）为 412.50 万元，相差 2.00 万元。', expected: '412.50', actual: '410.50', difference: '-2.00' }],
      },
    ],
  },
  'arithmetic/t1-revenue-grand-total': {
    valid: [sample],
    invalid: [
      {
        name: 'carry-over not added into 收入总计',
        doc: edit(B, (d) => setCell(d, T1, 'carryOver', 'amount', '5.00', 'revenue')),
        findings: [{ message: '《部门预算收支总表》收入总计 410.50 万元，本年收入合计、上年结转结余之和（410.50 + 5.00）为 415.50 万元，相差 5.00 万元。', difference: '-5.00' }],
      },
    ],
  },
  'arithmetic/t1-expenditure-grand-total': {
    valid: [sample],
    invalid: [
      {
        name: 'carry-forward not added into 支出总计',
        doc: edit(B, (d) => setCell(d, T1, 'carryForward', 'amount', '2.00', 'expenditure')),
        findings: [{ message: '《部门预算收支总表》支出总计 410.50 万元，本年支出合计、年终结转结余之和（410.50 + 2.00）为 412.50 万元，相差 2.00 万元。' }],
      },
    ],
  },
  'arithmetic/t1-balance': {
    valid: [sample],
    invalid: [
      {
        name: '支出总计 short',
        doc: edit(B, (d) => setCell(d, T1, 'grandTotal', 'amount', '408.50', 'expenditure')),
        findings: [{ message: '《部门预算收支总表》收入总计 410.50 万元，与支出总计 408.50 万元不一致，相差 2.00 万元。', expected: '408.50', actual: '410.50', difference: '2.00' }],
      },
    ],
  },
  'arithmetic/t2-row-total': {
    valid: [sample],
    invalid: [
      {
        name: 'carry-over in a row not in its 合计',
        doc: edit(B, (d) => setCell(d, 'revenue', '201', 'carryOver', '5.00')),
        findings: [{ message: '《部门预算收入总表》“201 一般公共服务支出”行“合计”列 300.30 万元，小计、上年结转之和（300.30 + 5.00）为 305.30 万元，相差 5.00 万元。' }],
      },
    ],
  },
  'arithmetic/t2-sources': {
    valid: [sample],
    invalid: [
      {
        name: 'sources short of 小计',
        doc: edit(B, (d) => setCell(d, 'revenue', '合计', 'fiscal', '400.50')),
        findings: [{ message: '《部门预算收入总表》“合计”行“小计”列 410.50 万元，财政拨款收入之和为 400.50 万元，相差 10.00 万元。' }],
      },
    ],
  },
  'arithmetic/t3-row-total': {
    valid: [sample],
    invalid: [
      {
        name: 'project column short',
        doc: edit(B, (d) => setCell(d, 'expenditure', '20137', 'project', '70.00')),
        findings: [{ message: '《部门预算支出总表》“20137 网信事务”行“合计”列 80.00 万元，项目支出之和为 70.00 万元，相差 10.00 万元。', expected: '70.00', actual: '80.00' }],
      },
    ],
  },
  'arithmetic/t4-revenue-total': {
    valid: [sample],
    invalid: [
      {
        name: 'fund income not in 本年收入合计',
        doc: edit(B, (d) => setCell(d, T4, 'govFund', 'amount', '10.00', 'revenue')),
        findings: [{ message: '《部门预算财政拨款收支总表》本年收入合计 410.50 万元，各项收入之和（410.50 + 10.00）为 420.50 万元，相差 10.00 万元。' }],
      },
    ],
  },
  'arithmetic/t4-expenditure-total': {
    valid: [sample],
    invalid: [
      {
        name: 'a class raised in the 合计 column only',
        doc: edit(B, (d) => setCell(d, T4, '221', 'total', '31.00', 'expenditure')),
        findings: [{ message: '《部门预算财政拨款收支总表》本年支出合计 410.50 万元，各类支出之和（300.30 + 50.20 + 30.00 + 31.00）为 411.50 万元，相差 1.00 万元。' }],
      },
      {
        name: 'a class raised in the 一般公共预算 column only',
        doc: edit(B, (d) => setCell(d, T4, '210', 'generalBudget', '31.00', 'expenditure')),
        findings: [{ message: '《部门预算财政拨款收支总表》本年支出合计“一般公共预算财政拨款”列 410.50 万元，各类支出之和（300.30 + 50.20 + 31.00 + 30.00）为 411.50 万元，相差 1.00 万元。' }],
      },
    ],
  },
  'arithmetic/t4-row-funds': {
    valid: [sample],
    invalid: [
      {
        name: '合计 above its fund columns',
        doc: edit(B, (d) => setCell(d, T4, '221', 'total', '31.00', 'expenditure')),
        findings: [{ message: '《部门预算财政拨款收支总表》“221 二十、住房保障支出”行“合计”列 31.00 万元，一般公共预算财政拨款之和为 30.00 万元，相差 1.00 万元。' }],
      },
    ],
  },
  'arithmetic/t4-grand-totals': {
    valid: [sample],
    invalid: [
      {
        name: 'carry-over breakdown not in 收入总计',
        doc: edit(B, (d) => setCell(d, T4, 'carryOver.generalBudget', 'amount', '3.00', 'revenue')),
        findings: [{ message: '《部门预算财政拨款收支总表》收入总计 410.50 万元，本年收入合计、一、一般公共预算拨款之和（410.50 + 3.00）为 413.50 万元，相差 3.00 万元。' }],
      },
    ],
  },
  'arithmetic/t4-balance': {
    valid: [sample],
    invalid: [
      {
        name: '支出总计 short',
        doc: edit(B, (d) => setCell(d, T4, 'grandTotal', 'total', '400.50', 'expenditure')),
        findings: [{ message: '《部门预算财政拨款收支总表》收入总计 410.50 万元，与支出总计 400.50 万元不一致，相差 10.00 万元。' }],
      },
    ],
  },
  'arithmetic/basic-project-row-total': {
    valid: [sample],
    invalid: [
      {
        name: 'project total short',
        doc: edit(B, (d) => setCell(d, 'general-budget-expenditure', '合计', 'project', '70.00')),
        findings: [{ message: '《部门预算一般公共预算财政拨款支出表》“合计”行“合计”列 410.50 万元，基本支出、项目支出之和（330.50 + 70.00）为 400.50 万元，相差 10.00 万元。' }],
      },
    ],
  },
  'arithmetic/t6-row-total': {
    valid: [sample],
    invalid: [
      {
        name: '公用经费 short',
        doc: edit(B, (d) => setCell(d, 'general-budget-basic', '合计', 'public', '21.30')),
        findings: [{ message: '《部门预算一般公共预算财政拨款基本支出表》“合计”行“合计”列 330.50 万元，人员经费、公用经费之和（308.20 + 21.30）为 329.50 万元，相差 1.00 万元。' }],
      },
    ],
  },
  'arithmetic/t6-personnel-economic': {
    valid: [
      sample,
      { name: 'side-by-side 基本支出决算表', doc: sideBySideBasic('120.50', '18.40') },
      { name: 'one amount counted as 人员经费 that its class puts under 302 (the sum holds)', doc: movedToPersonnel() },
    ],
    invalid: [
      {
        name: 'side-by-side: 301 + 303 short of 人员经费合计',
        doc: sideBySideBasic('121.50', '18.40'),
        findings: [{ message: '《一般公共预算财政拨款基本支出决算表》“人员经费合计/公用经费合计”行“人员经费”列 121.50 万元，经济分类 301、303 类合计之和（116.30 + 4.20）为 120.50 万元，相差 1.00 万元。', severity: 'warning' }],
      },
      {
        name: '303 above what 人员经费 holds',
        doc: edit(B, (d) => setCell(d, 'general-budget-basic', '303', 'total', '21.00')),
        findings: [{ message: '《部门预算一般公共预算财政拨款基本支出表》“合计”行“人员经费”列 308.20 万元，经济分类 301、303 类合计之和（288.20 + 21.00）为 309.20 万元，相差 1.00 万元。', severity: 'warning' }],
      },
    ],
  },
  'arithmetic/t6-public-economic': {
    valid: [
      sample,
      { name: 'side-by-side 基本支出决算表', doc: sideBySideBasic('120.50', '18.40') },
      { name: 'one amount counted as 人员经费 that its class puts under 302 (the sum holds)', doc: movedToPersonnel() },
    ],
    invalid: [
      {
        name: 'side-by-side: 302 + 310 above 公用经费合计',
        doc: sideBySideBasic('120.50', '17.40'),
        findings: [{ message: '《一般公共预算财政拨款基本支出决算表》“人员经费合计/公用经费合计”行“公用经费”列 17.40 万元，经济分类 302、310 类合计之和（15.60 + 2.80）为 18.40 万元，相差 1.00 万元。', severity: 'warning' }],
      },
      {
        name: '302 above 公用经费',
        doc: edit(B, (d) => setCell(d, 'general-budget-basic', '302', 'total', '23.30')),
        findings: [{ message: '《部门预算一般公共预算财政拨款基本支出表》“合计”行“公用经费”列 22.30 万元，经济分类 302 类合计之和为 23.30 万元，相差 1.00 万元。' }],
      },
    ],
  },
  'arithmetic/functional-hierarchy': {
    valid: [sample],
    invalid: [
      {
        name: 'an item below its section',
        doc: edit(B, (d) => setCell(d, 'expenditure', '2013301', 'total', '218.30')),
        findings: [{ message: '《部门预算支出总表》“20133 宣传事务”行“合计”列 220.30 万元，其下各项（2013301）之和为 218.30 万元，相差 2.00 万元。', expected: '218.30', actual: '220.30', difference: '2.00' }],
      },
    ],
  },
  'arithmetic/economic-hierarchy': {
    valid: [sample],
    invalid: [
      {
        name: 'a 款 raised',
        doc: edit(B, (d) => setCell(d, 'general-budget-basic', '30201', 'total', '11.00')),
        findings: [{ message: '《部门预算一般公共预算财政拨款基本支出表》“302 商品和服务支出”行“合计”列 22.30 万元，其下各款（30201、30207、30228、30229、30231、30239）之和（11.00 + 3.30 + 2.00 + 1.50 + 3.00 + 2.50）为 23.30 万元，相差 1.00 万元。' }],
      },
    ],
  },
  'arithmetic/total-row': {
    valid: [sample],
    invalid: [
      {
        name: '合计 row above its classes',
        doc: edit(B, (d) => setCell(d, 'general-budget-expenditure', '合计', 'total', '411.50')),
        findings: [{ message: '《部门预算一般公共预算财政拨款支出表》“合计”行“合计”列 411.50 万元，各类（201、208、210、221）之和（300.30 + 50.20 + 30.00 + 30.00）为 410.50 万元，相差 1.00 万元。' }],
      },
    ],
  },
  'arithmetic/three-public-total': {
    valid: [
      sample,
      {
        name: 'Jiangsu layout: items as columns, 会议费 and 培训费 in the 合计',
        doc: withTables(
          table('three-public', {
            columns: ['total', 'abroad', 'vehiclePurchase', 'vehicleOperation', 'reception', 'meeting', 'training'],
            rows: [[null, '', '1276.70', '80.00', null, '237.00', '101.26', '158.44', '700.00']],
          }),
        ),
      },
      {
        name: 'Jiangsu layout: the 合计 column is the 三公 subtotal, 会议费 and 培训费 beside it',
        doc: withTables(
          table('three-public', {
            columns: ['total', 'abroad', 'vehicle', 'reception', 'meeting', 'training'],
            rows: [[null, '', '833.60', '222.50', '183.60', '427.50', '1305.25', '403.75']],
          }),
        ),
      },
    ],
    invalid: [
      {
        name: 'reception raised',
        doc: edit(B, (d) => setCell(d, 'three-public', 'reception', 'total', '2.00')),
        findings: [{ message: '《部门预算财政拨款“三公”经费支出表》“合计”行“合计”列 4.00 万元，因公出国（境）费、公务用车购置及运行费、公务接待费之和（0.00 + 3.00 + 2.00）为 5.00 万元，相差 1.00 万元。' }],
      },
      {
        name: 'items as columns: neither the 三公 subtotal nor the whole',
        doc: withTables(
          table('three-public', {
            columns: ['total', 'abroad', 'vehicle', 'reception', 'meeting', 'training'],
            rows: [[null, '', '900.00', '222.50', '183.60', '427.50', '1305.25', '403.75']],
          }),
        ),
        findings: [{ message: '《部门预算财政拨款“三公”经费支出表》“合计”列 900.00 万元，因公出国（境）费、公务用车购置及运行费、公务接待费、会议费、培训费之和（222.50 + 183.60 + 427.50 + 1,305.25 + 403.75）为 2,542.60 万元，相差 1,642.60 万元。' }],
      },
      {
        name: 'a zero total with a non-zero part',
        doc: withTables(
          table('three-public', {
            columns: ['total'],
            rows: [
              { name: '合计', key: 'total', role: 'total', values: { total: '0' } },
              { name: '公务接待费', key: 'reception', values: { total: '0.60' } },
            ],
          }),
        ),
        findings: [{ message: '《部门预算财政拨款“三公”经费支出表》“合计”行“合计”列 0.00 万元，公务接待费之和为 0.60 万元，相差 0.60 万元。' }],
      },
    ],
  },
  'arithmetic/three-public-vehicle': {
    valid: [sample],
    invalid: [
      {
        name: 'vehicle subtotal above purchase + operation',
        doc: edit(B, (d) => setCell(d, 'three-public', 'vehicle', 'total', '3.50')),
        findings: [{ message: '《部门预算财政拨款“三公”经费支出表》“公务用车购置及运行费”行“合计”列 3.50 万元，公务用车购置费、公务用车运行维护费之和（0.00 + 3.00）为 3.00 万元，相差 0.50 万元。' }],
      },
    ],
  },
  'arithmetic/three-public-change': {
    valid: [
      sample,
      {
        name: 'prior, current and change agree',
        doc: withTables(threePublicChangeTable('-0.60')),
      },
    ],
    invalid: [
      {
        name: 'change of one row miscomputed',
        doc: withTables(threePublicChangeTable('-0.50')),
        findings: [{ message: '《“三公”经费预算表》“公务接待费支出”行：增减额 -0.50 万元，本年 0.00 − 上年 0.60 应为 -0.60 万元，相差 0.10 万元。', expected: '-0.60', actual: '-0.50', difference: '0.10' }],
      },
    ],
  },
  'arithmetic/operating-costs-items': {
    valid: [sample, { name: 'items add up', doc: withTables(operatingCostsTable('16.84')) }],
    invalid: [
      {
        name: 'total above items',
        doc: withTables(operatingCostsTable('17.00')),
        findings: [{ message: '《机关运行经费预算表》“合计”行“预算数”列 17.00 万元，办公费、邮电费之和（13.78 + 3.06）为 16.84 万元，相差 0.16 万元。' }],
      },
    ],
  },
  'arithmetic/procurement-line-amount': {
    valid: [
      sample,
      { name: 'in 元, normalised to 万元', doc: procurementDoc('1', '459928.00', '45.9928', '459928.00', '45.9928') },
      { name: 'a unit price rounded to 0.01 times 3', doc: procurementDoc('3', '0.33', '0.33', '1.00', '1.00') },
    ],
    invalid: [
      {
        name: 'quantity × price ≠ amount',
        doc: procurementDoc('5', '0.60', '0.60', '3.50', '3.50'),
        findings: [{ message: '政府采购预算表“台式计算机”：数量 5 × 单价 0.60 万元 = 3.00 万元，与金额 3.50 万元不一致，相差 0.50 万元。', expected: '3.00', actual: '3.50', difference: '0.50' }],
      },
    ],
  },
  'arithmetic/procurement-sources': {
    valid: [
      sample,
      {
        name: 'the SME reserve is not a funding source',
        doc: edit(B, (d) => {
          d.procurement.items[1].bySource.smeReserve = fig('12.00');
        }),
      },
    ],
    invalid: [
      {
        name: 'sources short of the amount',
        doc: edit(B, (d) => {
          d.procurement.items[0].bySource.generalBudget = fig('10.00');
        }),
        findings: [{ message: '政府采购预算表“合计”行金额 12.00 万元，一般公共预算之和为 10.00 万元，相差 2.00 万元。' }],
      },
    ],
  },
  'arithmetic/procurement-total': {
    valid: [
      sample,
      {
        name: 'Jiangsu layout: category and project rows above the items',
        doc: budget({
          procurement: {
            unit: null,
            items: [
              procItem('合计', '20.00', 'total'),
              procItem('一、货物A', '12.00'),
              { ...procItem('', '12.00'), project: '办公设备购置' },
              procItem('台式计算机', '8.00'),
              procItem('复印纸', '4.00'),
              procItem('三、服务C', '8.00'),
              { ...procItem('', '8.00'), project: '印刷费' },
              procItem('印刷服务', '8.00'),
            ],
          },
        }),
      },
      {
        name: 'an item printed without its name still counts (法院 2019 p17 layout)',
        doc: budget({
          procurement: {
            unit: null,
            items: [
              procItem('合计', '20.00', 'total'),
              procItem('三、服务C', '20.00'),
              { ...procItem('', '20.00'), project: '物业管理费' },
              procItem('物业管理服务', '4.00'),
              procItem('', '16.00'),
            ],
          },
        }),
      },
    ],
    invalid: [
      {
        name: 'items short of the total',
        doc: edit(B, (d) => {
          d.procurement.items[1].amount = fig('11.00');
        }),
        findings: [{ message: '政府采购预算表合计金额 12.00 万元，各明细之和为 11.00 万元，相差 1.00 万元。' }],
      },
    ],
  },
  'arithmetic/procurement-within-project': {
    valid: [sample],
    invalid: [
      {
        name: 'items above the project budget',
        doc: edit(B, (d) => {
          d.procurement.items[1].projectBudget = fig('10.00');
        }),
        findings: [{ message: '政府采购预算表中项目“舆情监测服务”的采购金额合计 12.00 万元，超过该项目预算资金 10.00 万元，超出 2.00 万元。', expected: '10.00', actual: '12.00', difference: '2.00' }],
      },
    ],
  },
  'arithmetic/assets-total': {
    valid: [
      sample,
      {
        name: 'an assets table with 其中 rows',
        doc: withTables(
          table('assets', {
            columns: ['quantity', 'amount'],
            rows: [
              { name: '资产总额', key: 'total', values: { amount: '38.12' } },
              { name: '1、房屋（平方米）', key: 'house', values: {} },
              { name: '其中：办公用房（平方米）', key: 'office', values: { amount: '5.00' } },
              { name: '2、车辆（台、辆）', key: 'vehicle', values: { quantity: '1', amount: '15.50' } },
              { name: '4、其他固定资产', key: 'other', values: { amount: '22.62' } },
            ],
          }),
        ),
      },
    ],
    invalid: [
      {
        name: 'other assets raised',
        doc: edit(B, (d) => {
          d.assets.rows[3].value = fig('26.60');
        }),
        findings: [{ message: '固定资产占用情况表资产总额 45.60 万元，车辆、其他固定资产之和（20.00 + 26.60）为 46.60 万元，相差 1.00 万元。' }],
      },
    ],
  },
  'arithmetic/project-funds': {
    valid: [sample],
    invalid: [
      {
        name: 'fiscal funds short of the budget',
        doc: edit(B, (d) => {
          d.projects[0].fiscalFunds = fig('25.00');
        }),
        findings: [{ message: '项目“网络安全检测服务”绩效目标表预算数 30.00 万元，财政资金之和为 25.00 万元，相差 5.00 万元。' }],
      },
    ],
  },
  'arithmetic/self-eval-execution-rate': {
    valid: [
      sampleSE,
      { name: '5.78 of 10 stated as 58%', doc: rateDoc('10', '5.78', '58') },
      { name: '29.99 of 30 stated as 99.99%: within what rounding of both amounts allows', doc: rateDoc('30', '29.99', '99.99') },
    ],
    invalid: [
      {
        name: 'rate stated 100% for 18 of 20',
        doc: edit(SE, (d) => {
          d.selfEvaluation!.projects[2].executionRate = fig('100');
        }),
        findings: [{ message: '项目“宣传作品制作”绩效自评表预算执行率填 100%，按执行数 18.00 ÷ 预算数 20.00 应为 90.00%，相差 10 个百分点。', expected: '90', actual: '100', difference: '10' }],
      },
    ],
  },
  'arithmetic/self-eval-execution-actual': {
    valid: [
      sampleSE,
      { name: '5.78 of 10, actual stated 58% (whole percent)', doc: actualDoc('10', '5.78', '58%', 58) },
      { name: 'the actual in words says nothing about the rate', doc: actualDoc('10', '5.78', '已完成', null) },
    ],
    invalid: [
      {
        name: '5.78 of 10 stated 100% (seed 004, project 4)',
        doc: actualDoc('10', '5.78', '100%', 100),
        findings: [{ message: '项目“信息化培训”绩效自评表预算执行率指标实际完成值填 100%，按执行数 5.78 ÷ 预算数 10.00 为 57.80%，相差 42.2 个百分点。', expected: '57.8', actual: '100', difference: '42.2', severity: 'warning' }],
      },
      {
        name: '29.99 of 30 stated 100%: a full execution claim is no rounding (seed 004, project 2)',
        doc: actualDoc('30', '29.99', '100%', 100),
        findings: [{ message: '项目“信息化培训”绩效自评表预算执行率指标实际完成值填 100%，按执行数 29.99 ÷ 预算数 30.00 为 99.97%，相差 0.03 个百分点。', expected: '99.97', actual: '100', difference: '0.03', severity: 'warning' }],
      },
    ],
  },
  'arithmetic/self-eval-execution-score': {
    valid: [sampleSE],
    invalid: [
      {
        name: 'full marks at 90%',
        doc: edit(SE, (d) => {
          d.selfEvaluation!.projects[2].executionScore = fig('10');
        }),
        findings: [{ message: '项目“宣传作品制作”绩效自评表预算执行率得分 10 分，按执行率 90.00% × 分值 10 应为 9 分，相差 1 分。', expected: '9', actual: '10', difference: '1', severity: 'warning' }],
      },
    ],
  },
  'arithmetic/self-eval-total-score': {
    valid: [
      sampleSE,
      { name: 'a filled indicator without its score is not judged', doc: edit(SE, (d) => (d.selfEvaluation!.projects[0].indicators[0].score = null)) },
    ],
    invalid: [
      {
        name: 'total below the scores',
        doc: edit(SE, (d) => {
          d.selfEvaluation!.projects[0].totalScore = fig('95');
        }),
        findings: [{ message: '项目“网络安全培训”绩效自评表总分 95 分，各指标得分与预算执行率得分之和为 100 分，相差 5 分。', expected: '100', actual: '95', difference: '-5' }],
      },
    ],
  },
  'arithmetic/self-eval-level1-weight': {
    valid: [sampleSE],
    invalid: [
      {
        name: '效益 scores above its weight',
        doc: edit(SE, (d) => {
          d.selfEvaluation!.projects[0].weights = { 产出指标: 50, 效益指标: 25, 满意度指标: 10 };
        }),
        findings: [{ message: '项目“网络安全培训”绩效自评表效益指标得分合计 30 分，超过该一级指标分值 25 分，超出 5 分。' }],
      },
    ],
  },
  'arithmetic/self-eval-weights-sum': {
    valid: [sampleSE, { name: 'only a stray weight read', doc: edit(SE, (d) => (d.selfEvaluation!.projects[0].weights = { 满意度指标: 10 })) }],
    invalid: [
      {
        name: 'weights add to 110',
        doc: edit(SE, (d) => {
          d.selfEvaluation!.projects[0].weights = { 产出指标: 50, 效益指标: 30, 满意度指标: 20 };
        }),
        findings: [{ message: '项目“网络安全培训”绩效自评表各一级指标分值与预算执行率分值合计 110 分，应为 100 分。' }],
      },
    ],
  },
  'arithmetic/self-eval-grade': {
    valid: [sampleSE, { name: 'thresholds from the profile', doc: edit(SE, (d) => (d.selfEvaluation!.grade = '良')), options: { thresholds: { 优: 95, 良: 80, 中: 60 } } }],
    invalid: [
      {
        name: '92.5 called 良好',
        doc: edit(SE, (d) => (d.selfEvaluation!.grade = '良好')),
        findings: [{ message: '自评总得分 92.5 分应评为“优”，报告写作“良好”。' }],
      },
    ],
  },
  'arithmetic/self-eval-department-score': {
    valid: [
      sampleSE,
      {
        name: 'a budget-weighted mean is accepted',
        doc: selfEvalDoc({
          totalScore: fig('95'),
          projects: [selfEvalProject('甲', { budget: fig('30'), totalScore: fig('100') }), selfEvalProject('乙', { budget: fig('10'), totalScore: fig('80') })],
        }),
      },
    ],
    invalid: [
      {
        name: 'neither mean',
        doc: edit(SE, (d) => (d.selfEvaluation!.totalScore = fig('95'))),
        findings: [{ message: '部门自评总得分 95 分，与各项目得分的简单平均 92.50 分、按预算加权平均 92.50 分都不一致。', expected: '92.5', actual: '95' }],
      },
    ],
  },
  'arithmetic/self-eval-funds': {
    valid: [sampleSE],
    invalid: [
      {
        name: 'executed above available',
        doc: edit(SE, (d) => (d.selfEvaluation!.projects[0].executed = fig('22'))),
        findings: [{ message: '项目“网络安全培训”绩效自评表执行数 22.00 万元，超过到位数 20.00 万元，超出 2.00 万元。' }],
      },
      {
        name: 'department spent above the adjusted budget',
        doc: edit(SE, (d) => (d.selfEvaluation!.spent = fig('81.00'))),
        findings: [{ message: '部门整体支出 81.00 万元，超过调整预算数 80.00 万元，超出 1.00 万元。' }],
      },
    ],
  },
};

function procItem(item: string, amount: string, role: 'line' | 'total' = 'line') {
  return { project: null, projectBudget: null, item, catalogCode: null, measure: null, quantity: null, unitPrice: null, amount: fig(amount), bySource: {}, role, loc: {} };
}

function threePublicChangeTable(receptionChange: string) {
  return table('three-public', {
    title: '“三公”经费预算表',
    columns: ['prior', 'current', 'change'],
    rows: [
      { name: '因公出国经费', key: 'abroad', values: { prior: '0', current: '0', change: '0' } },
      { name: '公务用车购置经费', key: 'vehiclePurchase', values: { prior: '0', current: '0', change: '0' } },
      { name: '公务用车运行经费', key: 'vehicleOperation', values: { prior: '3', current: '2.43', change: '-0.57' } },
      { name: '公务接待费支出', key: 'reception', values: { prior: '0.6', current: '0', change: receptionChange } },
      { name: '合计', key: 'total', role: 'total', values: { prior: '3.6', current: '2.43', change: '-1.17' } },
    ],
  });
}

function operatingCostsTable(total: string) {
  return table('operating-costs', {
    columns: ['amount'],
    rows: [
      [null, '办公费', '13.78'],
      [null, '邮电费', '3.06'],
      [null, '合计', total],
    ],
  });
}

function procurementDoc(qty: string, priceRaw: string, price: string, amountRaw: string, amount: string): Disclosure {
  return budget({
    procurement: {
      unit: { raw: '单位：元', scale: '元' },
      items: [
        {
          project: '办公设备更新',
          projectBudget: null,
          item: '台式计算机',
          catalogCode: 'A02010104',
          measure: '台',
          quantity: fig(qty),
          unitPrice: fig(price, priceRaw),
          amount: fig(amount, amountRaw),
          bySource: {},
          role: 'line',
          loc: {},
        },
      ],
    },
  });
}

function actualDoc(budgetV: string, executed: string, actual: string, actualValue: number | null): Disclosure {
  const stated = value(actual, actualValue === null ? { level: actual } : { value: actualValue, unit: '%' });
  return selfEvalDoc({
    projects: [selfEvalProject('信息化培训', { budget: fig(budgetV), executed: fig(executed), executionIndicator: { target: value('100%', { value: 100, unit: '%' }), actual: stated } })],
  });
}

/** A 决算 基本支出表 printed side by side: 人员经费 codes with their amounts | 公用经费 codes with theirs. */
function sideBySideBasic(personnel: string, pub: string): Disclosure {
  return budget({
    kind: 'final-accounts',
    tables: [
      table('general-budget-basic', {
        title: '一般公共预算财政拨款基本支出决算表',
        columns: ['personnel', 'public'],
        rows: [
          ['301', '工资福利支出', '116.30', ''],
          ['30101', '基本工资', '116.30', ''],
          ['303', '对个人和家庭的补助', '4.20', ''],
          ['30302', '退休费', '4.20', ''],
          ['302', '商品和服务支出', '', '15.60'],
          ['30201', '办公费', '', '15.60'],
          ['310', '资本性支出', '', '2.80'],
          ['31002', '办公设备购置', '', '2.80'],
          { name: '人员经费合计/公用经费合计', role: 'total', values: { personnel, public: pub } },
        ],
      }),
    ],
  });
}

function rateDoc(budgetV: string, executed: string, rate: string): Disclosure {
  return selfEvalDoc({ projects: [selfEvalProject('信息化培训', { budget: fig(budgetV), executed: fig(executed), executionRate: fig(rate) })] });
}


/** The sample with 1.00 of 302 counted in the 合计 row's 人员经费 (309.20 + 21.30 = 330.50 still). */
function movedToPersonnel(): Disclosure {
  return edit(B, (d) => {
    setCell(d, 'general-budget-basic', '合计', 'personnel', '309.20');
    setCell(d, 'general-budget-basic', '合计', 'public', '21.30');
  });
}
