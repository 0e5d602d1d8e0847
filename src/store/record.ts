/**
 * What the store writes for one checked file, flattened from the model: computed where the file
 * was checked (an import worker, or the API request) so the writer only inserts rows.
 * Plain data only (strings and numbers), so it crosses worker threads by structured clone.
 */
import { gzipSync } from 'node:zlib';
import type { CheckResult } from '../pipeline.js';
import type { Disclosure, Figure, Finding, Summary } from '../model/disclosure.js';
import { Money } from '../model/money.js';
import { statedDate } from '../region/dates.js';
import { scoreInputOf } from '../region/transparency.js';
import { gramsOf, searchFold, type SearchField } from './grams.js';
import type { SummaryColumn } from './schema.js';

export interface FileMeta {
  sha256: string;
  /** Display name: a base name only, never used as a path. */
  fileName: string;
  /** Path as given to the import; null for uploads. */
  sourcePath: string | null;
  size: number;
}

export interface LineItemRecord {
  tableIndex: number;
  tableKind: string;
  tableTitle: string;
  classification: string | null;
  code: string | null;
  level: string | null;
  rowIndex: number;
  rowName: string;
  rowRole: string;
  side: string | null;
  measure: string;
  amount: string;
}

export interface IndicatorRecord {
  level1: string;
  level2: string;
  level3: string;
  target: string;
  actual: string | null;
  weight: string | null;
  score: string | null;
}

export interface ProjectRecord {
  source: 'target' | 'self-evaluation';
  name: string;
  code: string | null;
  unit: string | null;
  budget: string | null;
  fiscalFunds: string | null;
  otherFunds: string | null;
  executed: string | null;
  score: string | null;
  indicators: IndicatorRecord[];
}

export interface FindingRecord {
  rule: string;
  severity: string;
  message: string;
  location: string;
  json: string;
}

export interface SearchRecord {
  field: SearchField;
  text: string;
}

/** A document's amount for one 类 code in one table column, its rows of that code added up. */
export interface ClassTotalRecord {
  classification: string;
  tableKind: string;
  measure: string;
  code: string | null;
  name: string;
  amount: string;
}

export interface DocumentRecord {
  file: FileMeta;
  format: string;
  pages: number | null;
  kind: string;
  year: number | null;
  title: string | null;
  entity: { name: string | null; region: string | null; level: string | null; code: string | null; scope: string | null; parent: string | null };
  /**
   * The parts of a disclosure this file holds: `table:<kind>` for each standard table it prints,
   * `narrative` (the 说明), `targets` (绩效目标表), `self-evaluation`. A later file of the same
   * disclosure replaces only the parts it holds too (see store/parts.ts).
   */
  parts: string[];
  /** The date the document states as its own (YYYY-MM-DD), when it prints one. */
  statedOn: string | null;
  summary: Record<SummaryColumn, string | null>;
  counts: { error: number; warning: number; info: number };
  /** The check result as `gongkai check --format json` writes it, gzipped: what GET /api/documents/:id returns. */
  jsonGz: Uint8Array;
  /** What the transparency score reads of the result, gzipped JSON (scoring a region parses this, not jsonGz). */
  scoreGz: Uint8Array;
  findings: FindingRecord[];
  lineItems: LineItemRecord[];
  projects: ProjectRecord[];
  search: SearchRecord[];
  /** Index tokens of the search texts for one- and two-character queries (see grams.ts). */
  grams: string;
  classTotals: ClassTotalRecord[];
}

/**
 * The JSON text of one check result exactly as `gongkai check --format json` prints it for one
 * file (src/cli/check.ts: two-space indent, then a newline), so the API can return it verbatim.
 */
export function resultJson(result: CheckResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}

