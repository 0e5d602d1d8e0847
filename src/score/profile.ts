/**
 * Scoring profiles: how a self-evaluation is scored — marks per 一级指标, the execution-rate
 * method, the bands for qualitative indicators, grade lines, which department mean the report
 * states. JSON files in profiles/scoring/; every profile is laid over `national`, and may name
 * another profile to extend first. Objects merge key by key except `weights`, `grades` and
 * `execution`, which a profile replaces whole (a province's table is one decision, not a patch).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Disclosure } from '../model/disclosure.js';
import { ProfileError, ProfileLoader, zodIssue } from '../profiles/loader.js';

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

/** A scoring profile that cannot be found, read or used: the CLI prints `message` as one line. */
export class ScoringProfileError extends ProfileError {
  constructor(message: string) {
    super(message);
    this.name = 'ScoringProfileError';
  }
}

/** Scoring profiles are read, validated and reported by the loader rule profiles use too. */
export const scoringProfiles = new ProfileLoader<ProfileFile>({ noun: '计分办法', dir: SCORING_PROFILES_DIR, schema: ProfileFileSchema, error: ScoringProfileError });

function merge(base: Partial<ScoringProfile>, over: ProfileFile): Partial<ScoringProfile> {
  const { $comment: _c, extends: _e, match: _m, qualitative, ...rest } = over;
  const out: Partial<ScoringProfile> = { ...base, ...rest };
  if (qualitative) out.qualitative = { ...(base.qualitative as ScoringProfile['qualitative']), ...qualitative };
  return out;
}

/** Every profile extends `national` unless it names another base (or is `national`). */
function basesOf(file: ProfileFile, path: string | null): string[] {
  if (file.extends) return [file.extends];
  return path === scoringProfiles.path(BASE_PROFILE) ? [] : [BASE_PROFILE];
}

/** A profile by name (profiles/scoring/NAME.json) or by path, laid over its bases. */
const profileCache = new Map<string, { stamps: [string, string | null][]; profile: ScoringProfile }>();

export function loadScoringProfile(ref: string = BASE_PROFILE): ScoringProfile {
  return scoringProfiles.batch(() => {
    const hit = profileCache.get(ref);
    if (hit && hit.stamps.every(([path, stamp]) => scoringProfiles.stamp(path) === stamp)) return hit.profile;
    const layers = scoringProfiles.chain(scoringProfiles.read(ref), basesOf);
    const merged = layers.reduce<Partial<ScoringProfile>>((base, layer) => merge(base, layer.profile), {});
    const profile = validate(ref, merged);
    profileCache.set(ref, { stamps: layers.map((l) => [l.path!, scoringProfiles.stamp(l.path!)]), profile });
    return profile;
  });
}


function validate(ref: string, merged: Partial<ScoringProfile>): ScoringProfile {
  const parsed = ScoringProfileSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = zodIssue(ScoringProfileSchema, merged)!;
    throw new ScoringProfileError(`计分办法“${ref}”不完整：${issue.path || '（根）'} ${issue.message}`);
  }
  const grades = [...parsed.data.grades].sort((a, b) => b.min - a.min);
  return { ...parsed.data, grades };
}

export function listScoringProfiles(): string[] {
  return scoringProfiles.list();
}

/**
 * For `auto`: the profile whose `match` fits the document's region and year most narrowly;
 * `national` when none does.
 */
export function autoScoringProfileName(doc: Pick<Disclosure, 'entity' | 'title' | 'year'>): string {
  return scoringProfiles.auto(doc, (p) => p.match, BASE_PROFILE);
}

/** `auto` (by the document), a name, or a path. */
export function scoringProfileFor(ref: string | undefined, doc?: Pick<Disclosure, 'entity' | 'title' | 'year'>): ScoringProfile {
  return scoringProfiles.batch(() => {
    if (ref === 'auto' || ref === undefined) return loadScoringProfile(doc ? autoScoringProfileName(doc) : BASE_PROFILE);
    return loadScoringProfile(ref);
  });
}
