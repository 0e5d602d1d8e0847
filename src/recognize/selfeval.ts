/**
 * 绩效自评: the department's figures from the report's prose, and each 项目支出绩效自评表 —
 * budget, funds received and spent, execution rate, goals vs achievements, indicators with
 * target, actual and score. Cells are known by their labels and content, since the tables'
 * columns shift between projects.
 */
import type { Figure, Indicator, Loc, SelfEvalProject, SelfEvaluation, Unit } from '../model/disclosure.js';
import { emptySelfEvalProject } from '../model/empty.js';
import { parseValue, withNameUnit } from '../model/value.js';
import { squash, type Cell, type Paragraph } from '../read/doc.js';
import { parseAmount } from './numbers.js';
import { tidy } from './tidy.js';
import { indicator } from './projects.js';
import { figure } from './tables.js';

export function isSelfEvalTable(rows: Cell[][]): boolean {
  const words = squash(rows.flat().map((c) => c.text).join('|'));
  return /自评得分|实际完成值/.test(words) && /预算数|一级指标/.test(words);
}

// 成本指标 without marks is the 二级 under 产出指标; with marks it is a 一级 of its own (101号).
const LEVEL1 = /^(产出|效益|效果|满意度|成本)指标[（(](\d+(?:\.\d+)?)分?[)）]$|^(产出|效益|效果|满意度)指标$/;
const EXECUTION = /^预算执行率(?:指标)?(?:[（(](\d+(?:\.\d+)?)分?[)）])?$/;
const LEVEL2 = /^(数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度|满意度|经济成本|社会成本|生态环境成本)指标$/;

function filled(cells: Cell[]): Cell[] {
  return cells.filter((c) => squash(c.text) !== '' && !c.mergedFrom);
}

function pct(cell: Cell | undefined): Figure | null {
  if (!cell) return null;
  const raw = cell.text.trim();
  const v = parseAmount(raw.replace(/[%％]$/, ''));
  return v === undefined ? null : { raw, value: v, loc: { ...cell.loc } };
}

/**
 * Some files put a whole row of the form into one cell, its fields separated by tabs (a form
 * pasted into Word): each such cell is a row of its own.
 */
function expandTabbedCells(rows: Cell[][]): Cell[][] {
  const out: Cell[][] = [];
  for (const r of rows) {
    const own = r.filter((c) => !c.mergedFrom);
    if (!own.some((c) => c.text.includes('\t'))) {
      out.push(r);
      continue;
    }
    for (const c of own) out.push(c.text.split('\t').map((text) => ({ text, loc: { ...c.loc } })));
  }
  return out;
}

/**
 * Text pasted from a web form can carry its paragraph tags ("<p>1. …</p> <p>2. …</p>"): one line
 * per paragraph, tags dropped. Other angle brackets are content (≤、<5%) and stay.
 */
function plainText(text: string): string {
  return text
    .replace(/<\/p>\s*<p>|<br\s*\/?>/gi, '\n')
    .replace(/<\/?p>/gi, '')
    .trim();
}

export function parseSelfEvalProject(tableRows: Cell[][], unit: Unit, loc: Loc): SelfEvalProject {
  const rows = expandTabbedCells(tableRows);
  const p: SelfEvalProject = emptySelfEvalProject('', loc);
  let inIndicators = false;
  let level1 = '';
  let level2 = '';
  for (let r = 0; r < rows.length; r++) {
    const cells = filled(rows[r]);
    const texts = cells.map((c) => squash(c.text));
    const after = (re: RegExp, nth = 0): Cell | undefined => {
      const hits = texts.map((t, i) => (re.test(t) ? i : -1)).filter((i) => i >= 0);
      const i = hits[nth];
      return i === undefined ? undefined : cells[i + 1];
    };
    const money = (c: Cell | undefined) => (c ? (figure(c, unit) ?? null) : null);
    if (texts.some((t) => /^项目名称$/.test(t))) {
      p.name = squash(after(/^项目名称$/)?.text ?? '');
      p.unit = after(/^实施[(（]主管[)）]单位$/)?.text.trim() ?? null;
      continue;
    }
    if (texts.some((t) => /^预算数[:：]?$/.test(t))) {
      p.budget = money(after(/^预算数[:：]?$/));
      p.available = money(after(/^到位数[:：]?$/));
      const exec = after(/^执行数[:：]?$/);
      p.executed = money(exec);
      const rest = cells.slice(cells.indexOf(exec!) + 1);
      p.executionRate = pct(rest[rest.length - 1]);
      continue;
    }
    if (texts.some((t) => /^其中[:：]?财政资金$/.test(t))) {
      p.budgetFiscal = money(after(/^其中[:：]?财政资金$/, 0));
      p.availableFiscal = money(after(/^其中[:：]?财政资金$/, 1));
      p.executedFiscal = money(after(/^其中[:：]?财政资金$/, 2));
      continue;
    }
    if (texts.some((t) => /年度预期目标/.test(t))) {
      const next = filled(rows[r + 1] ?? []);
      if (next.length && !next.some((c) => /^四、|一级指标/.test(squash(c.text)))) {
        p.goals = next[0] ? plainText(next[0].text) : null;
        p.achievements = next.length > 2 ? plainText(next[1].text) : null;
        p.completionRate = next.length > 1 ? pct(next[next.length - 1]) : null;
        r++;
      }
      continue;
    }
    if (texts.some((t) => /^一级指标$/.test(t))) {
      inIndicators = true;
      continue;
    }
    if (/^总分$|^合计$/.test(texts[0] ?? '')) {
      p.totalScore = pct(cells[cells.length - 1]);
      inIndicators = false;
      continue;
    }
    if (/存在问题|整改措施/.test(texts[0] ?? '')) {
      p.problems = cells[1] ? tidy(cells[1].text) : null;
      continue;
    }
    if (!inIndicators) continue;
    let i = 0;
    const exec = EXECUTION.exec(texts[0] ?? '');
    if (exec) {
      p.executionWeight = exec[1] ? Number(exec[1]) : null;
      if (exec[1]) p.weights['预算执行率'] = Number(exec[1]);
      p.executionScore = pct(cells[cells.length - 1]);
      p.executionIndicator = executionIndicator(cells.slice(1));
      continue;
    }
    const l1 = LEVEL1.exec(texts[i] ?? '');
    if (l1) {
      level1 = `${l1[1] ?? l1[3]}指标`;
      if (l1[2]) p.weights[level1] = Number(l1[2]);
      i++;
    }
    if (LEVEL2.test(texts[i] ?? '')) {
      level2 = texts[i];
      i++;
    }
    const level3 = (cells[i]?.text ?? '').trim().replace(/^指标\s*\d+\s*[:：]\s*/, '');
    const values = cells.slice(i + 1);
    if (!level3 && values.length === 0) continue;
    const [target, actual, score] = values.length >= 3 ? values.slice(-3) : [values[0], values[1], undefined];
    const ind: Indicator = indicator(level1, level2, level3, '', target?.text ?? '', '', (cells[0] ?? rows[r][0]).loc);
    ind.actual = actual ? withNameUnit(parseValue(actual.text), level3) : null;
    ind.score = pct(score);
    p.indicators.push(ind);
  }
  return p;
}

