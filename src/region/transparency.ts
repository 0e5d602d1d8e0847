/**
 * The transparency score of a disclosure (0–100), computed from the model and its findings after
 * the inspection points of 财预〔2016〕143号 and the public transparency indexes: timeliness,
 * completeness, granularity, accuracy and form. Points per item come from a profile
 * (profiles/transparency/); every point lost is listed with its reason. An item that cannot be
 * judged (timeliness without an approval date) is left out of the maximum, not counted as lost.
 *
 * Reads only what a check result's JSON holds too (presence of figures, rows' levels, findings), so
 * stored results are scored without re-reading their files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const TRANSPARENCY_PROFILES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../profiles/transparency');

export const DIMENSIONS = { timeliness: '及时性', completeness: '完整性', granularity: '细化程度', accuracy: '准确性', form: '公开形式' } as const;
export type Dimension = keyof typeof DIMENSIONS;

const ITEM_NAMES = {
  'timeliness.deadline': '批复后 20 日内公开',
  'completeness.tables': '公开规定的表格（空表附说明）',
  'completeness.narrative': '公开预决算说明',
  'completeness.sections': '说明各部分齐全',
  'completeness.glossary': '名词解释',
  'completeness.performance': '绩效信息',
  'granularity.functional-item': '功能分类细化到项',
  'granularity.economic-section': '经济分类细化到款',
  'granularity.three-public-split': '三公经费分列公务用车购置费和运行费',
  'granularity.three-public-counts': '三公经费说明团组、车辆、接待批次等数量',
  'granularity.procurement': '政府采购情况',
  'granularity.change-reasons': '说明增减变化原因',
  'accuracy.identities': '表内表间勾稽关系',
  'accuracy.narrative': '说明与表格一致',
  'accuracy.codes': '科目编码和名称',
  'accuracy.residue': '无模板残留、无个人信息',
  'form.text-layer': '文字可复制检索',
  'form.machine-readable': '表格可机读',
} as const;
export type ItemId = keyof typeof ITEM_NAMES;
export const ITEM_IDS = Object.keys(ITEM_NAMES) as ItemId[];

export const TransparencyProfileSchema = z
  .object({
    $comment: z.string().optional(),
    name: z.string(),
    description: z.string().optional(),
    items: z.record(z.enum(ITEM_IDS as [ItemId, ...ItemId[]]), z.number().min(0)),
    penalties: z.object({ error: z.number().min(0), warning: z.number().min(0) }).strict(),
  })
  .strict();
export type TransparencyProfile = z.infer<typeof TransparencyProfileSchema>;

export class TransparencyProfileError extends Error {}

/** A profile by name (profiles/transparency/<name>.json) or path. */
export function loadTransparencyProfile(ref = 'default'): TransparencyProfile {
  const path = ref.endsWith('.json') || isAbsolute(ref) ? resolve(ref) : resolve(TRANSPARENCY_PROFILES_DIR, `${ref}.json`);
  if (!existsSync(path)) throw new TransparencyProfileError(`透明度评分配置 ${ref} 不存在（${TRANSPARENCY_PROFILES_DIR} 下有 default）`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new TransparencyProfileError(`透明度评分配置 ${ref} 不是有效的 JSON`);
  }
  const parsed = TransparencyProfileSchema.safeParse(json);
  if (!parsed.success) throw new TransparencyProfileError(`透明度评分配置 ${ref} 有误：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`);
  return parsed.data;
}

/** What the score reads of a disclosure: its check JSON's shape, amounts as numbers or decimals. */
export interface ScoredDocument {
  kind: string;
  year: number | null;
  entity: { name: string | null };
  source: { format: string; path?: string };
  tables: { kind: string; classification: string | null; empty: boolean; note: string | null; rows: { level: string | null; values: Record<string, unknown> }[]; columns?: { key: string }[] }[];
  claims: unknown[];
  paragraphs: { text: string }[];
  glossary: unknown[];
  projects: unknown[];
  performance: { overallGoal: string | null; subGoals: unknown[] };
  summary: { threePublic: Record<string, unknown>; procurementTotal: unknown };
  threePublicCounts: Record<string, unknown>;
  procurement: { items: unknown[] };
  procurementSplit: Record<string, unknown>;
  selfEvaluation?: unknown;
}

export interface ScoreInput {
  document: ScoredDocument;
  findings: { rule: string; severity: string; message?: string }[];
  /** From the coverage ledger: when the budget was approved and when it was published. */
  timeliness?: { approvedOn: string | null; publishedOn: string | null };
}

export interface ItemScore {
  id: ItemId;
  dimension: Dimension;
  name: string;
  max: number;
  /** Null when the item could not be judged (left out of the maximum). */
  score: number | null;
  /** Why points were lost (or why the item was not judged); empty when full marks. */
  reasons: string[];
}

