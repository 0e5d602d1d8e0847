/**
 * Findings of one rule and one cause folded into one, with every place listed: the same phone
 * number printed under five project tables is one problem found five times, and nine project forms
 * without a satisfaction indicator are one problem in nine places. The cause is the message with
 * the finding's own place taken out; findings with different figures keep different messages and
 * stay apart.
 */
import type { Disclosure, Finding, Severity } from '../model/disclosure.js';
import { READING_FINDINGS } from '../findings/catalog.js';
import { fixFor, ruleMeta } from './fix.js';
import { placeOf, placeText, type Place } from './where.js';

export const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];
export const SEVERITY_TEXT: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export interface Located {
  finding: Finding;
  place: Place;
  where: string;
}

export interface FindingGroup {
  rule: string;
  /** The rule's Chinese title (reader findings: 读取提示). */
  title: string;
  severity: Severity;
  /** The first finding's message (in document order). */
  message: string;
  fix?: string;
  /** Every finding of the group, in document order. */
  items: Located[];
}

const PARAGRAPH_NO = /说明第\s*\d+\s*段(（[A-Za-z.]+）)?/g;

/** What a finding says apart from where it is. */
export function causeOf(f: Finding): string {
  let m = f.message;
  const w = f.location.where;
  if (w && w.length >= 2) {
    m = m.split(w).join('◇');
    // The names the place quotes (the project, the indicator) are the place, not the cause.
    for (const q of w.match(/“[^“”]+”/g) ?? []) m = m.split(q).join('◇');
  }
  return `${f.rule}|${f.severity}|${m.replace(PARAGRAPH_NO, '◇')}`;
}

export function ruleTitle(id: string): string {
  return ruleMeta(id)?.title ?? READING_FINDINGS.find((e) => e.id === id)?.title ?? (id.startsWith('read/') ? '读取提示' : id);
}

/** Document order: page, then block, then line; findings about the whole document last. */
function position(f: Finding): [number, number, number] {
  const l = f.location;
  const inf = Number.MAX_SAFE_INTEGER;
  return [l.page ?? (l.block !== undefined || l.line !== undefined ? 0 : inf), l.block ?? inf, l.line ?? inf];
}

function compare(a: Finding, b: Finding): number {
  const pa = position(a);
  const pb = position(b);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

export function locate(f: Finding, doc: Disclosure): Located {
  const place = placeOf(f, doc);
  return { finding: f, place, where: placeText(place) };
}

/** The findings folded by rule and cause, ordered by severity, then by the first place in the document. */
export function groupFindings(findings: Finding[], doc: Disclosure): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of [...findings].sort(compare)) {
    const key = causeOf(f);
    let g = groups.get(key);
    if (!g) {
      g = { rule: f.rule, title: ruleTitle(f.rule), severity: f.severity, message: f.message, items: [] };
      const fix = fixFor(f);
      if (fix) g.fix = fix;
      groups.set(key, g);
    }
    g.items.push(locate(f, doc));
  }
  const out = [...groups.values()];
  out.sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || compare(a.items[0].finding, b.items[0].finding));
  return out;
}

/** Findings per rule, most first: [rule, title, groups, places]. */
export function ruleCounts(groups: FindingGroup[]): { rule: string; title: string; severity: Severity; findings: number; places: number }[] {
  const by = new Map<string, { rule: string; title: string; severity: Severity; findings: number; places: number }>();
  for (const g of groups) {
    const k = `${g.rule}|${g.severity}`;
    const c = by.get(k) ?? { rule: g.rule, title: g.title, severity: g.severity, findings: 0, places: 0 };
    c.findings++;
    c.places += g.items.length;
    by.set(k, c);
  }
  return [...by.values()].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || b.places - a.places || a.rule.localeCompare(b.rule));
}
