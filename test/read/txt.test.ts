import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { ReadError, isTable, type Block, type Paragraph, type Table } from '../../src/read/doc.js';
import { readDocument } from '../../src/read/index.js';
import type { ReaderOutput } from '../../src/read/reader.js';
import { readTxt } from '../../src/read/txt/read.js';
import { ROOT, SEED, seed, sharedOnly } from '../helpers/shared.js';

const FIXTURES = join(ROOT, 'test/fixtures/txt');

async function fixture(name: string): Promise<{ bytes: Buffer; out: ReaderOutput }> {
  const bytes = await readFile(join(FIXTURES, name));
  return { bytes, out: await readTxt(bytes, name) };
}

async function readSeed(key: keyof typeof SEED): Promise<ReaderOutput> {
  const path = seed(`${SEED[key]}.txt`);
  return readTxt(await readFile(path), path);
}

function tables(out: ReaderOutput): Table[] {
  return out.blocks.filter(isTable);
}

function paragraphs(out: ReaderOutput): Paragraph[] {
  return out.blocks.filter((b): b is Paragraph => b.type === 'paragraph');
}

function grid(t: Table): string[][] {
  return t.rows.map((r) => r.map((c) => c.text));
}

function widths(t: Table): number[] {
  return t.rows.map((r) => r.length);
}

function rowStartingWith(t: Table, col: number, text: string): string[] {
  const row = t.rows.find((r) => r[col]?.text === text);
  assert.ok(row, `no row with ${text} in column ${col}`);
  return row.map((c) => c.text);
}

async function rejects(bytes: Buffer, message: string): Promise<void> {
  await assert.rejects(readTxt(bytes, 'x.txt'), (e: unknown) => {
    assert.ok(e instanceof ReadError);
    assert.equal(e.file, 'x.txt');
    assert.equal(e.message, message);
    return true;
  });
}

