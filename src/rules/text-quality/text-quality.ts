/**
 * Signs a template or another document was copied without care (domain.md §8): instructions to
 * whoever fills the template, placeholders, duplicated paragraphs, the wrong administrative level
 * or year, a goal that only restates the duties.
 */
import type { Disclosure } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { tableName } from '../lib/tables.js';
import { excerpt, proseTexts } from '../lib/texts.js';
import { defineRule } from '../types.js';

const INSTRUCTIONS: RegExp[] = [
  /的[，,]?(?:请)?(?:填写|写)[：:]/,
  /(?:请|须|需)(?:据实|如实|根据实际情况?|按实际)?(?:填写|填报|填列)/,
  /(?:此处|本栏|该栏|本表)(?:填写|填列|列示)(?:[^。]{0,10})?(?:的|内容|情况)/,
  /(?:填写|填报|编写)(?:说明|要求|提示)[：:]/,
  /如(?:有|无)[^。；]{1,20}(?:请|则)(?:填写|说明|删除|注明)/,
  /(?:删除|去掉)(?:此|本)(?:行|段|句|括号)/,
  /[（(](?:参考|示例|模板|例)[：:][^)）]*[)）]/,
];

export const templateInstruction = defineRule({
  meta: {
    id: 'text-quality/template-instruction',
    title: '残留填写说明',
    severity: 'error',
    category: 'text-quality',
    basis: 'domain.md §8（模板说明文字未删除）；公开质量',
    description: '说明中残留写给填表人的模板指引，如“本年度无拟购置固定资产的写：……”“请据实填写……”“如无……请删除”。',
    example: { bad: '“本年度无拟购置固定资产的写：我部门本年度无国有资产购置计划，拟购置金额为0。”', message: '说明第 41 段残留模板填写说明：“本年度无拟购置固定资产的写：我部门本年度无国有资…”。' },
  },
  check(doc, ctx) {
    for (const t of proseTexts(doc)) {
      for (const re of INSTRUCTIONS) {
        const m = re.exec(t.text);
        if (!m) continue;
        ctx.report({ message: `${t.where}残留模板填写说明：“${excerpt(t.text, m.index)}”。`, location: { ...t.loc, where: t.where } });
        break;
      }
    }
  },
});

const PLACEHOLDERS = /(?<![A-Za-z])(?:XX+|xx+|ＸＸ+|××+|某某|待补充|待填写|待完善|[{｛][^}｝]{0,12}[}｝]|□□+|○○+)(?![A-Za-z])/;

export const placeholder = defineRule({
  meta: {
    id: 'text-quality/placeholder',
    title: '残留占位符',
    severity: 'error',
    category: 'text-quality',
    basis: 'domain.md §8（占位符 XX、××、某某、待补充、{单位}）',
    description: '说明或表格中残留模板占位符：XX、××、某某、待补充、待填写、{单位}、□□ 等。',
    example: { bad: '“XX单位2022年部门预算收入……”', message: '说明第 3 段残留占位符“XX”：“XX单位2022年部门预算收入……”。' },
  },
  check(doc, ctx) {
    const texts = [
      ...proseTexts(doc),
      ...(doc.title ? [{ text: doc.title, where: '标题', loc: {}, kind: 'cell' as const }] : []),
      ...doc.tables.flatMap((t) => [
        { text: t.title, where: `《${tableName(t)}》标题`, loc: t.loc, kind: 'cell' as const },
        ...t.rows.map((r) => ({ text: r.name, where: `《${tableName(t)}》“${r.name}”行`, loc: r.loc, kind: 'cell' as const })),
      ]),
      ...doc.projects.map((p) => ({ text: p.name, where: `项目“${p.name}”绩效目标表`, loc: p.loc, kind: 'cell' as const })),
    ];
    for (const t of texts) {
      const m = PLACEHOLDERS.exec(t.text);
      if (!m) continue;
      ctx.report({ message: `${t.where}残留占位符“${m[0]}”：“${excerpt(t.text, m.index)}”。`, location: { ...t.loc, where: t.where } });
    }
  },
});

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

