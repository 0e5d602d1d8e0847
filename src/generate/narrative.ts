/**
 * The 说明 written from the numbers: every figure and every direction word (增加/减少/持平) is
 * computed from the figures, in the template's wording. The reasons for changes are the one thing
 * a person writes: they are fields — filled from the dataset's `reasons`, or left marked (and the
 * gate blocks publication) — never invented.
 */
import { fmt, type Money } from '../model/money.js';
import { para, type Block, type Field, type Inline } from './blocks.js';
import { REASON_LABELS, type Dataset, type ReasonKey } from './dataset.js';
import { budgetVsFinalItems, isZero, type Figures } from './figures.js';
import type { PartId, Template } from './templates/index.js';

const w = (m: Money) => fmt(m).replace(/,/g, '');

/** "增加82.84万元" / "减少1.20万元" / "持平": the direction word from the sign. */
export function changeWords(current: Money, prior: Money): string {
  const d = current.minus(prior);
  if (d.isZero()) return '持平';
  return `${d.isPositive() ? '增加' : '减少'}${w(d.abs())}万元`;
}

export function reasonField(d: Dataset, key: ReasonKey): Field {
  return { field: `reasons.${key}`, label: REASON_LABELS[key], text: d.reasons[key] };
}

/** Fills a phrase into inlines: a placeholder may stand for a field. */
export function fillInlines(phrase: string, values: Record<string, string | number | Field>): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  const push = (s: string) => {
    if (!s) return;
    if (typeof out[out.length - 1] === 'string') out[out.length - 1] = (out[out.length - 1] as string) + s;
    else out.push(s);
  };
  for (const m of phrase.matchAll(/\{(\w+)\}/g)) {
    push(phrase.slice(last, m.index));
    const v = values[m[1]];
    if (v === undefined) throw new Error(`phrase placeholder {${m[1]}} has no value`);
    if (typeof v === 'object') out.push(v);
    else push(String(v));
    last = m.index! + m[0].length;
  }
  push(phrase.slice(last));
  return out;
}

const SOURCE_WORDS: [keyof Figures['bySource'], string][] = [
  ['generalBudget', '一般公共预算收入'],
  ['govFund', '政府性基金预算收入'],
  ['stateCapital', '国有资本经营预算收入'],
  ['fiscalSpecial', '财政专户管理资金收入'],
  ['business', '事业收入'],
  ['operatingIncome', '事业单位经营收入'],
  ['superiorSubsidy', '上级补助收入'],
  ['subsidiaryIncome', '附属单位上缴收入'],
  ['other', '其他收入'],
];

export interface NarrativeContext {
  d: Dataset;
  f: Figures;
  t: Template;
}

