/**
 * 项目绩效目标表: one per project — budget, funds, spending plan, goals, and the indicator rows
 * (一级/二级/三级/描述/指标值/依据). The labels, not their positions, say what each cell is.
 */
import type { Figure, Indicator, Loc, Project, Unit } from '../model/disclosure.js';
import { parseValue, withNameUnit } from '../model/value.js';
import { squash, type Cell } from '../read/doc.js';
import { unitFrom } from './meta.js';
import { tidy } from './tidy.js';
import { figure } from './tables.js';

export const INDICATOR_HEADER = {
  level1: /^一级指标/,
  level2: /^二级指标/,
  level3: /^三级指标/,
  description: /^(绩效)?指标(描述|内容)/,
  target: /^(指标值|目标值|预期指标值|年度指标值|指标目标值|年度[（(]\/?项目[)）]指标值)$/,
  basis: /^指标值确定依据|^确定依据|^依据/,
  actual: /^(实际完成值|实际值|完成值|全年实际值)$/,
  weight: /^分值$|^权重/,
  score: /^(自评)?得分$/,
} as const;
type HeaderKey = keyof typeof INDICATOR_HEADER;

/** The label of a form's project name: 项目名称, 专项名称, 专项（项目）名称. */
const NAME_LABEL = /^(?:项目|专项|专项[（(]项目[)）])名称$/;

/** The label and the name run together in one cell (专项（项目）名称伯乐奖), the row's only text. */
const FUSED_NAME = /^(?:项目|专项|专项[（(]项目[)）])名称[:：]?(.{2,})$/;
function fusedName(row: Cell[]): string | null {
  const own = row.filter((c) => !c.mergedFrom && squash(c.text));
  return own.length === 1 ? (FUSED_NAME.exec(squash(own[0].text))?.[1] ?? null) : null;
}

/** A row that opens a project's form: its name label. */
const opensForm = (row: Cell[]) => row.some((c) => !c.mergedFrom && NAME_LABEL.test(squash(c.text))) || fusedName(row) !== null;

/** A table that opens a project's own form (上海 prints one 绩效目标填报表 per project, back to back). */
export function opensProject(rows: Cell[][]): boolean {
  return rows.slice(0, 4).some(opensForm);
}

/** Finds the indicator header row: the columns of 一级/二级/三级指标 and the value columns. */
export function indicatorColumns(row: Cell[]): Partial<Record<HeaderKey, number>> | null {
  // Every table's every row is asked: a row without 级 has no 一级指标 column, so no header.
  if (!row.some((c) => c.text.includes('级'))) return null;
  const cols: Partial<Record<HeaderKey, number>> = {};
  row.forEach((c, i) => {
    const t = squash(c.text);
    for (const key of Object.keys(INDICATOR_HEADER) as HeaderKey[]) {
      if (cols[key] === undefined && INDICATOR_HEADER[key].test(t) && !c.mergedFrom) cols[key] = i;
    }
  });
  if (cols.level1 === undefined || cols.level2 === undefined) return null;
  // 一级 | 二级 | 指标内容 | 指标值: without a 三级指标 column, the content column names the indicator.
  if (cols.level3 === undefined && cols.description !== undefined) {
    cols.level3 = cols.description;
    delete cols.description;
  }
  return cols;
}

/**
 * A numbered heading says whose forms follow: "（二）部门主管专项资金的绩效目标表" opens the forms of
 * special funds the department manages for others (not its own 项目支出), any other numbered
 * heading ends them. Null for a line that is no numbered heading.
 */
