/**
 * Arithmetic inside the 说明 (domain.md §5.11): stated parts add up to the stated whole —
 * 收入 = Σ 来源; 支出 = 基本 + 项目; 基本 = 人员 + 公用; 项目清单 = 项目支出; 增减 = Σ 分项增减;
 * 机关运行经费明细 = 总额; 三公 = 出国 + 公务用车 + 接待.
 */
import type { Claim, ClaimSubject, Disclosure } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { claimFigure, claimHalfStep, claimWhere, statementGroups, SUBJECT_NAMES } from '../lib/claims.js';
import { amount, Money, sum, val } from '../lib/figures.js';
import { tableOf, totalRow } from '../lib/tables.js';
import { defineRule, type RuleContext, type RuleMeta } from '../types.js';
import { sourceKey } from './vs-tables.js';
import { headline, type HeadlineKey } from '../lib/headline.js';

const OTHER_PARTS = /预留|机动经费|经营支出|上缴上级|对附属单位/;
const OTHER_COLUMNS = ['operating', 'toSuperior', 'toSubsidiary', 'reserve'];

/**
 * Spending beyond 基本 and 项目: named in the paragraph of the statement, or in a column of the
 * 支出总表 that holds money. The text's total then includes a part no claim carries.
 */
function otherExpenditure(doc: Disclosure, head: Claim): boolean {
  // The statement and the few paragraphs its parts may follow in (the window statementGroups uses).
  const a = head.loc.block;
  const near = a === undefined ? [] : doc.paragraphs.filter((p) => p.loc.block !== undefined && p.loc.block >= a && p.loc.block <= a + 6);
  if (OTHER_PARTS.test(`${head.loc.sentence ?? ''}${near.map((p) => p.text).join('')}`)) return true;
  const t3 = tableOf(doc, 'expenditure');
  const total = t3 && totalRow(t3);
  return !!total && OTHER_COLUMNS.some((k) => {
    const v = val(total.values[k]);
    return v !== null && !v.isZero();
  });
}

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
function checkStatement(ctx: RuleContext, head: Claim, variants: Claim[][], what: string): void {
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
    message: `说明中${what} ${amount(h)} 万元，所列各项之和为 ${amount(total)} 万元${detail}，相差 ${amount(diff.abs())} 万元。`,
    location: claimWhere(head),
    figures: Object.fromEntries([[SUBJECT_NAMES[head.subject], h], ...parts.map((p) => [partLabel(p), p.value])]),
    expected: total,
    actual: h,
    difference: diff,
    rounding: diff.abs().lessThanOrEqualTo(tol),
  });
}

function sumRule(
  meta: Omit<RuleMeta, 'category' | 'severity' | 'basis'> & { severity?: RuleMeta['severity'] },
  head: ClaimSubject,
  parts: ClaimSubject[],
  opts: {
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
     * narrative/vs-tables rules), not by how completely the reading caught the list.
     */
    tableWhole?: HeadlineKey[];
  } = {},
) {
  return defineRule({
    meta: { severity: 'error', category: 'narrative', basis: BASIS.identities('11'), appliesTo: ['budget', 'final-accounts'], ...meta },
    check(doc: Disclosure, ctx: RuleContext) {
      for (const g of statementGroups(doc, head, opts.multi ? [] : parts, opts.multi ? parts : [])) {
        if (g.parts.length < (opts.minParts ?? 2)) continue;
        if (opts.required && !opts.required((sub) => g.parts.some((p) => p.subject === sub))) continue;
        if (opts.unread && opts.unread(doc, g.head)) continue;
        if (opts.tableWhole && agreesWithTables(doc, g.head, opts.tableWhole)) continue;
        const variants = opts.variants ? opts.variants(g.parts, g.head) : [g.parts];
        checkStatement(ctx, g.head, variants, opts.what ?? SUBJECT_NAMES[head]);
      }
    },
  });
}

export const revenueSourcesSum = sumRule(
  {
    id: 'narrative/revenue-sources-sum',
    title: '收入说明中各来源之和等于收入总额',
    description: '同一段收入说明中：收入总额 = 所列各来源（一般公共预算、基金、财政专户、其他……）之和；总额含或不含上年结转两种口径都接受。',
    example: { bad: '“预算收入200.54万元，其中一般公共预算收入200.54万元……其他来源收入0.04万元”', message: '说明中收入预算 200.54 万元，所列各项之和为 200.58 万元（一般公共预算收入 200.54 + 基金预算收入 0.00 + 财政专户收入 0.00 + 其他来源收入 0.04），相差 0.04 万元。' },
  },
  'revenue.total',
  ['revenue.source'],
  {
    multi: true,
    tableWhole: ['revenueTotal', 'revenueGrand'],
    variants: (parts, head) => {
      // "收入预算X万元，其中：一般公共预算收入…" names a few sources in the total's own sentence and
      // the list below gives them all: either list may be the one that adds up.
      const own = parts.filter((p) => p.loc.block === head.loc.block);
      const below = parts.filter((p) => p.loc.block !== head.loc.block);
      return (own.length && below.length ? [parts, own, below] : [parts]).flatMap((list) => {
        const noCarry = list.filter((p) => sourceKey(p.name ?? '') !== 'carryOver');
        return noCarry.length === list.length ? [list] : [list, noCarry];
      });
    },
  },
);

