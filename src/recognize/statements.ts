/**
 * Statements of the 说明 other than plain amounts: shares (占…%), changes in percent (增长 x%),
 * 年初预算 against 支出决算 with the completion rate and the reason (决算), the counts of the 三公
 * (团组, 人次, 车辆, 批次), the procurement split (货物/工程/服务, 中小企业) and the asset counts.
 */
import type { BudgetVsFinal, Disclosure, Figure, Loc, PercentChange, Share } from '../model/disclosure.js';
import { Money } from '../model/money.js';
import { squash, type Block, type Paragraph } from '../read/doc.js';
import { NUM, sameThing, statedAmounts, type StatedAmount } from './amounts.js';
import { halfWidth } from './numbers.js';
import type { SectionKey } from './sections.js';

const PCT = String.raw`(\d+(?:\.\d+)?)\s*[%％]`;

interface Para {
  text: string;
  section: SectionKey | null;
  loc: Loc;
  amounts: StatedAmount[];
}

/** Fills the statement parts of the model from the paragraphs of the 说明. */
export function readStatements(d: Disclosure, blocks: Block[], sections: (SectionKey | null)[]): void {
  const paras: Para[] = [];
  blocks.forEach((b, i) => {
    if (b.type !== 'paragraph') return;
    const text = squash(halfWidth(b.text));
    if (!text) return;
    paras.push({ text, section: sections[i], loc: located(b), amounts: statedAmounts(text) });
  });
  paras.forEach((p) => {
    d.budgetVsFinal.push(...budgetVsFinal(p));
    threePublicCounts(d, p);
    procurementSplit(d, p);
    assetCounts(d, p);
  });
  // Shares and changes refer to figures stated anywhere before them, 三公 ones to the 三公 statements.
  paras.forEach((p, k) => {
    // The paragraphs before are passed as the list and a count, not copied: a copy per paragraph is quadratic.
    d.shares.push(...shares(p, paras, k, d));
    d.percentChanges.push(...percentChanges(p, d));
  });
}

function located(p: Paragraph): Loc {
  return { block: p.loc.block, ...(p.loc.line ? { line: p.loc.line } : {}), ...(p.loc.page ? { page: p.loc.page } : {}) };
}

function figureOf(raw: string, value: Money, p: Para, sentence: string): Figure {
  return { raw, value, loc: { ...p.loc, sentence } };
}

function sentenceAt(text: string, index: number): string {
  const start = Math.max(text.lastIndexOf('。', index - 1), text.lastIndexOf('；', index - 1)) + 1;
  const endAt = text.slice(index).search(/[。；]/);
  return text.slice(start, endAt < 0 ? text.length : index + endAt + 1);
}

// ---------------------------------------------------------------- shares

/**
 * "其中：基本支出154.80万元，占81.22%" — the part is the amount just before; the whole is named
 * after 占 (占本年支出合计的96.85%) or, unnamed, the total the paragraph opens with.
 */
function shares(p: Para, paras: readonly Para[], before: number, d: Disclosure): Share[] {
  const out: Share[] = [];
  // Most paragraphs state no share: the pattern needs 占 (and a percent).
  if (!p.text.includes('占')) return out;
  const re = new RegExp(String.raw`占([^\d，,。；;%％]*?)(?:的)?(?:比(?:例|重)(?:为)?)?${PCT}`, 'g');
  for (let m = re.exec(p.text); m; m = re.exec(p.text)) {
    const part = [...p.amounts].reverse().find((a) => a.end <= m!.index && !/[。；;]/.test(p.text.slice(a.end, m!.index)));
    if (!part) continue;
    const named = m[1].replace(/^(了|到)/, '');
    let whole: { name: string; value: Money | null } | null = null;
    if (named) {
      whole = { name: named, value: resolve(named, p, part, paras, before, d) };
    } else {
      const lead = leadTotal(p, part);
      whole = lead ?? (/三公/.test(p.text.slice(0, part.start)) ? { name: '“三公”经费', value: threePublicFinal(d) ?? threePublicStated(d) } : null);
    }
    if (!whole) continue;
    out.push({
      part: part.name,
      whole: whole.name,
      partValue: part.value,
      wholeValue: whole.value,
      percent: new Money(m[2]),
      raw: p.text.slice(part.start - part.name.length, m.index + m[0].length),
      loc: { ...p.loc, sentence: sentenceAt(p.text, m.index) },
    });
  }
  return out;
}

