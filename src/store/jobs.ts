/**
 * Files queued for import (table of migration 202612070200_import_jobs): the store's side of the
 * job queue (src/queue/). A file's row is claimed by the worker that takes it up and finished in
 * the same transaction that stores its document, so a file retried after its worker was killed is
 * either already finished (the retry does nothing) or was never stored (the retry stores it once).
 */
import type { Generated, Kysely, Selectable } from 'kysely';
import type { Connection } from './open.js';

export const JOB_STATUSES = ['queued', 'active', 'imported', 'duplicate', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface ImportJobTable {
  id: Generated<number>;
  batch: string;
  sha256: string;
  file_name: string;
  source_path: string;
  size: number;
  bytes: Buffer | null;
  status: JobStatus;
  reason: string | null;
  document_id: number | null;
  version: number | null;
  attempts: Generated<number>;
  worker: string | null;
  created_at: string;
  updated_at: string;
}

type Tables = { import_jobs: ImportJobTable };

/** A file a worker has claimed: what it needs to check it. */
export interface ClaimedJob {
  id: number;
  batch: string;
  sha256: string;
  fileName: string;
  sourcePath: string;
  bytes: Buffer;
  attempts: number;
}

/** How a finished file ended. */
export type JobOutcome =
  | { status: 'imported' | 'duplicate'; documentId: number; version: number; reason?: string }
  | { status: 'failed'; reason: string };

export interface BatchProgress {
  batch: string;
  createdAt: string;
  updatedAt: string;
  total: number;
  queued: number;
  active: number;
  imported: number;
  duplicate: number;
  failed: number;
}

export interface JobFailure {
  id: number;
  batch: string;
  fileName: string;
  reason: string;
  attempts: number;
}

export class ImportJobs {
  constructor(private readonly conn: Connection) {}

  private get db() {
    return this.conn.db.withTables<Tables>();
  }

  /** The rows of a transaction (a Kysely of the store's tables) seen with this table's types. */
  static in(trx: Kysely<any>): Kysely<Tables> {
    return trx as Kysely<Tables>;
  }

  /** Adds one file to a batch; `trx` puts it in the caller's transaction (with its queue job). */
  static async add(
    trx: Kysely<any>,
    f: { batch: string; sha256: string; fileName: string; sourcePath: string; bytes: Buffer },
  ): Promise<number> {
    const now = new Date().toISOString();
    const row = await ImportJobs.in(trx)
      .insertInto('import_jobs')
      .values({
        batch: f.batch,
        sha256: f.sha256,
        file_name: f.fileName,
        source_path: f.sourcePath,
        size: f.bytes.length,
        bytes: f.bytes,
        status: 'queued',
        reason: null,
        document_id: null,
        version: null,
        worker: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** A file with these bytes waiting or being worked on (an enqueue of it again would be a second job). */
  async pendingBySha(sha256: string): Promise<{ id: number; batch: string } | undefined> {
    return this.db
      .selectFrom('import_jobs')
      .select(['id', 'batch'])
      .where('sha256', '=', sha256)
      .where('status', 'in', ['queued', 'active'])
      .executeTakeFirst();
  }

  /**
   * Takes up a file: counts the attempt and names the worker. Undefined when the file is already
   * finished (a job delivered again after its result was written) or unknown.
   */
  async claim(id: number, worker: string): Promise<ClaimedJob | undefined> {
    const row = await this.db
      .updateTable('import_jobs')
      .set((eb) => ({ status: 'active' as const, worker, attempts: eb('attempts', '+', 1), updated_at: new Date().toISOString() }))
      .where('id', '=', id)
      .where('status', 'in', ['queued', 'active'])
      .returning(['id', 'batch', 'sha256', 'file_name', 'source_path', 'bytes', 'attempts'])
      .executeTakeFirst();
    if (!row || !row.bytes) return undefined;
    return { id: row.id, batch: row.batch, sha256: row.sha256, fileName: row.file_name, sourcePath: row.source_path, bytes: row.bytes, attempts: row.attempts };
  }

  /** Records how a file ended and lets its bytes go (a stored file's bytes are in `originals`). */
  static async finish(trx: Kysely<any>, id: number, outcome: JobOutcome): Promise<void> {
    await ImportJobs.in(trx)
      .updateTable('import_jobs')
      .set({
        status: outcome.status,
        reason: outcome.reason ?? null,
        document_id: outcome.status === 'failed' ? null : outcome.documentId,
        version: outcome.status === 'failed' ? null : outcome.version,
        bytes: null,
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', id)
      .where('status', 'in', ['queued', 'active'])
      .execute();
  }

  finish(id: number, outcome: JobOutcome): Promise<void> {
    return ImportJobs.finish(this.conn.db, id, outcome);
  }

  /** How often an unfinished file was taken up; undefined once it is finished. */
  async unfinishedAttempts(id: number): Promise<number | undefined> {
    const row = await this.db.selectFrom('import_jobs').select('attempts').where('id', '=', id).where('status', 'in', ['queued', 'active']).executeTakeFirst();
    return row?.attempts;
  }

  /** Files not yet finished (in one batch, or in all). */
  async unfinished(batch?: string): Promise<number> {
    let q = this.db.selectFrom('import_jobs').select((eb) => eb.fn.countAll<number | string>().as('n')).where('status', 'in', ['queued', 'active']);
    if (batch) q = q.where('batch', '=', batch);
    return Number((await q.executeTakeFirstOrThrow()).n);
  }

  /** Counts per batch, newest batch first. */
  async progress(filter: { batch?: string } = {}, page: { limit?: number; offset?: number } = {}): Promise<{ total: number; batches: BatchProgress[] }> {
    let q = this.db
      .selectFrom('import_jobs')
      .select((eb) => ['batch', eb.fn.min('created_at').as('created_at'), eb.fn.max('updated_at').as('updated_at'), 'status', eb.fn.countAll<number | string>().as('n')])
      .groupBy(['batch', 'status']);
    if (filter.batch) q = q.where('batch', '=', filter.batch);
    const rows = await q.execute();
    const byBatch = new Map<string, BatchProgress>();
    for (const r of rows) {
      let b = byBatch.get(r.batch);
      if (!b) {
        b = { batch: r.batch, createdAt: r.created_at, updatedAt: r.updated_at, total: 0, queued: 0, active: 0, imported: 0, duplicate: 0, failed: 0 };
        byBatch.set(r.batch, b);
      }
      const n = Number(r.n);
      b.total += n;
      b[r.status] += n;
      if (r.created_at < b.createdAt) b.createdAt = r.created_at;
      if (r.updated_at > b.updatedAt) b.updatedAt = r.updated_at;
    }
    const all = [...byBatch.values()].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.batch.localeCompare(b.batch)));
    const offset = page.offset ?? 0;
    return { total: all.length, batches: all.slice(offset, offset + (page.limit ?? 20)) };
  }

  /** Files that failed, with the reason (file names only: where a file was on a machine is not the API's to tell). */
  async failures(filter: { batch?: string } = {}, limit = 100): Promise<JobFailure[]> {
    let q = this.db.selectFrom('import_jobs').select(['id', 'batch', 'file_name', 'reason', 'attempts']).where('status', '=', 'failed').orderBy('id').limit(limit);
    if (filter.batch) q = q.where('batch', '=', filter.batch);
    return (await q.execute()).map((r) => ({ id: r.id, batch: r.batch, fileName: r.file_name, reason: r.reason ?? '', attempts: r.attempts }));
  }

  /** Every row of a batch (tests and the CLI's summary). */
  async rows(batch: string): Promise<Selectable<Omit<ImportJobTable, 'bytes'>>[]> {
    return this.db
      .selectFrom('import_jobs')
      .select(['id', 'batch', 'sha256', 'file_name', 'source_path', 'size', 'status', 'reason', 'document_id', 'version', 'attempts', 'worker', 'created_at', 'updated_at'])
      .where('batch', '=', batch)
      .orderBy('id')
      .execute();
  }
}