export interface TransparencyScore {
  /** 0–100: points earned over the points of the items judged. */
  score: number;
  earned: number;
  max: number;
  dimensions: Record<Dimension, { name: string; earned: number; max: number }>;
  items: ItemScore[];
}

/** The standard tables each kind of disclosure must publish (财预〔2016〕143号 and the 决算 set). */
const REQUIRED: Record<string, string[]> = {
  budget: ['revenue-expenditure-summary', 'revenue', 'expenditure', 'fiscal-summary', 'general-budget-expenditure', 'general-budget-basic', 'gov-fund-expenditure', 'three-public'],
  'final-accounts': ['revenue-expenditure-summary', 'revenue', 'expenditure', 'fiscal-summary', 'general-budget-expenditure', 'general-budget-basic', 'gov-fund-expenditure', 'state-capital-expenditure', 'three-public'],
};

const TABLE_NAMES: Record<string, string> = {
  'revenue-expenditure-summary': '收支总表',
  revenue: '收入总表',
  expenditure: '支出总表',
  'fiscal-summary': '财政拨款收支总表',
  'general-budget-expenditure': '一般公共预算财政拨款支出表',
  'general-budget-basic': '一般公共预算财政拨款基本支出表',
  'gov-fund-expenditure': '政府性基金预算财政拨款支出表',
  'state-capital-expenditure': '国有资本经营预算财政拨款支出表',
  'three-public': '财政拨款“三公”经费支出表',
};

/** What the prose is searched for; each pattern matches within one line (scoreInputOf relies on it). */
const PERFORMANCE_WORDS = /绩效(目标|评价|自评|管理|运行监控)/;
const CHANGE_REASONS = [/(增加|减少|增长|下降|持平)[^。\n]{0,80}(原因|主要是|主要用于|因为)/, /(原因|主要是)[^。\n]{0,60}(增加|减少|增长|下降)/];

const round2 = (n: number) => Math.round(n * 100) / 100;
const stated = (v: unknown) => v !== null && v !== undefined && !(typeof v === 'object' && v !== null && 'value' in v && (v as { value: unknown }).value === null);

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Findings of rules under these prefixes, as penalties with their rule ids. */
function penalty(findings: ScoreInput['findings'], prefixes: string[], p: TransparencyProfile['penalties']): { lost: number; reasons: string[] } {
  const counts = new Map<string, { error: number; warning: number }>();
  for (const f of findings) {
    if (!prefixes.some((x) => f.rule.startsWith(x))) continue;
    if (f.severity !== 'error' && f.severity !== 'warning') continue;
    const c = counts.get(f.rule) ?? { error: 0, warning: 0 };
    c[f.severity]++;
    counts.set(f.rule, c);
  }
  let lost = 0;
  const reasons: string[] = [];
  for (const [rule, c] of [...counts].sort()) {
    const l = c.error * p.error + c.warning * p.warning;
    if (l === 0) continue;
    lost += l;
    reasons.push(`${rule}：${[c.error && `错误 ${c.error} 处`, c.warning && `警告 ${c.warning} 处`].filter(Boolean).join('、')}，扣 ${round2(l)} 分`);
  }
  return { lost, reasons };
}

