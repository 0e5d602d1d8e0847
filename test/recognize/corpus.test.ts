/**
 * The recogniser over one document of each layout in ../shared/corpus: kind, year, entity, unit,
 * every standard table with the number of rows its pages print (counted on the pages, see
 * docs/corpus.md), and the headline totals. What the rules then find is reviewed in docs/corpus.md.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readDocumentFile } from '../../src/read/index.js';
import { recognize } from '../../src/recognize/index.js';
import { CORPUS, sharedOnly } from '../helpers/shared.js';

interface Expected {
  file: string;
  kind: string;
  year: number;
  entity: string;
  unit: '万元' | '元';
  /** kind:rows:unit of every table, in order. */
  tables: string[];
  /** 收入合计, 支出合计, 基本支出, 项目支出 (万元). */
  totals: (string | null)[];
}

const CASES: Expected[] = [
  {
    // 江苏 表格 file: titles and 部门：/单位： lines as paragraphs above each table, no year but in a title.
    file: 'jiangsu-budget/江苏省委办公厅/江苏省委办公厅2019年度部门预算公开表格.pdf',
    kind: 'budget',
    year: 2019,
    entity: '中共江苏省委办公厅',
    unit: '万元',
    tables: [
      'revenue-expenditure-summary:35:万元',
      'revenue:14:万元',
      'expenditure:1:万元',
      'fiscal-summary:7:万元',
      'general-budget-expenditure:14:万元',
      'general-budget-basic:32:万元',
      'general-budget-expenditure:14:万元',
      'general-budget-basic:32:万元',
      'three-public:1:万元',
      'gov-fund-expenditure:1:万元',
      'operating-costs:17:万元',
      'procurement:39:万元',
    ],
    totals: ['27664.22', '27664.22', '11700.63', '13025.38'],
  },
  {
    // 江苏 full disclosure: the 收入预算总表 whose second name column has no header of its own.
    file: 'jiangsu-budget/江苏省人大办公厅/江苏省人大办公厅2017年度预算公开.pdf',
    kind: 'budget',
    year: 2017,
    entity: '江苏省人大常委会办公厅',
    unit: '万元',
    tables: [
      'revenue-expenditure-summary:34:万元',
      'revenue:15:万元',
      'expenditure:1:万元',
      'general-budget-expenditure:19:万元',
      'fiscal-summary:7:万元',
      'general-budget-basic:24:万元',
      'gov-fund-expenditure:1:万元',
      'general-budget-expenditure:19:万元',
      'general-budget-basic:24:万元',
      'operating-costs:16:万元',
      'three-public:1:万元',
      'procurement:26:万元',
    ],
    totals: ['13649.07', '13649.07', '7666.68', '5853.96'],
  },
  {
    // 上海: tables in 元 (the unit line above each), split 类|款|项 codes with a dropped leading zero, 三公 with 机关运行经费.
    file: 'shanghai-budget/普陀区万里街道办事处2024年部门预算.pdf',
    kind: 'budget',
    year: 2024,
    entity: '上海市普陀区人民政府万里街道办事处',
    unit: '元',
    tables: [
      'revenue-expenditure-summary:18:元',
      'revenue:67:元',
      'expenditure:67:元',
      'fiscal-summary:14:元',
      'general-budget-expenditure:67:元',
      'gov-fund-expenditure:1:元',
      'state-capital-expenditure:1:元',
      'general-budget-basic:32:元',
      'three-public:1:万元',
    ],
    totals: ['15621.1123', '15621.1123', '9970.602', '5650.5103'],
  },
  {
    // The national 决算 template: nine blank 决算 tables with their printed row labels.
    file: 'templates/部门决算模板-全国2024.pdf',
    kind: 'final-accounts',
    year: 2024,
    entity: '上海市XX局',
    unit: '万元',
    tables: [
      'revenue-expenditure-summary:40:万元',
      'revenue:8:万元',
      'expenditure:8:万元',
      'fiscal-summary:36:万元',
      'general-budget-expenditure:8:万元',
      'general-budget-basic:66:万元',
      'three-public:2:万元',
      'gov-fund-expenditure:0:万元',
      'state-capital-expenditure:0:万元',
    ],
    totals: [null, null, null, null],
  },
];

describe('the corpus: one document of each layout', sharedOnly, () => {
  for (const e of CASES) {
    test(e.file, async () => {
      const { disclosure: d } = recognize(await readDocumentFile(join(CORPUS, e.file)));
      assert.deepEqual([d.kind, d.year, d.entity.name, d.unit.scale], [e.kind, e.year, e.entity, e.unit]);
      assert.deepEqual(
        d.tables.map((t) => `${t.kind}:${t.rows.length}:${t.unit.scale}`),
        e.tables,
      );
      const s = d.summary;
      assert.deepEqual([s.revenueTotal, s.expenditureTotal, s.basicExpenditure, s.projectExpenditure].map((v) => (v === null ? null : String(v))), e.totals);
    });
  }

  test('江苏 收支预算总表: the expenditure by purpose apart from the functional classes, 当年小计 and 合计', async () => {
    const { disclosure: d } = recognize(await readDocumentFile(join(CORPUS, CASES[0].file)));
    const t1 = d.tables[0];
    const exp = t1.rows.filter((r) => r.side === 'expenditure' && Object.values(r.values).some((f) => f?.value));
    assert.deepEqual(
      exp.map((r) => [r.code, r.key ?? null, r.role, r.values.amount?.raw]),
      [
        ['201', null, 'line', '22,395.50'],
        [null, 'basic', 'line', '11,700.63'],
        [null, 'project', 'line', '13,025.38'],
        [null, 'reserve', 'line', '2,938.21'],
        ['208', null, 'line', '1,374.63'],
        ['221', null, 'line', '3,894.09'],
        [null, 'currentTotal', 'total', '27,664.22'],
        [null, 'grandTotal', 'grand-total', '27,664.22'],
      ],
    );
  });

  test('上海 三公和机关运行经费表: 机关运行经费 is its own column; 3012 printed as 301 | 2 is 30102', async () => {
    const { disclosure: d } = recognize(await readDocumentFile(join(CORPUS, CASES[2].file)));
    const tp = d.tables.find((t) => t.kind === 'three-public')!;
    assert.deepEqual(
      Object.fromEntries(Object.entries(tp.rows[0].values).map(([k, f]) => [k, f?.raw])),
      { total: '47.91', abroad: '0', reception: '1.35', vehicle: '46.56', vehiclePurchase: '25', vehicleOperation: '21.56', operatingCosts: '443.18' },
    );
    const t6 = d.tables.find((t) => t.kind === 'general-budget-basic')!;
    assert.deepEqual(t6.rows.slice(0, 4).map((r) => r.code), ['301', '30101', '30102', '30107']);
  });
});