/** The total a paragraph opens with ("本年收入合计182.00万元，其中：…"), when the part is not it. */
function leadTotal(p: Para, part: StatedAmount): { name: string; value: Money } | null {
  const first = p.amounts[0];
  if (!first || first === part) return null;
  if (!/其中|主要用于|包括|分别/.test(p.text.slice(first.end, part.start))) return null;
  return { name: first.name, value: first.value };
}

/** A figure the text names, stated earlier in the paragraph, elsewhere before it, or among the 三公 statements. */
function resolve(name: string, p: Para, part: StatedAmount, paras: readonly Para[], before: number, d: Disclosure): Money | null {
  const inParagraph = [...p.amounts].reverse().find((a) => a !== part && a.start < part.start && sameThing(a.name, name));
  if (inParagraph) return inParagraph.value;
  for (let k = before - 1; k >= 0; k--) {
    const a = [...paras[k].amounts].reverse().find((x) => sameThing(x.name, name));
    if (a) return a.value;
  }
  if (/三公/.test(name)) return threePublicFinal(d) ?? threePublicStated(d);
  return null;
}

/** The 三公 total the text states for the document's year (a budget has no 决算 statement). */
function threePublicStated(d: Disclosure): Money | null {
  const stated = d.claims.filter((c) => c.subject === 'threePublic.total' && c.value !== null);
  return (stated.find((c) => c.year === null || c.year === d.year) ?? stated[0])?.value ?? null;
}

function threePublicFinal(d: Disclosure): Money | null {
  return d.budgetVsFinal.find((b) => b.scope === 'three-public' && /三公/.test(b.name))?.final?.value ?? null;
}

// ---------------------------------------------------------------- changes in percent

const UP = /^(增加|增长|上升|提高)$/;

/**
 * "收入支出总计增加12.40万元，增长6.89%", "比上年减少1.20万元，下降7.45%", "下降15.00%": what
 * changed is the clause before the verb, or the amount the sentence stated just before.
 */
function percentChanges(p: Para, d: Disclosure): PercentChange[] {
  const out: PercentChange[] = [];
  // Most paragraphs state no percent (the text is half-width: ％ is %).
  if (!p.text.includes('%')) return out;
  const re = new RegExp(String.raw`(?:(增加|减少|上升|降低|提高)${NUM}(万元|元)[，,]?)?(增长|下降|上升|降低|减少|增加)(?:了)?${PCT}`, 'g');
  for (let m = re.exec(p.text); m; m = re.exec(p.text)) {
    const up = UP.test(m[4]);
    const percent = new Money(m[5]);
    let change: Money | null = null;
    if (m[2]) {
      change = new Money(m[2].replace(/,/g, ''));
      if (m[3] === '元') change = change.div(10000);
      if (!UP.test(m[1])) change = change.negated();
    }
    const clause = (p.text.slice(0, m.index).split(/[，,。；;：:]/).pop() ?? '').replace(/(与|较|比|同比)?(上年|上一年|20\d{2}年度?)(相比|同期)?(预算)?(数)?$/, '');
    let previous = [...p.amounts].reverse().find((a) => a.end <= m!.index && !/[。；;]/.test(p.text.slice(a.end, m!.index)));
    // "预算收入344,447.70万元，其中：…、其他收入3,444.00万元，较上年减少…": after a 其中 list the
    // change is the whole's, the figure before 其中, not the list's last part.
    const partsFrom = p.text.lastIndexOf('其中', m.index);
    if (previous && partsFrom >= 0 && previous.end > partsFrom && !/[。；;]/.test(p.text.slice(partsFrom, m.index))) {
      previous = [...p.amounts].reverse().find((a) => a.end <= partsFrom && !/[。；;]/.test(p.text.slice(a.end, partsFrom))) ?? previous;
    }
    let what = clause;
    let current: Money | null = null;
    if (previous && isPrior(previous.name, d.year)) {
      // "与2016年度相比（2016年度部门支出预算安排为8,648.07万元），增加498.72万元": the base is stated.
      what = clause || previous.name;
      current = change ? previous.value.plus(change) : null;
    } else if (!/[\u4e00-\u9fa5]{2}/.test(clause) && previous) {
      what = previous.name;
      current = previous.value;
    } else {
      current = baseOf(clause, p, m.index, d);
    }
    what = what.replace(/^.*?20\d{2}年度?(?=.)/, '').replace(/^(本年度|本年)/, '');
    if (!what) continue;
    out.push({
      what,
      current,
      change,
      percent: up ? percent : percent.negated(),
      direction: up ? 'increase' : 'decrease',
      raw: m[0],
      loc: { ...p.loc, sentence: sentenceAt(p.text, m.index) },
    });
  }
  return out;
}

