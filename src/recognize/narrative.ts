/**
 * Figures the 说明 states in prose ("基本支出187.66万元", "较上年减少21.64万元") become claims with
 * the sentence they stand in, so rules can hold the text against the tables.
 */
import type { Claim, ClaimSubject, DocumentKind, Loc } from '../model/disclosure.js';
import { Money } from '../model/money.js';
import { squash, type Paragraph } from '../read/doc.js';
import { narrowerWhole } from './claim-scope.js';
import { halfWidth } from './numbers.js';
import type { SectionKey } from './sections.js';

const NUM = String.raw`(\d+(?:,\d{3})*(?:\.\d+)?)`;
// A bare 0 needs no unit ("拟购置金额为0。").
const UNIT = String.raw`(万元|元|(?<=(?:^|[^\d.,])0)(?=[。；;，,]|$))`;

interface Pattern {
  subject: ClaimSubject;
  re: RegExp;
  sections: (SectionKey | null)[];
  /** Capture group of the name (sources, items), when the pattern has one. */
  nameGroup?: number;
}

/** Between a 三公 part's name and its figure: 预算, 支出, 支出决算, 决算数 and a verb. */
const STAGE = String.raw`(?:支出)?(?:预算|决算)?(?:数)?(?:为|是|安排)?`;

/**
 * The department's totals, not a part's: "一般公共预算收入预算15897.44万元" is a source, and
 * "基本支出预算7666.68万元", "一般公共预算财政拨款支出预算…", "政府性基金支出预算支出0万元" are parts.
 */
const NOT_A_SOURCE = String.raw`(?<!一般公共预算|政府性基金|基金|国有资本经营预算|财政专户|财政拨款|事业|经营|其他|上级补助|附属单位上缴)`;
// "一般公共预算支出" ends in 预算支出 too: a fund's spending, not the department's.
const NOT_A_PART = String.raw`(?<!基本|项目|一般公共预算|一般公共|财政拨款|政府性基金|基金|国有资本经营预算|国有资本经营|公用|人员|经费|支出)`;
/** 基本支出/项目支出 of one fund (财政拨款基本支出预算…) are not the department's. */
const NOT_A_FUND = String.raw`(?<!财政拨款|一般公共预算|政府性基金|国有资本经营预算)`;

const BUDGET_PARTS: (SectionKey | null)[] = ['overview', 'revenue', 'expenditure', null];
const CHANGE: (SectionKey | null)[] = ['change', 'overview', 'expenditure', null];

