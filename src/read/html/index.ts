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
  read: async (bytes, path, budget) => (await import('./read.js')).readHtml(bytes, path, budget),
  findings: [
    { code: 'html-charset', title: '网页编码与声明不符', severity: 'info', description: '网页声明的字符编码与实际内容不符或无法识别，已按内容实际的编码（UTF-8 或 GB18030）解码；内容没有损失，只是值得知道。' },
    { code: 'html-empty', title: '网页没有正文', severity: 'warning', description: '网页中没有找到正文文字或表格（如只是门户页面框架或脚本生成的内容）。' },
  ],
} as const satisfies ReaderDescriptor;
