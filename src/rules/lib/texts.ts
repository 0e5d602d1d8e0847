/**
 * Every string of the disclosure a person could read — prose, table cells, indicator rows, the
 * self-evaluation — with where it stands, for text-quality and privacy checks.
 */
import type { Disclosure, Loc } from '../../model/disclosure.js';
import { tableName } from './tables.js';

export interface Text {
  text: string;
  where: string;
  loc: Loc;
  /** prose: paragraphs, glossary, goals; cell: table and form cells. */
  kind: 'prose' | 'cell';
}

export function proseTexts(doc: Disclosure): Text[] {
  const out: Text[] = [];
  doc.paragraphs.forEach((p, i) => out.push({ text: p.text, where: `说明第 ${i + 1} 段${p.section ? `（${p.section}）` : ''}`, loc: p.loc, kind: 'prose' }));
  doc.glossary.forEach((g) => out.push({ text: `${g.term}：${g.definition}`, where: `名词解释“${g.term}”`, loc: g.loc, kind: 'prose' }));
  if (doc.performance.overallGoal) out.push({ text: doc.performance.overallGoal, where: '部门整体绩效目标', loc: {}, kind: 'prose' });
  doc.performance.subGoals.forEach((g) => {
    for (const t of [g.goal, g.indicators]) if (t) out.push({ text: t, where: `分项绩效目标“${g.name}”`, loc: g.loc, kind: 'prose' });
  });
  doc.performance.safeguards.forEach((s) => out.push({ text: s, where: '工作保障措施', loc: {}, kind: 'prose' }));
  doc.tables.forEach((t) => {
    if (t.note) out.push({ text: t.note, where: `《${tableName(t)}》表注`, loc: t.loc, kind: 'prose' });
  });
  for (const p of doc.projects) {
    const w = `项目“${p.name}”绩效目标表`;
    for (const g of p.goals) out.push({ text: g, where: `${w}绩效目标`, loc: p.loc, kind: 'prose' });
    if (p.purpose) out.push({ text: p.purpose, where: `${w}资金用途`, loc: p.loc, kind: 'prose' });
  }
  const se = doc.selfEvaluation;
  if (se) {
    if (se.conclusion) out.push({ text: se.conclusion, where: '自评结论', loc: {}, kind: 'prose' });
    for (const p of se.projects) {
      const w = `项目“${p.name}”绩效自评表`;
      for (const [t, what] of [[p.goals, '年度预期目标'], [p.achievements, '具体完成情况'], [p.problems, '存在问题']] as const) {
        if (t) out.push({ text: t, where: `${w}${what}`, loc: p.loc, kind: 'prose' });
      }
    }
  }
  return out;
}

export function allTexts(doc: Disclosure): Text[] {
  const out = proseTexts(doc);
  if (doc.title) out.push({ text: doc.title, where: '标题', loc: {}, kind: 'cell' });
  doc.duties.forEach((d, i) => out.push({ text: d, where: `部门职责第 ${i + 1} 条`, loc: {}, kind: 'prose' }));
  for (const u of doc.units) out.push({ text: [u.name, u.nature, u.rank, u.funding].filter(Boolean).join(' '), where: `机构设置“${u.name}”`, loc: u.loc, kind: 'cell' });
  for (const t of doc.tables) {
    const tn = `《${tableName(t)}》`;
    out.push({ text: t.title, where: `${tn}标题`, loc: t.loc, kind: 'cell' });
    for (const r of t.rows) {
      out.push({ text: r.name, where: `${tn}“${r.name}”行`, loc: r.loc, kind: 'cell' });
      for (const [k, v] of Object.entries(r.texts ?? {})) out.push({ text: v, where: `${tn}“${r.name}”行${k}`, loc: r.loc, kind: 'cell' });
      for (const f of Object.values(r.values)) if (f?.raw) out.push({ text: f.raw, where: `${tn}“${r.name}”行`, loc: f.loc, kind: 'cell' });
    }
  }
  const indicatorTexts = (place: string, inds: Disclosure['projects'][number]['indicators']) => {
    for (const i of inds) {
      const txt = [i.level3, i.description, i.target.raw, i.actual?.raw, i.basis].filter(Boolean).join(' ');
      out.push({ text: txt, where: `${place}“${i.level3}”指标`, loc: i.loc, kind: 'cell' });
    }
  };
  for (const p of doc.projects) {
    out.push({ text: [p.name, p.code, p.unit].filter(Boolean).join(' '), where: `项目“${p.name}”绩效目标表`, loc: p.loc, kind: 'cell' });
    indicatorTexts(`项目“${p.name}”绩效目标表`, p.indicators);
  }
  for (const p of doc.selfEvaluation?.projects ?? []) {
    out.push({ text: [p.name, p.unit].filter(Boolean).join(' '), where: `项目“${p.name}”绩效自评表`, loc: p.loc, kind: 'cell' });
    indicatorTexts(`项目“${p.name}”绩效自评表`, p.indicators);
  }
  for (const it of doc.procurement.items) out.push({ text: [it.project, it.item, it.measure].filter(Boolean).join(' '), where: '政府采购预算表', loc: it.loc, kind: 'cell' });
  return out;
}

/** The first few characters of a text, for messages. */
export function excerpt(text: string, at = 0, len = 30): string {
  const start = Math.max(0, at - 8);
  const s = text.replace(/\s+/g, ' ').slice(start, start + len).trim();
  return `${start > 0 ? '…' : ''}${s}${start + len < text.length ? '…' : ''}`;
}

/** A top heading of the 说明 (第一部分…, 一、…): short, no full stop at its end. */
const TOP_HEADING = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．])/;

/** The top heading the paragraph at `at` stands under (itself when it is one), without its number. */
export function headingAbove(doc: Disclosure, at: number): string | undefined {
  for (let i = at; i >= 0; i--) {
    const text = doc.paragraphs[i].text.replace(/\s+/g, '');
    if (text.length <= 40 && TOP_HEADING.test(text) && !/[。；]$/.test(text)) return text.replace(TOP_HEADING, '');
  }
  return undefined;
}
