import { ReadError, type Block, type Cell, type ReaderWarning } from '../doc.js';
import type { ReaderOutput } from '../reader.js';
import type { ReadBudget } from '../limits.js';
import { decodeText } from './decode.js';
import { parseLayout, splitLines, type RawTable } from './layout.js';
import { joinSplitRows } from './rows.js';

/** Reads the tab-indented text layout of a Word file (see `txt-layout.ts`) into the neutral tree. */
export async function readTxt(bytes: Buffer, path: string, _budget?: ReadBudget): Promise<ReaderOutput> {
  const { text, warnings } = decodeText(bytes);
  if (text.trim() === '') throw new ReadError(path, '文件为空');
  const blocks: Block[] = [];
  let tables = 0;
  for (const raw of parseLayout(splitLines(text))) {
    const block = blocks.length;
    if (raw.kind === 'paragraph') {
      blocks.push({ type: 'paragraph', text: raw.text, loc: { block, line: raw.line } });
    } else {
      blocks.push({ type: 'table', rows: buildRows(raw, block, tables, warnings), loc: { block, line: raw.line, table: tables } });
      tables++;
    }
  }
  // Only markers such as `[bookmark: …]`: nothing a reader can use.
  if (blocks.length === 0) throw new ReadError(path, '文件为空');
  return { blocks, warnings };
}

function buildRows(raw: RawTable, block: number, table: number, warnings: ReaderWarning[]): Cell[][] {
  const { rows, joins } = joinSplitRows(raw.rows);
  for (const j of joins) {
    warnings.push({
      code: 'txt-row-joined',
      message: `第 ${j.line} 行起的表格行被空行断成 ${j.parts} 段，已按表格列数 ${j.width} 合为一行`,
      loc: { block, line: j.line, table, row: j.row },
    });
  }
  return rows.map((r, row) =>
    r.cells.map((c, col) => ({ text: c.lines.join('\n').trim(), loc: { block, line: c.line, table, row, col } })),
  );
}
