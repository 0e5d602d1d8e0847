/**
 * The classification code catalog (政府收支分类科目): codes with their official names, versioned
 * by year. Data lives in JSON files beside this module, one per scheme, so that extending the
 * catalog is editing data, not code.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export type Scheme = 'functional' | 'economic' | 'government-economic';
export const SCHEMES: Scheme[] = ['functional', 'economic', 'government-economic'];

const VersionSchema = z
  .object({
    name: z.string().min(1),
    /** First year the name applies (inclusive); open when absent. */
    from: z.number().int().optional(),
    /** Last year the name applies (inclusive); open when absent. */
    to: z.number().int().optional(),
    /** Other spellings documents use for the same name. */
    aliases: z.array(z.string()).optional(),
    /**
     * A yearly adjustment of the catalog (科目调整): from the year after `to`, what this code
     * counted is classified under these codes instead — linked in comparisons across years even
     * when the new code's name differs.
     */
    replacedBy: z.array(z.string().regex(/^\d{3}(\d{2}){0,2}$/)).optional(),
  })
  .strict();
export type CodeVersion = z.infer<typeof VersionSchema>;

/** One data file (src/catalog/data/<scheme>.json); test/rules/catalog.test.ts holds the shipped files to it. */
export const CatalogFileSchema = z
  .object({
    scheme: z.enum(['functional', 'economic', 'government-economic']),
    title: z.string(),
    note: z.string().optional(),
    codes: z.record(z.string().regex(/^\d{3}(\d{2}){0,2}$/), z.array(VersionSchema).min(1)),
  })
  .strict();

// Reached from src/catalog/, dist/catalog/ or a chunk of the bundled command (dist/cli-bundle/): the
// data sits beside src/catalog/index.ts and is copied beside dist/catalog/.
const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '../catalog/data');

export type CatalogFile = z.infer<typeof CatalogFileSchema>;

export interface CodeInfo {
  code: string;
  scheme: Scheme;
  /** Names valid in the year asked (several only when aliases exist). */
  names: string[];
  /** Every name the code has had, with its years. */
  versions: CodeVersion[];
}

export class Catalog {
  private readonly codes = new Map<Scheme, Map<string, CodeVersion[]>>();

  constructor(files: CatalogFile[]) {
    for (const f of files) {
      const m = this.codes.get(f.scheme) ?? new Map<string, CodeVersion[]>();
      for (const [code, versions] of Object.entries(f.codes)) m.set(code, [...(m.get(code) ?? []), ...versions]);
      this.codes.set(f.scheme, m);
    }
  }

  /** Which scheme a code belongs to, from its first digit: 2 functional, 3 economic, 5 government economic. */
  static schemeOfCode(code: string): Scheme | null {
    if (/^2\d{2}(\d{2}){0,2}$/.test(code)) return 'functional';
    if (/^3\d{2}(\d{2})?$/.test(code)) return 'economic';
    if (/^5\d{2}(\d{2})?$/.test(code)) return 'government-economic';
    return null;
  }

  size(scheme: Scheme): number {
    return this.codes.get(scheme)?.size ?? 0;
  }

  /** The code as the catalog knows it in `year` (any year when null); undefined when unknown then. */
  lookup(scheme: Scheme, code: string, year: number | null): CodeInfo | undefined {
    const versions = this.codes.get(scheme)?.get(code);
    if (!versions) return undefined;
    const current = versions.filter((v) => year === null || ((v.from ?? -Infinity) <= year && year <= (v.to ?? Infinity)));
    if (!current.length) return undefined;
    return { code, scheme, names: current.flatMap((v) => [v.name, ...(v.aliases ?? [])]), versions };
  }

  /** The codes of a scheme valid in `year`, in code order (e.g. every 类 a 收支总表 lists). */
  codesIn(scheme: Scheme, year: number | null, length?: number): CodeInfo[] {
    const out: CodeInfo[] = [];
    for (const code of [...(this.codes.get(scheme)?.keys() ?? [])].sort()) {
      if (length !== undefined && code.length !== length) continue;
      const info = this.lookup(scheme, code, year);
      if (info) out.push(info);
    }
    return out;
  }