const PATTERNS: Pattern[] = [
  // 收入
  { subject: 'revenue.source', re: new RegExp(String.raw`(一般公共预算(?:财政)?(?:拨款)?收入|一般公共预算(?:财政)?拨款(?=\d)|上年实户资金(?:余额)?|(?:政府性)?基金预算(?:财政)?(?:拨款)?收入|财政拨款收入|政府性基金收入|国有资本经营预算(?:拨款)?收入|财政专户(?:核拨|管理资金)?收入|财政专户管理资金|(?<![\u4e00-\u9fa5])专户资金|其他资金|事业单位经营收入|事业收入|上级补助收入|附属单位上缴收入|其他来源收入|其他收入|上年结转(?:和?结余)?(?:资金|收入)?)(?:预算)?(?:数)?(?:为|是)?${NUM}${UNIT}`, 'g'), sections: ['revenue', 'overview', null], nameGroup: 1 },
  { subject: 'revenue.total', re: new RegExp(String.raw`${NOT_A_SOURCE}(?:预算收入|收入预算|收入总额|本年收入合计|全部收入)(?:总额|合计)?(?:为|是|共计|：|:)?${NUM}${UNIT}`, 'g'), sections: ['revenue', 'overview', null] },
  // 支出
  { subject: 'expenditure.total', re: new RegExp(String.raw`${NOT_A_PART}(?:(?:部门)?支出预算(?:总额|合计)?(?:为|是|共计|：|:)?${NUM}${UNIT}|(?:预算支出|支出总额|本年支出合计)(?:为|是|共计|：|:)?${NUM}${UNIT}|预算收支(?:安排|总额)(?:为|是|共计)?${NUM}${UNIT})`, 'g'), sections: [...BUDGET_PARTS, 'change'] },
  { subject: 'expenditure.basic', re: new RegExp(String.raw`${NOT_A_FUND}基本支出(?:预算)?(?:为|是|安排)?${NUM}${UNIT}`, 'g'), sections: ['expenditure', 'overview', null] },
  { subject: 'expenditure.personnel', re: new RegExp(String.raw`人员(?:经费|支出)(?:为|是)?${NUM}${UNIT}`, 'g'), sections: ['expenditure', 'overview', 'generalBudgetBasic', null] },
  { subject: 'expenditure.public', re: new RegExp(String.raw`(?:日常)?公用(?:经费|支出)(?:为|是)?${NUM}${UNIT}`, 'g'), sections: ['expenditure', 'overview', 'generalBudgetBasic', null] },
  { subject: 'expenditure.project', re: new RegExp(String.raw`${NOT_A_FUND}项目支出(?:预算)?(?:为|是|安排)?${NUM}${UNIT}`, 'g'), sections: ['expenditure', 'overview', null] },
  { subject: 'expenditure.other', re: new RegExp(String.raw`其他支出(?:为|是)?${NUM}${UNIT}`, 'g'), sections: ['expenditure'] },
  // 比上年增减
  { subject: 'change.basic', re: new RegExp(String.raw`基本支出(增加|减少|增长|下降|上升)${NUM}${UNIT}`, 'g'), sections: CHANGE },
  { subject: 'change.project', re: new RegExp(String.raw`项目支出(增加|减少|增长|下降|上升)${NUM}${UNIT}`, 'g'), sections: CHANGE },
  { subject: 'change.total', re: new RegExp(String.raw`(?:较|比)(?:上年|上一年|20\d{2}年度?)(?:预算)?(?:数)?(增加|减少|增长|下降|上升)${NUM}${UNIT}`, 'g'), sections: CHANGE },
  // 机关运行经费
  { subject: 'operatingCosts.total', re: new RegExp(String.raw`机关运行(?:经)?费(?:财政拨款)?(?:预算|支出)?(?:共计|合计)?(?:安排|为|是)?(?:共计|合计)?(?:安排|为)?${NUM}${UNIT}`, 'g'), sections: ['operatingCosts', 'overview', 'expenditure', null] },
  // 三公
  // “三公”经费预算…, 支出…, (财政拨款)支出决算(数)为… — not 年初预算, which a 决算 states beside its 决算.
  { subject: 'threePublic.total', re: new RegExp(String.raw`三公[”"’]?经费(?:财政拨款)?(?:支出)?(?:预算|决算)?(?:数)?(?:支出)?(?:共计|合计)?(?:安排|为|是)?(?:共计|合计)?(?:安排|为)?${NUM}${UNIT}`, 'g'), sections: ['threePublic', null] },
  { subject: 'threePublic.abroad', re: new RegExp(String.raw`因公出国(?:[（(]境[)）])?(?:费用?|经费)?${STAGE}${NUM}${UNIT}`, 'g'), sections: ['threePublic', null] },
  { subject: 'threePublic.vehicle', re: new RegExp(String.raw`公务用车购置及运(?:行|维)(?:维护)?(?:费|经费)${STAGE}${NUM}${UNIT}`, 'g'), sections: ['threePublic', null] },
  { subject: 'threePublic.vehiclePurchase', re: new RegExp(String.raw`公务用车购置(?:费|经费)?${STAGE}${NUM}${UNIT}`, 'g'), sections: ['threePublic', null] },
  { subject: 'threePublic.vehicleOperation', re: new RegExp(String.raw`公务用车运(?:行|维)(?:维护)?(?:费|经费)?${STAGE}${NUM}${UNIT}`, 'g'), sections: ['threePublic', null] },
  { subject: 'threePublic.reception', re: new RegExp(String.raw`公务接待(?:费|经费)?${STAGE}${NUM}${UNIT}`, 'g'), sections: ['threePublic', null] },
  { subject: 'threePublic.change', re: new RegExp(String.raw`(?:较|比)(?:上年|上一年|20\d{2}年度?)(?:预算)?(?:数)?(增加|减少|增长|下降|上升)${NUM}${UNIT}`, 'g'), sections: ['threePublic'] },
  // 政府采购, 资产
  { subject: 'procurement.total', re: new RegExp(String.raw`政府采购(?:预算)?(?:总额)?(?:共计|合计)?(?:安排|为|是)?${NUM}${UNIT}`, 'g'), sections: ['procurement', null] },
  { subject: 'assets.planned', re: new RegExp(String.raw`拟购置(?:固定)?(?:资产)?(?:总额|金额)?(?:为|是)?${NUM}${UNIT}`, 'g'), sections: ['assets', null] },
  { subject: 'assets.total', re: new RegExp(String.raw`固定资产(?:总金额|总额|金额|原值|总值)(?:为|是|共计)?${NUM}${UNIT}`, 'g'), sections: ['assets', null] },
];

