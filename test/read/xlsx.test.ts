import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { ReadError, isTable, type Block, type Doc, type Paragraph, type Table } from '../../src/read/doc.js';
import { readDocument } from '../../src/read/index.js';
import { readXlsx } from '../../src/read/xlsx/read.js';
import { layoutSheet, type SheetCell, type SheetPiece } from '../../src/read/xlsx/layout.js';
import { formatNumber } from '../../src/read/xlsx/numfmt.js';
import { budgetWorkbook, framedWorkbook } from '../fixtures/xlsx/workbooks.js';
import { CORPUS, sharedOnly } from '../helpers/shared.js';

const texts = (t: Table) => t.rows.map((r) => r.map((c) => c.text));
const tablesOf = (blocks: Block[]) => blocks.filter(isTable);
const paragraphsOf = (blocks: Block[]) => blocks.filter((b): b is Paragraph => b.type === 'paragraph');

describe('xlsx: synthetic budget workbook', () => {
  let doc: Doc;
  before(async () => {
    doc = await readDocument(await budgetWorkbook(), 'budget.xlsx');
  });

  test('every sheet counts as a page; the hidden one is read and noted', () => {
    assert.equal(doc.source.format, 'xlsx');
    assert.equal(doc.source.pages, 3);
    assert.deepEqual(doc.warnings, [
      {
        code: 'xlsx-hidden-sheet',
        message: '第 2 个工作表「说明」是隐藏工作表，已照常读取',
        loc: { block: 7, page: 2, sheet: '说明' },
      },
    ]);
  });

  test('two tables on one sheet, each after its title paragraphs, with a note below the second', () => {
    const sheet1 = doc.blocks.filter((b) => b.loc.page === 1);
    assert.deepEqual(
      sheet1.map((b) => (b.type === 'paragraph' ? b.text : `table ${b.loc.table}`)),
      [
        '青禾县图书馆2025年收支预算总表',
        '单位：万元',
        'table 0',
        '二、“三公”经费预算表',
        '编制单位：青禾县图书馆 单位：元',
        'table 1',
        '注：本表为财政拨款安排的经费。',
      ],
    );
    assert.deepEqual(
      sheet1.map((b) => b.loc.line),
      [1, 2, 3, 9, 10, 11, 13],
    );
  });

  test('amounts print with the cell format; text-stored numbers, formulas and errors as shown', () => {
    const [first, second] = tablesOf(doc.blocks);
    assert.deepEqual(texts(first), [
      ['收入', '收入', '支出', '支出'],
      ['项目', '预算数', '项目', '预算数'],
      ['一、一般公共预算拨款', '1,873.40', '文化旅游体育与传媒支出', '2,940.05'],
      ['二、事业收入', '1,066.65', '住房保障支出', '0.30'],
      ['收入总计', '2,940.05', '支出总计', '2,940.35'],
    ]);
    assert.deepEqual(texts(second), [
      ['合计', '因公出国（境）费', '公务接待费', '人均接待费'],
      ['56,000', '0.00', '12000.50', '#DIV/0!'],
    ]);
  });

  test('merged header cells: the origin spans, the covered cell points back to it', () => {
    const [first] = tablesOf(doc.blocks);
    const [a, b, c, d] = first.rows[0];
    assert.equal(a.colSpan, 2);
    assert.equal(a.rowSpan, undefined);
    assert.equal(a.mergedFrom, undefined);
    assert.deepEqual(b.mergedFrom, { row: 0, col: 0 });
    assert.equal(c.colSpan, 2);
    assert.deepEqual(d.mergedFrom, { row: 0, col: 2 });
    assert.ok(first.rows.slice(1).flat().every((cell) => !cell.mergedFrom && !cell.colSpan && !cell.rowSpan));
  });

  test('cells carry sheet, table, row, column and Excel row', () => {
    const [, second] = tablesOf(doc.blocks);
    assert.deepEqual(second.loc, { block: 5, page: 1, sheet: '收支总表', table: 1, line: 11 });
    assert.deepEqual(second.rows[1][3].loc, { block: 5, page: 1, sheet: '收支总表', table: 1, row: 1, col: 3, line: 12, cell: 'D12' });
  });

  test('hidden sheet: date as YYYY-MM-DD, rich text plain, boolean, merged prose split into lines', () => {
    const sheet2 = paragraphsOf(doc.blocks).filter((p) => p.loc.sheet === '说明');
    assert.deepEqual(
      sheet2.map((p) => [p.text, p.loc.line]),
      [
        ['编制说明', 1],
        ['2025-01-15', 3],
        ['本馆收入全部纳入预算管理。', 5],
        ['TRUE', 7],
        ['一、主要职能', 9],
        ['负责全县公共阅读服务。', 9],
        ['二、机构设置', 9],
      ],
    );
    assert.equal(tablesOf(doc.blocks).length, 2);
  });
});

