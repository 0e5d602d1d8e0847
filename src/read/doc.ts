/**
 * The format-neutral document tree every reader produces. Readers know nothing of budgets:
 * they turn a file into paragraphs and tables, each node carrying where it came from.
 */

/** Where a node sits in its source file. Fields a format cannot tell are absent. */
export interface SourceLoc {
  /** Index of the block (paragraph or table) in `Doc.blocks`. */
  block: number;
  /** 1-based line in a text file, or the first line of the node. */
  line?: number;
  /** 1-based page (PDF) or sheet number (xlsx). */
  page?: number;
  /** Sheet name (xlsx). */
  sheet?: string;
  /** Excel cell address as the sheet shows it, e.g. B12 (xlsx). */
  cell?: string;
  /** 0-based index of the table among the document's tables. */
  table?: number;
  /** 0-based row and column of a table cell, after merges are resolved. */
  row?: number;
  col?: number;
  /** PDF paragraphs: each printed line as [where it begins in the text, page, line on that page]. */
  lines?: [number, number, number][];
  /** Box on the page in PDF points: [x0, y0, x1, y1], origin top-left. */
  box?: [number, number, number, number];
}

export interface Paragraph {
  type: 'paragraph';
  text: string;
  loc: SourceLoc;
}

export interface Cell {
  text: string;
  loc: SourceLoc;
  /**
   * Set on the copies a merged cell leaves in the positions it covers: the row/col of the cell
   * that holds the text. Consumers that add numbers skip copies so a merged figure counts once.
   */
  mergedFrom?: { row: number; col: number };
  /** On the origin of a merge: how many grid rows/columns it covers (absent when 1). */
  rowSpan?: number;
  colSpan?: number;
}

export interface Table {
  type: 'table';
  /** Rows of cells; after merge resolution every row of a grid table has the same width. */
  rows: Cell[][];
  loc: SourceLoc;
}

export type Block = Paragraph | Table;

import type { Format } from './registry.js';

/** A format name from the reader registry (`registry.ts`). */
export type { Format };

export interface Doc {
  source: {
    /** Path or name as the caller gave it. */
    path: string;
    format: Format;
    bytes: number;
    sha256: string;
    /** Pages (PDF) or sheets (xlsx), when the format has them. */
    pages?: number;
  };
  blocks: Block[];
  /** Problems the reader met but could read past (e.g. a PDF page without a text layer). */
  warnings: ReaderWarning[];
}

export interface ReaderWarning {
  code: string;
  /** Chinese, one line, with the figures. */
  message: string;
  loc?: SourceLoc;
}

/** A file that cannot be read at all. The CLI prints `message` as one line, with the file name. */
export class ReadError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'ReadError';
  }
}

/** A ReadError (a LimitError too) whichever copy of this module made it: told by its name. */
export function isReadError(e: unknown): e is ReadError {
  return e instanceof ReadError || (e instanceof Error && e.name === 'ReadError' && typeof (e as { file?: unknown }).file === 'string');
}

/** Text of a cell or paragraph with whitespace runs collapsed, for matching words. */
export function squash(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

export function isTable(b: Block): b is Table {
  return b.type === 'table';
}
