import type { Disclosure, Finding } from './model/disclosure.js';
import { readDocument, readDocumentFile, type ReadOptions } from './read/index.js';
import type { Doc } from './read/doc.js';
import { recognize } from './recognize/index.js';
import { runRules, type RunRulesOptions } from './rules/index.js';

/** What `gongkai check` reports for one file. */
export interface CheckResult {
  document: Disclosure;
  findings: Finding[];
}

export type CheckOptions = ReadOptions & RunRulesOptions;

/** read → recognise → check. Throws `ReadError` when the file cannot be read at all. */
export async function checkFile(path: string, options: CheckOptions = {}): Promise<CheckResult> {
  return checkDoc(await readDocumentFile(path, options), options);
}

export async function checkBytes(bytes: Buffer, name: string, options: CheckOptions = {}): Promise<CheckResult> {
  return checkDoc(await readDocument(bytes, name, options), options);
}

export function checkDoc(doc: Doc, options: CheckOptions = {}): CheckResult {
  const { disclosure, findings } = recognize(doc);
  const readerFindings: Finding[] = doc.warnings.map((w) => ({
    rule: `read/${w.code}`,
    severity: 'warning',
    message: w.message,
    location: { ...(w.loc ?? {}) },
  }));
  return { document: disclosure, findings: [...readerFindings, ...findings, ...runRules(disclosure, options)] };
}
