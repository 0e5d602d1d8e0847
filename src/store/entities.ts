/**
 * Entities and their aliases: a document's printed name is matched by its key (region/names.ts)
 * through `entity_aliases`, so every variant of one department's name lands on one entity, and a
 * reviewer can say otherwise (merge two entities, split a name off into an entity of its own).
 */
import type { Kysely } from 'kysely';
import { regionOfName } from '../region/divisions.js';
import { entityKey } from '../region/names.js';
import type { Connection } from './open.js';
import type { Database } from './schema.js';

export interface EntityInput {
  name: string;
  region: string | null;
  level: string | null;
  code: string | null;
  parent?: string | null;
}

/** Division columns of an entity, read from its name (and the region the document gave). */
export function divisionColumns(name: string, region: string | null) {
  const p = regionOfName(name, region);
  const deepest = p.county ?? p.city ?? p.province;
  return { division: deepest?.code ?? null, province: p.province?.name ?? null, city: p.city?.name ?? null, county: p.county?.name ?? null };
}

/** The entity a printed name means: through its alias, else a new entity with the alias. */
export async function resolveEntity(trx: Kysely<Database>, e: EntityInput, now: string): Promise<number> {
  const key = entityKey(e.name);
  const alias = await trx.selectFrom('entity_aliases').select('entity_id').where('alias', '=', key).executeTakeFirst();
  let id = alias?.entity_id;
  if (id === undefined) {
    await trx
      .insertInto('entities')
      .values({ name: e.name, key, region: e.region, level: e.level, code: e.code, parent_name: e.parent ?? null, parent_id: null, ...divisionColumns(e.name, e.region) })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const row = await trx.selectFrom('entities').select('id').where('key', '=', key).executeTakeFirstOrThrow();
    id = row.id;
    await trx.insertInto('entity_aliases').values({ alias: key, entity_id: id, source: 'auto', created_at: now }).onConflict((oc) => oc.column('alias').doNothing()).execute();
  }
  const row = await trx.selectFrom('entities').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  // A later document may know what an earlier one did not; never erase what is known.
  const patch: Record<string, unknown> = {};
  if (!row.region && e.region) patch.region = e.region;
  if (!row.level && e.level) patch.level = e.level;
  if (!row.code && e.code) patch.code = e.code;
  if (!row.parent_name && e.parent) patch.parent_name = e.parent;
  if (!row.division && e.region) Object.assign(patch, divisionColumns(row.name, e.region));
  const parentName = (patch.parent_name as string | undefined) ?? (row.parent_id === null ? row.parent_name : null);
  if (parentName) {
    const parent = await trx.selectFrom('entity_aliases').select('entity_id').where('alias', '=', entityKey(parentName)).executeTakeFirst();
    if (parent && parent.entity_id !== id) patch.parent_id = parent.entity_id;
  }
  if (Object.keys(patch).length) await trx.updateTable('entities').set(patch).where('id', '=', id).execute();
  return id;
}

export class EntityEditError extends Error {}

export interface AliasRow {
  alias: string;
  entityId: number;
  source: string;
}

export async function listAliases(conn: Connection, entityId?: number): Promise<AliasRow[]> {
  let q = conn.db.selectFrom('entity_aliases').select(['alias', 'entity_id', 'source']).orderBy('entity_id').orderBy('alias');
  if (entityId !== undefined) q = q.where('entity_id', '=', entityId);
  return (await q.execute()).map((r) => ({ alias: r.alias, entityId: r.entity_id, source: r.source }));
}

/**
 * Merges entity `from` into `into`: its aliases and documents move over; a disclosure both have
 * (same year, kind and scope) becomes one, with the moved files as later versions.
 */
