import { excerpt, headingAbove } from '../lib/texts.js';
import { defineRule } from '../types.js';

function norm(s: string): string {
  return s.replace(/\s+/g, '').replace(/^[（(]?[0-9一二三四五六七八九十]+[)）、.．]/, '');
}

/** Shortest passage a paragraph may repeat inside itself before it counts as pasted twice. */
const SELF_REPEAT = 50;

/** Blocks searched for a second copy: any passage of SELF_REPEAT holds one whole block. */
const BLOCK = 25;

/**
 * A passage the text holds twice (the second copy starting after the first ends), at least `min`
 * characters long: where the first copy starts and how long it runs. Searches each block of the
 * text further on with indexOf rather than indexing every window, which keeps long paragraphs cheap.
 */
export function repeatedPassage(n: string, min = SELF_REPEAT): { at: number; length: number } | null {
  if (n.length < 2 * min) return null;
  for (let k = 0; k + BLOCK <= n.length; k += BLOCK) {
    const block = n.slice(k, k + BLOCK);
    for (let i = n.indexOf(block, k + BLOCK); i >= 0; i = n.indexOf(block, i + 1)) {
      let j = k;
      let m = i;
      while (j > 0 && n[j - 1] === n[m - 1]) {
        j--;
        m--;
      }
      let len = i - m + BLOCK;
      while (j + len < m && m + len < n.length && n[j + len] === n[m + len]) len++;
      // The copies may not overlap: a run of one repeated character is no pasted passage.
      len = Math.min(len, m - j);
      if (len >= min) return { at: j, length: len };
    }
  }
  return null;
}

/** A paragraph that states an amount (…3,916.57万元。主要包括…). */
const STATES_AMOUNT = /\d\s*(?:万元|亿元|元)/;

/**
 * Two headings of parallel parts of the template about the same money — 财政拨款基本支出预算情况说明
 * and 一般公共预算基本支出预算情况说明 end alike: where the department's basic expenditure is all
 * general public budget, the two parts answer with the same figures, in the same words, by design.
 */
function parallelParts(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || a === b) return false;
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  const common = a.slice(a.length - n);
  return n >= 6 && /支出|收入|经费/.test(common);
}

export const duplicateParagraph = defineRule({
  meta: {
    id: 'text-quality/duplicate-paragraph',
    title: '重复段落',
    severity: 'warning',
    category: 'text-quality',
    basis: 'domain.md §8（复制粘贴的段落）',
    description: '同一段文字（30 字以上，忽略空白和序号）在说明中出现两次以上；或一段之中同一段文字（50 字以上）前后出现两遍（粘贴了两次）。模板中并列、讲同一笔钱的两部分（如“财政拨款基本支出预算情况说明”与“一般公共预算基本支出预算情况说明”）以相同文字说明相同金额的，不报告。',
    example: { bad: '部门职责段在“部门职责”和“总体绩效目标”下各出现一次', message: '说明第 12 段与第 5 段重复：“根据《……职能配置、内设机构和人员编制规定》……”。' },
    messages: {
      repeatsParagraph: '说明第 {{paragraph}} 段与第 {{earlier}} 段重复：“{{excerpt}}”。',
      repeatsWithin: '说明第 {{paragraph}} 段中同一段文字前后出现两遍（重复 {{length}} 字）：“{{excerpt}}”。',
    },
    fix: '删除重复的文字，或按该部分应有的内容重写',
  },
  check(doc, ctx) {
    const first = new Map<string, number>();
    doc.paragraphs.forEach((p, i) => {
      const n = norm(p.text);
      if (n.length < 30) return;
      // A heading without a sentence in it (（七）关于…情况说明) is repeated by the contents list by design.
      if (!/[。；;，,！!？?]/.test(p.text)) return;
      const prev = first.get(n);
      if (prev === undefined) first.set(n, i);
      else if (STATES_AMOUNT.test(n) && parallelParts(headingAbove(doc, prev), headingAbove(doc, i))) {
        // the same figures in a parallel part of the template (see parallelParts)
      } else ctx.report({ messageId: 'repeatsParagraph', data: { paragraph: i + 1, earlier: prev + 1, excerpt: excerpt(p.text) }, location: { ...p.loc, where: `说明第 ${i + 1} 段` } });
      const r = repeatedPassage(n);
      if (r) ctx.report({ messageId: 'repeatsWithin', data: { paragraph: i + 1, length: r.length, excerpt: excerpt(n, r.at + 8) }, location: { ...p.loc, where: `说明第 ${i + 1} 段` } });
    });
  },
});