describe('xlsx: framed empty rows and untitled tables', () => {
  test('bordered empty rows stay inside the table; an unbordered gap starts a new table; hidden rows read and noted', async () => {
    const out = await readXlsx(await framedWorkbook(), 'framed.xlsx');
    assert.equal(out.pages, 1);
    assert.deepEqual(out.warnings, [
      {
        code: 'xlsx-hidden-cells',
        message: '工作表「支出表」有隐藏的 1 行含有文字，已照常读取',
        loc: { block: 0, page: 1, sheet: '支出表' },
      },
    ]);
    assert.deepEqual(
      out.blocks.map((b) => b.type),
      ['paragraph', 'table', 'table'],
    );
    const [spending, staff] = tablesOf(out.blocks);
    assert.deepEqual(texts(spending), [
      ['科目编码', '科目名称', '金额'],
      ['2070101', '行政运行', '318.20'],
      ['2070109', '群众文化', '75.00'],
      ['', '', ''],
      ['', '', ''],
      ['合计', '', '393.20'],
    ]);
    assert.deepEqual(texts(staff), [
      ['人员类别', '人数'],
      ['在职', '14'],
      ['退休', '6'],
      ['借调', '1'],
    ]);
    // The table starts at column B: its first column is 0.
    assert.equal(staff.rows[2][1].loc.col, 1);
    assert.equal(staff.rows[2][1].loc.line, 13);
  });
});

describe('xlsx: sheet layout', () => {
  const cell = (row: number, col: number, text: string, rowSpan = 1, colSpan = 1): SheetCell => ({ row, col, text, rowSpan, colSpan });
  const show = (pieces: SheetPiece[]) =>
    pieces.map((p) => (p.kind === 'paragraph' ? `${p.row}:${p.text}` : p.rows.map((r) => r.map((c) => c.text))));

  test('a framed gap joins the total row, but not the next table under its own full-width title', () => {
    const cells = [
      cell(1, 1, '甲表', 1, 3),
      cell(2, 1, '编码'), cell(2, 2, '名称'), cell(2, 3, '金额'),
      cell(3, 1, '201'), cell(3, 2, '一般公共服务'), cell(3, 3, '5.00'),
      cell(5, 1, '合计', 1, 2), cell(5, 3, '5.00'),
      cell(7, 1, '乙表', 1, 3),
      cell(8, 1, '单位：元'),
      cell(9, 1, '项目'), cell(9, 2, '数量'),
    ];
    const framed = (row: number) => row === 4 || row === 6;
    assert.deepEqual(show(layoutSheet({ cells, framed })), [
      '1:甲表',
      [['编码', '名称', '金额'], ['201', '一般公共服务', '5.00'], ['', '', ''], ['合计', '合计', '5.00']],
      '7:乙表',
      '8:单位：元',
      [['项目', '数量']],
    ]);
  });

  test('a header cell reaching down is table, not title; a lone line below the table is a note', () => {
    const cells = [
      cell(1, 1, '三公经费表'),
      cell(2, 1, '填报单位：某站'), cell(2, 4, '单位：万元'),
      cell(3, 1, '合计', 2, 1), cell(3, 2, '公务用车', 1, 2), cell(3, 4, '公务接待费', 2, 1),
      cell(4, 2, '购置'), cell(4, 3, '运行'),
      cell(5, 1, '3.00'), cell(5, 2, '0.00'), cell(5, 3, '1.00'), cell(5, 4, '2.00'),
      cell(6, 1, '本单位无因公出国（境）费预算。', 1, 4),
    ];
    assert.deepEqual(show(layoutSheet({ cells, framed: () => false })), [
      '1:三公经费表',
      '2:填报单位：某站 单位：万元',
      [['合计', '公务用车', '公务用车', '公务接待费'], ['合计', '购置', '运行', '公务接待费'], ['3.00', '0.00', '1.00', '2.00']],
      '6:本单位无因公出国（境）费预算。',
    ]);
  });
});

