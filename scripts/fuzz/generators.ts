/**
 * The attacks of issue 16 as generated files, one generator each, for every reader: bombs (Flate,
 * zip with lying sizes, a merge over a whole sheet), hangs (a page list naming one page 20,000
 * times, millions of empty paragraphs, 100,000 lines of text), huge tables (over 100,000 rows) and
 * deep nesting. Each takes a size so the fuzz run can use smaller ones than docs/security.md.
 */
import { createDeflate, createDeflateRaw } from 'node:zlib';
import { zip } from './zip.js';

export interface Attack {
  name: string;
  /** File name (its extension matters for text formats). */
  file: string;
  /** What it does, for docs/security.md. */
  what: string;
  make(scale: number): Promise<Buffer>;
}

/** `bytes` zero bytes deflated, without ever holding them: a bomb of any size in a few MB. */
async function deflatedZeros(bytes: number, raw: boolean): Promise<Buffer> {
  const z = raw ? createDeflateRaw({ level: 9 }) : createDeflate({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((r) => z.on('end', r));
  const chunk = Buffer.alloc(16 * 1024 * 1024, 0x20);
  for (let left = bytes; left > 0; left -= chunk.length) {
    if (!z.write(left >= chunk.length ? chunk : chunk.subarray(0, left))) await new Promise((r) => z.once('drain', r));
  }
  z.end();
  await done;
  return Buffer.concat(out);
}

/** A PDF of the given objects (1-based, `null` for none), with a correct cross-reference table. */
export function pdf(objects: (Buffer | string)[], root = 1): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let at = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    const body = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), typeof o === 'string' ? Buffer.from(o, 'latin1') : o, Buffer.from('\nendobj\n')]);
    offsets.push(at);
    parts.push(body);
    at += body.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root ${root} 0 R >>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

function stream(dict: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);
}

const CONTENT_TYPES = (main: string) =>
  Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${main}" ContentType="application/xml"/></Types>`);
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

export function docx(body: string): Buffer {
  return zip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES('word/document.xml') },
    { name: 'word/document.xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`) },
  ]);
}

