/**
 * Profiles: JSON files in profiles/ that switch rules on or off and re-grade them for a region
 * and year. A profile may extend others; later settings win (base → categories → rules).
 */
import { basename, dirname, resolve } from 'node:path';
import { READING_FINDINGS } from '../findings/catalog.js';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Disclosure, Severity } from '../model/disclosure.js';
import { ProfileError, ProfileLoader, zodIssue } from '../profiles/loader.js';
import { CATEGORIES, defaultOptions, type Category, type Rule } from './types.js';

export const PROFILES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../profiles');

const Level = z.enum(['error', 'warning', 'info', 'off']);
const Setting = z.union([
  Level,
  z.object({ severity: Level.optional(), options: z.record(z.string(), z.unknown()).optional() }).strict(),
]);

export const ProfileSchema = z
  .object({
    $comment: z.string().optional(),
    name: z.string().optional(),
    description: z.string().optional(),
    extends: z.union([z.string(), z.array(z.string())]).optional(),
    /** Which documents the profile is meant for, used by `profile: 'auto'`. */
    match: z
      .object({
        regions: z.array(z.string()).optional(),
        years: z.tuple([z.number().int(), z.number().int()]).optional(),
        /** Levels of government the template is for (a province's own departments publish other tables than its cities'). */
        levels: z.array(z.enum(['province', 'city', 'county'])).optional(),
      })
      .strict()
      .optional(),
    /**
     * What the region's template publishes, as data. A profile that describes its template (or
     * extends one that does) may hold documents to it: the rules marked `expectation` keep their
     * level. Without one, a document is of a template nobody described, and a template expectation
     * is at most a warning — a difference of template is never an error about the document.
     */
    template: z
      .object({
        description: z.string().optional(),
        /** The standard tables (table kinds) the template publishes, empty ones included. */
        tables: z.array(z.string()).optional(),
      })
      .strict()
      .optional(),
    /** Report differences within rounding tolerance as info instead of dropping them. */
    roundingInfo: z.boolean().optional(),
    categories: z.partialRecord(z.enum(CATEGORIES), Level).optional(),
    rules: z.record(z.string(), Setting).optional(),
  })
  .strict();
export type Profile = z.infer<typeof ProfileSchema>;
export type Level = z.infer<typeof Level>;

export interface RuleConfig {
  enabled: boolean;
  severity: Severity;
  options: Record<string, unknown>;
}

export interface ResolvedProfile {
  name: string;
  roundingInfo: boolean;
  /** Whether the profile describes the region's template (`template`, here or in a base). */
  knowsTemplate: boolean;
  rules: Map<string, RuleConfig>;
}

export { ProfileError };

/** Rule profiles are read, validated and reported by the loader scoring profiles use too. */
export const ruleProfiles = new ProfileLoader<Profile>({ noun: '规则配置', dir: PROFILES_DIR, schema: ProfileSchema, error: ProfileError });

export function readProfile(ref: string, from?: string): { path: string; profile: Profile } {
  return ruleProfiles.read(ref, from);
}

/** The profiles a profile extends, read from its own file's folder. */
function basesOf(profile: Profile): string[] {
  return profile.extends === undefined ? [] : Array.isArray(profile.extends) ? profile.extends : [profile.extends];
}

function apply(cfg: RuleConfig, level: Level): void {
  if (level === 'off') cfg.enabled = false;
  else {
    cfg.enabled = true;
    cfg.severity = level;
  }
}

