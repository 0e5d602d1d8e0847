import type { ReaderDescriptor } from '../reader.js';

/** PDF with a text layer (no OCR): the native content-stream reader, else pdf.js (read.ts). */
export const pdf = {
  format: 'pdf',
  title: 'PDF',
  extensions: ['.pdf'],
  mediaTypes: ['application/pdf'],
  sniff: (bytes) => bytes.subarray(0, 4).toString('latin1') === '%PDF',
  read: async (bytes, path) => (await import('./read.js')).readPdf(bytes, path),
} as const satisfies ReaderDescriptor;
