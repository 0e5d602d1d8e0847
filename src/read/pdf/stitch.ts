/**
 * Pages → document blocks. A table that ends one page and a table that starts the next with the
 * same columns (or the same column edges, one part's a subset of the other's) are one table: a
 * repeated header row is dropped, a row the page break cut in two is joined again, and a title
 * repeated above the continued part is dropped. Every block and cell gets its location.
 */
import { squash, type Block, type Cell, type Paragraph, type Table } from '../doc.js';
import { roundBox, type Box } from './geometry.js';
import type { DraftCell, DraftTable } from './grid.js';
import { isPageNumberText, runningLines } from './furniture.js';
import { joinWrapped } from './lines.js';
import type { PageBlock, PageLayout } from './page.js';
import type { DraftParagraph } from './paragraphs.js';
import { lowerBound } from './rules.js';

/** Rows that may repeat at the top of a continued table. */
const MAX_HEADER_ROWS = 6;
/** "续表" and the like: a line some documents print above the continued part. */
const CONTINUED = /^[(（]?续(表|上表)?[)）]?[:：]?$/;
/** Paragraphs just above a table that may be repeated above its continued part (title, unit line). */
const LEAD_PARAGRAPHS = 3;

interface PlacedCell extends DraftCell {
  page: number;
}

/** A table being assembled from its parts on consecutive pages. */
interface Chain {
  page: number;
  box: Box;
  ruled: boolean;
  cols: number[];
  rows: PlacedCell[][];
  /** Text of the first rows as read, to recognise a repeated header. */
  head: string[][];
  /** Paragraphs printed just above the first part. */
  lead: Set<string>;
  lastPage: number;
  /** Rows in the most recent part. */
  partRows: number;
  /** The most recent part runs down to the bottom margin, so the table may go on overleaf. */
  fillsPage: boolean;
}

/** A printed line of a paragraph: where it begins in the paragraph's text, its page, its line on the page. */
type PrintedLine = [start: number, page: number, line: number];

type ParagraphItem = { kind: 'paragraph'; page: number; lastPage: number; text: string; box: Box; draft: DraftParagraph; printed: PrintedLine[] };
type Item = ParagraphItem | { kind: 'table'; chain: Chain };

export function stitchPages(allPages: readonly PageLayout[]): Block[] {
  const pages = withoutRunningLines(allPages);
  const lineNo = lineNumbers(allPages);
  const items: Item[] = [];
  let open: Chain | undefined;
  let openParagraph: ParagraphItem | undefined;

  for (const layout of pages) {
    const blocks = layout.blocks;
    let start = 0;
    let continued: Chain | undefined;
    const first = blocks[0];
    let goesOn: ParagraphItem | undefined;
    if (openParagraph && openParagraph.lastPage === layout.page - 1 && first?.kind === 'paragraph' && continuesParagraph(openParagraph.draft, first)) {
      // A sentence the page break cut: the text goes on in the paragraph of the page before.
      const joined = joinWrapped([openParagraph.text, first.text]);
      const shift = joined.length - first.text.length;
      openParagraph.printed.push(...printedLines(first, layout.page, lineNo, shift));
      openParagraph.text = joined;
      openParagraph.draft = { ...openParagraph.draft, openEnd: first.openEnd, lastSize: first.lastSize };
      openParagraph.lastPage = layout.page;
      start = 1;
      if (blocks.length === 1 && first.openEnd) goesOn = openParagraph;
    }
    openParagraph = goesOn;
    if (open && open.lastPage === layout.page - 1) {
      let k = 0;
      while (k < blocks.length && isRepeatedLead(open, blocks[k])) k++;
      const first = blocks[k];
      if (first && first.kind === 'table' && (open.fillsPage || repeatsWholeLead(open, blocks.slice(0, k), first)) && appendPart(open, first, layout)) {
        start = k + 1;
        continued = open;
      }
    }
    // A table goes on over a page break only if nothing follows it on its page but a page number
    // printed above the margin furniture.ts looks in (a landscape page's "11" at 88 % of its height).
    const end = contentEnd(blocks, layout.height);
    open = start >= end ? continued : undefined;
    for (let i = start; i < blocks.length; i++) {
      const b = blocks[i];
      if (b.kind === 'paragraph') {
        const item: ParagraphItem = { kind: 'paragraph', page: layout.page, lastPage: layout.page, text: b.text, box: b.box, draft: b, printed: printedLines(b, layout.page, lineNo, 0) };
        items.push(item);
        if (i === blocks.length - 1 && b.openEnd) openParagraph = item;
        continue;
      }
      const lead = new Set<string>();
      for (let j = i - 1; j >= Math.max(start, i - LEAD_PARAGRAPHS); j--) {
        const p = blocks[j];
        if (p.kind !== 'paragraph') break;
        lead.add(squash(p.text));
      }
      const chain: Chain = {
        page: layout.page,
        box: b.box,
        ruled: b.ruled,
        cols: b.cols,
        rows: place(b.rows, layout.page),
        head: b.rows.slice(0, MAX_HEADER_ROWS).map(rowKey),
        lead,
        lastPage: layout.page,
        partRows: b.rows.length,
        fillsPage: fillsPage(b, layout.height),
      };
      items.push({ kind: 'table', chain });
      if (i === end - 1) open = chain;
    }
  }
  return toBlocks(items);
}

