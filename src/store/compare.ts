/**
 * The sides of a comparison (region/compare.ts) read from the store: the rows of one table kind
 * and column of a disclosure, from the version that holds that table now (parts: a 表格 file
 * may hold it while the 说明 is another file), and the disclosures a reviewer names by entity,
 * year and kind.
 */
import type { CompareSide } from '../region/compare.js';
import type { Connection } from './open.js';

export class CompareError extends Error {
  /** True when what was asked for is not stored (HTTP 404), false when the question is wrong (400). */
  constructor(message: string, readonly notFound = false) {
    super(message);
  }
}

/** Table kinds tried in order when none is asked for: the first every side holds. */
export const DEFAULT_TABLES = ['general-budget-expenditure', 'expenditure', 'general-budget-basic'];

const KIND_LABELS: Record<string, string> = { budget: '预算', 'final-accounts': '决算', 'self-evaluation': '绩效自评' };

/** The disclosure of an entity, year and kind (the department's own 汇总 before a 本级). */
export async function findDisclosure(conn: Connection, entityId: number, year: number, kind: string): Promise<number | null> {
  const rows = await conn.db.selectFrom('documents').select(['id', 'scope']).where('entity_id', '=', entityId).where('year', '=', year).where('kind', '=', kind).orderBy('id').execute();
  return (rows.find((r) => r.scope !== 'own') ?? rows[0])?.id ?? null;
}

async function tablesHeld(conn: Connection, documentId: number): Promise<Map<string, number>> {
  const parts = await conn.db.selectFrom('document_parts').select(['part', 'version_id']).where('document_id', '=', documentId).execute();
  const out = new Map<string, number>();
  for (const p of parts) {
    if (p.part.startsWith('table:')) out.set(p.part.slice('table:'.length), p.version_id);
  }
  // A document stored before parts existed: its one version holds every table it has.
  const all = parts.find((p) => p.part === 'all');
  if (all) {
    const kinds = await conn.db.selectFrom('line_items').select('table_kind').distinct().where('version_id', '=', all.version_id).execute();
    for (const k of kinds) if (!out.has(k.table_kind)) out.set(k.table_kind, all.version_id);
  }
  return out;
}

export async function comparisonSides(conn: Connection, documentIds: number[], options: { table?: string; measure?: string; labels?: 'year-kind' | 'entity' } = {}): Promise<{ table: string; measure: string; sides: CompareSide[] }> {
  if (documentIds.length < 2) throw new CompareError('对比至少需要两份公开文件');
  const docs: { id: number; year: number | null; kind: string; name: string | null; held: Map<string, number> }[] = [];
  for (const id of documentIds) {
    const d = await conn.db
      .selectFrom('documents as d')
      .leftJoin('entities as e', 'e.id', 'd.entity_id')
      .select(['d.id', 'd.year', 'd.kind', 'e.name'])
      .where('d.id', '=', id)
      .executeTakeFirst();
    if (!d) throw new CompareError(`文档 ${id} 不存在`, true);
    docs.push({ ...d, held: await tablesHeld(conn, id) });
  }
  const table = options.table ?? DEFAULT_TABLES.find((t) => docs.every((d) => d.held.has(t)));
  if (!table) throw new CompareError(`这些文件没有共同的支出表可对比（${DEFAULT_TABLES.join('、')}），请用 table 指定表格类型`);
  const lacking = docs.filter((d) => !d.held.has(table));
  if (lacking.length) throw new CompareError(`文档 ${lacking.map((d) => d.id).join('、')} 没有 ${table} 表`);
  const measure = options.measure ?? 'total';
  const sameEntity = docs.every((d) => d.name === docs[0].name);
  const sides: CompareSide[] = [];
  for (const d of docs) {
    const items = await conn.db
      .selectFrom('line_items')
      .select(['code', 'row_name', 'level', 'amount', 'row_role', 'table_index'])
      .where('version_id', '=', d.held.get(table)!)
      .where('table_kind', '=', table)
      .where('measure', '=', measure)
      .orderBy('id')
      .execute();
    // The first table of the kind only (a document may print one kind twice), line rows only.
    const first = items.length ? Math.min(...items.map((i) => i.table_index)) : 0;
    const lines = items
      .filter((i) => i.table_index === first && i.row_role === 'line' && (i.code !== null || i.level !== null))
      .map((i) => ({ code: i.code, name: i.row_name, level: i.level, amount: String(i.amount) }));
    const when = `${d.year ?? '?'}年${KIND_LABELS[d.kind] ?? d.kind}`;
    const label = sameEntity || options.labels === 'year-kind' ? when : `${d.name ?? `文档 ${d.id}`} ${when}`;
    sides.push({ label, documentId: d.id, entity: d.name, year: d.year, kind: d.kind, lines });
  }
  return { table, measure, sides };
}

/** What a reviewer asks to compare; exactly one of the shapes. */
export interface CompareQuery {
  /** Disclosures by id, in order. */
  documents?: number[];
  /** One entity: across `years` (kind, default budget), or in `year` its budget against its final accounts. */
  entity?: number;
  /** Departments side by side in `year` (kind, default budget). */
  entities?: number[];
  years?: number[];
  year?: number;
  kind?: string;
  table?: string;
  measure?: string;
}

/** The disclosures a query names, in order; a clear Chinese error when one is not stored. */
export async function resolveComparison(conn: Connection, q: CompareQuery): Promise<number[]> {
  if (q.documents?.length) return q.documents;
  const need = async (entityId: number, year: number, kind: string) => {
    const id = await findDisclosure(conn, entityId, year, kind);
    if (id === null) throw new CompareError(`库中没有单位 ${entityId} ${year} 年的${KIND_LABELS[kind] ?? kind}公开`, true);
    return id;
  };
  if (q.entity !== undefined && q.years && q.years.length >= 2) {
    const out = [];
    for (const y of [...q.years].sort((a, b) => a - b)) out.push(await need(q.entity, y, q.kind ?? 'budget'));
    return out;
  }
  if (q.entity !== undefined && q.year !== undefined) return [await need(q.entity, q.year, 'budget'), await need(q.entity, q.year, 'final-accounts')];
  if (q.entities && q.entities.length >= 2 && q.year !== undefined) {
    const out = [];
    for (const e of q.entities) out.push(await need(e, q.year, q.kind ?? 'budget'));
    return out;
  }
  throw new CompareError('请指定对比对象：documents（文档编号，两个以上）；或 entity 与 years（同一单位跨年度）；或 entity 与 year（同年预算与决算）；或 entities 与 year（部门并列）');
}