export async function mergeEntities(trx: Kysely<Database>, dialect: Connection['dialect'], from: number, into: number): Promise<void> {
  if (from === into) throw new EntityEditError('不能把单位合并到它自己');
  for (const id of [from, into]) {
    if (!(await trx.selectFrom('entities').select('id').where('id', '=', id).executeTakeFirst())) throw new EntityEditError(`单位 ${id} 不存在`);
  }
  const now = new Date().toISOString();
  await trx.updateTable('entity_aliases').set({ entity_id: into, source: 'reviewer', created_at: now }).where('entity_id', '=', from).execute();
  const docs = await trx.selectFrom('documents').selectAll().where('entity_id', '=', from).execute();
  const { moveDocument } = await import('./parts.js');
  for (const d of docs) await moveDocument(trx, dialect, d.id, into);
  await trx.updateTable('entities').set({ parent_id: into }).where('parent_id', '=', from).execute();
  await trx.deleteFrom('entities').where('id', '=', from).execute();
}

/**
 * Splits a printed name off its entity: the name's key gets an entity of its own and the documents
 * whose files printed a name with that key move to it. Returns the new entity's id.
 */
export async function splitEntity(trx: Kysely<Database>, dialect: Connection['dialect'], entityId: number, name: string): Promise<number> {
  const key = entityKey(name);
  const alias = await trx.selectFrom('entity_aliases').select('entity_id').where('alias', '=', key).executeTakeFirst();
  const entity = await trx.selectFrom('entities').selectAll().where('id', '=', entityId).executeTakeFirst();
  if (!entity) throw new EntityEditError(`单位 ${entityId} 不存在`);
  if (entity.key === key) throw new EntityEditError(`“${name}”是单位 ${entityId} 自己的名称，不能拆出`);
  const now = new Date().toISOString();
  await trx
    .insertInto('entities')
    .values({ name, key, region: entity.region, level: entity.level, code: null, parent_name: null, parent_id: null, ...divisionColumns(name, entity.region) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const created = await trx.selectFrom('entities').select('id').where('key', '=', key).executeTakeFirstOrThrow();
  if (alias) await trx.updateTable('entity_aliases').set({ entity_id: created.id, source: 'reviewer', created_at: now }).where('alias', '=', key).execute();
  else await trx.insertInto('entity_aliases').values({ alias: key, entity_id: created.id, source: 'reviewer', created_at: now }).execute();
  // The documents whose every file printed the split-off name move whole.
  const docs = await trx.selectFrom('documents').select('id').where('entity_id', '=', entityId).execute();
  const { moveDocument } = await import('./parts.js');
  for (const d of docs) {
    const names = await trx.selectFrom('versions').select('entity_name').where('document_id', '=', d.id).execute();
    if (names.length > 0 && names.every((n) => n.entity_name && entityKey(n.entity_name) === key)) await moveDocument(trx, dialect, d.id, created.id);
  }
  return created.id;
}

/**
 * Fills what the region migration left empty in a store written before it: each entity's key
 * and division; entities whose names turn out to be one department are merged. Cheap when there is
 * nothing to do (one indexed query).
 */
export async function fillEntityKeys(conn: Connection): Promise<void> {
  const missing = await conn.db.selectFrom('entities').select(['id', 'name', 'region']).where('key', 'is', null).orderBy('id').execute();
  if (missing.length === 0) return;
  const now = new Date().toISOString();
  await conn.db.transaction().execute(async (trx) => {
    for (const e of missing) {
      const key = entityKey(e.name);
      const alias = await trx.selectFrom('entity_aliases').select('entity_id').where('alias', '=', key).executeTakeFirst();
      if (alias) {
        await trx.updateTable('entities').set({ key: `#merged-${e.id}` }).where('id', '=', e.id).execute();
        await mergeEntities(trx, conn.dialect, e.id, alias.entity_id);
        continue;
      }
      await trx.updateTable('entities').set({ key, ...divisionColumns(e.name, e.region) }).where('id', '=', e.id).execute();
      await trx.insertInto('entity_aliases').values({ alias: key, entity_id: e.id, source: 'auto', created_at: now }).execute();
    }
  });
}
