/**
 * The native PDF reader against pdf.js: on every document it accepts, each page's content (every
 * glyph's text and box, every ruling line, the page size) must be exactly what pdf.js gives, and
 * readPdf must give the same blocks whichever reader ran. Over the synthetic fixtures in the
 * layout of Word/WPS exports (Identity-H fonts with ToUnicode), the real corpus and the seeds; of
 * cities/ the first file of each folder and every file with a predefined CJK CMap or a CFF program.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { describe, test } from 'node:test';
import { readPdf } from '../../src/read/pdf/read.js';
import { readPageContent } from '../../src/read/pdf/content.js';
import { openPdf } from '../../src/read/pdf/engine.js';
import { nameOf, PdfFile } from '../../src/read/pdf/native/file.js';
import { Unsupported, openNative } from '../../src/read/pdf/native/index.js';
import { PdfName } from '../../src/read/pdf/native/lexer.js';
import { PdfBuilder } from '../fixtures/pdf/builder.js';
import * as documents from '../fixtures/pdf/documents.js';
import { CORPUS, SEED, seed, sharedOnly } from '../helpers/shared.js';

/** Pages as pdf.js reads them. */
async function pdfjsPages(bytes: Buffer): Promise<unknown[]> {
  const doc = await openPdf(bytes, 'test.pdf');
  try {
    const pages: unknown[] = [];
    for (let p = 1; p <= doc.numPages; p++) pages.push(await readPageContent(await doc.getPage(p), p));
    return pages;
  } finally {
    await doc.destroy();
  }
}

function nativePages(bytes: Buffer): unknown[] {
  const doc = openNative(bytes);
  return Array.from({ length: doc.numPages }, (_, i) => doc.page(i + 1));
}

async function assertSamePages(bytes: Buffer, what: string): Promise<void> {
  const native = nativePages(bytes);
  const reference = await pdfjsPages(bytes);
  assert.equal(native.length, reference.length, `${what}: page count`);
  native.forEach((page, i) => assert.deepEqual(page, reference[i], `${what}: page ${i + 1}`));
}

/** A fixture built with the Identity-H font, which the native reader accepts. */
function identity(make: () => Buffer): Buffer {
  const before = PdfBuilder.font;
  PdfBuilder.font = 'identity';
  try {
    return make();
  } finally {
    PdfBuilder.font = before;
  }
}

const FIXTURES: [string, () => Buffer][] = [
  ['budget tables', documents.budgetPdf],
  ['table continued across pages', documents.continuedPdf],
  ['forms', documents.formsPdf],
  ['landscape (/Rotate 90)', documents.landscapePdf],
  ['Excel-style filled borders', documents.excelPdf],
  ['unruled table', documents.unruledPdf],
  ['text state across q/Q', documents.textStatePdf],
  ['paragraph over a page break', documents.pageBreakParagraphPdf],
  ['scanned page (image only)', () => documents.scannedPdf(false)],
];

describe('native PDF reader: synthetic documents', () => {
  for (const [name, make] of FIXTURES) {
    test(`${name}: every page equals pdf.js's`, async () => {
      await assertSamePages(identity(make), name);
    });
  }

  for (const [name, make] of FIXTURES) {
    test(`${name}, STSong-Light over the predefined UniGB-UCS2-H CMap: every page equals pdf.js's`, async () => {
      await assertSamePages(make(), name);
    });
  }

  test('readPdf gives the same blocks from the Identity-H file as from the predefined-CMap file', async () => {
    for (const [name, make] of FIXTURES) {
      const viaPdfjs = await readPdf(make(), 'a.pdf');
      const viaNative = await readPdf(identity(make), 'a.pdf');
      assert.deepEqual(viaNative, viaPdfjs, name);
    }
  });

  test('documents it does not handle are refused as Unsupported, and readPdf still reads them (pdf.js)', async () => {
    assert.throws(() => openNative(documents.encryptedPdf()), Unsupported);
    // Vertical writing (the -V CMap, same length as -H so every offset stays right) is pdf.js's.
    const vertical = Buffer.from(documents.budgetPdf().toString('latin1').replaceAll('/UniGB-UCS2-H', '/UniGB-UCS2-V'), 'latin1');
    assert.throws(() => nativePages(vertical), Unsupported);
    const out = await readPdf(vertical, 'vertical.pdf');
    assert.ok(out.blocks.length > 0);
  });
});