export const expenditurePartsSum = sumRule(
  {
    id: 'narrative/expenditure-parts-sum',
    title: '支出说明中基本支出加项目支出等于支出总额',
    description: '支出说明中：支出总额 = 基本支出 + 项目支出（+ 其他支出，若有）。该段（及其后几段）还写有单位预留机动经费、经营支出、上缴上级、对附属单位补助等构成，或支出总表这些列有金额时不判断（这些构成尚无对应的说明数字）。',
    example: { bad: '“支出预算302.27万元，其中基本支出238.42万元……项目支出53.85万元”', message: '说明中支出预算 302.27 万元，所列各项之和为 292.27 万元（基本支出 238.42 + 项目支出 53.85），相差 10.00 万元。' },
  },
  'expenditure.total',
  ['expenditure.basic', 'expenditure.project', 'expenditure.other'],
  { required: (has) => has('expenditure.basic') && has('expenditure.project'), unread: otherExpenditure, tableWhole: ['expenditureTotal', 'expenditureGrand'] },
);

export const basicPartsSum = sumRule(
  {
    id: 'narrative/basic-parts-sum',
    title: '基本支出等于人员经费加公用经费',
    description: '支出说明中：基本支出 = 人员经费 + 日常公用经费。',
    example: { bad: '“基本支出238.42万元，包括人员经费209.64万元和日常公用经费27.78万元”', message: '说明中基本支出 238.42 万元，所列各项之和为 237.42 万元（人员经费 209.64 + 公用经费 27.78），相差 1.00 万元。' },
  },
  'expenditure.basic',
  ['expenditure.personnel', 'expenditure.public'],
);

export const projectListSum = sumRule(
  {
    id: 'narrative/project-list-sum',
    title: '说明所列各项目金额之和等于项目支出',
    description: '支出说明列出项目清单时：各项目金额之和 = 项目支出。只列部分项目（“主要为”）而合计不足时仍会报告，请核对是否漏列。',
    example: { bad: '“项目支出63.85万元，主要为舆情中心运行费7.00万元，网络宣传20万元……”合计 53.85', message: '说明中项目支出 63.85 万元，所列各项之和为 53.85 万元（舆情中心运行费 7.00 + 网络宣传 20.00 + …），相差 10.00 万元。' },
    severity: 'warning',
  },
  'expenditure.project',
  ['expenditure.projectItem'],
  { multi: true },
);

export const changeSum = sumRule(
  {
    id: 'narrative/change-sum',
    title: '收支增减额等于基本支出与项目支出增减额之和',
    description: '比上年增减情况中：总额增减 = 基本支出增减 + 项目支出增减（+ 其他支出增减），减少记为负数。',
    example: { bad: '“较上年减少21.64万元。其中：基本支出增加42.47万元……项目支出减少64.16万元”', message: '说明中收支总额增减 -21.64 万元，所列各项之和为 -21.69 万元（基本支出增减 42.47 + 项目支出增减 -64.16），相差 0.05 万元。' },
  },
  'change.total',
  ['change.basic', 'change.project', 'change.other'],
  { required: (has) => has('change.basic') && has('change.project') },
);

export const operatingCostsItemsSum = sumRule(
  {
    id: 'narrative/operating-costs-items-sum',
    title: '机关运行经费明细之和等于总额',
    description: '机关运行经费说明列出明细（办公费、邮电费……）时：各明细之和 = 机关运行经费总额。',
    example: { bad: '“机关运行经费安排27.53万元，其中办公费13.78万元，邮电费3.06万元……”合计 26.53', message: '说明中机关运行经费 27.53 万元，所列各项之和为 26.53 万元（办公费 13.78 + 邮电费 3.06 + …），相差 1.00 万元。' },
  },
  'operatingCosts.total',
  ['operatingCosts.item'],
  { multi: true },
);

export const threePublicPartsSum = sumRule(
  {
    id: 'narrative/three-public-parts-sum',
    title: '说明中“三公”经费等于各项之和',
    description: '三公经费说明中：总额 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费；未写公务用车合计时取购置费 + 运行费。',
    example: { bad: '“三公经费预算3.00万元，其中因公出国（境）费0万元，公务用车购置及运维费2.43万元，公务接待费0万元”', message: '说明中“三公”经费 3.00 万元，所列各项之和为 2.43 万元（因公出国（境）费 0.00 + 公务用车购置及运行费 2.43 + 公务接待费 0.00），相差 0.57 万元。' },
  },
  'threePublic.total',
  ['threePublic.abroad', 'threePublic.vehicle', 'threePublic.vehiclePurchase', 'threePublic.vehicleOperation', 'threePublic.reception'],
  {
    variants: (parts) => {
      const hasVehicle = parts.some((p) => p.subject === 'threePublic.vehicle');
      const keep = parts.filter((p) => !(hasVehicle && (p.subject === 'threePublic.vehiclePurchase' || p.subject === 'threePublic.vehicleOperation')));
      return [keep];
    },
    required: (has) => has('threePublic.abroad') && has('threePublic.reception') && (has('threePublic.vehicle') || (has('threePublic.vehiclePurchase') && has('threePublic.vehicleOperation'))),
  },
);

export const threePublicVehicleSum = sumRule(
  {
    id: 'narrative/three-public-vehicle-sum',
    title: '说明中公务用车购置及运行费等于购置费加运行费',
    description: '三公经费说明中：公务用车购置及运行费 = 公务用车购置费 + 公务用车运行维护费。',
    example: { bad: '“公务用车购置及运维费5万元（其中：公务用车购置费0万元，公务用车运行维护费2.43万元）”', message: '说明中公务用车购置及运行费 5.00 万元，所列各项之和为 2.43 万元（公务用车购置费 0.00 + 公务用车运行维护费 2.43），相差 2.57 万元。' },
  },
  'threePublic.vehicle',
  ['threePublic.vehiclePurchase', 'threePublic.vehicleOperation'],
);