export const duplicateParagraph = defineRule({
  meta: {
    id: 'text-quality/duplicate-paragraph',
    title: '重复段落',
    severity: 'warning',
    category: 'text-quality',
    basis: 'domain.md §8（复制粘贴的段落）',
    description: '同一段文字（30 字以上，忽略空白和序号）在说明中出现两次以上；或一段之中同一段文字（50 字以上）前后出现两遍（粘贴了两次）。',
    example: { bad: '部门职责段在“部门职责”和“总体绩效目标”下各出现一次', message: '说明第 12 段与第 5 段重复：“根据《……职能配置、内设机构和人员编制规定》……”。' },
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
      else ctx.report({ message: `说明第 ${i + 1} 段与第 ${prev + 1} 段重复：“${excerpt(p.text)}”。`, location: { ...p.loc, where: `说明第 ${i + 1} 段` } });
      const r = repeatedPassage(n);
      if (r) ctx.report({ message: `说明第 ${i + 1} 段中同一段文字前后出现两遍（重复 ${r.length} 字）：“${excerpt(n, r.at + 8)}”。`, location: { ...p.loc, where: `说明第 ${i + 1} 段` } });
    });
  },
});

const FOREIGN_LEVELS: Record<NonNullable<Disclosure['entity']['level']>, RegExp> = {
  county: /省级|省直/,
  city: /省级|省直/,
  province: /(?:区|县)级(?:财政|部门|预算)/,
};

const LEVEL_NAMES = { county: '区县级', city: '市级', province: '省级' } as const;

export const wrongLevelGlossary = defineRule({
  meta: {
    id: 'text-quality/wrong-level-glossary',
    title: '名词解释中的行政层级与本单位不符',
    severity: 'warning',
    category: 'text-quality',
    basis: BASIS.identities('14'),
    description: '区县、市级单位的名词解释中出现“省级”“省直”（或省级单位出现“区级/县级财政”），多为照抄上级模板。',
    example: { bad: '区级单位名词解释：“三公经费是指省级部门用财政拨款安排的……”', message: '名词解释““三公”经费”中出现“省级”，而本单位为区县级单位：“…是指省级部门用财政拨款安排的因公…”。' },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    const level = doc.entity.level;
    if (!level) return;
    const re = FOREIGN_LEVELS[level];
    for (const g of doc.glossary) {
      const text = `${g.term}：${g.definition}`;
      const m = re.exec(text);
      if (!m) continue;
      ctx.report({ message: `名词解释“${g.term}”中出现“${m[0]}”，而本单位为${LEVEL_NAMES[level]}单位：“${excerpt(text, m.index)}”。`, location: { ...g.loc, where: `名词解释“${g.term}”` } });
    }
  },
});

const OWN_LEVEL_WORDS: Record<NonNullable<Disclosure['entity']['level']>, RegExp> = {
  county: /我省|本省/,
  city: /我省|本省/,
  province: /我区(?!域)|我县|本县/,
};

export const wrongLevelText = defineRule({
  meta: {
    id: 'text-quality/wrong-level-text',
    title: '说明中以别的行政层级自称',
    severity: 'info',
    category: 'text-quality',
    basis: BASIS.identities('14'),
    description: '区县、市级单位的说明里以“我省”“本省”自称（如“目前我省部门预算的编制实行综合预算管理”），多为照抄上级模板。只作提示，因为“我省”也可能是在引述上级政策。',
    example: { bad: '区级文件：“目前我省部门预算的编制实行综合预算管理”', message: '说明第 14 段以“我省”自称，而本单位为区县级单位：“…目前我省部门预算的编制实行综合预算管理…”。' },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    const level = doc.entity.level;
    if (!level) return;
    const re = OWN_LEVEL_WORDS[level];
    doc.paragraphs.forEach((p, i) => {
      const m = re.exec(p.text);
      if (!m) return;
      ctx.report({ message: `说明第 ${i + 1} 段以“${m[0]}”自称，而本单位为${LEVEL_NAMES[level]}单位：“${excerpt(p.text, m.index)}”。`, location: { ...p.loc, where: `说明第 ${i + 1} 段` } });
    });
  },
});

const YEAR_TITLE = /(?<![较比与和同至到~～\-—])(20\d{2})\s*年\s*度?\s*(?:部门|单位)(?:预算|决算)/;

