/**
 * Precision on layouts of the cities (docs/corpus.md): mechanisms that kept false error findings
 * off real documents, each on a synthetic document of our own wording and figures — a 说明 figure
 * scoped to one class or unit, digits leading a project's name, a form's unit in its funding label,
 * a share whose whole is printed nowhere, a header cell merged down beside a table's 合计.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Disclosure } from '../../src/model/disclosure.js';
import type { Block, Cell, Doc } from '../../src/read/doc.js';
import { sameThing } from '../../src/recognize/amounts.js';
import { narrowerWhole } from '../../src/recognize/claim-scope.js';
import { recognize } from '../../src/recognize/index.js';
import { parseAmount } from '../../src/recognize/numbers.js';
import { parseProject, parseProjects } from '../../src/recognize/projects.js';
import { checkFile } from '../../src/pipeline.js';
import { runRules } from '../../src/rules/index.js';
import { CORPUS, sharedOnly } from '../helpers/shared.js';

/** A table from rows of texts; "^" alone copies the cell above (a vertical merge), "<" the cell to the left. */
function table(block: number, rows: string[][]): Block {
  const cells: Cell[][] = [];
  rows.forEach((r, i) => {
    cells.push(
      r.map((t, j) => {
        const loc = { block, row: i, col: j };
        if (t === '^') return { text: cells[i - 1][j].text, loc, mergedFrom: cells[i - 1][j].mergedFrom ?? { row: i - 1, col: j } };
        if (t === '<') return { text: r[j - 1] === '<' ? '' : r[j - 1], loc, mergedFrom: { row: i, col: j - 1 } };
        return { text: t, loc };
      }),
    );
  });
  return { type: 'table', rows: cells, loc: { block } };
}

function doc(parts: (string | string[][])[]): Doc {
  const blocks = parts.map((p, i): Block => (typeof p === 'string' ? { type: 'paragraph', text: p, loc: { block: i } } : table(i, p)));
  return { source: { path: 'synthetic.txt', format: 'txt', bytes: 0, sha256: '' }, blocks, warnings: [] };
}

const COVER = ['示范市示范局2030年部门预算', '单位：万元'];

function errors(d: Disclosure, rule: RegExp): string[] {
  return runRules(d, { profile: 'default' })
    .filter((f) => f.severity === 'error' && rule.test(f.rule))
    .map((f) => f.message);
}

const BASIC_TITLE = '一般公共预算基本支出表';
const BASIC_ROWS = (): string[][] => [
  ['科目编码', '科目名称', '合计', '人员经费', '公用经费'],
  ['', '合计', '600.00', '500.00', '100.00'],
  ['201', '一般公共服务支出', '600.00', '500.00', '100.00'],
  ['20101', '人大事务', '600.00', '500.00', '100.00'],
  ['2010101', '行政运行', '600.00', '500.00', '100.00'],
];

