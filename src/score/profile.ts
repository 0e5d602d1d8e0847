/**
 * Scoring profiles: how a self-evaluation is scored — marks per 一级指标, the execution-rate
 * method, the bands for qualitative indicators, grade lines, which department mean the report
 * states. JSON files in profiles/scoring/; every profile is laid over `national`, and may name
 * another profile to extend first. Objects merge key by key except `weights`, `grades` and
 * `execution`, which a profile replaces whole (a province's table is one decision, not a patch).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Disclosure } from '../model/disclosure.js';

export const SCORING_PROFILES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../profiles/scoring');
export const BASE_PROFILE = 'national';

const Fraction = z.number().min(0).max(1);
const Band = z
  .object({
    min: Fraction.describe('lowest share of the marks a score in this band may take'),
    max: Fraction.describe('highest share'),
    score: Fraction.describe('the share a recomputed score takes when the stated score is outside the band (or there is none)'),
  })
  .strict()
  .refine((b) => b.min <= b.max && b.score >= b.min && b.score <= b.max, { message: '须满足 min ≤ score ≤ max' });

const Execution = z.discriminatedUnion('method', [
  z.object({ method: z.literal('proportional') }).strict(),
  z
    .object({
      method: z.literal('bands'),
      /** Tried from the highest `min` down: rate ≥ min earns share × weight; below every band, 0. */
      bands: z.array(z.object({ min: z.number().min(0), share: Fraction }).strict()).min(1),
    })
    .strict(),
]);

const Grade = z.object({ grade: z.string().min(1), label: z.string().min(1), min: z.number() }).strict();

export const ScoringProfileSchema = z
  .object({
    name: z.string(),
    description: z.string(),
    /** Marks per 一级指标 (产出指标, 效益指标, 满意度指标, 成本指标 …) and for 预算执行率. */
    weights: z.record(z.string(), z.number().min(0)),
    execution: Execution,
    qualitative: z.object({ met: Band, partial: Band, unmet: Band }).strict(),
    /** A deadline target done after the date: partly achieved, or not achieved. */
    lateDeadline: z.enum(['partial', 'unmet']),
    grades: z.array(Grade).min(1),
    /** The department score a generated report states: plain mean or budget-weighted mean of the projects. */
    departmentMean: z.enum(['plain', 'weighted']),
    /** Decimals every score is rounded to before it is added. */
    decimals: z.number().int().min(0).max(4),
  })
  .strict();
export type ScoringProfile = z.infer<typeof ScoringProfileSchema>;
export type QualitativeBand = ScoringProfile['qualitative']['met'];

const ProfileFileSchema = ScoringProfileSchema.partial()
  .extend({
    $comment: z.string().optional(),
    extends: z.string().optional(),
    match: z
      .object({ regions: z.array(z.string()).optional(), years: z.tuple([z.number().int(), z.number().int()]).optional() })
      .strict()
      .optional(),
    qualitative: z.object({ met: Band, partial: Band, unmet: Band }).partial().strict().optional(),
  })
  .strict();
type ProfileFile = z.infer<typeof ProfileFileSchema>;

/** A scoring profile that cannot be found or read: the CLI prints `message` as one line. */
export class ScoringProfileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScoringProfileError';
  }
}

function pathOf(ref: string, from?: string): string {
  if (!ref.endsWith('.json') && !ref.includes('/') && !ref.includes('\\')) return resolve(SCORING_PROFILES_DIR, `${ref}.json`);
  return isAbsolute(ref) ? ref : resolve(from ? dirname(from) : process.cwd(), ref);
}

/** Parsed profile files by path, kept while the file's stamp (mtime, size) is unchanged: scoring runs per document. */
const fileCache = new Map<string, { stamp: string; file: ProfileFile }>();

/**
 * Stamps already taken while one profile is being resolved: `auto` reads every profile's `match`
 * and then loads the chosen profile's chain, and a file need not be looked at twice for that.
 */
let resolving: Map<string, string | null> | null = null;

function stampOf(path: string): string | null {
  const known = resolving?.get(path);
  if (known !== undefined) return known;
  let stamp: string | null;
  try {
    const st = statSync(path);
    stamp = `${st.mtimeMs}:${st.size}`;
  } catch {
    stamp = null;
  }
  resolving?.set(path, stamp);
  return stamp;
}

