import type { ReaderDescriptor } from '../reader.js';
import { zipHasPart } from '../zip-sniff.js';

/** Word (OOXML) packages: the main document part read directly (read.ts). */
export const docx = {
  format: 'docx',
  title: 'Word（.docx）',
  extensions: ['.docx'],
  mediaTypes: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  sniff: (bytes) => zipHasPart(bytes, 'word/document.xml'),
  read: async (bytes, path, budget) => (await import('./read.js')).readDocx(bytes, path, budget),
  findings: [
    { code: 'docx-altchunk', title: 'Word 外部内容块未读取', severity: 'warning', description: '正文中以 altChunk 嵌入的外部内容（常见于网页或其他文档粘贴进来的部分）未读取，其中的表格和文字未参与检查。' },
    { code: 'docx-embedded-object', title: 'Word 嵌入对象未读取', severity: 'warning', description: '正文中嵌入的对象（如 Excel 表格、公式）的内容未读取；以嵌入 Excel 公开的表格因此不会被检查。' },
  ],
} as const satisfies ReaderDescriptor;