test('a 人员/公用经费 stated under one economic class (其中, over ；) or for one unit is no claim about the department', () => {
  const d = recognize(
    doc([
      ...COVER,
      '三、支出预算情况说明',
      '本部门2030年一般公共预算基本支出600.00万元，其中：人员经费500.00万元，公用经费100.00万元。',
      '商品和服务支出（302）180.00万元，其中：公用经费70.00万元，较上年减少1.00万元；专项业务经费110.00万元。',
      '对事业单位经常性补助（505）90.00万元，其中：人员经费60.00万元，较上年增加2.00万元；公用经费30.00万元，属正常变化。',
      '示范市档案服务中心人员经费45.00万元。',
      BASIC_TITLE,
      BASIC_ROWS(),
    ]),
  ).disclosure;
  const stated = d.claims.filter((c) => c.subject === 'expenditure.personnel' || c.subject === 'expenditure.public').map((c) => `${c.subject}=${c.value}`);
  assert.deepEqual(stated, ['expenditure.personnel=500', 'expenditure.public=100'], 'only the department-wide statement');
  assert.deepEqual(errors(d, /^narrative\//), []);
  assert.equal(d.summary.personnelExpenditure?.toString(), '500');
});

test('narrowerWhole: a class, a level-marked item or a unit narrows; the department’s totals do not', () => {
  const at = (s: string, w: string) => narrowerWhole(s, s.indexOf(w));
  assert.equal(at('商品和服务支出(302)4464.76万元,其中:公用经费621.37万元。', '公用'), '商品和服务支出(302)');
  assert.equal(at('对个人和家庭的补助100.00万元,其中:人员经费38.06万元。', '人员'), '对个人和家庭的补助');
  assert.equal(at('行政运行(项)52.00万元,其中:基本支出50.00万元。', '基本'), '行政运行(项)');
  assert.equal(at('机关本级人员经费300.00万元。', '人员'), '机关本级');
  assert.equal(at('基本支出600.00万元,其中:人员经费500.00万元。', '人员'), null);
  assert.equal(at('一般公共预算支出900.00万元,其中:基本支出600.00万元,其中:人员经费500.00万元。', '人员'), null);
  assert.equal(at('本单位人员经费500.00万元。', '人员'), null);
});

test('digits leading a few project names in a table without a code column are part of the name, not a code', () => {
  const d = recognize(
    doc([
      ...COVER,
      '专项业务经费支出表',
      [
        ['单位名称', '专项名称', '金额'],
        ['合计', '', '20.00'],
        ['示范市服务中心', '12345热线运行费', '10.00'],
        ['示范市服务中心', '办公设备购置', '5.00'],
        ['示范市档案馆', '档案整理', '3.00'],
        ['示范市档案馆', '宣传经费', '2.00'],
      ],
    ]),
  ).disclosure;
  const t = d.tables.find((x) => x.kind === 'project-expenditure');
  assert.ok(t, d.tables.map((x) => x.kind).join());
  const hotline = t.rows.find((r) => r.name.includes('热线'));
  assert.equal(hotline?.code, null);
  assert.equal(hotline?.name, '12345热线运行费');
  assert.deepEqual(errors(d, /^classification\//), []);
});

test('a performance form’s funding label in brackets (资金金额（万元）) gives the unit of its budget', () => {
  const c = (text: string, row: number, col: number): Cell => ({ text, loc: { block: 0, row, col } });
  const rows: Cell[][] = [
    [c('项目名称', 0, 0), c('人才补贴', 0, 1), c('', 0, 2), c('', 0, 3)],
    [c('资金金额（万元）', 1, 0), c('年度资金总额：', 1, 1), c('638.60', 1, 2), c('', 1, 3)],
    [c('一级指标', 2, 0), c('二级指标', 2, 1), c('指标内容', 2, 2), c('指标值', 2, 3)],
    [c('产出指标', 3, 0), c('成本指标', 3, 1), c('每人补贴标准', 3, 2), c('≤40万元', 3, 3)],
];
  const p = parseProject('人才补贴绩效目标表', rows, { raw: '单位：元', scale: '元' }, { block: 0 });
  assert.equal(p.budget?.value?.toString(), '638.6', 'in 万元, not 638.60 元');
});

test('performance forms: 指标内容 names the indicator without a 三级指标 column; a form run on into the next one’s is split at its name label; units in names count', () => {
  const t = table(0, [
    ['项目名称', '<', '档案保管'],
    ['资金金额（万元）', '年度资金总额：', '120.00'],
    ['一级指标', '二级指标', '指标内容', '指标值'],
    ['产出指标', '数量指标', '指标1：保管档案数（卷）', '≥600'],
    ['^', '时效指标', '指标2：完成时限(月)', '≤12'],
    ['^', '质量指标', '指标：档案完好率', '100%'],
    // The next project's form, run on into this table by the converter.
    ['专项（项目）名称', '<', '档案数字化'],
    ['资金金额（万元）', '年度资金总额：', '80.00'],
    ['一级指标', '二级指标', '指标内容', '指标值'],
    ['产出指标', '数量指标', '数字化页数', '≥20000'],
    ['专项（项目）名称库房修缮', '<', '<'],
    ['资金金额（万元）', '年度资金总额：', '30.00'],
    ['一级指标', '二级指标', '指标内容', '指标值'],
    ['产出指标', '数量指标', '修缮面积(㎡)', '300'],
    // The same project's form for another unit, its name not printed again.
    ['主管部门及代码', '<', '示范局'],
    ['资金金额（万元）', '年度资金总额：', '12.00'],
    ['一级指标', '二级指标', '指标内容', '指标值'],
    ['产出指标', '数量指标', '修缮间数', '≥3间'],
  ]) as Extract<Block, { type: 'table' }>;
  const ps = parseProjects('档案保管绩效目标表', t.rows, { raw: '单位：万元', scale: '万元' }, { block: 0 });
  assert.deepEqual(ps.map((p) => [p.name, p.budget?.value?.toString()]), [['档案保管', '120'], ['档案数字化', '80'], ['库房修缮', '30'], ['库房修缮', '12']]);
  assert.deepEqual(ps[3].indicators.map((i) => i.level3), ['修缮间数']);
  assert.deepEqual(ps[0].indicators.map((i) => [i.level3, i.description, i.target.unit]), [
    ['保管档案数（卷）', null, '卷'],
    ['完成时限(月)', null, '月'],
    ['档案完好率', null, '%'],
  ]);
  // A bare number without a unit anywhere is still one; a unit in the name makes it exact.
  assert.deepEqual(ps[1].indicators[0].target.problems, ['缺少计量单位']);
  assert.deepEqual(ps[2].indicators[0].target.problems, []);
});

test('a share of a whole printed nowhere is not judged against a figure its brackets mention', () => {
  assert.equal(sameThing('项目支出', '财政性资金(人员类和运转类中的公用经费项目支出除外)总额'), false);
  assert.equal(sameThing('因公出国(境)费', '因公出国(境)费支出预算'), true);
  assert.equal(sameThing('本年支出合计', '2030年本年支出合计'), true);
  const d = recognize(
    doc([
      ...COVER,
      '三、支出预算情况说明',
      '2030年支出预算合计300.00万元，其中：基本支出80.00万元，占26.67%；项目支出220.00万元，占73.33%。',
      '八、绩效目标设置情况',
      '本部门共10个项目纳入绩效目标管理，涉及财政性资金合计212.00万元，占财政性资金（人员类和运转类中的公用经费项目支出除外）总额的比例为100%。',
    ]),
  ).disclosure;
  const share = d.shares.find((s) => /财政性资金/.test(s.whole));
  assert.ok(share);
  assert.equal(share.wholeValue, null);
  assert.deepEqual(errors(d, /^narrative\/share$/), []);
});

test('a header cell merged down beside the 合计 label is no part of the row: the 合计 row is the total', () => {
  const d = recognize(
    doc([
      ...COVER,
      '一般公共预算基本支出表（按支出经济分类科目）',
      [
        ['部门经济科目编码', '部门经济科目名称', '政府经济科目编码', '政府经济科目名称', '合计', '人员经费', '公用经费'],
        ['^', '^', '^', '合计', '600.00', '500.00', '100.00'],
        ['301', '工资福利支出', '', '', '500.00', '500.00', '0'],
        ['30101', '基本工资', '50101', '工资奖金津补贴', '500.00', '500.00', '0'],
        ['302', '商品和服务支出', '', '', '100.00', '0', '100.00'],
        ['30201', '办公费', '50201', '办公经费', '100.00', '0', '100.00'],
      ],
    ]),
  ).disclosure;
  const t = d.tables.find((x) => x.kind === 'general-budget-basic');
  assert.ok(t);
  const total = t.rows.find((r) => r.role === 'total');
  assert.equal(total?.name, '合计');
  assert.equal(total?.values.personnel?.value?.toString(), '500');
  assert.equal(d.summary.personnelExpenditure?.toString(), '500');
  assert.equal(d.summary.publicExpenditure?.toString(), '100');
});

test('a figure whose thousands mark only sets off the last three digits (120258,600) is one amount', () => {
  assert.equal(parseAmount('120258,600')?.toString(), '120258600');
  assert.equal(parseAmount('1,234,567.89')?.toString(), '1234567.89');
  assert.equal(parseAmount('2019,2020'), undefined, 'two years are no amount');
  assert.equal(parseAmount('12,34'), undefined);
});

test('a title whose bracket runs long (按支出功能分类科目-不含上年结转) still names the table: a 支出明细表 is no 基本支出表', () => {
  const rows = (): string[][] => [
    ['功能科目编码', '功能科目名称', '合计', '人员经费支出', '公用经费支出', '专项业务经费支出'],
    ['', '合计', '900.00', '500.00', '100.00', '300.00'],
    ['201', '一般公共服务支出', '900.00', '500.00', '100.00', '300.00'],
    ['20101', '人大事务', '900.00', '500.00', '100.00', '300.00'],
    ['2010101', '行政运行', '900.00', '500.00', '100.00', '300.00'],
  ];
  const d = recognize(
    doc([
      ...COVER,
      '2030年部门综合预算一般公共预算支出明细表（按支出功能分类科目-不含上年结转）',
      '单位：万元',
      rows(),
      '2030年部门综合预算一般公共预算基本支出明细表（按支出功能分类科目-不含上年结转）',
      '单位：万元',
      rows().map((r) => r.slice(0, 5)),
    ]),
  ).disclosure;
  assert.deepEqual(
    d.tables.map((t) => t.kind),
    ['general-budget-expenditure', 'general-budget-basic'],
  );
  assert.match(d.tables[0].title, /按支出功能分类科目-不含上年结转/);
});

test('a 项目支出绩效表 listing projects (单位名称 | 项目名称 | 金额 | 项目总体绩效目标) gives the projects, their budgets and goals', () => {
  const d = recognize(
    doc([
      ...COVER,
      '2030年部门项目支出绩效表',
      '单位：万元',
      [
        ['单位名称', '项目名称', '金额', '项目总体绩效目标'],
        ['**', '**', '**', '**'],
        ['', '', '30.01', ''],
        ['示范市示范局', '档案数字化', '10.00', '1.完成档案扫描。2.建成检索系统。'],
        ['示范市服务中心', '热线运行', '20.01', '热线接通率不低于95%。'],
      ],
    ]),
  ).disclosure;
  assert.deepEqual(
    d.projects.map((p) => `${p.unit}/${p.name}/${p.budget?.value}/${p.goals.length}`),
    ['示范市示范局/档案数字化/10/2', '示范市服务中心/热线运行/20.01/1'],
  );
  assert.equal(d.tables.length, 0, 'no standard table');
});

test('project budgets over 项目支出: a sum of rounded budgets within their rounding, or the 经营支出 the 支出总表 books apart, is no error', () => {
  const expenditure = (operating: string): string[][] => [
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出', '事业单位经营支出'],
    ['', '合计', '130.00', '100.00', '30.00', operating],
    ['201', '一般公共服务支出', '130.00', '100.00', '30.00', operating],
  ];
  const list = (amounts: string[]): string[][] => [
    ['单位名称', '项目名称', '金额', '项目总体绩效目标'],
    ...amounts.map((a, k) => ['示范市示范局', `项目${k + 1}`, a, '完成年度任务。']),
  ];
  const find = (exp: string[][], amounts: string[]) =>
    errors(recognize(doc([...COVER, '2030年部门支出预算总表', exp, '2030年部门项目支出绩效表', list(amounts)])).disclosure, /project-budgets-within/);
  // 10.004 + 10.004 + 10.004 printed as 10.00 each would sum to 30.00; printed 10.01 + 10.00 + 10.00 the sum strays by 0.01.
  assert.deepEqual(find(expenditure(''), ['10.01', '10.00', '10.00']), []);
  assert.deepEqual(find(expenditure('5.00'), ['10.00', '10.00', '15.00']), [], '5.00 booked as 经营支出');
  assert.equal(find(expenditure(''), ['10.00', '10.00', '15.00']).length, 1, 'an excess nothing explains stays an error');
});

// The same mechanisms on the documents where they were seen (read off the pages by hand).
const CITY = (p: string) => join(CORPUS, 'cities', p);

test('上海 人社局 2026 (p7, p12): totals printed as 120258,600 元 are read; 收入总计 = 支出总计 = 12,813.86 万元', sharedOnly, async () => {
  const { document: d } = await checkFile(CITY('上海/上海/2026年上海市人力资源和社会保障局_部门预算.pdf'), { profile: 'auto' });
  assert.equal(d.summary.revenueTotal?.toString(), '12813.86');
  assert.equal(d.summary.expenditureTotal?.toString(), '12813.86');
  assert.equal(d.summary.projectExpenditure?.toString(), '10230.9588');
  const t1 = d.tables.find((t) => t.kind === 'revenue-expenditure-summary');
  assert.equal(t1?.reading?.status, 'verified');
  assert.equal(t1?.rows.find((r) => r.key === 'other')?.values.amount?.value?.toString(), '788');
});

test('西安 人社局 2020 and 住建局 2022: no false error — class-scoped 人员/公用经费, a hotline project, a form in 万元; 明细表 kinds by their titles', sharedOnly, async () => {
  const hr = await checkFile(CITY('陕西/西安/人力资源和社会保障局_2026年部门预算.pdf'), { profile: 'auto' });
  const hrErrors = hr.findings.filter((f) => f.severity === 'error').map((f) => f.rule);
  // The three true ones (p29, p32: 支出总计 90.57 above 本年支出合计 + 结转下年) stay.
  assert.deepEqual(hrErrors.sort(), ['arithmetic/t1-expenditure-grand-total', 'arithmetic/t4-grand-totals', 'cross-table/t1-t3-expenditure']);
  assert.equal(hr.document.summary.personnelExpenditure?.toString(), '7942.58');
  const housing = await checkFile(CITY('陕西/西安/住房和建设局_2026年部门预算.pdf'), { profile: 'auto' });
  assert.deepEqual(housing.findings.filter((f) => f.severity === 'error'), []);
  assert.deepEqual(
    housing.document.tables.slice(4, 8).map((t) => t.kind),
    ['general-budget-expenditure', 'general-budget-expenditure', 'general-budget-basic', 'general-budget-basic'],
  );
  assert.equal(housing.document.projects.find((p) => p.name === '人才安居货币化补贴专项资金')?.budget?.value?.toString(), '638.6');
});

test('西安 住建局 and 人社局: each performance form its own project, indicators named by 指标内容, units from the names — no false indicator warnings', sharedOnly, async () => {
  const housing = await checkFile(CITY('陕西/西安/住房和建设局_2026年部门预算.pdf'), { profile: 'auto' });
  assert.deepEqual(
    housing.document.projects.slice(0, 3).map((p) => [p.name, p.fiscalFunds?.raw]),
    [['其他履职尽责专项业务费', '7597.75'], ['廉租户物业补贴', '3200.00'], ['网络(设备)维护建设', '3019.49']],
  );
  const rules = (r: typeof housing) => r.findings.filter((f) => f.severity === 'warning').map((f) => f.rule);
  for (const rule of ['indicator/missing-level3', 'indicator/name-as-target']) assert.ok(!rules(housing).includes(rule), rule);
  // No form's 项目名称, 主管部门 or 资金 rows taken for indicators of the form before it.
  assert.deepEqual(housing.findings.filter((f) => /项目名称|主管部门|资金金额|资金总额/.test(f.message)).map((f) => f.message), []);
  const hr = await checkFile(CITY('陕西/西安/人力资源和社会保障局_2026年部门预算.pdf'), { profile: 'auto' });
  assert.ok(hr.document.projects.some((p) => p.name === '伯乐奖'), 'a name label run together with the name');
  const justice = await checkFile(CITY('陕西/西安/2026年西安市司法局部门预算.pdf'), { profile: 'auto' });
  const units = justice.findings.filter((f) => f.rule === 'indicator/missing-unit');
  assert.ok(units.length < 20, `${units.length} missing-unit warnings (265 when units in names were not read)`);
});

test('a column of percentages under an amount’s header (国家信访局 p10, a second 增减额 | 增减(%) pair) is no unreadable amount', sharedOnly, async () => {
  const r = await checkFile(CITY('_misfiled/2026年武汉市信访局部门预算.pdf'), { profile: 'auto' });
  assert.deepEqual(r.findings.filter((f) => f.rule === 'read/unparsed-figure'), []);
  // The one true error (p25: +333.83 on 1,057.85 is 31.56 %, printed 31.35 %) stays.
  assert.deepEqual(r.findings.filter((f) => f.severity === 'error').map((f) => f.rule), ['narrative/change-percent']);
});

test('浙江 项目支出绩效表 (湖州 退役军人事务局 p32): seven projects, 4,651.90 万元 as the list’s 合计 prints', sharedOnly, async () => {
  const { document: d } = await checkFile(CITY('浙江/湖州/2026年湖州市退役军人事务局部门预算.pdf'), { profile: 'auto' });
  assert.equal(d.projects.length, 7);
  const total = d.projects.reduce((s, p) => s + Number(p.budget?.value ?? 0), 0);
  assert.equal(total.toFixed(2), '4651.91'); // each printed amount rounded on its own; the 合计 row prints 4,651.90
  assert.equal(d.projects.find((p) => p.name === '军休服务管理')?.budget?.value?.toString(), '2596.4');
});