/**
 * Whether a document has a font that only the predefined-CMap and CFF reading handles: a Type0
 * font whose encoding is a predefined CMap other than Identity-H, or a font program in FontFile3.
 */
function needsPredefinedOrCff(bytes: Buffer): boolean {
  const file = new PdfFile(bytes);
  for (const page of file.pages) {
    const fonts = page.resources ? file.dict(page.resources.raw('Font')) : null;
    for (const [, ref] of fonts?.map ?? []) {
      const font = file.dict(ref);
      if (!font) continue;
      const encoding = file.get(font, 'Encoding');
      if (nameOf(file.get(font, 'Subtype')) === 'Type0' && encoding instanceof PdfName && encoding.name !== 'Identity-H') return true;
      const kids = file.get(font, 'DescendantFonts');
      const descendant = Array.isArray(kids) ? file.dict(kids[0]) : font;
      const descriptor = descendant ? file.dict(descendant.raw('FontDescriptor')) : null;
      if (descriptor?.raw('FontFile3') != null) return true;
    }
  }
  return false;
}

describe('native PDF reader: real documents', () => {
  const pdfs = (dir: string): string[] =>
    readdirSync(dir)
      .sort()
      .flatMap((f) => {
        const p = join(dir, f);
        return statSync(p).isDirectory() ? pdfs(p) : f.endsWith('.pdf') ? [p] : [];
      });
  const CITIES = join(CORPUS, 'cities');

  test('every PDF of the old corpus (Jiangsu, Shanghai, templates) is read natively, page for page the same as pdf.js', sharedOnly, async () => {
    const files = pdfs(CORPUS).filter((f) => !f.startsWith(CITIES + sep));
    assert.ok(files.length >= 29, `corpus PDFs found: ${files.length}`);
    for (const f of files) await assertSamePages(readFileSync(f), f.slice(CORPUS.length + 1));
  });

  test(
    'cities/: the first PDF of every folder, and every PDF with a predefined CJK CMap or a CFF font program, read natively the same as pdf.js',
    { skip: sharedOnly.skip || (!existsSync(CITIES) && 'no corpus/cities') },
    async () => {
      const files = pdfs(CITIES);
      const firsts = new Set<string>();
      const seen = new Set<string>();
      for (const f of files) {
        if (!seen.has(dirname(f))) firsts.add(f);
        seen.add(dirname(f));
      }
      const chosen = files.filter((f) => firsts.has(f) || needsPredefinedOrCff(readFileSync(f)));
      assert.ok(chosen.some((f) => !firsts.has(f)), 'some city files use predefined CMaps or CFF programs');
      for (const f of chosen) await assertSamePages(readFileSync(f), f.slice(CORPUS.length + 1));
    },
  );

  test('every PDF of the corpus and the seeds is read natively (none left to pdf.js)', sharedOnly, () => {
    for (const f of [...pdfs(CORPUS), ...Object.values(SEED).map((id) => seed(`${id}.pdf`))]) {
      const doc = openNative(readFileSync(f));
      for (let p = 1; p <= doc.numPages; p++) doc.page(p);
    }
  });

  test('the seed PDFs (embedded Type1 fonts with ToUnicode) are read natively, the same as pdf.js', sharedOnly, async () => {
    for (const id of Object.values(SEED)) await assertSamePages(readFileSync(seed(`${id}.pdf`)), id);
  });
});