describe('xlsx: broken input', () => {
  test('a truncated workbook is refused with a Chinese one-line message', async () => {
    const whole = await framedWorkbook();
    const cut = whole.subarray(0, Math.floor(whole.length / 2));
    await assert.rejects(readXlsx(cut, 'cut.xlsx'), (e: unknown) => {
      assert.ok(e instanceof ReadError);
      assert.equal(e.file, 'cut.xlsx');
      assert.match(e.message, /^Excel 文件已损坏或不完整（\d+ 字节，无法解开工作簿）/);
      assert.ok(!e.message.includes('\n'));
      return true;
    });
  });

  test('zip bytes that are not a workbook are refused the same way', async () => {
    const junk = Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(200, 7)]);
    await assert.rejects(readXlsx(junk, 'junk.xlsx'), /Excel 文件已损坏或不完整/);
  });
});

describe('xlsx: number formats', () => {
  test('fixed decimals from the format, no binary float artefacts', () => {
    assert.equal(formatNumber(2940.05, '#,##0.00'), '2,940.05');
    assert.equal(formatNumber(2940.05, '0.00'), '2940.05');
    assert.equal(formatNumber(0.1 + 0.2, '0.00'), '0.30');
    assert.equal(formatNumber(0.1 + 0.2, 'General'), '0.3');
    assert.equal(formatNumber(0.1 + 0.2, undefined), '0.3');
    assert.equal(formatNumber(2940.045, '0.00'), '2940.05');
    assert.equal(formatNumber(1234.5, '#,##0_ '), '1,235');
    assert.equal(formatNumber(3.14159, '0.0#'), '3.14');
    assert.equal(formatNumber(3.1, '0.0#'), '3.1');
  });

  test('signs, accounting sections, percent, literals and dates', () => {
    assert.equal(formatNumber(-1234.5, '#,##0.00;[Red]-#,##0.00'), '-1,234.50');
    assert.equal(formatNumber(-1234.5, '#,##0.00'), '-1,234.50');
    const accounting = '_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)';
    assert.equal(formatNumber(-12.3, accounting), '(12.30)');
    assert.equal(formatNumber(0, accounting), '-');
    assert.equal(formatNumber(8765.4, accounting), '8,765.40');
    assert.equal(formatNumber(0.125, '0.0%'), '12.5%');
    assert.equal(formatNumber(12, '0.00"万元"'), '12.00万元');
    assert.equal(formatNumber(-5, '[$¥-804]#,##0.00'), '-¥5.00');
    assert.equal(formatNumber(45672, 'yyyy"年"m"月"d"日"'), '2025-01-15');
    assert.equal(formatNumber(205, '@'), '205');
  });
});