export const titleYear = defineRule({
  meta: {
    id: 'text-quality/title-year',
    title: '标题或说明中的年度与文件年度不符',
    severity: 'warning',
    category: 'text-quality',
    basis: BASIS.identities('14'),
    description: '表格标题、文件标题或说明中写“XXXX年（度）部门预算/决算”的年份应为文件年度（比较用语“较/比 XXXX 年”除外）。常见于套用上年文件未改年份。',
    example: { bad: '2022 年文件中表格标题“2021年部门预算收支总表”', message: '《2021年部门预算收支总表》写的是 2021 年，而本文件为 2022 年度。' },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    if (doc.year === null) return;
    const texts = [
      ...doc.tables.map((t) => ({ text: t.title, where: `《${tableName(t)}》`, loc: t.loc })),
      ...doc.paragraphs.map((p, i) => ({ text: p.text, where: `说明第 ${i + 1} 段`, loc: p.loc })),
      ...(doc.title ? [{ text: doc.title, where: '文件标题', loc: {} }] : []),
    ];
    const seen = new Set<string>();
    for (const t of texts) {
      const m = YEAR_TITLE.exec(t.text);
      if (!m || Number(m[1]) === doc.year) continue;
      if (seen.has(t.where)) continue;
      seen.add(t.where);
      ctx.report({ message: `${t.where}写的是 ${m[1]} 年（“${excerpt(t.text, m.index)}”），而本文件为 ${doc.year} 年度。`, location: { ...t.loc, where: t.where } });
    }
  },
});

function bigrams(s: string): Set<string> {
  const n = s.replace(/[\s，,。；;：:、“”"（）()]/g, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < n.length; i++) out.add(n.slice(i, i + 2));
  return out;
}

/** Share of the text's character pairs that the duties also hold. */
function overlap(text: string, duties: Set<string>): { ratio: number; size: number } {
  const g = bigrams(text);
  let common = 0;
  for (const b of g) if (duties.has(b)) common++;
  return { ratio: g.size ? common / g.size : 0, size: g.size };
}

export const goalRestatesDuties = defineRule({
  meta: {
    id: 'text-quality/goal-restates-duties',
    title: '整体绩效目标照抄部门职责',
    severity: 'warning',
    category: 'text-quality',
    basis: `${BASIS.performance}（绩效目标应写明预期产出和效果）；domain.md §8`,
    description: '部门整体（总体）绩效目标的文字八成以上与部门职责相同：目标只是重述职责，没有说明年度要达到的产出和效果。分项绩效目标的目标或指标文字八成以上与职责相同时另报一条，列出这些分项。',
    example: { bad: '总体绩效目标一段就是“主要职责是：负责处理……”的原文', message: '部门整体绩效目标与部门职责的文字重合 96%，目标只是重述职责。' },
    appliesTo: ['budget'],
  },
  defaults: { threshold: 0.8 },
  check(doc, ctx) {
    if (!doc.duties.length) return;
    const threshold = Number(ctx.options.threshold ?? 0.8);
    const d = bigrams(doc.duties.join(''));
    const goal = doc.performance.overallGoal;
    if (goal) {
      const o = overlap(goal, d);
      if (o.size >= 20 && o.ratio >= threshold) {
        ctx.report({ message: `部门整体绩效目标与部门职责的文字重合 ${Math.round(o.ratio * 100)}%，目标只是重述职责。`, location: { where: '部门整体绩效目标' } });
      }
    }
    const copied = doc.performance.subGoals.filter((g) =>
      [g.goal, g.indicators].some((t) => {
        if (!t) return false;
        const o = overlap(t, d);
        return o.size >= 20 && o.ratio >= threshold;
      }),
    );
    if (!copied.length) return;
    ctx.report({
      message: `分项绩效目标 ${doc.performance.subGoals.length} 项中有 ${copied.length} 项（${copied.map((g) => `“${g.name}”`).join('')}）的绩效目标或绩效指标与部门职责的文字重合八成以上，只是重述职责。`,
      location: { ...copied[0].loc, where: '分项绩效目标' },
    });
  },
});
