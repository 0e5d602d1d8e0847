/**
 * Word authors sometimes put whole passages of prose in a one-cell table (a framed box). Such a
 * table is no data: its lines are paragraphs.
 */
import { squash, type Block, type Paragraph } from '../read/doc.js';

function isLayoutTable(b: Block): boolean {
  if (b.type !== 'table') return false;
  const cells = b.rows.flat().filter((c) => squash(c.text) !== '' && !c.mergedFrom);
  return cells.length === 1 && squash(cells[0].text).length > 80;
}

export function unwrapLayoutTables(blocks: Block[]): Block[] {
  if (!blocks.some(isLayoutTable)) return blocks;
  const out: Block[] = [];
  for (const b of blocks) {
    if (!isLayoutTable(b) || b.type !== 'table') {
      out.push(b);
      continue;
    }
    const cell = b.rows.flat().find((c) => squash(c.text) !== '')!;
    cell.text.split('\n').forEach((line, k) => {
      if (!line.trim()) return;
      const p: Paragraph = { type: 'paragraph', text: line.trim(), loc: { ...cell.loc, ...(cell.loc.line ? { line: cell.loc.line + k } : {}) } };
      out.push(p);
    });
  }
  return out;
}
