/**
 * Aggregates over current versions, read from the per-document tables of current.ts (a few rows
 * per document, never the line items) and summed exactly: PostgreSQL adds NUMERIC; SQLite adds
 * integer units with its own `sum` (units.ts) and, should any amount lack units or the sum
 * overflow, runs the same query again adding the decimal text with `dsum`.
 */
import { sql, type RawBuilder } from 'kysely';
import { Money } from '../model/money.js';
import { isIntegerOverflow, type Connection } from './open.js';
import { documentConditions, type DocumentColumns, type DocumentFilter } from './filters.js';
import { SUMMARY_COLUMNS, type SummaryColumn } from './schema.js';
import { fromUnits } from './units.js';

/** How a query adds amounts: `units` (SQLite's integer sum) or `decimal` (NUMERIC sum / dsum). */
type SumMode = 'units' | 'decimal';

/** The sum of an amount column, read back with `sumValue`. */
function total(conn: Connection, mode: SumMode, column: string): RawBuilder<string | null> {
  if (mode === 'units') return sql<string | null>`CAST(sum(${sql.ref(`${column}_units`)}) AS TEXT)`;
  const fn = sql.raw(conn.dialect === 'sqlite' ? 'dsum' : 'sum');
  return sql<string | null>`${fn}(${sql.ref(column)})`;
}

/** Stated amounts without units in the group: if any, the units sum is not the whole total. */
function lacking(mode: SumMode, columns: string[]): RawBuilder<number> {
  if (mode === 'decimal') return sql<number>`0`;
  return sql<number>`${sql.join(columns.map((c) => sql`(count(${sql.ref(c)}) - count(${sql.ref(`${c}_units`)}))`), sql` + `)}`;
}

/** The same for a column that is never null: counted without reading it, so an index covers the query. */
function lackingNotNull(mode: SumMode, column: string): RawBuilder<number> {
  if (mode === 'decimal') return sql<number>`0`;
  return sql<number>`(count(*) - count(${sql.ref(`${column}_units`)}))`;
}

function sumValue(mode: SumMode, v: string | number | null | undefined): Money | null {
  if (v === null || v === undefined) return null;
  return mode === 'units' ? fromUnits(v) : new Money(v);
}

/** Runs an aggregate with integer units where they serve (SQLite), else with decimals. */
async function exactly<R extends { lacking: number | string }>(conn: Connection, run: (mode: SumMode) => Promise<R[]>): Promise<{ mode: SumMode; rows: R[] }> {
  if (conn.dialect === 'sqlite') {
    try {
      const rows = await run('units');
      if (rows.every((r) => Number(r.lacking) === 0)) return { mode: 'units', rows };
    } catch (e) {
      if (!isIntegerOverflow(e)) throw e;
    }
  }
  return { mode: 'decimal', rows: await run('decimal') };
}

function toMoney(v: string | number | null | undefined): Money | null {
  return v === null || v === undefined ? null : new Money(v);
}

const CLASS_COLUMNS: DocumentColumns = { entityId: 'ct.entity_id', year: 'ct.year', kind: 'ct.kind', versionId: 'ct.version_id', entities: false, documentId: 'ct.document_id', countOnce: true };
const SUMMARY_COLUMNS_OF: DocumentColumns = { entityId: 'st.entity_id', year: 'st.year', kind: 'st.kind', versionId: 'st.version_id', entities: false, documentId: 'st.document_id', countOnce: true };

export interface ClassQuery extends DocumentFilter {
  classification: 'functional' | 'economic';
  /** Which standard table to read; defaults: functional → expenditure (T3), economic → general-budget-basic (T6). */
  table?: string;
  /** Which column; default `total`. */
  measure?: string;
}

export interface ClassRow {
  kind: string;
  year: number | null;
  code: string;
  name: string;
  amount: Money;
  entities: number;
  documents: number;
}

export const DEFAULT_CLASS_TABLE = { functional: 'expenditure', economic: 'general-budget-basic' } as const;

/**
 * Amounts by 类 (3-digit class), per kind and year, across the entities the filter selects.
 * Only one table per document is summed, so codes repeated across tables are not counted twice.
 */
