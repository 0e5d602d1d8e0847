/**
 * What to change: the fix a finding's author can apply, in Chinese. Computed from the finding's
 * own figures where it has them (the expected value, in the unit its message states it), else
 * from the rule's `meta.fix`. Nothing is said when neither gives a fix — a guess is worse than
 * no advice on a public document.
 */
import type { Finding } from '../model/disclosure.js';
import { fmt, Money } from '../model/money.js';
import { RULES } from '../rules/registry.js';
import type { RuleMeta } from '../rules/types.js';

const UNIT = /(-?\d[\d,]*(?:\.\d+)?)\s*(万元|元|分|%|％|个百分点|辆|人次|个|次|台)/g;

let metas: Map<string, RuleMeta> | undefined;

/** The rule's meta by id (reader findings `read/…` have none). */
export function ruleMeta(id: string): RuleMeta | undefined {
  metas ??= new Map(RULES.map((r) => [r.meta.id, r.meta]));
  return metas.get(id);
}

/** The unit the message prints `value` in, when it prints it. */
function unitOf(message: string, value: Money): string | undefined {
  for (const m of message.matchAll(UNIT)) {
    const n = new Money(m[1].replace(/,/g, ''));
    if (n.equals(value) && m[2] !== '个百分点') return m[2] === '％' ? '%' : m[2];
  }
  return undefined;
}

function number(v: Money, unit: string): string {
  const dp = Math.max(2, v.decimalPlaces());
  if (unit === '万元' || unit === '元') return `${fmt(v, dp)} ${unit}`;
  const text = v.decimalPlaces() > 2 ? v.toFixed(2) : v.toString();
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}

/** The fix from the finding's figures: 应为 X (or 应不超过 X when the rule speaks of a ceiling). */
function fromFigures(f: Finding): string | undefined {
  if (f.expected === undefined || f.expected === null) return undefined;
  const unit = unitOf(f.message, f.expected);
  if (!unit) return undefined;
  const ceiling = /超过|超出/.test(f.message) && f.actual && f.actual.greaterThan(f.expected);
  return ceiling ? `应不超过 ${number(f.expected, unit)}` : `应为 ${number(f.expected, unit)}`;
}

/** The fix for one finding, without the closing full stop; undefined when none can be said. */
export function fixFor(f: Finding): string | undefined {
  const meta = ruleMeta(f.rule);
  const own = typeof meta?.fix === 'function' ? meta.fix(f) : meta?.fix;
  return (own ?? fromFigures(f))?.replace(/[。.]$/, '');
}

/** The message a person reads: the rule's message, then the fix when there is one. */
export function messageWithFix(message: string, fix: string | undefined): string {
  return withFix(readable(message), fix);
}

/**
 * A rule's message as a person reads it beside its place: a paragraph count Word does not show
 * (说明第 53 段) becomes 说明 — the place says which — and internal section keys are dropped.
 */
export function readable(message: string): string {
  return message.replace(/说明第\s*\d+\s*段(（[A-Za-z.]+）)?(?!与第)/g, '说明').replace(/（[A-Za-z][A-Za-z.]*）/g, '');
}

function withFix(message: string, fix: string | undefined): string {
  if (!fix) return message;
  const m = /[。.]$/.test(message) ? message : `${message}。`;
  return `${m}改正：${fix}。`;
}
