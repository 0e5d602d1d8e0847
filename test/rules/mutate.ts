/** Small edits to a fresh sample document, so each invalid case breaks exactly one figure. */
import assert from 'node:assert/strict';
import type { Claim, ClaimSubject, Disclosure, Row, TableKind } from '../../src/model/disclosure.js';
import { money } from '../../src/model/money.js';
import { fig } from './builder.js';

type Match = string | ((r: Row) => boolean);

export function rowOf(doc: Disclosure, kind: TableKind, match: Match, side?: 'revenue' | 'expenditure'): Row {
  const t = doc.tables.find((x) => x.kind === kind);
  assert.ok(t, `no ${kind} table`);
  const r = t.rows.find(
    (x) => (!side || x.side === side) && (typeof match === 'function' ? match(x) : x.code === match || x.name === match || x.key === match),
  );
  assert.ok(r, `no row ${String(match)} in ${kind}`);
  return r;
}

/** Sets one cell; `v` null blanks it. Returns the document for chaining. */
export function setCell(doc: Disclosure, kind: TableKind, match: Match, key: string, v: string | null, side?: 'revenue' | 'expenditure'): Disclosure {
  rowOf(doc, kind, match, side).values[key] = fig(v);
  return doc;
}

export function claimOf(doc: Disclosure, subject: ClaimSubject, name?: string): Claim {
  const c = doc.claims.find((x) => x.subject === subject && (name === undefined || x.name === name));
  assert.ok(c, `no claim ${subject} ${name ?? ''}`);
  return c;
}

/** Changes a claim's value and its raw text alike. */
export function setClaim(doc: Disclosure, subject: ClaimSubject, v: string, name?: string): Disclosure {
  const c = claimOf(doc, subject, name);
  c.value = money(v);
  c.raw = c.raw.replace(/\d+(?:\.\d+)?(?=万元)/, v.replace(/^-/, ''));
  if (!c.raw.includes(v.replace(/^-/, ''))) c.raw = `${v}万元`;
  return doc;
}

/** Applies an edit to a fresh document and returns it. */
export function edit(make: () => Disclosure, fn: (d: Disclosure) => void): Disclosure {
  const d = make();
  fn(d);
  return d;
}