  /** Whether the code exists in any year (to tell "not yet/no longer in use" from "never existed"). */
  versions(scheme: Scheme, code: string): CodeVersion[] {
    return this.codes.get(scheme)?.get(code) ?? [];
  }

  /**
   * The codes the catalog records as replacing `code` (`replacedBy`) and those it replaced, each
   * with the first year of the new code: what links a re-coded line across years.
   */
  replacements(scheme: Scheme, code: string): { from: string; to: string; year: number | null }[] {
    const out: { from: string; to: string; year: number | null }[] = [];
    for (const [c, versions] of this.codes.get(scheme) ?? []) {
      for (const v of versions) {
        for (const next of v.replacedBy ?? []) {
          if (c === code || next === code) out.push({ from: c, to: next, year: v.to !== undefined ? v.to + 1 : null });
        }
      }
    }
    return out;
  }

  /** The 类 code whose name (any year) matches, for tables that print names without codes. */
  classByName(scheme: Scheme, name: string): string | undefined {
    const n = normalizeName(name);
    for (const [code, versions] of this.codes.get(scheme) ?? []) {
      if (code.length !== 3) continue;
      if (versions.some((v) => [v.name, ...(v.aliases ?? [])].some((x) => normalizeName(x) === n))) return code;
    }
    return undefined;
  }

  /**
   * The printed name without a bracket naming the code's own 款 or 类: some templates write it to
   * tell the many 行政运行 apart (“行政运行（人力资源和社会保障管理事务）” for 2080101), which is a way of
   * printing, not another name. Other brackets are left.
   */
  withoutParentName(scheme: Scheme, code: string, printed: string, year: number | null, parentNames: string[] = []): string {
    const m = /^(.+?)\s*[（(]([^（）()]+)[）)]\s*$/.exec(printed);
    if (!m) return printed;
    for (let len = code.length - 2; len >= 3; len -= 2) {
      const names = [...(this.lookup(scheme, code.slice(0, len), year)?.names ?? []), ...parentNames];
      if (names.length && Catalog.sameName(m[2], names) && normalizeName(m[2]).length >= 2) return m[1];
    }
    return printed;
  }

  /** Whether `printed` is a spelling of one of `names` (numbering, spaces, brackets and a trailing 支出 aside). */
  static sameName(printed: string, names: string[]): boolean {
    const p = normalizeName(printed);
    if (!p) return true;
    return names.some((n) => {
      const c = normalizeName(n);
      // PDF extraction cuts long names at a line end: a long enough prefix is the same name.
      return c === p || (p.length >= 4 && c.startsWith(p));
    });
  }
}

const normalized = new Map<string, string>();

/** Strips what varies in print but not in meaning. Names repeat across rows, tables and rules: remembered. */
export function normalizeName(name: string): string {
  let n = normalized.get(name);
  if (n === undefined) {
    if (normalized.size > 10000) normalized.clear();
    n = normalizeOnce(name);
    normalized.set(name, n);
  }
  return n;
}

function normalizeOnce(name: string): string {
  return name
    .replace(/\s+/g, '')
    .replace(/^[一二三四五六七八九十]+[、.．]/, '')
    .replace(/^[（(][一二三四五六七八九十\d]+[)）]/, '')
    .replace(/^\d+[、.．]/, '')
    .replace(/^其中[:：]/, '')
    .replace(/[（(](类|款|项)[)）]$/, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/支出$/, '');
}

let loaded: Catalog | null = null;

/** The shipped catalog (loaded once). */
export function catalog(): Catalog {
  if (!loaded) {
    // The shipped files are checked against CatalogFileSchema by the tests, not here: validating
    // some 400 codes with zod took ~10 ms of every check's first run, on the way to its findings.
    const files = SCHEMES.map((s) => JSON.parse(readFileSync(join(DATA_DIR, `${s}.json`), 'utf8')) as CatalogFile);
    loaded = new Catalog(files);
  }
  return loaded;
}