export function scoreTransparency(input: ScoreInput, profile: TransparencyProfile): TransparencyScore {
  const d = input.document;
  const items: ItemScore[] = [];
  const add = (id: ItemId, fraction: number | null, reasons: string[] = []) => {
    const max = profile.items[id] ?? 0;
    if (max === 0) return;
    const dimension = id.split('.')[0] as Dimension;
    items.push({ id, dimension, name: ITEM_NAMES[id], max, score: fraction === null ? null : round2(Math.max(0, Math.min(1, fraction)) * max), reasons });
  };
  const isSelfEval = d.kind === 'self-evaluation';
  const text = d.paragraphs.map((p) => p.text).join('\n');

  // Timeliness: only with both dates.
  const t = input.timeliness;
  if (t?.approvedOn && t.publishedOn) {
    const days = daysBetween(t.approvedOn, t.publishedOn);
    add('timeliness.deadline', days <= 20 ? 1 : 0, days <= 20 ? [] : [`批复 ${t.approvedOn}，公开 ${t.publishedOn}，用时 ${days} 日，超过 20 日`]);
  } else add('timeliness.deadline', null, ['批复日期或公开日期未知，未评']);

  // Completeness.
  const required = REQUIRED[d.kind] ?? [];
  if (required.length) {
    const reasons: string[] = [];
    let got = 0;
    for (const kind of required) {
      const tables = d.tables.filter((x) => x.kind === kind);
      if (tables.length === 0) reasons.push(`未见${TABLE_NAMES[kind] ?? kind}`);
      else if (tables.every((x) => x.empty && !x.note)) {
        got += 0.5;
        reasons.push(`${TABLE_NAMES[kind] ?? kind}为空表且未说明原因`);
      } else got += 1;
    }
    add('completeness.tables', got / required.length, reasons);
  }
  const hasNarrative = d.claims.length > 0 || d.paragraphs.length >= 20;
  add('completeness.narrative', hasNarrative ? 1 : 0, hasNarrative ? [] : ['未见预决算说明（文字说明中没有读到数字陈述）']);
  const missingSections = input.findings.filter((f) => f.rule === 'completeness/sections' && f.severity !== 'info');
  add('completeness.sections', hasNarrative ? 1 - missingSections.length / 4 : 0, hasNarrative ? missingSections.map((f) => f.message ?? f.rule) : ['无说明，各部分均缺']);
  if (!isSelfEval) {
    add('completeness.glossary', d.glossary.length > 0 ? 1 : 0, d.glossary.length > 0 ? [] : ['未见名词解释']);
    const perf = d.projects.length > 0 || !!d.performance.overallGoal || d.performance.subGoals.length > 0 || PERFORMANCE_WORDS.test(text);
    add('completeness.performance', perf ? 1 : 0, perf ? [] : ['未见绩效目标或绩效评价信息']);
  }

  // Granularity.
  if (!isSelfEval) {
    const functional = d.tables.filter((x) => x.classification === 'functional' && !x.empty);
    const toItem = functional.some((x) => x.rows.some((r) => r.level === 'item'));
    add('granularity.functional-item', functional.length === 0 ? 0 : toItem ? 1 : 0, toItem ? [] : [functional.length ? '功能分类科目只列到类或款，未细化到项' : '未见按功能分类列示的表格']);
    const economic = d.tables.filter((x) => x.classification === 'economic' && !x.empty);
    const toSection = economic.some((x) => x.rows.some((r) => r.level === 'section'));
    add('granularity.economic-section', toSection ? 1 : 0, toSection ? [] : [economic.length ? '经济分类科目只列到类，未细化到款' : '未见按经济分类列示的基本支出']);
    const tp = d.summary.threePublic;
    const split = stated(tp.vehiclePurchase) && stated(tp.vehicleOperation);
    add('granularity.three-public-split', split ? 1 : 0, split ? [] : ['公务用车购置及运行费未分列购置费和运行费']);
    const counts = Object.values(d.threePublicCounts).filter(stated).length;
    add('granularity.three-public-counts', counts > 0 ? 1 : 0, counts > 0 ? [] : ['未说明因公出国团组人次、公务用车购置数和保有量、公务接待批次人次']);
    const proc = d.procurement.items.length > 0 || stated(d.summary.procurementTotal) || stated(d.procurementSplit.total) || d.tables.some((x) => x.kind === 'procurement');
    const procReasons: string[] = [];
    if (!proc) procReasons.push('未见政府采购预算或支出情况');
    let procFraction = proc ? 1 : 0;
    if (proc && d.kind === 'final-accounts') {
      if (!['goods', 'works', 'services'].some((k) => stated(d.procurementSplit[k]))) (procFraction -= 0.5), procReasons.push('政府采购未分货物、工程、服务');
      if (!stated(d.procurementSplit.smeAwarded)) (procFraction -= 0.25), procReasons.push('未说明授予中小企业合同金额');
    }
    add('granularity.procurement', procFraction, procReasons);
    const reasonsStated = CHANGE_REASONS.some((re) => re.test(text));
    add('granularity.change-reasons', reasonsStated ? 1 : 0, reasonsStated ? [] : ['未说明收支增减变化的原因']);
  }

  // Accuracy: what the rules found, by family.
  for (const [id, prefixes] of [
    ['accuracy.identities', ['arithmetic/', 'cross-table/', 'final-accounts/']],
    ['accuracy.narrative', ['narrative/']],
    ['accuracy.codes', ['classification/']],
    ['accuracy.residue', ['text-quality/', 'privacy/']],
  ] as const) {
    const max = profile.items[id] ?? 0;
    const { lost, reasons } = penalty(input.findings, [...prefixes], profile.penalties);
    add(id, max ? 1 - lost / max : 1, reasons);
  }

  // Form.
  const noText = input.findings.filter((f) => f.rule === 'read/pdf-no-text' || f.rule === 'read/pdf-no-text-pages');
  add('form.text-layer', noText.length ? (noText.some((f) => f.rule === 'read/pdf-no-text') ? 0 : 0.5) : 1, noText.map((f) => f.message ?? f.rule));
  const format = d.source.format;
  const machine = format === 'xlsx' || format === 'html' || format === 'docx' || format === 'txt' ? 1 : format === 'pdf' ? 1 / 3 : 0;
  add('form.machine-readable', machine, machine === 1 ? [] : [`表格以 ${format.toUpperCase()} 公开，需转录才能计算`]);

  const judged = items.filter((i) => i.score !== null);
  const earned = round2(judged.reduce((s, i) => s + (i.score ?? 0), 0));
  const max = round2(judged.reduce((s, i) => s + i.max, 0));
  const dimensions = Object.fromEntries(
    (Object.keys(DIMENSIONS) as Dimension[]).map((k) => {
      const of = judged.filter((i) => i.dimension === k);
      return [k, { name: DIMENSIONS[k], earned: round2(of.reduce((s, i) => s + (i.score ?? 0), 0)), max: round2(of.reduce((s, i) => s + i.max, 0)) }];
    }),
  ) as TransparencyScore['dimensions'];
  return { score: max ? round2((earned / max) * 100) : 0, earned, max, dimensions, items };
}