/** Merges a profile (by name, path or object) over the rules' own defaults. */
export function resolveProfile(ref: string | Profile, rules: Rule[]): ResolvedProfile {
  const top = typeof ref === 'string' ? readProfile(ref) : { path: null, profile: ref };
  const chain = ruleProfiles.chain(top, basesOf);
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const configs = new Map<string, RuleConfig>();
  for (const r of rules) configs.set(r.meta.id, { enabled: true, severity: r.meta.severity, options: { ...defaultOptions(r) } });
  // What reading reports (read/…) is switched and re-graded by id like a rule (src/findings/catalog.ts).
  for (const e of READING_FINDINGS) configs.set(e.id, { enabled: true, severity: e.severity, options: {} });
  let roundingInfo = false;
  let knowsTemplate = false;
  for (const { profile, path } of chain) {
    if (profile.roundingInfo !== undefined) roundingInfo = profile.roundingInfo;
    if (profile.template) {
      knowsTemplate = true;
      const tables = profile.template.tables;
      const rule = byId.get('completeness/standard-tables');
      const cfg = rule && configs.get(rule.meta.id);
      if (tables && rule && cfg) cfg.options = ruleOptions(rule, { ...cfg.options, required: tables }, layerName(profile, path, ref), 'template.tables');
    }
    for (const [cat, level] of Object.entries(profile.categories ?? {}) as [Category, Level][]) {
      for (const r of rules) if (r.meta.category === cat) apply(configs.get(r.meta.id)!, level);
    }
    for (const [id, setting] of Object.entries(profile.rules ?? {})) {
      if (!configs.has(id)) throw new ProfileError(`规则配置${path ? `“${path}”` : ''}中的规则“${id}”不存在。`);
      const cfg = configs.get(id)!;
      if (typeof setting === 'string') apply(cfg, setting);
      else {
        if (setting.severity) apply(cfg, setting.severity);
        if (setting.options) {
          const rule = byId.get(id);
          if (!rule) throw new ProfileError(`规则配置${path ? `“${path}”` : ''}中的“${id}”是读取发现，没有可配置项（options），只能关闭或改级别。`);
          cfg.options = ruleOptions(rule, { ...cfg.options, ...setting.options }, layerName(profile, path, ref));
        }
      }
    }
  }
  const name = typeof ref === 'string' ? (top.profile.name ?? ref) : (ref.name ?? '（内联配置）');
  // Expectations of a template nobody described are hints, never errors (issue 10, deliver 3).
  if (!knowsTemplate) {
    for (const r of rules) {
      const cfg = configs.get(r.meta.id)!;
      if (r.meta.expectation && cfg.severity === 'error') cfg.severity = 'warning';
    }
  }
  return { name, roundingInfo, knowsTemplate, rules: configs };
}

/** How an error names a profile of the chain: its name, else its file, else the inline object. */
function layerName(profile: Profile, path: string | null, top: string | Profile): string {
  if (profile.name) return profile.name;
  if (path) return basename(path, '.json');
  return typeof top === 'string' ? top : '（内联配置）';
}

/**
 * A rule's options as a profile sets them, checked against the rule's schema (defaults filled in):
 * a wrong option stops the check with one Chinese line naming the profile, the rule and the option.
 */
function ruleOptions(rule: Rule, options: Record<string, unknown>, profile: string, source = 'options'): Record<string, unknown> {
  const id = rule.meta.id;
  const schema = rule.meta.options;
  if (!schema) throw new ProfileError(`规则配置“${profile}”为规则“${id}”设置了参数（${source}），但这条规则没有可配置的参数。`);
  const parsed = schema.safeParse(options);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const issue = zodIssue(schema, options)!;
  // `template.tables` is the option `required`: its path starts inside the list.
  const path = source === 'options' ? issue.path.split('.').filter(Boolean) : issue.path.split('.').slice(1);
  const at = path.length ? `${source}.${path.join('.')}` : source;
  throw new ProfileError(`规则配置“${profile}”中规则“${id}”的参数有误：${at} ${issue.message}`);
}

/**
 * For `profile: 'auto'`: the profile in profiles/ whose `match` fits the document's region and
 * year most narrowly; `default` when none does.
 */
export function autoProfile(doc: Disclosure): string {
  return ruleProfiles.auto(doc, (p) => p.match, 'default');
}
