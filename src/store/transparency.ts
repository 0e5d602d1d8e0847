/**
 * Transparency scores of stored disclosures (region/transparency.ts), each disclosure's parts
 * scored as one, with the ledger's approval and publication dates for timeliness; ranked, and a
 * region's score as the mean of its disclosures'.
 */
import { gunzipSync } from 'node:zlib';
import { combineParts, scoreInputOf, scoreTransparency, type ScoreInput, type TransparencyProfile, type TransparencyScore } from '../region/transparency.js';
import { documentConditions, type DocumentFilter } from './filters.js';
import { ledgerReport } from './ledger.js';
import type { Connection } from './open.js';

export interface TransparencyRow extends TransparencyScore {
  rank: number;
  documentId: number;
  entityId: number | null;
  entity: string | null;
  region: string | null;
  year: number | null;
  kind: string;
}

export interface TransparencyRanking {
  /** Mean of the disclosures' scores (null when none). */
  regionScore: number | null;
  rows: TransparencyRow[];
}

const CHUNK = 500;

export async function transparencyRanking(conn: Connection, filter: DocumentFilter, profile: TransparencyProfile): Promise<TransparencyRanking> {
  const docs = await conn.db
    .selectFrom('documents as d')
    .leftJoin('entities as e', 'e.id', 'd.entity_id')
    .where((eb) => eb.and(documentConditions(conn.dialect, filter, eb)))
    .select(['d.id', 'd.entity_id', 'd.year', 'd.kind', 'e.name', 'e.province', 'e.city', 'e.county', 'e.region'])
    .orderBy('d.id')
    .execute();
  if (docs.length === 0) return { regionScore: null, rows: [] };
  const ids = docs.map((d) => d.id);

  // The versions holding each document's parts now.
  const holders = new Map<number, Set<number>>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const parts = await conn.db.selectFrom('document_parts').select(['document_id', 'version_id']).where('document_id', 'in', ids.slice(i, i + CHUNK)).execute();
    for (const p of parts) holders.set(p.document_id, (holders.get(p.document_id) ?? new Set()).add(p.version_id));
  }
  const versionIds = [...new Set([...holders.values()].flatMap((s) => [...s]))];
  const resultOf = new Map<number, ScoreInput>();
  const older: number[] = [];
  for (let i = 0; i < versionIds.length; i += CHUNK) {
    const rows = await conn.db.selectFrom('versions').select(['id', 'score_gz']).where('id', 'in', versionIds.slice(i, i + CHUNK)).execute();
    for (const r of rows) {
      if (r.score_gz) resultOf.set(r.id, JSON.parse(gunzipSync(r.score_gz).toString('utf8')));
      else older.push(r.id);
    }
  }
  // Versions stored before score inputs were kept: from their full check results.
  for (let i = 0; i < older.length; i += 50) {
    const rows = await conn.db.selectFrom('versions').select(['id', 'result_gz']).where('id', 'in', older.slice(i, i + 50)).execute();
    for (const r of rows) resultOf.set(r.id, scoreInputOf(JSON.parse(gunzipSync(r.result_gz).toString('utf8'))));
  }

  // Timeliness from the ledger, where it lists the unit and the approval date.
  const years = [...new Set(docs.map((d) => d.year).filter((y): y is number => y !== null))];
  const dates = new Map<number, { approvedOn: string | null; publishedOn: string | null }>();
  for (const year of years) {
    for (const r of (await ledgerReport(conn, { year })).rows) {
      if (r.documentId !== null) dates.set(r.documentId, { approvedOn: r.approvedOn, publishedOn: r.publishedOn });
    }
  }

  const rows: TransparencyRow[] = docs.map((d) => {
    const parts = [...(holders.get(d.id) ?? [])].map((v) => resultOf.get(v)).filter((x): x is ScoreInput => !!x);
    const input = { ...combineParts(parts), timeliness: dates.get(d.id) };
    const region = [d.province, d.city, d.county].filter(Boolean).join('') || d.region;
    return { rank: 0, documentId: d.id, entityId: d.entity_id, entity: d.name, region, year: d.year, kind: d.kind, ...scoreTransparency(input, profile) };
  });
  rows.sort((a, b) => b.score - a.score || (a.entity ?? '').localeCompare(b.entity ?? '') || (a.year ?? 0) - (b.year ?? 0));
  // Equal scores share a rank.
  rows.forEach((r, i) => (r.rank = i > 0 && rows[i - 1].score === r.score ? rows[i - 1].rank : i + 1));
  const regionScore = Math.round((rows.reduce((s, r) => s + r.score, 0) / rows.length) * 100) / 100;
  return { regionScore, rows };
}