export function toRecord(result: CheckResult, file: FileMeta): DocumentRecord {
  const d = result.document;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of result.findings) counts[f.severity]++;
  const items = lineItems(d);
  const search = searchTexts(d);
  return {
    file,
    format: d.source.format,
    pages: d.source.pages ?? null,
    kind: d.kind,
    year: d.year,
    title: d.title,
    entity: {
      name: clean(d.entity.name),
      region: clean(d.entity.region),
      level: d.entity.level,
      code: clean(d.entity.code),
      scope: d.entity.scope ?? null,
      parent: clean(d.entity.parent),
    },
    parts: partsOf(d),
    statedOn: statedDate(d),
    summary: summaryColumns(d.summary),
    counts,
    // The stored result names the file by its base name only: where it was imported from (an
    // absolute path on the importing machine) is nobody's business who reads it through the API.
    scoreGz: gzipSync(JSON.stringify(scoreInputOf(result))),
    jsonGz: gzipSync(resultJson({ ...result, document: { ...d, source: { ...d.source, path: file.fileName } } })),
    findings: result.findings.map(findingRecord),
    lineItems: items,
    projects: projects(d),
    search,
    grams: gramsOf(search),
    classTotals: classTotals(items),
  };
}

/** A decimal's canonical text: never exponent notation, no trailing zeros beyond what it holds. */
export function decimalText(v: Money | number | string): string {
  return (v instanceof Money ? v : new Money(v)).toFixed();
}

function amountOf(v: Money | number | null | undefined): string | null {
  return v === null || v === undefined ? null : decimalText(v);
}

function figure(f: Figure | null | undefined): string | null {
  return f?.value ? decimalText(f.value) : null;
}

function summaryColumns(s: Summary): Record<SummaryColumn, string | null> {
  const t = s.threePublic;
  return {
    revenue_total: amountOf(s.revenueTotal),
    expenditure_total: amountOf(s.expenditureTotal),
    basic_expenditure: amountOf(s.basicExpenditure),
    personnel_expenditure: amountOf(s.personnelExpenditure),
    public_expenditure: amountOf(s.publicExpenditure),
    project_expenditure: amountOf(s.projectExpenditure),
    operating_costs: amountOf(s.operatingCosts),
    tp_total: amountOf(t.total),
    tp_abroad: amountOf(t.abroad),
    tp_vehicle: amountOf(t.vehicle),
    tp_vehicle_purchase: amountOf(t.vehiclePurchase),
    tp_vehicle_operation: amountOf(t.vehicleOperation),
    tp_reception: amountOf(t.reception),
    procurement_total: amountOf(s.procurementTotal),
    assets_total: amountOf(s.assetsTotal),
  };
}

function findingRecord(f: Finding): FindingRecord {
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    location: JSON.stringify(f.location ?? {}),
    json: JSON.stringify(f),
  };
}

const LEVEL_BY_LENGTH: Record<number, string> = { 3: 'class', 5: 'section', 7: 'item' };

function lineItems(d: Disclosure): LineItemRecord[] {
  const out: LineItemRecord[] = [];
  d.tables.forEach((t, tableIndex) => {
    t.rows.forEach((r, rowIndex) => {
      const code = clean(r.code);
      const level = r.level ?? (code && /^\d+$/.test(code) ? (LEVEL_BY_LENGTH[code.length] ?? null) : null);
      for (const [measure, fig] of Object.entries(r.values)) {
        // A blank cell is "not stated", not zero: it has no line item.
        if (!fig?.value) continue;
        out.push({
          tableIndex,
          tableKind: t.kind,
          tableTitle: t.title,
          classification: t.classification,
          code,
          level,
          rowIndex,
          rowName: r.name,
          rowRole: r.role,
          side: r.side ?? null,
          measure,
          amount: decimalText(fig.value),
        });
      }
    });
  });
  return out;
}

/**
 * 类 rows per table kind and column, added up within the document (a code may be printed on two
 * rows). Only the first table of each kind and classification counts: a document that prints the
 * same table twice (江苏: 财政拨款支出预算表 and 一般公共预算支出预算表, both by function) states
 * its figures once.
 */
