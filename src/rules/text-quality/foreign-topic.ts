import { z } from 'zod';
import type { Disclosure } from '../../model/disclosure.js';
import { excerpt } from '../lib/texts.js';
import { defineRule } from '../types.js';

/** Shortest paragraph taken for a piece of the candidate rather than a name it mentions. */
const PART = 30;

function han(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fa5;
}

/** Pairs of Chinese characters in the text, with how often each occurs. */
function pairs(s: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    if (!han(s.charCodeAt(i)) || !han(s.charCodeAt(i + 1))) continue;
    const b = s.slice(i, i + 2);
    out.set(b, (out.get(b) ?? 0) + 1);
  }
  return out;
}

function occurrences(s: string, sub: string): number {
  let n = 0;
  for (let i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) n++;
  return n;
}

/** The longest run around a pair that the text still repeats: 储备 → 储备物资. */
function term(s: string, pair: string): string {
  let at = s.indexOf(pair);
  let len = 2;
  while (at + len < s.length && /[\u4e00-\u9fa5]/.test(s[at + len]) && occurrences(s, s.slice(at, at + len + 1)) >= 2) len++;
  while (at > 0 && /[\u4e00-\u9fa5]/.test(s[at - 1]) && occurrences(s, s.slice(at - 1, at + len)) >= 2) {
    at--;
    len++;
  }
  return s.slice(at, at + len);
}

/** The texts of a disclosure that hold words (prose, names, goals, indicators), not its figures. */
function wordTexts(doc: Disclosure): string[] {
  const out: string[] = [doc.title ?? '', ...doc.duties, ...doc.paragraphs.map((p) => p.text), ...doc.performance.safeguards];
  for (const g of doc.glossary) out.push(g.term, g.definition);
  if (doc.performance.overallGoal) out.push(doc.performance.overallGoal);
  for (const g of doc.performance.subGoals) out.push(g.name, g.goal ?? '', g.indicators ?? '');
  for (const u of doc.units) out.push(u.name);
  for (const t of doc.tables) {
    out.push(t.title, t.note ?? '');
    for (const r of t.rows) out.push(r.name, ...Object.values(r.texts ?? {}));
  }
  const indicators = (inds: Disclosure['projects'][number]['indicators']) => {
    for (const i of inds) out.push(i.level3, i.description ?? '', i.target.raw, i.actual?.raw ?? '');
  };
  for (const p of doc.projects) {
    out.push(p.name, p.purpose ?? '', ...p.goals);
    indicators(p.indicators);
  }
  const se = doc.selfEvaluation;
  if (se) {
    out.push(se.conclusion ?? '');
    for (const p of se.projects) {
      out.push(p.name, p.goals ?? '', p.achievements ?? '', p.problems ?? '');
      indicators(p.indicators);
    }
  }
  for (const it of doc.procurement.items) out.push(it.project ?? '', it.item);
  return out;
}

interface Candidate {
  text: string;
  where: string;
}

/** Headings after which a self-evaluation report concludes and says what it will do next. */
const CLOSING = /^(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*)?(?:评价结论|存在的?(?:主要)?问题|改进措施|整改措施|下一步)/;

/** Goals of a budget; the conclusion, problems and next steps of a self-evaluation. */
function candidates(doc: Disclosure): Candidate[] {
  const out: Candidate[] = [];
  if (doc.performance.overallGoal) out.push({ text: doc.performance.overallGoal, where: '部门整体绩效目标' });
  for (const g of doc.performance.subGoals) {
    if (g.goal) out.push({ text: g.goal, where: `分项绩效目标“${g.name}”` });
    if (g.indicators) out.push({ text: g.indicators, where: `分项绩效目标“${g.name}”绩效指标` });
  }
  const se = doc.selfEvaluation;
  if (se) {
    if (se.conclusion) out.push({ text: se.conclusion, where: '自评结论' });
    for (const p of se.projects) if (p.problems) out.push({ text: p.problems, where: `项目“${p.name}”绩效自评表存在问题` });
    const start = doc.paragraphs.findIndex((p) => CLOSING.test(p.text.trim()));
    if (start >= 0) doc.paragraphs.slice(start).forEach((p, k) => out.push({ text: p.text, where: `说明第 ${start + k + 1} 段` }));
  }
  return out;
}

