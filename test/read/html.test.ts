import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import iconv from 'iconv-lite';
import mammoth from 'mammoth';
import { isTable, type Block, type Doc, type Paragraph, type Table } from '../../src/read/doc.js';
import { readHtml } from '../../src/read/html/read.js';
import { declaredCharset, decodeHtml } from '../../src/read/html/decode.js';
import { readDocument } from '../../src/read/index.js';
import { ROOT, SEED, seed, sharedOnly } from '../helpers/shared.js';

const FIXTURES = join(ROOT, 'test/fixtures/html');
const texts = (t: Table) => t.rows.map((r) => r.map((c) => c.text));
const tablesOf = (blocks: Block[]) => blocks.filter(isTable);
const paragraphTexts = (blocks: Block[]) => blocks.filter((b): b is Paragraph => b.type === 'paragraph').map((p) => p.text);
const page = (body: string, head = '<meta charset="utf-8">') =>
  `<!DOCTYPE html>\n<html><head>${head}<title>测试页</title></head><body>\n${body}\n</body></html>\n`;
const read = (html: string) => readHtml(Buffer.from(html, 'utf8'), 'page.html');

describe('html: a department budget page in the layout of a government site', () => {
  let utf8: Buffer;
  let doc: Doc;
  before(async () => {
    utf8 = await readFile(join(FIXTURES, 'department-budget.html'));
    doc = await readDocument(utf8, 'department-budget.html');
  });

  test('title and 说明 paragraphs in order; nav, menus, scripts, styles and footer left out', () => {
    assert.equal(doc.source.format, 'html');
    assert.deepEqual(doc.warnings, []);
    assert.deepEqual(paragraphTexts(doc.blocks), [
      '清溪区人民政府门户网站',
      '当前位置：首页 > 政务公开 > 财政预决算',
      '清溪区文化和旅游局2025年部门预算公开说明',
      '发布日期：2025-02-10 来源：区文化和旅游局',
      '一、部门主要职责',
      '清溪区文化和旅游局负责全区公共文化服务体系建设、文物保护和旅游市场管理。',
      '二、部门预算安排的总体情况',
      '2025年部门收入预算合计1,286.40万元，其中：一般公共预算拨款1,150.20万元，事业收入136.20万元。',
      '支出预算合计1,286.40万元，其中：基本支出842.75万元，项目支出443.65万元。',
      '2025年部门收支总表',
      '单位：万元',
      '三、一般公共预算支出情况',
      '注：本表不含上年结转结余。',
      '三、“三公”经费预算情况说明',
      '2025年“三公”经费预算数为6.80万元，其中：公务接待费2.30万元，公务用车运行费4.50万元。',
    ]);
  });

  test('the layout table is read through: the two data tables come out as blocks of their own', () => {
    assert.deepEqual(
      doc.blocks.map((b) => b.type[0]).join(''),
      'ppppppppppp' + 'tpt' + 'ppp',
    );
    const [summary, spending] = tablesOf(doc.blocks);
    assert.deepEqual(summary.loc, { block: 11, table: 0, line: 33 });
    assert.deepEqual(spending.loc, { block: 13, table: 1, line: 43 });
  });

  test('收支总表: merged headers resolved, &nbsp; cells empty, amounts as printed', () => {
    const [summary] = tablesOf(doc.blocks);
    assert.deepEqual(texts(summary), [
      ['收 入', '收 入', '支 出', '支 出', '支 出', '支 出'],
      ['项目', '预算数', '项目', '合计', '其中', '其中'],
      ['项目', '预算数', '项目', '合计', '基本支出', '项目支出'],
      ['一、一般公共预算拨款', '1,150.20', '文化旅游体育与传媒支出', '1,102.63', '721.98', '380.65'],
      ['二、事业收入', '136.20', '社会保障和就业支出', '120.47', '120.47', ''],
      ['', '', '住房保障支出', '63.30', '0.30', '63.00'],
      ['收入总计', '1,286.40', '支出总计', '1,286.40', '842.75', '443.65'],
    ]);
    const [r0, r1, r2] = summary.rows;
    assert.equal(r0[0].colSpan, 2);
    assert.equal(r0[2].colSpan, 4);
    assert.deepEqual(r0[5].mergedFrom, { row: 0, col: 2 });
    assert.equal(r1[0].rowSpan, 2);
    assert.equal(r1[4].colSpan, 2);
    assert.deepEqual(r2[3].mergedFrom, { row: 1, col: 3 });
    assert.equal(r2[4].mergedFrom, undefined);
    assert.deepEqual(summary.rows[6][1].loc, { block: 11, table: 0, row: 6, col: 1, line: 40 });
  });

  test('支出表: codes and amounts, <br> in header cells, Word-style <p> cells, hidden row skipped', () => {
    const [, spending] = tablesOf(doc.blocks);
    assert.deepEqual(texts(spending), [
      ['科目编码', '科目名称', '2025年预算数', '2025年预算数', '2025年预算数'],
      ['科目编码', '科目名称', '合计', '基本\n支出', '项目\n支出'],
      ['207', '文化旅游体育与传媒支出', '1,102.63', '721.98', '380.65'],
      ['20701', '文化和旅游', '1,102.63', '721.98', '380.65'],
      ['2070101', '行政运行', '721.98', '721.98', ''],
      ['2070109', '群众文化', '380.65', '', '380.65'],
      ['合 计', '合 计', '1,102.63', '721.98', '380.65'],
    ]);
    assert.equal(spending.rows[0][0].rowSpan, 2);
    assert.equal(spending.rows[6][0].colSpan, 2);
    assert.deepEqual(spending.rows[6][1].mergedFrom, { row: 6, col: 0 });
  });

  test('paragraph lines are source lines', () => {
    const lines = doc.blocks.filter((b) => b.type === 'paragraph').map((b) => b.loc.line);
    assert.deepEqual(lines, [13, 17, 24, 25, 27, 28, 29, 30, 30, 31, 32, 42, 57, 58, 59]);
  });

  test('the same page encoded as GBK, declared gb2312, reads identically', async () => {
    const source = utf8.toString('utf8').replace('charset=utf-8', 'charset=gb2312');
    const gbk = iconv.encode(source, 'gbk');
    assert.notDeepEqual(gbk, Buffer.from(source, 'utf8'));
    const out = await readHtml(gbk, 'gbk.html');
    assert.deepEqual(out.warnings, []);
    assert.deepEqual(out.blocks, doc.blocks);
  });

  test('the same page in GBK with no charset declared falls back to GB18030', async () => {
    const source = utf8.toString('utf8').replace(/<meta http-equiv[^>]*>/, '<meta name="keywords" content="预算">');
    const out = await readHtml(iconv.encode(source, 'gbk'), 'gbk.html');
    assert.deepEqual(out.warnings, []);
    assert.deepEqual(paragraphTexts(out.blocks), paragraphTexts(doc.blocks));
    assert.deepEqual(tablesOf(out.blocks).map(texts), tablesOf(doc.blocks).map(texts));
  });
});