function readFile(ref: string, from?: string): { path: string; file: ProfileFile } {
  const path = pathOf(ref, from);
  const stamp = stampOf(path);
  const cached = fileCache.get(path);
  if (cached && cached.stamp === stamp) return { path, file: cached.file };
  const read = readProfileFile(ref, path);
  if (stamp) fileCache.set(path, { stamp, file: read.file });
  return read;
}

function readProfileFile(ref: string, path: string): { path: string; file: ProfileFile } {
  if (!existsSync(path)) throw new ScoringProfileError(`找不到计分办法“${ref}”（${path}）。`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ScoringProfileError(`计分办法“${ref}”不是有效的 JSON：${(e as Error).message.split('\n')[0]}`);
  }
  const parsed = ProfileFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ScoringProfileError(`计分办法“${ref}”格式有误：${issue.path.join('.') || '（根）'} ${issue.message}`);
  }
  return { path, file: parsed.data };
}

function merge(base: Partial<ScoringProfile>, over: ProfileFile): Partial<ScoringProfile> {
  const { $comment: _c, extends: _e, match: _m, qualitative, ...rest } = over;
  const out: Partial<ScoringProfile> = { ...base, ...rest };
  if (qualitative) out.qualitative = { ...(base.qualitative as ScoringProfile['qualitative']), ...qualitative };
  return out;
}

function chain(ref: string, from: string | undefined, seen: string[], used: string[] = []): Partial<ScoringProfile> {
  const { path, file } = readFile(ref, from);
  used.push(path);
  if (seen.includes(path)) throw new ScoringProfileError(`计分办法循环继承：${[...seen, path].join(' → ')}`);
  const isBase = path === pathOf(BASE_PROFILE);
  const baseRef = file.extends ?? (isBase ? null : BASE_PROFILE);
  const base = baseRef ? chain(baseRef, path, [...seen, path], used) : {};
  return merge(base, file);
}

/** A profile by name (profiles/scoring/NAME.json) or by path, laid over its bases. */
const profileCache = new Map<string, { stamps: [string, string | null][]; profile: ScoringProfile }>();

export function loadScoringProfile(ref: string = BASE_PROFILE): ScoringProfile {
  const hit = profileCache.get(ref);
  if (hit && hit.stamps.every(([path, stamp]) => stampOf(path) === stamp)) return hit.profile;
  const used: string[] = [];
  const merged = chain(ref, undefined, [], used);
  const profile = validate(ref, merged);
  profileCache.set(ref, { stamps: [...new Set(used)].map((p) => [p, stampOf(p)]), profile });
  return profile;
}


function validate(ref: string, merged: Partial<ScoringProfile>): ScoringProfile {
  const parsed = ScoringProfileSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ScoringProfileError(`计分办法“${ref}”不完整：${issue.path.join('.') || '（根）'} ${issue.message}`);
  }
  const grades = [...parsed.data.grades].sort((a, b) => b.min - a.min);
  return { ...parsed.data, grades };
}

export function listScoringProfiles(): string[] {
  try {
    return readdirSync(SCORING_PROFILES_DIR)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -'.json'.length))
      .sort();
  } catch {
    return [];
  }
}

/**
 * For `auto`: the profile whose `match` fits the document's region and year most narrowly;
 * `national` when none does.
 */
export function autoScoringProfileName(doc: Pick<Disclosure, 'entity' | 'title' | 'year'>): string {
  const place = `${doc.entity.region ?? ''}${doc.entity.name ?? ''}${doc.title ?? ''}`;
  let best: { name: string; span: number } | null = null;
  for (const name of listScoringProfiles()) {
    const m = readFile(name).file.match;
    if (!m) continue;
    if (m.regions && !m.regions.some((r) => place.includes(r))) continue;
    if (m.years && (doc.year === null || doc.year < m.years[0] || doc.year > m.years[1])) continue;
    const span = m.years ? m.years[1] - m.years[0] : 1000;
    if (!best || span < best.span) best = { name, span };
  }
  return best?.name ?? BASE_PROFILE;
}

/** `auto` (by the document), a name, or a path. */
export function scoringProfileFor(ref: string | undefined, doc?: Pick<Disclosure, 'entity' | 'title' | 'year'>): ScoringProfile {
  const outer = resolving === null;
  if (outer) resolving = new Map();
  try {
    if (ref === 'auto' || ref === undefined) return loadScoringProfile(doc ? autoScoringProfileName(doc) : BASE_PROFILE);
    return loadScoringProfile(ref);
  } finally {
    if (outer) resolving = null;
  }
}