export function managedFundsHeading(text: string): boolean | null {
  const t = squash(text);
  if (t.length > 40 || !/^([（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|第.{1,3}部分)/.test(t)) return null;
  return /主管(的)?专项资金/.test(t);
}

export function isProjectTitle(text: string): boolean {
  return /绩效目标表$/.test(squash(text));
}

/**
 * "2、互联网专业培训绩效目标表" → "互联网专业培训"; "1、2022年军人公益性岗工资绩效目标表" →
 * "军人公益性岗工资": the year is the document's, not part of the project's name.
 */
export function projectName(title: string): string {
  return squash(title)
    .replace(/^[（(]?[0-9一二三四五六七八九十]+[)）、.．:：]/, '')
    .replace(/^20\d{2}年(度)?/, '')
    .replace(/(项目)?绩效目标表$/, '')
    .trim();
}

const LABELS: [RegExp, 'code' | 'name' | 'budget' | 'fiscal' | 'other' | 'carryOver' | 'unit'][] = [
  [/^项目编码$|^项目代码$/, 'code'],
  [NAME_LABEL, 'name'],
  [/^预算数$|^预算金额$|^年度资金总额$|^项目资金$|^项目资金总额$/, 'budget'],
  [/财政资金$|^其中[:：]?财政拨款$/, 'fiscal'],
  [/^其他资金$/, 'other'],
  [/^(其中[:：]?)?上年结转(资金)?$/, 'carryOver'],
  [/^(预算单位|主管部门|实施单位)$/, 'unit'],
];

/** A label of the form's money rows with its unit in brackets (项目资金（元）, 资金金额（万元）, 年度预算（单位：万元）). */
const FUNDS_UNIT = /^[\u4e00-\u9fa5]{0,10}(?:资金|金额|预算|经费)[\u4e00-\u9fa5]{0,4}[（(](?:单位[:：])?(万元|元)[)）]$/;

/** "224001中共…办公室本级": the budget unit's code and name, as table headers print them. */
const BUDGET_UNIT = /^\d{3,}([\u4e00-\u9fa5（）()]{4,})$/;

/**
 * The projects in the rows of one table group: a table a converter ran on over a page break may
 * hold the next project's form too — its 项目名称 row, or its head (主管部门, 项目资金) where the name
 * is not printed again, after this form's indicators — which then is a project of its own, named by
 * its own label or, without one, as the form before.
 */
export function parseProjects(title: string | null, rows: Cell[][], docUnit: Unit, loc: Loc): Project[] {
  const starts = [0];
  let sawIndicators = false;
  rows.forEach((row, r) => {
    if (indicatorColumns(row)) sawIndicators = true;
    else if (sawIndicators && r > 0 && (opensForm(row) || FORM_HEAD.test(squash(row.find((c) => !c.mergedFrom && squash(c.text))?.text ?? '')))) {
      starts.push(r);
      sawIndicators = false;
    }
  });
  const out: Project[] = [];
  starts.forEach((start, k) => {
    const part = rows.slice(start, starts[k + 1]);
    const page = part[0]?.find((c) => c.loc.page !== undefined)?.loc.page;
    const p = k === 0 ? parseProject(title, part, docUnit, loc) : parseProject(fusedName(part[0]), part, docUnit, { ...loc, ...(page !== undefined ? { page } : {}) });
    // A form without a name row of its own (烟台 prints one project's form per 实施单位, the name
    // once) is the same project's.
    if (!p.name && k > 0) p.name = out[k - 1].name;
    out.push(p);
  });
  return out;
}

/** The first label of a form's head, after its name: 主管部门(及代码), 项目资金（万元）, 资金金额（万元）. */
const FORM_HEAD = /^(?:主管部门|预算单位|实施单位)(?:及代码)?$|^(?:项目资金|资金金额)(?:[（(](?:万元|元)[)）])?$/;

/** Reads one project's rows (one or several tables after its title). */
export function parseProject(title: string | null, rows: Cell[][], docUnit: Unit, loc: Loc): Project {
  let unit = docUnit;
  const project: Project = {
    name: title ? projectName(title) : '',
    code: null,
    unit: null,
    budget: null,
    fiscalFunds: null,
    otherFunds: null,
    purpose: null,
    spendingPlan: [],
    goals: [],
    indicators: [],
    hasBasisColumn: null,
    loc,
  };
  let header: Partial<Record<HeaderKey, number>> | null = null;
  let level1 = '';
  let level2 = '';
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r];
    const texts = cells.map((c) => squash(c.text));
    if (!header) {
      const h = indicatorColumns(cells);
      if (h) {
        header = h;
        project.hasBasisColumn = h.basis !== undefined;
        continue;
      }
      // Lines above the form: the budget unit ("224001…本级") and the table's own unit.
      const own = cells.filter((c) => !c.mergedFrom).map((c) => squash(c.text)).filter(Boolean);
      if (own.length <= 2 && own.some((t) => BUDGET_UNIT.test(t) || unitFrom(t))) {
        for (const t of own) {
          project.unit ??= BUDGET_UNIT.exec(t)?.[1] ?? null;
          unit = unitFrom(t) ?? unit;
        }
        continue;
      }
      // "项目资金（元）", "资金金额（万元）": a label of the funding rows that says their unit.
      const labelled = texts.map((t) => FUNDS_UNIT.exec(t)?.[1]).find((x) => x);
      if (labelled) unit = { raw: `单位：${labelled}`, scale: labelled as Unit['scale'] };
      readLabels(project, cells, texts, unit);
      const planAt = texts.findIndex((t) => /资金支出计划|支出进度计划/.test(t));
      if (planAt >= 0) readPlan(project, cells, rows[r + 1], planAt, unit);
      const goalAt = texts.findIndex((t) => /^(年度)?绩效目标$/.test(t));
      if (goalAt >= 0) {
        const goal = cells.slice(goalAt + 1).find((c) => squash(c.text) && !c.mergedFrom);
        if (goal) project.goals = splitGoals(goal.text);
      }
      // The 资金用途 line: under 预算规模及资金用途 (merged down, or blank in plain text), no label of its own.
      const underPurpose = /资金用途/.test(texts[0] ?? '') || (texts[0] === '' && r > 0 && /资金用途/.test(squash(rows[r - 1][0]?.text ?? '')));
      if (underPurpose && !texts.some((t) => /^预算数$/.test(t))) {
        const purpose = [...new Set(cells.slice(1).filter((c) => !c.mergedFrom).map((c) => c.text.trim()).filter(Boolean))];
        if (purpose.length === 1) project.purpose = purpose[0];
      }
      continue;
    }
    if (indicatorColumns(cells)) continue; // a header repeated on a continued table
    const joined = rejoinSplitRow(rows, r);
    if (joined) r = joined.last;
    const row = joined?.cells ?? cells;
    const get = (k: HeaderKey) => (header![k] !== undefined ? (row[header![k]!]?.text ?? '').trim() : '');
    const l1 = squash(get('level1'));
    const l2 = squash(get('level2'));
    if (l1) level1 = l1;
    if (l2) level2 = l2;
    // A numbered or labelled name (指标1：聘用人员数量, 指标：按期完成率) is the name without it.
    const level3 = get('level3').replace(/^指标\s*\d*\s*[:：]\s*/, '');
    const description = get('description');
    const target = get('target');
    if (!level3 && !description && !target) continue;
    const first = row.find((c) => c.text.trim()) ?? row[0];
    project.indicators.push(indicator(level1, level2, level3, description, target, get('basis'), first.loc));
  }
  return project;
}

