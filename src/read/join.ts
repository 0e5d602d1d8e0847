/**
 * Several files read as one document. A department often publishes the parts of one disclosure
 * as separate files (the 说明 in one, the nine tables in another, the 绩效目标表 in a third); the
 * checks between them (a figure of the 说明 against a table, an empty table's note given in the
 * 说明) need them as one. Joining is neutral like reading: blocks follow each other in the order
 * given, block and table indexes run on, and pages (PDF, Excel sheets) and lines (text files) are
 * counted on through the files, so every location stays unique; `source.parts` says which range of
 * pages or lines each file holds, so a place can be named as the file and its own page again
 * (`partAt`).
 */
import type { Block, Doc, ReaderWarning, SourceLoc } from './doc.js';

export interface DocPart {
  path: string;
  format: Doc['source']['format'];
  bytes: number;
  sha256: string;
  /** Pages (PDF) or sheets (xlsx) of the file, when the format has them. */
  pages?: number;
  /** The joined document's page (or line) where this file's first page (line) is counted. */
  pageOffset: number;
  lineOffset: number;
}

/** A joined document's source: the files it was made of, in order. */
export type JoinedSource = Doc['source'] & { parts?: DocPart[] };

/** The files as one document, or the one document itself when there is only one. */
export function joinDocs(docs: Doc[]): Doc {
  if (docs.length === 1) return docs[0];
  if (docs.length === 0) throw new Error('joinDocs: no document');
  const blocks: Block[] = [];
  const warnings: ReaderWarning[] = [];
  const parts: DocPart[] = [];
  let pageOffset = 0;
  let lineOffset = 0;
  let tableOffset = 0;
  for (const doc of docs) {
    const blockOffset = blocks.length;
    // Lines run on through text files only; a sheet's row (xlsx) stays the row of its sheet.
    const lines = doc.source.pages === undefined;
    const shift = (loc: SourceLoc): SourceLoc => ({
      ...loc,
      block: loc.block + blockOffset,
      ...(loc.page !== undefined ? { page: loc.page + pageOffset } : {}),
      ...(lines && loc.line !== undefined ? { line: loc.line + lineOffset } : {}),
      ...(loc.table !== undefined ? { table: loc.table + tableOffset } : {}),
      ...(loc.lines ? { lines: loc.lines.map(([at, page, line]): [number, number, number] => [at, page + pageOffset, line]) } : {}),
    });
    let tables = 0;
    let lastPage = 0;
    let lastLine = 0;
    for (const b of doc.blocks) {
      lastPage = Math.max(lastPage, b.loc.page ?? 0);
      if (lines) lastLine = Math.max(lastLine, b.loc.line ?? 0);
      if (b.type === 'paragraph') {
        blocks.push({ ...b, loc: shift(b.loc) });
      } else {
        tables++;
        if (lines) for (const row of b.rows) for (const c of row) lastLine = Math.max(lastLine, c.loc.line ?? 0);
        blocks.push({ ...b, loc: shift(b.loc), rows: b.rows.map((row) => row.map((c) => ({ ...c, loc: shift(c.loc) }))) });
      }
    }
    for (const w of doc.warnings) warnings.push({ ...w, ...(w.loc ? { loc: shift(w.loc) } : {}) });
    const { path, format, bytes, sha256, pages } = doc.source;
    parts.push({ path, format, bytes, sha256, ...(pages !== undefined ? { pages } : {}), pageOffset, lineOffset });
    pageOffset += Math.max(pages ?? 0, lastPage);
    lineOffset += lastLine;
    tableOffset += tables;
  }
  // The joined document is described by its first file (the one the caller put first, usually
  // the 说明 with the title); its size and pages are the sums, and `parts` lists every file.
  const first = docs[0].source;
  const source: JoinedSource = {
    path: first.path,
    format: first.format,
    bytes: docs.reduce((n, d) => n + d.source.bytes, 0),
    sha256: first.sha256,
    ...(pageOffset > 0 ? { pages: pageOffset } : {}),
    parts,
  };
  return { source, blocks, warnings };
}

/** The file a joined page (or, for text files, line) belongs to, and its page (line) in that file. */
export function partAt(parts: readonly DocPart[], at: { page?: number; line?: number }): { part: DocPart; page?: number; line?: number } | undefined {
  if (at.page !== undefined) {
    const part = [...parts].reverse().find((p) => p.pages !== undefined && at.page! > p.pageOffset);
    return part ? { part, page: at.page - part.pageOffset } : undefined;
  }
  if (at.line !== undefined) {
    const part = [...parts].reverse().find((p) => p.pages === undefined && at.line! > p.lineOffset);
    return part ? { part, line: at.line - part.lineOffset } : undefined;
  }
  return undefined;
}