/** The paragraphs of one part of the 说明 (tables and lists are added by compose.ts). */
export function partParagraphs(part: PartId, ctx: NarrativeContext): Block[] {
  const { d, f, t } = ctx;
  const P = t.phrases;
  const y = d.year;
  const base = { year: y, entity: d.entity.name, prior: y - 1 };
  const p = (phrase: string, values: Record<string, string | number | Field> = {}) => para(...fillInlines(phrase, { ...base, ...values }));
  switch (part) {
    case 'intro':
      return [p(P.intro)];
    case 'overview':
      return P.overview ? [p(P.overview, { total: w(f.revenueTotal) })] : [];
    case 'revenue': {
      // Every source the template's 收入说明 names, those with no money as 0 (as the templates do),
      // the main three always.
      const named = SOURCE_WORDS.filter(([s], i) => i < 3 || !isZero(f.bySource[s]));
      const sources = named.map(([s, name]) => `${name}${w(f.bySource[s])}万元`).join('，');
      return [p((P.revenueLead ?? '') + P.revenue, { revenueTotal: w(f.revenueTotal), sources })];
    }
    case 'expenditure': {
      const items = d.projects.filter((x) => !isZero(x.budget)).map((x) => `${x.name}${w(x.budget)}万元`);
      const projectList = items.length && P.expenditure.includes('{projectList}') ? P.projectList.replace('{items}', items.join('，')) : '';
      const gbBasic = f.personnel.plus(f.public);
      // 基本支出 = 人员 + 公用 only when the economic split covers all of it.
      const phrase = gbBasic.equals(f.basic) || !P.expenditureSplit ? P.expenditure : P.expenditureSplit;
      const share = (m: Money) => (f.revenueTotal.isZero() ? '0.00' : m.div(f.revenueTotal).times(100).toFixed(2));
      const values = { basicShare: share(f.basic), projectShare: share(f.project), total: w(f.revenueTotal), basic: w(f.basic), gbBasic: w(gbBasic), personnel: w(f.personnel), public: w(f.public), project: w(f.project), projectList };
      // When the economic split covers only the general budget's basic expenditure, the 支出说明
      // names none: read beside 基本支出 it would be taken for the whole's parts. The 基本支出表
      // (and, where the template has one, its own part of the 说明) states it.
      return [p(phrase, values)];
    }
    case 'change': {
      const pr = d.prior;
      if (!pr) return [p(P.changeNoPrior, { total: w(f.revenueTotal) })];
      const out: Inline[] = fillInlines(P.change, {
        ...base,
        total: w(f.revenueTotal),
        totalChange: changeWords(f.revenueTotal, pr.expenditureTotal),
        basicChange: pr.basic ? changeWords(f.basic, pr.basic) : '—',
        projectChange: pr.project ? changeWords(f.project, pr.project) : '—',
      });
      if (!f.revenueTotal.equals(pr.expenditureTotal)) out.push(...fillInlines(P.reason, { reason: reasonField(d, 'total') }));
      return [para(...out)];
    }
    case 'fiscal':
      return [p(P.fiscal ?? '', { fiscal: w(f.fiscalTotal), generalBudget: w(f.bySource.generalBudget), govFund: w(f.bySource.govFund), stateCapital: w(f.bySource.stateCapital) })];
    case 'generalBudget': {
      const classes = f.functional.filter((n) => n.level === 'class');
      const basic = classes.reduce((a, n) => a.plus(n.byFund.generalBudget.basic), f.basic.minus(f.basic));
      const project = classes.reduce((a, n) => a.plus(n.byFund.generalBudget.project), f.basic.minus(f.basic));
      const out = [p(P.generalBudgetPart ?? '', { amount: w(f.bySource.generalBudget), basic: w(basic), project: w(project) })];
      return t.kind === 'final-accounts' ? [...out, ...budgetVsFinalParagraphs(ctx)] : out;
    }
    case 'basic':
      return [p(P.basicPart ?? '', { amount: w(f.personnel.plus(f.public)), personnel: w(f.personnel), public: w(f.public) })];
    case 'govFund':
      return isZero(f.bySource.govFund) ? [p('本部门{year}年无政府性基金预算支出，政府性基金预算支出表为空表。')] : [p(P.govFundPart ?? '', { amount: w(f.bySource.govFund) })];
    case 'stateCapital':
      return isZero(f.bySource.stateCapital) ? [p('本部门{year}年无国有资本经营预算支出，国有资本经营预算支出表为空表。')] : [p(P.stateCapitalPart ?? '', { amount: w(f.bySource.stateCapital) })];
    case 'operatingCosts': {
      const oc = d.operatingCosts;
      if (!oc) return [];
      let change = '';
      const extra: Inline[] = [];
      if (oc.prior) {
        change = `，较上年${changeWords(oc.current, oc.prior)}`;
        if (!oc.current.equals(oc.prior)) extra.push(...fillInlines(P.reason, { reason: reasonField(d, 'operatingCosts') }));
      }
      return [para(...fillInlines(P.operatingCosts, { ...base, amount: w(oc.current), change }), ...extra)];
    }
    case 'threePublic': {
      const tp = f.threePublic;
      const pr = f.threePublicPrior;
      if (!tp || (tp.total.isZero() && (!pr || pr.total.isZero()))) return [p(P.threePublicNone)];
      const zero = tp.total.minus(tp.total);
      const prior = pr ?? { abroad: zero, vehicle: zero, vehiclePurchase: zero, vehicleOperation: zero, reception: zero, total: zero };
      // A part that did not change is 与上年相同: 持平 after a part's figure reads as the whole's.
      const partChange = (cur: Money, pri: Money) => (cur.equals(pri) ? '与上年相同' : changeWords(cur, pri));
      const out: Inline[] = fillInlines(pr ? P.threePublic + P.threePublicParts : P.threePublicNoPrior + P.threePublicPartsNoPrior, {
        ...base,
        total: w(tp.total),
        change: changeWords(tp.total, prior.total),
        abroad: w(tp.abroad),
        abroadPrior: w(prior.abroad),
        abroadChange: partChange(tp.abroad, prior.abroad),
        vehicle: w(tp.vehicle),
        vehiclePrior: w(prior.vehicle),
        vehiclePurchase: w(tp.vehiclePurchase),
        vehicleOperation: w(tp.vehicleOperation),
        vehicleChange: partChange(tp.vehicle, prior.vehicle),
        reception: w(tp.reception),
        receptionPrior: w(prior.reception),
        receptionChange: partChange(tp.reception, prior.reception),
      });
      const blocks: Block[] = [para(...out)];
      // One reason per part that changed, then the whole's.
      const reasons: Inline[] = [];
      for (const [key, label] of [['abroad', '因公出国（境）费'], ['vehicle', '公务用车购置及运行费'], ['reception', '公务接待费']] as const) {
        if (!tp[key].equals(prior[key])) reasons.push(`${label}增减变化的原因：`, reasonField(d, key), '。');
      }
      if (reasons.length) blocks.push(para(...reasons));
      if (P.threePublicBudget && f.threePublicBudget) blocks.push(threePublicBudgetParagraph(ctx, f.threePublicBudget, tp));
      const held = d.threePublic?.counts?.vehiclesHeld;
      if (held !== undefined) blocks.push(p(P.threePublicCounts, { vehiclesHeld: held }));
      return blocks;
    }
    case 'performance': {
      const out: Block[] = [];
      const perf = d.performance;
      const funded = d.projects.filter((x) => x.indicators.length);
      if (funded.length) out.push(p(P.performanceSummary, { count: funded.length, amount: w(funded.reduce((a, x) => a.plus(x.budget), f.basic.minus(f.basic))) }));
      if (!perf) return out;
      out.push({ type: 'heading', level: 2, text: '（一）总体绩效目标' }, para(perf.overallGoal));
      if (perf.subGoals.length) {
        out.push({ type: 'heading', level: 2, text: '（二）分项绩效目标' });
        perf.subGoals.forEach((g, i) => out.push({ type: 'heading', level: 3, text: `${i + 1}、${g.name}` }, para(`绩效目标：${g.goal}`), para(`绩效指标：${g.indicators}`)));
      }
      if (perf.safeguards.length) {
        out.push({ type: 'heading', level: 2, text: '（三）工作保障措施' });
        perf.safeguards.forEach((s, i) => out.push(para(`${i + 1}、${s}`)));
      }
      return out;
    }
    case 'procurement':
      return d.procurement.length
        ? [p(P.procurement, { total: w(f.procurement.total), goods: w(f.procurement.goods), works: w(f.procurement.works), services: w(f.procurement.services) })]
        : [p(P.procurementNone)];
    case 'assets': {
      const a = d.assets;
      if (!a || !f.assetsTotal) return [];
      const listed = !isZero(a.planned) && !isZero(f.procurement.goods);
      return [p(P.assets, { total: w(f.assetsTotal), planned: w(a.planned), plannedNote: listed ? P.plannedNote : '' })];
    }
    case 'other':
      return [d.otherMatters ? para(d.otherMatters) : p(P.otherNone)];
    default:
      return [];
  }
}

