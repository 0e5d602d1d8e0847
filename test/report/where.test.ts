/**
 * Every finding of the four seeds (PDF, Word and text) and of one corpus document per layout has
 * a place a person can follow: the page in a PDF, the line in a text file, the sheet and cell in
 * Excel; the table's name, the row and the column for a cell; no paragraph numbers Word does not
 * show and no internal English keys.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Disclosure, Finding } from '../../src/model/disclosure.js';
import { checkFile } from '../../src/pipeline.js';
import { columnLetters, maskPersonal, placeText } from '../../src/report/where.js';
import { CORPUS, SEED, seed, sharedOnly } from '../helpers/shared.js';

const SEED_FILES = Object.values(SEED).flatMap((s) => [`${s}.pdf`, `${s}.docx`, `${s}.txt`].map((f) => seed(f)));
const CORPUS_FILES = [
  'jiangsu-budget/江苏省委办公厅/江苏省委办公厅2019年度部门预算公开表格.pdf',
  'jiangsu-budget/江苏省人大办公厅/江苏省人大办公厅2017年度预算公开.pdf',
  'shanghai-budget/普陀区万里街道办事处2024年部门预算.pdf',
  // Two empty tables without a note: the place names each table once.
  'shanghai-budget/上海市财政局2025年单位预算.pdf',
  'templates/部门决算模板-全国2024.pdf',
  'templates/department_budget_template.xlsx',
  // One city of each layout in cities/ (the first file of its folder).
  'cities/上海/上海/2026年上海市交通运输局_部门预算.pdf',
  'cities/北京/北京/2026年北京市交通委员会部门预算.pdf',
  'cities/山东/烟台/2026年烟台市交通运输局部门预算.pdf',
  'cities/江苏/无锡/2026年无锡市交通运输局部门预算.pdf',
  'cities/江苏/苏州/2026年苏州市交通运输局部门预算.pdf',
  'cities/浙江/杭州/2026年杭州市交通运输局部门预算.pdf',
  'cities/浙江/湖州/2026年湖州市交通运输局部门预算.pdf',
  'cities/陕西/西安/2026年西安市人民政府办公厅部门预算.pdf',
].map((f) => join(CORPUS, f));

/** The place text outside what it quotes from the document (names and sentences may hold Latin letters). */
function ownWords(where: string): string {
  return where.replace(/“.*”/g, '').replace(/《.*》/g, '');
}

/** The standard-table row a finding's location points at, if any. */
function cellOf(f: Finding, d: Disclosure) {
  const l = f.location;
  if (l.table === undefined || l.row === undefined) return undefined;
  for (const t of d.tables) {
    for (const r of t.rows) {
      const here = r.loc.table === l.table && r.loc.row === l.row;
      const byValue = Object.values(r.values).some((v) => v && v.loc.table === l.table && v.loc.row === l.row);
      if (here || byValue) return { t, r };
    }
  }
  return undefined;
}

function assertFollowable(f: Finding, d: Disclosure): void {
  const w = f.where ?? '';
  const what = `${f.rule}: ${w}`;
  assert.ok(w.length > 0, `${f.rule} has no place`);
  assert.doesNotMatch(ownWords(w), /[A-Za-z]{2,}/, `English in ${what}`);
  assert.doesNotMatch(w, /（[A-Za-z.]+）/, `internal key in ${what}`);
  assert.doesNotMatch(w, /说明第\s*\d+\s*段/, `paragraph number in ${what}`);
  assert.doesNotMatch(w, /(《[^》]+》)\1/, `the table named twice in ${what}`);
  const l = f.location;
  const located = l.block !== undefined || l.page !== undefined || l.line !== undefined;
  if (d.source.format === 'pdf' && located) {
    // A sentence of a paragraph the page break cut may stand on the next page.
    const page = Number(/第 (\d+) 页/.exec(w)?.[1]);
    assert.ok(l.page === undefined ? page > 0 : page === l.page || page === l.page + 1, `no page in ${what}`);
    // Prose: the line on that page too.
    const para = l.table === undefined ? d.paragraphs.find((p) => p.loc.block === l.block) : undefined;
    if (para?.loc.lines) assert.match(w, /第 \d+ 页 第 \d+ 行/, `no line in ${what}`);
  }
  if (d.source.format === 'txt' && l.line !== undefined) assert.match(w, /第 \d+ 行/, `no line in ${what}`);
  if (d.source.format === 'xlsx' && l.sheet) {
    assert.ok(w.includes(`工作表“${l.sheet}”`), `no sheet in ${what}`);
    if (l.cell) assert.match(w, /[A-Z]+\d+ 单元格/, `no cell in ${what}`);
  }
  const cell = cellOf(f, d);
  if (cell && !/绩效(目标|自评)表/.test(l.where ?? '')) {
    assert.ok(w.includes(`《${cell.t.title.replace(/\s+/g, '')}》`), `no table name in ${what}`);
    assert.match(w, /“[^”]+”行/, `no row in ${what}`);
    if (l.col !== undefined && cell.t.columns.some((c) => c.col === l.col)) assert.match(w, /”列/, `no column in ${what}`);
  }
  if (!located && l.table === undefined) {
    // About the document as a whole or a part of it (预算说明, 全文): named in words.
    assert.match(w, /[\u4e00-\u9fff]/, `no words in ${what}`);
  }
}