/**
 * The stage a 三公 figure's words name: a 决算 states its 年初预算 beside the 决算 (“预算数为…，决算数
 * 为…”), a budget may cite last year's 决算. A figure of the other stage is not the document's own.
 */
function otherStage(subject: ClaimSubject, raw: string, kind: DocumentKind | null): boolean {
  if (!subject.startsWith('threePublic.') || subject === 'threePublic.change') return false;
  if (kind === 'final-accounts') return /预算/.test(raw) && !/决算/.test(raw);
  if (kind === 'budget') return /决算/.test(raw);
  return false;
}

/** Subjects a sentence may narrow to one class or unit (其中 under a class's amount, a unit's name). */
const SCOPED = new Set<ClaimSubject>(['expenditure.basic', 'expenditure.personnel', 'expenditure.public', 'expenditure.project']);

/** What every pattern ends in: ${NUM}${UNIT} — a digit before 万元/元, or a bare 0 closing a clause. */
const FIGURE = /\d(?:万元|元)|(?<![\d.,])0(?=[。；;，,]|$)/;

const DIRECTION: Record<string, Claim['direction']> = { 增加: 'increase', 增长: 'increase', 上升: 'increase', 减少: 'decrease', 下降: 'decrease' };

/** Claims of one paragraph. */
export function claimsOf(p: Paragraph, section: SectionKey | null, kind: DocumentKind | null = null): Claim[] {
  const claims: Claim[] = [];
  const text = halfWidth(p.text);
  // A 其中 list runs on over ；to the sentence's 。: each clause is matched alone, its scope read in the whole sentence.
  const clauses = text.split(/(?<=。)/).flatMap((whole) => {
    let offset = 0;
    return whole.split(/(?<=[；;])/).map((sentence) => {
      const at = offset;
      offset += squash(sentence).length;
      return { sentence, whole: squash(whole), at };
    });
  });
  for (const { sentence, whole, at } of clauses) {
    const s = squash(sentence);
    if (!s) continue;
    const loc: Loc = { ...located(p), sentence: sentence.trim() };
    const taken: [number, number][] = [];
    // Every pattern ends in a figure with its unit: a clause without one holds none of them.
    for (const pat of FIGURE.test(s) ? PATTERNS : []) {
      if (!pat.sections.includes(section)) continue;
      pat.re.lastIndex = 0;
      for (let m = pat.re.exec(s); m; m = pat.re.exec(s)) {
        const span: [number, number] = [m.index, m.index + m[0].length];
        // One figure, one claim: the first (most specific) pattern keeps it.
        if (taken.some(([a, b]) => span[0] < b && a < span[1])) continue;
        taken.push(span);
        // "预算支出…万元，其中：一般公共预算拨款…、其他收入…" names the money spent by source: not income.
        if (pat.subject === 'revenue.source' && spendsFirst(s.slice(0, m.index))) continue;
        // "财政拨款收入…万元，其中：一般公共预算拨款收入…": a source broken down is one source; its parts are not more.
        if (pat.subject === 'revenue.source' && claims.some((c) => c.subject === 'revenue.source' && c.loc.sentence === loc.sentence) && /^[^，,]*收入[\d.,]+万?元[，,]其中/.test(s) && !/^[^，,]*(预算收入|收入预算|收入总额|收入合计)/.test(s)) continue;
        if (pat.subject === 'revenue.source' && ofCarryOver(s, m)) continue;
        // A class's or a unit's 人员经费 is not the department's: no claim about the department.
        if (SCOPED.has(pat.subject) && narrowerWhole(whole, at + m.index)) continue;
        if (otherStage(pat.subject, m[0], kind)) continue;
        claims.push(makeClaim(pat, m, s, loc));
      }
    }
    claims.push(...flatStatements(s, section, loc));
    if (section === 'operatingCosts') claims.push(...itemList(s, 'operatingCosts.item', loc, taken));
  }
  if (section === 'expenditure' || section === 'overview') claims.push(...projectList(p));
  const none = section === 'threePublic' ? /无(财政拨款)?[“"]?三公[”"]?经费(预算|支出)/.exec(squash(text)) : null;
  if (none) {
    claims.push({ subject: 'threePublic.total', name: null, value: new Money(0), raw: none[0], direction: null, year: yearOf(squash(text)), loc: { ...located(p), sentence: text.trim() } });
  }
  return dedupe(claims);
}

