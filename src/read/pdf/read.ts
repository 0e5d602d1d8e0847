/**
 * PDF reader: the text layer and ruling lines of each page, laid out as paragraphs and tables
 * (tables continued across pages joined), in the neutral tree of doc.ts. No OCR. Pages are read
 * by the native reader when it knows the document's fonts and structure, else by pdf.js; both
 * give the same page content (test/read/pdf-native.test.ts).
 */
import { ReadError, type ReaderWarning } from '../doc.js';
import type { ReaderOutput } from '../reader.js';
import { readPageContent } from './content.js';
import { openPdf } from './engine.js';
import { measureStreams } from './inflate-scan.js';
import { LimitError, ReadBudget } from '../limits.js';
import { openNative } from './native/index.js';
import { layoutPage, type PageLayout } from './page.js';
import { stitchPages } from './stitch.js';

export const NO_TEXT_MESSAGE = '该 PDF 没有文字层（可能是扫描件），需要先做文字识别（OCR）才能读取；本版本不做 OCR';

/** A PDF none of whose pages has a text layer cannot be read at all: a ReadError, not a guess. */
export async function readPdf(bytes: Buffer, path: string, budget = new ReadBudget(path)): Promise<ReaderOutput> {
  // pdf.js gets a budget of its own: what the native reader inflated before it gave up is not spent twice.
  const out = readNatively(bytes, budget) ?? (await readWithPdfjs(bytes, path, new ReadBudget(path, budget.limits)));
  if (out.warnings.some((w) => w.code === 'pdf-no-text')) throw new ReadError(path, NO_TEXT_MESSAGE);
  return out;
}

/**
 * Null when the native reader meets anything it does not handle (it says Unsupported) — or fails
 * in any other way: pdf.js then reads the whole document, and reports real damage itself.
 */
function readNatively(bytes: Buffer, budget: ReadBudget): ReaderOutput | null {
  try {
    const doc = openNative(bytes, budget);
    const layouts: PageLayout[] = [];
    for (let p = 1; p <= doc.numPages; p++) layouts.push(layoutPage(doc.page(p)));
    return { blocks: stitchPages(layouts), warnings: textLayerWarnings(layouts), pages: doc.numPages };
  } catch (e) {
    // A file past a limit is refused, not handed on to pdf.js to try again.
    if (e instanceof LimitError) throw e;
    return null;
  }
}

async function readWithPdfjs(bytes: Buffer, path: string, budget: ReadBudget): Promise<ReaderOutput> {
  measureStreams(bytes, budget);
  const doc = await openPdf(bytes, path);
  try {
    budget.check('pages', doc.numPages, `PDF 有 ${doc.numPages} 页`);
    const layouts: PageLayout[] = [];
    const warnings: ReaderWarning[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      try {
        const page = await doc.getPage(p);
        layouts.push(layoutPage(await readPageContent(page, p)));
      } catch (e) {
        if (e instanceof ReadError) throw e;
        const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
        warnings.push({ code: 'pdf-page-error', message: `第 ${p} 页无法读取，已跳过：${why}` });
      }
    }
    warnings.push(...textLayerWarnings(layouts));
    return { blocks: stitchPages(layouts), warnings, pages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

function textLayerWarnings(layouts: readonly PageLayout[]): ReaderWarning[] {
  const empty = layouts.filter((l) => l.chars === 0).map((l) => l.page);
  if (layouts.length > 0 && empty.length === layouts.length) return [{ code: 'pdf-no-text', message: NO_TEXT_MESSAGE }];
  if (empty.length === 0) return [];
  return [
    {
      code: 'pdf-no-text-pages',
      message: `第 ${pageList(empty)} 页没有文字层（可能是扫描页或空白页），这些页的内容未读取；本版本不做 OCR`,
    },
  ];
}

/** "3、5、7-9": pages named one by one, runs shortened. */
function pageList(pages: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j] + 1) j++;
    parts.push(j - i >= 2 ? `${pages[i]}-${pages[j]}` : pages.slice(i, j + 1).join('、'));
    i = j + 1;
  }
  return parts.join('、');
}
