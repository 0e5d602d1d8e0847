/**
 * `npx tsx scripts/catalog-harvest.ts DIR… [--write]`: the classification codes published
 * disclosures print that the catalog (src/catalog/data) does not have yet, as the catalog's own
 * provenance is: codes and names as printed in disclosures.
 *
 * Only what is read with certainty counts: rows of standard tables whose own identities hold
 * (reading `verified`). A code is proposed when every document that prints it gives it the same
 * name (a name cut at a line end is the same name) and at least two entities print it, so that one
 * document's typo never becomes a catalog name. Codes whose names differ between documents are
 * listed for a person to settle from the year's official catalogue. Names are added without years:
 * a name whose years are known is added by hand with `from`/`to`.
 *
 * Prints the proposals; `--write` adds them to the data files (sorted by code).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Catalog, catalog, type Scheme } from '../src/catalog/index.js';
import { codeRows } from '../src/rules/lib/tables.js';
import { checkFile } from '../src/pipeline.js';

const args = process.argv.slice(2);
const write = args.includes('--write');
const dirs = args.filter((a) => !a.startsWith('--')).map((d) => resolve(d));
const MIN_ENTITIES = 2;
const DOCS = new Set(['.pdf', '.docx', '.xlsx', '.html', '.htm', '.txt']);

const walk = (d: string): string[] =>
  readdirSync(d)
    .sort()
    .flatMap((n) => {
      const p = join(d, n);
      if (statSync(p).isDirectory()) return n.startsWith('_not') ? [] : walk(p);
      return DOCS.has(extname(n).toLowerCase()) ? [p] : [];
    });

/** The name as the catalog writes it: no spaces, no numbering before it. */
const clean = (name: string) => name.replace(/\s+/g, '').replace(/^[（(]?[一二三四五六七八九十\d]+[）)、.．]/, '');

interface Seen {
  names: Map<string, Set<string>>;
  entities: Set<string>;
}
const seen = new Map<string, Seen>();
const cat = catalog();

for (const file of dirs.flatMap(walk)) {
  let doc;
  try {
    doc = (await checkFile(file, { profile: 'auto' })).document;
  } catch {
    continue;
  }
  const entity = doc.entity?.name || file;
  for (const t of doc.tables) {
    if (t.reading?.status !== 'verified') continue;
    for (const r of codeRows(t)) {
      const scheme = Catalog.schemeOfCode(r.code!);
      const name = clean(r.name);
      if (!scheme || !name || cat.versions(scheme, r.code!).length) continue;
      const key = `${scheme}:${r.code}`;
      const s = seen.get(key) ?? { names: new Map(), entities: new Set() };
      s.names.set(name, (s.names.get(name) ?? new Set()).add(file));
      s.entities.add(entity);
      seen.set(key, s);
    }
  }
}

const proposals = new Map<Scheme, Map<string, string>>();
const disputed: string[] = [];
for (const [key, s] of [...seen].sort(([a], [b]) => a.localeCompare(b))) {
  const [scheme, code] = key.split(':') as [Scheme, string];
  const names = [...s.names.keys()].sort((a, b) => b.length - a.length);
  // Every other spelling a cut of the longest, or the same name by the catalog's comparison.
  const agree = names.every((n) => Catalog.sameName(n, [names[0]]));
  if (!agree) {
    disputed.push(`${code} ${names.map((n) => `${n}（${s.names.get(n)!.size} 份）`).join(' / ')}`);
    continue;
  }
  if (s.entities.size < MIN_ENTITIES) continue;
  const m = proposals.get(scheme) ?? new Map<string, string>();
  m.set(code, withoutParent(scheme, code, names[0], m));
  proposals.set(scheme, m);
}

/** The name without a bracket naming its 款 or 类 (Catalog.withoutParentName), proposed 款 included. */
function withoutParent(scheme: Scheme, code: string, name: string, proposed: Map<string, string>): string {
  const parents = [proposed.get(code.slice(0, -2)), proposed.get(code.slice(0, 3))].filter((n): n is string => !!n);
  return cat.withoutParentName(scheme, code, name, null, parents);
}

for (const [scheme, m] of proposals) {
  console.log(`# ${scheme}: ${m.size} codes`);
  for (const [code, name] of m) console.log(`${code}\t${name}`);
}
console.log(`# names that differ between documents (not added): ${disputed.length}`);
for (const d of disputed) console.log(d);

if (write) {
  const dataDir = fileURLToPath(new URL('../src/catalog/data/', import.meta.url));
  for (const [scheme, m] of proposals) {
    const path = join(dataDir, `${scheme}.json`);
    const text = readFileSync(path, 'utf8');
    const data = JSON.parse(text) as { codes: Record<string, Record<string, unknown>[]> };
    for (const [code, name] of m) data.codes[code] ??= [{ name }];
    const head = text.slice(0, text.indexOf('"codes": {') + '"codes": {'.length);
    writeFileSync(path, `${head}\n${codeLines(data.codes)}\n  }\n}\n`);
  }
}

/** The data files' own layout: one code a line; a 类 with codes under it set off by blank lines. */
function codeLines(codes: Record<string, Record<string, unknown>[]>): string {
  const version = (v: Record<string, unknown>) =>
    `{ ${Object.entries(v)
      .map(([k, x]) => `"${k}": ${Array.isArray(x) ? `[${x.map((y) => JSON.stringify(y)).join(', ')}]` : JSON.stringify(x)}`)
      .join(', ')} }`;
  const sorted = Object.keys(codes).sort();
  return sorted
    .map((code, i) => {
      const apart = i > 0 && code.length === 3 && (sorted[i - 1].length > 3 || (sorted[i + 1]?.length ?? 3) > 3);
      return `${apart ? '\n' : ''}    "${code}": [${codes[code].map(version).join(', ')}]`;
    })
    .join(',\n');
}