/**
 * The 预算执行率 row after its 一级 label: [二级 label,] [三级,] 预期指标值, 实际完成值, 得分 — the
 * last three filled cells are target, actual and score whatever the columns before them hold.
 */
function executionIndicator(cells: Cell[]): SelfEvalProject['executionIndicator'] {
  if (cells.length < 3) return null;
  const [target, actual] = cells.slice(-3);
  return { target: parseValue(target.text), actual: parseValue(actual.text) };
}

const ACHIEVEMENT_HEADING = /^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．])?(?:部门)?(?:整体|总体)(?:支出)?(?:绩效)?目标(?:实现|完成)情况(?:[:：](.*))?$/;
const NUMBERED_LINE = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d{1,2}[、.．](?!\d))/;

/**
 * 总体绩效目标实现情况: what the heading says inline ("…：基本实现") or the paragraphs under it up
 * to the next numbered heading.
 */
function overallAchievement(paragraphs: Paragraph[]): string | null {
  for (let i = 0; i < paragraphs.length; i++) {
    const m = ACHIEVEMENT_HEADING.exec(squash(paragraphs[i].text));
    if (!m) continue;
    if (m[1]) return tidy(m[1]);
    const body: string[] = [];
    for (let k = i + 1; k < paragraphs.length && body.length < 5; k++) {
      const t = squash(paragraphs[k].text);
      if (!t) continue;
      if (NUMBERED_LINE.test(t)) break;
      body.push(tidy(paragraphs[k].text));
    }
    // "三、部门整体支出绩效目标实现情况" may only open its "（一）总体绩效目标实现情况".
    if (body.length) return body.join('\n');
  }
  return null;
}

/** The department's own figures in the report's prose. */
export function parseSelfEvalProse(paragraphs: Paragraph[]): Omit<SelfEvaluation, 'projects'> {
  const out: Omit<SelfEvaluation, 'projects'> = {
    initialBudget: null,
    adjustedBudget: null,
    carryOver: null,
    spent: null,
    staff: {},
    totalScore: null,
    grade: null,
    conclusion: null,
    overallAchievement: overallAchievement(paragraphs),
  };
  const figureIn = (p: Paragraph, re: RegExp): Figure | null => {
    const m = re.exec(squash(p.text));
    if (!m) return null;
    const v = parseAmount(m[1]);
    return v ? { raw: m[0], value: v, loc: { block: p.loc.block, ...(p.loc.line ? { line: p.loc.line } : {}), ...(p.loc.page ? { page: p.loc.page } : {}), sentence: p.text.trim() } } : null;
  };
  for (const p of paragraphs) {
    const s = squash(p.text);
    out.initialBudget ??= figureIn(p, /年初预算(?:收入|数)?(?:为)?(\d+(?:\.\d+)?)万元/);
    out.adjustedBudget ??= figureIn(p, /调整(?:后)?预算(?:数)?(?:为)?(\d+(?:\.\d+)?)万元/);
    out.carryOver ??= figureIn(p, /结转和?结余(\d+(?:\.\d+)?)万元/);
    out.spent ??= figureIn(p, /(?<=[，,。])支出(?:为)?(\d+(?:\.\d+)?)万元/);
    for (const m of s.matchAll(/(行政编制|事业编制|在职人员共?|实有人数|离退休人员)(\d+)人/g)) out.staff[m[1].replace(/共$/, '')] = Number(m[2]);
    const score = /总得分(\d+(?:\.\d+)?)分/.exec(s);
    if (score && !out.totalScore) {
      out.totalScore = figureIn(p, /总得分(\d+(?:\.\d+)?)分/);
      const grade = /为(优秀|优|良好|良|中|合格|差|不合格)/.exec(s);
      out.grade = grade ? grade[1] : null;
      out.conclusion = tidy(p.text);
    }
  }
  return out;
}
