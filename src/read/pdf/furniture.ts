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

export function isPageNumberText(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= 24 && PAGE_NUMBER.some((re) => re.test(t));
}

/** Whether a line is a page number printed in the page's top or bottom margin. */
export function isPageNumberLine(line: TextLine, pageHeight: number): boolean {
  const inMargin = line.bottom < pageHeight * MARGIN || line.top > pageHeight * (1 - MARGIN);
  return inMargin && isPageNumberText(charsText(line.chars));
}

/** Share of the pages a line must head (or foot) to be the document's running header (footer). */
const RUNNING_SHARE = 0.3;
const RUNNING_MIN_PAGES = 3;
const RUNNING_MAX_CHARS = 60;

export interface MarginLine {
  page: number;
  text: string;
  /** Top and bottom of the line on its page, and the page's height. */
  top: number;
  bottom: number;
  pageHeight: number;
}

/**
 * Running headers and footers: a short line printed in the top or bottom margin with the same
 * words on many pages ("XX局2026年度部门预算公开" over every page). Like a page number it belongs to
 * the printed page: between two parts of a table or a sentence cut by the page break it is not
 * the text's. Returns the texts (whitespace removed) that run so.
 */
export function runningLines(candidates: readonly MarginLine[], pages: number): Set<string> {
  const onPages = new Map<string, Set<number>>();
  for (const c of candidates) {
    const t = c.text.replace(/\s+/g, '');
    const inMargin = c.bottom < c.pageHeight * MARGIN || c.top > c.pageHeight * (1 - MARGIN);
    // A table's title repeated over each page it fills is the table's, not the page's.
    if (!t || t.length > RUNNING_MAX_CHARS || !inMargin || /表[）)]?$/.test(t)) continue;
    if (!onPages.has(t)) onPages.set(t, new Set());
    onPages.get(t)!.add(c.page);
  }
  const out = new Set<string>();
  for (const [t, ps] of onPages) if (ps.size >= RUNNING_MIN_PAGES && ps.size >= pages * RUNNING_SHARE) out.add(t);
  return out;
}
