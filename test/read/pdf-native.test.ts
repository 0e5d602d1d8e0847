/**
 * The native PDF reader against pdf.js: on every document it accepts, each page's content (every
 * glyph's text and box, every ruling line, the page size) must be exactly what pdf.js gives, and
 * readPdf must give the same blocks whichever reader ran. Over the synthetic fixtures in the
 * layout of Word/WPS exports (Identity-H fonts with ToUnicode), the real corpus and the seeds.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readPdf } from '../../src/read/pdf.js';
import { readPageContent } from '../../src/read/pdf/content.js';
import { openPdf } from '../../src/read/pdf/engine.js';
import { Unsupported, openNative } from '../../src/read/pdf/native/index.js';
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

  test('readPdf gives the same blocks from the Identity-H file (native) as from the predefined-CMap file (pdf.js)', async () => {
    for (const [name, make] of FIXTURES) {
      const viaPdfjs = await readPdf(make(), 'a.pdf');
      const viaNative = await readPdf(identity(make), 'a.pdf');
      assert.deepEqual(viaNative, viaPdfjs, name);
    }
  });

  test('documents it does not handle are refused as Unsupported, and readPdf still reads them (pdf.js)', async () => {
    // The predefined UniGB-UCS2-H CMap needs pdf.js's CMap files.
    assert.throws(() => nativePages(documents.budgetPdf()), Unsupported);
    assert.throws(() => openNative(documents.encryptedPdf()), Unsupported);
    const out = await readPdf(documents.budgetPdf(), 'budget.pdf');
    assert.ok(out.blocks.some((b) => b.type === 'table'));
  });
});

describe('native PDF reader: real documents', () => {
  const pdfs = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? pdfs(p) : f.endsWith('.pdf') ? [p] : [];
    });

  test('every corpus PDF is read natively, page for page the same as pdf.js', sharedOnly, async () => {
    const files = pdfs(CORPUS);
    assert.ok(files.length >= 29, `corpus PDFs found: ${files.length}`);
    for (const f of files) await assertSamePages(readFileSync(f), f.slice(CORPUS.length + 1));
  });

  test('the seed PDFs (embedded Type1 fonts with ToUnicode) are read natively, the same as pdf.js', sharedOnly, async () => {
    for (const id of Object.values(SEED)) await assertSamePages(readFileSync(seed(`${id}.pdf`)), id);
  });
});
