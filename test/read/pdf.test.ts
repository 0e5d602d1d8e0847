import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ReadError, squash, type Block, type Cell, type Paragraph, type Table } from '../../src/read/doc.js';
import { readDocument } from '../../src/read/index.js';
import { NO_TEXT_MESSAGE, readPdf } from '../../src/read/pdf/read.js';
import { glyphText, readPageContent } from '../../src/read/pdf/content.js';
import { openPdf } from '../../src/read/pdf/engine.js';
import type { ReaderOutput } from '../../src/read/reader.js';
import {
  budgetPdf,
  continuedPdf,
  encryptedPdf,
  excelPdf,
  formsPdf,
  landscapePdf,
  pageBreakParagraphPdf,
  scannedPdf,
  textStatePdf,
  unruledPdf,
} from '../fixtures/pdf/documents.js';
import { CORPUS, SEED, seed, sharedOnly } from '../helpers/shared.js';

const tables = (out: ReaderOutput): Table[] => out.blocks.filter((b): b is Table => b.type === 'table');
const paragraphs = (out: ReaderOutput): string[] =>
  out.blocks.filter((b): b is Paragraph => b.type === 'paragraph').map((b) => b.text);
/** A table as lines of cell texts (copies carry their origin's text). */
const grid = (t: Table): string[] => t.rows.map((r) => r.map((c) => c.text).join(' | '));
/** Merge marks of a row: `o` plain origin, `o2x1` origin spanning 2 columns × 1 row, `r,c` copy of (r,c). */
const marks = (cells: Cell[]): string[] =>
  cells.map((c) =>
    c.mergedFrom ? `${c.mergedFrom.row},${c.mergedFrom.col}` : c.colSpan || c.rowSpan ? `o${c.colSpan ?? 1}x${c.rowSpan ?? 1}` : 'o',
  );
const pagesOf = (t: Table): number[] => t.rows.map((r) => r[0].loc.page!);

async function read(bytes: Buffer, name = 'test.pdf'): Promise<ReaderOutput> {
  const out = await readPdf(bytes, name);
  assertWellFormed(out);
  return out;
}

/** A file of ../shared read once for all the tests that look at it. */
const readShared = (() => {
  const done = new Map<string, Promise<ReaderOutput>>();
  return (path: string): Promise<ReaderOutput> => {
    let out = done.get(path);
    if (!out) done.set(path, (out = read(readFileSync(path), path)));
    return out;
  };
})();

/** What every reader output must satisfy, whatever the document. */
function assertWellFormed(out: ReaderOutput): void {
  let tableIndex = 0;
  out.blocks.forEach((b: Block, i) => {
    assert.equal(b.loc.block, i, `block ${i} carries its index`);
    assert.ok(b.loc.page && b.loc.page >= 1 && b.loc.page <= (out.pages ?? 0), `block ${i} has its page`);
    assertBox(b.loc.box);
    if (b.type === 'paragraph') {
      assert.notEqual(b.text.trim(), '', `paragraph ${i} is not empty`);
      return;
    }
    assert.equal(b.loc.table, tableIndex++);
    const width = b.rows[0].length;
    b.rows.forEach((row, r) => {
      assert.equal(row.length, width, `table ${b.loc.table} row ${r} has the grid width`);
      row.forEach((c, col) => {
        assert.equal(c.loc.block, i);
        assert.equal(c.loc.table, b.loc.table);
        assert.equal(c.loc.row, r);
        assert.equal(c.loc.col, col);
        assert.ok(c.loc.page! >= b.loc.page!, 'a cell is on the table page or after');
        assertBox(c.loc.box);
        if (!c.mergedFrom) return;
        const origin = b.rows[c.mergedFrom.row][c.mergedFrom.col];
        assert.equal(origin.mergedFrom, undefined, 'a copy points at an origin');
        assert.equal(c.text, origin.text);
        assert.ok(r < c.mergedFrom.row + (origin.rowSpan ?? 1), 'copy within the origin rows');
        assert.ok(col < c.mergedFrom.col + (origin.colSpan ?? 1), 'copy within the origin columns');
      });
    });
  });
}

function assertBox(box: [number, number, number, number] | undefined): void {
  assert.ok(box, 'has a box');
  assert.ok(box[0] <= box[2] && box[1] <= box[3], `box ${box} is ordered`);
  assert.ok(box[0] >= 0 && box[1] >= 0 && box[2] <= 1200 && box[3] <= 1200, `box ${box} is on the page`);
}

