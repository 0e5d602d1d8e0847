import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import JSZip from 'jszip';
import { ReadError, squash, type Block, type Cell, type Paragraph, type Table } from '../../src/read/doc.js';
import { readDocx } from '../../src/read/docx/read.js';
import { readDocument } from '../../src/read/index.js';
import type { ReaderOutput } from '../../src/read/reader.js';
import { budgetDocx, packParts, rawDocx, x } from '../fixtures/docx/build.js';
import { SEED, seed, sharedOnly } from '../helpers/shared.js';

const tables = (out: ReaderOutput): Table[] => out.blocks.filter((b): b is Table => b.type === 'table');
const paragraphs = (out: ReaderOutput): string[] =>
  out.blocks.filter((b): b is Paragraph => b.type === 'paragraph').map((b) => b.text);
const texts = (cells: Cell[]): string[] => cells.map((c) => c.text);
const grid = (t: Table): string[][] => t.rows.map(texts);
/** Merge marks of a row: `o` plain origin, `o2x1` origin spanning 2 columns × 1 row, `r,c` copy of (r,c). */
const marks = (cells: Cell[]): string[] =>
  cells.map((c) =>
    c.mergedFrom ? `${c.mergedFrom.row},${c.mergedFrom.col}` : c.colSpan || c.rowSpan ? `o${c.colSpan ?? 1}x${c.rowSpan ?? 1}` : 'o',
  );

async function readRaw(body: string): Promise<ReaderOutput> {
  return readDocx(await rawDocx(body), 'raw.docx');
}

