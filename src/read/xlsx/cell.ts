import type { Cell, CellValue } from 'exceljs';
import { formatDate, formatNumber } from './numfmt.js';

/** What a cell shows, plus whether it is a formula Excel never calculated (no cached result). */
export interface ShownText {
  text: string;
  uncalculated?: boolean;
}

/** The text a person sees in the cell: formatted numbers, formula results, plain rich text. */
export function shownText(cell: Cell): ShownText {
  return valueText(cell.value, cell.numFmt);
}

function valueText(value: CellValue | undefined, numFmt: string | undefined): ShownText {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'number') return { text: formatNumber(value, numFmt) };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { text: formatDate(value) };
  if (typeof value !== 'object') return { text: String(value) };
  if ('richText' in value && Array.isArray(value.richText)) {
    return { text: value.richText.map((run) => run.text ?? '').join('') };
  }
  if ('error' in value) return { text: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined) return { text: '', uncalculated: true };
    return valueText(result as CellValue, numFmt);
  }
  if ('hyperlink' in value) {
    const text = (value as { text?: unknown }).text;
    if (typeof text === 'string') return { text };
    return valueText((text ?? null) as CellValue, numFmt);
  }
  return { text: '' };
}
