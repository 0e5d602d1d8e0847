import type { ReaderDescriptor } from '../reader.js';

const EXTENSIONS = ['.html', '.htm', '.shtml', '.xhtml'];

/** Web pages as the portals publish them (read.ts): by extension, or by a document that says it is HTML. */
export const html = {
  format: 'html',
  title: 'HTML',
  extensions: EXTENSIONS,
  mediaTypes: ['text/html'],
  sniff: (bytes, ext) => {
    if (EXTENSIONS.includes(ext)) return true;
    const start = bytes.subarray(0, 2048).toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
    return start.startsWith('<!doctype html') || start.startsWith('<html');
  },
  read: async (bytes, path) => (await import('./read.js')).readHtml(bytes, path),
} as const satisfies ReaderDescriptor;
