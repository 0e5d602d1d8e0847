/**
 * Running text → paragraphs: a line continues the paragraph above when it follows at normal line
 * spacing, in the same size, without a first-line indent, and the line above ran to the right margin.
 */
import { charsBox, unionBox, type Box, type TextLine } from './geometry.js';
import { charsText, joinWrapped, segments } from './lines.js';

export interface DraftParagraph {
  text: string;
  box: Box;
}

/** Gap (in font sizes) that keeps two parts of one line apart, e.g. "部门：…      单位：万元". */
const APART = 2;
/** A heading or list item: "第二部分", "三、", "（一）", "1.", "2、", "①". */
const MARKER = /^(第[一二三四五六七八九十百零〇\d]+[部分章节条]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．](?!\d)|[①-⑳])/;
/** Punctuation that ends a sentence or introduces what follows. */
const SENTENCE_END = /[。；;！!？?：:]$/;

export function paragraphs(lines: readonly TextLine[], pageWidth: number): DraftParagraph[] {
  if (lines.length === 0) return [];
  const { left, right } = margins(lines, pageWidth);
  const out: DraftParagraph[] = [];
  let cur: TextLine[] = [];
  let curParts: string[] = [];
  let box: Box = [0, 0, 0, 0];
  const flush = () => {
    if (cur.length) out.push({ text: joinWrapped(curParts), box });
    cur = [];
    curParts = [];
  };
  let prevSplit = false;
  for (const line of lines) {
    const parts = segments(line, APART);
    const split = parts.length > 1;
    const text = parts.map((p) => charsText(p)).join(' ');
    if (cur.length && !split && !prevSplit && continues(cur, line, left, right) && !startsItem(curParts[curParts.length - 1], text)) {
      cur.push(line);
      curParts.push(text);
      box = unionBox(box, charsBox(line.chars));
    } else {
      flush();
      cur = [line];
      curParts = [text];
      box = charsBox(line.chars);
    }
    prevSplit = split;
  }
  flush();
  return out;
}

function continues(par: readonly TextLine[], line: TextLine, left: number, right: number): boolean {
  const prev = par[par.length - 1];
  const size = Math.max(prev.size, line.size);
  const gap = line.top - prev.bottom;
  if (gap > 1.1 * size || gap < -0.4 * size) return false;
  if (Math.abs(line.size - prev.size) > 0.2 * size) return false;
  if (prev.x1 < right - 1.5 * size) return false;
  // Lines after the first sit where the paragraph's second line sat, or at the margin.
  const indentBase = par.length > 1 ? par[1].x0 : left;
  return line.x0 <= indentBase + 1.0 * size;
}

/** A new heading or list item after a finished sentence, even when the line above was full. */
function startsItem(prevText: string, text: string): boolean {
  return SENTENCE_END.test(prevText.trim()) && MARKER.test(text.trim());
}

/** Left and right edges of the text column: where most lines start, how far the full lines reach. */
function margins(lines: readonly TextLine[], pageWidth: number): { left: number; right: number } {
  const long = lines.filter((l) => l.chars.length >= 8);
  const pool = long.length ? long : lines;
  let left = Infinity;
  for (const l of pool) if (l.x0 < left) left = l.x0;
  const ends = pool.map((l) => l.x1).sort((a, b) => b - a);
  // Ignore the odd line that overshoots the column; the tenth-highest end is a full line.
  const right = ends[Math.min(ends.length - 1, Math.floor(ends.length * 0.1))];
  return { left, right: Math.min(right, pageWidth) };
}
