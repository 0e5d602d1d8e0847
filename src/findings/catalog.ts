/**
 * The findings catalog beyond the rules: what the readers and recognition report about reading a
 * file (`read/<code>`). Each entry has an id, a Chinese title, a default severity and a description
 * (docs/rules.md); rule profiles switch them off and re-grade them by id like any rule.
 */
import type { Finding, Severity } from '../model/disclosure.js';
import type { ReaderWarning } from '../read/doc.js';
import { READERS } from '../read/registry.js';
import { RECOGNITION_FINDINGS } from '../recognize/findings.js';

export interface CatalogEntry {
  id: string;
  title: string;
  severity: Severity;
  description: string;
  /** Who gives it: a reader (by format) or recognition. */
  source: string;
}

export const READING_FINDINGS: readonly CatalogEntry[] = [
  ...READERS.flatMap((r) => r.findings.map((f) => ({ id: `read/${f.code}`, title: f.title, severity: f.severity, description: f.description, source: r.format }))),
  ...RECOGNITION_FINDINGS.map((f) => ({ ...f, source: 'recognize' })),
];

/** How a profile has a catalog entry: on or off, and at which severity. */
export interface EntrySetting {
  enabled: boolean;
  severity: Severity;
}

/** The reader's warnings as findings, each under its catalog id. */
export function readerFindings(warnings: readonly ReaderWarning[]): Finding[] {
  return warnings.map((w) => ({
    rule: `read/${w.code}`,
    severity: READING_FINDINGS.find((e) => e.id === `read/${w.code}`)?.severity ?? 'warning',
    message: w.message,
    location: { ...(w.loc ?? {}) },
  }));
}

/**
 * Reading findings as the profile wants them: dropped when switched off, at the profile's severity.
 * A finding without a catalog entry keeps the severity it came with (a test keeps that set empty).
 */
export function gradeReading(findings: readonly Finding[], setting: (id: string) => EntrySetting | undefined): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const s = setting(f.rule);
    if (!s) out.push(f);
    else if (s.enabled) out.push(s.severity === f.severity ? f : { ...f, severity: s.severity });
  }
  return out;
}