type ThreePublicFigures = NonNullable<Figures['threePublic']>;

/**
 * Final accounts: the 三公's 年初预算 and 决算 with each completion rate, and the comparison word;
 * the reason for a difference is the person's field.
 */
function threePublicBudgetParagraph({ d, t }: NarrativeContext, budget: ThreePublicFigures, final: ThreePublicFigures): Block {
  const P = t.phrases;
  const rate = (key: keyof ThreePublicFigures) => {
    const b = budget[key] as Money;
    return b.isZero() ? '' : fillInlines(P.threePublicBudgetRate, { rate: (final[key] as Money).div(b).times(100).toFixed(2) }).join('');
  };
  const out: Inline[] = fillInlines(P.threePublicBudget, {
    budget: w(budget.total),
    final: w(final.total),
    rate: rate('total'),
    abroad: w(final.abroad),
    abroadRate: rate('abroad'),
    vehicle: w(final.vehicle),
    vehicleRate: rate('vehicle'),
    reception: w(final.reception),
    receptionRate: rate('reception'),
  });
  if (budget.total.equals(final.total)) out.push(P.budgetVsFinalEqual);
  else out.push(...fillInlines(P.budgetVsFinalReason, { comparison: final.total.greaterThan(budget.total) ? '大于' : '小于', reason: reasonField(d, 'threePublicBudget') }));
  return para(...out);
}

/**
 * Final accounts: one paragraph per 项 with a 年初预算 — its path, 年初预算, 支出决算, the completion
 * rate and the comparison word from the figures; the reason for a difference is the person's field.
 */
function budgetVsFinalParagraphs({ d, f, t }: NarrativeContext): Block[] {
  const items = budgetVsFinalItems(d, f);
  if (!items.length || !t.phrases.budgetVsFinal) return [];
  const out: Block[] = [para(t.phrases.budgetVsFinalLead ?? '')];
  items.forEach((it, i) => {
    const rate = it.budget.isZero() ? '' : fillInlines(t.phrases.budgetVsFinalRate, { rate: it.final.div(it.budget).times(100).toFixed(2) }).join('');
    const inl: Inline[] = fillInlines(t.phrases.budgetVsFinal, { n: i + 1, class: it.path[0], section: it.path[1], item: it.path[2], budget: w(it.budget), final: w(it.final), rate });
    if (it.budget.equals(it.final)) inl.push(t.phrases.budgetVsFinalEqual);
    else
      inl.push(
        ...fillInlines(t.phrases.budgetVsFinalReason, {
          comparison: it.final.greaterThan(it.budget) ? '大于' : '小于',
          reason: { field: `itemReasons.${it.code}`, label: `${it.path[2]}决算数与年初预算数不同的原因`, text: d.itemReasons[it.code] },
        }),
      );
    out.push(para(...inl));
  });
  return out;
}
