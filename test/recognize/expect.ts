/**
 * Assertions of a recognised model against expected values typed from the documents
 * (test/fixtures/recognize/expected/*.json for the seeds, inline for the synthetic fixtures).
 * Figures are compared by their raw text, and their value is checked against the raw text read
 * here independently of the recogniser (blank or dash → no value, 元 → 万元 for amounts).
 */
import assert from 'node:assert/strict';
import type { Disclosure, Figure, Indicator, Project, Row, SelfEvalProject, StdTable, Unit } from '../../src/model/disclosure.js';
import { Money } from '../../src/model/money.js';

export interface ExpectedRow {
  code: string | null;
  name: string;
  role: Row['role'];
  key?: string;
  side?: 'revenue' | 'expenditure';
  /** Raw text of every value column, '' for a blank cell, null where the row has no figure. */
  values: Record<string, string | null>;
  texts?: Record<string, string>;
}

export interface ExpectedTable {
  kind: StdTable['kind'];
  title: string;
  unit: Unit;
  classification: StdTable['classification'];
  empty: boolean;
  note: string | null;
  /** Column keys in column order; on two-sided tables `key@side`. */
  columns: string[];
  rows: ExpectedRow[];
}

/** [一级, 二级, 三级, 描述, 指标值, 依据]. */
export type ExpectedIndicator = [string, string, string, string | null, string, string | null];

export interface ExpectedProject {
  name: string;
  code: string | null;
  unit: string | null;
  budget: string | null;
  fiscalFunds: string | null;
  otherFunds: string | null;
  purpose: string | null;
  spendingPlan: [string, string | null][];
  /** How each goal starts, one per goal. */
  goals: string[];
  indicators: ExpectedIndicator[];
}

/** Keys of value columns that hold counts or percentages, never scaled from 元. */
const UNSCALED = new Set(['quantity']);

/** What the raw text of a printed figure is worth, in 万元 for amounts. */
export function valueOf(raw: string, scale: Unit['scale'], unscaled = false): string | null {
  const s = raw.replace(/[\s,%％]/g, '');
  if (s === '' || /^[-—–]+$/.test(s)) return null;
  const v = new Money(s);
  return String(scale === '元' && !unscaled ? v.div(10000) : v);
}

export function assertFigure(f: Figure | null, raw: string | null, scale: Unit['scale'], what: string, unscaled = false): void {
  if (raw === null) {
    assert.equal(f, null, `${what}: no figure`);
    return;
  }
  assert.ok(f, `${what}: a figure is expected`);
  assert.equal(f.raw, raw, `${what}: raw text`);
  assert.equal(f.value === null ? null : String(f.value), valueOf(raw, scale, unscaled), `${what}: value of ${raw}`);
}

export function money(v: Money | null): string | null {
  return v === null ? null : String(v);
}

export function assertTable(t: StdTable, e: ExpectedTable): void {
  const where = `${e.kind}「${e.title}」`;
  assert.equal(t.kind, e.kind, where);
  assert.equal(t.title, e.title, `${where}: title`);
  assert.deepEqual(t.unit, e.unit, `${where}: unit`);
  assert.equal(t.classification, e.classification, `${where}: classification`);
  assert.equal(t.empty, e.empty, `${where}: empty`);
  assert.equal(t.note, e.note, `${where}: note`);
  assert.deepEqual(
    t.columns.map((c) => (c.side ? `${c.key}@${c.side}` : c.key)),
    e.columns,
    `${where}: column keys`,
  );
  assert.equal(t.rows.length, e.rows.length, `${where}: row count`);
  e.rows.forEach((er, i) => {
    const r = t.rows[i];
    const at = `${where} row ${i + 1}「${er.name}」`;
    assert.equal(r.code, er.code, `${at}: code`);
    assert.equal(r.name, er.name, `${at}: name`);
    assert.equal(r.level, levelOf(er.code), `${at}: level`);
    assert.equal(r.role, er.role, `${at}: role`);
    assert.equal(r.key, er.key, `${at}: key`);
    assert.equal(r.side, er.side, `${at}: side`);
    assert.deepEqual(Object.keys(r.values).sort(), Object.keys(er.values).sort(), `${at}: value columns`);
    for (const [key, raw] of Object.entries(er.values)) {
      assertFigure(r.values[key], raw, t.unit.scale, `${at} / ${key}`, UNSCALED.has(key));
    }
    assert.deepEqual(r.texts, er.texts, `${at}: texts`);
  });
}

function levelOf(code: string | null): Row['level'] {
  return code?.length === 3 ? 'class' : code?.length === 5 ? 'section' : code?.length === 7 ? 'item' : null;
}

export function assertIndicator(i: Indicator, e: ExpectedIndicator, where: string): void {
  assert.deepEqual([i.level1, i.level2, i.level3, i.description, i.target.raw, i.basis], e, where);
}

