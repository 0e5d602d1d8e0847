/**
 * The store: one interface over SQLite (default, a file under ./data) and PostgreSQL (a URL).
 * Import and the HTTP API use only this.
 */
import * as aggregates from './aggregates.js';
import * as documents from './documents.js';
import { lineItems, type LineItemFilter, type TidyRow } from './export.js';
import type { DocumentFilter, Page } from './filters.js';
import { transparencyRanking, type TransparencyRanking } from './transparency.js';
import type { TransparencyProfile } from '../region/transparency.js';
export type { TransparencyRanking, TransparencyRow } from './transparency.js';
import { importLedger, ledgerReport, type LedgerReport } from './ledger.js';
import { comparisonSides, findDisclosure, resolveComparison, type CompareQuery } from './compare.js';
import { compareSides, type Comparison } from '../region/compare.js';
export { CompareError, DEFAULT_TABLES, type CompareQuery } from './compare.js';
import type { LedgerUnitInput } from '../region/ledger-input.js';
export { KIND_NAMES, LEDGER_STATUS_NAMES, DEADLINE_DAYS, type LedgerRow, type LedgerReport } from './ledger.js';
import { fillEntityKeys, listAliases, mergeEntities, splitEntity } from './entities.js';
export { EntityEditError, type AliasRow } from './entities.js';
import { openConnection, type Connection, type OpenOptions } from './open.js';
import type { DocumentRecord } from './record.js';
import * as review from './review.js';
import * as verdicts from './verdicts.js';
import { Accounts } from './accounts.js';
export { Accounts, AccountError, type User, type TokenInfo, type AuditEntry, type AuditRow, type AuditFilter } from './accounts.js';
import { search, type SearchOptions, type SearchResult } from './search.js';
import { inWriteTransaction, saveCombined, saveRecord, type SaveResult } from './write.js';
import { ImportJobs } from './jobs.js';
import { documentTables, tableRows } from './tables.js';
export type { TableSummary, TableRowValues } from './tables.js';
export { ImportJobs, JOB_STATUSES, type JobStatus, type JobOutcome, type BatchProgress, type JobFailure, type ClaimedJob } from './jobs.js';
import { partFiles, type PartFile } from './parts.js';
export type { PartFile } from './parts.js';

export { backupStore, restoreStore, type BackupResult } from './backup.js';
export { DEFAULT_DB_PATH, StoreError, resolveDb, isPostgresUrl, postgresTarget, type OpenOptions } from './open.js';
export { toRecord, resultJson, type DocumentRecord, type FileMeta } from './record.js';
export type { SaveResult } from './write.js';
export type { DocumentFilter, Page } from './filters.js';
export type { LineItemFilter, TidyRow } from './export.js';
export { csvChunks, jsonChunks, TIDY_COLUMNS } from './export.js';
export type { SearchResult, SearchHit, SearchOptions } from './search.js';
export type { DocumentSummary, VersionSummary, Original, EntityRow } from './documents.js';
export type { ReviewFilter, ReviewSort, ReviewList, ReviewFacets } from './review.js';
export { REVIEW_SORTS } from './review.js';
export { VerdictError, type Verdict, type VerdictStatus, type VerdictExportRow } from './verdicts.js';
export type { ClassQuery, ClassRow, ThreePublicRow, BasicProjectRow, TimelineRow } from './aggregates.js';

export class Store {
  private constructor(readonly conn: Connection) {}

  /** Opens (and creates or migrates) the store `options.db` names; see `resolveDb` for the default. */
  static async open(options: OpenOptions = {}): Promise<Store> {
    const conn = await openConnection(options);
    // A store written before the region migration gets its entity keys now (application code).
    if (options.migrate !== false) await fillEntityKeys(conn);
    return new Store(conn);
  }

  /** Accounts, sessions, API tokens and the audit log of a shared server. */
  get accounts(): Accounts {
    return new Accounts(this.conn);
  }

  get dialect(): Connection['dialect'] {
    return this.conn.dialect;
  }

  get location(): string {
    return this.conn.location;
  }

  close(): Promise<void> {
    return this.conn.close();
  }

  /** Writes one checked file in one transaction; a file already stored (same sha256) is a no-op. */
  save(record: DocumentRecord, original: Buffer, after?: Parameters<typeof saveRecord>[3]): Promise<SaveResult> {
    return saveRecord(this.conn, record, original, after);
  }

  /** Files queued for import by `gongkai worker`s (src/queue/). */
  get importJobs(): ImportJobs {
    return new ImportJobs(this.conn);
  }

  /** The files holding a document's parts now, the 说明's first; null when one file holds everything. */
  partFiles(documentId: number): Promise<PartFile[] | null> {
    return partFiles(this.conn, documentId);
  }

  /** Saves the check of a document's parts together as the version joining `combines` (write.ts). */
  saveCombined(documentId: number, record: DocumentRecord, combines: number[]): Promise<SaveResult> {
    return saveCombined(this.conn, documentId, record, combines);
  }

  findBySha256(sha256: string) {
    return documents.findVersionBySha(this.conn, sha256);
  }