/** Each page's baselines, by page number: line numbers as a person counts them down the page. */
function lineNumbers(pages: readonly PageLayout[]): Map<number, number[]> {
  return new Map(pages.map((l) => [l.page, l.baselines]));
}

function printedLines(p: DraftParagraph, page: number, lineNo: Map<number, number[]>, shift: number): PrintedLine[] {
  const bases = lineNo.get(page) ?? [];
  return p.lines.map((l) => {
    let n = 0;
    while (n < bases.length && bases[n] <= l.base + 0.5) n++;
    return [l.start + shift, page, Math.max(1, n)];
  });
}

/**
 * The pages without their running header and footer (furniture.ts), which would otherwise stand
 * between the parts of a table or a sentence the page break cut. The first one is kept: it may be
 * all the document says of whose it is.
 */
function withoutRunningLines(pages: readonly PageLayout[]): readonly PageLayout[] {
  const margin = (l: PageLayout) => [l.blocks[0], l.blocks[l.blocks.length - 1]].filter((b): b is PageBlock & { kind: 'paragraph' } => b?.kind === 'paragraph');
  const running = runningLines(
    pages.flatMap((l) => margin(l).map((b) => ({ page: l.page, text: b.text, top: b.box[1], bottom: b.box[3], pageHeight: l.height }))),
    pages.length,
  );
  if (running.size === 0) return pages;
  const kept = new Set<string>();
  return pages.map((l) => {
    const drop = new Set(
      margin(l).filter((b) => {
        const t = b.text.replace(/\s+/g, '');
        if (!running.has(t)) return false;
        if (kept.has(t)) return true;
        kept.add(t);
        return false;
      }),
    );
    return drop.size ? { ...l, blocks: l.blocks.filter((b) => !drop.has(b as PageBlock & { kind: 'paragraph' })) } : l;
  });
}

/** Where a page's content ends: before the page numbers in its lower quarter, if it closes with them. */
function contentEnd(blocks: readonly PageBlock[], pageHeight: number): number {
  let end = blocks.length;
  while (end > 0) {
    const b = blocks[end - 1];
    if (b.kind !== 'paragraph' || b.box[1] < pageHeight * 0.75 || !isPageNumberText(b.text)) break;
    end--;
  }
  return end;
}

function continuesParagraph(before: DraftParagraph, next: DraftParagraph): boolean {
  return before.openEnd && !next.startsNew && Math.abs(before.lastSize - next.firstSize) <= 0.15 * before.lastSize;
}

