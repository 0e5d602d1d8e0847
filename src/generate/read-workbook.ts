import type { Dataset } from './dataset.js';
/** Placeholder until the workbook readers land. */
export async function readInputWorkbook(_bytes: Buffer): Promise<Dataset | null> {
  return null;
}
