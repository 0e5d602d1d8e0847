/**
 * The coverage ledger for a made-up region of 30 units: 25 published (3 of them after the 20-day
 * deadline), 5 missing — reported exactly, from a CSV and from an Excel list.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Store, toRecord } from '../../src/store/index.js';
import { LedgerInputError, readLedgerFile } from '../../src/region/ledger-input.js';
import { backends } from '../store/backends.js';
import { synthetic } from '../fixtures/store/build.js';

const REGION = '示范县';
const UNITS = Array.from({ length: 30 }, (_, i) => `第${i + 1}局`);
const MISSING = new Set([3, 8, 15, 22, 29]);
const LATE = new Map([
  [5, '2024-02-25'],
  [12, '2024-03-01'],
  [20, '2024-02-21'],
]);
const APPROVED = '2024-01-31';

function csv(): string {
  const lines = ['地区,部门,单位,级次,年度,批复日期,公开日期'];
  UNITS.forEach((u, i) => {
    // 2024-02-20 is day 20 after 01-31: still in time (unit 0); 02-21 is a day late (unit 20).
    const published = LATE.get(i) ?? (MISSING.has(i) ? '' : i === 0 ? '2024-02-20' : '2024-02-10');
    lines.push(`${REGION},${u},${REGION}${u},县级,2024,${APPROVED},${published}`);
  });
  return lines.join('\n') + '\n';
}

for (const backend of backends('region_ledger')) {
  describe(`the coverage ledger on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    let dir: string;
    before(async () => {
      store = await backend.open();
      dir = mkdtempSync(join(tmpdir(), 'gongkai-ledger-'));
      for (const [i, u] of UNITS.entries()) {
        if (MISSING.has(i)) continue;
        const { result, bytes } = synthetic({ entity: `${REGION}${u}`, year: 2024, basic: 1, project: 1 });
        await store.save(toRecord(result, { sha256: result.document.source.sha256, fileName: `${u}.txt`, sourcePath: null, size: bytes.length }), bytes);
      }
      // Another year's document of a missing unit does not count for 2024.
      const { result, bytes } = synthetic({ entity: `${REGION}${UNITS[3]}`, year: 2023, basic: 1, project: 1 });
      await store.save(toRecord(result, { sha256: result.document.source.sha256, fileName: 'x.txt', sourcePath: null, size: bytes.length }), bytes);
    });
    after(() => store?.close());

    test('30 units, 5 missing, 3 late: each reported with its reason', async () => {
      const path = join(dir, '名单.csv');
      writeFileSync(path, csv());
      assert.equal(await store.importLedger(await readLedgerFile(path)), 30);
      const r = await store.ledger({ year: 2024, region: REGION });
      assert.deepEqual(r.counts, { units: 30, expected: 30, published: 22, late: 3, missing: 5 });
      const missing = r.rows.filter((x) => x.status === 'missing').map((x) => x.unit);
      assert.deepEqual(missing.sort(), [...MISSING].map((i) => `${REGION}${UNITS[i]}`).sort());
      const late = r.rows.filter((x) => x.status === 'late');
      assert.deepEqual(
        late.map((x) => [x.unit, x.daysLate]),
        [
          [`${REGION}${UNITS[5]}`, 5],
          [`${REGION}${UNITS[12]}`, 10],
          [`${REGION}${UNITS[20]}`, 1],
        ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      );
      assert.match(late.find((x) => x.unit.endsWith(UNITS[20]))!.note, /名单所列公开日期 2024-02-21 晚于批复（2024-01-31）后 20 日的期限 2024-02-20，逾期 1 日/);
      const first = r.rows.find((x) => x.unit === `${REGION}${UNITS[0]}`)!;
      assert.equal(first.status, 'published');
      assert.equal(first.publishedSource, 'ledger');
      assert.equal(r.rows.find((x) => x.unit === `${REGION}${UNITS[3]}`)!.note, '库中没有该单位 2024 年的部门预算');
    });

    test('the same list from Excel, without dates: published at import, lateness not judged', async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('名单');
      ws.addRow(['单位名称', '主管部门', '行政区划', '应公开']);
      for (const u of UNITS.slice(0, 4)) ws.addRow([u, u, REGION, '预算、决算']);
      const path = join(dir, '名单.xlsx');
      await wb.xlsx.writeFile(path);
      const units = await readLedgerFile(path, { year: 2025 });
      assert.equal(units.length, 4);
      assert.deepEqual(units[0].kinds, ['budget', 'final-accounts']);
      await store.importLedger(units);
      const r = await store.ledger({ year: 2025 });
      assert.deepEqual(r.counts, { units: 4, expected: 8, published: 0, late: 0, missing: 8 });
    });

    test('a bad list is refused with one line naming the file, the row and the problem', async () => {
      const path = join(dir, '坏名单.csv');
      writeFileSync(path, '地区,部门,单位,年度,批复日期\n示范县,第1局,第1局,2024,明天\n');
      await assert.rejects(readLedgerFile(path), (e: Error) => e instanceof LedgerInputError && e.message === '坏名单.csv：第 2 行批复日期“明天”无法识别（应为 2024-02-05 这样的日期）');
      writeFileSync(path, '部门,单位\n第1局,第1局\n');
      await assert.rejects(readLedgerFile(path, { year: 2024 }), /坏名单\.csv：表头缺少“地区”列/);
    });
  });
}