/** What every reader output must satisfy, whatever the document. */
function assertWellFormed(out: ReaderOutput): void {
  let tableIndex = 0;
  out.blocks.forEach((b: Block, i) => {
    assert.equal(b.loc.block, i, `block ${i} carries its index`);
    if (b.type === 'paragraph') {
      assert.notEqual(b.text.trim(), '', `paragraph ${i} is not empty`);
      return;
    }
    assert.equal(b.loc.table, tableIndex++);
    const width = b.rows[0].length;
    b.rows.forEach((row, r) => {
      assert.equal(row.length, width, `table ${b.loc.table} row ${r} has the grid width`);
      row.forEach((c, col) => {
        assert.deepEqual(c.loc, { block: i, table: b.loc.table, row: r, col });
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

async function assertReadError(bytes: Buffer, expected: RegExp): Promise<void> {
  await assert.rejects(readDocx(bytes, 'bad.docx'), (e: unknown) => {
    assert.ok(e instanceof ReadError, `a ReadError, not ${String(e)}`);
    assert.equal(e.file, 'bad.docx');
    assert.match(e.message, expected);
    assert.doesNotMatch(e.message, /\n/, 'one line');
    return true;
  });
}

describe('docx reader: a budget written by the docx library', async () => {
  const out = await readDocx(await budgetDocx(), 'budget.docx');

  test('blocks come in document order; the empty paragraph is dropped', () => {
    assert.deepEqual(
      out.blocks.map((b) => b.type),
      ['paragraph', 'paragraph', 'paragraph', 'table', 'paragraph', 'table', 'paragraph', 'table', 'paragraph'],
    );
    assert.deepEqual(paragraphs(out), [
      '青禾县数据服务中心2031年部门预算公开说明',
      '一、收入说明\t合计 128.50 万元\n其中：一般公共预算拨款 120.00 万元',
      '部门收支总表',
      '政府采购预算表',
      '基本支出表',
      '注：本表金额单位为万元。',
    ]);
    assert.deepEqual(out.warnings, []);
    assertWellFormed(out);
  });

  test('plain rows and horizontal merges (gridSpan) of the 收支总表', () => {
    const t = tables(out)[0];
    assert.deepEqual(t.loc, { block: 3, table: 0 });
    assert.deepEqual(grid(t), [
      ['单位：万元', '单位：万元', '单位：万元', '单位：万元'],
      ['收入', '收入', '支出', '支出'],
      ['项目', '预算数', '项目', '预算数'],
      ['一、一般公共预算拨款收入', '120.00', '一、一般公共服务支出', '96.40'],
      ['二、其他收入', '8.50', '二、卫生健康支出', '32.10'],
    ]);
    assert.deepEqual(marks(t.rows[0]), ['o4x1', '0,0', '0,0', '0,0']);
    assert.deepEqual(marks(t.rows[1]), ['o2x1', '1,0', 'o2x1', '1,2']);
    assert.deepEqual(marks(t.rows[3]), ['o', 'o', 'o', 'o']);
    assert.deepEqual(t.rows[1][3], { text: '支出', loc: { block: 3, table: 0, row: 1, col: 3 }, mergedFrom: { row: 1, col: 2 } });
  });

  test('vertical merge (vMerge restart/continue) and a cell of two paragraphs in the 政府采购 table', () => {
    const t = tables(out)[1];
    assert.deepEqual(grid(t), [
      ['项目名称', '采购品目', '目录代码', '金额（元）'],
      ['办公设备更新', '台式计算机', 'A02010104', '36000.00'],
      ['办公设备更新', '激光打印机', 'A02010601', '4800.00'],
      ['数据平台运维\n（含备份服务）', '运行维护服务', 'C1602', '52000.00'],
    ]);
    assert.deepEqual(t.rows[1][0], { text: '办公设备更新', loc: { block: 5, table: 1, row: 1, col: 0 }, rowSpan: 2 });
    assert.deepEqual(t.rows[2][0].mergedFrom, { row: 1, col: 0 });
    assert.deepEqual(marks(t.rows[2]), ['1,0', 'o', 'o', 'o']);
  });

  test('a header merged across two rows and two columns in the 基本支出表', () => {
    const t = tables(out)[2];
    assert.deepEqual(grid(t), [
      ['经济分类科目', '经济分类科目', '合计', '其中', '其中'],
      ['经济分类科目', '经济分类科目', '合计', '人员经费', '公用经费'],
      ['30101', '基本工资', '41.20', '41.20', ''],
      ['30201', '办公费', '6.35', '', '6.35'],
    ]);
    assert.deepEqual(marks(t.rows[0]), ['o2x2', '0,0', 'o1x2', 'o2x1', '0,3']);
    assert.deepEqual(marks(t.rows[1]), ['0,0', '0,0', '0,2', 'o', 'o']);
  });
});

describe('docx reader: table grids written by hand', () => {
  test('gridBefore, gridAfter and a short row are padded to the grid width', async () => {
    const out = await readRaw(
      x.tbl(
        4,
        x.tr(x.tc('栏次') + x.tc('1') + x.tc('2'), '<w:gridBefore w:val="1"/>') +
          x.tr(x.tc('合计') + x.tc('88.00') + x.tc('80.00') + x.tc('8.00')) +
          x.tr(x.tc('小计') + x.tc('10.00'), '<w:gridAfter w:val="2"/>') +
          x.tr(x.tc('备注')),
      ),
    );
    const t = tables(out)[0];
    assert.deepEqual(grid(t), [
      ['', '栏次', '1', '2'],
      ['合计', '88.00', '80.00', '8.00'],
      ['小计', '10.00', '', ''],
      ['备注', '', '', ''],
    ]);
    assert.ok(t.rows.flat().every((c) => !c.mergedFrom && !c.colSpan && !c.rowSpan), 'padding is not a merge');
    assertWellFormed(out);
  });

  test('a row wider than tblGrid widens the table', async () => {
    const out = await readRaw(x.tbl(2, x.tr(x.tc('甲') + x.tc('乙') + x.tc('丙')) + x.tr(x.tc('丁'))));
    assert.deepEqual(grid(tables(out)[0]), [['甲', '乙', '丙'], ['丁', '', '']]);
  });

  test('vMerge over three rows with gridSpan, next to gridBefore', async () => {
    const out = await readRaw(
      x.tbl(
        4,
        x.tr(x.tc('项目', '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>') + x.tc('上年') + x.tc('本年')) +
          x.tr(x.tc('', '<w:gridSpan w:val="2"/><w:vMerge/>') + x.tc('5.00') + x.tc('6.00')) +
          x.tr(x.tc('', '<w:gridSpan w:val="2"/><w:vMerge w:val="continue"/>') + x.tc('7.00') + x.tc('8.00')) +
          x.tr(x.tc('说明') + x.tc('无', '<w:gridSpan w:val="2"/>'), '<w:gridBefore w:val="1"/>'),
      ),
    );
    const t = tables(out)[0];
    assert.deepEqual(grid(t), [
      ['项目', '项目', '上年', '本年'],
      ['项目', '项目', '5.00', '6.00'],
      ['项目', '项目', '7.00', '8.00'],
      ['', '说明', '无', '无'],
    ]);
    assert.deepEqual(marks(t.rows[0]), ['o2x3', '0,0', 'o', 'o']);
    assert.deepEqual(marks(t.rows[2]), ['0,0', '0,0', 'o', 'o']);
    assert.deepEqual(marks(t.rows[3]), ['o', 'o', 'o2x1', '3,2']);
    assertWellFormed(out);
  });

  test('a vMerge continuation with nothing merged above starts its own cell', async () => {
    const out = await readRaw(x.tbl(2, x.tr(x.tc('甲') + x.tc('乙')) + x.tr(x.tc('丙', '<w:vMerge/>') + x.tc('丁'))));
    const t = tables(out)[0];
    assert.deepEqual(grid(t), [['甲', '乙'], ['丙', '丁']]);
    assert.deepEqual(marks(t.rows[1]), ['o', 'o']);
  });

  test('legacy hMerge joins cells like gridSpan', async () => {
    const out = await readRaw(
      x.tbl(3, x.tr(x.tc('合并标题', '<w:hMerge w:val="restart"/>') + x.tc('', '<w:hMerge/>') + x.tc('丙'))),
    );
    const t = tables(out)[0];
    assert.deepEqual(grid(t), [['合并标题', '合并标题', '丙']]);
    assert.deepEqual(marks(t.rows[0]), ['o2x1', '0,0', 'o']);
  });

  test('rows and cells inside content controls and custom XML; a deleted row is left out', async () => {
    const out = await readRaw(
      x.tbl(
        2,
        `<w:sdt><w:sdtPr/><w:sdtContent>${x.tr(x.tc('甲') + `<w:customXml>${x.tc('乙')}</w:customXml>`)}</w:sdtContent></w:sdt>` +
          x.tr(x.tc('已删') + x.tc('行'), '<w:del w:id="1" w:author="a"/>') +
          x.tr(`<w:sdt><w:sdtContent>${x.tc('丙')}</w:sdtContent></w:sdt>` + x.tc('丁')),
      ),
    );
    assert.deepEqual(grid(tables(out)[0]), [['甲', '乙'], ['丙', '丁']]);
  });

  test('a nested table is flattened into its cell: rows by newline, cells by tab', async () => {
    const nested = x.tbl(2, x.tr(x.tc('A1') + x.tc('B1')) + x.tr(x.tc('A2') + x.tc('B2')));
    const out = await readRaw(x.tbl(2, x.tr(`<w:tc>${x.p('上')}${nested}${x.p('下')}</w:tc>` + x.tc('旁'))));
    assert.equal(tables(out).length, 1, 'the nested table is no table of its own');
    assert.deepEqual(grid(tables(out)[0]), [['上\nA1\tB1\nA2\tB2\n下', '旁']]);
  });

  test('a table without rows is dropped; block and table indices stay consecutive', async () => {
    const out = await readRaw(x.p('前') + '<w:tbl><w:tblPr/><w:tblGrid/></w:tbl>' + x.tbl(1, x.tr(x.tc('甲'))) + x.p('后'));
    assert.deepEqual(
      out.blocks.map((b) => b.type),
      ['paragraph', 'table', 'paragraph'],
    );
    assert.deepEqual(tables(out)[0].loc, { block: 1, table: 0 });
    assertWellFormed(out);
  });
});

describe('docx reader: text of paragraphs written by hand', () => {
  test('tabs, breaks, carriage returns, non-breaking hyphens and preserved spaces', async () => {
    const out = await readRaw(
      '<w:p><w:r><w:t xml:space="preserve">项  目</w:t><w:tab/><w:t>1</w:t><w:br/><w:t>2</w:t><w:cr/>' +
        '<w:t>3</w:t><w:noBreakHyphen/><w:t>4</w:t><w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/><w:t>5</w:t></w:r></w:p>',
    );
    assert.deepEqual(paragraphs(out), ['项  目\t1\n2\n3-4\t5']);
  });

  test('tracked changes read as accepted: deletions and moved-away text skipped, insertions kept', async () => {
    const out = await readRaw(
      '<w:p><w:r><w:t>支出</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>238.42</w:delText></w:r></w:del>' +
        '<w:ins w:id="2" w:author="a"><w:r><w:t>248.42</w:t></w:r></w:ins>' +
        '<w:moveFrom w:id="3" w:author="a"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom>' +
        '<w:moveTo w:id="4" w:author="a"><w:r><w:t>万元</w:t></w:r></w:moveTo></w:p>',
    );
    assert.deepEqual(paragraphs(out), ['支出248.42万元']);
  });

  test('fields show their result, not their instruction, even across paragraphs', async () => {
    const out = await readRaw(
      '<w:p><w:r><w:t>第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>' +
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
        '<w:r><w:t>页</w:t></w:r></w:p>' +
        '<w:p><w:fldSimple w:instr=" DATE "><w:r><w:t>2031年1月</w:t></w:r></w:fldSimple></w:p>' +
        // A table of contents: the field opens in one paragraph and closes in a later one.
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:t>TOC \\o "1-3"</w:t></w:r>' +
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>一、收入说明</w:t></w:r></w:p>' +
        '<w:p><w:r><w:t>二、支出说明</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
    );
    assert.deepEqual(paragraphs(out), ['第7页', '2031年1月', '一、收入说明', '二、支出说明']);
  });

  test('hyperlinks, smart tags, content controls, custom XML and math keep their text', async () => {
    const out = await readRaw(
      '<w:p><w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<w:r><w:t>公开网址</w:t></w:r></w:hyperlink><w:smartTag w:uri="u" w:element="e"><w:r><w:t>，</w:t></w:r></w:smartTag>' +
        '<w:sdt><w:sdtPr><w:alias w:val="不显示"/><w:text/></w:sdtPr><w:sdtContent><w:r><w:t>控件文字</w:t></w:r></w:sdtContent></w:sdt>' +
        '<m:oMath><m:r><m:t>x=1</m:t></m:r></m:oMath></w:p>' +
        '<w:sdt><w:sdtPr/><w:sdtContent>' + x.p('块级控件') + '</w:sdtContent></w:sdt>' +
        '<w:customXml w:element="para">' + x.p('自定义XML') + '</w:customXml>',
    );
    assert.deepEqual(paragraphs(out), ['公开网址，控件文字x=1', '块级控件', '自定义XML']);
  });

  test('entities and character references are decoded', async () => {
    const out = await readRaw(x.p('A&amp;B &lt;1&gt; &#x4E00;&#19968; &quot;引&apos;'));
    assert.deepEqual(paragraphs(out), [`A&B <1> 一一 "引'`]);
  });

  test('a text box (choice and fallback of the same box) reads once, after its paragraph', async () => {
    const box = (t: string) => `<w:txbxContent>${x.p(t)}</w:txbxContent>`;
    const out = await readRaw(
      '<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent>' +
        `<mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>${box('框内标题')}</wps:txbx></wps:wsp></w:drawing></mc:Choice>` +
        `<mc:Fallback><w:pict><v:shape><v:textbox>${box('框内标题')}</v:textbox></v:shape></w:pict></mc:Fallback>` +
        '</mc:AlternateContent></w:r></w:p>' +
        x.tbl(1, x.tr(`<w:tc><w:p><w:r><w:pict><v:shape><v:textbox>${box('格内框')}</v:textbox></v:shape></w:pict></w:r></w:p></w:tc>`)),
    );
    assert.deepEqual(paragraphs(out), ['正文', '框内标题']);
    assert.deepEqual(grid(tables(out)[0]), [['格内框']]);
    assertWellFormed(out);
  });

  test('whitespace-only paragraphs are dropped; empty cell paragraphs do not add newlines', async () => {
    const out = await readRaw(
      x.p('甲') + x.p('　 ') + '<w:p/>' + x.tbl(1, x.tr(`<w:tc><w:p/>${x.p('乙')}<w:p/></w:tc>`)) + x.p('丙'),
    );
    assert.deepEqual(paragraphs(out), ['甲', '丙']);
    assert.deepEqual(grid(tables(out)[0]), [['乙']]);
    assertWellFormed(out);
  });

  test('embedded objects and altChunks are reported as warnings, once per kind with a count', async () => {
    const obj = '<w:r><w:object><v:shape/></w:object></w:r>';
    const out = await readRaw(x.p('甲') + `<w:p>${obj}</w:p>` + x.p('乙') + `<w:p>${obj}</w:p>` + '<w:altChunk r:id="rId5" xmlns:r="r"/>');
    assert.deepEqual(out.warnings, [
      { code: 'docx-embedded-object', message: '文档中有 2 个嵌入对象（如 Excel 表格或公式），其内容未读取', loc: { block: 1 } },
      { code: 'docx-altchunk', message: '文档中有 1 处以外部内容块（altChunk）嵌入的内容，未读取' },
    ]);
  });
});

describe('docx reader: packages', () => {
  test('another namespace prefix and a main part named by the package relationships', async () => {
    const body = '<ns0:p><ns0:r><ns0:t>前缀不同</ns0:t></ns0:r></ns0:p>' +
      '<ns0:tbl><ns0:tblGrid><ns0:gridCol/><ns0:gridCol/></ns0:tblGrid><ns0:tr><ns0:tc><ns0:tcPr><ns0:gridSpan ns0:val="2"/></ns0:tcPr>' +
      '<ns0:p><ns0:r><ns0:t>跨两列</ns0:t></ns0:r></ns0:p></ns0:tc></ns0:tr></ns0:tbl>';
    const out = await readDocx(await rawDocx(body, { prefix: 'ns0', mainPart: 'word/main.xml' }), 'ns0.docx');
    assert.deepEqual(paragraphs(out), ['前缀不同']);
    assert.deepEqual(grid(tables(out)[0]), [['跨两列', '跨两列']]);
  });

  test('a UTF-16 main part is decoded', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-16"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${x.p('十六位编码')}</w:body></w:document>`;
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
    const zip = new JSZip();
    zip.file('word/document.xml', bytes);
    const out = await readDocx(await zip.generateAsync({ type: 'nodebuffer' }), 'utf16.docx');
    assert.deepEqual(paragraphs(out), ['十六位编码']);
  });

  test('readDocument dispatches a .docx to this reader', async () => {
    const doc = await readDocument(await budgetDocx(), 'budget.docx');
    assert.equal(doc.source.format, 'docx');
    assert.equal(doc.blocks.length, 9);
  });
});

describe('docx reader: bad input gives a one-line ReadError', () => {
  test('a truncated file', async () => {
    const bytes = await budgetDocx();
    await assertReadError(bytes.subarray(0, Math.floor(bytes.length / 2)), /^Word 文件已损坏或不完整（无法解压）$/);
  });

  test('not a zip at all, or an old binary .doc', async () => {
    await assertReadError(Buffer.from('这不是 Word 文件'), /不是 Word（\.docx）文件/);
    await assertReadError(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /旧版 Word（\.doc）或加密/);
  });

  test('a zip without word/document.xml', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', '空');
    await assertReadError(await zip.generateAsync({ type: 'nodebuffer' }), /没有正文部分 word\/document\.xml/);
  });

  test('malformed XML in the main part', async () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const cases: Array<[string, RegExp]> = [
      [`<w:document ${W}><w:body><w:p><w:r><w:t>半截`, /正文 XML 格式错误.*没有结束/],
      [`<w:document ${W}><w:body><w:p></w:body></w:document>`, /正文 XML 格式错误.*不匹配/],
      [`<w:document ${W}><w:body><w:p w:x="1></w:p></w:body></w:document>`, /正文 XML 格式错误/],
      [`<w:document ${W}><w:body>${x.p('A & B')}</w:body></w:document>`, /正文 XML 格式错误.*& 字符/],
      [`<!DOCTYPE d [<!ENTITY e "x">]><w:document ${W}/>`, /正文 XML 格式错误.*DOCTYPE/],
      [`<w:document ${W}><w:body>${'<w:customXml>'.repeat(3000)}${'</w:customXml>'.repeat(3000)}</w:body></w:document>`, /^超出嵌套层数上限 500：Word 正文的 XML 元素嵌套超过 500 层/],
    ];
    for (const [xml, expected] of cases) await assertReadError(await packParts({ 'word/document.xml': xml }), expected);
  });

  test('a main part that is not a Word document', async () => {
    await assertReadError(await packParts({ 'word/document.xml': '<html><body/></html>' }), /根元素是 <html>/);
  });

  test('a damaged stored part fails its checksum instead of reading wrong figures', async () => {
    const bytes = await rawDocx(x.p('合计 302.27 万元'), { store: true });
    const at = bytes.indexOf('302.27');
    assert.ok(at > 0);
    const damaged = Buffer.from(bytes);
    damaged[at + 2] = '3'.charCodeAt(0);
    await assertReadError(damaged, /校验和不符/);
  });
});

describe('docx reader: the real seeds', () => {
  const read = (id: string): Promise<ReaderOutput> => readDocx(readFileSync(seed(`${id}.docx`)), `${id}.docx`);

  test('002 鹿泉: 收支总表 and 基本支出表 rows, 17 tables', sharedOnly, async () => {
    const out = await read(SEED.luquan);
    assertWellFormed(out);
    const ts = tables(out);
    assert.equal(ts.length, 17);
    assert.deepEqual(out.blocks[0], { type: 'paragraph', text: '部门预算收支总表', loc: { block: 0 } });

    const total = ts[0];
    assert.equal(total.rows.length, 37);
    assert.deepEqual(texts(total.rows[4]), ['1', '一、一般公共预算拨款收入', '302.27', '一、一般公共服务支出', '240.05']);
    assert.deepEqual(texts(total.rows[2]), ['', '项  目', '预算数', '项  目', '预算数']);
    assert.deepEqual(texts(total.rows[36]), ['33', '收入总计', '302.27', '支出总计', '302.27']);
    assert.deepEqual(marks(total.rows[1]), ['o', 'o', 'o3x1', '1,2', '1,2']);

    const basic = ts[5];
    assert.equal((out.blocks[basic.loc.block - 1] as Paragraph).text, '部门预算一般公共预算财政拨款基本支出表');
    const r30199 = basic.rows.findIndex((r) => r[1].text === '30199');
    assert.deepEqual(texts(basic.rows[r30199]), ['12', '30199', '其他工资福利支出', '44.72', '44.72', '']);
    assert.deepEqual(basic.rows[r30199][3].loc, { block: 11, table: 5, row: r30199, col: 3 });
  });

  test('000 徐水: 三公 table and 政府采购 table with its merged header', sharedOnly, async () => {
    const out = await read(SEED.xushui);
    assertWellFormed(out);
    const ts = tables(out);
    assert.equal(ts.length, 7);

    assert.deepEqual(grid(ts[2]), [
      ['', '', '', '', '单位：万元'],
      ['项目名称', '2021年度预算', '2022年度预算', '增减金额', '变化原因'],
      ['因公出国经费', '0', '0', '0', '无增减变化'],
      ['公务用车购置经费', '0', '0', '0', '无增减变化'],
      ['公务用车运行经费', '3', '2.43', '-0.57', '部门业务调整'],
      ['公务接待费支出', '0.6', '0', '-0.6', '部门业务调整'],
      ['合计', '3.6', '2.43', '-1.17', '部门业务调整'],
    ]);

    const buy = ts[5];
    assert.equal(buy.rows.length, 6);
    assert.equal(buy.rows[0].length, 13);
    const header = buy.rows[1];
    assert.equal(header[6].text, '政府采购金额（当年部门预算安排资金）');
    assert.equal(header[6].colSpan, 7);
    assert.ok(header.slice(7).every((c) => c.mergedFrom?.row === 1 && c.mergedFrom.col === 6));
    assert.deepEqual(texts(buy.rows[2]).slice(7), ['合计', '一般公共预算拨款', '基金预算拨款', '国有资本经营预算拨款', '财政专户核拨', '单位资金']);
    assert.deepEqual(texts(buy.rows[5]), [
      '电子政务网组建与维护费', '459928.00', '计算机设备和软件租赁服务', 'C0401', '元', '1', '459928.00',
      '459928.00', '459928.00', '', '', '', '',
    ]);
  });

  test('001 栾城: project performance-goal tables', sharedOnly, async () => {
    const out = await read(SEED.luancheng);
    assertWellFormed(out);
    const ts = tables(out);
    assert.equal(ts.length, 12);
    const goals = ts.filter((t) => t.rows[1]?.[0].text === '一级指标');
    assert.equal(goals.length, 9);
    for (const t of goals) {
      assert.deepEqual(texts(t.rows[1]), ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据']);
      assert.equal(t.rows[0][0].text, '绩效目标');
      assert.equal(t.rows[0][1].colSpan, 5);
    }
    assert.equal(ts[2].rows[0][1].text, '1、准确把握网信工作面临的新形势新任务.\n2、全面提高网络综合治理能力');
    assert.deepEqual(texts(ts[2].rows[2]), ['产出指标', '数量指标', '培训次数', '对全区网络文明志愿者进行培训的次数', '≥10', '']);
    assert.deepEqual(marks(ts[11].rows[1]), ['o', 'o2x1', '1,1']);
    assert.deepEqual(texts(ts[11].rows[3]), ['资产总额', '——', '9.3342']);
  });

  test('004 元氏: self-evaluation tables merged by gridSpan', sharedOnly, async () => {
    const out = await read(SEED.yuanshi);
    assertWellFormed(out);
    const ts = tables(out);
    assert.equal(ts.length, 6);
    const selfEval = ts.slice(1);
    assert.ok(selfEval.every((t) => t.rows[0].length === 9 && t.rows[0][0].text === '一、基本情况'));

    const party = ts[1];
    assert.deepEqual(texts(party.rows[0]).slice(0, 5), ['一、基本情况', '项目名称', '党建活动经费', '实施(主管)单位', '中共元氏县委网络安全和信息化委员会办公室']);
    assert.deepEqual(marks(party.rows[0]), ['o', 'o', 'o', 'o', 'o', 'o', 'o', 'o2x1', '0,7']);
    assert.equal(party.rows[2][0].text, '预算数：\t0.5\t到位数：\t0.5\t执行数：\t0.5\t100');
    assert.deepEqual(texts(party.rows[7]), ['满意度指标（10分）', '满意度指标', '指标 1：党员满意度', '≥95%', '100%', '10', '', '', '']);

    const security = ts[2];
    assert.equal(security.rows[2][1].colSpan, 8);
    assert.equal(security.rows[2][1].text, '其中：财政资金\t30\t其中：财政资金\t30\t其中：财政资金\t29.99');
    assert.deepEqual(texts(security.rows[9]), ['总分', '', '', '', '', '', '100', '', '']);
  });

  test('every paragraph of every seed is found in the seed .txt', sharedOnly, async () => {
    for (const id of Object.values(SEED)) {
      const txt = squash(readFileSync(seed(`${id}.txt`), 'utf8'));
      const out = await read(id);
      for (const p of paragraphs(out)) assert.ok(txt.includes(squash(p)), `${id}: ${p.slice(0, 40)}`);
    }
  });

  test('the first half of a seed gives a ReadError', sharedOnly, async () => {
    const bytes = readFileSync(seed(`${SEED.luquan}.docx`));
    await assertReadError(bytes.subarray(0, bytes.length >> 1), /^Word 文件已损坏或不完整（无法解压）$/);
  });
});