/** A figure named for last year ("2016年度部门支出预算安排为", "上年"), not this year's. */
function isPrior(name: string, year: number | null): boolean {
  if (/上年|上一年/.test(name)) return true;
  const y = /(20\d{2})年/.exec(name);
  return year !== null && y !== null && Number(y[1]) === year - 1;
}

/** The year's figure for what changed: stated before in the paragraph, or (三公) in the 三公 statements. */
function baseOf(what: string, p: Para, at: number, d: Disclosure): Money | null {
  const earlier = p.amounts.filter((a) => a.end <= at);
  const named = [...earlier].reverse().find((a) => sameThing(a.name, what));
  if (named) return named.value;
  const vs = d.budgetVsFinal.find((b) => b.scope === 'three-public' && b.final?.value && (sameThing(b.name, what) || (/三公/.test(b.name) && /三公/.test(what))));
  if (vs) return vs.final!.value;
  // "收入总计192.40万元、支出总计192.40万元。与上年相比，收入支出总计增加…": the opening figure.
  const first = p.amounts[0];
  if (first && first.end <= at && first.name.slice(-2) === what.slice(-2)) return first.value;
  return null;
}

// ---------------------------------------------------------------- 年初预算 vs 支出决算

const COMPARISON: Record<string, BudgetVsFinal['comparison']> = { 大于: 'greater', 高于: 'greater', 小于: 'less', 低于: 'less', 等于: 'equal' };

function fundOf(section: SectionKey | null): BudgetVsFinal['fund'] {
  return section === 'generalBudget' ? 'generalBudget' : section === 'govFund' ? 'govFund' : section === 'stateCapital' ? 'stateCapital' : null;
}

/**
 * "年初预算为116.00万元，支出决算为114.30万元，完成年初预算的98.53%。决算数小于预算数的主要原因：…".
 * An item paragraph opens with its 类/款/项 path ("1、一般公共服务支出（类）档案事务（款）行政运行（项）。");
 * a 三公 paragraph adds its parts ("其中：公务接待费支出决算为0.40万元，完成预算的28.57%").
 */