export function xlsx(sheet: string): Buffer {
  const S = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  return zip([
    { name: '[Content_Types].xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`) },
    { name: '_rels/.rels', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
    { name: 'xl/workbook.xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><workbook ${S} ${R}><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`) },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><worksheet ${S}>${sheet}</worksheet>`) },
  ]);
}

/** Deflating a GB takes seconds: the PDF bomb of a scale is made once (both PDF bombs use it). */
const pdfBombs = new Map<number, Promise<Buffer>>();
function pdfBomb(scale: number): Promise<Buffer> {
  let p = pdfBombs.get(scale);
  if (!p) {
    p = deflatedZeros(Math.round(scale * 1024 ** 3), false).then((bomb) =>
      pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>', stream('/Filter /FlateDecode', bomb), FONT]),
    );
    pdfBombs.set(scale, p);
  }
  return p;
}

export const ATTACKS: Attack[] = [
  {
    name: 'pdf-flate-bomb',
    file: 'flate-bomb.pdf',
    what: 'PDF 的一个内容流解压后 scale GB',
    make: pdfBomb,
  },
  {
    name: 'pdf-flate-bomb-broken-xref',
    file: 'flate-bomb-xref.pdf',
    what: '同上，但交叉引用表损坏（交给 pdf.js 修复读取）',
    make: async (scale) => {
      const good = await pdfBomb(scale);
      const at = good.lastIndexOf('startxref');
      return Buffer.concat([good.subarray(0, at), Buffer.from('startxref\n999999999\n%%EOF\n')]);
    },
  },
  {
    name: 'pdf-page-list',
    file: 'page-list.pdf',
    what: 'PDF 页面树把同一页列出 scale×20,000 次',
    make: async (scale) => {
      const n = Math.round(20_000 * scale);
      const kids = Array(n).fill('3 0 R').join(' ');
      return pdf(['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${n} >>`, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>', stream('', Buffer.from('BT /F1 12 Tf 72 720 Td (2026 budget) Tj ET')), FONT]);
    },
  },
  {
    name: 'pdf-nesting',
    file: 'nesting.pdf',
    what: 'PDF 对象嵌套 scale×100,000 层数组',
    make: async (scale) => {
      const n = Math.round(100_000 * scale);
      return pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Annots ${'['.repeat(n)}${']'.repeat(n)} >>`, stream('', Buffer.from('BT ET'))]);
    },
  },
  {
    name: 'docx-zip-bomb',
    file: 'zip-bomb.docx',
    what: 'Word 正文解压后 scale GB，目录中声明的大小是假的（1 KB）',
    make: async (scale) => {
      const bytes = Math.round(scale * 1024 ** 3);
      const body = Buffer.from(`<?xml version="1.0"?><w:document ${W}><w:body>`);
      return zip([
        { name: '[Content_Types].xml', data: CONTENT_TYPES('word/document.xml') },
        { name: 'word/document.xml', data: body, declaredSize: 1024, deflated: await deflatedZeros(bytes, true) },
      ]);
    },
  },
  {
    name: 'docx-empty-paragraphs',
    file: 'paragraphs.docx',
    what: 'Word 正文有 scale×5,400,000 个空段落',
    make: async (scale) => docx('<w:p/>'.repeat(Math.round(5_400_000 * scale))),
  },
  {
    name: 'docx-nesting',
    file: 'nesting.docx',
    what: 'Word 正文 XML 嵌套 scale×100,000 层',
    make: async (scale) => {
      const n = Math.round(100_000 * scale);
      return docx(`<w:p>${'<w:r>'.repeat(n)}${'</w:r>'.repeat(n)}</w:p>`);
    },
  },
  {
    name: 'xlsx-merge-bomb',
    file: 'merge.xlsx',
    what: 'Excel 一个合并区域覆盖整张工作表（A1:XFD1048576）',
    make: async () => xlsx('<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'),
  },
  {
    name: 'xlsx-rows',
    file: 'rows.xlsx',
    what: 'Excel 工作表有 scale×300,000 行',
    make: async (scale) => {
      const n = Math.round(300_000 * scale);
      const rows: string[] = [];
      for (let r = 1; r <= n; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
      return xlsx(`<sheetData>${rows.join('')}</sheetData>`);
    },
  },
  {
    name: 'txt-lines',
    file: 'lines.txt',
    what: '文本文件有 scale×100,000 行说明文字',
    make: async (scale) => {
      const n = Math.round(100_000 * scale);
      const lines: string[] = ['2026年某局部门预算公开'];
      for (let i = 0; i < n; i++) lines.push(`${i}. 本年支出合计${i}.00万元，比上年增加${i % 97}.00万元，主要原因是业务量增加。`);
      return Buffer.from(lines.join('\n'));
    },
  },
  {
    name: 'txt-table-rows',
    file: 'table.txt',
    what: '文本文件中一张表格有 scale×150,000 行',
    make: async (scale) => {
      const n = Math.round(150_000 * scale);
      const lines: string[] = ['2026年收入支出决算总表', '\t项目\t金额'];
      for (let i = 0; i < n; i++) lines.push(`\t2010${i}\t${i}.00`);
      return Buffer.from(lines.join('\n'));
    },
  },
  {
    name: 'html-nesting',
    file: 'nesting.html',
    what: '网页元素嵌套 scale×100,000 层',
    make: async (scale) => {
      const n = Math.round(100_000 * scale);
      return Buffer.from(`<!doctype html><html><body>${'<div>'.repeat(n)}预算${'</div>'.repeat(n)}</body></html>`);
    },
  },
  {
    name: 'html-table-rows',
    file: 'rows.html',
    what: '网页中一张表格有 scale×150,000 行',
    make: async (scale) => {
      const n = Math.round(150_000 * scale);
      const rows: string[] = [];
      for (let i = 0; i < n; i++) rows.push(`<tr><td>2010${i}</td><td>${i}.00</td></tr>`);
      return Buffer.from(`<!doctype html><html><body><p>2026年收支总表</p><table>${rows.join('')}</table></body></html>`);
    },
  },
];
