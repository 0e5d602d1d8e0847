/**
 * Unit tests of the native PDF reader (src/read/pdf/native): its lexer, its object layer
 * (cross-reference tables and streams, incremental updates, object streams, filters, the page
 * tree), its fonts and its content-stream interpreter, on small PDFs written by hand
 * (test/fixtures/pdf/raw.ts). Where pdf.js reads the same file, the page content must be the very
 * same as pdf.js's (the native reader's design goal), which is checked besides the expected values.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { deflateSync } from 'node:zlib';
import { readPageContent } from '../../src/read/pdf/content.js';
import { openPdf } from '../../src/read/pdf/engine.js';
import type { Char, PageContent } from '../../src/read/pdf/geometry.js';
import { PdfFile } from '../../src/read/pdf/native/file.js';
import { parseBinaryCMap, predefinedCMap, readCode, type PredefinedCMap } from '../../src/read/pdf/native/cmaps.js';
import { cffFontMatrix, loadFont, parseToUnicode, type NativeFont } from '../../src/read/pdf/native/fonts.js';
import { openNative } from '../../src/read/pdf/native/index.js';
import { Lexer, OPERATOR, PdfDict, PdfName, PdfRef, PdfStream, Unsupported, type PdfValue } from '../../src/read/pdf/native/lexer.js';
import { RawPdf, flateStream, latin1, simplePdf, stream, type Body, type XrefRow } from '../fixtures/pdf/raw.js';

// --- helpers -------------------------------------------------------------------------------------

type Plain = null | boolean | number | string | Plain[] | { [k: string]: Plain };

/** A lexed value as plain data: names {name}, references {ref}, operators {op}, dicts as objects. */
function plain(v: PdfValue | typeof OPERATOR, lx?: Lexer): Plain {
  if (v === OPERATOR) return { op: lx!.op };
  if (v instanceof PdfName) return { name: v.name };
  if (v instanceof PdfRef) return { ref: [v.num, v.gen] };
  if (v instanceof PdfDict) return Object.fromEntries([...v.map].map(([k, x]) => [k, plain(x)]));
  if (v instanceof PdfStream) return { stream: [v.start, v.end] };
  if (Array.isArray(v)) return v.map((x) => plain(x));
  return v;
}

/** Every token of `src`. */
function lex(src: string, refs = true): Plain[] {
  const lx = new Lexer(latin1(src));
  const out: Plain[] = [];
  for (;;) {
    lx.skipSpace();
    if (lx.pos >= lx.end) return out;
    out.push(plain(lx.read(refs), lx));
  }
}

/** The single value `src` holds. */
function one(src: string, refs = true): Plain {
  const t = lex(src, refs);
  assert.equal(t.length, 1, `one token in ${JSON.stringify(src)}: ${JSON.stringify(t)}`);
  return t[0];
}

const near = (actual: number, expected: number, what = ''): void =>
  assert.ok(Math.abs(actual - expected) < 0.01, `${what} ${actual} ≈ ${expected}`);

const text = (p: PageContent): string => p.chars.map((c) => c.c).join('');
const charOf = (p: PageContent, c: string, nth = 0): Char => {
  const found = p.chars.filter((x) => x.c === c)[nth];
  assert.ok(found, `char ${c} #${nth} on the page (${text(p)})`);
  return found;
};

/** Widths of the simple font F1 (codes 32…255): 250 + 50·(code mod 8); A 300, B 350, C 400, D 450, space 250. */
const w1 = (code: number): number => 250 + (code % 8) * 50;

/** A ToUnicode CMap as a font program writes it (header, codespace, then the given sections). */
function cmap(sections: string): string {
  return (
    '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n' +
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n' +
    '/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n' +
    '1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n' +
    sections +
    '\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n'
  );
}

const CID_DESCRIPTOR = '<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -140 1000 860] /ItalicAngle 0 /Ascent 860 /Descent -140 /StemV 80 >>';

/** F2's map: 1 预, 2 算, 3 space, 4–6 digits 0–2; other codes (0x4E2D 中) unmapped. */
const F2_CMAP = cmap('3 beginbfchar\n<0001> <9884>\n<0002> <7B97>\n<0003> <0020>\nendbfchar\n1 beginbfrange\n<0004> <0006> <0030>\nendbfrange');

interface DocOptions {
  /** Page content, written as an uncompressed stream (object 4). */
  content?: Body;
  /** Object 4's whole body instead (a compressed or odd stream). */
  contentObject?: Body;
  /** Extra entries of the page, the /Pages node, the page's /Resources. */
  page?: string;
  pages?: string;
  resources?: string;
  /** Further entries of the page's /Font dictionary. */
  fonts?: string;
  mediaBox?: string;
  /** Objects 11, 12, … */
  extra?: Body[];
}

/**
 * The objects of a one-page document: 1 catalog, 2 pages, 3 page, 4 content, 5 F1 (TrueType,
 * WinAnsiEncoding, /Widths, no ToUnicode), 6 F2 (Type0 Identity-H) with 7 its CIDFont, 8 its
 * ToUnicode and 9 its descriptor, 10 F1's descriptor, then the extra objects from 11.
 */
function docObjects(o: DocOptions): Map<number, Body> {
  const widths = Array.from({ length: 224 }, (_, i) => w1(32 + i)).join(' ');
  const objs = new Map<number, Body>([
    [1, '<< /Type /Catalog /Pages 2 0 R >>'],
    [2, `<< /Type /Pages /Kids [3 0 R] /Count 1 ${o.pages ?? ''} >>`],
    [
      3,
      `<< /Type /Page /Parent 2 0 R ${o.mediaBox === undefined ? '/MediaBox [0 0 600 800]' : o.mediaBox} ` +
        `/Resources << /Font << /F1 5 0 R /F2 6 0 R ${o.fonts ?? ''} >> ${o.resources ?? ''} >> /Contents 4 0 R ${o.page ?? ''} >>`,
    ],
    [4, o.contentObject ?? stream('', o.content ?? '')],
    [5, `<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+Arimo /FirstChar 32 /LastChar 255 /Widths [${widths}] /Encoding /WinAnsiEncoding /FontDescriptor 10 0 R >>`],
    [6, '<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-H /DescendantFonts [7 0 R] /ToUnicode 8 0 R >>'],
    [
      7,
      '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> ' +
        '/FontDescriptor 9 0 R /DW 1000 /W [1 [500 600] 4 6 700] /CIDToGIDMap /Identity >>',
    ],
    [8, stream('', F2_CMAP)],
    [9, '<< /Type /FontDescriptor /FontName /ABCDEF+SimSun /Flags 4 /FontBBox [0 -140 1000 860] /ItalicAngle 0 /Ascent 860 /Descent -140 /CapHeight 700 /StemV 80 >>'],
    [10, '<< /Type /FontDescriptor /FontName /ABCDEF+Arimo /Flags 32 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 /MissingWidth 333 >>'],
  ]);
  (o.extra ?? []).forEach((body, i) => objs.set(11 + i, body));
  return objs;
}

function doc(o: DocOptions): Buffer {
  const pdf = new RawPdf();
  const objs = docObjects(o);
  for (const [n, body] of objs) pdf.obj(n, body);
  pdf.xref(`/Size ${Math.max(...objs.keys()) + 1} /Root 1 0 R`);
  return pdf.build();
}

function nativePages(bytes: Buffer): PageContent[] {
  const d = openNative(bytes);
  return Array.from({ length: d.numPages }, (_, i) => d.page(i + 1));
}

async function pdfjsPages(bytes: Buffer): Promise<PageContent[]> {
  const d = await openPdf(bytes, 'unit.pdf');
  try {
    const out: PageContent[] = [];
    for (let n = 1; n <= d.numPages; n++) out.push(await readPageContent(await d.getPage(n), n));
    return out;
  } finally {
    await d.destroy();
  }
}

/** The native reading, checked to be identical to pdf.js's. */
async function sameAsPdfjs(bytes: Buffer): Promise<PageContent[]> {
  const native = nativePages(bytes);
  assert.deepEqual(native, await pdfjsPages(bytes), 'native page content = pdf.js page content');
  return native;
}

/** A file whose objects 5… are `objects` (after a catalog, a page tree and an empty page). */
function fileWith(objects: Body[]): PdfFile {
  return new PdfFile(
    simplePdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Contents 4 0 R >>',
      stream('', ''),
      ...objects,
    ]),
  );
}

/** The font in object 5 of a file made of `objects` (from object 5 on). */
function fontOf(objects: Body[]): NativeFont {
  const file = fileWith(objects);
  return loadFont(file, file.dict(new PdfRef(5, 0))!);
}

const glyphText = (f: NativeFont, s: string): string[] => f.glyphs(latin1(s).toString('latin1')).map((g) => g.unicode);
const glyphWidths = (f: NativeFont, s: string): number[] => f.glyphs(s).map((g) => g.width);

// --- lexer ---------------------------------------------------------------------------------------

