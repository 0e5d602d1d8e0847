import type { ReaderDescriptor } from '../reader.js';

/** PDF with a text layer (no OCR): the native content-stream reader, else pdf.js (read.ts). */
export const pdf = {
  format: 'pdf',
  title: 'PDF',
  extensions: ['.pdf'],
  mediaTypes: ['application/pdf'],
  sniff: (bytes) => bytes.subarray(0, 4).toString('latin1') === '%PDF',
  read: async (bytes, path, budget) => (await import('./read.js')).readPdf(bytes, path, budget),
  findings: [
    { code: 'pdf-page-error', title: 'PDF 页面无法读取', severity: 'warning', description: '某一页的内容流损坏或使用了读取器不支持的结构，该页被跳过，其余页照常读取；该页上的表格和文字未参与检查。' },
    { code: 'pdf-no-text-pages', title: 'PDF 部分页面没有文字层', severity: 'warning', description: '这些页没有可提取的文字（扫描页或空白页），其内容未读取；本版本不做 OCR。' },
    { code: 'pdf-no-text', title: 'PDF 没有文字层', severity: 'warning', description: '所有页都没有文字层（扫描件）：文件按无法读取处理（退出码 2），不作为检查结果出现；列在这里是为了说明读取器会给出的全部代码。' },
  ],
} as const satisfies ReaderDescriptor;