export const foreignTopic = defineRule({
  meta: {
    id: 'text-quality/foreign-topic',
    title: '结论或目标谈的是别的业务',
    severity: 'warning',
    category: 'text-quality',
    basis: 'domain.md §8（关于其他部门业务的结论，照抄他人文件）',
    description: '绩效目标或自评报告的结论、问题和改进措施中，某个词反复出现（同一个双字词三次以上），而文件其余部分（职责、项目、指标、其他段落和表格）一次也没有提到，连这个词里的每个双字也不见于别处（“网信委”不算：“网信”处处可见）：这段话讲的是别的部门的业务，多为照抄其他单位的报告。可在配置 options.repeats 中调整出现次数。',
    example: { bad: '网信办自评报告的改进措施：“下一步将加强库存粮食管理，确保库存粮食数量准确，按期完成库存轮换任务。”', message: '说明第 40 段反复提到“库存”（3 次，其中“库存粮食” 2 次），而文件其余部分从未出现，疑为照抄其他部门的文字：“下一步将加强库存粮食管理，确保库存粮食数量准确，按期完成库存…”。' },
    messages: {
      foreignTopic: '{{where}}反复提到{{seen}}，而文件其余部分从未出现，疑为照抄其他部门的文字：“{{excerpt}}”。',
    },
    options: z.object({ repeats: z.number().int().min(1).default(3) }).strict(),
  },
  check(doc, ctx) {
    const repeats = Number(ctx.options.repeats ?? 3);
    // Most goals and conclusions repeat no pair three times: only those that do need the rest of the document.
    const found = candidates(doc)
      .map((c) => ({ ...c, s: c.text.replace(/\s+/g, '') }))
      .filter((c) => c.s.length >= 15)
      .map((c) => ({ ...c, own: [...pairs(c.s)].filter(([, n]) => n >= repeats) }))
      .filter((c) => c.own.length);
    if (!found.length) return;
    // Everything else the document says, in one string searched natively: every text but the
    // candidates, their copies and the paragraphs they span (a goal is read both whole and as
    // paragraphs). A name a candidate mentions is no such part, and a longer text that quotes a
    // candidate still counts. Figures are left out: they hold no words.
    const mine = new Set(candidates(doc).map((c) => c.text.replace(/\s+/g, '')));
    const long = [...mine].filter((m) => m.length >= PART);
    const rest = wordTexts(doc)
      .filter((t) => {
        if (!t) return false;
        if (t.length < PART) return !mine.has(t);
        const n = t.replace(/\s+/g, '');
        return !mine.has(n) && !long.some((m) => m.includes(n));
      })
      .join('\n');
    for (const c of found) {
      const s = c.s;
      // A word of its own: every pair in the repeated run is new to the document (网信委 is not: 网信 is everywhere).
      let foreign: { b: string; n: number; word: string } | null = null;
      for (const [b, n] of c.own.sort((x, y) => y[1] - x[1])) {
        if (rest.includes(b)) continue;
        const word = term(s, b);
        if ([...pairs(word).keys()].some((p) => rest.includes(p))) continue;
        foreign = { b, n, word };
        break;
      }
      if (!foreign) continue;
      const { b, word, n } = foreign;
      const seen = word === b ? `“${b}”（${n} 次）` : `“${b}”（${n} 次，其中“${word}” ${occurrences(s, word)} 次）`;
      ctx.report({
        messageId: 'foreignTopic', data: { where: c.where, seen, excerpt: excerpt(s) },
        location: { where: c.where },
      });
    }
  },
});