describe('native PDF reader: lexer', () => {
  test('literal strings: escapes, octal codes, line continuations, nested and escaped parentheses', () => {
    assert.equal(one('(a\\nb\\rc\\td\\be\\ff)'), 'a\nb\rc\td\be\ff');
    assert.equal(one('(back\\\\slash \\( \\) \\q)'), 'back\\slash ( ) q', 'an unknown escape is the character itself');
    assert.equal(one('(\\101\\102C)'), 'ABC');
    assert.equal(one('(\\0\\7\\53\\1234)'), '\x00\x07+S4', 'octal takes at most three digits');
    assert.equal(one('(\\777)'), '\xff', 'octal overflow keeps the low byte');
    assert.equal(one('(ab\\\ncd\\\r\nef\\\rgh)'), 'abcdefgh', 'backslash + EOL continues the line');
    assert.equal(one('(a\r\nb)'), 'a\r\nb', 'an unescaped EOL is kept as written');
    assert.equal(one('(a(b(c))d)'), 'a(b(c))d');
    assert.equal(one('(a\\)b\\(c)'), 'a)b(c', 'escaped parentheses do not count');
    assert.equal(one('(100% sure)'), '100% sure', 'no comment inside a string');
    assert.equal(one('()'), '');
    assert.equal(one('(\xb5\xff)'), '\xb5\xff', 'bytes kept as one char each');
  });

  test('hex strings: white space ignored, an odd last digit padded with 0', () => {
    assert.equal(one('<48656C6c6F>'), 'Hello');
    assert.equal(one('<48 65\n6C\t6C 6F >'), 'Hello');
    assert.equal(one('<901FA>'), '\x90\x1f\xa0');
    assert.equal(one('<4>'), '\x40');
    assert.equal(one('<>'), '');
  });

  test('names: #xx escapes, delimiters end a name, empty name', () => {
    assert.deepEqual(one('/A#20B'), { name: 'A B' });
    assert.deepEqual(one('/Adobe#2DIdentity#2dUCS'), { name: 'Adobe-Identity-UCS' });
    assert.deepEqual(one('/Bad#zz'), { name: 'Bad#zz' }, 'a # without two hex digits stays');
    assert.deepEqual(lex('/a/b(c)'), [{ name: 'a' }, { name: 'b' }, 'c']);
    assert.deepEqual(lex('/ 1'), [{ name: '' }, 1]);
    assert.equal(PdfName.of('Type'), PdfName.of('Type'), 'names are interned');
  });

  test('numbers: leading dot, signs, doubled signs, trailing junk', () => {
    assert.deepEqual(lex('.5 -3.25 +7 --2 -.5 5. 0 -0.0 1.2.3 3.9963 +-4', false), [0.5, -3.25, 7, 2, -0.5, 5, 0, -0, 1.2, 3.9963, -4]);
    assert.equal(one('123456789012'), 123456789012);
  });

  test('references only where refs are read; "12 0 R" vs two numbers', () => {
    assert.deepEqual(one('12 0 R'), { ref: [12, 0] });
    assert.deepEqual(one('12 3 R'), { ref: [12, 3] });
    assert.deepEqual(lex('12 0 R', false), [12, 0, { op: 'R' }]);
    assert.deepEqual(lex('12 0'), [12, 0]);
    assert.deepEqual(lex('12 0 RG'), [12, 0, { op: 'RG' }], 'R must stand alone');
    assert.deepEqual(lex('1.5 0 R'), [1.5, 0, { op: 'R' }], 'a real is no object number');
    assert.deepEqual(lex('-1 0 R'), [-1, 0, { op: 'R' }]);
    assert.deepEqual(lex('1 2 3 0 R'), [1, 2, { ref: [3, 0] }]);
    assert.deepEqual(one('[1 0 R 2 0 R 3]'), [{ ref: [1, 0] }, { ref: [2, 0] }, 3]);
    assert.deepEqual(lex('4 0 R/X'), [{ ref: [4, 0] }, { name: 'X' }]);
  });

  test('dictionaries and arrays, nested; keywords true/false/null; a key without a value', () => {
    assert.deepEqual(one('<< /Type /Page /Kids [1 0 R [2 (x)]] /Sub << /N 1 >> /T true /F false /Z null /Hex <41> /Last >>'), {
      Type: { name: 'Page' },
      Kids: [{ ref: [1, 0] }, [2, 'x']],
      Sub: { N: 1 },
      T: true,
      F: false,
      Z: null,
      Hex: 'A',
      Last: null,
    });
    assert.deepEqual(one('<</A/B/C[/D]>>'), { A: { name: 'B' }, C: [{ name: 'D' }] }, 'no spaces needed between delimiters');
    assert.deepEqual(one('[true false null]'), [true, false, null]);
    assert.deepEqual(one('[]'), []);
    assert.throws(() => one('<< 1 2 >>'), Unsupported, 'a key that is no name');
    assert.throws(() => one('[1 2'), Unsupported, 'an unterminated array');
    assert.throws(() => one('<< /A 1'), Unsupported, 'an unterminated dictionary');
  });

  test('comments are white space, up to the end of the line', () => {
    assert.deepEqual(lex('% a comment\n42 % more\r[1 % 9 ]\n 2]%end'), [42, [1, 2]]);
    assert.deepEqual(lex('%only a comment'), []);
  });

  test('operators in content streams, with their operands', () => {
    assert.deepEqual(lex("BT /F1 12 Tf (a) ' 1 2 (b) \" T* ET", false), [
      { op: 'BT' },
      { name: 'F1' },
      12,
      { op: 'Tf' },
      'a',
      { op: "'" },
      1,
      2,
      'b',
      { op: '"' },
      { op: 'T*' },
      { op: 'ET' },
    ]);
    assert.deepEqual(lex('1 0 0 RG 0.5 g f* W n', false), [1, 0, 0, { op: 'RG' }, 0.5, { op: 'g' }, { op: 'f*' }, { op: 'W' }, { op: 'n' }]);
    const lx = new Lexer(latin1('   '));
    assert.throws(() => lx.read(false), Unsupported, 'reading past the end');
  });

  test('a lexer over a slice stops at its end', () => {
    const lx = new Lexer(latin1('(skip) 7 8 9'), 6, 10);
    assert.deepEqual([lx.read(false), lx.read(false)], [7, 8]);
    lx.skipSpace();
    assert.equal(lx.pos, 10);
    assert.throws(() => lx.read(false), Unsupported, 'the 9 lies beyond the end');
  });
});

// --- file ----------------------------------------------------------------------------------------