export async function byClass(conn: Connection, q: ClassQuery): Promise<ClassRow[]> {
  const table = q.table ?? DEFAULT_CLASS_TABLE[q.classification];
  const { mode, rows } = await exactly(conn, (mode) =>
    conn.db
      .selectFrom('class_totals as ct')
      .where((eb) =>
        eb.and([
          eb('ct.classification', '=', q.classification),
          eb('ct.table_kind', '=', table),
          eb('ct.measure', '=', q.measure ?? 'total'),
          ...documentConditions(conn.dialect, q, eb, CLASS_COLUMNS),
        ]),
      )
      .select((eb) => [
        'ct.kind',
        'ct.year',
        'ct.code',
        eb.fn.min('ct.name').as('name'),
        total(conn, mode, 'ct.amount').as('amount'),
        lackingNotNull(mode, 'ct.amount').as('lacking'),
        eb.fn.count('ct.entity_id').distinct().as('entities'),
        // One row per document and code (record.ts adds a code's rows up within the document).
        eb.fn.countAll().as('documents'),
      ])
      .groupBy(['ct.kind', 'ct.year', 'ct.code'])
      .orderBy('ct.kind')
      .orderBy('ct.year')
      .orderBy('ct.code')
      .execute(),
  );
  return rows.map((r) => ({
    kind: r.kind,
    year: r.year,
    code: r.code ?? '',
    name: r.name ?? '',
    amount: sumValue(mode, r.amount) ?? new Money(0),
    entities: Number(r.entities),
    documents: Number(r.documents),
  }));
}

export interface ThreePublicRow {
  kind: string;
  year: number | null;
  documents: number;
  total: Money | null;
  abroad: Money | null;
  vehicle: Money | null;
  vehiclePurchase: Money | null;
  vehicleOperation: Money | null;
  reception: Money | null;
}

const THREE_PUBLIC = ['st.tp_total', 'st.tp_abroad', 'st.tp_vehicle', 'st.tp_vehicle_purchase', 'st.tp_vehicle_operation', 'st.tp_reception'];

/** 三公 by year (and kind), summed over the documents the filter selects. */
export async function threePublicByYear(conn: Connection, filter: DocumentFilter): Promise<ThreePublicRow[]> {
  const { mode, rows } = await exactly(conn, (mode) =>
    conn.db
      .selectFrom('summary_totals as st')
      .where((eb) => eb.and(documentConditions(conn.dialect, filter, eb, SUMMARY_COLUMNS_OF)))
      .select((eb) => [
        'st.kind',
        'st.year',
        eb.fn.count('st.tp_total').as('documents'),
        total(conn, mode, 'st.tp_total').as('total'),
        total(conn, mode, 'st.tp_abroad').as('abroad'),
        total(conn, mode, 'st.tp_vehicle').as('vehicle'),
        total(conn, mode, 'st.tp_vehicle_purchase').as('vehicle_purchase'),
        total(conn, mode, 'st.tp_vehicle_operation').as('vehicle_operation'),
        total(conn, mode, 'st.tp_reception').as('reception'),
        lacking(mode, THREE_PUBLIC).as('lacking'),
      ])
      .groupBy(['st.kind', 'st.year'])
      .orderBy('st.kind')
      .orderBy('st.year')
      .execute(),
  );
  return rows.map((r) => ({
    kind: r.kind,
    year: r.year,
    documents: Number(r.documents),
    total: sumValue(mode, r.total),
    abroad: sumValue(mode, r.abroad),
    vehicle: sumValue(mode, r.vehicle),
    vehiclePurchase: sumValue(mode, r.vehicle_purchase),
    vehicleOperation: sumValue(mode, r.vehicle_operation),
    reception: sumValue(mode, r.reception),
  }));
}

export interface BasicProjectRow {
  entityId: number | null;
  entity: string | null;
  region: string | null;
  year: number | null;
  kind: string;
  expenditureTotal: Money | null;
  basic: Money | null;
  personnel: Money | null;
  public: Money | null;
  project: Money | null;
}

