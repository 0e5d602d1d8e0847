/**
 * Running text → paragraphs: a line continues the paragraph above when it follows at normal line
 * spacing, in the same size, without a first-line indent, and the line above ran to the right margin.
 */
import { charsBox, unionBox, type Box, type TextLine } from './geometry.js';
import { charsText, joinWrappedAt, segments } from './lines.js';

export interface DraftParagraph {
  text: string;
  box: Box;
  /** Font size of its first and last lines. */
  firstSize: number;
  lastSize: number;
  /** The last line runs to the right margin without ending a sentence: it may go on overleaf. */
  openEnd: boolean;
  /** The first line is indented or begins a heading or list item: it starts a paragraph. */
  startsNew: boolean;
  /** Each printed line: its baseline on the page and where its text begins in `text`. */
  lines: { base: number; start: number }[];
}

/** Gap (in font sizes) that keeps two parts of one line apart, e.g. "部门：…      单位：万元". */
const APART = 2;
/** A heading or list item: "第二部分", "三、", "（一）", "1.", "2、", "①". */
const MARKER = /^(第[一二三四五六七八九十百零〇\d]+[部分章节条]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．](?!\d)|[①-⑳])/;
/** Punctuation that ends a sentence or introduces what follows. */
const SENTENCE_END = /[。；;！!？?：:]$/;
/**
 * How short of the right margin (in sizes) a line broken mid-sentence may stop: a number or a word
 * that does not fit, or a character that may not start a line, moves down whole.
 */
const MID_SENTENCE_SLACK = 6;

/**
 * `frame` is the left and right edge of what holds the text: the page, or a box drawn around it.
 */
export function paragraphs(lines: readonly TextLine[], frame: [number, number]): DraftParagraph[] {
  if (lines.length === 0) return [];
  const { left, right } = margins(lines, frame);
  const out: DraftParagraph[] = [];
  let cur: TextLine[] = [];
  let curParts: string[] = [];
  let box: Box = [0, 0, 0, 0];
  let prevSplit = false;
  const flush = () => {
    if (cur.length) {
      const first = cur[0];
      const last = cur[cur.length - 1];
      const lastText = curParts[curParts.length - 1].trim();
      const joined = joinWrappedAt(curParts);
      out.push({
        text: joined.text,
        box,
        firstSize: first.size,
        lastSize: last.size,
        // The page break cuts a sentence where a line break would: the same slack as within a page.
        openEnd: !prevSplit && last.x1 >= right - MID_SENTENCE_SLACK * last.size && !SENTENCE_END.test(lastText),
        startsNew: first.x0 > left + 1.0 * first.size || MARKER.test(curParts[0].trim()),
        lines: cur.flatMap((l, k) => (joined.starts[k] >= 0 ? [{ base: l.base, start: joined.starts[k] }] : [])),
      });
    }
    cur = [];
    curParts = [];
  };
  for (const line of lines) {
    const parts = segments(line, APART);
    const split = parts.length > 1;
    const text = parts.map((p) => charsText(p)).join(' ');
    if (cur.length && !split && !prevSplit && continues(cur, curParts[curParts.length - 1], line, left, right) && !startsItem(curParts, text)) {
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

function continues(par: readonly TextLine[], prevText: string, line: TextLine, left: number, right: number): boolean {
  const prev = par[par.length - 1];
  const size = Math.max(prev.size, line.size);
  const gap = line.top - prev.bottom;
  if (gap > 1.1 * size || gap < -0.4 * size) return false;
  if (Math.abs(line.size - prev.size) > 0.2 * size) return false;
  const slack = SENTENCE_END.test(prevText.trim()) ? 1.5 : MID_SENTENCE_SLACK;
  if (prev.x1 < right - slack * size) return false;
  // Lines after the first sit where the paragraph's second line sat, or at the margin.
  const indentBase = par.length > 1 ? par[1].x0 : left;
  return line.x0 <= indentBase + 1.0 * size;
}

/**
 * A new heading or list item, even when the line above was full: after a finished sentence, or
 * in a run of items (a contents list, one heading per line).
 */
function startsItem(parts: readonly string[], text: string): boolean {
  const t = text.trim();
  if (!MARKER.test(t)) return false;
  if (/^第[一二三四五六七八九十百零〇\d]+[部分章节]/.test(t)) return true;
  return SENTENCE_END.test(parts[parts.length - 1].trim()) || (parts.length === 1 && MARKER.test(parts[0].trim()));
}

/**
 * Where the text column starts: the leftmost start several lines share. One line that starts
 * further left (a running header over the page, a page-wide caption) is not the margin the body
 * text's lines return to.
 */
function leftEdge(lines: readonly TextLine[]): number {
  const starts = lines.map((l) => l.x0).sort((a, b) => a - b);
  const shared = Math.max(2, Math.ceil(0.1 * starts.length));
  for (const x of starts) if (starts.filter((y) => Math.abs(y - x) <= 2).length >= shared) return x;
  return starts[0];
}

/**
 * Left and right edges of the text column: where most lines start, how far the full lines reach.
 * A page of short lines (a signature block) does not make its longest line "full": the right
 * edge is at least most of the way to where the left margin's mirror image lies.
 */
function margins(lines: readonly TextLine[], frame: [number, number]): { left: number; right: number } {
  const long = lines.filter((l) => l.chars.length >= 8);
  const pool = long.length ? long : lines;
  const left = leftEdge(pool);
  const ends = pool.map((l) => l.x1).sort((a, b) => b - a);
  // Ignore the odd line that overshoots the column; the tenth-highest end is a full line.
  const seen = ends[Math.min(ends.length - 1, Math.floor(ends.length * 0.1))];
  const mirror = frame[1] - Math.max(0, left - frame[0]);
  const right = Math.max(seen, left + 0.85 * (mirror - left));
  return { left, right: Math.min(right, frame[1]) };
}