describe('PDF reader: synthetic documents', () => {
  test('prose lines are joined into paragraphs; a ruled table keeps merged headers and wrapped cells', async () => {
    const out = await read(budgetPdf());
    assert.equal(out.pages, 3);
    assert.deepEqual(paragraphs(out), [
      '松溪县档案服务中心2031年部门预算公开说明',
      '本中心负责全县档案的接收、保管、整理和利用工作，承担档案数字化加工和馆藏资源开发，指导各乡镇档案室开展业务建设。本年度预算按照零基预算的原则编制，收支平衡。',
      '本年度收入预算合计98.40万元，其中一般公共预算拨款收入86.40万元，事业收入12.00万元。',
      '一、收支预算总表',
      '单位：万元',
      '二、一般公共预算基本支出表',
      '注：本表金额保留两位小数。',
    ]);
    const [summary] = tables(out);
    assert.deepEqual(grid(summary), [
      '收入 | 收入 | 支出 | 支出',
      '项目 | 预算数 | 项目 | 预算数',
      '一、一般公共预算拨款收入 | 86.40 | 一、一般公共服务支出 | 61.25',
      '二、事业收入 | 12.00 | 二、社会保障和就业补助支出 | 21.15',
      '三、其他收入 |  | 三、住房保障支出 | 16.00',
      '本年收入合计 | 98.40 | 本年支出合计 | 98.40',
    ]);
    assert.deepEqual(marks(summary.rows[0]), ['o2x1', '0,0', 'o2x1', '0,2']);
    assert.deepEqual(marks(summary.rows[3]), ['o', 'o', 'o', 'o']);
    assert.equal(summary.loc.page, 1);
    assert.deepEqual(summary.loc.box, [72, 292, 523, 412]);
    // The wrapped cell's box is its grid cell, two lines high.
    assert.deepEqual(summary.rows[3][2].loc.box, [262, 346, 462, 376]);
  });

  test('a table continued overleaf with its title and header repeated is one table; page numbers are dropped', async () => {
    const out = await read(budgetPdf());
    const basic = tables(out)[1];
    assert.equal(tables(out).length, 2);
    assert.equal(basic.rows.length, 21);
    assert.deepEqual(grid(basic).slice(0, 3), [
      '科目编码 | 科目名称 | 合计 | 其中 | 其中',
      '科目编码 | 科目名称 | 合计 | 人员经费 | 公用经费',
      '301 | 工资福利支出 | 52.80 | 52.80 | ',
    ]);
    assert.deepEqual(marks(basic.rows[0]), ['o1x2', 'o1x2', 'o1x2', 'o2x1', '0,3']);
    assert.deepEqual(marks(basic.rows[1]), ['0,0', '0,1', '0,2', 'o', 'o']);
    assert.deepEqual(grid(basic).slice(13, 16), [
      '30207 | 邮电费 | 0.84 |  | 0.84',
      '30211 | 差旅费 | 1.05 |  | 1.05',
      '30228 | 工会经费 | 0.96 |  | 0.96',
    ]);
    assert.equal(grid(basic)[20], ' | 合计 | 63.60 | 54.15 | 9.45');
    assert.equal(grid(basic).filter((r) => r.startsWith('科目编码')).length, 2, 'the repeated header is dropped');
    assert.deepEqual(pagesOf(basic), [...Array(14).fill(2), ...Array(7).fill(3)]);
    assert.equal(basic.rows[14][1].loc.page, 3);
    assert.equal(basic.rows[14][1].loc.row, 14);
    const all = out.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : b.rows.flat().map((c) => c.text)));
    for (const number of ['第 1 页', '第1页', '- 2 -', '-2-', '- 3 -']) assert.ok(!all.some((t) => t.includes(number)), `${number} dropped`);
  });

  test('a table goes on overleaf under 续表 without a header; a row the page break cut is joined; a titled table stays apart', async () => {
    const out = await read(continuedPdf());
    const [main, purchase] = tables(out);
    assert.equal(tables(out).length, 2);
    assert.equal(main.rows.length, 28);
    assert.deepEqual(grid(main).slice(23), [
      '23.档案业务专项23 | 23.00',
      '24.档案业务专项24 | 24.00',
      '二十五、社会保障和就业补助支出 | 21.15',
      '二十六、住房保障支出 | 16.00',
      '合计 | 337.15',
    ]);
    assert.deepEqual(pagesOf(main).slice(24), [1, 1, 2, 2]);
    assert.deepEqual(grid(purchase), ['采购品目 | 金额', '档案密集架 | 8.60']);
    assert.equal(purchase.loc.page, 2);
    assert.deepEqual(paragraphs(out), ['三、财政拨款支出预算表（按功能分类）', '四、政府采购预算表']);
  });

  test('two forms with the same header on two pages stay two tables; merged 一级指标 and a wrapped 三级指标', async () => {
    const out = await read(formsPdf());
    assert.equal(tables(out).length, 2);
    const [first, second] = tables(out);
    assert.deepEqual(grid(first), [
      '项目支出绩效目标表 | 项目支出绩效目标表 | 项目支出绩效目标表 | 项目支出绩效目标表 | 项目支出绩效目标表',
      '项目名称 | 馆藏档案数字化 | 馆藏档案数字化 | 馆藏档案数字化 | 馆藏档案数字化',
      '一级指标 | 二级指标 | 三级指标 | 指标值 | 确定依据',
      '产出指标 | 数量指标 | 档案数字化加工量 | ≥12万页 | 工作计划',
      '产出指标 | 质量指标 | 数字化成果抽检合格率 | ≥98% | 历史经验',
      '产出指标 | 时效指标 | 完成时间 | 11月底前 | 工作计划',
      '满意度指标 | 服务对象满意度 | 查档群众满意度 | ≥90% | 历史经验',
    ]);
    assert.deepEqual(marks(first.rows[1]), ['o', 'o4x1', '1,1', '1,1', '1,1']);
    assert.deepEqual(
      first.rows.slice(3, 6).map((r) => marks(r)[0]),
      ['o1x3', '3,0', '3,0'],
    );
    assert.equal(second.rows[1][1].text, '档案库房设备维护');
    assert.equal(second.rows[3][3].text, '≥4次');
    assert.equal(second.loc.page, 2);
  });

  test('landscape pages: a portrait page turned by /Rotate 90 and a wide page read upright', async () => {
    const out = await read(landscapePdf());
    const [summary, purchase] = tables(out);
    assert.deepEqual(paragraphs(out), ['收支预算总表', '部门：松溪县档案服务中心 单位：万元', '政府采购预算表']);
    assert.deepEqual(grid(summary), [
      '项目名称 | 金额 | 功能科目名称 | 金额 | 项目名称 | 金额',
      '一、财政拨款 | 98.40 | 一、一般公共服务支出 | 61.25 | 一、基本支出 | 63.60',
      '二、其他资金 |  | 二、社会保障和就业支出 | 21.15 | 二、项目支出 | 34.80',
      '收入合计 | 98.40 | 支出合计 | 98.40 |  | ',
    ]);
    // Boxes are on the page as displayed: 1191 wide, 842 high.
    assert.deepEqual(summary.loc.box, [60, 120, 1131, 216]);
    assert.deepEqual(summary.rows[1][5].loc.box, [1000, 144, 1131, 168]);
    assert.deepEqual(grid(purchase), ['项目名称 | 采购品目 | 目录代码 | 数量 | 金额', '档案数字化加工 | 档案数字化服务 | C0201 | 1 | 30.00']);
    assert.deepEqual(purchase.loc.box, [60, 90, 782, 134]);
  });

  test('borders drawn as filled rectangles cell by cell; a merge runs on over the page break', async () => {
    const out = await read(excelPdf());
    const [income] = tables(out);
    assert.equal(tables(out).length, 1);
    assert.equal(income.rows.length, 29);
    assert.deepEqual(grid(income).slice(0, 4), [
      '项目名称 | 项目名称 | 金额',
      '收入总计 | 收入总计 | 98.40',
      '一般公共预算资金 | 小计 | 86.40',
      '一般公共预算资金 | 公共财政拨款(补助)资金 | 86.40',
    ]);
    assert.deepEqual(grid(income).slice(24), [
      '财政专户管理资金 | 小计 | 12.00',
      '财政专户管理资金 | 专户管理教育收费 | 12.00',
      '财政专户管理资金 | 其他非税收入 | ',
      '财政专户管理资金 | 捐赠收入 | ',
      '其他资金 | 小计 | ',
    ]);
    assert.deepEqual(income.rows[2][0].rowSpan, 22);
    assert.deepEqual(
      income.rows.slice(24).map((r) => marks(r)[0]),
      ['o1x4', '24,0', '24,0', '24,0', 'o'],
    );
    assert.deepEqual(pagesOf(income).slice(25), [1, 2, 2, 2]);
  });

  test('a table without ruling lines is read from text alignment, its wrapped cell joined', async () => {
    const out = await read(unruledPdf());
    assert.deepEqual(grid(tables(out)[0]), [
      '序号 | 单位名称 | 单位性质 | 经费形式',
      '1 | 松溪县档案服务中心（本级） | 事业 | 财政补助',
      '2 | 松溪县档案数字化加工与利用服务站 | 事业 | 自收自支',
      '3 | 松溪县方志编纂室 | 行政 | 财政拨款',
    ]);
    assert.deepEqual(paragraphs(out), ['（三）机构设置', '以上单位均纳入本部门2031年部门预算编制范围。']);
    assert.deepEqual(out.blocks.map((b) => b.type), ['paragraph', 'table', 'paragraph']);
  });

  test('pages without a text layer are named in a warning; a PDF with none is a ReadError that asks for OCR', async () => {
    const some = await read(scannedPdf());
    assert.deepEqual(paragraphs(some), ['松溪县档案服务中心2031年部门预算', '附件：预算表扫描件见上两页。']);
    assert.deepEqual(some.warnings, [
      { code: 'pdf-no-text-pages', message: '第 2、3 页没有文字层（可能是扫描页或空白页），这些页的内容未读取；本版本不做 OCR' },
    ]);
    await assert.rejects(read(scannedPdf(true), 'scan.pdf'), (e: unknown) => e instanceof ReadError && e.file === 'scan.pdf' && e.message === NO_TEXT_MESSAGE);
    assert.equal(NO_TEXT_MESSAGE, '该 PDF 没有文字层（可能是扫描件），需要先做文字识别（OCR）才能读取；本版本不做 OCR');
  });

  test('an encrypted, a damaged or a truncated PDF is a ReadError with a Chinese one-line reason', async () => {
    const cases: [string, Buffer, RegExp][] = [
      ['encrypted.pdf', encryptedPdf(), /^PDF 文件已加密（需要密码才能打开）/],
      ['garbage.pdf', Buffer.from('%PDF-1.7\n这不是一个 PDF 文件\n'), /^不是有效的 PDF 文件/],
      ['truncated.pdf', budgetPdf().subarray(0, 600), /^不是有效的 PDF 文件/],
    ];
    for (const [name, bytes, message] of cases) {
      await assert.rejects(readPdf(bytes, name), (e: unknown) => {
        assert.ok(e instanceof ReadError, `${name}: ${e}`);
        assert.equal(e.file, name);
        assert.match(e.message, message);
        assert.ok(!e.message.includes('\n'), 'one line');
        return true;
      });
      await assert.rejects(readDocument(bytes, name), ReadError);
    }
  });

  test('Q restores the text state: a figure after a bold label drawn at 17 points inside q…Q keeps its 9 points', async () => {
    const bytes = textStatePdf();
    const out = await read(bytes);
    const [summary] = tables(out);
    assert.deepEqual(grid(summary), [
      '收入项目 | 金额 | 支出项目 | 金额',
      '一、一般公共预算拨款 | 4,321.56 | 一、一般公共服务支出 | 3,210.45',
      ' |  | 二、住房保障支出 | 1,111.11',
      '收入合计 | 4,321.56 | 支出合计 | 4,321.56',
    ]);
    const doc = await openPdf(bytes, 'text-state.pdf');
    try {
      const glyphs = (await readPageContent(await doc.getPage(1), 1)).chars;
      const sizes = (from: number) => glyphs.slice(from, from + 12).map((c) => `${c.c}${c.size}`).join(' ');
      const totals = glyphs.findIndex((c) => c.c === '收' && c.size === 17);
      assert.equal(sizes(totals), '收17 入17 合17 计17 49 ,9 39 29 19 .9 59 69');
      assert.equal(sizes(totals + 12), '支17 出17 合17 计17 49 ,9 39 29 19 .9 59 69');
      // Size, character spacing, horizontal scaling, rise and leading all come back with the Q.
      const after = (await readPageContent(await doc.getPage(2), 2)).chars.slice(2);
      assert.deepEqual(
        after.map((c) => [c.c, c.x0, c.x1, c.base, c.size]),
        [
          ['1', 72, 77, 130, 10],
          ['2', 77, 82, 130, 10],
          ['.', 82, 87, 130, 10],
          ['5', 87, 92, 130, 10],
          ['0', 92, 97, 130, 10],
          ['7', 72, 77, 142, 10],
          ['.', 77, 82, 142, 10],
          ['2', 82, 87, 142, 10],
          ['5', 87, 92, 142, 10],
        ],
      );
    } finally {
      await doc.destroy();
    }
  });

  test('a paragraph cut by the page break two characters short of the margin goes on overleaf; ─ 1 ─ is a page number', async () => {
    const out = await read(pageBreakParagraphPdf());
    assert.deepEqual(paragraphs(out), [
      '本中心二〇三一年度将继续推进馆藏纸质档案的数字化加工，计划完成文书档案扫描十二万页、照片档案整理三千张，同步建设档案目录数据库并开展数据质量抽查，确保数字副本与原件一致；同时对库房温湿度监测设备进行更新，完善档案安全应急预案，组织两次全员消防演练，并按季度向社会公布档案开放目录，方便群众查阅利用。',
      '以上工作所需经费已列入本年度项目支出预算。',
    ]);
  });

  test('look-alike code points some fonts use for ideographs are read as the ideographs', () => {
    assert.equal(glyphText('\u2f00'), '一');
    assert.equal(glyphText('\u2f47'), '日');
    assert.equal(glyphText('\ufb01'), 'fi');
    // Full-width punctuation stays as printed.
    for (const ch of ['：', '，', '（', '）', '％', '１']) assert.equal(glyphText(ch), ch);
  });

  test('readDocument recognises a PDF by its content and records its pages', async () => {
    const doc = await readDocument(formsPdf(), 'upload.bin');
    assert.equal(doc.source.format, 'pdf');
    assert.equal(doc.source.pages, 2);
    assert.equal(doc.blocks.filter((b) => b.type === 'table').length, 2);
  });
});

