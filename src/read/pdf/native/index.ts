/**
 * The native PDF reader: text and ruling lines straight from the file's content streams, for the
 * documents whose fonts and structure it knows (see fonts.ts and file.ts). It reads no glyph
 * outlines and copies nothing between threads, which makes it several times faster than pdf.js;
 * for any other document it throws Unsupported and pdf.js reads it.
 */
import type { ReadBudget } from '../../limits.js';
import type { PageContent } from '../geometry.js';
import { PdfFile } from './file.js';
import { Unsupported } from './lexer.js';
import { readNativePage, type FontCache } from './page.js';

export { Unsupported };

export interface NativeDocument {
  numPages: number;
  page(n: number): PageContent;
}

export function openNative(bytes: Uint8Array, budget?: ReadBudget): NativeDocument {
  const file = new PdfFile(bytes, budget);
  const fonts: FontCache = new Map();
  return {
    numPages: file.pages.length,
    page: (n) => readNativePage(file, file.pages[n - 1], n, fonts),
  };
}
