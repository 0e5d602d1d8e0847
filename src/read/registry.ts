/**
 * The readers gongkai has, in the order their `sniff` is asked. Adding a format is adding its
 * folder (`src/read/<format>/index.ts` exporting a `ReaderDescriptor`) and one line here; the
 * command line, the import walker, the upload checks and the model's `source.format` follow.
 */
import { docx } from './docx/index.js';
import { html } from './html/index.js';
import { pdf } from './pdf/index.js';
import type { ReaderDescriptor } from './reader.js';
import { txt } from './txt/index.js';
import { xlsx } from './xlsx/index.js';

// Formats with a signature first; text formats last (they are asked only about non-binary bytes,
// and HTML before plain text: a `.txt` that is a web page is read as one).
export const READERS = [pdf, docx, xlsx, html, txt] as const satisfies readonly ReaderDescriptor[];

export type Format = (typeof READERS)[number]['format'];

/** The format names, as a tuple for `z.enum`. */
export const FORMATS = READERS.map((r) => r.format) as [Format, ...Format[]];

export function readerFor(format: Format): ReaderDescriptor<Format> {
  return READERS.find((r) => r.format === format)!;
}

/** Every file name ending some reader takes (`.pdf`, `.htm` …). */
export const EXTENSIONS: ReadonlySet<string> = new Set(READERS.flatMap((r) => r.extensions));

/** `.pdf .docx .xlsx .html .txt`: each format's first extension, for messages. */
export function extensionList(): string {
  return READERS.map((r) => r.extensions[0]).join(' ');
}
