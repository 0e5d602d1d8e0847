/**
 * What stands around a table in the flow of blocks: its title or caption above, the notes below
 * (注：无…，空表列示), the tables that continue it, the project title it belongs to.
 */
import { squash, type Block } from '../read/doc.js';
import { isProjectTitle } from './projects.js';
import { headingKey } from './sections.js';
import { kindFromTitle, TITLE_END } from './tables.js';

/** The tables that follow block i, skipping blank paragraphs, up to the next text. */
export function tablesAfter(blocks: Block[], i: number): number[] {
  const out: number[] = [];
  for (let k = i + 1; k < blocks.length; k++) {
    const b = blocks[k];
    if (b.type === 'table') out.push(k);
    else if (squash(b.text) !== '') break;
  }
  return out;
}

export function precedingProjectTitle(blocks: Block[], i: number): string | null {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const b = blocks[k];
    if (b.type === 'paragraph' && isProjectTitle(b.text)) return b.text;
    if (b.type === 'table') break;
  }
  return null;
}

const UNIT_OR_NOTE = /^(金额)?单位[:：]|^注[:：]/;

/**
 * A table's title: a short paragraph ending in 表 just above it (skipping notes and units), or a
 * caption right above it that names a standard table without the word 表 (部门政府采购预算).
 */
export function titleBefore(blocks: Block[], i: number): string | null {
  let adjacent = true;
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const b = blocks[k];
    if (b.type === 'table') return null;
    const t = squash(b.text);
    if (!t || UNIT_OR_NOTE.test(t)) continue;
    if ((TITLE_END.test(t) || /表[）)]$/.test(t)) && t.length <= 60) return b.text.trim();
    if (adjacent && isCaption(t)) return b.text.trim();
    if (headingKey(b.text)) return null;
    adjacent = false;
  }
  return null;
}

/** Short, unnumbered, no figures or sentence punctuation, and a table kind once 表 is added. */
function isCaption(t: string): boolean {
  if (t.length > 20 || /[\d，,。；;:：]/.test(t) || /^[一二三四五六七八九十]+[、.．]|^第.+部分/.test(t)) return false;
  return kindFromTitle(`${t}表`) !== null;
}

/** The notes printed right under a table (注：…), in order; blank lines between are skipped. */
export function notesBelow(blocks: Block[], i: number): string[] {
  const notes: string[] = [];
  for (let k = i + 1; k < blocks.length; k++) {
    const b = blocks[k];
    if (b.type === 'table') break;
    const t = b.text.trim();
    if (!t) continue;
    if (!/^注[:：]/.test(t)) break;
    notes.push(t);
  }
  return notes;
}
