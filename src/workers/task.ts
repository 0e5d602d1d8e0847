/**
 * One file's work, the same in a worker thread and in the main thread: read + recognise + check
 * (through the checker module) and flatten the result into what the store writes.
 */
import { basename } from 'node:path';
import type { CheckResult } from '../pipeline.js';
import { toRecord, type DocumentRecord } from '../store/record.js';

/** The pipeline, unless an import is told to use another checker module (tests do). */
export const DEFAULT_CHECKER = new URL(import.meta.url.endsWith('.ts') ? '../pipeline.ts' : '../pipeline.js', import.meta.url).href;

export interface Checker {
  checkBytes(bytes: Buffer, name: string): Promise<CheckResult>;
  /** The parts of one disclosure published as several files, checked as one document. */
  checkParts?(files: { bytes: Buffer; name: string }[]): Promise<CheckResult>;
}

export interface Task {
  id: number;
  path: string;
  bytes: Uint8Array;
  sha256: string;
  /**
   * Check these files together as the parts of one disclosure (`path` and `bytes` are then the
   * first of them, `sha256` the identity of the combination).
   */
  parts?: { path: string; bytes: Uint8Array }[];
}

export type TaskResult =
  | { id: number; ok: true; record: DocumentRecord }
  /** `unreadable`: the reader refused the file (its message says why), as opposed to a failure of ours. */
  | { id: number; ok: false; reason: string; unreadable?: boolean };

const loaded = new Map<string, Promise<Checker>>();

export function loadChecker(specifier: string): Promise<Checker> {
  let p = loaded.get(specifier);
  if (!p) {
    p = import(specifier) as Promise<Checker>;
    loaded.set(specifier, p);
  }
  return p;
}

export async function runTask(checker: Checker, task: Task): Promise<TaskResult> {
  const bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
  try {
    if (task.parts) return { id: task.id, ok: true, record: await runParts(checker, task, task.parts) };
    const result = await checker.checkBytes(bytes, task.path);
    const record = toRecord(result, { sha256: task.sha256, fileName: basename(task.path), sourcePath: task.path, size: bytes.length });
    return { id: task.id, ok: true, record };
  } catch (e) {
    return { id: task.id, ok: false, reason: oneLine(e), unreadable: isReadError(e) };
  }
}

async function runParts(checker: Checker, task: Task, parts: NonNullable<Task['parts']>): Promise<DocumentRecord> {
  if (!checker.checkParts) throw new Error('此检查模块不能合并检查多个文件');
  const files = parts.map((p) => ({ name: p.path, bytes: Buffer.from(p.bytes.buffer, p.bytes.byteOffset, p.bytes.byteLength) }));
  const result = await checker.checkParts(files);
  const size = files.reduce((n, f) => n + f.bytes.length, 0);
  return toRecord(result, { sha256: task.sha256, fileName: files.map((f) => basename(f.name)).join(' + '), sourcePath: null, size });
}

function isReadError(e: unknown): boolean {
  return e instanceof Error && e.name === 'ReadError';
}

/** A reader's ReadError is already one clear line; anything else is cut to its first line. */
export function oneLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const first = msg.split('\n')[0].trim();
  if (isReadError(e)) return first;
  return `处理失败：${first || '未知错误'}`;
}