describe('txt reader: synthetic layouts', () => {
  test('paragraphs, and a title line directly above tab cells is a paragraph, not a cell', async () => {
    const { out } = await fixture('budget.txt');
    assert.deepEqual(
      out.blocks.map((b) => (b.type === 'paragraph' ? b.text : `table:${b.rows.length}`)),
      [
        '收支预算总表',
        'table:5',
        '基本支出预算表',
        'table:6',
        '注：无政府性基金预算，空表列示。',
        '二、支出说明',
        '其中：人员经费33.60万元，公用经费4.05万元。',
        '机构设置：',
        'table:3',
      ],
    );
    const [first] = tables(out);
    assert.deepEqual(grid(first)[0], ['901示例市临河区档案馆', '预算年度：2031', '单位：万元']);
  });

  test('tab cells: a blank line ends a row; rows of different widths are kept as printed', async () => {
    const { out } = await fixture('budget.txt');
    const [total, basic] = tables(out);
    assert.deepEqual(grid(total), [
      ['901示例市临河区档案馆', '预算年度：2031', '单位：万元'],
      ['序号', '收入', '支出'],
      ['', '项  目', '预算数', '项  目', '预算数'],
      ['1', '一、财政拨款收入', '88.40', '一、文化旅游体育与传媒支出', '71.15'],
      ['2', '二、事业收入', '', '二、住房保障支出', '17.25'],
    ]);
    // The title row and the merged header add up to the width 6 by chance: not a split row.
    assert.deepEqual(widths(basic), [3, 3, 6, 6, 6, 6]);
    assert.deepEqual(grid(basic)[4], ['2', '30201', '办公费', '4.05', '', '4.05']);
  });

  test('an all-empty row is kept', async () => {
    const { out } = await fixture('budget.txt');
    assert.deepEqual(grid(tables(out)[1])[5], ['', '', '', '', '', '']);
  });

  test("a cell's further lines without a tab belong to that cell; cell text is trimmed", async () => {
    const { out } = await fixture('budget.txt');
    assert.deepEqual(grid(tables(out)[2]), [
      ['单位名称', '单位性质', '经费保障形式'],
      ['示例市临河区档案馆本级', '事业', '财政拨款\n（保障经费按季度拨付）'],
      ['其中：临河区档案数字化中心', '事业', '财政性资金\n基本保障'],
    ]);
    const { out: targets } = await fixture('targets.txt');
    assert.deepEqual(grid(tables(targets)[0])[0], ['绩效目标', '1、完成馆藏档案数字化扫描\n2、建成档案检索系统']);
  });

  test('bookmarks are stripped and the rest of the line kept', async () => {
    const { bytes, out } = await fixture('budget.txt');
    assert.match(bytes.toString('utf8'), /\[bookmark: _GoBack\]/);
    const texts = paragraphs(out).map((p) => p.text);
    assert.ok(texts.every((t) => !t.includes('bookmark')));
    assert.deepEqual(texts.slice(0, 2), ['收支预算总表', '基本支出预算表']);
  });

  test('rows split by empty lines inside a cell are joined back to the usual width', async () => {
    const { out } = await fixture('targets.txt');
    const [t] = tables(out);
    assert.deepEqual(widths(t), [2, 6, 6, 6, 6, 6, 6, 6, 6]);
    assert.deepEqual(grid(t).slice(3, 8), [
      ['', '质量指标', '扫描合格率', '抽检合格页数占扫描页数的比例', '≥98%', '行业标准'],
      // two empty lines between the pieces
      ['', '成本指标', '扫描单价', '每页扫描费用', '0.6元', '市场询价'],
      // a stray trailing tab on a cell line, then 4 + 2 cells
      ['', '质量指标', '资金使用', '专款专用情况', '专款专用', '工作计划'],
      // three pieces: 3 + 1 + 2
      ['', '时效指标', '完成时间', '完成时间', '20312031年底', '工作计划'],
      // four empty lines, and an empty last cell
      ['效益指标', '社会效益指标', '查档便利程度', '档案在线查阅', '明显提升', ''],
    ]);
    assert.deepEqual(
      out.warnings.map((w) => [w.code, w.loc?.line, w.loc?.row]),
      [
        ['txt-row-joined', 23, 3],
        ['txt-row-joined', 31, 4],
        ['txt-row-joined', 40, 5],
        ['txt-row-joined', 48, 6],
        ['txt-row-joined', 57, 7],
      ],
    );
    assert.equal(out.warnings[3].message, '第 48 行起的表格行被空行断成 3 段，已按表格列数 6 合为一行');
  });

  test('in a short table the halves of a split row do not outvote the full row', async () => {
    const text = '表一\n\t项目\n\t数量\n\t单价\n\t金额\n\n\t扫描仪\n\t2\n\n\t0.35\n\t0.70\n';
    const out = await readTxt(Buffer.from(text), 'x.txt');
    assert.deepEqual(grid(tables(out)[0]), [
      ['项目', '数量', '单价', '金额'],
      ['扫描仪', '2', '0.35', '0.70'],
    ]);
  });

  test('a whitespace-only line between rows does not end the table; a text line after a row does', async () => {
    const { out } = await fixture('targets.txt');
    assert.deepEqual(
      out.blocks.map((b) => (b.type === 'paragraph' ? b.text : `table:${widths(b).join(',')}`)),
      [
        '第二部分  项目绩效目标',
        '1、2031年档案数字化绩效目标表',
        'table:2,6,6,6,6,6,6,6,6',
        '2、2031年库房维护绩效目标表',
        'table:2,6,6',
        '三、政府采购预算',
      ],
    );
  });

  test('whole rows on one line, cells separated by tabs, form one table', async () => {
    const { out } = await fixture('self-eval.txt');
    const [t, units] = tables(out);
    assert.deepEqual(grid(t), [
      ['一、基本情况', '项目名称', '档案数字化', '实施(主管)单位', '示例市临河区档案馆', '', '', ''],
      ['二、预算执行情况', '预算安排情况（调整后）', '', '资金到位情况', '', '资金执行情况', '', '预算执行进度'],
      ['', '预算数：', '2.4', '到位数：', '2.4', '执行数：', '1.8', '75%'],
      ['', '其中：财政资金', '2.4', '其中：财政资金', '2.4', '其中：财政资金', '1.8', ''],
      ['', '其他', '', '其他', '', '其他', '', ''],
      // only trailing tabs, but between one-line rows: a row, not a cell
      ['', '合计', '', ''],
      ['总分', '', '', '', '', '', '86', ''],
    ]);
    assert.deepEqual(grid(units), [
      ['单位名称', '单位性质'],
      ['示例市临河区档案馆', '事业单位'],
    ]);
    // A trailing tab on a line of its own is a stray: the line stays a paragraph.
    assert.deepEqual(paragraphs(out).map((p) => p.text), [
      '示例市临河区档案馆',
      '2031 年度项目支出绩效自评表',
      '金额单位：万元',
      '填报人：',
      '王某',
    ]);
    assert.deepEqual(out.warnings, []);
  });

  test('locations: block index and first line on every block, table/row/col/line on cells', async () => {
    const { out } = await fixture('targets.txt');
    out.blocks.forEach((b: Block, i) => assert.equal(b.loc.block, i));
    const [t, t2] = tables(out);
    assert.deepEqual(t.loc, { block: 2, line: 3, table: 0 });
    assert.deepEqual(t2.loc, { block: 4, line: 78, table: 1 });
    assert.deepEqual(out.blocks[3].loc, { block: 3, line: 77 });
    // the cells of a joined row keep their own lines
    assert.deepEqual(t.rows[6][4].loc, { block: 2, line: 54, table: 0, row: 6, col: 4 });
    assert.deepEqual(t.rows[6][0].loc, { block: 2, line: 48, table: 0, row: 6, col: 0 });
    assert.deepEqual(t.rows[8][5].loc, { block: 2, line: 73, table: 0, row: 8, col: 5 });
    const { out: se } = await fixture('self-eval.txt');
    assert.deepEqual(tables(se)[0].rows[2][7].loc, { block: 3, line: 11, table: 0, row: 2, col: 7 });
  });

  test('CRLF line ends and a UTF-8 byte-order mark read the same as LF', async () => {
    const { bytes, out } = await fixture('budget.txt');
    const crlf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(bytes.toString('utf8').replace(/\n/g, '\r\n'))]);
    assert.deepEqual(await readTxt(crlf, 'budget.txt'), out);
  });

  test('GBK bytes are decoded as GB18030, with a warning', async () => {
    const { bytes, out } = await fixture('targets.txt');
    const gbk = iconv.encode(bytes.toString('utf8'), 'gbk');
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk));
    const read = await readTxt(gbk, 'targets.txt');
    assert.deepEqual(read.blocks, out.blocks);
    assert.deepEqual(read.warnings[0], { code: 'txt-encoding', message: '文件不是有效的 UTF-8 编码，已按 GB18030（GBK）解码' });
    assert.equal(read.warnings.length, 1 + out.warnings.length);
  });

  test('UTF-16 with a byte-order mark is decoded', async () => {
    const { bytes, out } = await fixture('self-eval.txt');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bytes.toString('utf8'), 'utf16le')]);
    assert.deepEqual(await readTxt(utf16, 'self-eval.txt'), out);
  });

  test('an empty, blank or marker-only file is refused with a one-line Chinese message', async () => {
    await rejects(Buffer.alloc(0), '文件为空');
    await rejects(Buffer.from(' \n\t\r\n\u3000\n'), '文件为空');
    await rejects(Buffer.from('\uFEFF\n'), '文件为空');
    await rejects(Buffer.from('[bookmark: _GoBack]\n[bookmark: _Toc1]  \n'), '文件为空');
  });

  test('readDocument dispatches .txt here and describes the source', async () => {
    const { bytes, out } = await fixture('self-eval.txt');
    const doc = await readDocument(bytes, 'self-eval.txt');
    assert.equal(doc.source.format, 'txt');
    assert.equal(doc.source.bytes, bytes.length);
    assert.deepEqual(doc.blocks, out.blocks);
  });
});

