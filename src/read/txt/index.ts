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
  read: async (bytes, path, budget) => (await import('./read.js')).readTxt(bytes, path, budget),
  findings: [
    { code: 'txt-encoding', title: '文本按 GB18030 解码', severity: 'info', description: '文件不是有效的 UTF-8，已按 GB18030（GBK）解码；内容没有损失。' },
    { code: 'txt-undecodable', title: '文本中有无法识别的字节', severity: 'warning', description: '按所选编码解码时有字节无法识别，已替换为 �；这些位置的文字或数字可能读错。' },
    { code: 'txt-row-joined', title: '被空行断开的表格行已合并', severity: 'info', description: '文本版式中一行表格被空行断成几段，已按表格列数合为一行；内容没有损失。' },
  ],
} as const satisfies ReaderDescriptor;