/**
 * Tables of a seed's .txt, as a text extractor prints Word files: a cell is a line starting with
 * a tab, a line without one continues the cell above, a blank line ends a row. Empty rows left out.
 */
function txtTables(text: string): string[][][] {
  const out: string[][][] = [];
  let table: string[][] | undefined;
  let row: string[] = [];
  const endRow = () => {
    if (row.some((c) => c.trim())) (table ??= []).push(row);
    row = [];
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('\t')) row.push(line.slice(1));
    else if (line.trim() === '') endRow();
    else if (row.length && !(row.length === 1 && row[0] === '')) row[row.length - 1] += line;
    else {
      row = [];
      if (table) out.push(table);
      table = undefined;
    }
  }
  endRow();
  if (table) out.push(table);
  return out;
}

/** Rows of a table as the squashed texts of their own cells (copies left out), empty rows left out. */
const ownCells = (t: Table): string[] =>
  t.rows.filter((r) => r.some((c) => c.text.trim())).map((r) => r.filter((c) => !c.mergedFrom).map((c) => squash(c.text)).join('|'));

describe('PDF reader: seeds (PDFs made from the .txt)', () => {
  for (const name of [SEED.luancheng, SEED.luquan]) {
    test(`${name}: every table has the rows and cells of the .txt`, sharedOnly, async () => {
      const out = await readShared(seed(`${name}.pdf`));
      const expected = txtTables(readFileSync(seed(`${name}.txt`), 'utf8')).map((t) => t.map((r) => r.map(squash).join('|')));
      assert.equal(tables(out).length, expected.length);
      tables(out).forEach((t, i) => assert.deepEqual(ownCells(t), expected[i], `table ${i} on page ${t.loc.page}`));
    });
  }

  test('paragraphs are the .txt paragraphs: wrapped lines joined, headings and items apart', sharedOnly, async () => {
    for (const name of [SEED.luancheng, SEED.luquan, SEED.yuanshi]) {
      const txt = readFileSync(seed(`${name}.txt`), 'utf8').split(/\r?\n/);
      const lines = new Set(txt.filter((l) => !l.startsWith('\t') && l.trim()).map((l) => squash(l.replace(/\[bookmark: [^\]]*\]/g, ''))));
      const out = await readShared(seed(`${name}.pdf`));
      const paras = paragraphs(out);
      assert.ok(paras.length > 70, `${name}: ${paras.length} paragraphs`);
      for (const p of paras) assert.ok(lines.has(squash(p)), `${name}: "${p}" is a paragraph of the .txt`);
    }
  });

  test('002: 收支总表 rows, a row the page break cut, the 基本支出表 and a 绩效目标表', sharedOnly, async () => {
    const out = await readShared(seed(`${SEED.luquan}.pdf`));
    const all = tables(out);
    assert.equal(all.length, 17);
    const summary = all[0];
    assert.equal(grid(summary)[4], '1 | 一、一般公共预算拨款收入 | 302.27 | 一、一般公共服务支出 | 240.05');
    assert.equal(grid(summary)[21], '18 |  |  | 十八、援助其他地区支出 | ');
    assert.equal(grid(summary)[36], '33 | 收入总计 | 302.27 | 支出总计 | 302.27');
    assert.deepEqual([summary.rows[21][0].loc.page, summary.rows[22][0].loc.page], [1, 2]);
    const basic = all[5];
    assert.equal(basic.loc.page, 9);
    assert.deepEqual(grid(basic).slice(4), [
      '1 |  | 合计 | 238.42 | 209.64 | 28.78',
      '2 | 301 | 工资福利支出 | 196.35 | 196.35 | ',
      '3 | 30101 | 基本工资 | 49.71 | 49.71 | ',
      '4 | 30102 | 津贴补贴 | 30.07 | 30.07 | ',
      '5 | 30103 | 奖金 | 2.21 | 2.21 | ',
      '6 | 30107 | 绩效工资 | 20.26 | 20.26 | ',
      '7 | 30108 | 机关事业单位基本养老保险缴费 | 14.67 | 14.67 | ',
      '8 | 30110 | 职工基本医疗保险缴费 | 7.94 | 7.94 | ',
      '9 | 30111 | 公务员医疗补助缴费 | 6.14 | 6.14 | ',
      '10 | 30112 | 其他社会保障缴费 | 0.76 | 0.76 | ',
      '11 | 30113 | 住房公积金 | 19.85 | 19.85 | ',
      '12 | 30199 | 其他工资福利支出 | 44.72 | 44.72 | ',
      '13 | 302 | 商品和服务支出 | 28.78 |  | 28.78',
      '14 | 30201 | 办公费 | 7.80 |  | 7.80',
      '15 | 30207 | 邮电费 | 3.84 |  | 3.84',
      '16 | 30227 | 委托业务费 | 9.08 |  | 9.08',
      '17 | 30228 | 工会经费 | 1.10 |  | 1.10',
      '18 | 30229 | 福利费 | 1.24 |  | 1.24',
      '19 | 30239 | 其他交通费用 | 5.10 |  | 5.10',
      '20 | 30299 | 其他商品和服务支出 | 0.62 |  | 0.62',
      '21 | 303 | 对个人和家庭的补助 | 13.29 | 13.29 | ',
      '22 | 30302 | 退休费 | 2.92 | 2.92 | ',
      '23 | 30309 | 奖励金 | 0.05 | 0.05 | ',
      '24 | 30399 | 其他对个人和家庭的补助 | 10.32 | 10.32 | ',
    ]);
    const target = all[10];
    assert.deepEqual(grid(target).slice(1, 3), [
      '一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值 | 指标值确定依据',
      '产出指标 | 数量指标 | 公益性岗补贴补助人数 | 发放补贴补助的人数 | 2名 | 历史经验',
    ]);
    assert.deepEqual(grid(target).slice(-2), [
      '效益指标 | 可持续影响指标 | 受补助人群生活水平提高程度 | 受补助人群生活水平提高程度 | 生活水平提高 | 历史经验',
      '满意度指标 | 服务对象满意度指标 | 涉军岗位人员满意度 | 涉军岗位人员满意度 | ≥80% | 历史经验',
    ]);
    // A 三级指标 broken over two lines in its cell comes out whole.
    assert.equal(grid(all[12])[4], ' | 时效指标 | 报送网络舆情时间 | 报送网络舆情时间 | 及时处理 | 工作计划');
  });

  test('000: the 三公 table, the 政府采购 table and the assets table', sharedOnly, async () => {
    const out = await readShared(seed(`${SEED.xushui}.pdf`));
    const all = tables(out);
    assert.equal(all.length, 6);
    assert.deepEqual(grid(all[1]), [
      ' |  |  |  | 单位：万元',
      '项目名称 | 2021年度预算 | 2022年度预算 | 增减金额 | 变化原因',
      '因公出国经费 | 0 | 0 | 0 | 无增减变化',
      '公务用车购置经费 | 0 | 0 | 0 | 无增减变化',
      '公务用车运行经费 | 3 | 2.43 | -0.57 | 部门业务调整',
      '公务接待费支出 | 0.6 | 0 | -0.6 | 部门业务调整',
      '合计 | 3.6 | 2.43 | -1.17 | 部门业务调整',
    ]);
    const purchase = all[4];
    assert.equal(purchase.rows[0].length, 13);
    assert.deepEqual(ownCells(purchase), [
      '224中共保定市徐水区委网络安全和信息化委员会办公室|单位：元',
      '政府采购项目来源|采购物品名称|政府采购目录序号|计量单位|数量|单价|政府采购金额（当年部门预算安排资金）',
      '项目名称|预算资金||||||合计|一般公共预算拨款|基金预算拨款|国有资本经营预算拨款|财政专户核拨|单位资金',
      '合计|||||||459928.00|459928.00||||',
      '网信办本级小计|||||||459928.00|459928.00||||',
      '电子政务网组建与维护费|459928.00|计算机设备和软件租赁服务|C0401|元|1|459928.00|459928.00|459928.00||||',
    ]);
    assert.deepEqual(grid(all[5]).slice(2), [
      '项目 | 数量 | 价值（单位：万元）',
      '固定资产总额 | -- | 38.12',
      '1、房屋（平方米） |  | ',
      '其中：办公用房（平方米） |  | ',
      '2、车辆（台、辆） | 1 | 15.5',
      '3、单价在50万元以上的设备(台、套) |  | ',
      '其中：单价50万元（含）以上的通用设备 |  | ',
      '单价100万元（含）以上的专用设备 |  | ',
      '4、其他固定资产 |  | 22.62',
    ]);
  });

  test('004: the self-evaluation tables, rows as the PDF prints them', sharedOnly, async () => {
    const out = await readShared(seed(`${SEED.yuanshi}.pdf`));
    const all = tables(out);
    assert.equal(all.length, 6);
    assert.deepEqual(ownCells(all[0]), ['单位名称|单位基本性质|单位规格|经费形式', '中共元氏县委网络安全和信息化委员会办公室|行政单位|正科级|财政拨款']);
    const own = (t: Table) => ownCells(t).map((r) => r.replace(/\|+$/, ''));
    for (const t of all.slice(1)) {
      assert.match(own(t)[0], /^一、基本情况\|项目名称\|.+\|实施\(主管\)单位\|中共元氏县委网络安全和信息化委员会办公室/);
      assert.ok(own(t).some((r) => r.startsWith('四、年度绩效指标完成情况|一级指标|二级指标|三级指标')));
    }
    const party = own(all[1]);
    assert.equal(party[0], '一、基本情况|项目名称|党建活动经费|实施(主管)单位|中共元氏县委网络安全和信息化委员会办公室');
    assert.deepEqual(party.slice(-3), [
      '满意度指标（10分）|满意度指标|指标1：党员满意度|≥95%|100%|10',
      '总分||||||100',
      '五、存在问题、原因及下一步整改措施|无',
    ]);
    assert.equal(own(all[4]).at(-1), '五、存在问题、原因及下一步整改措施|因疫原因2022年度未组织大型培训活动,下一步加强预算编制的准确性,按项目计划实施进行,及时推进项目进度,确保项目预算执行率。');
  });
});