describe('every finding has a place a person can follow', sharedOnly, () => {
  for (const file of [...SEED_FILES, ...CORPUS_FILES]) {
    test(file.split('/').slice(-1)[0], async () => {
      const r = await checkFile(file);
      assert.ok(r.findings.length > 0);
      for (const f of r.findings) assertFollowable(f, r.document);
    });
  }
});

test('the seed 000 template instruction: its page and line, the section heading and the sentence — no paragraph number, no key', sharedOnly, async () => {
  const r = await checkFile(seed(`${SEED.xushui}.pdf`));
  const f = r.findings.find((x) => x.rule === 'text-quality/template-instruction')!;
  // Line 25 of page 8 as poppler prints it too: 22 lines of the procurement table, the heading, a sentence, then this one.
  assert.equal(f.where, '第 8 页 第 25 行，“第七部分：国有资产信息”下“本年度无拟购置固定资产的写：我部门本年度无国有资产购置计划，拟购置金额为0。”');
  const p = r.findings.find((x) => x.rule === 'cross-table/procurement-within-spending')!;
  assert.match(p.where!, /^第 8 页，《政府采购预算表》“合计”行“[^”]+”列$/);
});

test('a PDF paragraph’s line on its page is the line poppler prints it on (tables and headings counted, blank lines not)', sharedOnly, async () => {
  const file = seed(`${SEED.xushui}.pdf`);
  const r = await checkFile(file);
  let compared = 0;
  for (const p of r.document.paragraphs) {
    const lines = p.loc.lines;
    if (!lines?.length || (lines[0][1] !== 2 && lines[0][1] !== 8)) continue;
    const [start, page, line] = lines[0];
    assert.equal(p.loc.line, line);
    const printed = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.trim());
    const head = p.text.slice(start, start + 6).replace(/\s/g, '');
    assert.ok(printed[line - 1].replace(/\s/g, '').includes(head), `page ${page} line ${line}: “${printed[line - 1]}” should hold “${head}”`);
    // Each later printed line begins further into the text, on this page or the next.
    for (let k = 1; k < lines.length; k++) assert.ok(lines[k][0] > lines[k - 1][0] && (lines[k][1] > page || lines[k][2] > lines[k - 1][2]));
    compared++;
  }
  assert.ok(compared >= 10, `${compared} paragraphs compared`);
});

test('a phone number is never repeated in full in a place', () => {
  assert.equal(maskPersonal('联系电话：13912345678'), '联系电话：139****5678');
  assert.equal(maskPersonal('身份证 130102199001011234'), '身份证 130102********1234');
  assert.equal(placeText({ page: 3, section: '一、项目概况', sentence: '联系人：张某 13912345678' }), '第 3 页，“一、项目概况”下“联系人：张某 139****5678”');
});

test('Excel places: sheet and cell as Excel names them', () => {
  assert.equal(columnLetters(1), 'A');
  assert.equal(columnLetters(26), 'Z');
  assert.equal(columnLetters(28), 'AB');
  assert.equal(placeText({ sheet: '表3', cell: 'B12', table: '部门支出总表', row: '201 一般公共服务支出', column: '基本支出' }), '工作表“表3” B12 单元格，《部门支出总表》“201 一般公共服务支出”行“基本支出”列');
  assert.equal(placeText({}), '全文');
});