describe('native PDF reader: file structure', () => {
  test('cross-reference entries not in the fixed 20-byte form read as the standard ones', () => {
    const pdf = new RawPdf();
    pdf.obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
    pdf.obj(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
    pdf.obj(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R >>');
    pdf.obj(4, stream('', 'BT ET'));
    pdf.obj(6, '(six)');
    pdf.xref('/Size 7 /Root 1 0 R', [1, 2, 3, 4, 6], [5]);
    const standard = pdf.build();
    const text = standard.toString('latin1');
    const at = text.lastIndexOf('\nxref\n');
    // Unpadded numbers, one space or several, a comment after an entry, entries on one line: what a
    // careless writer makes and the lexer reads.
    let k = 0;
    const loose = text.slice(0, at) + text.slice(at).replace(/(\d{10}) (\d{5}) ([nf])\r\n/g, (_m, off: string, gen: string, kind: string) => {
      const n = k++;
      return n % 3 === 0 ? `${Number(off)}  ${Number(gen)} ${kind}\n` : n % 3 === 1 ? `${off} ${gen} ${kind}% an entry\n` : `${off} ${gen} ${kind} `;
    });
    assert.notEqual(loose, text);
    const a = new PdfFile(standard);
    const b = new PdfFile(latin1(loose));
    for (const num of [1, 2, 3, 5, 6]) assert.deepEqual(b.object(num), a.object(num), `object ${num}`);
    assert.equal(b.object(6), 'six');
    assert.equal(b.object(5), null, 'a free entry');
    assert.equal(b.pages.length, 1);
  });

  test('a classic cross-reference table: objects read at their offsets, missing ones are null', () => {
    const pdf = new RawPdf();
    pdf.obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
    pdf.append('% junk between objects (trailing comments, padding)\n\n');
    pdf.obj(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
    pdf.obj(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R >>');
    pdf.obj(4, stream('', 'BT ET'));
    pdf.obj(5, '<< /Value (hello) /Ref 6 0 R /Arr [1 2 3] >>');
    pdf.obj(6, '42');
    pdf.xref('/Size 8 /Root 1 0 R /Info 7 0 R');
    const file = new PdfFile(pdf.build());
    assert.equal(file.trailer.raw('Size'), 8);
    const five = file.dict(new PdfRef(5, 0))!;
    assert.equal(five.raw('Value'), 'hello');
    assert.equal(file.get(five, 'Ref'), 42, 'a reference resolves');
    assert.deepEqual(file.numbers(five.raw('Arr')), [1, 2, 3]);
    assert.equal(file.object(7), null, 'an object the table does not list');
    assert.equal(file.object(99), null);
    assert.equal(file.pages.length, 1);
    assert.deepEqual(file.pages[0].mediaBox, [0, 0, 200, 100]);
    const content = file.object(4);
    assert.ok(content instanceof PdfStream);
    assert.equal(latin1('').toString() + Buffer.from(file.decode(content)).toString('latin1'), 'BT ET');
  });

  test('no startxref, or a startxref pointing at nothing, is Unsupported', () => {
    const good = simplePdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>']);
    assert.equal(new PdfFile(good).pages.length, 0);
    const cut = good.subarray(0, good.lastIndexOf('startxref'));
    assert.throws(() => new PdfFile(cut), Unsupported);
    const wrong = Buffer.from(good.toString('latin1').replace(/startxref\n\d+/, 'startxref\n20'), 'latin1');
    assert.throws(() => new PdfFile(wrong), Unsupported);
    const beyond = Buffer.from(good.toString('latin1').replace(/startxref\n\d+/, 'startxref\n999999'), 'latin1');
    assert.throws(() => new PdfFile(beyond), Unsupported);
  });

  test('an incremental update: the newer section wins, older objects stay, a freed object is gone', async () => {
    const pdf = new RawPdf();
    const objs = docObjects({ content: 'BT /F1 10 Tf 100 700 Td (Old) Tj ET', extra: ['(only in the first)', '(to be freed)', '(replaced)'] });
    for (const [n, body] of objs) pdf.obj(n, body);
    const first = pdf.xref('/Size 14 /Root 1 0 R');
    pdf.obj(4, stream('', 'BT /F1 10 Tf 100 700 Td (New) Tj ET'));
    pdf.obj(13, '(replacement)');
    pdf.obj(14, '(added)');
    pdf.xref(`/Size 15 /Root 1 0 R /Prev ${first}`, [4, 13, 14], [12]);
    const bytes = pdf.build();
    const file = new PdfFile(bytes);
    assert.equal(file.trailer.raw('Prev'), first, 'the trailer is the newest one');
    assert.equal(file.object(11), 'only in the first');
    assert.equal(file.object(12), null);
    assert.equal(file.object(13), 'replacement');
    assert.equal(file.object(14), 'added');
    const [page] = await sameAsPdfjs(bytes);
    assert.equal(text(page), 'New');
  });

  test('a cross-reference stream (/W, /Index with two subsections, PNG predictor) and an object stream', async () => {
    for (const [w1, w2] of [
      [2, 1],
      [3, 2],
    ]) {
      const pdf = new RawPdf();
      const objs = docObjects({ content: 'BT /F2 12 Tf 100 700 Td <000100020004> Tj ET' });
      // Streams stay at top level; every dictionary goes into the object stream 20.
      const packed: [number, string][] = [];
      for (const [n, body] of objs) {
        if (typeof body === 'string') packed.push([n, body]);
        else pdf.obj(n, body);
      }
      const rows = pdf.objectStream(20, packed);
      rows.set(0, [0, 0, 0] as XrefRow);
      pdf.xrefStream(21, '/Root 1 0 R', rows, w1, w2);
      const bytes = pdf.build();
      const file = new PdfFile(bytes);
      assert.deepEqual(plain(file.trailer.raw('Index')!), [0, 11, 20, 2], 'subsections 0–10 and 20–21');
      assert.deepEqual(plain(file.trailer.raw('W')!), [1, w1, w2]);
      assert.equal(nameOfValue(file.get(file.dict(new PdfRef(2, 0))!, 'Type')), 'Pages', 'a dictionary from the object stream');
      const objStm = file.object(20);
      assert.ok(objStm instanceof PdfStream && nameOfValue(objStm.dict.raw('Type')) === 'ObjStm');
      assert.equal(file.pages.length, 1);
      const [page] = await sameAsPdfjs(bytes);
      assert.equal(text(page), '预算0');
    }
  });

  test('a hybrid file (as Word writes it): an empty update table with /XRefStm and /Prev to a table marking packed objects free', async () => {
    const pdf = new RawPdf();
    const packed: [number, string][] = [];
    for (const [n, body] of docObjects({ content: 'BT /F1 10 Tf 100 700 Td (Hybrid) Tj ET' })) {
      if (typeof body === 'string') packed.push([n, body]);
      else pdf.obj(n, body);
    }
    const rows = pdf.objectStream(20, packed);
    const main = pdf.xref('/Size 22 /Root 1 0 R', [4, 8, 20], packed.map(([n]) => n));
    const stm = pdf.xrefStream(21, '/Size 22', rows, 2, 1, false);
    pdf.xref(`/Size 22 /Root 1 0 R /Prev ${main} /XRefStm ${stm}`, []);
    const bytes = pdf.build();
    const file = new PdfFile(bytes);
    assert.ok(file.dict(new PdfRef(5, 0)), 'a font from the object stream, though the main table says free');
    const [page] = await sameAsPdfjs(bytes);
    assert.equal(text(page), 'Hybrid');
  });

  test('an update written as a cross-reference stream, chained by /Prev to a classic table', async () => {
    const pdf = new RawPdf();
    for (const [n, body] of docObjects({ content: 'BT /F1 10 Tf 100 700 Td (Before) Tj ET' })) pdf.obj(n, body);
    const first = pdf.xref('/Size 11 /Root 1 0 R');
    pdf.obj(4, flateStream('', 'BT /F1 10 Tf 100 700 Td (After) Tj ET'));
    const rows = pdf.objectStream(12, [[11, '(packed in the update)']]);
    pdf.xrefStream(13, `/Root 1 0 R /Prev ${first}`, rows);
    const bytes = pdf.build();
    const file = new PdfFile(bytes);
    assert.equal(file.object(11), 'packed in the update');
    const [page] = await sameAsPdfjs(bytes);
    assert.equal(text(page), 'After');
  });

  test('PNG predictor rows of every type (None, Sub, Up, Average, Paeth) decode exactly', () => {
    // Twelve objects give twelve rows, so each of the five row filters appears at least twice.
    const pdf = new RawPdf();
    pdf.obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
    pdf.obj(2, '<< /Type /Pages /Kids [] /Count 0 >>');
    for (let n = 3; n <= 12; n++) pdf.obj(n, `(object ${n} ${'x'.repeat(n * 37)})`);
    pdf.xrefStream(13, '/Root 1 0 R', new Map(), 3, 1);
    const file = new PdfFile(pdf.build());
    for (let n = 3; n <= 12; n++) assert.equal(file.object(n), `object ${n} ${'x'.repeat(n * 37)}`);
  });

  test('FlateDecode content; ASCIIHex then Flate; several content streams joined with a space', async () => {
    const content = 'BT /F1 10 Tf 100 700 Td (Flate) Tj ET';
    const [flat] = await sameAsPdfjs(doc({ contentObject: flateStream('', content) }));
    assert.equal(text(flat), 'Flate');

    const hex = deflateSync(latin1('BT /F1 10 Tf 100 700 Td (Hex) Tj ET')).toString('hex').replace(/(.{20})/g, '$1\n') + '>';
    const [chained] = await sameAsPdfjs(doc({ contentObject: stream('/Filter [/ASCIIHexDecode /FlateDecode]', hex) }));
    assert.equal(text(chained), 'Hex');

    const bytes = doc({ page: '/Contents [4 0 R 11 0 R]', content: 'BT /F1 10 Tf 100 700 Td (A) Tj', extra: [stream('', '(B) Tj ET')] });
    // /Contents given twice: the later key (the array) wins.
    const file = new PdfFile(bytes);
    assert.equal(Buffer.from(file.contents(file.pages[0])).toString('latin1'), 'BT /F1 10 Tf 100 700 Td (A) Tj (B) Tj ET ');
    const [joined] = await sameAsPdfjs(bytes);
    assert.equal(text(joined), 'AB');
  });

  test('an unknown filter or a TIFF predictor is Unsupported', () => {
    assert.throws(() => openNative(doc({ contentObject: stream('/Filter /LZWDecode', 'xx') })).page(1), Unsupported);
    const tiff = stream('/Filter /FlateDecode /DecodeParms << /Predictor 2 /Columns 4 >>', deflateSync(latin1('BT ET ')));
    assert.throws(() => openNative(doc({ contentObject: tiff })).page(1), Unsupported);
  });

  test('a wrong /Length: the data ends at endstream', async () => {
    const content = 'BT /F1 10 Tf 100 700 Td (Longer than five) Tj ET';
    for (const length of [5, 99999]) {
      const bytes = doc({ contentObject: stream('', content, length) });
      const file = new PdfFile(bytes);
      assert.equal(Buffer.from(file.decode(file.object(4) as PdfStream)).toString('latin1'), content, `/Length ${length}`);
      const [page] = await sameAsPdfjs(bytes);
      assert.equal(text(page), 'Longerthanfive');
    }
    // Data ended by CR LF before endstream: neither byte is data.
    const crlf = Buffer.concat([latin1('<< /Length 3 >>\nstream\r\n'), latin1('abcdef\r\nendstream')]);
    const file = fileWith([crlf]);
    assert.equal(Buffer.from(file.decode(file.object(5) as PdfStream)).toString('latin1'), 'abcdef');
  });

  test('an indirect /Length is resolved', async () => {
    const content = 'BT /F1 10 Tf 100 700 Td (Indirect) Tj ET';
    const bytes = doc({ contentObject: stream('', content, '11 0 R'), extra: [String(content.length)] });
    const file = new PdfFile(bytes);
    const s = file.object(4) as PdfStream;
    assert.equal(s.end - s.start, content.length);
    const [page] = await sameAsPdfjs(bytes);
    assert.equal(text(page), 'Indirect');
  });

  test('an /Encrypt entry in the trailer is Unsupported', () => {
    const objs = [...docObjects({ content: 'BT ET' }).values()];
    objs.push('<< /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>');
    const bytes = simplePdf(objs, '/Encrypt 11 0 R /ID [<01> <01>]');
    assert.throws(() => new PdfFile(bytes), Unsupported);
    assert.throws(() => openNative(bytes), (e: unknown) => e instanceof Unsupported && /encrypt/.test(e.message));
  });

  test('MediaBox, Resources and Rotate are inherited from the /Pages nodes; a page may override them', async () => {
    const objs = docObjects({});
    objs.set(2, '<< /Type /Pages /Kids [11 0 R] /Count 2 /MediaBox [0 0 400 300] /Rotate 90 /Resources << /Font << /F1 5 0 R >> >> >>');
    objs.set(11, '<< /Type /Pages /Parent 2 0 R /Kids [3 0 R 12 0 R] /Count 2 >>');
    objs.set(3, '<< /Type /Page /Parent 11 0 R /Contents 4 0 R >>');
    objs.set(4, stream('', 'BT /F1 10 Tf 100 200 Td (In) Tj ET'));
    objs.set(12, '<< /Type /Page /Parent 11 0 R /Contents 13 0 R /Rotate 0 /MediaBox [0 0 200 100] /CropBox [0 0 150 100] >>');
    objs.set(13, stream('', 'BT /F1 10 Tf 10 50 Td (Own) Tj ET'));
    const pdf = new RawPdf();
    for (const [n, body] of objs) pdf.obj(n, body);
    pdf.xref('/Size 14 /Root 1 0 R');
    const bytes = pdf.build();
    const file = new PdfFile(bytes);
    assert.equal(file.pages.length, 2);
    assert.deepEqual(file.pages[0].mediaBox, [0, 0, 400, 300]);
    assert.equal(file.pages[0].rotate, 90);
    assert.ok(file.pages[0].resources?.raw('Font'), 'resources inherited');
    assert.equal(file.pages[0].cropBox, null);
    assert.deepEqual(file.pages[1].mediaBox, [0, 0, 200, 100]);
    assert.deepEqual(file.pages[1].cropBox, [0, 0, 150, 100]);
    assert.equal(file.pages[1].rotate, 0);
    const [p1, p2] = await sameAsPdfjs(bytes);
    assert.deepEqual([p1.width, p1.height], [300, 400], 'rotated: width and height swapped');
    assert.equal(text(p1), 'In');
    assert.deepEqual([p2.width, p2.height], [150, 100]);
    assert.equal(text(p2), 'Own');
  });

  test('a page tree that loops, or a kid that is neither page nor node, is Unsupported', () => {
    const loop = simplePdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R] /Count 1 >>']);
    assert.throws(() => new PdfFile(loop), Unsupported);
    const odd = simplePdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Font >>']);
    assert.throws(() => new PdfFile(odd), Unsupported);
    const noRoot = simplePdf(['<< /Type /Catalog /Pages 2 0 R >>'], '/Root 9 0 R');
    assert.throws(() => new PdfFile(noRoot), Unsupported);
  });
});

function nameOfValue(v: PdfValue | undefined): string | null {
  return v instanceof PdfName ? v.name : null;
}

// --- fonts ---------------------------------------------------------------------------------------

describe('native PDF reader: fonts', () => {
  const map = (sections: string): Record<string, string> => {
    const m = parseToUnicode(latin1(cmap(sections)));
    const out: Record<string, string> = {};
    m.forEach((u, code) => (out[code.toString(16)] = u));
    return out;
  };

  test('parseToUnicode: bfchar, bfrange from a start string, bfrange with an array', () => {
    assert.deepEqual(map('2 beginbfchar\n<0003> <0020>\n<0024> <4E2D>\nendbfchar'), { 3: ' ', 24: '中' });
    assert.deepEqual(map('1 beginbfrange\n<0010> <0012> <0041>\nendbfrange'), { 10: 'A', 11: 'B', 12: 'C' });
    assert.deepEqual(map('1 beginbfrange\n<0020> <0022> [<0058> <0059> <005A> <0021>]\nendbfrange'), { 20: 'X', 21: 'Y', 22: 'Z' }, 'array items past the range are ignored');
    assert.deepEqual(map('1 beginbfrange\n<0030> <0031> <00660069>\nendbfrange'), { 30: 'fi', 31: 'fj' }, 'only the last byte counts up');
    assert.deepEqual(map('1 beginbfchar\n<41> <0042>\nendbfchar'), { 41: 'B' }, 'one-byte codes');
  });

  test('parseToUnicode: a bfrange whose last byte passes FF carries into the byte before', () => {
    assert.deepEqual(map('1 beginbfrange\n<00FE> <0101> <00FE>\nendbfrange'), { fe: 'þ', ff: 'ÿ', 100: 'Ā', 101: 'ā' });
  });

  test('parseToUnicode: surrogate pairs, odd-length destinations, several sections, later wins', () => {
    assert.deepEqual(map('1 beginbfchar\n<0005> <D840DC00>\nendbfchar'), { 5: '\u{20000}' });
    assert.deepEqual(map('2 beginbfchar\n<0006> <41>\n<0007> <004142>\nendbfchar'), { 6: 'A', 7: '\u0000\u4142' }, 'an odd byte count gets a leading zero byte');
    assert.deepEqual(
      map('1 beginbfchar\n<0001> <0041>\nendbfchar\n1 beginbfrange\n<0001> <0002> <0061>\nendbfrange\n1 beginbfchar\n<0002> <005A>\nendbfchar'),
      { 1: 'a', 2: 'Z' },
    );
    assert.throws(() => parseToUnicode(latin1('/Other usecmap')), Unsupported);
  });

  test('TrueType, WinAnsiEncoding, no ToUnicode: Windows-1252 text, /Widths from /FirstChar, MissingWidth', () => {
    const font = fontOf([
      '<< /Type /Font /Subtype /TrueType /BaseFont /Arimo /FirstChar 65 /LastChar 67 /Widths 7 0 R /Encoding /WinAnsiEncoding /FontDescriptor 6 0 R >>',
      '<< /Type /FontDescriptor /FontName /Arimo /Flags 32 /MissingWidth 250 >>',
      '[500 600 700]',
    ]);
    assert.deepEqual(glyphText(font, '\x93A\x80\xa0C\x94 \x81\xad\x7f\x05\xe9'), ['“', 'A', '€', ' ', 'C', '”', ' ', '•', '-', '•', '\x05', 'é']);
    assert.deepEqual(glyphWidths(font, 'ABCD\x93'), [500, 600, 700, 250, 250]);
    assert.deepEqual(
      font.glyphs(' \xa0A').map((g) => g.isSpace),
      [true, false, false],
      'only code 32 is a space for word spacing',
    );
    assert.deepEqual(font.info.fontMatrix, [0.001, 0, 0, 0.001, 0, 0]);

    // Without a descriptor pdf.js takes the missing width from its standard font metrics.
    assert.throws(() => fontOf(['<< /Type /Font /Subtype /TrueType /BaseFont /Courier /FirstChar 65 /Widths [500] /Encoding /WinAnsiEncoding >>']), Unsupported);
  });

  test('TrueType with a ToUnicode: the map wins, WinAnsi fills the rest; with no /Encoding the map alone', () => {
    const withEncoding = fontOf([
      '<< /Type /Font /Subtype /TrueType /BaseFont /Arimo /FirstChar 32 /Widths [250] /Encoding /WinAnsiEncoding /ToUnicode 6 0 R /FontDescriptor 7 0 R >>',
      stream('', cmap('1 beginbfchar\n<41> <4E2D>\nendbfchar')),
      '<< /Type /FontDescriptor /FontName /Arimo /Flags 32 >>',
    ]);
    assert.deepEqual(glyphText(withEncoding, 'AB\x93'), ['中', 'B', '“']);
    const mapOnly = fontOf([
      '<< /Type /Font /Subtype /TrueType /BaseFont /Arimo /FirstChar 32 /Widths [250] /ToUnicode 6 0 R /FontDescriptor 7 0 R >>',
      stream('', cmap('1 beginbfrange\n<41> <42> <9884>\nendbfrange')),
      '<< /Type /FontDescriptor /FontName /Arimo /Flags 32 >>',
    ]);
    assert.deepEqual(glyphText(mapOnly, 'ABC'), ['预', '\u9885', 'C']);
  });

  test('Type0 Identity-H: widths from /W in both forms and /DW; unmapped codes read as their own character', () => {
    const font = fontOf([
      '<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>',
      '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /DW 900 /W [1 [500 600] 10 12 700 20 [800] 30 8 0 R] /FontDescriptor 9 0 R >>',
      stream('', F2_CMAP),
      '[650]',
      CID_DESCRIPTOR,
    ]);
    const s = (codes: number[]): string => codes.map((c) => String.fromCharCode(c >> 8, c & 0xff)).join('');
    assert.deepEqual(
      glyphWidths(font, s([1, 2, 3, 9, 10, 11, 12, 13, 20, 21, 30, 31])),
      [500, 600, 900, 900, 700, 700, 700, 900, 800, 900, 650, 900],
    );
    assert.deepEqual(font.glyphs(s([1, 2, 3, 4, 6, 0x4e2d])).map((g) => g.unicode), ['预', '算', ' ', '0', '2', '中']);
    assert.deepEqual(font.glyphs('\x00\x01\x4e').map((g) => g.unicode), ['预', '一'], 'a stray last byte reads as byte·256 (as pdf.js)');
    assert.deepEqual(glyphWidths(font, '\x00\x01\x00'), [500, 900], 'a stray 0 byte is code 0');
    const noDw = fontOf([
      '<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>',
      '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /FontDescriptor 8 0 R >>',
      stream('', F2_CMAP),
      CID_DESCRIPTOR,
    ]);
    assert.deepEqual(glyphWidths(noDw, s([1, 0x4e2d])), [1000, 1000]);
  });

  test('fonts the native reader leaves to pdf.js are Unsupported', () => {
    const cid = `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /FontDescriptor ${CID_DESCRIPTOR} >>`;
    const cases: [string, Body[]][] = [
      ['Type1', ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']],
      ['Type3', ['<< /Type /Font /Subtype /Type3 /FontMatrix [0.001 0 0 0.001 0 0] >>']],
      ['Type0 with a vertical predefined CMap', ['<< /Type /Font /Subtype /Type0 /Encoding /UniGB-UCS2-V /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>', cid, stream('', F2_CMAP)]],
      ['Type0 with Identity-V', ['<< /Type /Font /Subtype /Type0 /Encoding /Identity-V /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>', cid, stream('', F2_CMAP)]],
      ['Type0 with an unknown CMap name', ['<< /Type /Font /Subtype /Type0 /Encoding /Nonesuch-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>', cid, stream('', F2_CMAP)]],
      [
        'a predefined CMap without ToUnicode and an unknown character collection',
        ['<< /Type /Font /Subtype /Type0 /Encoding /GBK-EUC-H /DescendantFonts [6 0 R] >>', `<< /Type /Font /Subtype /CIDFontType2 /CIDSystemInfo << /Registry (Adobe) /Ordering (Nonesuch) /Supplement 0 >> /FontDescriptor ${CID_DESCRIPTOR} >>`],
      ],
      ['Type0 with an embedded CMap', ['<< /Type /Font /Subtype /Type0 /Encoding 7 0 R /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>', cid, stream('', F2_CMAP)]],
      [
        'a CIDFont without FontDescriptor (pdf.js reads it as a simple standard font)',
        ['<< /Type /Font /Subtype /Type0 /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>', '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun >>', stream('', F2_CMAP)],
      ],
      ['Type0 without ToUnicode', ['<< /Type /Font /Subtype /Type0 /Encoding /Identity-H /DescendantFonts [6 0 R] >>', cid]],
      ['ToUnicode as a name', ['<< /Type /Font /Subtype /Type0 /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode /Identity-H >>', cid]],
      [
        'Type0 with a font program in FontFile3 that is neither CIDFontType0C nor Type1C',
        [
          '<< /Type /Font /Subtype /Type0 /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>',
          '<< /Type /Font /Subtype /CIDFontType0 /FontDescriptor 8 0 R >>',
          stream('', F2_CMAP),
          '<< /Type /FontDescriptor /FontFile3 7 0 R >>',
        ],
      ],
      ['TrueType with MacRomanEncoding', ['<< /Type /Font /Subtype /TrueType /FirstChar 32 /Widths [250] /Encoding /MacRomanEncoding >>']],
      ['TrueType with /Differences', ['<< /Type /Font /Subtype /TrueType /FirstChar 32 /Widths [250] /Encoding << /Differences [65 /B] >> >>']],
      ['TrueType without an encoding or a map', ['<< /Type /Font /Subtype /TrueType /FirstChar 32 /Widths [250] >>']],
      ['TrueType without /Widths', ['<< /Type /Font /Subtype /TrueType /BaseFont /Arial /Encoding /WinAnsiEncoding >>']],
    ];
    for (const [what, objects] of cases) assert.throws(() => fontOf(objects), Unsupported, what);
  });
});

// --- pages ---------------------------------------------------------------------------------------

describe('native PDF reader: page content', () => {
  test("marked content's property dictionaries are stepped over: strings with brackets, nested dictionaries, hex strings, comments", async () => {
    // Tagged PDFs (Word, WPS) open marked content with a dictionary before most text runs; the
    // reader does not build them, and the text around and after them reads as pdf.js reads it.
    const [page] = await sameAsPdfjs(
      doc({
        content:
          '/Span <</ActualText (a >> b \\) c) /Lang <7A68> /Nested <</K [1 2] /S (x(y)z)>> % a >> comment\n>> BDC ' +
          'BT /F1 10 Tf 100 700 Td (AB) Tj ET EMC /P <</MCID 3>> BDC BT /F1 10 Tf 100 600 Td (C) Tj ET EMC /Tag <<>> DP',
      }),
    );
    assert.equal(text(page), 'ABC');
    const lx = new Lexer(latin1('/P <</MCID 3 /S (>>)>> BDC 7'));
    lx.skipDictionaries = true;
    assert.deepEqual([plain(lx.read(false), lx), lx.read(false), plain(lx.read(false), lx), lx.read(false)], [{ name: 'P' }, null, { op: 'BDC' }, 7]);
    const open = new Lexer(latin1('<</A <</B 1>>'));
    open.skipDictionaries = true;
    assert.throws(() => open.read(false), Unsupported, 'a dictionary left open');
  });

  test('text positions from Tm, Td and TJ spacing', async () => {
    const [page] = await sameAsPdfjs(
      doc({
        content:
          'BT /F1 10 Tf 1 0 0 1 100 700 Tm (AB) Tj 20 -30 Td [(A) -500 (B) 250 (C)] TJ ET\n' +
          'BT 12 0 0 12 300 500 Tm /F1 1 Tf (D) Tj 0 -2 Td (A) Tj ET',
      }),
    );
    assert.equal(text(page), 'ABABCDA');
    const [a1, b1, a2, b2, c2, d, a3] = page.chars;
    near(a1.x0, 100, 'A x0');
    near(a1.base, 100, 'A base');
    near(a1.x1, 103, 'A x1 (width 300)');
    near(a1.size, 10);
    near(b1.x0, 103, 'B after A');
    near(a2.x0, 120, 'Td moves from the line start');
    near(a2.base, 130);
    near(b2.x0, 128, 'TJ -500 moves right by 5');
    near(c2.x0, 129, 'TJ 250 moves left by 2.5');
    near(d.x0, 300, 'Tm scaling');
    near(d.base, 300);
    near(d.size, 12);
    near(a3.x0, 300, 'Td in text space scaled by Tm');
    near(a3.base, 324);
  });

  test('Type0 text: two-byte codes, widths from /W, spacing and a code missing from ToUnicode', async () => {
    const [page] = await sameAsPdfjs(doc({ content: 'BT /F2 20 Tf 100 700 Td [<0001> 100 <0002> <0003> <0004000500064E2D>] TJ ET' }));
    assert.equal(text(page), '预算012中');
    near(charOf(page, '预').x0, 100);
    near(charOf(page, '算').x0, 108, '预 is 500 wide, then 100 back');
    near(charOf(page, '0').x0, 140, '算 600 wide, the space (DW) 1000 wide');
    near(charOf(page, '1').x0, 154, 'digits 700 wide from /W c1 c2 w');
    near(charOf(page, '中').x0, 182);
    near(charOf(page, '中').x1, 202, 'DW');
    // A stray last byte reads as byte·256 in both readers: 0x4E alone is 一 (U+4E00), 1000 wide.
    const [odd] = await sameAsPdfjs(doc({ content: 'BT /F2 20 Tf 100 700 Td <00014E> Tj (A) Tj ET' }));
    assert.equal(text(odd), '预一' + '\u4100');
    near(odd.chars[2].x0, 130);
  });

  test('Tc, Tw (on code 32 only), Tz, Ts and a negative font size', async () => {
    const [page] = await sameAsPdfjs(
      doc({ content: 'BT /F1 10 Tf 100 700 Td 1 Tc 3 Tw (A B) Tj ET BT /F1 10 Tf 100 600 Td 50 Tz 2 Ts (AB) Tj ET BT /F1 -10 Tf 100 500 Td (C) Tj ET' }),
    );
    assert.equal(text(page), 'ABABC');
    near(page.chars[1].x0, 100 + 3 + 1 + 2.5 + 1 + 3, 'A, Tc, space, Tc, Tw');
    near(page.chars[3].x0, 102, 'Tz 50 halves the advance (Tc 1 is still set: BT does not reset it)');
    near(page.chars[2].base, 198, 'Ts raises the baseline');
  });

  test('q/Q restores the font: text after Q is decoded with the font in force before q', async () => {
    const [page] = await sameAsPdfjs(
      doc({ content: 'BT /F1 10 Tf 100 700 Td (A) Tj ET q BT /F2 20 Tf 100 600 Td <00010002> Tj ET Q BT 100 500 Td (AB) Tj ET' }),
    );
    assert.equal(text(page), 'A预算AB');
    const last = page.chars[3];
    assert.equal(last.c, 'A');
    near(last.size, 10);
    near(last.base, 300);
    near(page.chars[4].x0, 103, 'F1 widths again');
  });

  test("' and \" operators: next line by TL, then word and character spacing set by \"", async () => {
    const [page] = await sameAsPdfjs(doc({ content: 'BT /F1 10 Tf 14 TL 100 700 Td (A) Tj (B) \' 2 1 (C D) " (E) Tj ET' }));
    assert.equal(text(page), 'ABCDE');
    const [a, b, c, d, e] = page.chars;
    near(a.base, 100);
    near(b.x0, 100);
    near(b.base, 114);
    near(c.x0, 100);
    near(c.base, 128);
    near(d.x0, 100 + 4 + 1 + 2.5 + 1 + 2, 'Tc 1 and Tw 2 from "');
    near(e.x0, d.x0 + 4.5 + 1, 'Tc stays set after "');
  });

  test('a form XObject: its /Matrix and the current transformation place its text; its state does not leak', async () => {
    const form = stream(
      '/Type /XObject /Subtype /Form /BBox [0 0 200 200] /Matrix [2 0 0 2 50 50] /Resources << /Font << /F9 5 0 R >> >>',
      'BT /F9 10 Tf 10 20 Td (A) Tj ET',
    );
    const bare = stream('/Type /XObject /Subtype /Form /BBox [0 0 600 800]', 'BT /F1 10 Tf 400 400 Td (D) Tj ET');
    const [page] = await sameAsPdfjs(
      doc({
        resources: '/XObject << /Fm1 11 0 R /Fm2 12 0 R >>',
        extra: [form, bare],
        content: 'BT /F1 8 Tf 300 300 Td (B) Tj ET q 1 0 0 1 100 0 cm /Fm1 Do Q /Fm2 Do BT 300 200 Td (C) Tj ET',
      }),
    );
    assert.equal(text(page), 'BADC');
    const a = charOf(page, 'A');
    near(a.x0, 100 + 2 * 10 + 50, 'form text x');
    near(a.base, 800 - (2 * 20 + 50), 'form text base');
    near(a.size, 20, 'the matrix scales the size');
    const dd = charOf(page, 'D');
    near(dd.x0, 400, 'a form without resources uses the page resources');
    near(charOf(page, 'C').size, 8, 'the font size set inside forms does not leak');
  });

  test('an inline image is skipped over its binary data; text after it is read', async () => {
    const content = Buffer.concat([
      latin1('BT /F1 10 Tf 100 700 Td (A) Tj ET q 40 0 0 10 50 50 cm BI /W 4 /H 1 /BPC 8 /CS /G ID '),
      Buffer.from([0x45, 0x49, 0x28, 0xff]), // "EI(" and a high byte: no end, no string
      latin1('\nEI Q BT /F1 10 Tf 100 600 Td (After) Tj ET'),
    ]);
    const [page] = await sameAsPdfjs(doc({ content }));
    assert.equal(text(page), 'AAfter');
    near(charOf(page, 'f').base, 200);
    assert.throws(() => openNative(doc({ content: 'BI /W 1 /H 1 ID abc' })).page(1), Unsupported, 'no EI');
  });

  test('stroked lines become rules; white strokes and fills do not; thin filled boxes do', async () => {
    const [page] = await sameAsPdfjs(
      doc({
        content:
          '0 G 1 w 50 100 m 550 100 l S 100 50 m 100 750 l S 200 200 100 50 re S ' +
          '1 G 50 300 m 550 300 l S 1 1 1 RG 50 320 m 550 320 l S 0 0 0 0 K 50 340 m 550 340 l S ' +
          '0 0 0 1 K 50 360 m 550 360 l S 0 g 50 400 500 0.5 re f 1 g 50 420 500 0.5 re f ' +
          '0 G 10 10 m 20 40 l S',
      }),
    );
    assert.deepEqual(page.hRules, [
      { pos: 700, from: 50, to: 550 },
      { pos: 600, from: 200, to: 300 },
      { pos: 550, from: 200, to: 300 },
      { pos: 440, from: 50, to: 550 },
      { pos: 399.75, from: 50, to: 550 },
    ]);
    assert.deepEqual(page.vRules, [
      { pos: 100, from: 50, to: 750 },
      { pos: 300, from: 550, to: 600 },
      { pos: 200, from: 550, to: 600 },
    ]);
    assert.equal(page.chars.length, 0);
  });

  test('a /Rotate 90 page: width and height swapped, text and lines turned', async () => {
    const [page] = await sameAsPdfjs(doc({ page: '/Rotate 90', content: 'BT /F1 10 Tf 100 500 Td (AB) Tj ET 0 G 50 100 m 550 100 l S' }));
    assert.deepEqual([page.width, page.height], [800, 600]);
    assert.deepEqual(page.vRules, [{ pos: 100, from: 50, to: 550 }], 'a horizontal line in user space stands upright');
    assert.deepEqual(page.hRules, []);
    assert.equal(text(page), 'AB');
    const a = charOf(page, 'A');
    near(a.x0, 498.5, 'the glyph box spans x = user y − 0.15 em …');
    near(a.x1, 508.5, '… to user y + 0.85 em');
    near(a.top, 100, 'the text runs down from user x');
    near(charOf(page, 'B').top, 103, 'B below A');
  });

  test('a CropBox smaller than the MediaBox: the page is the crop box; text outside it is dropped', async () => {
    const [page] = await sameAsPdfjs(
      doc({ page: '/CropBox [50 50 550 750]', content: 'BT /F1 10 Tf 100 700 Td (A) Tj ET BT /F1 10 Tf 10 10 Td (X) Tj ET 0 G 60 100 m 500 100 l S' }),
    );
    assert.deepEqual([page.width, page.height], [500, 700]);
    assert.equal(text(page), 'A');
    near(page.chars[0].x0, 50);
    near(page.chars[0].base, 50);
    assert.deepEqual(page.hRules, [{ pos: 650, from: 10, to: 450 }]);
  });

  test('/Rotate 180, 270 and -90; a missing MediaBox (US Letter); a reversed MediaBox; a CropBox reaching outside', async () => {
    const content = 'BT /F1 10 Tf 100 500 Td (AB) Tj ET 0 G 50 100 m 550 100 l S 300 50 m 300 700 l S';
    for (const rotate of [180, 270, -90, 450]) {
      const [page] = await sameAsPdfjs(doc({ page: `/Rotate ${rotate}`, content }));
      const quarter = ((rotate % 360) + 360) % 180 === 90;
      assert.deepEqual([page.width, page.height], quarter ? [800, 600] : [600, 800], `/Rotate ${rotate}`);
      assert.equal(text(page), 'AB');
      assert.equal(page.hRules.length + page.vRules.length, 2);
    }
    const [letter] = await sameAsPdfjs(doc({ mediaBox: '', content }));
    assert.deepEqual([letter.width, letter.height], [612, 792]);
    near(charOf(letter, 'A').base, 292);
    const [reversed] = await sameAsPdfjs(doc({ mediaBox: '/MediaBox [600 800 0 0]', content }));
    assert.deepEqual([reversed.width, reversed.height], [600, 800]);
    near(charOf(reversed, 'A').base, 300);
    const [outside] = await sameAsPdfjs(doc({ page: '/CropBox [-100 100 400 1000]', content }));
    assert.deepEqual([outside.width, outside.height], [400, 700], 'the crop box within the media box');
    near(charOf(outside, 'A').x0, 100);
    near(charOf(outside, 'A').base, 300);
  });

  test('paths: curves are skipped, h and s close the subpath, fill-and-stroke, zero-size rectangles', async () => {
    const [page] = await sameAsPdfjs(
      doc({
        content:
          '0 G 50 500 m 100 500 l 100 550 150 550 150 500 c h S ' +
          '200 500 m 260 500 l 260 560 l s ' +
          '0 g 300 500 m 360 500 l 360 520 l 300 520 l b ' +
          '400 500 m 450 500 l 450 600 v 400 600 y S ' +
          '50 650 500 0 re S 100 300 0 200 re S ' +
          '0.5 w 50 200 m 550 200.5 l 550 300 l S',
      }),
    );
    assert.deepEqual(page.hRules, [
      { pos: 300, from: 50, to: 100 },
      { pos: 300, from: 50, to: 150 },
      { pos: 300, from: 200, to: 260 },
      { pos: 300, from: 300, to: 360 },
      { pos: 280, from: 300, to: 360 },
      { pos: 300, from: 400, to: 450 },
      { pos: 150, from: 50, to: 550 },
      { pos: 150, from: 50, to: 550 },
      { pos: 599.75, from: 50, to: 550 },
    ]);
    assert.deepEqual(page.vRules, [
      { pos: 260, from: 240, to: 300 },
      { pos: 360, from: 280, to: 300 },
      { pos: 300, from: 280, to: 300 },
      { pos: 100, from: 300, to: 500 },
      { pos: 100, from: 300, to: 500 },
      { pos: 550, from: 500, to: 599.5 },
    ]);
  });

  test('a form with a transparency /Group reads the same as pdf.js', async () => {
    const form = stream(
      '/Type /XObject /Subtype /Form /BBox [0 0 200 200] /Matrix [2 0 0 2 50 50] /Group << /S /Transparency >> /Resources << /Font << /F1 5 0 R >> >>',
      'BT /F1 10 Tf 10 20 Td (A) Tj ET 0 G 0 0 m 100 0 l S',
    );
    const [page] = await sameAsPdfjs(doc({ resources: '/XObject << /Fm1 11 0 R >>', extra: [form], content: '/Fm1 Do' }));
    assert.equal(text(page), 'A');
  });

  test(
    'a form with a transparency /Group applies its /Matrix once',
    () => {
      const form = stream(
        '/Type /XObject /Subtype /Form /BBox [0 0 200 200] /Matrix [2 0 0 2 50 50] /Group << /S /Transparency >> /Resources << /Font << /F1 5 0 R >> >>',
        'BT /F1 10 Tf 10 20 Td (A) Tj ET',
      );
      const [page] = nativePages(doc({ resources: '/XObject << /Fm1 11 0 R >>', extra: [form], content: '/Fm1 Do' }));
      near(charOf(page, 'A').x0, 70);
      near(charOf(page, 'A').size, 20);
    },
  );

  test(
    'operators glued to the next one ((D)\'ET) are split as pdf.js splits them',
    async () => {
      await sameAsPdfjs(doc({ content: "BT /F1 10 Tf 100 700 Td (A) Tj (D)'ET" }));
    },
  );

  test(
    'inline image data running straight into EI (no white space before it) ends there, as in pdf.js',
    async () => {
      const content = Buffer.concat([
        latin1('BI /W 2 /H 1 /BPC 8 /CS /G ID '),
        latin1('AB'),
        latin1('EI BT /F1 10 Tf 100 600 Td (Mid) Tj ET BI /W 1 /H 1 /BPC 8 /CS /G ID x EI'),
      ]);
      const [page] = await sameAsPdfjs(doc({ content }));
      assert.equal(text(page), 'Mid');
    },
  );

  test('text before any font, and a missing font resource, are Unsupported', () => {
    assert.throws(() => openNative(doc({ content: 'BT 100 700 Td (A) Tj ET' })).page(1), Unsupported);
    assert.throws(() => openNative(doc({ content: 'BT /F7 10 Tf 100 700 Td (A) Tj ET' })).page(1), Unsupported);
  });

  test('colour spaces by name and by resource (ICCBased with an /Alternate) decide whether a stroke is white', async () => {
    const [page] = await sameAsPdfjs(
      doc({
        resources: '/ColorSpace << /CS0 [/ICCBased 11 0 R] /CS1 [/ICCBased 12 0 R] >>',
        extra: [stream('/N 3 /Alternate /DeviceRGB', ''), stream('/N 4', '')],
        content:
          '/CS0 CS 1 1 1 SC 50 100 m 550 100 l S 0 0 0 SC 50 110 m 550 110 l S ' +
          '/DeviceGray CS 1 SC 50 120 m 550 120 l S /CS1 CS 0 0 0 0 SCN 50 130 m 550 130 l S 0 0 0 0.5 SCN 50 140 m 550 140 l S',
      }),
    );
    assert.deepEqual(page.hRules, [
      { pos: 690, from: 50, to: 550 },
      { pos: 660, from: 50, to: 550 },
    ]);
  });

  test('an ExtGState /Font sets the font of the text that follows', async () => {
    const bytes = doc({ resources: '/ExtGState << /GS1 << /Font [5 0 R 12] >> >>', content: '/GS1 gs BT 100 700 Td (A) Tj ET' });
    const [page] = nativePages(bytes);
    assert.equal(text(page), 'A');
    near(page.chars[0].size, 12);
    near(page.chars[0].x1, 103.6);
    // Not compared with pdf.js: content.ts ignores pdf.js's setGState operator, so the pdf.js path
    // never learns this font and reads no text here (a known difference between the two readers).
    assert.equal((await pdfjsPages(bytes))[0].chars.length, 0);
  });
});

// --- predefined CMaps and CFF programs --------------------------------------------------------------

/** A packed CMap as pdfjs-dist ships them, written item by item (see cmaps.ts for the format). */
class PackedCMap {
  private readonly out: number[];
  constructor(vertical = false) {
    this.out = [vertical ? 1 : 0];
  }
  private varint(n: number): void {
    const groups: number[] = [];
    do {
      groups.unshift(n & 127);
      n = Math.floor(n / 128);
    } while (n > 0);
    groups.forEach((g, i) => this.out.push(i < groups.length - 1 ? g | 128 : g));
  }
  private zigzag(n: number): void {
    this.varint(n >= 0 ? n * 2 : -n * 2 - 1);
  }
  private bytes(v: number, size: number): void {
    for (let i = size; i >= 0; i--) this.out.push(Math.floor(v / 256 ** i) & 255);
  }
  private head(kind: number, size: number, count: number, next = false): void {
    this.out.push((kind << 5) | (next ? 16 : 0) | size);
    this.varint(count);
  }
  /** Codespace ranges of size + 1 bytes. */
  codespace(size: number, ranges: [number, number][]): this {
    this.head(0, size, ranges.length);
    ranges.forEach(([lo, hi], i) => {
      if (i === 0) this.bytes(lo, size);
      else this.varint(lo - ranges[i - 1][1] - 1);
      this.varint(hi - lo);
    });
    return this;
  }
  /** code → CID, one by one; `next` when each code follows the one before. */
  cidChars(size: number, items: [number, number][], next = false): this {
    this.head(2, size, items.length, next);
    items.forEach(([code, cid], i) => {
      if (i === 0) {
        this.bytes(code, size);
        this.varint(cid);
        return;
      }
      if (!next) this.varint(code - items[i - 1][0] - 1);
      this.zigzag(cid - items[i - 1][1] - 1);
    });
    return this;
  }
  /** [low, high] → CIDs from cid. */
  cidRanges(size: number, items: [number, number, number][]): this {
    this.head(3, size, items.length);
    items.forEach(([lo, hi, cid], i) => {
      if (i === 0) this.bytes(lo, size);
      else this.varint(lo - items[i - 1][1] - 1);
      this.varint(hi - lo);
      this.varint(cid);
    });
    return this;
  }
  /** Two-byte codes → UTF-16BE strings of size + 1 bytes (here two: one BMP character). */
  bfChars(items: [number, number][]): this {
    this.head(4, 1, items.length);
    items.forEach(([code, u], i) => {
      if (i === 0) {
        this.bytes(code, 1);
        this.bytes(u, 1);
        return;
      }
      this.varint(code - items[i - 1][0] - 1);
      this.zigzag(u - items[i - 1][1] - 1);
    });
    return this;
  }
  bfRanges(items: [number, number, number][]): this {
    this.head(5, 1, items.length);
    items.forEach(([lo, hi, u], i) => {
      if (i === 0) this.bytes(lo, 1);
      else this.varint(lo - items[i - 1][1] - 1);
      this.varint(hi - lo);
      this.bytes(u, 1);
    });
    return this;
  }
  comment(text: string): this {
    this.out.push(0xe0);
    this.varint(text.length);
    for (const ch of text) this.varint(ch.charCodeAt(0));
    return this;
  }
  useCMap(name: string): this {
    this.out.push(0xe1);
    this.varint(name.length);
    for (const ch of name) this.varint(ch.charCodeAt(0));
    return this;
  }
  build(): Uint8Array {
    return Uint8Array.from(this.out);
  }
}

const codes = (c: PredefinedCMap, s: string): [number, number][] => {
  const out: [number, number][] = [];
  for (let i = 0; i < s.length; ) {
    const { code, length } = readCode(c, s, i);
    out.push([code, length]);
    i += length;
  }
  return out;
};

describe('native PDF reader: predefined CMaps', () => {
  const noBase = (name: string): PredefinedCMap => assert.fail(`no base CMap expected, asked for ${name}`);

  test('a packed CMap: codespace ranges, CID chars (with gaps and in sequence), CID ranges, the vertical flag', () => {
    const bytes = new PackedCMap(true)
      .comment('made for this test')
      .codespace(0, [[0x00, 0x7f]])
      .codespace(1, [[0x8140, 0x81fe], [0x8240, 0xfefe]])
      .cidChars(0, [[0x20, 5], [0x22, 9], [0x30, 3]])
      .cidChars(1, [[0x8150, 70], [0x8151, 71], [0x8152, 60]], true)
      .cidRanges(0, [[0x41, 0x43, 100], [0x61, 0x62, 200]])
      .cidRanges(1, [[0x8240, 0x8242, 1000], [0x8300, 0x8300, 2000]])
      .build();
    const c = parseBinaryCMap('Test-V', bytes, noBase);
    assert.equal(c.vertical, true);
    assert.deepEqual(c.codespace, [[0x00, 0x7f], [0x8140, 0x81fe, 0x8240, 0xfefe], [], []]);
    assert.deepEqual(
      [0x20, 0x22, 0x30, 0x8150, 0x8151, 0x8152, 0x41, 0x42, 0x43, 0x61, 0x62, 0x8240, 0x8242, 0x8300].map((code) => c.map.get(code)),
      [5, 9, 3, 70, 71, 60, 100, 101, 102, 200, 201, 1000, 1002, 2000],
    );
    assert.equal(c.map.get(0x21), undefined);
    assert.equal(parseBinaryCMap('Test-H', new PackedCMap().build(), noBase).vertical, false);
  });

  test('a packed CMap: bf chars and bf ranges to UTF-16 (a range carries past FF)', () => {
    const c = parseBinaryCMap('Test-UCS2', new PackedCMap().bfChars([[10, 0x9884], [12, 0x7b97]]).bfRanges([[20, 22, 0x30], [30, 32, 0x4efe]]).build(), noBase);
    const u = (code: number): string => {
      const s = c.map.get(code) as string;
      return String.fromCharCode((s.charCodeAt(0) << 8) | s.charCodeAt(1));
    };
    assert.deepEqual([10, 12, 20, 21, 22].map(u), ['预', '算', '0', '1', '2']);
    assert.deepEqual([30, 31, 32].map(u), ['\u4efe', '\u4eff', '\u4f00']);
  });

  test('usecmap: the base fills unmapped codes, this CMap wins where both map, the base codespace serves when there is none', () => {
    const base = parseBinaryCMap('Base-H', new PackedCMap().codespace(1, [[0x0000, 0xffff]]).cidRanges(1, [[0x0100, 0x0103, 50]]).build(), noBase);
    const c = parseBinaryCMap('Top-H', new PackedCMap().useCMap('Base-H').cidChars(1, [[0x0101, 7]]).build(), (name) => {
      assert.equal(name, 'Base-H');
      return base;
    });
    assert.deepEqual([0x0100, 0x0101, 0x0102, 0x0103].map((code) => c.map.get(code)), [50, 7, 52, 53]);
    assert.deepEqual(c.codespace, [[], [0, 0xffff], [], []]);
    assert.throws(() => parseBinaryCMap('Bad', Uint8Array.from([0, 0x61, 5, 0x30]), noBase), Unsupported, 'a truncated file');
  });

  test('readCode: the shortest code in a codespace range; none → one-byte code 0; bytes past the end count as 0', () => {
    const c = parseBinaryCMap('Mixed-H', new PackedCMap().codespace(0, [[0x00, 0x80]]).codespace(1, [[0x8140, 0xfefe]]).build(), noBase);
    assert.deepEqual(codes(c, 'A\xd2\xbb '), [[0x41, 1], [0xd2bb, 2], [0x20, 1]]);
    assert.deepEqual(codes(c, '\xff\x41'), [[0, 1], [0x41, 1]], 'FF starts no code: code 0, one byte');
    assert.deepEqual(codes(c, '\xd2'), [[0xd200, 2]], 'a lead byte at the end reads with a 0 after it');
  });

  test("the shipped CMaps: GBK-EUC-H (its <21>–<7E> → CIDs from 814), UniGB-UCS2-H and Adobe-GB1-UCS2 agree on 一", () => {
    const gbk = predefinedCMap('GBK-EUC-H');
    assert.deepEqual(gbk.codespace[0], [0x00, 0x80]);
    assert.equal(gbk.map.get(0x21), 814);
    assert.equal(gbk.map.get(0x41), 846);
    const uni = predefinedCMap('UniGB-UCS2-H');
    const cid = uni.map.get(0x4e00) as number;
    assert.equal(gbk.map.get(0xd2bb), cid, '一 in GBK is the same CID');
    assert.equal(predefinedCMap('Adobe-GB1-UCS2').map.get(cid), '\x4e\x00');
    assert.equal(predefinedCMap('UniGB-UCS2-V').vertical, true);
    assert.throws(() => predefinedCMap('Nonesuch-H'), Unsupported);
    assert.throws(() => predefinedCMap('../cmaps/GBK-EUC-H'), Unsupported, 'a name is no path');
  });
});

describe('native PDF reader: fonts with predefined CMaps (read as pdf.js reads them)', () => {
  /** F3: Type0 with a predefined CMap, a non-embedded CIDFont of the Adobe-GB1 collection. */
  const f3 = (encoding: string, extra = '', w = '/W [814 [500 520] 846 [600] 4162 [900] 7716 [250]]'): Body[] => [
    `<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /${encoding} /DescendantFonts [12 0 R] ${extra} >>`,
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 13 0 R /DW 1000 ${w} >>`,
    '<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 -140 1000 860] /ItalicAngle 0 /Ascent 860 /Descent -140 /CapHeight 700 /StemV 80 >>',
  ];

  test('GBK-EUC-H without ToUnicode: one- and two-byte codes, text through Adobe-GB1-UCS2, widths by CID, Tw on the one-byte space', async () => {
    const [page] = await sameAsPdfjs(doc({ fonts: '/F3 11 0 R', extra: f3('GBK-EUC-H'), content: 'BT /F3 10 Tf 5 Tw 100 700 Td (!A \xd2\xbb) Tj ET' }));
    assert.equal(text(page), '!A一');
    near(charOf(page, '!').x0, 100);
    near(charOf(page, 'A').x0, 105, '! is CID 814, 500 wide');
    near(charOf(page, '一').x0, 118.5, 'A (CID 846) 600 wide, the space (CID 7716) 250 wide plus Tw 5');
    // A byte that starts no code reads as code 0 (CID 0 by the same CMap), one byte long.
    await sameAsPdfjs(doc({ fonts: '/F3 11 0 R', extra: f3('GBK-EUC-H'), content: 'BT /F3 10 Tf 100 700 Td (\xffA) Tj ET' }));
  });

  test('UniGB-UCS2-H with a ToUnicode of its own: the included map wins; a CIDFontType0 without program', async () => {
    const objects = f3('UniGB-UCS2-H', '/ToUnicode 14 0 R');
    objects[1] = String(objects[1]).replace('CIDFontType2', 'CIDFontType0');
    objects.push(stream('', cmap('1 beginbfchar\n<4E00> <4E8C>\nendbfchar')));
    const [page] = await sameAsPdfjs(doc({ fonts: '/F3 11 0 R', extra: objects, content: 'BT /F3 10 Tf 100 700 Td <4E000041> Tj ET' }));
    assert.equal(text(page), '二A');
    near(charOf(page, 'A').x0, 109, '一 is CID 4162, 900 wide');
  });

  test('cffFontMatrix: the Top DICT FontMatrix (real numbers), none, or a malformed program', () => {
    const index = (items: number[][]): number[] => {
      const offsets = [1];
      for (const it of items) offsets.push(offsets[offsets.length - 1] + it.length);
      return [0, items.length, 1, ...offsets, ...items.flat()];
    };
    const cff = (dict: number[]): Uint8Array => Uint8Array.from([1, 0, 4, 1, ...index([[0x41]]), ...index([dict])]);
    // 0.002 as a real: nibbles 0 . 0 0 2 end; 0 as 139; FontMatrix is 12 7. Before it, FontBBox (5).
    const half = [0x1e, 0x0a, 0x00, 0x2f];
    const bbox = [139, 139, 0xf7, 0x00, 0xf7, 0x00, 5];
    assert.deepEqual(cffFontMatrix(cff([...bbox, ...half, 139, 139, ...half, 139, 139, 12, 7])), [0.002, 0, 0, 0.002, 0, 0]);
    assert.equal(cffFontMatrix(cff(bbox)), null);
    assert.throws(() => cffFontMatrix(Uint8Array.from([2, 0, 4, 1])), Unsupported);
    // In a font: the usual matrix (or none) is read natively, another one goes to pdf.js.
    const font = (program: Uint8Array): Body[] => [
      '<< /Type /Font /Subtype /Type0 /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>',
      '<< /Type /Font /Subtype /CIDFontType0 /FontDescriptor 8 0 R >>',
      stream('', F2_CMAP),
      '<< /Type /FontDescriptor /FontName /X /FontFile3 9 0 R >>',
      stream('/Subtype /CIDFontType0C', Buffer.from(program)),
    ];
    const thousandth = [0x1e, 0x0a, 0x00, 0x1f];
    assert.deepEqual(glyphText(fontOf(font(cff(bbox))), '\x00\x01'), ['预']);
    assert.deepEqual(glyphText(fontOf(font(cff([...thousandth, 139, 139, ...thousandth, 139, 139, 12, 7]))), '\x00\x02'), ['算']);
    assert.throws(() => fontOf(font(cff([...half, 139, 139, ...half, 139, 139, 12, 7]))), Unsupported);
  });
});
