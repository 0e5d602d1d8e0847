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

const UNIT_OR_NOTE = /^(金额)?单位[:：]|^[（(]?(备)?注[:：]/;

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
    if ((TITLE_END.test(t) || /表[）)]$/.test(t)) && t.length <= 60) {
      // A title broken before its last character ("…培训费支出预算" / "表") is one title.
      const prev = blocks[k - 1];
      if (t.length <= 2 && prev?.type === 'paragraph' && squash(prev.text).length <= 40) return `${prev.text.trim()}${b.text.trim()}`;
      return b.text.trim();
    }
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

/** The notes printed right under a table (注：…, 备注：…, 说明：…, （无…）), in order; blank lines between are skipped. */
export function notesBelow(blocks: Block[], i: number): string[] {
  const notes: string[] = [];
  for (let k = i + 1; k < blocks.length; k++) {
    const b = blocks[k];
    if (b.type === 'table') break;
    const t = b.text.trim();
    if (!t) continue;
    // 注：…, 说明：本部门无相关收支项目, (无政府性基金支出）, （注：…。）, or a bare sentence saying why
    // the table is empty (…2026年没有使用国有资本经营预算拨款安排的支出，故此表无数据).
    if (!/^[（(]?(备注|注|说明)[:：]|^[（(]无.{1,40}[)）]$/.test(t) && !(k === i + 1 && isEmptyNote(t))) break;
    notes.push(t);
  }
  return notes;
}

/** A short sentence that says a table has nothing to show, in whatever words. */
function isEmptyNote(t: string): boolean {
  return t.length <= 120 && /(本|此|该)表(无|为空|空表)|无数据|空表|(没有|无)[^。；]{0,40}(预算|支出|收入|经费|资金|数据)/.test(t);
}

const META_LABEL = String.raw`(?:部\s*门|单\s*位|编制(?:部门|单位)|填报单位|金额单位|预算年度|预算主管部门)\s*[:：]`;
const META_LINE = new RegExp(String.raw`^${META_LABEL}`);

/**
 * The lines printed just above a table that say whose figures they are and in what unit
 * ("部门：中共江苏省委办公厅  单位：万元", "编制部门：… 单位：元"), split into one text per label.
 * A PDF reader gives them as paragraphs, a Word table may hold them in its first rows (grid.ts).
 */
export function metaAbove(blocks: Block[], i: number): string[] {
  const out: string[] = [];
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
    const b = blocks[k];
    if (b.type === 'table') break;
    const t = b.text.trim();
    if (!t) continue;
    if (META_LINE.test(t)) {
      out.unshift(...t.split(new RegExp(String.raw`\s+(?=${META_LABEL})`)).map((x) => x.trim()));
      continue;
    }
    // The title and a "公开表一" label may stand between; prose ends the search.
    if (t.length > 40 || /[。；]$/.test(t)) break;
  }
  return out;
}
