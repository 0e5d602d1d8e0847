import type { ReaderDescriptor } from '../reader.js';
import { zipHasPart } from '../zip-sniff.js';

/** Excel (OOXML) workbooks, every visible sheet as tables (read.ts). */
export const xlsx = {
  format: 'xlsx',
  title: 'Excel（.xlsx）',
  extensions: ['.xlsx'],
  mediaTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  sniff: (bytes) => zipHasPart(bytes, 'xl/workbook.xml'),
  read: async (bytes, path, budget) => (await import('./read.js')).readXlsx(bytes, path, budget),
  findings: [
    { code: 'xlsx-hidden-sheet', title: 'Excel 隐藏工作表', severity: 'warning', description: '工作簿中有隐藏的工作表，已照常读取；公开的文件中隐藏的内容可能不是读者看到的内容。' },
    { code: 'xlsx-hidden-cells', title: 'Excel 隐藏行列中有文字', severity: 'warning', description: '工作表中隐藏的行或列含有文字，已照常读取。' },
    { code: 'xlsx-formula-no-result', title: 'Excel 公式没有保存结果', severity: 'warning', description: '公式单元格没有保存计算结果（文件由程序生成、未在 Excel 中保存），按空白读取；在 Excel 中打开并保存后再导入即可读到数字。' },
    { code: 'xlsx-no-sheets', title: 'Excel 没有工作表', severity: 'warning', description: '工作簿中没有任何工作表。' },
    { code: 'xlsx-empty', title: 'Excel 工作表都没有文字', severity: 'warning', description: '工作簿的各个工作表中都没有文字。' },
  ],
} as const satisfies ReaderDescriptor;