function budgetVsFinal(p: Para): BudgetVsFinal[] {
  const out: BudgetVsFinal[] = [];
  // Only a 决算 compares with 年初预算: the pattern and what it reads around a match need the words.
  if (!p.text.includes('年初预算')) return out;
  const re = new RegExp(String.raw`年初预算(?:数)?(?:为|是)?${NUM}(万元|元)[，,]?(?:支出)?决算(?:数)?(?:为|是)?${NUM}(万元|元)(?:[，,]完成(?:年初)?预算(?:数)?的${PCT})?`, 'g');
  const { comparison, reason } = comparisonOf(p.text);
  for (let m = re.exec(p.text); m; m = re.exec(p.text)) {
    const sentence = sentenceAt(p.text, m.index);
    const item = /^\d+[、.．]\s*(.+?[（(]项[)）])/.exec(p.text);
    const before = p.text.slice(0, m.index).split(/[，,。；;：:]/).pop() ?? '';
    const threePublic = p.section === 'threePublic' || /三公/.test(before);
    const name = item ? item[1] : before.replace(/(支出)?$/, '$1') || (threePublic ? '“三公”经费' : '');
    out.push({
      name: name || sentence,
      scope: item ? 'item' : threePublic ? 'three-public' : 'total',
      path: item ? pathOf(item[1]) : [],
      fund: fundOf(p.section),
      budget: figureOf(m[1], amount(m[1], m[2]), p, sentence),
      final: figureOf(m[3], amount(m[3], m[4]), p, sentence),
      rate: m[5] ? figureOf(`${m[5]}%`, new Money(m[5]), p, sentence) : null,
      comparison,
      reason,
      loc: { ...p.loc, sentence },
    });
  }
  if (!out.length || out[0].scope !== 'three-public') return out;
  // The 三公 parts: "公务用车购置及运行维护费支出决算为3.00万元，完成预算的83.33%".
  const parts = new RegExp(String.raw`([^，,。；;：:]+?)(?:支出)?决算(?:数)?(?:为|是)?${NUM}(万元|元)[，,]完成(?:年初)?预算(?:数)?的${PCT}`, 'g');
  for (let m = parts.exec(p.text); m; m = parts.exec(p.text)) {
    const name = m[1].replace(/^(其中|以及|和)/, '').replace(/支出$/, '');
    if (!name || /年初预算|三公/.test(name)) continue;
    const sentence = sentenceAt(p.text, m.index);
    out.push({
      name,
      scope: 'three-public',
      path: [],
      fund: null,
      budget: null,
      final: figureOf(m[2], amount(m[2], m[3]), p, sentence),
      rate: figureOf(`${m[4]}%`, new Money(m[4]), p, sentence),
      comparison: null,
      reason: null,
      loc: { ...p.loc, sentence },
    });
  }
  return out;
}

function amount(raw: string, unit: string): Money {
  const v = new Money(raw.replace(/,/g, ''));
  return unit === '元' ? v.div(10000) : v;
}

/** "一般公共服务支出（类）档案事务（款）行政运行（项）" → its 类, 款 and 项 names. */
function pathOf(name: string): string[] {
  return [...name.matchAll(/(.+?)[（(](类|款|项)[)）]/g)].map((m) => m[1].replace(/^[，,、]/, ''));
}

/** The stated comparison and its reason; a template's "大于（小于）" left in says neither. */
function comparisonOf(text: string): { comparison: BudgetVsFinal['comparison']; reason: string | null } {
  const m = /决算数?(大于|小于|等于|高于|低于)(?:[（(](?:大于|小于|等于)[)）])?(?:年初)?预算数?/.exec(text);
  const both = m && /[（(](大于|小于)[)）]/.test(m[0]);
  let comparison: BudgetVsFinal['comparison'] = m && !both ? COMPARISON[m[1]] : null;
  if (!comparison && /预决算持平|决算数?与(年初)?预算数?持平|与年初预算持平/.test(text)) comparison = 'equal';
  const r = /主要原因(?:是|为)?[:：]?([^。；]+)/.exec(text);
  return { comparison, reason: r ? r[1].trim() : null };
}

// ---------------------------------------------------------------- counts

function count(p: Para, d: Disclosure, key: keyof Disclosure['threePublicCounts'], raw: string, index: number): void {
  d.threePublicCounts[key] ??= figureOf(raw, new Money(raw), p, sentenceAt(p.text, index));
}

/** 团组 x 个、y 人次; 购置 x 辆; 保有量 x 辆; x 批次、y 人次 (外宾 apart). */
function threePublicCounts(d: Disclosure, p: Para): void {
  if (p.section !== 'threePublic' && !/三公|出国|公务用车|公务接待/.test(p.text)) return;
  const t = p.text;
  const abroad = /团组(?:数)?(?:为)?(\d+)个[^。；;]*?(\d+)人次/.exec(t) ?? /团组(?:数)?(?:为)?(\d+)个/.exec(t);
  if (abroad) {
    count(p, d, 'abroadGroups', abroad[1], abroad.index);
    if (abroad[2]) count(p, d, 'abroadPeople', abroad[2], abroad.index);
  }
  const bought = /购置(?:公务用车|车辆)?(\d+)辆/.exec(t);
  if (bought) count(p, d, 'vehiclesPurchased', bought[1], bought.index);
  else {
    const none = /未购置(?:公务用)?车|无购置(?:公务用)?车|没有购置(?:公务用)?车/.exec(t);
    if (none) d.threePublicCounts.vehiclesPurchased ??= { raw: none[0], value: new Money(0), loc: { ...p.loc, sentence: sentenceAt(t, none.index) } };
  }
  const held = /保有量(?:为|是)?(\d+)辆/.exec(t);
  if (held) count(p, d, 'vehiclesHeld', held[1], held.index);
  const foreign = /外宾(\d+)批次[、，,]?(\d+)人次/.exec(t);
  if (foreign) {
    count(p, d, 'foreignReceptionBatches', foreign[1], foreign.index);
    count(p, d, 'foreignReceptionPeople', foreign[2], foreign.index);
  }
  const reception = /接待(?!外宾)[^。；;外]*?(\d+)批次[、，,]?(?:累计|共)?(\d+)人次/.exec(t);
  if (reception) {
    count(p, d, 'receptionBatches', reception[1], reception.index);
    count(p, d, 'receptionPeople', reception[2], reception.index);
  }
}