  listDocuments(filter: DocumentFilter = {}, page: Page = {}) {
    return documents.listDocuments(this.conn, filter, page);
  }

  documentJson(id: number, version?: number): Promise<string | null> {
    return documents.documentJson(this.conn, id, version);
  }

  /** The same JSON, gzipped as stored (for clients that accept gzip). */
  documentJsonGz(id: number, version?: number): Promise<Buffer | null> {
    return documents.documentJsonGz(this.conn, id, version);
  }

  versions(id: number) {
    return documents.listVersions(this.conn, id);
  }

  findingsJson(id: number, options: { version?: number; severity?: string; limit?: number; offset?: number } = {}) {
    return documents.findingsJson(this.conn, id, options);
  }

  /** The document's standard tables with their counts of rows (stated figures). */
  tables(id: number, version?: number) {
    return documentTables(this.conn, id, version);
  }

  /** A page of one table's rows, with their figures by column. */
  tableRows(id: number, table: number, options: { version?: number; limit: number; offset: number }) {
    return tableRows(this.conn, id, table, options);
  }

  original(id: number, version?: number) {
    return documents.original(this.conn, id, version);
  }

  entities(filter: { q?: string; region?: string } = {}, page: Page = {}) {
    return documents.listEntities(this.conn, filter, page);
  }

  entity(id: number) {
    return documents.getEntity(this.conn, id);
  }

  /** Which name keys mean which entity (all, or one entity's). */
  aliases(entityId?: number) {
    return listAliases(this.conn, entityId);
  }

  /** A reviewer says two entities are one department: `from` goes into `into`. */
  mergeEntities(from: number, into: number): Promise<void> {
    return inWriteTransaction(this.conn, (trx) => mergeEntities(trx, this.conn.dialect, from, into));
  }

  /** A reviewer says a name is a department of its own: returns the new entity's id. */
  splitEntity(entityId: number, name: string): Promise<number> {
    return inWriteTransaction(this.conn, (trx) => splitEntity(trx, this.conn.dialect, entityId, name));
  }

  /** Adds or replaces units of the list of those that must publish. */
  importLedger(units: LedgerUnitInput[]): Promise<number> {
    return importLedger(this.conn, units);
  }

  /** Who should have published, who did and when, what is missing or late. */
  ledger(filter: { year?: number; region?: string } = {}): Promise<LedgerReport> {
    return ledgerReport(this.conn, filter);
  }

  /** Transparency scores of the disclosures the filter selects, ranked, and the region's mean. */
  transparency(filter: DocumentFilter, profile: TransparencyProfile): Promise<TransparencyRanking> {
    return transparencyRanking(this.conn, filter, profile);
  }

  /** The disclosure of an entity, year and kind (汇总 before 本级), or null. */
  findDisclosure(entityId: number, year: number, kind: string): Promise<number | null> {
    return findDisclosure(this.conn, entityId, year, kind);
  }

  /** Disclosures compared line by line (region/compare.ts): one table kind and column of each, matched by code. */
  async compare(q: CompareQuery): Promise<Comparison & { table: string; measure: string }> {
    const ids = await resolveComparison(this.conn, q);
    const { table, measure, sides } = await comparisonSides(this.conn, ids, q);
    return { table, measure, ...compareSides(sides) };
  }

  search(q: string, page: Page = {}, options: SearchOptions = {}): Promise<SearchResult> {
    return search(this.conn, q, page, undefined, options);
  }

  byClass(q: aggregates.ClassQuery) {
    return aggregates.byClass(this.conn, q);
  }

  threePublicByYear(filter: DocumentFilter = {}) {
    return aggregates.threePublicByYear(this.conn, filter);
  }

  basicVsProject(filter: DocumentFilter = {}) {
    return aggregates.basicVsProject(this.conn, filter);
  }

  entityTimeline(entityId: number) {
    return aggregates.entityTimeline(this.conn, entityId);
  }

  lineItems(filter: LineItemFilter = {}): AsyncGenerator<TidyRow> {
    return lineItems(this.conn, filter);
  }

  /** Documents with their finding counts for the reviewer's dashboard (region prefix, rule, sorting). */
  reviewList(filter: review.ReviewFilter = {}, sort: { by?: review.ReviewSort; order?: 'asc' | 'desc' } = {}, page: Page = {}) {
    return review.reviewList(this.conn, filter, sort, page);
  }

  reviewFacets() {
    return review.reviewFacets(this.conn);
  }

  /** Reviewers' verdicts (confirmed / dismissed, with reasons) on a version's findings. */
  verdicts(documentId: number, version?: number) {
    return verdicts.listVerdicts(this.conn, documentId, version);
  }

  setVerdict(documentId: number, index: number, input: Parameters<typeof verdicts.setVerdict>[3]) {
    return verdicts.setVerdict(this.conn, documentId, index, input);
  }

  clearVerdict(documentId: number, index: number, version?: number) {
    return verdicts.clearVerdict(this.conn, documentId, index, version);
  }

  exportVerdicts(filter: { documentId?: number } = {}) {
    return verdicts.exportVerdicts(this.conn, filter);
  }
}
