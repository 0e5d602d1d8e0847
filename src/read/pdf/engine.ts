/**
 * Loading pdf.js once per process and opening documents with the options a text-and-geometry
 * reader needs (no font faces, no images, no annotations, no network).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ReadError } from '../doc.js';

type Pdfjs = typeof import('unpdf/pdfjs');
export type PdfDocument = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;
export type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

// unpdf ships pdf.js built for server runtimes. The pdfjs-dist legacy build also works on Node 20,
// but its core-js polyfills replace Array.prototype.push for the whole process and make every
// page about a third slower.
let loading: Promise<Pdfjs> | undefined;
let importer: () => Promise<Pdfjs> = () => import('unpdf/pdfjs');

/**
 * How pdf.js (an ES module only) is imported, when this code runs as one of the build's CommonJS
 * scripts (src/cli/compiled-check.ts): code that V8 loaded from a code cache cannot import() on
 * Node 20 (its import callback is lost), so whoever loads the script imports pdf.js for it.
 */
export function importPdfjsWith(load: () => Promise<Pdfjs>): void {
  importer = load;
}

export function pdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    addTransferToFixedLength();
    return importer();
  })();
  return loading;
}

/**
 * pdf.js packs every loaded font with ArrayBuffer.prototype.transferToFixedLength (ES2024, Node 21+).
 * Without it Node 20 stops each page's operator list at the first font, silently. This adds the
 * standard method, and only where it is missing.
 */
function addTransferToFixedLength(): void {
  const proto = ArrayBuffer.prototype as ArrayBuffer & { transferToFixedLength?: unknown };
  if (typeof proto.transferToFixedLength === 'function') return;
  Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', {
    configurable: true,
    writable: true,
    value: function transferToFixedLength(this: ArrayBuffer, length: number = this.byteLength): ArrayBuffer {
      // Transferring detaches the source, as the standard method does.
      const moved: ArrayBuffer = structuredClone(this, { transfer: [this] });
      if (length === moved.byteLength) return moved;
      const out = new ArrayBuffer(length);
      new Uint8Array(out).set(new Uint8Array(moved, 0, Math.min(length, moved.byteLength)));
      return out;
    },
  });
}

// CJK documents name predefined CMaps (UniGB-UCS2-H…) that pdf.js reads from these files;
// resolved from the installed package so nothing is ever fetched over the network. Resolved when
// pdf.js first opens a document, not when this module loads: the native reader, which reads most
// PDFs, loads it too and needs neither.
let dataDirs: { cmaps: string; standardFonts: string } | undefined;

function pdfjsDataDirs(): { cmaps: string; standardFonts: string } {
  if (!dataDirs) {
    const dist = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    dataDirs = { cmaps: join(dist, 'cmaps') + '/', standardFonts: join(dist, 'standard_fonts') + '/' };
  }
  return dataDirs;
}

export async function openPdf(bytes: Buffer, path: string): Promise<PdfDocument> {
  const lib = await pdfjs();
  const dirs = pdfjsDataDirs();
  const task = lib.getDocument({
    // A copy: pdf.js may detach the buffer it is given.
    data: new Uint8Array(bytes),
    cMapUrl: dirs.cmaps,
    cMapPacked: true,
    standardFontDataUrl: dirs.standardFonts,
    // Kept false so pdf.js does not turn every glyph outline into a drawing path (measured: over
    // a third of its reading time); the font faces it would then install are dropped in openPdf.
    disableFontFace: false,
    useSystemFonts: false,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    useWasm: false,
    // Images are never looked at; any image above one pixel is left out of operator lists.
    maxImageSize: 1,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    skipFontFaces(doc);
    return doc;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    throw openError(e, path);
  }
}

/**
 * Nothing is ever drawn, so the fonts pdf.js sends over need not be installed as font faces — and
 * in Node they cannot be (no document, no FontFace), which would make pdf.js fall back to building
 * glyph paths after all. Binding is made a no-op; the text, widths and Unicode of every glyph come
 * with the operator list regardless.
 */
function skipFontFaces(doc: PdfDocument): void {
  const transport = (doc as unknown as { _transport?: { fontLoader?: { bind: (font: unknown) => Promise<void> } } })._transport;
  if (transport?.fontLoader) transport.fontLoader.bind = async () => {};
}

function openError(e: unknown, path: string): ReadError {
  const name = e instanceof Error ? e.name : '';
  const message = e instanceof Error ? e.message : String(e);
  if (name === 'PasswordException') {
    return new ReadError(path, 'PDF 文件已加密（需要密码才能打开），无法读取；请提供未加密的文件');
  }
  if (name === 'InvalidPDFException') return new ReadError(path, '不是有效的 PDF 文件（文件可能已损坏或被截断）');
  return new ReadError(path, `无法打开 PDF 文件（文件可能已损坏）：${message.split('\n')[0]}`);
}
