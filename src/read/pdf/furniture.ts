/**
 * Page furniture: page numbers in the top or bottom margin ("18", "- 3 -", "─ 3 ─" in box-drawing
 * dashes, "第 3 页", "3/20", "第3页 共20页") that belong to the printed page, not to the document's text.
 */
import type { TextLine } from './geometry.js';
import { charsText } from './lines.js';

const PAGE_NUMBER = [
  /^[-—–－~·.─━\s]*\d{1,4}[-—–－~·.─━\s]*$/,
  /^第\s*\d{1,4}\s*页([，,\s]*共\s*\d{1,4}\s*页)?$/,
  /^共\s*\d{1,4}\s*页[，,\s]*第\s*\d{1,4}\s*页$/,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/,
  /^page\s*\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i,
];

/** Share of the page height, at top and bottom, where page numbers are looked for. */
const MARGIN = 0.1;

function isPageNumberText(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= 24 && PAGE_NUMBER.some((re) => re.test(t));
}

/** Whether a line is a page number printed in the page's top or bottom margin. */
export function isPageNumberLine(line: TextLine, pageHeight: number): boolean {
  const inMargin = line.bottom < pageHeight * MARGIN || line.top > pageHeight * (1 - MARGIN);
  return inMargin && isPageNumberText(charsText(line.chars));
}