export function assertProject(p: Project, e: ExpectedProject, unit: Unit): void {
  const where = `项目「${e.name}」`;
  assert.equal(p.name, e.name);
  assert.equal(p.code, e.code, `${where}: code`);
  assert.equal(p.unit, e.unit, `${where}: unit`);
  assertFigure(p.budget, e.budget, unit.scale, `${where}: 预算数`);
  assertFigure(p.fiscalFunds, e.fiscalFunds, unit.scale, `${where}: 财政资金`);
  assertFigure(p.otherFunds, e.otherFunds, unit.scale, `${where}: 其他资金`);
  assert.equal(p.purpose, e.purpose, `${where}: purpose`);
  assert.deepEqual(
    p.spendingPlan.map((s) => [s.period, s.percent?.raw ?? null]),
    e.spendingPlan,
    `${where}: spending plan`,
  );
  assert.equal(p.goals.length, e.goals.length, `${where}: goal count`);
  e.goals.forEach((g, k) => assert.ok(p.goals[k].startsWith(g), `${where}: goal ${k + 1} starts with ${g}: ${p.goals[k]}`));
  assert.equal(p.indicators.length, e.indicators.length, `${where}: indicator count`);
  e.indicators.forEach((ei, k) => assertIndicator(p.indicators[k], ei, `${where} indicator ${k + 1}`));
}

export interface ExpectedSelfEvalProject {
  name: string;
  unit: string | null;
  /** 预算数, 其中财政资金, 到位数, 其中财政资金, 执行数, 其中财政资金, 执行进度, 执行率得分. */
  figures: (string | null)[];
  executionWeight: number | null;
  /** The 预算执行率 row: [预期指标值, 实际完成值], null when the table has no such row read. */
  execution: [string, string | null] | null;
  completionRate: string | null;
  weights: Record<string, number>;
  goals: string | null;
  achievements: string | null;
  /** [一级, 二级, 三级, 预期指标值, 实际完成值, 自评得分]. */
  indicators: [string, string, string, string, string, string][];
  totalScore: string | null;
  problems: string | null;
}

export function assertSelfEvalProject(p: SelfEvalProject, e: ExpectedSelfEvalProject): void {
  const where = `自评项目「${e.name}」`;
  assert.equal(p.name, e.name);
  assert.equal(p.unit, e.unit, `${where}: unit`);
  const figures = [p.budget, p.budgetFiscal, p.available, p.availableFiscal, p.executed, p.executedFiscal, p.executionRate, p.executionScore];
  assert.deepEqual(figures.map((f) => f?.raw ?? null), e.figures, `${where}: budget, available, executed, rate, score`);
  figures.forEach((f, k) => e.figures[k] !== null && assertFigure(f, e.figures[k], '万元', `${where}: figure ${k + 1}`));
  assert.equal(p.executionWeight, e.executionWeight, `${where}: execution weight`);
  const ei = p.executionIndicator ? [p.executionIndicator.target.raw, p.executionIndicator.actual?.raw ?? null] : null;
  assert.deepEqual(ei, e.execution, `${where}: 预算执行率 row target and actual`);
  assert.equal(p.completionRate?.raw ?? null, e.completionRate, `${where}: completion rate`);
  assert.deepEqual(p.weights, e.weights, `${where}: weights`);
  assert.equal(startOf(p.goals, e.goals), e.goals, `${where}: goals`);
  assert.equal(startOf(p.achievements, e.achievements), e.achievements, `${where}: achievements`);
  assert.deepEqual(
    p.indicators.map((i) => [i.level1, i.level2, i.level3, i.target.raw, i.actual?.raw ?? '', i.score?.raw ?? '']),
    e.indicators,
    `${where}: indicators`,
  );
  for (const i of p.indicators) assertFigure(i.score, i.score?.raw ?? null, '万元', `${where}「${i.level3}」score`);
  assert.equal(p.totalScore?.raw ?? null, e.totalScore, `${where}: total score`);
  assertFigure(p.totalScore, e.totalScore, '万元', `${where}: total score`);
  assert.equal(startOf(p.problems, e.problems), e.problems, `${where}: problems`);
}

/** The text cut to the length of the expected start, so a test can name a long text by its start. */
export function startOf(text: string | null, expected: string | null): string | null {
  return text === null || expected === null ? text : text.slice(0, expected.length);
}

/**
 * The model with what legitimately differs between two files of one document removed: locations,
 * the source file, and column labels (Word keeps merged header cells, plain text does not).
 */
export function comparable(d: Disclosure): unknown {
  return JSON.parse(JSON.stringify(d, (k, v) => (k === 'loc' || k === 'source' || k === 'label' ? undefined : v)));
}

/** Every figure (an object with raw text and a value) in the model, with its path. */
export function figuresOf(node: unknown, path = '', out: [string, Figure][] = []): [string, Figure][] {
  if (Array.isArray(node)) node.forEach((v, i) => figuresOf(v, `${path}[${i}]`, out));
  else if (node && typeof node === 'object' && !(node instanceof Money)) {
    const o = node as Record<string, unknown>;
    if ('raw' in o && 'value' in o && 'loc' in o) out.push([path, o as unknown as Figure]);
    for (const [k, v] of Object.entries(o)) if (k !== 'loc') figuresOf(v, `${path}.${k}`, out);
  }
  return out;
}