const BASIC_PROJECT = ['st.expenditure_total', 'st.basic_expenditure', 'st.personnel_expenditure', 'st.public_expenditure', 'st.project_expenditure'];

/** 基本支出 vs 项目支出 by entity and year. */
export async function basicVsProject(conn: Connection, filter: DocumentFilter): Promise<BasicProjectRow[]> {
  const { mode, rows } = await exactly(conn, (mode) =>
    conn.db
      .selectFrom('summary_totals as st')
      .leftJoin('entities as e', 'e.id', 'st.entity_id')
      .where((eb) => eb.and(documentConditions(conn.dialect, filter, eb, { ...SUMMARY_COLUMNS_OF, entities: true })))
      .select([
        'e.id as entity_id',
        'e.name',
        'e.region',
        'st.year',
        'st.kind',
        total(conn, mode, 'st.expenditure_total').as('expenditure_total'),
        total(conn, mode, 'st.basic_expenditure').as('basic'),
        total(conn, mode, 'st.personnel_expenditure').as('personnel'),
        total(conn, mode, 'st.public_expenditure').as('public'),
        total(conn, mode, 'st.project_expenditure').as('project'),
        lacking(mode, BASIC_PROJECT).as('lacking'),
      ])
      .groupBy(['e.id', 'e.name', 'e.region', 'st.year', 'st.kind'])
      .orderBy('e.name')
      .orderBy('st.year')
      .orderBy('st.kind')
      .execute(),
  );
  return rows.map((r) => ({
    entityId: r.entity_id,
    entity: r.name,
    region: r.region,
    year: r.year,
    kind: r.kind,
    expenditureTotal: sumValue(mode, r.expenditure_total),
    basic: sumValue(mode, r.basic),
    personnel: sumValue(mode, r.personnel),
    public: sumValue(mode, r.public),
    project: sumValue(mode, r.project),
  }));
}

const SUMMARY_KEYS: Record<SummaryColumn, string> = {
  revenue_total: 'revenueTotal',
  expenditure_total: 'expenditureTotal',
  basic_expenditure: 'basicExpenditure',
  personnel_expenditure: 'personnelExpenditure',
  public_expenditure: 'publicExpenditure',
  project_expenditure: 'projectExpenditure',
  operating_costs: 'operatingCosts',
  tp_total: 'threePublicTotal',
  tp_abroad: 'threePublicAbroad',
  tp_vehicle: 'threePublicVehicle',
  tp_vehicle_purchase: 'threePublicVehiclePurchase',
  tp_vehicle_operation: 'threePublicVehicleOperation',
  tp_reception: 'threePublicReception',
  procurement_total: 'procurementTotal',
  assets_total: 'assetsTotal',
};
export const TIMELINE_AMOUNTS = Object.values(SUMMARY_KEYS);

export interface TimelineRow {
  documentId: number;
  year: number | null;
  kind: string;
  version: number;
  title: string | null;
  findings: { error: number; warning: number; info: number };
  amounts: Record<string, Money | null>;
}

/** One entity across years: each of its documents with the headline amounts. */
export async function entityTimeline(conn: Connection, entityId: number): Promise<TimelineRow[]> {
  const rows = await conn.db
    .selectFrom('documents as d')
    .innerJoin('versions as v', 'v.id', 'd.current_version_id')
    .where('d.entity_id', '=', entityId)
    .select(['d.id', 'd.year', 'd.kind', 'v.version', 'v.title', 'v.errors', 'v.warnings', 'v.infos', ...SUMMARY_COLUMNS.map((c) => `v.${c}` as const)])
    .orderBy('d.year')
    .orderBy('d.kind')
    .execute();
  return rows.map((r) => ({
    documentId: r.id,
    year: r.year,
    kind: r.kind,
    version: r.version,
    title: r.title,
    findings: { error: r.errors, warning: r.warnings, info: r.infos },
    amounts: Object.fromEntries(SUMMARY_COLUMNS.map((c) => [SUMMARY_KEYS[c], toMoney(r[c])])),
  }));
}
