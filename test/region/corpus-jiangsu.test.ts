/**
 * The Jiangsu corpus (../shared/corpus/jiangsu-budget: five provincial departments, 2017–2019, some
 * publishing the 说明 and the 表格 as two files) imported into a fresh store: one entity per
 * department, one disclosure per department and year, and every aggregate equal to the printed
 * figures of the documents it covers — summed here independently, from each file's check JSON,
 * grouped by the department folder the corpus keeps each file in.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { basename, dirname, join } from 'node:path';
import { importPaths } from '../../src/import/index.js';
import { Money } from '../../src/model/money.js';
import type { Store } from '../../src/store/index.js';
import { backends } from '../store/backends.js';
import { CORPUS, sharedOnly } from '../helpers/shared.js';

const JIANGSU = join(CORPUS, 'jiangsu-budget');
const TP = ['total', 'abroad', 'vehicle', 'vehiclePurchase', 'vehicleOperation', 'reception'] as const;

interface FileFacts {
  folder: string;
  year: number;
  summary: Record<string, number | null> & { threePublic: Record<string, number | null> };
  tables: { kind: string; classification: string | null; rows: { code: string | null; level: string | null; values: Record<string, { value: number | null } | null> }[] }[];
}

/** Each stored file's check JSON, with the corpus folder it came from. */
async function files(store: Store): Promise<FileFacts[]> {
  const out: FileFacts[] = [];
  const docs = await store.listDocuments({}, { limit: 1000 });
  for (const d of docs.items) {
    for (const v of (await store.versions(d.id)) ?? []) {
      // A check of the parts together repeats what the parts' own files print.
      if (v.combines) continue;
      const json = JSON.parse((await store.documentJson(d.id, v.version)) ?? 'null');
      const doc = json.document;
      // The served JSON names the file by base name only; the import path stays in the store.
      const { source_path } = await store.conn.db.selectFrom('versions').select('source_path').where('id', '=', v.versionId).executeTakeFirstOrThrow();
      out.push({ folder: basename(dirname(source_path ?? '')), year: doc.year, summary: doc.summary, tables: doc.tables });
    }
  }
  return out;
}

/** One value per disclosure: the parts that print a figure print the same one. */
function once(values: (number | null | undefined)[], what: string): Money | null {
  const stated = [...new Set(values.filter((v): v is number => v !== null && v !== undefined).map((v) => new Money(v).toFixed(2)))];
  assert.ok(stated.length <= 1, `${what}: parts print different figures ${stated.join(' / ')}`);
  return stated.length ? new Money(stated[0]) : null;
}

function groups(all: FileFacts[]): Map<string, FileFacts[]> {
  const out = new Map<string, FileFacts[]>();
  for (const f of all) out.set(`${f.folder}|${f.year}`, [...(out.get(`${f.folder}|${f.year}`) ?? []), f]);
  return out;
}

