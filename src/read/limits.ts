/**
 * What one file may cost to read, set in one place. A file beyond a limit is refused with one
 * Chinese line naming the limit (a `LimitError`, exit status 2), never read on until the machine
 * gives out: the attacks of issue 16 (zip and Flate bombs, a merge over a whole sheet, a page list
 * naming one page 20,000 times) are small files whose reading would otherwise take gigabytes or
 * minutes. Real disclosures stay far below every figure here: the largest of the corpus and the seeds
 * has 116 pages, 2.9 MB inflated, 469 blocks, 1,592 table rows and 11,791 cells (measured
 * 2026-12-07) — the limits are 17 to 43 times those, and refuse a file before its parse where the
 * count can be taken from the bytes (xlsx, docx and HTML markup).
 */
import { ReadError } from './doc.js';

export interface ReadLimits {
  /** Wall time of one file's reading (the worker that reads it is ended past it). */
  timeMs: number;
  /** Heap of the worker that reads one file, in MB (V8's old generation). */
  memoryMb: number;
  /** Bytes inflated from the file's compressed streams or zip entries, all together. */
  inflatedBytes: number;
  /** Pages of a PDF, sheets of a workbook. */
  pages: number;
  /** Table rows of the whole document (and of one sheet's grid before it is laid out). */
  rows: number;
  /** Table cells of the whole document (and of one sheet's grid, merges included, before expansion). */
  cells: number;
  /** Paragraphs and tables of the whole document (recognition and the rules work per block). */
  blocks: number;
  /**
   * Paragraphs as the markup writes them (Word's `w:p`, empty ones and those of table cells
   * included), counted before the XML is parsed: a 47 KB docx of 5.4 million `<w:p/>` would
   * otherwise take gigabytes of element objects and a quarter of a minute before the blocks
   * could be counted.
   */
  paragraphs: number;
  /** Depth of nested elements (HTML, XML) and of PDF objects. */
  nesting: number;
}

export const DEFAULT_LIMITS: Readonly<ReadLimits> = Object.freeze({
  timeMs: 10_000,
  memoryMb: 768,
  inflatedBytes: 64 * 1024 * 1024,
  pages: 2_000,
  rows: 50_000,
  cells: 500_000,
  blocks: 20_000,
  paragraphs: 1_000_000,
  nesting: 500,
});

/**
 * One file's whole check in a worker (import, upload): the reading limit for reading, and as much
 * again twice over for recognition and the rules (a 400-page PDF legitimately takes a few times as
 * long as its reading on a busy machine). The worker is ended past it and the file refused.
 */
export const CHECK_TIME_LIMIT_MS = DEFAULT_LIMITS.timeMs * 3;

/** How each limit is named in the one line a refused file gets. */
const NAMES: Record<keyof ReadLimits, (n: number) => string> = {
  timeMs: (n) => `读取时间上限 ${n / 1000} 秒`,
  memoryMb: (n) => `内存上限 ${n} MB`,
  inflatedBytes: (n) => `解压后大小上限 ${Math.round(n / 1024 / 1024)} MB`,
  pages: (n) => `页数（工作表数）上限 ${n}`,
  rows: (n) => `表格行数上限 ${n}`,
  cells: (n) => `单元格数上限 ${n}`,
  blocks: (n) => `段落和表格数上限 ${n}`,
  paragraphs: (n) => `段落数上限 ${n}`,
  nesting: (n) => `嵌套层数上限 ${n}`,
};

/** A file refused because reading it would pass one of the limits. */
export class LimitError extends ReadError {
  constructor(
    file: string,
    readonly limit: keyof ReadLimits,
    readonly value: number,
    what: string,
  ) {
    super(file, `超出${NAMES[limit](value)}：${what}，拒绝读取`);
  }
}

export function limitsOf(partial?: Partial<ReadLimits>): ReadLimits {
  return { ...DEFAULT_LIMITS, ...(partial ?? {}) };
}

/** One file's reading against its limits: what has been spent so far. */
export class ReadBudget {
  private inflated = 0;

  constructor(
    readonly path: string,
    readonly limits: ReadLimits = limitsOf(),
  ) {}

  /** Bytes that may still be inflated. */
  get inflateRoom(): number {
    return Math.max(0, this.limits.inflatedBytes - this.inflated);
  }

  /** Counts `n` more inflated bytes of `what`; past the limit the file is refused. */
  inflate(n: number, what: string): void {
    this.inflated += n;
    if (this.inflated > this.limits.inflatedBytes) this.refuse('inflatedBytes', what);
  }

  /** Refuses the file when `n` passes the limit. */
  check(limit: Exclude<keyof ReadLimits, 'timeMs' | 'memoryMb'>, n: number, what: string): void {
    if (n > this.limits[limit]) this.refuse(limit, what);
  }

  refuse(limit: keyof ReadLimits, what: string): never {
    throw new LimitError(this.path, limit, this.limits[limit], what);
  }
}