/**
 * What the score reads of a check result and nothing more: counts kept as placeholders, each
 * table's row levels once, only the paragraphs a pattern of the score can match (every pattern
 * stays within one line), only the findings that can cost points. The store keeps this beside
 * the full result so a region is scored without parsing every result (≈ 170 KB of JSON each).
 * `scoreTransparency` gives the same score for it as for the full result, alone or combined.
 */
export function scoreInputOf(result: { document: ScoredDocument; findings: ScoreInput['findings'] }): ScoreInput {
  const d = result.document;
  const count = (xs: unknown[]) => xs.map(() => 0);
  const document: ScoredDocument = {
    kind: d.kind,
    year: d.year,
    entity: { name: d.entity.name },
    source: { format: d.source.format, ...(d.source.path !== undefined ? { path: d.source.path } : {}) },
    tables: d.tables.map((t) => ({
      kind: t.kind,
      classification: t.classification,
      empty: t.empty,
      note: t.note,
      rows: [...new Set(t.rows.map((r) => r.level))].map((level) => ({ level, values: {} })),
    })),
    claims: count(d.claims),
    paragraphs: d.paragraphs.map((p) => ({ text: [PERFORMANCE_WORDS, ...CHANGE_REASONS].some((re) => re.test(p.text)) ? p.text : '' })),
    glossary: count(d.glossary),
    projects: count(d.projects),
    performance: { overallGoal: d.performance.overallGoal, subGoals: count(d.performance.subGoals) },
    summary: { threePublic: d.summary.threePublic, procurementTotal: d.summary.procurementTotal },
    threePublicCounts: d.threePublicCounts,
    procurement: { items: count(d.procurement.items) },
    procurementSplit: d.procurementSplit,
  };
  const findings = result.findings
    .filter((f) => f.severity === 'error' || f.severity === 'warning' || f.rule.startsWith('read/pdf-no-text'))
    .map((f) => ({ rule: f.rule, severity: f.severity, ...(f.message !== undefined ? { message: f.message } : {}) }));
  return { document, findings };
}

/**
 * The parts of one disclosure (说明 and 表格 files) scored as one: tables of the file that holds
 * them, prose, glossary and findings of all.
 */
export function combineParts(parts: ScoreInput[]): ScoreInput {
  if (parts.length === 1) return parts[0];
  const byTables = [...parts].sort((a, b) => b.document.tables.length - a.document.tables.length);
  const base = byTables[0].document;
  const first = <T>(pick: (d: ScoredDocument) => T, has: (v: T) => boolean) => parts.map((p) => pick(p.document)).find(has) ?? pick(base);
  const document: ScoredDocument = {
    ...base,
    tables: byTables.flatMap((p, i) => (i === 0 ? p.document.tables : p.document.tables.filter((t) => !base.tables.some((b) => b.kind === t.kind)))),
    claims: parts.flatMap((p) => p.document.claims),
    paragraphs: parts.flatMap((p) => p.document.paragraphs),
    glossary: parts.flatMap((p) => p.document.glossary),
    projects: parts.flatMap((p) => p.document.projects),
    performance: first((d) => d.performance, (v) => !!v.overallGoal || v.subGoals.length > 0),
    threePublicCounts: first((d) => d.threePublicCounts, (v) => Object.values(v).some(stated)),
    procurementSplit: first((d) => d.procurementSplit, (v) => Object.values(v).some(stated)),
    procurement: { items: parts.flatMap((p) => p.document.procurement.items) },
    // The worst form among the files: a reader needs every part.
    source: parts.map((p) => p.document.source).find((s) => s.format === 'pdf') ?? base.source,
  };
  return { document, findings: parts.flatMap((p) => p.findings), timeliness: parts.find((p) => p.timeliness)?.timeliness };
}
