/**
 * Which part of the 说明 each block belongs to, from the headings. Templates number and order
 * the parts differently (第一部分 / 一、 / 1、), so a heading is known by its words.
 */
import { squash, type Block } from '../read/doc.js';

export type SectionKey =
  | 'duties'
  | 'units'
  | 'overview'
  | 'revenue'
  | 'expenditure'
  | 'change'
  | 'operatingCosts'
  | 'threePublic'
  | 'performance'
  | 'overallGoal'
  | 'subGoals'
  | 'safeguards'
  | 'projectGoals'
  | 'procurement'
  | 'assets'
  | 'glossary'
  | 'other'
  | 'selfEvaluation'
  // 决算: the parts of the 说明 per fund, whose figures are that fund's, not the department's.
  | 'fiscal'
  | 'generalBudget'
  | 'generalBudgetBasic'
  | 'govFund'
  | 'stateCapital';

const NUMBERED = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d{1,2}[、.．)）](?!\d))/;

// First match wins; more specific words first.
const HEADINGS: [RegExp, SectionKey][] = [
  [/名词解释/, 'glossary'],
  [/其他需(要)?说明|其他重要事项/, 'other'],
  [/政府采购/, 'procurement'],
  [/国有资产|固定资产/, 'assets'],
  [/三公/, 'threePublic'],
  [/机关运行经费|机关运行费/, 'operatingCosts'],
  // 决算 parts, before the words they share with budget headings (after 三公 and 机关运行经费, which a 决算 heading may also name).
  [/财政拨款收入支出决算总体情况/, 'fiscal'],
  [/一般公共预算财政拨款基本支出决算/, 'generalBudgetBasic'],
  [/一般公共预算财政拨款支出决算/, 'generalBudget'],
  [/政府性基金预算财政拨款收入支出决算/, 'govFund'],
  [/国有资本经营预算财政拨款(收入)?支出决算/, 'stateCapital'],
  [/收入支出决算总体情况/, 'overview'],
  [/收入决算情况/, 'revenue'],
  [/支出决算情况/, 'expenditure'],
  // A self-evaluation's 目标实现情况 tells what was achieved, not the goal.
  [/目标实现情况|目标完成情况/, 'selfEvaluation'],
  [/总体绩效目标|整体(支出)?绩效目标/, 'overallGoal'],
  [/分项绩效目标/, 'subGoals'],
  [/工作保障措施|保障措施/, 'safeguards'],
  [/预算项目绩效目标|项目绩效目标/, 'projectGoals'],
  [/绩效/, 'performance'],
  [/比上年增减|增减(变化)?情况/, 'change'],
  [/收入说明|收入预算/, 'revenue'],
  [/支出说明|支出预算/, 'expenditure'],
  [/总体情况/, 'overview'],
  [/机构设置|组织机构|单位构成/, 'units'],
  [/部门职责|主要职责|部门职能|职能职责|主要职能/, 'duties'],
];

/** A heading is short, usually numbered, and names a part. */
export function headingKey(text: string): SectionKey | null {
  const t = squash(text);
  if (t.length > 40) return null;
  const numbered = NUMBERED.test(t);
  if (!numbered && t.length > 16) return null;
  // "2022年部门支出预算：200.54万元" is a statement, not a heading; so is a label with its
  // content ("绩效目标：推进馆藏档案数字化。") unless the line is numbered (第一部分：…).
  if (/\d+(\.\d+)?万元/.test(t)) return null;
  if (!numbered && /[:：]./.test(t)) return null;
  // "三、机关运行经费：为保障机关运行…。" in a glossary defines a term; a heading says no sentence.
  if (numbered && /[:：].{8,}。$/.test(t)) return null;
  for (const [re, key] of HEADINGS) if (re.test(t)) return key;
  return null;
}

/** 第一部分 0, 一、 1, （一） 2, 1、 3; null for a line that is not numbered. */
function headingLevel(t: string): number | null {
  const m = NUMBERED.exec(t);
  if (!m) return null;
  if (m[1].startsWith('第')) return 0;
  if (/^[（(]/.test(m[1])) return 2;
  return /^\d/.test(m[1]) ? 3 : 1;
}

/**
 * A numbered line shaped like a heading (short, no sentence) that names no known part: it still
 * closes a prose part of the same or a lower level ("二、自评工作开展情况" after
 * "（三）部门整体支出绩效目标、指标").
 */
function unknownHeadingLevel(text: string): number | null {
  const t = squash(text);
  if (t.length > 30 || /[。；;，,]$/.test(t) || /\d+(\.\d+)?万元/.test(t)) return null;
  return headingLevel(t);
}

// Prose parts read whole by `readParts`: what follows an unknown heading of their rank is not theirs.
const CLOSED_BY_SIBLING = new Set<SectionKey>(['overallGoal']);

/** Section of every block: the last heading before it. */
export function assignSections(blocks: Block[]): (SectionKey | null)[] {
  let current: SectionKey | null = null;
  let level: number | null = null;
  return blocks.map((b) => {
    if (b.type === 'paragraph') {
      const key = headingKey(b.text);
      if (key) {
        current = key;
        level = headingLevel(squash(b.text));
      } else if (current && CLOSED_BY_SIBLING.has(current) && level !== null) {
        const other = unknownHeadingLevel(b.text);
        if (other !== null && other <= level) current = null;
      }
    }
    return current;
  });
}
