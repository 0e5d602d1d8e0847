/** Each finding with its place in words and, when there is one, the fix: what JSON, the store and the API carry. */
import type { Disclosure, Finding } from '../model/disclosure.js';
import { fixFor } from './fix.js';
import { whereText } from './where.js';

export function describeFindings(findings: Finding[], doc: Disclosure): Finding[] {
  return findings.map((f) => {
    const out: Finding = { ...f, where: whereText(f, doc) };
    const fix = f.severity === 'info' ? undefined : fixFor(f);
    if (fix) out.fix = fix;
    return out;
  });
}