/**
 * A row broken over several grid rows by a bad conversion: each part but the last ends in a cell
 * merged to the end of the row, and the parts' own cells add up to exactly the table's width.
 * Returns the joined cells and the index of the last row used.
 */
function rejoinSplitRow(rows: Cell[][], r: number): { cells: Cell[]; last: number } | null {
  const own = (row: Cell[]) => row.filter((c) => !c.mergedFrom);
  const width = rows[r].length;
  let cells = own(rows[r]);
  let k = r;
  // A row of the same grid continues the cells above it by vertical merges (上海: ^绩效指标 | ^产出指标 …);
  // the rest of a broken row does not.
  const continuesAbove = (row: Cell[]) => row.some((c) => c.mergedFrom && c.mergedFrom.row < (c.loc.row ?? 0));
  while (cells.length < width && k + 1 < rows.length && rows[k][width - 1]?.mergedFrom && !continuesAbove(rows[k + 1])) {
    k++;
    cells = [...cells, ...own(rows[k])];
  }
  return k > r && cells.length === width ? { cells, last: k } : null;
}

export function indicator(
  level1: string,
  level2: string,
  level3: string,
  description: string,
  target: string,
  basis: string,
  loc: Loc,
): Indicator {
  return {
    level1,
    level2,
    level3: squash(level3) === '' ? '' : tidy(level3.replace(/\s*\n\s*/g, '')),
    description: description ? tidy(description.replace(/\s*\n\s*/g, '')) : null,
    target: withNameUnit(parseValue(target), level3),
    basis: basis || null,
    actual: null,
    weight: null,
    score: null,
    loc: { ...loc, col: undefined },
  };
}

function readLabels(project: Project, cells: Cell[], texts: string[], unit: Unit): void {
  texts.forEach((t, i) => {
    const label = t.replace(/[:：]$/, '');
    for (const [re, key] of LABELS) {
      if (!re.test(label)) continue;
      const next = cells.slice(i + 1).find((c) => !c.mergedFrom || c.mergedFrom.col > i);
      if (!next) return;
      const value = next.text.trim();
      if (LABELS.some(([re2]) => re2.test(squash(value)))) return; // the next cell is another label: no value
      // A code has no spaces: one the converter put in is not part of it.
      if (key === 'code') project.code = squash(value) || null;
      // The form's own 项目名称 names the project; a title above it may be a section's or the form's (政策和项目预算绩效目标表).
      else if (key === 'name') project.name = squash(value) || project.name;
      else if (key === 'unit') project.unit = value || null;
      else {
        const f = figure(next, unit) ?? null;
        if (key === 'budget') project.budget = f;
        if (key === 'fiscal') project.fiscalFunds = f;
        if (key === 'other') project.otherFunds = f;
        if (key === 'carryOver') project.carryOverFunds = f;
      }
      return;
    }
  });
}

