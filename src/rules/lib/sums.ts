/**
 * Arithmetic inside the 说明 (domain.md §5.11): stated parts add up to the stated whole —
 * 收入 = Σ 来源; 支出 = 基本 + 项目; 基本 = 人员 + 公用; 项目清单 = 项目支出; 增减 = Σ 分项增减;
 * 机关运行经费明细 = 总额; 三公 = 出国 + 公务用车 + 接待.
 */
import type { Claim, ClaimSubject, Disclosure } from '../../model/disclosure.js';
import { defineRule, type RuleContext, type RuleMeta } from '../types.js';
import { BASIS } from './basis.js';
import { claimHalfStep, claimWhere, statementGroups, SUBJECT_NAMES } from './claims.js';
import { amount, Money, sum, val } from './figures.js';
import { headline, type HeadlineKey } from './headline.js';

function agreesWithTables(doc: Disclosure, head: Claim, keys: HeadlineKey[]): boolean {
  const tol = claimHalfStep(head).plus(new Money('0.005'));
  return keys.some((k) => {
    const s = headline(doc, k);
    const v = s && !s.desc.startsWith('摘要') ? val(s.figure) : null;
    return !!v && !!head.value && v.minus(head.value).abs().lessThanOrEqualTo(tol);
  });
}

function partLabel(c: Claim): string {
  return c.name ? c.name : SUBJECT_NAMES[c.subject];
}

/**
 * The parts read as a list may be a heading and its items (“财政拨款收入 841.58，其中一般公共预算
 * 841.58 …”): a part equal to the sum of the parts right after it is their heading, and the items
 * are not added again. Returned as another way of reading the statement; null when there is none.
 */
function withoutGroupItems(parts: Claim[]): Claim[] | null {
  const items = new Set<Claim>();
  for (let i = 0; i < parts.length; i++) {
    const head = parts[i].value;
    if (!head || head.isZero() || items.has(parts[i])) continue;
    let acc = new Money(0);
    for (let k = i + 1; k < parts.length; k++) {
      acc = acc.plus(parts[k].value ?? 0);
      const tol = sum(parts.slice(i, k + 1).map(claimHalfStep));
      if (acc.minus(head).abs().lessThanOrEqualTo(tol)) {
        for (let j = i + 1; j <= k; j++) items.add(parts[j]);
        i = k;
        break;
      }
      if (acc.greaterThan(head)) break;
    }
  }
  return items.size ? parts.filter((p) => !items.has(p)) : null;
}

/**
 * Reports when head ≠ Σ parts beyond what the printed precision of each figure explains.
 * `variants` are alternative part lists (e.g. with and without 上年结转): any match is enough.
 */
function checkStatement<Id extends string>(ctx: RuleContext<Id>, head: Claim, variants: Claim[][], what: string, messageId: NoInfer<Id>): void {
  const h = head.value!;
  const usable = variants.flatMap((v) => {
    const grouped = withoutGroupItems(v);
    return grouped ? [v, grouped] : [v];
  }).filter((v) => v.length >= 1);
  if (!usable.length) return;
  let first: { parts: Claim[]; total: Money; diff: Money; tol: Money } | null = null;
  for (const parts of usable) {
    const total = sum(parts.map((p) => p.value));
    const diff = h.minus(total);
    const tol = sum([head, ...parts].map(claimHalfStep));
    if (diff.isZero()) return;
    if (!first) first = { parts, total, diff, tol };
    if (diff.abs().lessThanOrEqualTo(tol) && usable.length > 1) return;
  }
  const { parts, total, diff, tol } = first!;
  const detail = parts.length <= 8 ? `（${parts.map((p) => `${partLabel(p)} ${amount(p.value)}`).join(' + ')}）` : '';
  ctx.report({
    messageId,
    data: { what, total: amount(h), sum: amount(total), detail, difference: amount(diff.abs()) },
    location: claimWhere(head),
    figures: Object.fromEntries([[SUBJECT_NAMES[head.subject], h], ...parts.map((p) => [partLabel(p), p.value])]),
    expected: total,
    actual: h,
    difference: diff,
    rounding: diff.abs().lessThanOrEqualTo(tol),
  });
}

export function sumRule<const Id extends string>(
  meta: Omit<RuleMeta<Id>, 'category' | 'severity' | 'basis'> & { severity?: RuleMeta['severity'] },
  head: ClaimSubject,
  parts: ClaimSubject[],
  opts: {
    /**
     * The rule's message for a whole that is not the sum of its parts, filled with `{{what}}` (the
     * whole's name), `{{total}}`, `{{sum}}`, `{{detail}}` (“（a 1.00 + b 2.00）” for up to eight
     * parts, else empty) and `{{difference}}` (absolute):
     * `说明中{{what}} {{total}} 万元，所列各项之和为 {{sum}} 万元{{detail}}，相差 {{difference}} 万元。`
     */
    messageId: NoInfer<Id>;
    multi?: boolean;
    minParts?: number;
    what?: string;
    variants?: (parts: Claim[], head: Claim) => Claim[][];
    /** The parts without which the identity cannot be judged (a part the reading missed is not an error of the text). */
    required?: (has: (s: ClaimSubject) => boolean) => boolean;
    /** The whole has a further part this catalog's claims do not carry (e.g. 单位预留机动经费): then not judged. */
    unread?: (doc: Disclosure, head: Claim) => boolean;
    /**
     * The table figures the whole stands for. When the stated whole equals one of them, the text
     * agrees with the tables; its parts are then judged one by one against the tables (the
     * narrative-vs-tables rules (lib/vs-tables.ts)), not by how completely the reading caught the list.
     */
    tableWhole?: HeadlineKey[];
  },
) {
  return defineRule({
    meta: { severity: 'error', category: 'narrative', basis: BASIS.identities('11'), appliesTo: ['budget', 'final-accounts'], ...meta },
    check(doc: Disclosure, ctx: RuleContext<Id>) {
      for (const g of statementGroups(doc, head, opts.multi ? [] : parts, opts.multi ? parts : [])) {
        if (g.parts.length < (opts.minParts ?? 2)) continue;
        if (opts.required && !opts.required((sub) => g.parts.some((p) => p.subject === sub))) continue;
        if (opts.unread && opts.unread(doc, g.head)) continue;
        if (opts.tableWhole && agreesWithTables(doc, g.head, opts.tableWhole)) continue;
        const variants = opts.variants ? opts.variants(g.parts, g.head) : [g.parts];
        checkStatement(ctx, g.head, variants, opts.what ?? SUBJECT_NAMES[head], opts.messageId);
      }
    },
  });
}
