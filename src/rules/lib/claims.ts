/** Claims (figures the 说明 states) as rules compare them. */
import type { Claim, ClaimSubject, Disclosure, Figure } from '../../model/disclosure.js';
import { Money } from '../../model/money.js';
import { halfStep } from './figures.js';

export const SUBJECT_NAMES: Record<ClaimSubject, string> = {
  'revenue.total': '收入预算',
  'revenue.source': '收入来源',
  'expenditure.total': '支出预算',
  'expenditure.basic': '基本支出',
  'expenditure.personnel': '人员经费',
  'expenditure.public': '公用经费',
  'expenditure.project': '项目支出',
  'expenditure.projectItem': '项目',
  'expenditure.other': '其他支出',
  'change.total': '收支总额增减',
  'change.basic': '基本支出增减',
  'change.project': '项目支出增减',
  'change.other': '其他支出增减',
  'operatingCosts.total': '机关运行经费',
  'operatingCosts.item': '机关运行经费明细',
  'threePublic.total': '“三公”经费',
  'threePublic.abroad': '因公出国（境）费',
  'threePublic.vehicle': '公务用车购置及运行费',
  'threePublic.vehiclePurchase': '公务用车购置费',
  'threePublic.vehicleOperation': '公务用车运行维护费',
  'threePublic.reception': '公务接待费',
  'threePublic.change': '“三公”经费增减',
  'procurement.total': '政府采购预算',
  'assets.total': '固定资产总额',
  'assets.planned': '拟购置固定资产',
};

export function claimsOf(doc: Disclosure, subject: ClaimSubject): Claim[] {
  return doc.claims.filter((c) => c.subject === subject && c.value !== null);
}

/** A claim as a figure, its raw narrowed to the number that gives its value (for its precision). */
export function claimFigure(c: Claim): Figure | null {
  if (!c.value) return null;
  return { raw: claimNumber(c) ?? c.value.toString(), value: c.value, loc: c.loc };
}

/** The printed number in the claim's raw text that is its value ("较2021年增加82.84万元" → "82.84"). */
export function claimNumber(c: Claim): string | null {
  if (!c.value) return null;
  const target = c.value.abs();
  const nums = c.raw.replace(/[,，]/g, '').match(/\d+(?:\.\d+)?/g) ?? [];
  for (const n of nums) {
    const v = new Money(n);
    if (v.equals(target) || v.div(10000).equals(target)) return n;
  }
  return null;
}

/** Half a unit of the claim's last printed digit: "20万元" → 0.5. */
export function claimHalfStep(c: Claim): Money {
  const n = claimNumber(c);
  // "0万元" is an exact nothing, not a figure rounded to whole 万元.
  if (!n || new Money(n).isZero()) return new Money('0.005');
  const h = halfStep(n);
  return c.raw.includes('万') || !/元/.test(c.raw) ? h : h.div(10000);
}

export function claimDesc(c: Claim): string {
  const name = c.name ? `“${c.name}”` : SUBJECT_NAMES[c.subject];
  return `说明中${name}`;
}

export function claimWhere(c: Claim): Record<string, unknown> & { where: string } {
  return { ...c.loc, where: c.loc.sentence ? `说明：“${c.loc.sentence}”` : '说明' };
}

/**
 * Claims that belong to one statement: for each claim of the `head` subject, the claims of `parts`
 * subjects in the same paragraph (the recogniser lists a sentence's claims by pattern, not by
 * position), else those in the paragraphs after it, before the next head, each within a few
 * paragraphs of the statement's previous figure (a list of one item per paragraph —（1）…（9）—
 * runs on as long as its items follow one another). Of a single-valued part subject the first is
 * taken; `multi` subjects (sources, items) are all taken.
 */
export function statementGroups(doc: Disclosure, head: ClaimSubject, parts: ClaimSubject[], multi: ClaimSubject[] = []): { head: Claim; parts: Claim[] }[] {
  const claims = doc.claims.filter((c) => c.value !== null);
  const heads = claims.map((c, i) => ({ c, i })).filter(({ c }) => c.subject === head);
  const headings = doc.paragraphs.filter((p) => isHeading(p.text)).map((p) => p.loc.block).filter((b): b is number => b !== undefined);
  const groups = new Map(heads.map(({ c }) => [c, [] as Claim[]]));
  const reach = new Map(heads.map(({ c }) => [c, c.loc.block]));
  claims.forEach((c, j) => {
    if (!(parts.includes(c.subject) || multi.includes(c.subject))) return;
    const owner = ownerOf(heads, c, j, headings, reach);
    if (!owner) return;
    const group = groups.get(owner)!;
    if (!multi.includes(c.subject) && group.some((p) => p.subject === c.subject)) return;
    group.push(c);
    if (c.loc.block !== undefined) reach.set(owner, Math.max(reach.get(owner) ?? c.loc.block, c.loc.block));
  });
  return heads.map(({ c }) => ({ head: c, parts: groups.get(c)! }));
}

/** Paragraphs a statement's next figure may follow its last one by. */
const STATEMENT_GAP = 6;

/** The head a part belongs to: one stated in its paragraph, else the nearest before it, if the part follows the statement's figures closely. */
function ownerOf(heads: { c: Claim; i: number }[], part: Claim, index: number, headings: number[], reach: Map<Claim, number | undefined>): Claim | null {
  const b = part.loc.block;
  if (b !== undefined) {
    const same = heads.find(({ c }) => c.loc.block === b);
    if (same) return same.c;
  }
  const before = heads.filter(({ i }) => i < index).pop();
  if (!before) return null;
  const a = before.c.loc.block;
  const last = reach.get(before.c) ?? a;
  if (a !== undefined && b !== undefined && last !== undefined && (b < a || b - last > STATEMENT_GAP)) return null;
  // A statement does not run on past the next heading (六、财政拨款收支情况说明 starts another).
  if (a !== undefined && b !== undefined && headings.some((h) => h > a && h < b)) return null;
  return before.c;
}

/** A numbered heading of the 说明: "六、财政拨款收支情况说明", "（二）支出预算" — short, no figures. */
function isHeading(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return t.length <= 30 && /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])/.test(t) && !/\d/.test(t);
}
