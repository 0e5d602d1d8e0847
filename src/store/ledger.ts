/**
 * The coverage ledger: the units a finance bureau lists as having to publish (ledger_units), set
 * against the disclosures stored. Per unit, year and kind: published (when, and by what date),
 * late (after the 20 days 财预〔2016〕143号 allows from the approval), or missing.
 *
 * A unit is matched to an entity by the division its name or row places it in and the rest of
 * its name's key (石家庄市鹿泉区财政局 = region 鹿泉区, unit 财政局), through every alias a reviewer
 * or a document gave the entity.
 */
import { deepest, splitRegion } from '../region/divisions.js';
import type { LedgerUnitInput } from '../region/ledger-input.js';
import { entityKey } from '../region/names.js';
import type { Connection } from './open.js';

/** Days a department has from the approval of its budget to publish it. */
export const DEADLINE_DAYS = 20;

export type LedgerStatus = 'published' | 'late' | 'missing';

export interface LedgerRow {
  year: number;
  region: string;
  department: string;
  unit: string;
  level: string | null;
  kind: string;
  status: LedgerStatus;
  entityId: number | null;
  documentId: number | null;
  /** When it was published, and what says so: the ledger row, the document's own date, or the first import. */
  publishedOn: string | null;
  publishedSource: 'ledger' | 'document' | 'import' | null;
  approvedOn: string | null;
  deadline: string | null;
  daysLate: number | null;
  /** Chinese, for people: why the status is what it is. */
  note: string;
}

export interface LedgerReport {
  rows: LedgerRow[];
  counts: { units: number; expected: number; published: number; late: number; missing: number };
}

/** The key a unit and an entity share when they are one: division code and the rest of the name. */
export function matchKey(name: string, region?: string | null): string {
  const full = region && !name.startsWith(region) && !deepest(splitRegion(name).path) ? `${region}${name}` : name;
  const { path, rest } = splitRegion(full, region);
  const d = deepest(path);
  return d && rest ? `${d.code}:${entityKey(rest)}` : entityKey(full);
}

/** Adds or replaces the listed units (a unit is one per year and region). Returns how many rows. */
export async function importLedger(conn: Connection, units: LedgerUnitInput[]): Promise<number> {
  const now = new Date().toISOString();
  await conn.db.transaction().execute(async (trx) => {
    for (const u of units) {
      const row = {
        year: u.year,
        region: u.region,
        department: u.department,
        unit: u.unit,
        level: u.level,
        kinds: u.kinds.join(','),
        approved_on: u.approvedOn,
        published_on: u.publishedOn,
        unit_key: matchKey(u.unit, u.region),
        imported_at: now,
      };
      await trx
        .insertInto('ledger_units')
        .values(row)
        .onConflict((oc) => oc.columns(['year', 'region', 'unit_key']).doUpdateSet({ ...row }))
        .execute();
    }
  });
  return units.length;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export async function ledgerReport(conn: Connection, filter: { year?: number; region?: string } = {}): Promise<LedgerReport> {
  let q = conn.db.selectFrom('ledger_units').selectAll().orderBy('year').orderBy('region').orderBy('department').orderBy('unit');
  if (filter.year !== undefined) q = q.where('year', '=', filter.year);
  if (filter.region) q = q.where('region', 'like', `%${filter.region}%`);
  const units = await q.execute();

  // Every alias of every entity, keyed as units are.
  const aliases = await conn.db
    .selectFrom('entity_aliases as a')
    .innerJoin('entities as e', 'e.id', 'a.entity_id')
    .select(['a.alias', 'e.id', 'e.name', 'e.region'])
    .execute();
  const entityOf = new Map<string, number>();
  for (const a of aliases) {
    for (const k of [matchKey(a.name, a.region), matchKey(a.alias, a.region)]) if (!entityOf.has(k)) entityOf.set(k, a.id);
  }

  const years = [...new Set(units.map((u) => u.year))];
  const docs = years.length
    ? await conn.db
        .selectFrom('documents as d')
        .innerJoin('versions as v', 'v.document_id', 'd.id')
        .select((eb) => ['d.id', 'd.entity_id', 'd.year', 'd.kind', 'd.scope', eb.fn.min('v.stated_on').as('stated_on'), eb.fn.min('v.imported_at').as('imported_at')])
        .where('d.year', 'in', years)
        .groupBy(['d.id', 'd.entity_id', 'd.year', 'd.kind', 'd.scope'])
        .execute()
    : [];
  const docOf = new Map<string, (typeof docs)[number]>();
  for (const d of docs) {
    const k = `${d.entity_id}|${d.year}|${d.kind}`;
    // The department's own (汇总) disclosure before a 本级 one.
    if (!docOf.has(k) || d.scope !== 'own') docOf.set(k, d);
  }

  const rows: LedgerRow[] = [];
  for (const u of units) {
    const entityId = entityOf.get(u.unit_key) ?? null;
    for (const kind of u.kinds.split(',')) {
      const doc = entityId === null ? undefined : docOf.get(`${entityId}|${u.year}|${kind}`);
      const deadline = u.approved_on ? addDays(u.approved_on, DEADLINE_DAYS) : null;
      const base = { year: u.year, region: u.region, department: u.department, unit: u.unit, level: u.level, kind, entityId, approvedOn: u.approved_on, deadline };
      if (!doc) {
        rows.push({ ...base, status: 'missing', documentId: null, publishedOn: null, publishedSource: null, daysLate: null, note: entityId === null ? '库中没有该单位的任何公开文件' : `库中没有该单位 ${u.year} 年的${KIND_NAMES[kind] ?? kind}` });
        continue;
      }
      const [publishedOn, publishedSource] = u.published_on
        ? [u.published_on, 'ledger' as const]
        : doc.stated_on
          ? [String(doc.stated_on), 'document' as const]
          : [String(doc.imported_at).slice(0, 10), 'import' as const];
      const daysLate = deadline ? Math.max(0, daysBetween(deadline, publishedOn)) : null;
      const late = daysLate !== null && daysLate > 0;
      const when = { ledger: '名单所列公开日期', document: '文件所署日期', import: '导入日期' }[publishedSource];
      const note = late
        ? `${when} ${publishedOn} 晚于批复（${u.approved_on}）后 ${DEADLINE_DAYS} 日的期限 ${deadline}，逾期 ${daysLate} 日`
        : deadline
          ? `${when} ${publishedOn}，在期限 ${deadline} 内`
          : `${when} ${publishedOn}；批复日期未知，不判断是否逾期`;
      rows.push({ ...base, status: late ? 'late' : 'published', documentId: doc.id, publishedOn, publishedSource, daysLate, note });
    }
  }
  return {
    rows,
    counts: {
      units: units.length,
      expected: rows.length,
      published: rows.filter((r) => r.status === 'published').length,
      late: rows.filter((r) => r.status === 'late').length,
      missing: rows.filter((r) => r.status === 'missing').length,
    },
  };
}

export const KIND_NAMES: Record<string, string> = { budget: '部门预算', 'final-accounts': '部门决算', 'self-evaluation': '绩效自评' };

export const LEDGER_STATUS_NAMES: Record<LedgerStatus, string> = { published: '已公开', late: '逾期公开', missing: '未公开' };