describe('txt reader: real seeds', () => {
  test('002 (鹿泉 budget): tables, standard rows, repaired project rows', sharedOnly, async () => {
    const out = await readSeed('luquan');
    const ts = tables(out);
    assert.equal(ts.length, 17);
    assert.equal(out.blocks[0].type === 'paragraph' && out.blocks[0].text, '部门预算收支总表');

    const total = ts[0];
    assert.deepEqual(grid(total)[0], ['224中共石家庄市鹿泉区委网络安全和信息化委员会办公室', '预算年度：2022', '单位：万元']);
    assert.deepEqual(grid(total)[4], ['1', '一、一般公共预算拨款收入', '302.27', '一、一般公共服务支出', '240.05']);
    assert.deepEqual(grid(total).at(-1), ['33', '收入总计', '302.27', '支出总计', '302.27']);
    assert.equal(total.rows.length, 37);

    const basic = ts[5];
    assert.deepEqual(widths(basic).slice(0, 3), [3, 3, 6]);
    assert.deepEqual(rowStartingWith(basic, 1, '30199'), ['12', '30199', '其他工资福利支出', '44.72', '44.72', '']);
    assert.deepEqual(rowStartingWith(basic, 1, '30201'), ['14', '30201', '办公费', '7.80', '', '7.80']);

    // Empty tables keep their empty row, and the note after them is a paragraph.
    const fund = ts[6];
    assert.deepEqual(grid(fund).at(-1), ['', '', '', '', '', '']);
    const next = out.blocks[fund.loc.block + 1];
    assert.equal(next.type === 'paragraph' && next.text, '注：无政府基金预算财政拨款预算，空表列示。');

    // The five 绩效目标表: a 2-cell goal row, then six columns throughout.
    for (const t of ts.slice(10, 15)) {
      assert.equal(t.rows[0][0].text, '绩效目标');
      assert.deepEqual(widths(t), [2, ...Array(t.rows.length - 1).fill(6)]);
    }
    assert.deepEqual(ts.slice(10, 15).map((t) => t.rows.length), [10, 8, 8, 8, 8]);
    const soldiers = grid(ts[10]);
    assert.deepEqual(soldiers[3], ['', '质量指标', '公益性性岗位补贴发放覆盖率', '补助发放覆盖率', '100%', '历史经验']);
    assert.deepEqual(soldiers[6], ['', '成本指标', '涉军岗位取暖费标准', '人均取暖补贴发放标准', '1900元', '历史经验']);
    assert.deepEqual(soldiers[7], ['', '成本指标', '涉军岗位工资标准', '人均工资发放标准', '3100元', '历史经验']);
    assert.deepEqual(grid(ts[11])[3], ['', '质量指标', '专款专用率', '财政拨款专款专用情况', '专款专用', '工作计划']);
    const media = ts[13];
    assert.deepEqual(grid(media)[5], ['', '时效指标', '项目完成时间', '项目完成时间', '20222022年底', '工作计划']);
    assert.deepEqual(media.rows[5][4].loc, { block: media.loc.block, line: 1796, table: 13, row: 5, col: 4 });

    assert.deepEqual(
      out.warnings.map((w) => w.loc?.line),
      [1586, 1608, 1616, 1661, 1790],
    );

    const assets = ts[16];
    assert.deepEqual(grid(assets)[2], ['资产总额', '', '11.03']);
    // the ideographic-space indent is trimmed like any surrounding whitespace
    assert.deepEqual(grid(assets)[4], ['其中：办公用房（平方米）', '', '']);
  });

  test('000 (徐水 budget): 三公 table and the two 绩效目标表', sharedOnly, async () => {
    const out = await readSeed('xushui');
    const ts = tables(out);
    assert.equal(ts.length, 7);

    // The introduction sits in a one-cell table; its paragraphs are continuation lines.
    const intro = ts[0].rows[0][0].text.split('\n');
    assert.deepEqual(ts[0].rows.length, 1);
    assert.deepEqual(intro.slice(0, 2), ['按照《中华人民共和国预算法》、《地方预决算公开操作规程》等文件规定，现将我部门预算信息公开如下：', '第一部分:部门职责及机构设置情况']);

    const sangong = grid(ts[2]);
    assert.deepEqual(sangong[1], ['', '', '', '', '单位：万元']);
    assert.deepEqual(sangong[2], ['项目名称', '2021年度预算', '2022年度预算', '增减金额', '变化原因']);
    assert.deepEqual(sangong[5], ['公务用车运行经费', '3', '2.43', '-0.57', '部门业务调整']);
    assert.deepEqual(sangong[7], ['合计', '3.6', '2.43', '-1.17', '部门业务调整']);
    assert.deepEqual(sangong[8], ['', '', '', '', '']);

    const [video, scan] = [ts[3], ts[4]];
    assert.deepEqual(widths(video), [2, 4, 7, 2, 5, 5, 2, 6, 6, 6, 6, 6, 6, 6]);
    assert.deepEqual(widths(scan), [2, 4, 7, 2, 5, 5, 2, 6, 6, 6, 6, 6, 6]);
    assert.deepEqual(grid(video)[1], ['项目编码', '13062522P00456710220G', '项目名称', '视频会议系统运行维护（运转保障）']);
    assert.deepEqual(grid(video)[2], ['预算规模及资金用途', '预算数', '0.84', '其中：财政    资金', '0.84', '其他资金', '']);
    assert.deepEqual(grid(video)[8], ['产出指标', '数量指标', '视频会议系统运行维护次数', '视频会议系统运行维护次数', '≥2次', '工作计划']);
    assert.deepEqual(grid(video)[13], ['满意度指标', '服务对象满意度指标', '网信部门工作人员满意度', '网信部门工作人员满意度', '≥90％', '工作计划']);
    assert.equal(grid(scan)[6][1].split('\n').length, 3);
    assert.deepEqual(grid(scan)[9], ['', '质量指标', '发生网络安全事故次数', '项目验收合格率', '≤1次', '工作计划']);
    assert.deepEqual(grid(scan)[11], ['', '成本指标', '项目预算控制数', '项目支出控制在预算范围内', '≤12万元', '工作计划']);

    assert.deepEqual(grid(ts[5])[5], ['电子政务网组建与维护费', '459928.00', '计算机设备和软件租赁服务', 'C0401', '元', '1', '459928.00', '459928.00', '459928.00', '', '', '', '']);
    assert.deepEqual(out.warnings, []);
  });

  test('001 (栾城 budget): the nine project tables', sharedOnly, async () => {
    const out = await readSeed('luancheng');
    const ts = tables(out);
    assert.equal(ts.length, 12);
    const projects = ts.slice(1, 10);
    for (const t of projects) {
      assert.deepEqual(widths(t), [2, 6, 6, 6]);
      assert.equal(t.rows[0][0].text, '绩效目标');
      assert.equal(t.rows[0][1].text.split('\n').length, 2);
      assert.deepEqual(grid(t)[1], ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据']);
    }
    assert.deepEqual(
      projects.map((t) => grid(t)[2]),
      [
        ['产出指标', '质量指标', '', '进一步提升石家庄影响力和美誉度.', '展示石家庄文化资源', ''],
        ['产出指标', '数量指标', '培训次数', '对全区网络文明志愿者进行培训的次数', '≥10', ''],
        ['产出指标', '时效指标', '', '及时足额发放', '≥0100%', ''],
        ['产出指标', '数量指标', '进一步加强应急值守力量', '组建专业化,职业化应急响应工作队伍', '优.良.中.差', ''],
        ['产出指标', '数量指标', '利用平台推送消息', '多方面 高频次的推送', '≥1000', ''],
        ['产出指标', '质量指标', '确保设备运行正常', '正常开展工作', '优.良.中.差', ''],
        ['产出指标', '时效指标', '控制舆情', '第一时间解决舆情', '优.良.中.差', ''],
        ['产出指标', '数量指标', '查处有关违法违规行为和网站', '查处有关违法违规行为和网站', '≥10', ''],
        // split by six empty lines in the printout
        ['产出指标', '质量指标', '加强正面宣传', '宣传正能量', '宣传正能量', ''],
      ],
    );
    assert.deepEqual(grid(projects[8])[3], ['效果指标', '社会效益指标', '加强正面宣传', '抑制负面信息', '宣传正能量', '']);
    assert.deepEqual(grid(projects[0])[0][1], '1、繁荣发展中国特色社会主义网络文化\n2、提升石家庄影响力和美誉度');
    assert.deepEqual(out.warnings.map((w) => w.loc?.line), [320]);

    const units = grid(ts[0]);
    assert.deepEqual(units[3], ['栾城区互联网舆情信息中心', '事业', '股级', '财政性资金基本保证']);
    const assets = grid(ts[11]);
    assert.deepEqual(widths(ts[11]), [1, 2, 3, 3, 3, 3, 3, 3, 3]);
    assert.deepEqual(assets[3], ['资产总额', '——', '9.3342']);
  });

  test('004 (元氏 self-evaluation): five self-evaluation tables of one-line rows', sharedOnly, async () => {
    const out = await readSeed('yuanshi');
    const ts = tables(out);
    assert.equal(ts.length, 6);
    assert.deepEqual(grid(ts[0]), [
      ['单位名称', '单位基本性质', '单位规格', '经费形式'],
      ['中共元氏县委网络安全和信息化委员会办公室', '行政单位', '正科级', '财政拨款'],
    ]);
    const evals = ts.slice(1);
    for (const t of evals) assert.deepEqual(widths(t), Array(20).fill(8));
    assert.deepEqual(
      evals.map((t) => grid(t)[2]),
      [
        ['', '预算数：', '0.5', '到位数：', '0.5', '执行数：', '0.5', '100'],
        ['', '预算数：', '30', '到位数：', '30', '执行数：', '29.99', '99.99%'],
        ['', '预算数:', '30', '到位数:', '30', '执行数:', '30', '100%'],
        ['', '预算数:', '10', '到位数:', '10', '执行数:', '5.78', '58%'],
        ['', '预算数:', '10', '到位数:', '10', '执行数:', '10', '100%'],
      ],
    );
    assert.deepEqual(evals.map((t) => grid(t)[0][2]), ['党建活动经费', '网络安全防护及处置经费', '网络宣传费用', '信息化及人员培训费', '舆情中心运行经费']);
    assert.deepEqual(grid(evals[0])[8], ['', '产出指标（40）', '数量指标', '指标 1：开展理论学习', '≥6 次', '12 次', '10', '']);
    assert.deepEqual(grid(evals[0])[18], ['总分', '', '', '', '', '', '100', '']);
    assert.deepEqual(grid(evals[3])[18], ['总分', '', '', '', '', '', '', '70']);
    assert.deepEqual(grid(evals[1])[4], ['其他', '', '其他', '', '其他', '', '', '']);
    assert.equal(evals[0].loc.line, 62);
    const after = out.blocks[evals[0].loc.block + 1];
    assert.equal(after.type === 'paragraph' && after.text, '填报人：');
    assert.deepEqual(out.warnings, []);
  });
});
