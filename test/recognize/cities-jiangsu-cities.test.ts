/**
 * 江苏 cities of 2026 (无锡, 苏州): one file of each city, figures read off the pages by hand
 * (docs/corpus/jiangsu-cities.md). Tables continued past a running header, the 收入总表 listing
 * budget units, the 说明 read as paragraphs, procurement group rows.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readDocumentFile } from '../../src/read/index.js';
import { recognize } from '../../src/recognize/index.js';
import { CORPUS, sharedOnly } from '../helpers/shared.js';

const DIR = join(CORPUS, 'cities', '江苏');

async function read(rel: string) {
  return recognize(await readDocumentFile(join(DIR, rel))).disclosure;
}

const num = (m: { toString(): string } | null | undefined) => (m == null ? null : Number(m.toString()));

describe('江苏 cities (jiangsu-cities)', sharedOnly, () => {
  test('无锡市统计局 2026: tables, rows and headline figures as printed (p7–p24)', async () => {
    const d = await read('无锡/2026年无锡市统计局部门预算.pdf');
    assert.equal(d.year, 2026);
    assert.equal(d.entity.name, '无锡市统计局');
    const counts = d.tables.map((t) => `${t.kind}:${t.rows.length}`);
    // 支出总表 p9–p10: 合计 + 19 codes, the last (2210203 购房补贴) alone on p10 under the running header.
    assert.deepEqual(counts, [
      'revenue-expenditure-summary:45',
      'revenue:4',
      'expenditure:20',
      'fiscal-summary:42',
      'general-budget-expenditure:20',
      'general-budget-basic:22',
      'general-budget-expenditure:20',
      'general-budget-basic:22',
      'three-public:1',
      'gov-fund-expenditure:1',
      'state-capital-expenditure:1',
      'operating-costs:9',
      'procurement:6',
    ]);
    const t3 = d.tables.find((t) => t.kind === 'expenditure')!;
    assert.equal(t3.rows.at(-1)!.code, '2210203');
    assert.equal(num(t3.rows.at(-1)!.values.total?.value), 167.18);
    // 收入总表 p8 lists the units (327, 327001 本级, 327002), not functional codes.
    const t2 = d.tables.find((t) => t.kind === 'revenue')!;
    assert.deepEqual(t2.rows.map((r) => r.key ?? r.role), ['total', 'department', 'unit', 'unit']);
    assert.ok(t2.rows.every((r) => r.code === null));
    assert.equal(num(t2.rows[0].values.generalBudget?.value), 3210.1);
    const s = d.summary;
    assert.equal(num(s.revenueTotal), 3210.1);
    assert.equal(num(s.expenditureTotal), 3210.1);
    assert.equal(num(s.basicExpenditure), 2235.04);
    assert.equal(num(s.projectExpenditure), 975.06);
    assert.equal(num(s.personnelExpenditure), 2103.71);
    assert.equal(num(s.publicExpenditure), 131.33);
    assert.equal(num(s.operatingCosts), 131.33);
    assert.deepEqual(Object.fromEntries(Object.entries(s.threePublic).map(([k, v]) => [k, num(v)])), { total: 3, abroad: 0, vehicle: 0, vehiclePurchase: 0, vehicleOperation: 0, reception: 3 });
    assert.equal(num(s.procurementTotal), 2.61);
    // Procurement p24: 服务 and the two units are group rows; the items are the two 会议费 lines.
    const lines = d.procurement.items.filter((i) => i.role === 'line' && i.item);
    assert.deepEqual(lines.map((i) => num(i.amount?.value)), [2, 0.61]);
    // 说明 lines joined into paragraphs despite the running header (p25).
    assert.ok(d.paragraphs.some((p) => /^（1）一般公共预算拨款收入3,210\.1万元，与上年相比增加242\.3万元/.test(p.text.replace(/\s+/g, ''))));
  });

  test('苏州市审计局 2026: headline figures as printed', async () => {
    const d = await read('苏州/2026年苏州市审计局部门预算.pdf');
    assert.equal(d.year, 2026);
    assert.equal(d.entity.name, '苏州市审计局');
    const s = d.summary;
    assert.equal(num(s.revenueTotal), 4651.67);
    assert.equal(num(s.expenditureTotal), 4651.67);
    assert.equal(num(s.basicExpenditure), 4312.17);
    assert.equal(num(s.projectExpenditure), 339.5);
    assert.equal(num(s.personnelExpenditure), 3916.57);
    assert.equal(num(s.publicExpenditure), 395.6);
    assert.equal(num(s.threePublic.total), 10);
    assert.equal(num(s.threePublic.reception), 10);
    assert.equal(num(s.procurementTotal), 188.5);
    const lines = d.procurement.items.filter((i) => i.role === 'line' && i.item);
    assert.deepEqual(lines.map((i) => num(i.amount?.value)), [1.3, 4.2, 13, 170]);
  });
});
