/**
 * The generated document before it has a format: headings, paragraphs (with the fields a person
 * must still fill marked) and tables on a grid of leaf columns. Every writer (.docx, .html, .xlsx,
 * .pdf) renders the same blocks, so the formats cannot disagree.
 */
import type { TableKind } from '../model/disclosure.js';
import type { Money } from '../model/money.js';

/** A fill-in field: the reason for a change, never generated. `text` is what the person wrote. */
export interface Field {
  field: string;
  label: string;
  text?: string;
}
export type Inline = string | Field;

/** A cell of a table body: text, an amount (null: printed blank) and, for totals, what it adds up. */
export interface Cell {
  text?: string;
  amount?: Money | null;
  /** Decimal places for a number that is not an amount (quantities: 0). */
  dp?: number;
  /** Grid positions [row, col] within the table body this cell is the sum of (a formula in .xlsx). */
  sum?: [number, number][];
  align?: 'left' | 'center' | 'right';
  /** Columns this cell covers (project tables). */
  span?: number;
  bold?: boolean;
}

export interface HeaderCell {
  text: string;
  span?: number;
  rowSpan?: number;
}

export interface GenTable {
  kind: TableKind;
  title: string;
  /** Left and right of the line under the title: 编制部门, 单位：万元. */
  caption: [string, string];
  header: HeaderCell[][];
  body: Cell[][];
  /** Relative column widths, one per leaf column. */
  widths: number[];
  /** Wider than a portrait page: a landscape section in Word. */
  wide: boolean;
  /** 注：… printed under the table (the empty-table note). */
  note?: string;
}

export type Block =
  | { type: 'title'; text: string }
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'para'; inlines: Inline[]; align?: 'left' | 'center' | 'right' }
  | { type: 'table'; table: GenTable }
  | { type: 'pageBreak' };

export const para = (...inlines: Inline[]): Block => ({ type: 'para', inlines });
export const heading = (text: string, level: 1 | 2 | 3 = 1): Block => ({ type: 'heading', level, text });

/** The text of a paragraph; an unfilled field shows as 【…】. */
export function inlineText(i: Inline): string {
  return typeof i === 'string' ? i : (i.text ?? `【待填写：${i.label}】`);
}

export interface GenDocument {
  title: string;
  blocks: Block[];
  /** A draft (generated despite blocking findings): watermarked 草稿. */
  draft: boolean;
}

/** What a cell prints: its text, or its amount to two places (blank when not stated). */
export function cellText(c: Cell): string {
  if (c.amount !== undefined) return c.amount === null ? '' : c.amount.toFixed(c.dp ?? 2);
  return c.text ?? '';
}