describe('html: encodings', () => {
  const body = '<p>部门预算支出合计１２.５万元</p>';

  test('a page declared utf-8 but saved as GBK is decoded as GB18030, with a warning', async () => {
    const out = await readHtml(iconv.encode(page(body), 'gbk'), 'wrong.html');
    assert.deepEqual(paragraphTexts(out.blocks), ['部门预算支出合计１２.５万元']);
    assert.deepEqual(out.warnings, [
      { code: 'html-charset', message: '网页声明编码为 utf-8，但内容不是有效的 UTF-8，已按 GB18030 解码' },
    ]);
  });

  test('a page declared gbk but saved as UTF-8 is decoded as UTF-8, with a warning', async () => {
    const out = await read(page(body, '<meta http-equiv="Content-Type" content="text/html; charset=GBK">'));
    assert.deepEqual(paragraphTexts(out.blocks), ['部门预算支出合计１２.５万元']);
    assert.deepEqual(out.warnings, [
      { code: 'html-charset', message: '网页声明编码为 GBK，但内容是有效的 UTF-8，已按 UTF-8 解码' },
    ]);
  });

  test('a byte-order mark outranks the declaration', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page(body, '<meta charset="gb2312">'), 'utf8')]);
    const decoded = decodeHtml(bytes);
    assert.equal(decoded.encoding, 'utf-8');
    assert.equal(decoded.note, undefined);
    assert.ok(decoded.text.includes('部门预算支出合计'));
  });

  test('the declared charset is found in either <meta> form or the XML prologue', () => {
    assert.equal(declaredCharset(Buffer.from('<html><head><meta charset="GB2312"></head>')), 'GB2312');
    assert.equal(declaredCharset(Buffer.from('<meta content="text/html; charset=gbk" http-equiv="Content-Type">')), 'gbk');
    assert.equal(declaredCharset(Buffer.from('<?xml version="1.0" encoding="gb18030"?>\n<html>')), 'gb18030');
    assert.equal(declaredCharset(Buffer.from('<html><head><meta name="author" content="财政局"></head>')), undefined);
  });

  test('UTF-16 with a byte-order mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(page(body, ''), 'utf-16le')]);
    const out = await readHtml(bytes, 'u16.html');
    assert.deepEqual(paragraphTexts(out.blocks), ['部门预算支出合计１２.５万元']);
  });
});