// ---------------------------------------------------------------- procurement and assets

const PROCUREMENT: [keyof Disclosure['procurementSplit'], RegExp][] = [
  ['total', new RegExp(String.raw`政府采购(?:支出)?(?:预算)?(?:总额|金额|支出)?(?:[（(][^）)]*[)）])?(?:为|是|共计|合计)?${NUM}(万元|元)`)],
  ['goods', new RegExp(String.raw`货物(?:采购)?(?:支出|金额)?(?:为)?${NUM}(万元|元)`)],
  ['works', new RegExp(String.raw`工程(?:采购)?(?:支出|金额)?(?:为)?${NUM}(万元|元)`)],
  ['services', new RegExp(String.raw`服务(?:采购)?(?:支出|金额)?(?:为)?${NUM}(万元|元)`)],
  ['smeAwarded', new RegExp(String.raw`(?:授予中小企业合同金额|由中小企业供应商中标或成交的[，,]?采购金额)(?:为|是)?${NUM}(万元|元)`)],
  ['smallMicroAwarded', new RegExp(String.raw`授予小微企业合同金额(?:为|是)?${NUM}(万元|元)`)],
  ['smeReserved', new RegExp(String.raw`面向中小企业预留(?:政府采购)?(?:项目)?(?:预算)?(?:金额)?(?:为|是)?${NUM}(万元|元)`)],
  ['smallMicroReserved', new RegExp(String.raw`面向小微企业预留(?:政府采购)?(?:项目)?(?:预算)?(?:金额)?(?:为|是)?${NUM}(万元|元)`)],
];

function procurementSplit(d: Disclosure, p: Para): void {
  if (p.section !== 'procurement' && !/政府采购/.test(p.text)) return;
  for (const [key, re] of PROCUREMENT) {
    const m = re.exec(p.text);
    if (!m) continue;
    const raw = m[1];
    d.procurementSplit[key] ??= figureOf(raw, amount(raw, m[2]), p, sentenceAt(p.text, m.index));
  }
}

/** 共有车辆 x 辆，其中：…用车 y 辆；单价 100 万元（含）以上设备 z 台（套）. */
function assetCounts(d: Disclosure, p: Para): void {
  if (p.section !== 'assets' && !/车辆|设备/.test(p.text)) return;
  const t = p.text;
  const total = /共有(?:各类)?(?:公务)?(?:车辆|汽车)(\d+)辆/.exec(t);
  if (!total) return;
  d.assetCounts.vehicles ??= figureOf(total[1], new Money(total[1]), p, sentenceAt(t, total.index));
  const list = t.slice(total.index + total[0].length).split(/[。；;]/)[0];
  for (const m of list.matchAll(/([\u4e00-\u9fa5]+?用车)(\d+)辆/g)) {
    d.assetCounts.vehiclesByUse.push({ name: m[1].replace(/^(其中|和|及)/, ''), count: figureOf(m[2], new Money(m[2]), p, sentenceAt(t, total.index)) });
  }
  for (const m of t.matchAll(/(单价\d+万元(?:[（(]含[)）])?以上[^\d，,。；;]*?)(\d+)(?:台[（(]套[)）]|台|套)/g)) {
    d.assetCounts.equipment.push({ name: m[1], count: figureOf(m[2], new Money(m[2]), p, sentenceAt(t, m.index ?? 0)) });
  }
}
