/**
 * The one loader for gongkai's profiles: rule profiles (profiles/*.json, src/rules/profile.ts) and
 * scoring profiles (profiles/scoring/*.json, src/score/profile.ts). Both are JSON files found by
 * name in their folder or by path, validated with zod, able to extend others and matched to a
 * document by region, year and level for `auto`; both report a problem as one Chinese line naming
 * the profile. What the kinds differ in — their schema, how they merge, the noun their messages
 * use — is what each passes in here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { z } from 'zod';
// One locale, not `z.locales` (which would load every language zod has).
import zhCN from 'zod/v4/locales/zh-CN.js';
import type { Disclosure } from '../model/disclosure.js';

/** A profile that cannot be found, read or used: the CLI prints `message` as one line. */
export class ProfileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProfileError';
  }
}

/** Which documents a profile is meant for, used by `auto`. */
export interface ProfileMatch {
  regions?: string[];
  years?: [number, number];
  levels?: ('province' | 'city' | 'county')[];
}

export interface ProfileKind<T> {
  /** How messages name a profile of this kind: 规则配置, 计分办法. */
  noun: string;
  /** The folder a bare name is looked up in (`<dir>/<name>.json`). */
  dir: string;
  /** The schema of one file (before any merging with what it extends). */
  schema: z.ZodType<T>;
  /** The error a problem is thrown as (ProfileError or a subclass of it). */
  error: new (message: string) => ProfileError;
}

export interface LoadedProfile<T> {
  path: string;
  profile: T;
}

/** zod's messages in Chinese, for the one line a user reads. */
export function zodIssue(schema: z.ZodType, value: unknown): { path: string; message: string } | null {
  if (schema.safeParse(value).success) return null;
  const issue = schema.safeParse(value, { error: zhCN().localeError }).error!.issues[0];
  return { path: issue.path.join('.'), message: issue.message };
}

export class ProfileLoader<T> {
  /** Parsed files by path, kept while the file's stamp (mtime, size) is unchanged: a batch re-reads nothing. */
  private readonly files = new Map<string, { stamp: string; profile: T }>();
  /** Stamps taken during one `batch`: a resolution that reads every profile's `match` stats each file once. */
  private stamps: Map<string, string | null> | null = null;

  constructor(readonly kind: ProfileKind<T>) {}

  /** A bare name is `<dir>/<name>.json`; anything that looks like a path is one (relative to `from`'s folder, else the working directory). */
  path(ref: string, from?: string): string {
    const looksLikePath = ref.endsWith('.json') || ref.includes('/') || ref.includes('\\');
    if (!looksLikePath) return resolve(this.kind.dir, `${ref}.json`);
    if (isAbsolute(ref)) return ref;
    return resolve(from ? dirname(from) : process.cwd(), ref);
  }

  /** The file's stamp, null when there is no such file. */
  stamp(path: string): string | null {
    const known = this.stamps?.get(path);
    if (known !== undefined) return known;
    let stamp: string | null;
    try {
      const st = statSync(path);
      stamp = st.isFile() ? `${st.mtimeMs}:${st.size}` : null;
    } catch {
      stamp = null;
    }
    this.stamps?.set(path, stamp);
    return stamp;
  }

  /** Runs `fn` with each file stat'ed at most once (a resolution reads some files more than once). */
  batch<R>(fn: () => R): R {
    const outer = this.stamps === null;
    if (outer) this.stamps = new Map();
    try {
      return fn();
    } finally {
      if (outer) this.stamps = null;
    }
  }

  /** One profile file by name or path, validated. */
  read(ref: string, from?: string): LoadedProfile<T> {
    const { noun, schema, error } = this.kind;
    const path = this.path(ref, from);
    const stamp = this.stamp(path);
    if (stamp === null) throw new error(`找不到${noun}“${ref}”（${path}）。`);
    const cached = this.files.get(path);
    if (cached && cached.stamp === stamp) return { path, profile: cached.profile };
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new error(`${noun}“${ref}”不是有效的 JSON：${(e as Error).message.split('\n')[0]}`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = zodIssue(schema, json)!;
      throw new error(`${noun}“${ref}”格式有误：${issue.path || '（根）'} ${issue.message}`);
    }
    this.files.set(path, { stamp, profile: parsed.data });
    return { path, profile: parsed.data };
  }

  /**
   * The chain a profile extends, base first, the profile itself last. `bases` says what a profile
   * extends (references resolved from its own file's folder); a cycle is an error.
   */
  chain(top: LoadedProfile<T> | { path: null; profile: T }, bases: (profile: T, path: string | null) => string[]): { path: string | null; profile: T }[] {
    const walk = (layer: { path: string | null; profile: T }, seen: string[]): { path: string | null; profile: T }[] => {
      const out: { path: string | null; profile: T }[] = [];
      for (const ref of bases(layer.profile, layer.path)) {
        const base = this.read(ref, layer.path ?? undefined);
        if (seen.includes(base.path)) throw new this.kind.error(`${this.kind.noun}循环继承：${[...seen, base.path].join(' → ')}`);
        out.push(...walk(base, [...seen, base.path]));
      }
      out.push(layer);
      return out;
    };
    return walk(top, top.path ? [top.path] : []);
  }

  /** The profile names in the folder, sorted. */
  list(): string[] {
    try {
      return readdirSync(this.kind.dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.slice(0, -'.json'.length))
        .sort();
    } catch {
      return [];
    }
  }

  /**
   * For `auto`: the profile of the folder whose `match` fits the document's region (its name, region
   * or title contains one of the words), year and level most narrowly (the shortest span of years);
   * `fallback` when none does.
   */
  auto(doc: Pick<Disclosure, 'entity' | 'title' | 'year'>, matchOf: (profile: T) => ProfileMatch | undefined, fallback: string): string {
    return this.batch(() => {
      const place = `${doc.entity.region ?? ''}${doc.entity.name ?? ''}${doc.title ?? ''}`;
      let best: { name: string; span: number } | null = null;
      for (const name of this.list()) {
        const m = matchOf(this.read(name).profile);
        if (!m) continue;
        if (m.regions && !m.regions.some((r) => place.includes(r))) continue;
        if (m.years && (doc.year === null || doc.year < m.years[0] || doc.year > m.years[1])) continue;
        if (m.levels && (!doc.entity.level || !m.levels.includes(doc.entity.level))) continue;
        const span = m.years ? m.years[1] - m.years[0] : 1000;
        if (!best || span < best.span) best = { name, span };
      }
      return best?.name ?? fallback;
    });
  }
}