describe('html: table grids', () => {
  test('rowspan and colspan placed by the HTML table model', async () => {
    const out = await read(
      page(`<table>
<tr><td rowspan="3">甲</td><td colspan="2">乙</td><td>丙</td></tr>
<tr><td>丁</td><td rowspan="2" colspan="2">戊</td></tr>
<tr><td>己</td></tr>
<tr><td colspan="4">庚</td></tr>
</table>`),
    );
    const [t] = tablesOf(out.blocks);
    assert.deepEqual(texts(t), [
      ['甲', '乙', '乙', '丙'],
      ['甲', '丁', '戊', '戊'],
      ['甲', '己', '戊', '戊'],
      ['庚', '庚', '庚', '庚'],
    ]);
    assert.equal(t.rows[0][0].rowSpan, 3);
    assert.deepEqual(t.rows[2][0].mergedFrom, { row: 0, col: 0 });
    assert.equal(t.rows[1][2].rowSpan, 2);
    assert.equal(t.rows[1][2].colSpan, 2);
    assert.deepEqual(t.rows[2][3].mergedFrom, { row: 1, col: 2 });
    assert.equal(t.rows[3][0].colSpan, 4);
    assert.ok(t.rows.every((r) => r.length === 4));
  });

  test('short rows padded, rowspan past the end clipped, rowspan="0" runs to the last row', async () => {
    const out = await read(
      page(`<table>
<tr><th>项目</th><th>金额</th><th>备注</th></tr>
<tr><td rowspan="0">其他</td><td>1.00</td></tr>
<tr><td>2.00</td><td rowspan="9">见说明</td></tr>
</table>`),
    );
    const [t] = tablesOf(out.blocks);
    assert.deepEqual(texts(t), [
      ['项目', '金额', '备注'],
      ['其他', '1.00', ''],
      ['其他', '2.00', '见说明'],
    ]);
    assert.equal(t.rows[1][0].rowSpan, 2);
    assert.equal(t.rows[2][2].rowSpan, undefined);
  });

  test('<caption> becomes the paragraph before its table; <br> and blocks in a cell become lines', async () => {
    const out = await read(
      page(`<table><caption>表一&nbsp;&nbsp;政府采购预算表</caption>
<tr><td>采购项目<br>名称</td><td><div>货物</div><div>服务</div></td></tr>
<tr><td>办公设备&amp;家具</td><td>&yen;12.50 &lt;万元&gt; &#x4E2D;&#20013;</td></tr>
</table>`),
    );
    assert.deepEqual(paragraphTexts(out.blocks), ['表一 政府采购预算表']);
    const [t] = tablesOf(out.blocks);
    assert.deepEqual(texts(t), [
      ['采购项目\n名称', '货物\n服务'],
      ['办公设备&家具', '¥12.50 <万元> 中中'],
    ]);
  });

  test('a table nested in a layout table is its own block; a one-cell frame is read as text', async () => {
    const out = await read(
      page(`<table><tr><td><p>甲单位概况</p><p>乙：内设机构三个</p></td></tr></table>
<table border="0"><tr>
  <td>左栏说明</td>
  <td><p>正文第一段</p>
    <table border="1"><tr><th>单位</th><th>人数</th></tr><tr><td>机关</td><td>12</td></tr></table>
    <p>正文第二段</p></td>
</tr></table>`),
    );
    assert.deepEqual(
      out.blocks.map((b) => (b.type === 'paragraph' ? b.text : texts(b))),
      ['甲单位概况', '乙：内设机构三个', '左栏说明', '正文第一段', [['单位', '人数'], ['机关', '12']], '正文第二段'],
    );
    assert.deepEqual(out.blocks[4].loc, { block: 4, table: 0, line: 7 });
  });
});

