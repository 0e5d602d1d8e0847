import type { ReaderDescriptor } from '../reader.js';

const EXTENSIONS = ['.txt', '.text'];

/** The text layout of a Word file (a table cell is a line starting with a tab), read.ts. */
export const txt = {
  format: 'txt',
  title: '文本（.txt）',
  extensions: EXTENSIONS,
  // No charset: a text disclosure may be GB18030 as well as UTF-8; the reader tells them apart.
  mediaTypes: ['text/plain'],
  // A file without an extension is taken as text too (the name says nothing; the bytes are not binary).
  sniff: (_bytes, ext) => ext === '' || EXTENSIONS.includes(ext),
  read: async (bytes, path) => (await import('./read.js')).readTxt(bytes, path),
} as const satisfies ReaderDescriptor;
