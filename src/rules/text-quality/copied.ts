/**
 * Text pasted without reading it: the same goal twice in one project's table, and a conclusion or
 * goal that keeps naming a business the rest of the document never mentions (another department's
 * report used as the template).
 */
import type { Disclosure } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { allTexts, excerpt } from '../lib/texts.js';
import { defineRule } from '../types.js';

function goalText(s: string): string {
  return s.replace(/\s+/g, '').replace(/^[（(]?[0-9一二三四五六七八九十]+[)）、.．]+/, '').replace(/[。.；;，,]+$/, '');
}

export const duplicateGoal = defineRule({
  meta: {
    id: 'text-quality/duplicate-goal',
    title: '同一项目的绩效目标重复',
    severity: 'warning',
    category: 'text-quality',
    basis: `${BASIS.performance}（绩效目标应分条写明预期产出和效果）；domain.md §8（复制粘贴）`,
    description: '项目绩效目标表中两条（或更多）绩效目标文字相同（忽略序号、空白和句末标点），多为复制第一条后忘了改写。',
    example: { bad: '“1、按月足额发放聘用人员报酬 2、按月足额发放聘用人员报酬”', message: '项目“聘用人员经费”绩效目标表第 1、2 条绩效目标相同：“按月足额发放聘用人员报酬”。' },
    appliesTo: ['budget'],
  },
  check(doc, ctx) {
    for (const p of doc.projects) {
      const byText = new Map<string, number[]>();
      p.goals.forEach((g, i) => {
        const t = goalText(g);
        if (t.length < 4) return;
        byText.set(t, [...(byText.get(t) ?? []), i + 1]);
      });
      for (const [t, at] of byText) {
        if (at.length < 2) continue;
        ctx.report({ message: `项目“${p.name}”绩效目标表第 ${at.join('、')} 条绩效目标相同：“${excerpt(t)}”。`, location: { ...p.loc, where: `项目“${p.name}”绩效目标表绩效目标` } });
      }
    }
  },
});

/** Shortest paragraph taken for a piece of the candidate rather than a name it mentions. */
const PART = 30;

const HAN_PAIR = /^[\u4e00-\u9fa5]{2}$/;

function pairs(s: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    const b = s.slice(i, i + 2);
    if (HAN_PAIR.test(b)) out.set(b, (out.get(b) ?? 0) + 1);
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
    description: '绩效目标或自评报告的结论、问题和改进措施中，某个词反复出现（同一个双字词三次以上），而文件其余部分（职责、项目、指标、其他段落和表格）一次也没有提到：这段话讲的是别的部门的业务，多为照抄其他单位的报告。',
    example: { bad: '网信办自评报告的改进措施：“下一步将加强库存粮食管理，确保库存粮食数量准确，按期完成库存轮换任务。”', message: '说明第 40 段反复提到“库存”（3 次，其中“库存粮食” 2 次），而文件其余部分从未出现，疑为照抄其他部门的文字：“下一步将加强库存粮食管理，确保库存粮食数量准确，按期完成库存…”。' },
  },
  defaults: { repeats: 3 },
  check(doc, ctx) {
    const found = candidates(doc);
    if (!found.length) return;
    const texts = [...allTexts(doc).map((t) => t.text), ...doc.duties];
    const repeats = Number(ctx.options.repeats ?? 3);
    for (const c of found) {
      const s = c.text.replace(/\s+/g, '');
      if (s.length < 15) continue;
      const own = [...pairs(s)].filter(([, n]) => n >= repeats);
      if (!own.length) continue;
      // Everything else the document says, less the candidate's own copies and the paragraphs it
      // spans (a goal is read both whole and as paragraphs). A name it mentions is no such part, and
      // a longer text that quotes it still counts.
      const rest = texts
        .map((t) => t.replace(/\s+/g, ''))
        .filter((t) => t && t !== s && !(t.length >= PART && s.includes(t)))
        .join('\n');
      // A word of its own: every pair in the repeated run is new to the document (网信委 is not: 网信 is everywhere).
      const foreign = own
        .map(([b, n]) => ({ b, n, word: term(s, b) }))
        .filter(({ word }) => [...pairs(word).keys()].every((b) => !rest.includes(b)))
        .sort((a, b) => b.n - a.n);
      if (!foreign.length) continue;
      const { b, word, n } = foreign[0];
      const seen = word === b ? `“${b}”（${n} 次）` : `“${b}”（${n} 次，其中“${word}” ${occurrences(s, word)} 次）`;
      ctx.report({
        message: `${c.where}反复提到${seen}，而文件其余部分从未出现，疑为照抄其他部门的文字：“${excerpt(s)}”。`,
        location: { where: c.where },
      });
    }
  },
});
