import { sampleBudget } from '../../fixtures/rules/sample-budget.js';
import { budget, row, table } from '../builder.js';
import { edit, rowOf } from '../mutate.js';
import type { CaseSet } from '../tester.js';

const B = sampleBudget;
const sample = { name: 'consistent sample budget', doc: B() };
const COLS = ['total', 'basic', 'project', 'operating', 'toSuperior', 'toSubsidiary'];

function addRow(kind: 'expenditure' | 'general-budget-expenditure', spec: [string, string, ...(string | null)[]], after: string) {
  return (d: ReturnType<typeof B>) => {
    const t = d.tables.find((x) => x.kind === kind)!;
    const i = t.rows.findIndex((r) => r.code === after);
    t.rows.splice(i + 1, 0, row(spec, kind === 'expenditure' ? COLS : ['total', 'basic', 'project']));
  };
}

export const cases: CaseSet = {
  'classification/name-mismatch': {
    valid: [
      sample,
      { name: 'a name cut at a line end', doc: edit(B, (d) => (rowOf(d, 'expenditure', '2080505').name = '机关事业单位基本养老保险缴')) },
      { name: 'a 项 name followed by its 款 in brackets (a template’s way of printing)', doc: edit(B, (d) => (rowOf(d, 'expenditure', '2013301').name = '行政运行（宣传事务）')) },
      { name: 'the old name in a 2017 document', doc: edit(B, (d) => { d.year = 2017; rowOf(d, 'expenditure', '210').name = '医疗卫生与计划生育支出'; d.tables = d.tables.filter((t) => t.kind === 'expenditure'); d.tables[0].rows = d.tables[0].rows.filter((r) => r.code?.startsWith('210') && r.code.length === 3); }) },
    ],
    invalid: [
      {
        name: 'a name of earlier years',
        doc: edit(B, (d) => (rowOf(d, 'expenditure', '210').name = '医疗卫生与计划生育支出')),
        findings: [{ message: '《部门预算支出总表》科目 210 名称为“医疗卫生与计划生育支出”，2022年科目表为“卫生健康支出”（“医疗卫生与计划生育支出”是2018年及以前的名称）。', severity: 'warning', where: '《部门预算支出总表》“210 医疗卫生与计划生育支出”行' }],
      },
      {
        name: 'a name of another item',
        doc: edit(B, (d) => (rowOf(d, 'expenditure', '2013301').name = '一般行政管理事务')),
        findings: [{ message: '《部门预算支出总表》科目 2013301 名称为“一般行政管理事务”，2022年科目表为“行政运行”。' }],
      },
      {
        name: 'a bracket that names another 款',
        doc: edit(B, (d) => (rowOf(d, 'expenditure', '2013301').name = '行政运行（统战事务）')),
        findings: [{ message: '《部门预算支出总表》科目 2013301 名称为“行政运行（统战事务）”，2022年科目表为“行政运行”。' }],
      },
    ],
  },
  'classification/unknown-code': {
    valid: [sample],
    invalid: [
      {
        name: 'a code the catalog does not have',
        doc: edit(B, addRow('expenditure', ['2013798', '其他事务', null], '2013799')),
        findings: [{ message: '《部门预算支出总表》科目 2013798 其他事务不在科目目录中，请核对编码。', severity: 'info' }],
      },
      {
        name: 'a code not yet in use that year',
        doc: budget({ year: 2017, tables: [table('expenditure', { columns: ['total'], rows: [['201', '一般公共服务支出', '20.00'], ['20137', '网信事务', '20.00'], ['2013704', '信息安全事务', '20.00']] })] }),
        findings: [
          { message: '《部门预算支出总表》科目 20137 网信事务在2017年科目表中不存在（该编码用于2019年起）。' },
          { message: '《部门预算支出总表》科目 2013704 信息安全事务在2017年科目表中不存在（该编码用于2019年起）。' },
        ],
      },
    ],
  },
  'classification/malformed-code': {
    valid: [sample],
    invalid: [
      {
        name: 'an eight-digit code',
        doc: edit(B, addRow('expenditure', ['20133011', '行政运行', null], '2013301')),
        findings: [{ message: '《部门预算支出总表》科目编码“20133011”格式不对：功能分类编码应为 3、5 或 7 位数字。' }],
      },
      {
        name: 'an economic code among functional ones',
        doc: edit(B, addRow('general-budget-expenditure', ['30101', '基本工资', null], '2013301')),
        findings: [{ message: '《部门预算一般公共预算财政拨款支出表》科目编码“30101”格式不对：按功能分类列示的表中出现经济分类编码。' }],
      },
      {
        name: 'a class that does not exist',
        doc: edit(B, addRow('expenditure', ['228', '其他', null], '2210201')),
        findings: [{ message: '《部门预算支出总表》科目编码“228”格式不对：功能分类没有类级科目 228。' }],
      },
    ],
  },
  'classification/orphan-code': {
    valid: [
      sample,
      {
        name: 'a table that prints 类 and 项 only (no 款 anywhere) is a layout, not missing parents',
        doc: edit(B, (d) => {
          const t = d.tables.find((x) => x.kind === 'expenditure')!;
          t.rows = t.rows.filter((r) => !r.code || r.code.length !== 5);
        }),
      },
    ],
    invalid: [
      {
        name: 'an item without its section',
        doc: edit(B, (d) => {
          const t = d.tables.find((x) => x.kind === 'expenditure')!;
          t.rows = t.rows.filter((r) => r.code !== '20133');
        }),
        findings: [{ message: '《部门预算支出总表》列有科目 2013301 行政运行，但未列其上级科目 20133。' }],
      },
    ],
  },
  'classification/misplaced-code': {
    valid: [sample],
    invalid: [
      {
        name: 'a section under another class',
        doc: budget({
          tables: [
            table('expenditure', {
              columns: ['total'],
              rows: [
                ['201', '一般公共服务支出', '10.00'],
                ['20805', '行政事业单位养老支出', '5.00'],
                ['208', '社会保障和就业支出', '5.00'],
              ],
            }),
          ],
        }),
        findings: [{ message: '《部门预算支出总表》科目 20805 行政事业单位养老支出列在 201 一般公共服务支出之下，而它的上级应为 208。', severity: 'warning' }],
      },
    ],
  },
};
