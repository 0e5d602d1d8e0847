import type { Disclosure, Finding } from './model/disclosure.js';
import { readDocument, readDocumentFile, type ReadOptions } from './read/index.js';
import { ReadError, type Doc } from './read/doc.js';
import { joinDocs } from './read/join.js';
import { recognize } from './recognize/index.js';
import { gradeReading, readerFindings } from './findings/catalog.js';
import { chooseProfile, resolveProfile, RULES, runResolved, type RunRulesOptions } from './rules/index.js';
import { describeFindings } from './report/describe.js';

/** What `gongkai check` reports for one file. */
export interface CheckResult {
  document: Disclosure;
  findings: Finding[];
  /** The rule profile the check used (`auto` resolved to a name, e.g. `hebei-2022` or `default`). */
  profile: string;
}

export type CheckOptions = ReadOptions & RunRulesOptions;

/** read → recognise → check. Throws `ReadError` when the file cannot be read at all or is no disclosure. */
export async function checkFile(path: string, options: CheckOptions = {}): Promise<CheckResult> {
  return checkDoc(await readDocumentFile(path, options), options);
}

export async function checkBytes(bytes: Buffer, name: string, options: CheckOptions = {}): Promise<CheckResult> {
  return checkDoc(await readDocument(bytes, name, options), options);
}

/**
 * The parts of one disclosure published as separate files (the 说明 in one, the tables in
 * another), checked as one document: the checks between the parts run, and a part's absence from
 * one file is not reported when another file holds it. Put the file with the title and 说明 first.
 */
export function checkDocs(docs: Doc[], options: CheckOptions = {}): CheckResult {
  return checkDoc(joinDocs(docs), options);
}

/** `checkDocs` of files given as bytes (the store's originals of a document's parts). */
export async function checkParts(files: { bytes: Buffer; name: string }[], options: CheckOptions = {}): Promise<CheckResult> {
  const docs: Doc[] = [];
  for (const f of files) docs.push(await readDocument(f.bytes, f.name, options));
  return checkDocs(docs, options);
}

/** Throws `ReadError` when what was read is no disclosure at all (a notice, a form, a portal page). */
export function checkDoc(doc: Doc, options: CheckOptions = {}): CheckResult {
  const { disclosure, findings, refusal } = recognize(doc);
  if (refusal) throw new ReadError(doc.source.path, refusal);
  const chosen = chooseProfile(disclosure, options.profile);
  const profile = typeof chosen === 'string' ? chosen : (chosen.name ?? '（内联配置）');
  // What the reader and recognition say about the reading are catalog entries (read/…): the
  // profile switches and grades them like rules (src/findings/catalog.ts).
  const resolved = resolveProfile(chosen, RULES);
  const reading = gradeReading([...readerFindings(doc.warnings), ...findings], (id) => resolved.rules.get(id));
  const all = [...reading, ...runResolved(disclosure, resolved, options.only)];
  return { document: disclosure, findings: describeFindings(all, disclosure), profile };
}
