/**
 * A RuleTester in the manner of ESLint's: per rule, documents it must stay silent on and documents
 * it must report, with the exact findings.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { Disclosure, Finding, Severity } from '../../src/model/disclosure.js';
import { money } from '../../src/model/money.js';
import { RULES, resolveProfile, runRule } from '../../src/rules/index.js';

export interface ExpectedFinding {
  message?: string | RegExp;
  severity?: Severity;
  expected?: string;
  actual?: string;
  difference?: string;
  where?: string | RegExp;
}

export interface ValidCase {
  name: string;
  doc: Disclosure;
  options?: Record<string, unknown>;
}

export interface InvalidCase extends ValidCase {
  findings: ExpectedFinding[];
}

export interface RuleCases {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

export type CaseSet = Record<string, RuleCases>;

/**
 * Every case module in test/rules/cases/ (a new family of rules adds its own file there), and the
 * `rule-cases.ts` another area keeps beside its own tests for the rules it registers in the
 * catalog (e.g. test/score/rule-cases.ts for the re-scoring rules), as one set.
 */
export async function allCases(): Promise<CaseSet> {
  const caseDir = new URL('./cases/', import.meta.url);
  const testDir = new URL('../', import.meta.url);
  const files = [
    ...readdirSync(caseDir)
      .filter((f) => f.endsWith('.ts'))
      .sort()
      .map((f) => new URL(f, caseDir)),
    ...readdirSync(testDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(new URL(`${d.name}/rule-cases.ts`, testDir)))
      .map((d) => new URL(`${d.name}/rule-cases.ts`, testDir))
      .sort((a, b) => a.href.localeCompare(b.href)),
  ];
  const modules = await Promise.all(files.map((u) => import(u.href) as Promise<{ cases: CaseSet }>));
  return Object.assign({}, ...modules.map((m) => m.cases));
}

export function findingsOf(id: string, doc: Disclosure, options?: Record<string, unknown>, roundingInfo = false): Finding[] {
  const rule = RULES.find((r) => r.meta.id === id);
  assert.ok(rule, `rule ${id} is not registered`);
  const profile = resolveProfile({ roundingInfo, rules: options ? { [id]: { options } } : {} }, RULES);
  return runRule(rule, doc, profile);
}

function matches(actual: string | undefined, expected: string | RegExp): boolean {
  if (actual === undefined) return false;
  return typeof expected === 'string' ? actual === expected : expected.test(actual);
}

export function assertFinding(f: Finding, e: ExpectedFinding): void {
  if (e.message !== undefined) assert.ok(matches(f.message, e.message), `message:\n  got:      ${f.message}\n  expected: ${String(e.message)}`);
  if (e.severity) assert.equal(f.severity, e.severity);
  if (e.where !== undefined) assert.ok(matches(f.location.where, e.where), `where: got ${f.location.where}, expected ${String(e.where)}`);
  for (const k of ['expected', 'actual', 'difference'] as const) {
    if (e[k] === undefined) continue;
    const got = f[k];
    assert.ok(got, `${k} missing in finding: ${f.message}`);
    assert.ok(got.equals(money(e[k]!)), `${k}: got ${got.toString()}, expected ${e[k]} (${f.message})`);
  }
}

export function runCases(set: CaseSet): void {
  for (const [id, cases] of Object.entries(set)) {
    describe(id, () => {
      for (const c of cases.valid) {
        test(`valid: ${c.name}`, () => {
          const found = findingsOf(id, c.doc, c.options);
          assert.deepEqual(found.map((f) => f.message), [], `expected no findings from ${id}`);
        });
      }
      for (const c of cases.invalid) {
        test(`invalid: ${c.name}`, () => {
          const found = findingsOf(id, c.doc, c.options);
          assert.equal(found.length, c.findings.length, `findings of ${id}:\n${found.map((f) => `  ${f.message}`).join('\n')}`);
          c.findings.forEach((e, i) => assertFinding(found[i], e));
          for (const f of found) assert.notEqual(f.severity, undefined);
        });
      }
    });
  }
}
