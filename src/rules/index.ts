/**
 * The rule catalog's entry point: runs every registered rule the profile leaves on over a
 * recognised disclosure and returns the findings, each with its rule id and severity.
 */
import type { Disclosure, Finding } from '../model/disclosure.js';
import { autoProfile, resolveProfile, ruleProfiles, type Profile, type ResolvedProfile } from './profile.js';
import { RULES } from './registry.js';
import { FIGURE_CATEGORIES, trustedView } from './lib/trusted.js';
import { defaultOptions, messageOf, type ReportInput, type Rule, type RuleContext } from './types.js';

export { RULES } from './registry.js';
export { ProfileError, resolveProfile, type Profile } from './profile.js';
export type { Rule, RuleMeta, Category } from './types.js';

export interface RunRulesOptions {
  /**
   * Name of a profile in profiles/ (e.g. `hebei-2022`), a path to a profile file, a profile object,
   * or `auto` to pick by the document's region, year and level. Default: `auto`.
   */
  profile?: string | Profile;
  /** Run only these rule ids (still subject to the profile's severities). */
  only?: string[];
}

export function listProfiles(): string[] {
  return ruleProfiles.list();
}

/**
 * The profile a check of `doc` uses: `auto` (the default) picks the one whose region, years and
 * level fit the document, `default` when none does (a template nobody described).
 */
export function chooseProfile(doc: Disclosure, ref: string | Profile = 'auto'): string | Profile {
  return ref === 'auto' ? autoProfile(doc) : ref;
}

export function runRules(doc: Disclosure, options: RunRulesOptions = {}): Finding[] {
  return runResolved(doc, resolveProfile(chooseProfile(doc, options.profile), RULES), options.only);
}

/** `runRules` with the profile already resolved (the pipeline resolves it once for reading's findings too). */
export function runResolved(doc: Disclosure, profile: ResolvedProfile, only?: string[]): Finding[] {
  const findings: Finding[] = [];
  const trusted = trustedView(doc);
  for (const rule of RULES) {
    if (only && !only.includes(rule.meta.id)) continue;
    findings.push(...runRule(rule, FIGURE_CATEGORIES.has(rule.meta.category) ? trusted : doc, profile));
  }
  return findings;
}

/** Runs one rule with the settings a profile gives it (all defaults when no profile). */
export function runRule(rule: Rule, doc: Disclosure, profile?: ResolvedProfile): Finding[] {
  const cfg = profile?.rules.get(rule.meta.id) ?? { enabled: true, severity: rule.meta.severity, options: { ...defaultOptions(rule) } };
  if (!cfg.enabled) return [];
  if (rule.meta.appliesTo && !rule.meta.appliesTo.includes(doc.kind)) return [];
  const out: Finding[] = [];
  const seen = new Set<string>();
  const ctx: RuleContext = {
    doc,
    options: cfg.options,
    report(r: ReportInput) {
      if (r.rounding && !profile?.roundingInfo) return;
      const severity = r.rounding || r.advisory ? 'info' : cfg.severity;
      const text = messageOf(rule.meta, r);
      const message = r.rounding ? `${text.replace(/。$/, '')}（在四舍五入误差范围内）。` : text;
      // The same message at the same place is one finding, however the rule reached it.
      const key = `${message}|${r.location?.where ?? ''}`;
      if (seen.has(key)) return;
      seen.add(key);
      const f: Finding = { rule: rule.meta.id, severity, message, location: clean(r.location ?? {}) };
      if (r.figures) f.figures = r.figures;
      if (r.expected !== undefined) f.expected = r.expected;
      if (r.actual !== undefined) f.actual = r.actual;
      if (r.difference !== undefined) f.difference = r.difference;
      out.push(f);
    },
  };
  try {
    rule.check(doc, ctx);
  } catch (e) {
    // A rule that meets a model it did not expect must not take the whole check down.
    out.push({
      rule: rule.meta.id,
      severity: 'warning',
      message: `规则“${rule.meta.title}”运行出错，未能完成检查：${(e as Error).message ?? String(e)}`,
      location: {},
    });
  }
  return out;
}

function clean(loc: Finding['location']): Finding['location'] {
  const out: Record<string, unknown> = {};
  // A paragraph's printed lines stay on the paragraph: the report finds the sentence's line there.
  for (const [k, v] of Object.entries(loc)) if (v !== undefined && k !== 'lines') out[k] = v;
  return out as Finding['location'];
}