function isRepeatedLead(open: Chain, b: PageBlock): boolean {
  if (b.kind !== 'paragraph') return false;
  const s = squash(b.text);
  return CONTINUED.test(s) || open.lead.has(s);
}

/**
 * A table printed on a fixed grid of rows per page stops short of the page's end and still goes on
 * overleaf. It says so by printing over the next part everything it printed over the first — its
 * title and the lines beside it — and the same header rows: a new table would have a title or a
 * header of its own.
 */
function repeatsWholeLead(open: Chain, lead: readonly PageBlock[], part: DraftTable): boolean {
  if (open.lead.size === 0 || lead.length < open.lead.size) return false;
  const texts = new Set(lead.map((b) => (b.kind === 'paragraph' ? squash(b.text) : '')));
  if (![...open.lead].every((t) => texts.has(t))) return false;
  return repeatedHeader(open.head, part.rows) > 0;
}

/**
 * Whether a table part reaches down to where the page's text ends: a table that stops well above
 * it (a form that fills half a page) is complete, even if the next page starts with the same form.
 */
function fillsPage(part: DraftTable, pageHeight: number): boolean {
  const gap = pageHeight - part.box[3];
  const meanRow = (part.box[3] - part.box[1]) / Math.max(1, part.rows.length);
  return gap <= Math.max(0.22 * pageHeight, 2.5 * meanRow);
}

/** Appends a table part when its columns fit the chain's; false when it is another table. */
function appendPart(chain: Chain, part: DraftTable, layout: PageLayout): boolean {
  const page = layout.page;
  if (chain.ruled !== part.ruled) return false;
  const cols = commonEdges(chain.cols, part.cols, chain.ruled);
  if (!cols) return false;
  if (cols !== chain.cols) {
    chain.rows = regrid(chain.rows, cols);
    chain.cols = cols;
  }
  let rows = place(cols === part.cols ? part.rows : regrid(part.rows, cols), page);

  const skip = repeatedHeader(chain.head, part.rows);
  rows = rows.slice(skip);
  let dropped = skip;
  if (skip === 0 && chain.ruled && rows.length && brokenRow(chain, rows[0])) {
    joinRow(chain.rows[chain.rows.length - 1], rows[0]);
    rows = rows.slice(1);
    dropped = 1;
  }
  appendRows(chain, rows, dropped, continuedMerges(chain, rows[0], dropped));
  chain.lastPage = page;
  chain.partRows = part.rows.length;
  chain.fillsPage = fillsPage(part, layout.height);
  return true;
}

/**
 * Cells a merge from the page before runs into: an empty cell at the top of the part, under a cell
 * merged down over rows, with the same width. Keyed by part row and column, valued by the origin.
 */
function continuedMerges(chain: Chain, first: readonly DraftCell[] | undefined, partRow: number): Map<string, { row: number; col: number }> {
  const out = new Map<string, { row: number; col: number }>();
  const lastIndex = chain.rows.length - 1;
  const last = chain.rows[lastIndex];
  if (!first || !last) return out;
  for (let c = 0; c < first.length && c < last.length; c++) {
    const cell = first[c];
    const above = last[c];
    if (cell.from || cell.text.trim() !== '' || !above.from || above.from.row >= lastIndex || above.from.col !== c) continue;
    if (Math.abs(cell.box[0] - above.box[0]) > 3 || Math.abs(cell.box[2] - above.box[2]) > 3) continue;
    out.set(`${partRow}:${c}`, { ...above.from });
  }
  return out;
}

/**
 * The finer of two sets of column edges when the coarser one is a subset of it (a part whose
 * rows merge some columns); undefined when the parts do not line up.
 */
