import type { ReaderDescriptor } from '../reader.js';
import { zipHasPart } from '../zip-sniff.js';

/** Word (OOXML) packages: the main document part read directly (read.ts). */
export const docx = {
  format: 'docx',
  title: 'Word（.docx）',
  extensions: ['.docx'],
  mediaTypes: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  sniff: (bytes) => zipHasPart(bytes, 'word/document.xml'),
  read: async (bytes, path) => (await import('./read.js')).readDocx(bytes, path),
} as const satisfies ReaderDescriptor;