function readPlan(project: Project, cells: Cell[], values: Cell[] | undefined, from: number, unit: Unit): void {
  cells.forEach((c, i) => {
    const period = squash(c.text);
    if (i <= from || !/月|季度|年底/.test(period) || c.mergedFrom) return;
    const cell = values?.[i];
    const f: Figure | null = cell ? (figure(cell, { ...unit, scale: '万元' }, true) ?? null) : null;
    project.spendingPlan.push({ period, percent: f && f.value !== null ? f : null });
  });
}

/**
 * "1.进一步…\n2.使用…" → one goal per numbered item. Items a converter ran together on one line
 * ("…建设。2.使用…") are split where the next number in sequence starts an item.
 */
export function splitGoals(text: string): string[] {
  const lines = text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);
  const goals: string[] = [];
  for (const line of lines.flatMap(splitRunOn)) {
    if (goals.length && !/^[（(]?\d+[)）.、．]/.test(line)) goals[goals.length - 1] += line;
    else goals.push(line);
  }
  return goals;
}

function splitRunOn(line: string): string[] {
  const first = /^(\d{1,2})[.、．]/.exec(line);
  if (!first) return [line];
  // "1.目标内容1.…2.…": a list inside the first item, not items run together.
  if (new RegExp(String.raw`(?<=[^\d\s])${first[1]}[.、．](?!\d)`).test(line.slice(2))) return [line];
  const out: string[] = [];
  let rest = line;
  for (let n = Number(first[1]) + 1; ; n++) {
    const next = new RegExp(String.raw`(?<=[^\d\s])${n}[.、．](?!\d)`).exec(rest.slice(2));
    if (!next) break;
    const at = next.index + 2;
    out.push(rest.slice(0, at).trim());
    rest = rest.slice(at);
  }
  return [...out, rest.trim()];
}

/** Columns of a list of projects with their goals, one row each. */
export interface GoalsList {
  header: number;
  name: number;
  amount: number;
  goal: number;
  unit: number | null;
}

const LIST_COLUMNS = {
  name: /^项目名称$/,
  amount: /^(金额|预算数|预算金额|项目金额|项目资金|资金总额|年度预算(数)?)([（(](万元|元)[)）])?$/,
  goal: /绩效目标$/,
  unit: /^(单位名称|预算单位|部门名称)$/,
} as const;

/**
 * A 项目支出绩效表 printed as a list (浙江: 单位名称 | 项目名称 | 金额 | 项目总体绩效目标, one row per
 * project) rather than one form per project: the header row's columns, or null. A table with an
 * indicator header is a form, not a list.
 */
export function goalsListColumns(rows: Cell[][]): GoalsList | null {
  if (rows.some((r) => indicatorColumns(r))) return null;
  for (let h = 0; h < Math.min(3, rows.length); h++) {
    const texts = rows[h].map((c) => (c.mergedFrom && c.mergedFrom.col !== (c.loc.col ?? -1) ? '' : squash(c.text)));
    const at = (re: RegExp) => texts.findIndex((t) => re.test(t));
    const name = at(LIST_COLUMNS.name);
    const amount = at(LIST_COLUMNS.amount);
    const goal = at(LIST_COLUMNS.goal);
    if (name < 0 || amount < 0 || goal < 0) continue;
    const unit = at(LIST_COLUMNS.unit);
    return { header: h, name, amount, goal, unit: unit < 0 ? null : unit };
  }
  return null;
}

/** The projects of a goals list: each named row (the 合计 row, blank labels and column numbers aside). */
export function goalsListProjects(rows: Cell[][], cols: GoalsList, unit: Unit): Project[] {
  const out: Project[] = [];
  for (const row of rows.slice(cols.header + 1)) {
    const text = (k: number | null) => (k === null ? '' : (row[k]?.text ?? '').trim());
    const name = squash(text(cols.name));
    if (!name || /^(合计|总计|小计|\*+|\d{1,2})$/.test(name)) continue;
    const cell = row[cols.amount];
    const goal = text(cols.goal);
    const first = row.find((c) => c.text.trim()) ?? row[0];
    out.push({
      name,
      code: null,
      unit: text(cols.unit) || null,
      budget: cell ? (figure(cell, unit) ?? null) : null,
      fiscalFunds: null,
      otherFunds: null,
      purpose: null,
      spendingPlan: [],
      goals: goal ? splitGoals(goal) : [],
      indicators: [],
      hasBasisColumn: null,
      loc: { ...first.loc, col: undefined },
    });
  }
  return out;
}
