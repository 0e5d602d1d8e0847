/**
 * Aggregates over current versions, summed as decimals in the database (PostgreSQL NUMERIC `sum`,
 * SQLite's registered `dsum`), so the totals are exact whatever the number of documents.
 */
import { sql, type RawBuilder } from 'kysely';
import { Money } from '../model/money.js';
import type { Connection } from './open.js';
import { documentConditions, type DocumentFilter } from './filters.js';
import { SUMMARY_COLUMNS, type SummaryColumn } from './migrations.js';

function dsum(conn: Connection, column: string): RawBuilder<string | null> {
  const fn = sql.raw(conn.dialect === 'sqlite' ? 'dsum' : 'sum');
  return sql<string | null>`${fn}(${sql.ref(column)})`;
}

function toMoney(v: string | number | null | undefined): Money | null {
  return v === null || v === undefined ? null : new Money(v);
}

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
  const rows = await conn.db
    .selectFrom('line_items as li')
    .innerJoin('documents as d', 'd.current_version_id', 'li.version_id')
    .leftJoin('entities as e', 'e.id', 'li.entity_id')
    .where((eb) =>
      eb.and([
        eb('li.classification', '=', q.classification),
        eb('li.level', '=', 'class'),
        eb('li.table_kind', '=', table),
        eb('li.measure', '=', q.measure ?? 'total'),
        ...documentConditions(conn.dialect, q, eb),
      ]),
    )
    .select((eb) => [
      'li.kind',
      'li.year',
      'li.code',
      eb.fn.min('li.row_name').as('name'),
      dsum(conn, 'li.amount').as('amount'),
      eb.fn.count('li.entity_id').distinct().as('entities'),
      eb.fn.count('li.document_id').distinct().as('documents'),
    ])
    .groupBy(['li.kind', 'li.year', 'li.code'])
    .orderBy('li.kind')
    .orderBy('li.year')
    .orderBy('li.code')
    .execute();
  return rows.map((r) => ({
    kind: r.kind,
    year: r.year,
    code: r.code ?? '',
    name: r.name ?? '',
    amount: toMoney(r.amount) ?? new Money(0),
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

/** 三公 by year (and kind), summed over the documents the filter selects. */
export async function threePublicByYear(conn: Connection, filter: DocumentFilter): Promise<ThreePublicRow[]> {
  const rows = await conn.db
    .selectFrom('documents as d')
    .innerJoin('versions as v', 'v.id', 'd.current_version_id')
    .leftJoin('entities as e', 'e.id', 'd.entity_id')
    .where((eb) => eb.and(documentConditions(conn.dialect, filter, eb)))
    .select((eb) => [
      'd.kind',
      'd.year',
      eb.fn.count('v.tp_total').as('documents'),
      dsum(conn, 'v.tp_total').as('total'),
      dsum(conn, 'v.tp_abroad').as('abroad'),
      dsum(conn, 'v.tp_vehicle').as('vehicle'),
      dsum(conn, 'v.tp_vehicle_purchase').as('vehicle_purchase'),
      dsum(conn, 'v.tp_vehicle_operation').as('vehicle_operation'),
      dsum(conn, 'v.tp_reception').as('reception'),
    ])
    .groupBy(['d.kind', 'd.year'])
    .orderBy('d.kind')
    .orderBy('d.year')
    .execute();
  return rows.map((r) => ({
    kind: r.kind,
    year: r.year,
    documents: Number(r.documents),
    total: toMoney(r.total),
    abroad: toMoney(r.abroad),
    vehicle: toMoney(r.vehicle),
    vehiclePurchase: toMoney(r.vehicle_purchase),
    vehicleOperation: toMoney(r.vehicle_operation),
    reception: toMoney(r.reception),
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

/** 基本支出 vs 项目支出 by entity and year. */
export async function basicVsProject(conn: Connection, filter: DocumentFilter): Promise<BasicProjectRow[]> {
  const rows = await conn.db
    .selectFrom('documents as d')
    .innerJoin('versions as v', 'v.id', 'd.current_version_id')
    .leftJoin('entities as e', 'e.id', 'd.entity_id')
    .where((eb) => eb.and(documentConditions(conn.dialect, filter, eb)))
    .select([
      'e.id as entity_id',
      'e.name',
      'e.region',
      'd.year',
      'd.kind',
      dsum(conn, 'v.expenditure_total').as('expenditure_total'),
      dsum(conn, 'v.basic_expenditure').as('basic'),
      dsum(conn, 'v.personnel_expenditure').as('personnel'),
      dsum(conn, 'v.public_expenditure').as('public'),
      dsum(conn, 'v.project_expenditure').as('project'),
    ])
    .groupBy(['e.id', 'e.name', 'e.region', 'd.year', 'd.kind'])
    .orderBy('e.name')
    .orderBy('d.year')
    .orderBy('d.kind')
    .execute();
  return rows.map((r) => ({
    entityId: r.entity_id,
    entity: r.name,
    region: r.region,
    year: r.year,
    kind: r.kind,
    expenditureTotal: toMoney(r.expenditure_total),
    basic: toMoney(r.basic),
    personnel: toMoney(r.personnel),
    public: toMoney(r.public),
    project: toMoney(r.project),
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