describe('xlsx: real budget-system templates', () => {
  let department: Promise<Awaited<ReturnType<typeof readXlsx>>> | undefined;
  const departmentTemplate = () => {
    const path = join(CORPUS, 'templates/department_budget_template.xlsx');
    department ??= readFile(path).then((bytes) => readXlsx(bytes, path));
    return department;
  };

  test('department template: 17 sheets, nine tables each after its title and 编制部门/单位 line', sharedOnly, async () => {
    const path = join(CORPUS, 'templates/department_budget_template.xlsx');
    const doc = await readDocument(await readFile(path), path);
    assert.equal(doc.source.pages, 17);
    assert.deepEqual(doc.warnings, []);
    const tables = tablesOf(doc.blocks);
    assert.deepEqual(
      tables.map((t) => [t.loc.page, t.loc.sheet, t.loc.line, t.rows.length, t.rows[0].length]),
      [
        [7, '部门收支总表', 6, 16, 4],
        [8, '部门收入总表', 6, 15, 9],
        [9, '部门支出总表', 6, 15, 7],
        [10, '部门财政拨款收支总表', 6, 16, 7],
        [11, '部门一般公共预算拨款表', 6, 16, 7],
        [12, '部门政府性基金拨款表', 6, 16, 7],
        [13, '部门国有资本经营预算拨款表 ', 6, 16, 7],
        [14, '部门一般公共预算拨款基本支出明细表', 6, 16, 6],
        [15, '部门“三公”经费和机关运行费预算表', 4, 3, 7],
      ],
    );
    // Each table is preceded by its title and its 编制部门 / 单位 line.
    for (const t of tables) {
      const [title, caption] = [doc.blocks[t.loc.block - 2], doc.blocks[t.loc.block - 1]];
      assert.equal(title.type, 'paragraph');
      assert.equal(caption.type, 'paragraph');
      assert.match((title as Paragraph).text, /^2026年部门.*表$/);
      assert.match((caption as Paragraph).text, /^编制部门： 单位[:：](元|万元)$/);
    }
    const cover = paragraphsOf(doc.blocks).filter((p) => p.loc.page === 1);
    assert.deepEqual(
      cover.map((p) => p.text),
      ['上海市普陀区2026年区级部门预算', '预算主管部门：上海市普陀区XX局'],
    );
  });

  test('department template: 收支总表 keeps its framed empty rows and the 总计 row', sharedOnly, async () => {
    const out = await departmentTemplate();
    const t = tablesOf(out.blocks)[0];
    const rows = texts(t);
    assert.deepEqual(rows.slice(0, 9), [
      ['本年收入', '本年收入', '本年支出', '本年支出'],
      ['项目', '预算数', '项目', '预算数'],
      ['一、财政拨款收入', '', '一、一般公共服务支出', ''],
      ['1. 一般公共预算', '', '二、…', ''],
      ['2. 政府性基金预算', '', '三、', ''],
      ['3. 国有资本经营预算', '', '', ''],
      ['二、事业收入', '', '', ''],
      ['三、事业单位经营收入', '', '', ''],
      ['四、其他收入', '', '', ''],
    ]);
    assert.ok(rows.slice(9, 15).every((r) => r.every((c) => c === '')));
    assert.deepEqual(rows[15], ['收入总计', '', '支出总计', '']);
    assert.equal(t.rows[15][0].loc.line, 21);
  });

  test('department template: 收入总表 two-level header with vertical merges and codes as printed', sharedOnly, async () => {
    const out = await departmentTemplate();
    const t = tablesOf(out.blocks)[1];
    assert.deepEqual(texts(t).slice(0, 6), [
      ['项目', '项目', '项目', '项目', '收入预算', '收入预算', '收入预算', '收入预算', '收入预算'],
      ['功能分类科目编码', '功能分类科目编码', '功能分类科目编码', '功能分类科目名称', '合计', '财政拨款收入', '事业收入', '事业单位\n经营收入', '其他收入'],
      ['类', '款', '项', '功能分类科目名称', '合计', '财政拨款收入', '事业收入', '事业单位\n经营收入', '其他收入'],
      ['205', '', '', '教育支出', '', '', '', '', ''],
      ['205', '02', '', '普通教育', '', '', '', '', ''],
      ['205', '02', '05', '高等教育', '', '', '', '', ''],
    ]);
    assert.equal(t.rows[0][4].colSpan, 5);
    assert.equal(t.rows[1][3].rowSpan, 2);
    assert.deepEqual(t.rows[2][3].mergedFrom, { row: 1, col: 3 });
    assert.deepEqual(texts(t)[14], ['合计', '合计', '合计', '合计', '', '', '', '', '']);
    assert.equal(t.rows[14][0].colSpan, 4);
  });

  test('department template: 三公 table header, with the 机关运行经费 column merged down three rows', sharedOnly, async () => {
    const out = await departmentTemplate();
    const t = tablesOf(out.blocks)[8];
    assert.deepEqual(texts(t), [
      ['“三公”经费预算数', '“三公”经费预算数', '“三公”经费预算数', '“三公”经费预算数', '“三公”经费预算数', '“三公”经费预算数', '机关运行经费预算数'],
      ['合计', '因公出国(境)费', '公务接待费', '公务用车购置及运行费', '公务用车购置及运行费', '公务用车购置及运行费', '机关运行经费预算数'],
      ['合计', '因公出国(境)费', '公务接待费', '小计', '购置费', '运行费', '机关运行经费预算数'],
    ]);
    assert.equal(t.rows[0][6].rowSpan, 3);
    assert.deepEqual(t.rows[2][6].mergedFrom, { row: 0, col: 6 });
    assert.equal(t.rows[1][3].colSpan, 3);
  });

  test('department template: 机构设置 prose in one tall merged cell becomes paragraphs', sharedOnly, async () => {
    const out = await departmentTemplate();
    const sheet = paragraphsOf(out.blocks).filter((p) => p.loc.sheet === '部门机构设置');
    assert.deepEqual(
      sheet.map((p) => p.text),
      [
        'XX（部门）机构设置',
        'XX部门预算是包括XX本部以及下属XX家预算单位的综合收支计划。',
        '本部门中，行政单位XX家，事业单位XX家，具体包括（列示至基层预算单位）：',
        '1. XX本部',
        '2. ……',
      ],
    );
  });

  test('unit template: 单位收支总表 header of four rows with vertical merges', sharedOnly, async () => {
    const path = join(CORPUS, 'templates/unit_budget_template.xlsx');
    const out = await readXlsx(await readFile(path), path);
    assert.equal(out.pages, 16);
    const tables = tablesOf(out.blocks);
    assert.equal(tables.length, 9);
    const t = tables[0];
    assert.equal(t.loc.sheet, '单位收支总表');
    assert.deepEqual(texts(t).slice(0, 5), [
      ['本年收入', '本年收入', '本年支出', '本年支出', '本年支出', '本年支出', '本年支出'],
      ['项目', '预算数', '项目', '预算数', '预算数', '预算数', '预算数'],
      ['项目', '预算数', '项目', '合计', '基本支出', '基本支出', '项目支出'],
      ['项目', '预算数', '项目', '合计', '人员经费', '公用经费', '项目支出'],
      ['一、财政拨款收入', '', '一、一般公共服务支出', '', '', '', ''],
    ]);
    assert.equal(t.rows[1][0].rowSpan, 3);
    assert.deepEqual(t.rows[3][2].mergedFrom, { row: 1, col: 2 });
    // 单位财政拨款收支总表 has formatting out to column 134; the table stops at its last text.
    const appropriations = tables.find((x) => x.loc.sheet === '单位财政拨款收支总表');
    assert.ok(appropriations);
    assert.deepEqual(texts(appropriations).slice(0, 2), [
      ['财政拨款收入', '财政拨款收入', '财政拨款支出', '财政拨款支出', '财政拨款支出', '财政拨款支出', '财政拨款支出'],
      ['项目', '预算数', '项目', '合计', '一般公共预算', '政府性基金预算', '国有资本经营预算'],
    ]);
  });
});
