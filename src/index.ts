/**
 * gongkai as a library (`import { checkFile } from 'gongkai'`): what a program embedding it needs —
 * check a file or bytes, the stages one by one (read → recognise → rules, with a profile), the
 * typed model with its zod schemas and JSON Schema, scoring, the store, the batch import and the
 * HTTP server. Everything else under dist/ is internal and may change without notice.
 *
 * The store, the import and the server are loaded on first use (their functions are async
 * anyway): a program that only checks documents never loads the database drivers or Fastify.
 */
import type { ImportOptions, ImportSummary } from './import/index.js';
import type { AppOptions } from './serve/app.js';
import type { RunningServer, ServerOptions } from './serve/index.js';
import type { OpenOptions, Store } from './store/index.js';

// Checking: read + recognise + rules in one call.
export { checkFile, checkBytes, checkDoc, type CheckResult, type CheckOptions } from './pipeline.js';

// The stages, for programs that need one of them alone.
export { readDocument, readDocumentFile, sniffFormat, ReadError, DEFAULT_MAX_BYTES, type ReadOptions, type Doc } from './read/index.js';
export type { Block, Format } from './read/doc.js';
export { recognize, type Recognized } from './recognize/index.js';
export { runRules, listProfiles, resolveProfile, ProfileError, RULES, type RunRulesOptions, type Profile, type Rule, type RuleMeta, type Category } from './rules/index.js';

// The model: zod schemas (one source for the types and the JSON Schema) and decimal money.
export * from './model/disclosure.js';
export { Money, money, isMoney, sum, fmt, roundingTolerance, differs } from './model/money.js';
export { CheckResultSchema, checkResultJsonSchema } from './model/json-schema.js';
export { catalog, SCHEMES, type Catalog, type Scheme, type CodeInfo } from './catalog/index.js';

// Performance self-evaluations: re-scoring by a scoring profile.
export {
  scoreDisclosure,
  scoreSelfEvaluation,
  loadScoringProfile,
  listScoringProfiles,
  ScoringProfileError,
  ScoringProfileSchema,
  type Scorecard,
  type ScoringProfile,
} from './score/index.js';

// Storage, import and the HTTP API (loaded on first use).
export type { Store, OpenOptions, DocumentRecord, DocumentFilter, Page, SaveResult } from './store/index.js';
export type { ImportOptions, ImportSummary, ImportEvent, FileOutcome, FileStatus } from './import/index.js';
export type { ServerOptions, RunningServer, AppOptions } from './serve/index.js';

/** Opens (creating and migrating when needed) a store: a SQLite file, `:memory:` or a postgres:// URL. */
export async function openStore(options: OpenOptions = {}): Promise<Store> {
  const { Store } = await import('./store/index.js');
  return Store.open(options);
}

/** Checks files and folders in worker threads and writes them to a store (see `gongkai import`). */
export async function importPaths(paths: string[], options: ImportOptions = {}): Promise<ImportSummary> {
  const m = await import('./import/index.js');
  return m.importPaths(paths, options);
}

/** Starts the HTTP API (OpenAPI at /api/openapi.json) over a store; `close()` stops it. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const m = await import('./serve/index.js');
  return m.startServer(options);
}

/** The HTTP API as a Fastify instance over an open store, not listening (for embedding or `inject`). */
export async function buildApp(options: AppOptions): Promise<Awaited<ReturnType<typeof import('./serve/app.js').buildApp>>> {
  const m = await import('./serve/app.js');
  return m.buildApp(options);
}