export function classTotals(
  items: (Pick<LineItemRecord, 'level' | 'classification' | 'tableKind' | 'measure' | 'code' | 'rowName' | 'amount'> & { tableIndex?: number })[],
): ClassTotalRecord[] {
  const first = new Map<string, number>();
  for (const li of items) {
    if (li.level !== 'class' || !li.classification) continue;
    const k = `${li.classification}|${li.tableKind}`;
    if (!first.has(k) || (li.tableIndex ?? 0) < first.get(k)!) first.set(k, li.tableIndex ?? 0);
  }
  const out = new Map<string, ClassTotalRecord & { sum: Money }>();
  for (const li of items) {
    if (li.level !== 'class' || !li.classification) continue;
    if (first.get(`${li.classification}|${li.tableKind}`) !== (li.tableIndex ?? 0)) continue;
    const key = JSON.stringify([li.classification, li.tableKind, li.measure, li.code]);
    const hit = out.get(key);
    if (hit) {
      hit.sum = hit.sum.plus(li.amount);
      if (li.rowName < hit.name) hit.name = li.rowName;
    } else {
      out.set(key, { classification: li.classification, tableKind: li.tableKind, measure: li.measure, code: li.code, name: li.rowName, amount: '', sum: new Money(li.amount) });
    }
  }
  return [...out.values()].map(({ sum, ...t }) => ({ ...t, amount: decimalText(sum) }));
}

function projects(d: Disclosure): ProjectRecord[] {
  const out: ProjectRecord[] = d.projects.map((p) => ({
    source: 'target' as const,
    name: p.name,
    code: p.code,
    unit: p.unit,
    budget: figure(p.budget),
    fiscalFunds: figure(p.fiscalFunds),
    otherFunds: figure(p.otherFunds),
    executed: null,
    score: null,
    indicators: p.indicators.map(indicator),
  }));
  for (const p of d.selfEvaluation?.projects ?? []) {
    out.push({
      source: 'self-evaluation',
      name: p.name,
      code: null,
      unit: p.unit,
      budget: figure(p.budget),
      fiscalFunds: figure(p.budgetFiscal),
      otherFunds: null,
      executed: figure(p.executed),
      score: figure(p.totalScore),
      indicators: p.indicators.map(indicator),
    });
  }
  return out;
}

function indicator(i: Disclosure['projects'][number]['indicators'][number]): IndicatorRecord {
  return {
    level1: i.level1,
    level2: i.level2,
    level3: i.level3,
    target: i.target.raw,
    actual: i.actual?.raw ?? null,
    weight: amountOf(i.weight),
    score: figure(i.score),
  };
}

/** See `DocumentRecord.parts`. Reads only what a check result's JSON has too (no Money arithmetic). */
export function partsOf(d: Pick<Disclosure, 'tables' | 'claims' | 'paragraphs' | 'projects' | 'selfEvaluation'>): string[] {
  const parts = new Set<string>();
  for (const t of d.tables) parts.add(`table:${t.kind}`);
  // A tables-only file has titles and notes but states no figure in prose.
  if (d.claims.length > 0 || (d.tables.length === 0 && d.paragraphs.length > 0)) parts.add('narrative');
  if (d.projects.length > 0) parts.add('targets');
  if (d.selfEvaluation) parts.add('self-evaluation');
  if (parts.size === 0) parts.add('narrative');
  return [...parts].sort();
}

export function searchTexts(d: Pick<Disclosure, 'entity' | 'title' | 'projects' | 'selfEvaluation' | 'paragraphs'>): SearchRecord[] {
  const out: SearchRecord[] = [];
  const add = (field: SearchRecord['field'], text: string | null | undefined) => {
    const t = text ? searchFold(text).trim() : '';
    if (t) out.push({ field, text: t });
  };
  add('entity', d.entity.name);
  add('title', d.title);
  const names = new Set([...d.projects.map((p) => p.name), ...(d.selfEvaluation?.projects ?? []).map((p) => p.name)]);
  for (const n of names) add('project', n);
  for (const p of d.paragraphs) add('paragraph', p.text);
  return out;
}

function clean(s: string | null | undefined): string | null {
  const t = s?.trim();
  return t ? t : null;
}
