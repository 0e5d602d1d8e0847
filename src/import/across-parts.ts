/**
 * After a file is stored: when the parts of its disclosure are held by several files (the 说明
 * in one, the tables in another), they are checked again together, so the checks between them
 * run — the 说明's figures against the tables, an empty table's note given in the 说明 — and
 * that check becomes the document's current version (store/write.ts `saveCombined`). The same
 * bounded checker as the files themselves does the work; a combination that cannot be checked
 * leaves the files' own checks as they are.
 */
import { createHash } from 'node:crypto';
import type { Store } from '../store/index.js';
import type { SaveResult } from '../store/write.js';
import type { Task, TaskResult } from '../workers/task.js';

export async function checkAcrossParts(store: Store, documentId: number, check: (task: Task) => Promise<TaskResult>, id = 0): Promise<SaveResult | null> {
  // The file itself is stored by now: a failure here must not report it as failed.
  return joinedCheck(store, documentId, check, id).catch(() => null);
}

async function joinedCheck(store: Store, documentId: number, check: (task: Task) => Promise<TaskResult>, id: number): Promise<SaveResult | null> {
  const files = await store.partFiles(documentId);
  if (!files) return null;
  // The combination's identity: its files in reading order. The same files again are not checked twice.
  const sha256 = createHash('sha256').update(`parts:${files.map((f) => f.sha256).join(',')}`).digest('hex');
  if (await store.findBySha256(sha256)) return null;
  const result = await check({ id, path: files[0].fileName, bytes: files[0].bytes, sha256, parts: files.map((f) => ({ path: f.fileName, bytes: f.bytes })) });
  if (!result.ok) return null;
  return store.saveCombined(documentId, result.record, files.map((f) => f.versionId));
}