function commonEdges(a: number[], b: number[], ruled: boolean): number[] | undefined {
  const width = a[a.length - 1] - a[0];
  // Edges found from where text sits move with the text; ruled ones stay put.
  const tol = ruled ? Math.max(4, 0.01 * width) : Math.max(12, 0.04 * width);
  if (Math.abs(a[0] - b[0]) > tol || Math.abs(a[a.length - 1] - b[b.length - 1]) > tol) return undefined;
  const [fine, coarse] = a.length >= b.length ? [a, b] : [b, a];
  if (coarse.length < 3 && fine.length > coarse.length) return undefined;
  for (const x of coarse) {
    const k = nearest(fine, x);
    if (Math.abs(fine[k] - x) > tol) return undefined;
  }
  return fine;
}

/** Rows re-cut on finer column edges: a cell over several new columns becomes a merge. */
function regrid<T extends DraftCell>(rows: readonly T[][], cols: readonly number[]): T[][] {
  const nc = cols.length - 1;
  return rows.map((row, r) => {
    const out: (T | undefined)[] = new Array(nc).fill(undefined);
    for (const cell of row) {
      const c0 = Math.min(nc - 1, nearest(cols, cell.box[0]));
      const c1 = Math.max(c0, nearest(cols, cell.box[2]) - 1);
      for (let k = c0; k <= c1 && k < nc; k++) {
        if (out[k]) continue;
        const from = cell.from ? { row: cell.from.row, col: c0 } : k === c0 ? undefined : { row: r, col: c0 };
        const copy = { ...cell };
        if (from) copy.from = from;
        else delete copy.from;
        out[k] = copy;
      }
    }
    const y0 = row[0]?.box[1] ?? 0;
    const y1 = row[0]?.box[3] ?? 0;
    return out.map((c, k) => c ?? ({ ...row[0], text: '', box: [cols[k], y0, cols[k + 1], y1], from: undefined } as T));
  });
}

/** How many leading rows of a part repeat the table's first rows. */
function repeatedHeader(head: readonly string[][], next: readonly DraftCell[][]): number {
  let n = 0;
  while (n < head.length && n < next.length && sameKey(head[n], rowKey(next[n]))) n++;
  return n > 0 && head[0].length > 0 ? n : 0;
}

/** A row as the texts of its cells, copies left out (so it compares across different grids). */
function rowKey(row: readonly DraftCell[]): string[] {
  return row.filter((c) => !c.from).map((c) => squash(c.text));
}