for (const backend of backends('region_jiangsu')) {
  describe(`the Jiangsu corpus in a fresh ${backend.name} store`, { skip: backend.skip || sharedOnly.skip }, () => {
    let store: Store;
    let facts: FileFacts[];
    before(async () => {
      store = await backend.open();
      const summary = await importPaths([JIANGSU], { db: store, workers: 2 });
      assert.equal(summary.failed.length, 0);
      facts = await files(store);
    });
    after(() => store?.close());

    test('the five departments are exactly five entities, each with one disclosure a year', async () => {
      const ents = await store.entities({ region: '江苏' });
      assert.equal(ents.total, 5, ents.items.map((e) => e.name).join('、'));
      const docs = await store.listDocuments({ region: '江苏' }, { limit: 100 });
      assert.equal(docs.total, 15);
      // Every folder's files went to one entity.
      assert.equal(facts.length, 22);
      for (const e of ents.items) {
        const years = (await store.listDocuments({ entityId: e.id })).items.map((d) => d.year).sort();
        assert.deepEqual(years, [2017, 2018, 2019], e.name);
      }
    });

    test('the 人大 2019 说明 and 表格 are two parts of one disclosure', async () => {
      const d = (await store.listDocuments({ entity: '人大', year: 2019 })).items;
      assert.equal(d.length, 1);
      const versions = (await store.versions(d[0].id))!;
      // The two files, then their check together, which is the current version.
      assert.deepEqual(versions.map((v) => [v.version, v.combines, v.current]), [[1, null, false], [2, null, false], [3, [1, 2], true]]);
      assert.deepEqual(versions[2].fileName.split(' + ').sort(), [versions[0].fileName, versions[1].fileName].sort());
      // Checked apart, the 说明 has no tables and the tables no 说明; together neither is missing,
      // and the 三公 split the 说明 lacks is in the tables.
      const rules = async (version: number) => (await store.findingsJson(d[0].id, { version }))!.items.map((f) => JSON.parse(f).rule as string);
      const apart = [...(await rules(1)), ...(await rules(2))];
      assert.ok(apart.includes('completeness/no-tables') && apart.includes('completeness/sections'), apart.join());
      const together = await rules(3);
      for (const gone of ['completeness/no-tables', 'completeness/sections', 'completeness/three-public-split']) assert.ok(!together.includes(gone), `${gone} in ${together.join()}`);
      // The current document is the check together: its JSON names both files.
      const json = JSON.parse((await store.documentJson(d[0].id))!);
      assert.equal(json.document.source.parts.length, 2);
      const tp = await store.threePublicByYear({ entity: '人大', year: 2019 });
      // The 说明 states no 三公 table figure; the 表格 does: the disclosure's figure is the 表格's.
      const printed = once(facts.filter((f) => f.folder === '江苏省人大办公厅' && f.year === 2019).map((f) => f.summary.threePublic.total), '人大 2019 三公');
      assert.equal(tp[0].total?.toFixed(2), printed?.toFixed(2));
      assert.equal(tp[0].documents, 1);
    });

    test('三公 by year equals the sum of the printed figures, each disclosure once', async () => {
      const expected = new Map<number, Record<string, Money>>();
      for (const [key, parts] of groups(facts)) {
        const year = parts[0].year;
        const row = expected.get(year) ?? Object.fromEntries(TP.map((k) => [k, new Money(0)]));
        for (const k of TP) {
          const v = once(parts.map((p) => p.summary.threePublic[k]), `${key} 三公 ${k}`);
          if (v) row[k] = row[k].plus(v);
        }
        expected.set(year, row);
      }
      const got = await store.threePublicByYear({ kind: 'budget' });
      assert.deepEqual(got.map((r) => r.year), [2017, 2018, 2019]);
      for (const r of got) {
        const e = expected.get(r.year!)!;
        for (const k of TP) assert.equal((r[k] ?? new Money(0)).toFixed(2), e[k].toFixed(2), `${r.year} ${k}`);
        assert.equal(r.documents, 5);
        // The parts add up to the total (each figure printed to 0.01: five documents, three parts).
        const parts = e.abroad.plus(e.vehicle).plus(e.reception);
        assert.ok(parts.minus(e.total).abs().lte(0.075), `${r.year}: ${parts} vs ${e.total}`);
      }
    });

    test('basic and project expenditure by department and year equal the printed figures', async () => {
      const rows = await store.basicVsProject({ kind: 'budget' });
      assert.equal(rows.length, 15);
      const byFolder = groups(facts);
      for (const r of rows) {
        const entry = [...byFolder.values()].find((parts) => parts[0].year === r.year && parts.some((p) => p.summary.expenditureTotal !== null && new Money(p.summary.expenditureTotal!).toFixed(2) === r.expenditureTotal?.toFixed(2)));
        assert.ok(entry, `${r.entity} ${r.year}`);
        for (const [k, col] of [['basicExpenditure', 'basic'], ['projectExpenditure', 'project'], ['expenditureTotal', 'expenditureTotal']] as const) {
          assert.equal(r[col]?.toFixed(2) ?? null, once(entry.map((p) => p.summary[k]), `${r.entity} ${r.year} ${k}`)?.toFixed(2) ?? null, `${r.entity} ${r.year} ${k}`);
        }
      }
    });

    for (const [classification, table] of [['functional', 'general-budget-expenditure'], ['functional', 'revenue-expenditure-summary'], ['economic', 'general-budget-basic']] as const) {
      test(`${classification} classes of the ${table} table by year equal the sum of the printed 类 rows`, async () => {
        const expected = new Map<string, Money>();
        for (const parts of groups(facts).values()) {
          // The disclosure's table is printed in one of its files (a 说明 does not repeat it); a
          // file that prints two tables of the kind (财政拨款支出表 and 一般公共预算支出表) states its
          // figures once: its first table counts.
          const holders = parts.filter((p) => p.tables.some((t) => t.kind === table && t.classification === classification && t.rows.some((r) => r.level === 'class')));
          assert.ok(holders.length <= 1, `${parts[0].folder} ${parts[0].year}: ${table} in ${holders.length} files`);
          const t = holders[0]?.tables.find((t) => t.kind === table && t.classification === classification && t.rows.some((r) => r.level === 'class'));
          for (const row of t?.rows ?? []) {
            if (row.level !== 'class') continue;
            for (const [measure, fig] of Object.entries(row.values)) {
              if (fig?.value === null || fig?.value === undefined) continue;
              const k = `${measure}|${parts[0].year}|${row.code}`;
              expected.set(k, (expected.get(k) ?? new Money(0)).plus(fig.value));
            }
          }
        }
        const measures = new Set([...expected.keys()].map((k) => k.split('|')[0]));
        assert.ok(measures.size > 0);
        const got = new Map<string, string>();
        for (const measure of measures) {
          for (const r of await store.byClass({ classification, table, measure, kind: 'budget' })) got.set(`${measure}|${r.year}|${r.code}`, r.amount.toFixed(2));
        }
        assert.deepEqual(got, new Map([...expected].map(([k, v]) => [k, v.toFixed(2)])));
      });
    }
  });
}
