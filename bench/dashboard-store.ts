/**
 * A store of many documents for the dashboard benchmark, filled fast: each document is a thin
 * record written through `Store.save` (the store API, not a checked file) — an entity of its own
 * region and department, a year, a kind, the finding counts and findings of one of the seed
 * results. What the dashboard reads (documents, versions, entities, findings) is all there; line
 * items, projects and search text, which it never reads, are left out so 10,000 documents are
 * stored in a minute rather than in a quarter of an hour.
 */
import { createHash } from 'node:crypto';
import type { DocumentRecord } from '../src/store/record.js';
import type { Store } from '../src/store/index.js';
import { STEMS } from './variants.js';

const PROVINCES = ['河北省', '江苏省', '四川省', '湖南省'];
const CITIES = ['东州市', '西平市', '南安市', '北山市', '青川市'];
const DEPARTMENTS = ['财政局', '教育局', '卫生健康委员会', '农业农村局', '交通运输局', '民政局', '公安局', '自然资源局', '水利局', '文化广电和旅游局'];
const KINDS = ['budget', 'final-accounts', 'self-evaluation'] as const;
/** Ten years, so a year filter keeps a tenth of the store. */
export const YEARS = Array.from({ length: 10 }, (_, i) => 2015 + i);

/** The i-th synthetic document of a fill: the same i gives the same document. */
export function syntheticRecord(i: number, bases: DocumentRecord[]): DocumentRecord {
  const year = YEARS[i % YEARS.length];
  const rest = Math.floor(i / YEARS.length);
  const department = DEPARTMENTS[rest % DEPARTMENTS.length];
  const place = Math.floor(rest / DEPARTMENTS.length);
  const county = `${STEMS[place % STEMS.length]}县`;
  const city = CITIES[place % CITIES.length];
  const province = PROVINCES[Math.floor(place / CITIES.length) % PROVINCES.length];
  const kind = KINDS[i % 7 === 0 ? 2 : i % 3 === 0 ? 1 : 0];
  const base = bases[(i + rest) % bases.length];
  // A varying part of the base's findings, so documents differ in their counts.
  const findings = base.findings.filter((_, k) => (k + i) % 5 !== 0);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity as keyof typeof counts]++;
  const sha256 = createHash('sha256').update(`synthetic ${i}`).digest('hex');
  return {
    ...base,
    file: { ...base.file, sha256, fileName: `${county}${department}${year}.txt`, sourcePath: null, size: 1000 + i },
    kind,
    year,
    title: `${county}${department}${year}年部门预算公开`,
    entity: { name: `${county}${department}`, region: `${province}${city}${county}`, level: 'county', code: null, scope: null, parent: null },
    counts,
    findings,
    lineItems: [],
    projects: [],
    search: [],
    grams: '',
    classTotals: [],
  };
}

/** Stores `count` synthetic documents; `log` hears every 2,000. */
export async function fillDashboardStore(store: Store, count: number, bases: DocumentRecord[], log: (line: string) => void = () => undefined): Promise<void> {
  for (let i = 0; i < count; i++) {
    const record = syntheticRecord(i, bases);
    await store.save(record, Buffer.from(record.file.sha256));
    if ((i + 1) % 2000 === 0) log(`  stored ${i + 1}/${count}`);
  }
}
