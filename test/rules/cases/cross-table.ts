import { sampleBudget } from '../../fixtures/rules/sample-budget.js';
import { budget, claim, fig, row, table } from '../builder.js';
import { edit, setCell, setClaim } from '../mutate.js';
import type { CaseSet } from '../tester.js';

const B = sampleBudget;
const sample = { name: 'consistent sample budget', doc: B() };
const T1 = 'revenue-expenditure-summary' as const;
const T4 = 'fiscal-summary' as const;
const T5 = 'general-budget-expenditure' as const;
const T6 = 'general-budget-basic' as const;

export const cases: CaseSet = {
  'cross-table/t1-t2-revenue': {
    valid: [sample],
    invalid: [
      {
        name: '收入总表 小计 short',
        doc: edit(B, (d) => setCell(d, 'revenue', '合计', 'currentIncome', '400.50')),
        findings: [{ message: '《部门预算收支总表》本年收入合计 410.50 万元，与《部门预算收入总表》“合计”行“小计”列 400.50 万元不一致，相差 10.00 万元。', expected: '400.50', actual: '410.50', difference: '10.00' }],
      },
      {
        name: '财政拨款收入 column against the three fund lines',
        doc: edit(B, (d) => setCell(d, 'revenue', '合计', 'fiscal', '400.50')),
        findings: [{ message: '《部门预算收支总表》一、一般公共预算拨款收入合计 410.50 万元，与《部门预算收入总表》“合计”行“财政拨款收入”列 400.50 万元不一致，相差 10.00 万元。' }],
      },
    ],
  },
  'cross-table/t1-t3-expenditure': {
    valid: [sample],
    invalid: [
      {
        name: 'a class differs',
        doc: edit(B, (d) => setCell(d, 'expenditure', '208', 'total', '52.20')),
        findings: [{ message: '《部门预算收支总表》“208 八、社会保障和就业支出” 50.20 万元，与《部门预算支出总表》“208 社会保障和就业支出”行“合计”列 52.20 万元不一致，相差 2.00 万元。' }],
      },
    ],
  },
  'cross-table/t2-t3-codes': {
    valid: [sample],
    invalid: [
      {
        name: 'same code, different amounts',
        doc: edit(B, (d) => setCell(d, 'revenue', '2013704', 'total', '25.00')),
        findings: [{ message: '《部门预算收入总表》“2013704 信息安全事务”行“合计”列 25.00 万元，与《部门预算支出总表》“2013704 信息安全事务”行“合计”列 30.00 万元不一致，相差 5.00 万元。' }],
      },
      {
        name: 'a code only in 支出总表',
        doc: edit(B, (d) => {
          const t2 = d.tables.find((t) => t.kind === 'revenue')!;
          t2.rows = t2.rows.filter((r) => r.code !== '2013799');
        }),
        findings: [{ message: '《部门预算支出总表》“2013799 其他网信事务支出”行“合计”列 50.00 万元，而《部门预算收入总表》未列科目 2013799。' }],
      },
    ],
  },
  'cross-table/t3-t5-codes': {
    valid: [sample],
    invalid: [
      {
        name: 'all money is 一般公共预算 yet a code differs',
        doc: edit(B, (d) => setCell(d, T5, '2013301', 'basic', '218.30')),
        findings: [{ message: '《部门预算支出总表》“2013301 行政运行”行“基本支出”列 220.30 万元，与《部门预算一般公共预算财政拨款支出表》“2013301 行政运行”行“基本支出”列 218.30 万元不一致，相差 2.00 万元。' }],
      },
      {
        name: 'other money too, but 一般公共预算 above the whole',
        doc: edit(B, (d) => {
          setCell(d, 'expenditure', '合计', 'total', '420.50');
          setCell(d, T5, '2013704', 'total', '35.00');
        }),
        findings: [{ message: '《部门预算一般公共预算财政拨款支出表》“2013704 信息安全事务”行“合计”列 35.00 万元，超过《部门预算支出总表》“2013704 信息安全事务”行“合计”列 30.00 万元，超出 5.00 万元。' }],
      },
    ],
  },
  'cross-table/t4-fund-tables': {
    valid: [sample],
    invalid: [
      {
        name: '一般公共预算 column against the T5 total',
        doc: edit(B, (d) => setCell(d, T5, '合计', 'total', '400.50')),
        findings: [{ message: '《部门预算财政拨款收支总表》本年支出合计“一般公共预算财政拨款”列 410.50 万元，与《部门预算一般公共预算财政拨款支出表》“合计”行“合计”列 400.50 万元不一致，相差 10.00 万元。' }],
      },
      {
        name: 'a class against T5',
        doc: edit(B, (d) => setCell(d, T4, '210', 'generalBudget', '31.00', 'expenditure')),
        findings: [{ message: '《部门预算财政拨款收支总表》“210 十、卫生健康支出”一般公共预算列 31.00 万元，与《部门预算一般公共预算财政拨款支出表》“210 卫生健康支出”行“合计”列 30.00 万元不一致，相差 1.00 万元。' }],
      },
      {
        name: 'fund money while the fund table is empty',
        doc: edit(B, (d) => setCell(d, T4, 'currentTotal', 'govFund', '10.00', 'expenditure')),
        findings: [{ message: '《部门预算财政拨款收支总表》本年支出合计“政府性基金预算财政拨款”列 10.00 万元，而《部门预算政府性基金预算财政拨款支出表》为空表。' }],
      },
    ],
  },
  'cross-table/t4-t1-revenue': {
    valid: [sample],
    invalid: [
      {
        name: 'fund income differs',
        doc: edit(B, (d) => setCell(d, T4, 'generalBudget', 'amount', '412.50', 'revenue')),
        findings: [{ message: '《部门预算财政拨款收支总表》一、一般公共预算拨款 412.50 万元，与《部门预算收支总表》一、一般公共预算拨款收入 410.50 万元不一致，相差 2.00 万元。' }],
      },
    ],
  },
  'cross-table/t5-t6-basic': {
    valid: [sample],
    invalid: [
      {
        name: 'basic expenditure table above',
        doc: edit(B, (d) => setCell(d, T6, '合计', 'total', '340.50')),
        findings: [{ message: '《部门预算一般公共预算财政拨款支出表》“合计”行“基本支出”列 330.50 万元，与《部门预算一般公共预算财政拨款基本支出表》“合计”行“合计”列 340.50 万元不一致，相差 10.00 万元。', expected: '340.50', actual: '330.50', difference: '-10.00' }],
      },
    ],
  },
  'cross-table/pension-contribution': {
    valid: [sample],
    invalid: [
      {
        name: '30108 differs from 2080505',
        doc: edit(B, (d) => setCell(d, T6, '30108', 'total', '21.10')),
        findings: [{ message: '《部门预算一般公共预算财政拨款支出表》“2080505 机关事业单位基本养老保险缴费支出”行“基本支出”列 20.10 万元，与《部门预算一般公共预算财政拨款基本支出表》30108 机关事业单位基本养老保险缴费 21.10 万元不一致，相差 1.00 万元。', severity: 'warning' }],
      },
    ],
  },
  'cross-table/occupational-annuity': {
    valid: [sample],
    invalid: [
      {
        name: '30109 differs from 2080506',
        doc: edit(B, (d) => setCell(d, T6, '30109', 'total', '10.00')),
        findings: [{ message: '《部门预算一般公共预算财政拨款支出表》“2080506 机关事业单位职业年金缴费支出”行“基本支出”列 10.10 万元，与《部门预算一般公共预算财政拨款基本支出表》30109 职业年金缴费 10.00 万元不一致，相差 0.10 万元。' }],
      },
    ],
  },
  'cross-table/housing-fund': {
    valid: [sample],
    invalid: [
      {
        name: '30113 differs from 2210201',
        doc: edit(B, (d) => setCell(d, T6, '30113', 'total', '29.00')),
        findings: [{ message: '《部门预算一般公共预算财政拨款支出表》“2210201 住房公积金”行“基本支出”列 30.00 万元，与《部门预算一般公共预算财政拨款基本支出表》30113 住房公积金 29.00 万元不一致，相差 1.00 万元。' }],
      },
    ],
  },
  'cross-table/medical-insurance': {
    valid: [
      sample,
      {
        name: '21011 including 30112',
        doc: edit(B, (d) => {
          setCell(d, T5, '21011', 'basic', '30.76');
          d.tables.find((t) => t.kind === T6)!.rows.push(row(['30112', '其他社会保障缴费', '0.76', '0.76', null], ['total', 'personnel', 'public']));
        }),
      },
    ],
    invalid: [
      {
        name: '30110 + 30111 differ from 21011',
        doc: edit(B, (d) => setCell(d, T6, '30111', 'total', '11.00')),
        findings: [{ message: '《部门预算一般公共预算财政拨款支出表》“21011 行政事业单位医疗”行“基本支出”列 30.00 万元，与《部门预算一般公共预算财政拨款基本支出表》30110 职工基本医疗保险缴费、30111 公务员医疗补助缴费合计 29.00 万元不一致，相差 1.00 万元。' }],
      },
    ],
  },
  'cross-table/three-public-economic': {
    valid: [sample],
    invalid: [
      {
        name: '30217 above the 三公 reception budget',
        doc: edit(B, (d) => {
          d.tables.find((t) => t.kind === T6)!.rows.push(row(['30217', '公务接待费', '1.50', null, '1.50'], ['total', 'personnel', 'public']));
        }),
        findings: [{ message: '《部门预算一般公共预算财政拨款基本支出表》30217 公务接待费 1.50 万元，超过《部门预算财政拨款“三公”经费支出表》“公务接待费”行“合计”列 1.00 万元，超出 0.50 万元。' }],
      },
    ],
  },
  'cross-table/operating-costs-public': {
    valid: [
      sample,
      {
        name: 'a 事业 unit in the department: operating costs below 公用经费',
        doc: edit(B, (d) => {
          d.units.push({ name: '舆情中心', nature: '事业', rank: '股级', funding: '财政性资金基本保障', loc: {} });
          setClaim(d, 'operatingCosts.total', '20.30');
        }),
      },
    ],
    invalid: [
      {
        name: 'administrative units only: must equal',
        doc: edit(B, (d) => setClaim(d, 'operatingCosts.total', '20.30')),
        findings: [{ message: '说明中机关运行经费 20.30 万元，与《部门预算一般公共预算财政拨款基本支出表》“合计”行“公用经费”列 22.30 万元不一致，相差 2.00 万元。', severity: 'warning' }],
      },
      {
        name: 'a 事业 unit: may not exceed',
        doc: edit(B, (d) => {
          d.units.push({ name: '舆情中心', nature: '事业', rank: '股级', funding: null, loc: {} });
          setClaim(d, 'operatingCosts.total', '24.30');
        }),
        findings: [{ message: '说明中机关运行经费 24.30 万元，超过《部门预算一般公共预算财政拨款基本支出表》“合计”行“公用经费”列 22.30 万元，超出 2.00 万元。' }],
      },
    ],
  },
  'cross-table/empty-table-has-money': {
    valid: [sample],
    invalid: [
      {
        name: 'fund income while the fund table is empty',
        doc: edit(B, (d) => setCell(d, T1, 'govFund', 'amount', '10.00', 'revenue')),
        findings: [{ message: '《部门预算政府性基金预算财政拨款支出表》为空表，但《部门预算收支总表》“二、政府性基金预算拨款收入”为 10.00 万元。' }],
      },
      {
        name: 'an empty 三公 table while the text states 三公 money',
        doc: edit(B, (d) => {
          const i = d.tables.findIndex((t) => t.kind === 'three-public');
          d.tables[i] = table('three-public', { columns: ['total'], rows: [], empty: true, note: '注：无三公经费，空表列示。' });
        }),
        findings: [{ message: '《部门预算财政拨款“三公”经费支出表》为空表，但说明中“三公”经费为 4.00 万元。' }],
      },
    ],
  },
  'cross-table/vehicle-running-cost': {
    valid: [sample],
    invalid: [
      {
        name: 'a vehicle without running cost',
        doc: budget({
          assets: { asOf: null, rows: [{ name: '2、车辆（台、辆）', key: 'vehicle', quantity: fig('1'), value: fig('15.50'), loc: {} }] },
          claims: [claim('threePublic.vehicleOperation', '0', { raw: '公务用车运行维护费0万元' })],
        }),
        findings: [{ message: '固定资产占用情况表列有车辆 1 辆，但公务用车运行维护费为 0，基本支出表也无 30231 公务用车运行维护费。' }],
      },
    ],
  },
  'cross-table/planned-purchases-procurement': {
    valid: [
      sample,
      {
        name: 'planned purchases among the goods',
        doc: edit(B, (d) => {
          d.claims.push(claim('assets.planned', '12.00', { raw: '拟购置固定资产总额为12.00万元' }));
          d.procurement.items[1].catalogCode = 'A02010105';
        }),
      },
    ],
    invalid: [
      {
        name: 'planned purchases, services only',
        doc: edit(B, (d) => d.claims.push(claim('assets.planned', '12.00', { raw: '拟购置固定资产总额为12.00万元', loc: { sentence: '本年度拟购置固定资产总额为12.00万元。' } }))),
        findings: [{ message: '说明中拟购置固定资产 12.00 万元，但政府采购预算中没有货物类（A 类）采购。', where: '说明：“本年度拟购置固定资产总额为12.00万元。”' }],
      },
    ],
  },
  'cross-table/procurement-within-spending': {
    valid: [
      sample,
      {
        name: 'procurement within 公用经费 + 项目支出, stated only in the text',
        doc: budget({
          claims: [claim('procurement.total', '38.50', { raw: '政府采购预算38.50万元' }), claim('expenditure.total', '300.00', { raw: '支出预算300.00万元' }), claim('expenditure.personnel', '260.00', { raw: '人员经费260.00万元' })],
        }),
      },
      {
        name: 'no 人员经费 stated: not judged',
        doc: budget({ claims: [claim('procurement.total', '52.00', { raw: '政府采购预算52.00万元' }), claim('expenditure.total', '300.00', { raw: '支出预算300.00万元' })] }),
      },
    ],
    invalid: [
      {
        name: 'procurement above what personnel costs leave, in the text',
        doc: budget({
          claims: [claim('procurement.total', '52.00', { raw: '政府采购预算52.00万元' }), claim('expenditure.total', '300.00', { raw: '支出预算300.00万元' }), claim('expenditure.personnel', '260.00', { raw: '人员经费260.00万元' })],
        }),
        findings: [
          {
            message: '说明中政府采购预算 52.00 万元，超过人员经费以外的全部支出 40.00 万元（说明中支出预算 300.00 − 说明中人员经费 260.00），超出 12.00 万元。',
            severity: 'error',
            expected: '40.00',
            actual: '52.00',
            difference: '12.00',
          },
        ],
      },
      {
        name: 'a procurement table above the tables’ 总计 less 人员经费',
        doc: edit(B, (d) => {
          for (const it of d.procurement.items) {
            it.amount = fig('110.00');
            it.bySource = { generalBudget: fig('110.00') };
          }
        }),
        findings: [
          {
            message: '政府采购预算表合计金额 110.00 万元，超过人员经费以外的全部支出 102.30 万元（《部门预算收支总表》支出总计 410.50 − 《部门预算一般公共预算财政拨款基本支出表》“合计”行“人员经费”列 308.20），超出 7.70 万元。',
            where: '政府采购预算表合计金额',
          },
        ],
      },
    ],
  },
};
