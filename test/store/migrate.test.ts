import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, sql, type Kysely } from 'kysely';
import { Store, toRecord, type DocumentRecord } from '../../src/store/index.js';
import pg from 'pg';
import { migrations } from '../../src/store/migrations/index.js';
import { backends, PG_URL } from './backends.js';
import { synthetic, QINGSHAN_2022, HUXI_2022, type SyntheticSpec } from '../fixtures/store/build.js';

/** A document as the first schema stored it: one search row per text, no per-document tables. */
async function saveFirstSchema(db: Kysely<any>, spec: SyntheticSpec, revision = 1): Promise<number> {
  const { result, bytes } = synthetic({ ...spec, revision });
  const r: DocumentRecord = toRecord(result, { sha256: result.document.source.sha256, fileName: 'x.txt', sourcePath: null, size: bytes.length });
  const now = '2024-01-01T00:00:00.000Z';
  await db.insertInto('entities').values({ name: r.entity.name, region: r.entity.region, level: r.entity.level, code: null }).onConflict((oc) => oc.column('name').doNothing()).execute();
  const entity = await db.selectFrom('entities').select('id').where('name', '=', r.entity.name).executeTakeFirstOrThrow();
  const key = `${r.entity.name}|${r.year}|${r.kind}`;
  await db.insertInto('documents').values({ key, entity_id: entity.id, year: r.year, kind: r.kind, current_version_id: null, version_count: 0, created_at: now, updated_at: now }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const doc = await db.selectFrom('documents').select(['id', 'version_count']).where('key', '=', key).executeTakeFirstOrThrow();
  const { id: versionId } = await db
    .insertInto('versions')
    .values({
      document_id: doc.id,
      version: doc.version_count + 1,
      sha256: r.file.sha256,
      file_name: r.file.fileName,
      format: r.format,
      size: r.file.size,
      imported_at: now,
      ...r.summary,
      result_gz: Buffer.from(r.jsonGz),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const common = { version_id: versionId, document_id: doc.id };
  await db
    .insertInto('line_items')
    .values(
      r.lineItems.map((li) => ({
        ...common,
        entity_id: entity.id,
        year: r.year,
        kind: r.kind,
        table_index: li.tableIndex,
        table_kind: li.tableKind,
        table_title: li.tableTitle,
        classification: li.classification,
        code: li.code,
        level: li.level,
        row_index: li.rowIndex,
        row_name: li.rowName,
        row_role: li.rowRole,
        side: li.side,
        measure: li.measure,
        amount: li.amount,
      })),
    )
    .execute();
  const rank = { entity: 0, title: 1, project: 2, paragraph: 3 };
  await db
    .insertInto('search_text')
    .values(r.search.map((s) => ({ ...common, field: s.field, rank: rank[s.field], text: s.text })))
    .execute();
  await db.updateTable('documents').set({ current_version_id: versionId, version_count: doc.version_count + 1 }).where('id', '=', doc.id).execute();
  return doc.id;
}

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

for (const backend of backends('migrate')) {
  describe(`a store of the first schema, opened on ${backend.name}`, { skip: backend.skip }, () => {
    test('is migrated: search (also for two characters) and the aggregates see its current versions, the per-paragraph table is gone', async () => {
      let target: { db: string; schema?: string };
      if (backend.name === 'sqlite') {
        const dir = mkdtempSync(join(tmpdir(), 'gongkai-migrate-'));
        dirs.push(dir);
        target = { db: join(dir, 'old.db') };
      } else {
        target = backend.fresh();
      }
      const old = await Store.open({ ...target, migrate: false });
      const ids: Record<string, number> = {};
      try {
        const migrator = new Migrator({
          db: old.conn.db,
          provider: { getMigrations: async () => migrations(old.dialect) },
          ...(old.dialect === 'postgres' ? { migrationTableSchema: target.schema } : {}),
        });
        const { error } = await migrator.migrateTo('0001_init');
        assert.equal(error, undefined);
        const db = old.conn.db as unknown as Kysely<any>;
        await saveFirstSchema(db, QINGSHAN_2022);
        // A second version: only its text and amounts may count.
        ids.q22 = await saveFirstSchema(db, { ...QINGSHAN_2022, paragraphs: ['第二版说明：宣传经费另列。'], threePublic: { total: 4.4, abroad: 0, vehicle: 2.1, vehiclePurchase: 0, vehicleOperation: 2.1, reception: 2.3 } }, 2);
        ids.h22 = await saveFirstSchema(db, HUXI_2022);
      } finally {
        await old.close();
      }

      const store = await Store.open(target);
      try {
        assert.deepEqual((await store.search('青山区委网络')).items.map((h) => [h.id, h.matches[0].field]), [[ids.q22, 'entity']]);
        assert.deepEqual((await store.search('宣传')).items.map((h) => [h.id, h.matches[0].snippet]), [[ids.q22, '第二版说明：宣传经费另列。']]);
        assert.equal((await store.search('统筹协调全区')).total, 0, 'the first version’s paragraph is not current');
        assert.deepEqual((await store.search('财政')).items.map((h) => h.id), [ids.h22]);

        const classes = await store.byClass({ classification: 'functional' });
        assert.deepEqual(classes.map((r) => [r.code, r.amount.toFixed(2), r.documents]), [
          ['201', '1230.60', 2],
          ['208', '100.40', 2],
          ['221', '53.60', 2],
        ]);
        const tp = await store.threePublicByYear();
        assert.deepEqual(tp.map((r) => [r.year, r.documents, r.total?.toFixed(2), r.reception?.toFixed(2)]), [[2022, 2, '16.85', '5.40']]);

        const exists = async (table: string) => {
          const q =
            store.dialect === 'sqlite'
              ? sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE name = ${table}`
              : sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ${table}`;
          return Number((await q.execute(store.conn.db)).rows[0].n) > 0;
        };
        assert.equal(await exists('search_text'), false);
        assert.equal(await exists('search_docs'), true);
      } finally {
        await store.close();
      }
    });
  });
}

test('on PostgreSQL, a store sees its own schema in the catalog, not other sessions\' schemas', { skip: PG_URL ? false : 'GONGKAI_TEST_PG_URL is unset' }, async () => {
  const pgb = backends('scope').find((b) => b.name === 'postgres')!;
  const other = new pg.Client({ connectionString: PG_URL });
  await other.connect();
  const foreign = `t_foreign_${process.pid}`;
  await other.query(`CREATE SCHEMA IF NOT EXISTS ${foreign}; CREATE TABLE IF NOT EXISTS ${foreign}.documents (id serial primary key)`);
  const store = await pgb.open();
  try {
    const tables = await store.conn.db.introspection.getTables({ withInternalKyselyTables: true });
    const schemas = new Set(tables.map((t) => t.schema));
    assert.ok(!schemas.has(foreign), 'another schema\'s tables are not seen');
    const own = tables.filter((t) => t.name === 'documents');
    assert.equal(own.length, 1, 'the store\'s own documents table, once');
    assert.ok(tables.some((t) => t.name === 'kysely_migration'), 'the migration table is there when asked for');
    const plain = await store.conn.db.introspection.getTables();
    assert.ok(!plain.some((t) => t.name === 'kysely_migration'), 'and hidden otherwise');
    assert.ok(own[0].columns.some((c) => c.name === 'id' && c.isAutoIncrementing), 'serial columns are still known');
  } finally {
    await store.close();
    await other.query(`DROP SCHEMA ${foreign} CASCADE`);
    await other.end();
  }
});

test('on PostgreSQL, new stores migrate while other sessions create and drop schemas with serial columns', { skip: PG_URL ? false : 'GONGKAI_TEST_PG_URL is unset' }, async () => {
  const pgb = backends('churn').find((b) => b.name === 'postgres')!;
  const churn = new pg.Client({ connectionString: PG_URL });
  await churn.connect();
  let stop = false;
  let dropped = 0;
  const loop = (async () => {
    for (let k = 0; !stop; k++) {
      const s = `t_dropped_${process.pid}_${k}`;
      await churn.query(`CREATE SCHEMA ${s}; CREATE TABLE ${s}.a (id serial primary key); CREATE TABLE ${s}.b (id serial primary key)`);
      await churn.query(`DROP SCHEMA ${s} CASCADE`);
      dropped++;
    }
  })();
  try {
    for (let i = 0; i < 12; i++) {
      const store = await pgb.open();
      await store.close();
    }
  } finally {
    stop = true;
    await loop;
    await churn.end();
  }
  assert.ok(dropped > 0, 'schemas were dropped while the stores migrated');
});
