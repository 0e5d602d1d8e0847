/**
 * Counts taken from the markup before a parser builds anything (src/read/markup-count.ts): a Word
 * body or a web page past the paragraph, row or cell limit is refused in one line naming the limit;
 * a workbook is not refused for the rows it merely declares.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readDocument, LimitError } from '../../src/read/index.js';
import { countStartTags } from '../../src/read/markup-count.js';
import { docx, xlsx } from '../../scripts/fuzz/generators.js';

async function refusal(bytes: Buffer, name: string, limits: object): Promise<LimitError> {
  try {
    await readDocument(bytes, name, { limits });
  } catch (e) {
    assert.ok(e instanceof LimitError, `refused as over a limit, got ${String(e)}`);
    assert.doesNotMatch(e.message, /\n/);
    return e;
  }
  assert.fail(`${name} was read`);
}

const cell = (t: string) => `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
const wordTable = (rows: number) => `<w:tbl>${Array.from({ length: rows }, (_, i) => `<w:tr>${cell(`项目${i}`)}${cell(`${i}.00`)}</w:tr>`).join('')}</w:tbl>`;

describe('markup counted before parsing', () => {
  test('start tags by local name, any prefix, not a longer name', () => {
    assert.equal(countStartTags('<tr><TR class="a"><w:tr/><track><tr\n></tr>', ['tr'], true), 4);
    assert.equal(countStartTags('<tr><TR class="a">', ['tr']), 1);
    assert.equal(countStartTags('<w:p/><w:pPr/><w:p w:rsidR="1"><a:p>', ['p']), 3);
    assert.equal(countStartTags('<td>1</td><th>2</th><thead>', ['td', 'th'], true), 2);
  });

  test('a Word body of more paragraphs than the limit: refused by the paragraph limit', async () => {
    const e = await refusal(docx('<w:p/>'.repeat(1001)), 'p.docx', { paragraphs: 1000 });
    assert.equal(e.limit, 'paragraphs');
    assert.match(e.message, /^超出段落数上限 1000：Word 正文有 1001 个段落，拒绝读取$/);
  });

  test('a Word table of more rows or cells than the limit: refused before parsing', async () => {
    const rows = await refusal(docx(wordTable(101)), 't.docx', { rows: 100 });
    assert.match(rows.message, /^超出表格行数上限 100：Word 正文的表格共 101 行/);
    const cells = await refusal(docx(wordTable(60)), 't.docx', { cells: 100 });
    assert.match(cells.message, /^超出单元格数上限 100：Word 正文的表格共 120 个单元格/);
  });

  test('a Word document within the limits is read as before', async () => {
    const doc = await readDocument(docx(`<w:p><w:r><w:t>2026年部门预算</w:t></w:r></w:p>${wordTable(3)}`), 'ok.docx', { limits: { rows: 3, cells: 6, paragraphs: 7 } });
    assert.equal(doc.blocks.length, 2);
  });

  test('a web page of more table rows or cells than the limit: refused before parse5 builds it', async () => {
    const page = (n: number) => Buffer.from(`<!doctype html><p>收支总表</p><table>${'<TR><td>a</td><TD>1.00</TD></TR>'.repeat(n)}</table>`);
    const rows = await refusal(page(101), 'p.html', { rows: 100 });
    assert.match(rows.message, /^超出表格行数上限 100：网页的表格共 101 行/);
    const cells = await refusal(page(60), 'p.html', { cells: 100 });
    assert.match(cells.message, /^超出单元格数上限 100：网页的表格共 120 个单元格/);
  });

  test('a sheet declaring 65,536 rows (as old tools save them) is read: only the rows present count', async () => {
    const sheet = '<dimension ref="A1:K65536"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>项目</t></is></c><c r="B1"><v>1</v></c></row></sheetData>';
    const doc = await readDocument(xlsx(sheet), 'old.xlsx', { limits: { rows: 1000 } });
    assert.ok(doc.blocks.length >= 1);
  });
});