function sameKey(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

/**
 * Whether the first row of a part is the rest of the row the page break cut: it has the same cells
 * as the row above and continues text only where that row has text, and either each text it
 * continues filled its cell's last line (so it was wrapping), or it leaves empty the first column
 * every other row fills (a 序号 or a code), or the part before was that single row.
 */
function brokenRow(chain: Chain, next: readonly DraftCell[]): boolean {
  const last = chain.rows[chain.rows.length - 1];
  if (!last || last.length !== next.length) return false;
  let lastFilled = 0;
  let nextFilled = 0;
  let wrapping = true;
  for (let c = 0; c < next.length; c++) {
    if (!!last[c].from !== !!next[c].from || last[c].from?.col !== next[c].from?.col) return false;
    if (last[c].from) continue;
    const a = last[c].text.trim();
    const b = next[c].text.trim();
    if (a) lastFilled++;
    if (b) {
      if (!a) return false;
      nextFilled++;
      if (!last[c].fullLast) wrapping = false;
    }
  }
  if (nextFilled === 0 || nextFilled >= lastFilled) return false;
  if (wrapping || chain.partRows === 1) return true;
  if (next[0].text.trim() !== '' || last[0].text.trim() === '') return false;
  const body = chain.rows.slice(2);
  if (body.length < 3) return false;
  return body.filter((r) => r[0].text.trim() !== '').length >= body.length * 0.9;
}

function joinRow(last: DraftCell[], next: readonly DraftCell[]): void {
  for (let c = 0; c < last.length; c++) {
    const t = next[c].text.trim();
    if (t && !next[c].from && !last[c].from) {
      const text = joinWrapped([last[c].text, t]);
      last[c].text = text;
    }
  }
}

function place(rows: readonly DraftCell[][], page: number): PlacedCell[][] {
  return rows.map((row) => row.map((c) => ({ ...c, page })));
}

/**
 * Adds a part's rows; `dropped` rows of the part were left out above them. `redirect` maps part
 * cells (by part row and column) that continue a merge of the page before to its origin.
 */
function appendRows(
  chain: Chain,
  rows: readonly PlacedCell[][],
  dropped: number,
  redirect: ReadonlyMap<string, { row: number; col: number }> = new Map(),
): void {
  const offset = chain.rows.length;
  // Merges whose origin was dropped get a new origin: their first kept cell.
  const promoted = new Map<string, { row: number; col: number }>();
  for (let r = 0; r < rows.length; r++) {
    chain.rows.push(
      rows[r].map((d, c) => {
        const cell: PlacedCell = { ...d };
        delete cell.from;
        const target = redirect.get(d.from ? `${d.from.row}:${d.from.col}` : `${r + dropped}:${c}`);
        if (target) {
          cell.from = { ...target };
        } else if (d.from && d.from.row >= dropped) {
          cell.from = { row: offset + d.from.row - dropped, col: d.from.col };
        } else if (d.from) {
          const key = `${d.from.row}:${d.from.col}`;
          const origin = promoted.get(key);
          if (origin) cell.from = { ...origin };
          else promoted.set(key, { row: offset + r, col: c });
        }
        return cell;
      }),
    );
  }
}

function toBlocks(items: readonly Item[]): Block[] {
  const blocks: Block[] = [];
  let tables = 0;
  for (const item of items) {
    const block = blocks.length;
    if (item.kind === 'paragraph') {
      const line = item.printed[0]?.[2];
      const loc = { block, page: item.page, ...(line ? { line, lines: item.printed } : {}), box: roundBox(item.box) };
      const p: Paragraph = { type: 'paragraph', text: item.text, loc };
      blocks.push(p);
      continue;
    }
    const { chain } = item;
    const table: Table = {
      type: 'table',
      rows: chain.rows.map((row, r) =>
        row.map((d, c) => {
          const cell: Cell = { text: d.text, loc: { block, page: d.page, table: tables, row: r, col: c, box: roundBox(d.box) } };
          if (d.from) cell.mergedFrom = { row: d.from.row, col: d.from.col };
          return cell;
        }),
      ),
      loc: { block, page: chain.page, table: tables, box: roundBox(chain.box) },
    };
    recomputeSpans(table);
    // Copies carry their origin's text, whichever page each part came from.
    for (const row of table.rows) for (const cell of row) if (cell.mergedFrom) cell.text = table.rows[cell.mergedFrom.row][cell.mergedFrom.col].text;
    tables++;
    blocks.push(table);
  }
  return blocks;
}

/** Sets rowSpan/colSpan on every merge origin from the copies that point to it. */
function recomputeSpans(table: Table): void {
  const ext = new Map<Cell, [number, number]>();
  table.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell.mergedFrom) return;
      const origin = table.rows[cell.mergedFrom.row]?.[cell.mergedFrom.col];
      if (!origin || origin.mergedFrom) {
        // Never point at a copy: this cell becomes an origin itself.
        delete cell.mergedFrom;
        return;
      }
      const e = ext.get(origin) ?? [cell.mergedFrom.row, cell.mergedFrom.col];
      ext.set(origin, [Math.max(e[0], r), Math.max(e[1], c)]);
    }),
  );
  table.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell.mergedFrom) return;
      const e = ext.get(cell);
      if (e && e[0] > r) cell.rowSpan = e[0] - r + 1;
      if (e && e[1] > c) cell.colSpan = e[1] - c + 1;
    }),
  );
}

function nearest(sorted: readonly number[], value: number): number {
  const k = lowerBound(sorted, value);
  if (k === 0) return 0;
  if (k === sorted.length) return sorted.length - 1;
  return value - sorted[k - 1] <= sorted[k] - value ? k - 1 : k;
}
