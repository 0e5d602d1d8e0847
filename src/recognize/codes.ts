/**
 * The classification code of a row: one cell (2013301), a code before the name in the name cell
 * (2013301 行政运行), or split over 类 | 款 | 项 columns (201 | 33 | 01). Split codes often print a
 * group's leading parts once — a vertically merged 类 cell reads as empty below its first row in
 * plain text — so the parts left blank are taken from the rows above.
 */
const CODE_CELL = /^(\d{3}(?:\d{2}){0,2})$/;
const CODE_PREFIX = /^(\d{3}(?:\d{2}){0,2})\s*([^\d].*)$/;

/** The 类 and 款 last printed in a table's split code columns. */
export interface SplitCodeState {
  cls: string;
  section: string;
}

export function newSplitCodeState(): SplitCodeState {
  return { cls: '', section: '' };
}

/**
 * `code`: the code cell; `parts`: the 类, 款, 项 cells (empty when the table has no such columns).
 * Returns the code ('' when none) and the name without a leading code.
 */
export function rowCode(code: string, parts: string[], name: string, state: SplitCodeState): { code: string; name: string } {
  // A label merged over the code columns (合计) is no part of a code.
  const digits = parts.map((p) => (/^\d+$/.test(p) ? p : ''));
  if (!code && digits.some((p) => p)) code = joinParts(digits, state);
  if (CODE_CELL.test(code)) return { code, name };
  const m = CODE_PREFIX.exec(code ? `${code}${name}` : name);
  if (m) return { code: m[1], name: m[2].trim() };
  return { code: /^\d+$/.test(code) ? code : '', name };
}

function joinParts([cls, rawSection, rawItem]: string[], state: SplitCodeState): string {
  // A 款 or 项 is two digits; a spreadsheet printing "2" for 02 dropped the zero, not a digit.
  const [section, item] = [rawSection, rawItem].map((p) => (p.length === 1 ? `0${p}` : p));
  if (cls) {
    state.cls = cls;
    state.section = '';
  }
  if (section) state.section = section;
  const c = cls || state.cls;
  if (!item) return section ? c + section : c;
  return c + (section || state.section) + item;
}
