import type { ReaderDescriptor } from '../reader.js';
import { zipHasPart } from '../zip-sniff.js';

/** Excel (OOXML) workbooks, every visible sheet as tables (read.ts). */
export const xlsx = {
  format: 'xlsx',
  title: 'Excel（.xlsx）',
  extensions: ['.xlsx'],
  mediaTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  sniff: (bytes) => zipHasPart(bytes, 'xl/workbook.xml'),
  read: async (bytes, path) => (await import('./read.js')).readXlsx(bytes, path),
} as const satisfies ReaderDescriptor;
