/**
 * Row types of the database, for Kysely. One schema for SQLite and PostgreSQL (see migrations/).
 * Amounts are decimal strings on both back ends: TEXT in SQLite, NUMERIC in PostgreSQL (which the
 * `pg` driver returns as strings); they are turned into `Money` where they leave the store.
 */
import type { Generated, Insertable, Selectable } from 'kysely';

/** The two back ends; where they differ, code asks this. */
export type Dialect = 'sqlite' | 'postgres';

/** Headline amounts of a version, in the order of `Summary` (see record.ts). */
export const SUMMARY_COLUMNS = [
  'revenue_total',
  'expenditure_total',
  'basic_expenditure',
  'personnel_expenditure',
  'public_expenditure',
  'project_expenditure',
  'operating_costs',
  'tp_total',
  'tp_abroad',
  'tp_vehicle',
  'tp_vehicle_purchase',
  'tp_vehicle_operation',
  'tp_reception',
  'procurement_total',
  'assets_total',
] as const;
export type SummaryColumn = (typeof SUMMARY_COLUMNS)[number];

/** A decimal amount as text (万元 unless the measure is a count or a percentage). */
export type Amount = string;

export interface EntityTable {
  id: Generated<number>;
  name: string;
  region: string | null;
  level: string | null;
  /** 预算单位编码, when a document printed one. */
  code: string | null;
  /** The matching key of the name (region/names.ts); null until the store has filled it. */
  key: string | null;
  /** GB/T 2260 code of the most specific division known, and the names of each level. */
  division: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  /** The department a unit belongs to, as a document names it, and its entity when stored. */
  parent_name: string | null;
  parent_id: number | null;
}

export interface EntityAliasTable {
  /** A name's matching key. */
  alias: string;
  entity_id: number;
  source: 'auto' | 'reviewer';
  created_at: string;
}

/** Which version holds each part of a disclosure now (see store/parts.ts). */
export interface DocumentPartTable {
  document_id: number;
  part: string;
  version_id: number;
}

export interface LedgerUnitTable {
  id: Generated<number>;
  year: number;
  region: string;
  department: string;
  unit: string;
  level: string | null;
  kinds: string;
  approved_on: string | null;
  published_on: string | null;
  unit_key: string;
  imported_at: string;
}

/** A document is what entity + year + kind identify; each file for it is a version. */
export interface DocumentTable {
  id: Generated<number>;
  /** `entity|year|kind` when all three are known, else `sha256:<hash>` (the file stands alone). */
  key: string;
  entity_id: number | null;
  year: number | null;
  kind: string;
  current_version_id: number | null;
  version_count: number;
  /** `own` (本级) or `all` (the department's 汇总, or a unit's own budget). */
  scope: string | null;
  created_at: string;
  updated_at: string;
}

export interface VersionTable {
  id: Generated<number>;
  document_id: number;
  version: number;
  sha256: string;
  /** The uploaded or imported file's base name, for display and download only (never a path). */
  file_name: string;
  /** Path as given to the import (absent for uploads). */
  source_path: string | null;
  format: string;
  size: number;
  pages: number | null;
  title: string | null;
  imported_at: string;
  /** The entity name and scope as this file printed them, and the parts it holds (comma-separated). */
  entity_name: string | null;
  scope: string | null;
  parts: string | null;
  /** A check of several files together: the ids of the versions it joins, comma-separated, in reading order. */
  combines: string | null;
  /** The date the document states (YYYY-MM-DD), when it prints one. */
  stated_on: string | null;
  errors: number;
  warnings: number;
  infos: number;
  revenue_total: Amount | null;
  expenditure_total: Amount | null;
  basic_expenditure: Amount | null;
  personnel_expenditure: Amount | null;
  public_expenditure: Amount | null;
  project_expenditure: Amount | null;
  operating_costs: Amount | null;
  tp_total: Amount | null;
  tp_abroad: Amount | null;
  tp_vehicle: Amount | null;
  tp_vehicle_purchase: Amount | null;
  tp_vehicle_operation: Amount | null;
  tp_reception: Amount | null;
  procurement_total: Amount | null;
  assets_total: Amount | null;
  /**
   * The check result ({ document, findings }) as `gongkai check --format json` prints it, gzipped:
   * a 300 KB result is 25 KB compressed, and the API can send it to gzip-capable clients as is.
   */
  result_gz: Buffer;
  /** What the transparency score reads of the result (region/transparency.ts scoreInputOf), gzipped JSON; null in rows stored before. */
  score_gz: Buffer | null;
}

