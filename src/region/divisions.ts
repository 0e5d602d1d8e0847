/**
 * Administrative divisions (GB/T 2260): the catalog shipped as data (data/divisions.json) and the
 * reading of a region out of a department's name ("保定市徐水区财政局" → 河北省 › 保定市 › 徐水区).
 * A filter on a division matches every division under it by code prefix, so 河北 takes in 鹿泉区.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type DivisionLevel = 'province' | 'city' | 'county';

export interface Division {
  /** Six-digit GB/T 2260 code. */
  code: string;
  name: string;
  level: DivisionLevel;
  /** The code of the division above (null for a province). */
  parent: string | null;
}

/** Where an entity sits: the divisions from the province down, as far as they are known. */
export interface RegionPath {
  province: Division | null;
  city: Division | null;
  county: Division | null;
}

// '../region/data': the same folder from src/region/, dist/region/ or a chunk of dist/cli-bundle/.
const FILE = join(dirname(fileURLToPath(import.meta.url)), '../region/data', 'divisions.json');

/** The suffixes a name may drop in speech and in titles (河北省 → 河北, 苏州市 → 苏州). */
const SUFFIXES = ['维吾尔自治区', '壮族自治区', '回族自治区', '特别行政区', '自治区', '自治州', '地区', '省', '市', '盟'];

interface Catalog {
  byCode: Map<string, Division>;
  /** Full names and short names → divisions (several when a name repeats, e.g. 长安区). */
  byName: Map<string, Division[]>;
  /** Longest name first, to read a name's prefix greedily. */
  names: string[];
}

let catalog: Catalog | null = null;

function levelOf(code: string): DivisionLevel {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

function load(): Catalog {
  if (catalog) return catalog;
  const byCode = new Map<string, Division>();
  const data = JSON.parse(readFileSync(FILE, 'utf8')) as { divisions: Record<string, string> };
  for (const [code, name] of Object.entries(data.divisions)) byCode.set(code, { code, name, level: levelOf(code), parent: null });
  for (const d of byCode.values()) {
    if (d.level === 'city') d.parent = `${d.code.slice(0, 2)}0000`;
    if (d.level === 'county') {
      const city = `${d.code.slice(0, 4)}00`;
      // A municipality's districts and a province's directly administered cities (济源, 仙桃) sit
      // under the province.
      d.parent = byCode.has(city) ? city : `${d.code.slice(0, 2)}0000`;
    }
  }
  const byName = new Map<string, Division[]>();
  const add = (name: string, d: Division) => {
    if (name.length < 2) return;
    const list = byName.get(name) ?? [];
    if (!list.includes(d)) list.push(d);
    byName.set(name, list);
  };
  for (const d of byCode.values()) {
    add(d.name, d);
    const short = shortName(d.name);
    // A county's short name (鹿泉) is too easily part of another word; only full county names count.
    if (short !== d.name && d.level !== 'county') add(short, d);
  }
  catalog = { byCode, byName, names: [...byName.keys()].sort((a, b) => b.length - a.length) };
  return catalog;
}

export function shortName(name: string): string {
  for (const s of SUFFIXES) if (name.endsWith(s) && name.length - s.length >= 2) return name.slice(0, -s.length);
  return name;
}

export function division(code: string): Division | null {
  return load().byCode.get(code) ?? null;
}

/** Every division the catalog lists. */
export function allDivisions(): Division[] {
  return [...load().byCode.values()];
}

function pathOf(d: Division): RegionPath {
  const out: RegionPath = { province: null, city: null, county: null };
  for (let cur: Division | null = d; cur; cur = cur.parent ? division(cur.parent) : null) out[cur.level] = cur;
  return out;
}

/** The most specific division of a path. */
export function deepest(p: RegionPath): Division | null {
  return p.county ?? p.city ?? p.province;
}

function isUnder(d: Division, ancestor: Division): boolean {
  return d.code !== ancestor.code && d.code.startsWith(codePrefix(ancestor));
}

/** The code prefix every division under this one shares (13 for 河北省, 1301 for 石家庄市). */
export function codePrefix(d: Division): string {
  if (d.level === 'province') return d.code.slice(0, 2);
  if (d.level === 'city') return d.code.slice(0, 4);
  return d.code;
}

/**
 * Reads the divisions a name starts with, e.g. 河北省石家庄市鹿泉区财政局 or 保定市徐水区…, taking
 * one division after another as long as each lies under the previous. A name repeated in the
 * catalog (长安区) is taken only when what came before or `within` makes it one.
 */
export function regionOfName(name: string, within?: string | null): RegionPath {
  return splitRegion(name, within).path;
}

/** `regionOfName` and the rest of the name after the divisions it starts with (财政局). */
export function splitRegion(name: string, within?: string | null): { path: RegionPath; rest: string } {
  const cat = load();
  const context = within ? resolveDivision(within) : null;
  let rest = name.replace(/^(中国共产党|中共)/, '');
  let last: Division | null = null;
  for (;;) {
    let found: Division | null = null;
    for (const n of cat.names) {
      if (!rest.startsWith(n)) continue;
      const scope: Division | null = last ?? context;
      const candidates: Division[] = (cat.byName.get(n) ?? []).filter((d) => !scope || isUnder(d, scope) || (!last && (d.code === scope.code || isUnder(scope, d))));
      if (last && candidates.length === 0) continue;
      const unique: Division | null = candidates.length === 1 ? candidates[0] : null;
      if (unique) {
        found = unique;
        rest = rest.slice(n.length);
        break;
      }
    }
    if (!found) break;
    last = found;
    if (found.level === 'county') break;
  }
  if (!last) return { path: context ? pathOf(context) : { province: null, city: null, county: null }, rest };
  return { path: pathOf(last), rest };
}

/**
 * The division a person means by a filter (河北, 河北省, 石家庄, 鹿泉区, 130110, 保定市徐水区):
 * null when the catalog does not know it or it is ambiguous.
 */
export function resolveDivision(text: string): Division | null {
  const t = text.trim();
  if (/^\d{6}$/.test(t)) return division(t);
  if (/^\d{2}(\d{2})?$/.test(t)) return division(t.padEnd(6, '0'));
  const cat = load();
  const exact = cat.byName.get(t);
  if (exact?.length === 1) return exact[0];
  const path = regionOfName(t);
  const d = deepest(path);
  // Only when the whole text was divisions (not 保定市财政局).
  if (d && [d.name, shortName(d.name)].some((n) => t.endsWith(n))) return d;
  return null;
}
