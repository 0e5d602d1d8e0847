/**
 * Findings as a reviewer reads them: repeats folded (the same problem at several places is one
 * entry with its places), grouped by rule or by place, filtered by severity and category.
 * Pure functions over the API's findings; the app never re-judges a finding.
 */
import type { Finding, Loc, Severity } from './api';

export interface Folded {
  /** Stable key: the first finding's index. */
  key: string;
  rule: string;
  severity: Severity;
  /** The message of the first place, standing for all. */
  first: Finding;
  /** Every place the same problem was found, in document order. */
  places: { finding: Finding; index: number }[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * What makes two findings the same problem: the rule, the severity, the figures, and the message
 * without the words that name the place (a finding's `where` is printed inside its message).
 */
export function sameProblemKey(f: Finding): string {
  let msg = f.message;
  for (const where of new Set([f.location.where, f.where])) {
    if (!where || where.length < 2) continue;
    msg = msg.split(where).join('\u0000');
    // The names the place quotes (the project, the indicator) are the place, not the problem.
    for (const q of where.match(/“[^“”]+”/g) ?? []) msg = msg.split(q).join('\u0000');
  }
  msg = msg.replace(/说明第\s*\d+\s*段(（[A-Za-z.]+）)?/g, '\u0000');
  return JSON.stringify([f.rule, f.severity, msg, f.figures ?? null, f.expected ?? null, f.difference ?? null]);
}

export function fold(findings: Finding[]): Folded[] {
  const byKey = new Map<string, Folded>();
  findings.forEach((finding, index) => {
    const k = sameProblemKey(finding);
    const known = byKey.get(k);
    if (known) known.places.push({ finding, index });
    else byKey.set(k, { key: String(index), rule: finding.rule, severity: finding.severity, first: finding, places: [{ finding, index }] });
  });
  return [...byKey.values()];
}

export function whereOf(f: Finding): string | undefined {
  return f.where ?? f.location.where;
}

export function categoryOf(rule: string): string {
  const slash = rule.indexOf('/');
  return slash < 0 ? rule : rule.slice(0, slash);
}

export interface FindingFilter {
  severities: Severity[];
  categories: string[];
}

export function filterFindings(findings: Finding[], filter: FindingFilter): Finding[] {
  return findings.filter(
    (f) => filter.severities.includes(f.severity) && (filter.categories.length === 0 || filter.categories.includes(categoryOf(f.rule))),
  );
}

export interface Group {
  key: string;
  items: Folded[];
  worst: Severity;
}

/** A place people recognise: the table or section before any row/column detail, else the page. */
export function placeOf(loc: Loc): string {
  if (loc.where) {
    const cut = loc.where.search(/[：:“"]/);
    const head = (cut > 0 ? loc.where.slice(0, cut) : loc.where).replace(/第\s*\d+\s*段.*$/, '说明').trim();
    if (head) return head;
  }
  if (loc.page) return `第 ${loc.page} 页`;
  if (loc.sheet) return `工作表 ${loc.sheet}`;
  return '全文';
}

/** Groups folded findings by rule or by place; groups with errors first, then by size. */
export function group(folded: Folded[], by: 'rule' | 'place'): Group[] {
  const groups = new Map<string, Group>();
  for (const f of folded) {
    const key = by === 'rule' ? f.rule : placeOf(f.first.location);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, items: [], worst: f.severity }));
    g.items.push(f);
    if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[g.worst]) g.worst = f.severity;
  }
  for (const g of groups.values()) g.items.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return [...groups.values()].sort((a, b) => SEVERITY_ORDER[a.worst] - SEVERITY_ORDER[b.worst] || b.items.length - a.items.length);
}

export function counts(findings: Finding[]): Record<Severity, number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** Amounts as printed in the documents: thousands separators, two decimals kept when present. */
export function amount(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  const [int, frac] = String(v).split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = int.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${digits}${frac ? `.${frac}` : ''}`;
}

/**
 * A short note of what to change, from what the finding carries: the figure it expected where
 * there is one, otherwise where to look. Which of two disagreeing figures is wrong is the
 * department's to say, so the note names both sides rather than picking one.
 */
export function advice(f: Finding): string {
  const where = whereOf(f);
  const place = where ? `（${where}）` : '';
  if (f.fix) return `${where ? `${where}：` : ''}${f.fix}`;
  if (f.expected !== undefined && f.expected !== null && f.actual !== undefined && f.actual !== null) {
    return `核对${place}：按相关数字应为 ${amount(f.expected)}，文件中为 ${amount(f.actual)}${
      f.difference !== undefined && f.difference !== null ? `，相差 ${amount(f.difference)}` : ''
    }。更正有误的一方（表格或说明），使两处一致。`;
  }
  switch (categoryOf(f.rule)) {
    case 'privacy':
      return `删除或遮盖${place}中的个人信息后重新公开。`;
    case 'text-quality':
      return `修改${place}中的文字：删去模板残留、重复或错别字。`;
    case 'completeness':
      return '补充缺少的表格或说明内容；确无数据的，按要求注明“本部门无此项数据”并说明原因。';
    case 'classification':
      return `按当年政府收支分类科目核对${place}的科目编码与名称。`;
    case 'indicator':
      return `按绩效目标编制要求修改${place}的指标或指标值。`;
    default:
      return `核对${place}的数字，更正有误的一方。`;
  }
}