/** File bytes, kept apart from `versions` so listing and aggregates never page through them. */
export interface OriginalTable {
  sha256: string;
  bytes: Buffer;
}

export interface LineItemTable {
  id: Generated<number>;
  version_id: number;
  document_id: number;
  entity_id: number | null;
  year: number | null;
  kind: string;
  table_index: number;
  table_kind: string;
  table_title: string;
  classification: string | null;
  code: string | null;
  /** class / section / item (类/款/项), from the row or the code's length. */
  level: string | null;
  row_index: number;
  row_name: string;
  row_role: string;
  side: string | null;
  measure: string;
  amount: Amount;
}

export interface ProjectTable {
  id: Generated<number>;
  version_id: number;
  document_id: number;
  entity_id: number | null;
  year: number | null;
  /** `target` (绩效目标表 of a budget) or `self-evaluation`. */
  source: string;
  name: string;
  code: string | null;
  unit: string | null;
  budget: Amount | null;
  fiscal_funds: Amount | null;
  other_funds: Amount | null;
  executed: Amount | null;
  score: Amount | null;
}

export interface IndicatorTable {
  id: Generated<number>;
  project_id: number;
  version_id: number;
  level1: string;
  level2: string;
  level3: string;
  target: string;
  actual: string | null;
  weight: Amount | null;
  score: Amount | null;
}

export interface FindingTable {
  id: Generated<number>;
  version_id: number;
  document_id: number;
  rule: string;
  severity: string;
  message: string;
  location: string;
  /** The finding exactly as in the check result. */
  finding_json: string;
}

/**
 * What search looks in, one row per document for its current version: each field's texts joined
 * by newlines (a query term never holds whitespace, so no match spans two texts). SQLite indexes
 * it with FTS5 (trigram over the four fields, plus `search_grams` for 1–2 character terms);
 * PostgreSQL with pg_trgm over the fields and a GIN over `grams`.
 */
export interface SearchDocTable {
  document_id: number;
  version_id: number;
  entity: string;
  title: string;
  project: string;
  paragraph: string;
  /** PostgreSQL only: the character unigrams and bigrams of each field (see grams.ts), as a tsvector. */
  grams?: string;
}

/**
 * Amounts by 类 (3-digit class) of each current document, one row per table, column and code,
 * summed within the document: what the class aggregate adds up, without reading line items.
 */
export interface ClassTotalTable {
  id: Generated<number>;
  document_id: number;
  version_id: number;
  entity_id: number | null;
  year: number | null;
  kind: string;
  classification: string;
  table_kind: string;
  measure: string;
  code: string | null;
  name: string;
  amount: Amount;
  /** The amount in millionths (万元 × 10⁶) when that is an exact safe integer, else null. */
  amount_units: number | null;
}

/** Headline amounts of each current document, with the same amounts as integers for native sums. */
export type SummaryTotalTable = {
  document_id: number;
  version_id: number;
  entity_id: number | null;
  year: number | null;
  kind: string;
} & Record<SummaryColumn, Amount | null> &
  Record<`${SummaryColumn}_units`, number | null>;

export interface Database {
  entities: EntityTable;
  entity_aliases: EntityAliasTable;
  document_parts: DocumentPartTable;
  ledger_units: LedgerUnitTable;
  documents: DocumentTable;
  versions: VersionTable;
  originals: OriginalTable;
  line_items: LineItemTable;
  projects: ProjectTable;
  indicators: IndicatorTable;
  findings: FindingTable;
  search_docs: SearchDocTable;
  class_totals: ClassTotalTable;
  summary_totals: SummaryTotalTable;
}

export type NewLineItem = Insertable<LineItemTable>;
export type VersionRow = Selectable<VersionTable>;
export type DocumentRow = Selectable<DocumentTable>;
