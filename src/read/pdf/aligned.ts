/**
 * Tables without ruling lines, found from text alignment across consecutive lines.
 */
import type { TextLine } from './geometry.js';
import type { DraftTable } from './grid.js';

export type FlowPart = { kind: 'text'; lines: TextLine[] } | { kind: 'table'; table: DraftTable };

export function alignedTables(lines: TextLine[]): FlowPart[] {
  return lines.length ? [{ kind: 'text', lines }] : [];
}