/**
 * "上年结转结余的一般公共预算收入0万元": a source of the money carried over, not of the year's
 * income — the clause names the carry-over before the source.
 */
function ofCarryOver(s: string, m: RegExpExecArray): boolean {
  if (/结转|结余/.test(m[1] ?? '')) return false;
  const clause = s.slice(0, m.index).split(/[，,。；;：:]/).pop() ?? '';
  return /结转|结余/.test(clause);
}

/** A sentence about spending: it names 支出 before any 收入 (a source's name may follow: 其他收入). */
function spendsFirst(prefix: string): boolean {
  const spend = prefix.indexOf('支出');
  const income = prefix.indexOf('收入');
  return spend >= 0 && (income < 0 || spend < income);
}

/** Where a paragraph stands: block, and line or page when the format has them. */
function located(p: Paragraph): Loc {
  return { block: p.loc.block, ...(p.loc.line ? { line: p.loc.line } : {}), ...(p.loc.page ? { page: p.loc.page } : {}) };
}

/** "与上年持平，无增减变化" says one thing twice. */
function dedupe(claims: Claim[]): Claim[] {
  const seen = new Set<string>();
  return claims.filter((c) => {
    const key = `${c.subject}|${c.name}|${c.value}|${c.loc.sentence}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * "项目支出183.65万元，主要为网络宣传管理33万元，…。网络平台链接费10万元，…" — the list can run
 * over several sentences of the paragraph.
 */
function projectList(p: Paragraph): Claim[] {
  const text = squash(halfWidth(p.text));
  const list = /项目支出[^，,。；;]*?万元[，,]?(?:主要(?:为|是|用于|包括)|其中[:：]?|包括)(.*)$/.exec(text);
  if (!list) return [];
  const loc: Loc = { ...located(p), sentence: p.text.trim() };
  const body = list[1].split(/其他支出/)[0];
  return itemList(body, 'expenditure.projectItem', loc, []);
}

function makeClaim(pat: Pattern, m: RegExpExecArray, sentence: string, loc: Loc): Claim {
  const groups = m.slice(1).filter((g) => g !== undefined);
  const unit = groups[groups.length - 1];
  const num = groups[groups.length - 2];
  const dirWord = groups.find((g) => g in DIRECTION);
  let value = new Money(num.replace(/,/g, ''));
  if (unit === '元') value = value.div(10000);
  const direction = dirWord ? DIRECTION[dirWord] : null;
  if (direction === 'decrease') value = value.negated();
  return {
    subject: pat.subject,
    name: pat.nameGroup ? m[pat.nameGroup] : null,
    value,
    raw: m[0],
    direction,
    year: yearOf(sentence.slice(0, m.index + m[0].length)),
    loc,
  };
}

/** "其他支出无增减变化", "与上年持平": a change of zero. */
function flatStatements(s: string, section: SectionKey | null, loc: Loc): Claim[] {
  const out: Claim[] = [];
  // The pattern tries every position of the clause; its words are rare, so look for them first.
  if (!s.includes('持平') && !s.includes('无增减变化')) return out;
  const re = /(基本支出|项目支出|其他支出|三公[”"]?经费)?[^，,。；;]{0,12}?(无增减变化|与上年持平|持平)/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const what = m[1] ?? '';
    // "其中：因公出国（境）费支出决算与上年持平" speaks of one part, not the whole.
    const clause = s.slice(0, m.index + m[0].length).split(/[，,。；;：:]/).pop() ?? '';
    if (!what && /出国|公务用车|接待|会议|培训/.test(clause)) continue;
    const subject: ClaimSubject | null = /基本/.test(what)
      ? 'change.basic'
      : /项目/.test(what)
        ? 'change.project'
        : /其他/.test(what)
          ? 'change.other'
          : /三公/.test(what) || section === 'threePublic'
            ? 'threePublic.change'
            : section === 'change'
              ? 'change.total'
              : null;
    if (subject) out.push({ subject, name: null, value: new Money(0), raw: m[0], direction: 'flat', year: null, loc });
  }
  return out;
}

/**
 * "办公费13.78万元，邮电费3.06万元，工会经费、福利费1.34、0.86万元" → one claim per item; a list
 * of names followed by as many figures pairs them in order.
 */
function itemList(s: string, subject: ClaimSubject, loc: Loc, taken: [number, number][], offset = 0): Claim[] {
  const out: Claim[] = [];
  const re = new RegExp(String.raw`([\u4e00-\u9fa5（）()“”、]{2,30}?)(为|支出|安排)?((?:${NUM}[、，,])*${NUM})${UNIT}`, 'g');
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const at = m.index + offset;
    if (taken.some(([a, b]) => at < b && a < at + m![0].length)) continue;
    // An operating-cost item is an economic category, whose name ends in 支出 (其他商品和服务支出);
    // in a project list 支出 only says the money is spent (舆情中心运行费支出7.00万元).
    const spelled = m[2] === '支出' && subject === 'operatingCosts.item' ? `${m[1]}支出` : m[1];
    const names = spelled.replace(/^(其中|主要为|主要是|包括|以及|和|及)[:：]?/, '').split('、').filter(Boolean);
    const nums = m[3].split(/[、，,](?=\d)/);
    if (/机关运行|三公|合计|共计|总计|预算收支|部门支出/.test(m[1])) continue;
    // "比上年度减少1.20万元" is a change, not an item.
    if (/(增加|减少|增长|下降|上升)$/.test(m[1])) continue;
    const unit = m[m.length - 1];
    const pairs = names.length === nums.length ? names.map((n, i) => [n, nums[i]]) : [[spelled, nums[nums.length - 1]]];
    for (const [name, num] of pairs) {
      let value = new Money(num.replace(/,/g, ''));
      if (unit === '元') value = value.div(10000);
      out.push({ subject, name: name.replace(/^[，,、]/, ''), value, raw: m[0], direction: null, year: null, loc });
    }
  }
  return out;
}

/**
 * The year the text names for a figure: the last one before it ("2030年…2.50万元，2031年较上年减少
 * 0.40万元" → 2031), not the year compared with ("较2021年").
 */
function yearOf(s: string): number | null {
  const re = /(较|比)?(20\d{2})年/g;
  let year: number | null = null;
  for (let m = re.exec(s); m; m = re.exec(s)) if (!m[1]) year = Number(m[2]);
  return year;
}