describe('PDF reader: corpus (real government PDFs)', () => {
  const jiangsu = join(CORPUS, 'jiangsu-budget');

  test('江苏省委办公厅 2019 tables (A3 pages turned by /Rotate 90): twelve tables, the 收支预算总表 row by row', sharedOnly, async () => {
    const out = await read(readFileSync(join(jiangsu, '江苏省委办公厅', '江苏省委办公厅2019年度部门预算公开表格.pdf')));
    assert.equal(out.pages, 12);
    const all = tables(out);
    assert.equal(all.length, 12);
    const summary = all[0];
    assert.equal(summary.loc.page, 1);
    assert.ok(summary.loc.box![2] > 1100, 'the landscape table is wider than the portrait page');
    assert.equal(summary.rows.length, 27);
    assert.deepEqual(grid(summary).slice(0, 6), [
      '收入 | 收入 | 支出 | 支出 | 支出 | 支出',
      '项目名称 | 金额 | 功能分类 | 功能分类 | 支出用途 | 支出用途',
      '项目名称 | 金额 | 功能科目名称 | 金额 | 项目名称 | 金额',
      '一、财政拨款 | 27,664.22 | 一、一般公共服务支出 | 22,395.50 | 一、基本支出 | 11,700.63',
      '1.一般公共预算 | 27,664.22 | 二、外交支出 |  | 二、项目支出 | 13,025.38',
      '2.政府性基金预算 |  | 三、国防支出 |  | 三、单位预留机动经费 | 2,938.21',
    ]);
    assert.equal(grid(summary)[10], ' |  | 八、社会保障和就业支出 | 1,374.63 |  | ');
    assert.equal(grid(summary)[20], ' |  | 十八、住房保障支出 | 3,894.09 |  | ');
    assert.deepEqual(grid(summary).slice(-3), [
      '当年收入小计 | 27,664.22 | 当年支出小计 | 当年支出小计 | 当年支出小计 | 27,664.22',
      '上年结转资金 |  | 结转下年资金 | 结转下年资金 | 结转下年资金 | ',
      '收入合计 | 27,664.22 | 支出合计 | 支出合计 | 支出合计 | 27,664.22',
    ]);
    assert.deepEqual(marks(summary.rows[1]), ['o1x2', 'o1x2', 'o2x1', '1,2', 'o2x1', '1,4']);
    const functional = all[4];
    assert.deepEqual(grid(functional).slice(0, 5), [
      '功能科目编码 | 功能科目名称 | 金额',
      '合计 | 合计 | 27,664.22',
      '201 | 一般公共服务支出 | 22,395.50',
      '20131 | 党委办公厅（室）及相关机构事务 | 22,395.50',
      '2013101 | 行政运行 | 9,370.12',
    ]);
    assert.equal(grid(all[5]).find((r) => r.startsWith('30231')), '30231 | 公务用车运行维护费 | 411.20');
  });

  test('江苏 财政拨款收支总表 whose 合计 labels are drawn bold inside q…Q: the figure after each keeps its decimals', sharedOnly, async () => {
    // The label is set at 17 points inside q…Q and the amount after the Q sets no font of its own.
    const cases: [string, string, string[]][] = [
      ['江苏省政协办公厅/2017年度部门预算公开表.pdf', '9,066.79', ['5,836.27', '3,123.68', '106.84']],
      ['江苏省政协办公厅/江苏省政协办公厅2019年预算公开表.pdf', '13,297.11', ['6,442.75', '4,968.34', '1,886.02']],
      ['江苏省委办公厅/江苏省委办公厅2017年预算公开表格.pdf', '20,702.25', ['9,964.07', '10,541.46', '196.72']],
    ];
    for (const [file, total, parts] of cases) {
      const table = tables(await read(readFileSync(join(jiangsu, file))))[3];
      assert.equal(table.loc.page, 4, file);
      assert.deepEqual(
        grid(table).slice(3),
        [
          `一、一般公共预算 | ${total} | 一、基本支出 | ${parts[0]}`,
          `二、政府性基金预算 |  | 二、项目支出 | ${parts[1]}`,
          ` |  | 三、单位预留机动经费 | ${parts[2]}`,
          `收入合计 | ${total} | 支出合计 | ${total}`,
        ],
        file,
      );
    }
  });

  test('江苏省人大办公厅 2017 (Word): a 收支预算总表 over three pages, rows cut by page breaks joined', sharedOnly, async () => {
    const out = await read(readFileSync(join(jiangsu, '江苏省人大办公厅', '江苏省人大办公厅2017年度预算公开.pdf')));
    assert.equal(out.pages, 31);
    const all = tables(out);
    assert.equal(all.length, 12);
    const summary = all[0];
    assert.deepEqual([summary.loc.page, summary.rows.at(-1)![0].loc.page], [7, 9]);
    assert.equal(summary.rows.length, 26);
    assert.equal(grid(summary)[3], '一、财政拨款 | 13,649.07 | 一、一般公共服务支出 | 10,528.33 | 一、基本支出 | 7,666.68');
    assert.equal(grid(summary)[10], ' |  | 八、社会保障和就业支出 | 1,608.51 |  | ');
    assert.equal(grid(summary)[20], ' |  | 十八、住房保障支出 | 1,512.23 |  | ');
    assert.equal(grid(summary)[23], '当年收入小计 | 13,649.07 | 当年支出小计 | 当年支出小计 | 当年支出小计 | 13,649.07');
    assert.equal(grid(summary)[25], '收入合计 | 13,649.07 | 支出合计 | 支出合计 | 支出合计 | 13,649.07');
    // 收入预算总表: the merged 财政专户管理资金 runs on over the page break onto its third row.
    const income = all[1];
    const rows = grid(income);
    assert.equal(rows.find((r) => r.includes('其他非税收入')), '财政专户管理资金 | 其他非税收入 | ');
    assert.deepEqual(out.warnings.map((w) => w.code), ['pdf-no-text-pages']);
    assert.match(out.warnings[0].message, /^第 31 页没有文字层/);
  });

  test('上海 万里街道 2023 (landscape, headers repeated on every page): a 70-row table over four pages', sharedOnly, async () => {
    const out = await read(readFileSync(join(CORPUS, 'shanghai-budget', '普陀区万里街道办事处2023年部门预算.pdf')));
    assert.equal(out.pages, 35);
    const all = tables(out);
    assert.equal(all.length, 14);
    const income = all[1];
    assert.equal(income.rows.length, 70);
    assert.deepEqual([income.loc.page, income.rows.at(-1)![0].loc.page], [11, 14]);
    assert.deepEqual(grid(income).slice(2, 5), [
      '类 | 款 | 项 | 功能分类科目名称 | 合计 | 财政拨款收入 | 事业收入 | 事业单位经营收入 | 其他收入',
      '201 |  |  | 一般公共服务支出 | 2,976,800 | 2,976,800 |  |  | ',
      '201 | 05 |  | 统计信息事务 | 627,600 | 627,600 |  |  | ',
    ]);
    assert.equal(grid(income).filter((r) => r.startsWith('类 | 款 | 项')).length, 1, 'the repeated header is dropped');
    assert.equal(grid(income)[69], '合计 | 合计 | 合计 | 合计 | 164,978,640 | 164,978,640 |  |  | ');
    assert.equal(grid(income).find((r) => r.startsWith('221 | 02 | 01')), '221 | 02 | 01 | 住房公积金 | 3,526,694 | 3,526,694 |  |  | ');
    // Project forms that each stop half-way down their page are not one table.
    const forms = all.filter((t) => t.rows.some((r) => r[0].text === '项目名称'));
    assert.deepEqual(forms.map((t) => t.loc.page), [31, 32, 33, 34, 35]);
    assert.deepEqual(forms.map((t) => t.rows.find((r) => r[0].text === '项目名称')![2].text), [
      '新建万里街道社区公共服务中心',
      '就业援助基地补贴',
      '社区环境整治和建设经费',
      '各类工作经费',
      '公共服务设施运行经费',
    ]);
  });

  test('the text read from operator lists is the text pdf.js extracts, page by page', sharedOnly, async () => {
    // A Word export: prose and tables, fonts with TJ spacing; pages of both kinds.
    const file = join(jiangsu, '江苏省人民检察院', '2018年省检察院部门预算公开.pdf');
    const doc = await openPdf(readFileSync(file), file);
    try {
      const count = (s: string) => {
        const m = new Map<string, number>();
        for (const ch of s.replace(/\s/g, '')) m.set(ch, (m.get(ch) ?? 0) + 1);
        return m;
      };
      let chars = 0;
      for (let p = 10; p <= 16; p++) {
        const page = await doc.getPage(p);
        const items = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('');
        const text = [...items].map(glyphText).join('');
        const ours = (await readPageContent(page, p)).chars.map((c) => c.c).join('');
        chars += ours.length;
        assert.deepEqual(count(ours), count(text), `page ${p}`);
      }
      assert.ok(chars > 3000, `read ${chars} chars`);
    } finally {
      await doc.destroy();
    }
  });
});