describe('html: text and noise', () => {
  test('scripts, styles, hidden elements, nav and menus give no text; <br> splits paragraphs', async () => {
    const out = await read(
      page(`<nav>首页 | 机构概况</nav>
<div id="topmenu"><a>首页</a></div>
<div role="navigation">栏目导航</div>
<noscript>请启用脚本</noscript>
<div style="display: none">隐藏内容</div>
<p hidden>不显示</p>
<script>document.write('广告')</script><style>p{color:red}</style>
<div>第一行<br>第二行<br/><br/>第三行 <span>接着</span><b>写</b></div>
<ul><li>条目一</li><li>条目二</li></ul>
<pre>  预 格式
第二行</pre>`),
    );
    assert.deepEqual(paragraphTexts(out.blocks), ['第一行', '第二行', '第三行 接着写', '条目一', '条目二', '预 格式', '第二行']);
    assert.deepEqual(
      out.blocks.map((b) => b.loc.line),
      [10, 10, 10, 11, 11, 12, 13],
    );
  });

  test('full-width indentation trimmed at the ends, kept inside; control characters dropped', async () => {
    const out = await read(page('<p>　　单位：　万元　</p><p>预算\u0001公开</p>'));
    assert.deepEqual(paragraphTexts(out.blocks), ['单位：　万元', '预算公开']);
  });

  test('a page without text gives no blocks and says so', async () => {
    const out = await read(page('<script>var a = 1;</script><img src="x.png">'));
    assert.deepEqual(out.blocks, []);
    assert.deepEqual(out.warnings, [{ code: 'html-empty', message: '网页中没有找到正文文字或表格' }]);
  });

  test('readDocument recognises an HTML page without an .html name', async () => {
    const doc = await readDocument(Buffer.from(page('<p>预算公开</p>'), 'utf8'), 'download');
    assert.equal(doc.source.format, 'html');
    assert.deepEqual(paragraphTexts(doc.blocks), ['预算公开']);
  });
});

describe('html: a real disclosure pasted into a web page', () => {
  // Site editors paste the Word document into the CMS; mammoth renders the seed the same way
  // (paragraphs, tables with colspan/rowspan). Saved as GBK, as many county sites still do.
  test('徐水 seed as a gb2312 page: paragraphs, six tables, 三公 and 固定资产 tables exact', sharedOnly, async () => {
    const { value } = await mammoth.convertToHtml({ path: seed(`${SEED.xushui}.docx`) });
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>\n${value}\n</body></html>`;
    const out = await readHtml(iconv.encode(html, 'gbk'), 'xushui.html');
    assert.deepEqual(out.warnings, []);
    const paragraphs = paragraphTexts(out.blocks);
    assert.deepEqual(paragraphs.slice(0, 2), ['中共保定市徐水区委网络安全和信息化委员会', '办公室2022年部门预算公开说明']);
    assert.ok(paragraphs.includes('2022年部门支出预算：200.54万元'));
    assert.ok(paragraphs.includes('我部门无其他需说明的事项。'));
    const tables = tablesOf(out.blocks);
    assert.deepEqual(
      tables.map((t) => [t.rows.length, t.rows[0].length]),
      [[3, 5], [7, 5], [13, 7], [12, 7], [6, 13], [11, 3]],
    );
    assert.deepEqual(texts(tables[1]), [
      ['', '', '', '', '单位：万元'],
      ['项目名称', '2021年度预算', '2022年度预算', '增减金额', '变化原因'],
      ['因公出国经费', '0', '0', '0', '无增减变化'],
      ['公务用车购置经费', '0', '0', '0', '无增减变化'],
      ['公务用车运行经费', '3', '2.43', '-0.57', '部门业务调整'],
      ['公务接待费支出', '0.6', '0', '-0.6', '部门业务调整'],
      ['合计', '3.6', '2.43', '-1.17', '部门业务调整'],
    ]);
    const assets = tables[5];
    assert.deepEqual(texts(assets).slice(0, 4), [
      ['固定资产占用情况表', '固定资产占用情况表', '固定资产占用情况表'],
      ['截止时间：2021年12月31日', '截止时间：2021年12月31日', '截止时间：2021年12月31日'],
      ['项　　目', '数量', '价值（单位：万元）'],
      ['固定资产总额', '--', '38.12'],
    ]);
    assert.equal(assets.rows[0][0].colSpan, 3);
    assert.deepEqual(texts(assets)[10], ['4、其他固定资产', '', '22.62']);
  });
});
