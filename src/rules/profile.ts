/**
 * Profiles: JSON files in profiles/ that switch rules on or off and re-grade them for a region
 * and year. A profile may extend others; later settings win (base → categories → rules).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { READING_FINDINGS } from '../findings/catalog.js';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Disclosure, Severity } from '../model/disclosure.js';
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

/** A profile that cannot be found or read: the CLI prints `message` as one line. */
export class ProfileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProfileError';
  }
}

function profilePath(ref: string, from?: string): string {
  const looksLikePath = ref.endsWith('.json') || ref.includes('/') || ref.includes('\\');
  if (!looksLikePath) return resolve(PROFILES_DIR, `${ref}.json`);
  if (isAbsolute(ref)) return ref;
  return resolve(from ? dirname(from) : process.cwd(), ref);
}

/** Profiles already read, by path, with the file's stamp: checking a batch re-reads nothing. */
const readCache = new Map<string, { stamp: string; profile: Profile }>();

export function readProfile(ref: string, from?: string): { path: string; profile: Profile } {
  const path = profilePath(ref, from);
  let stamp: string;
  try {
    const st = statSync(path);
    stamp = `${st.mtimeMs}:${st.size}`;
  } catch {
    throw new ProfileError(`找不到规则配置“${ref}”（${path}）。`);
  }
  const cached = readCache.get(path);
  if (cached && cached.stamp === stamp) return { path, profile: cached.profile };
  const read = parseProfile(ref, path);
  readCache.set(path, { stamp, profile: read });
  return { path, profile: read };
}

function parseProfile(ref: string, path: string): Profile {
  if (!existsSync(path)) throw new ProfileError(`找不到规则配置“${ref}”（${path}）。`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ProfileError(`规则配置“${ref}”不是有效的 JSON：${(e as Error).message}`);
  }
  const parsed = ProfileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ProfileError(`规则配置“${ref}”格式有误：${issue.path.join('.') || '（根）'} ${issue.message}`);
  }
  return parsed.data;
}

type Layer = { profile: Profile; path: string | null };

/** The chain of profiles, base first. */
function layers(profile: Profile, path: string | null, seen: string[] = []): Layer[] {
  const bases = profile.extends === undefined ? [] : Array.isArray(profile.extends) ? profile.extends : [profile.extends];
  const out: Layer[] = [];
  for (const ref of bases) {
    const base = readProfile(ref, path ?? undefined);
    if (seen.includes(base.path)) throw new ProfileError(`规则配置循环继承：${[...seen, base.path].join(' → ')}`);
    out.push(...layers(base.profile, base.path, [...seen, base.path]));
  }
  out.push({ profile, path });
  return out;
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
  const chain = layers(top.profile, top.path, top.path ? [top.path] : []);
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
  // Parsed again only to word the error in Chinese.
  const issue = schema.safeParse(options, { error: z.locales.zhCN().localeError }).error!.issues[0];
  // `template.tables` is the option `required`: its path starts inside the list.
  const path = source === 'options' ? issue.path : issue.path.slice(1);
  const at = path.length ? `${source}.${path.join('.')}` : source;
  throw new ProfileError(`规则配置“${profile}”中规则“${id}”的参数有误：${at} ${issue.message}`);
}

/**
 * For `profile: 'auto'`: the profile in profiles/ whose `match` fits the document's region and
 * year most narrowly; `default` when none does.
 */
export function autoProfile(doc: Disclosure, names: string[]): string {
  const region = `${doc.entity.region ?? ''}${doc.entity.name ?? ''}${doc.title ?? ''}`;
  let best: { name: string; span: number } | null = null;
  for (const name of names) {
    const { profile } = readProfile(name);
    const m = profile.match;
    if (!m) continue;
    if (m.regions && !m.regions.some((r) => region.includes(r))) continue;
    if (m.years && (doc.year === null || doc.year < m.years[0] || doc.year > m.years[1])) continue;
    if (m.levels && (!doc.entity.level || !m.levels.includes(doc.entity.level))) continue;
    const span = m.years ? m.years[1] - m.years[0] : 1000;
    if (!best || span < best.span) best = { name, span };
  }
  return best?.name ?? 'default';
}
