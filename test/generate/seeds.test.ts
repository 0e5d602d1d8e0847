/**
 * A dataset made from a seed's figures (the seed read by gongkai, its tables' lowest rows as line
 * items) generates a disclosure that reads back to the seed's own headline figures with no
 * error-level finding, in every format; seed 002's generated .docx has every table and every
 * part of the 说明 the original has. Seeds 000 and 001 publish only the 说明 (no table by
 * function): no line items can be made from them, and the gate says so.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { datasetFromDisclosure } from '../../src/generate/from-disclosure.js';
import { gate, type Dataset, type OutputFormat } from '../../src/generate/index.js';
import { checkFile, type CheckResult } from '../../src/pipeline.js';
import { SEED, seed, sharedOnly } from '../helpers/shared.js';
import { errors, generateAndRead, pdfOnly, readSummary } from './readback.js';

/** The reasons are a person's to write: a test writes them as a person would. */
const REASONS = { total: '人员调整及新增网络安全项目', threePublic: '压减一般性支出', abroad: '无', vehicle: '无', reception: '无', operatingCosts: '压减一般性支出' };

/** What seed 002 (a 河北 2022 部门预算) publishes: its standard tables and the parts of its 说明. */
const SEED_002_TABLES = [
  'revenue-expenditure-summary',
  'revenue',
  'expenditure',
  'fiscal-summary',
  'general-budget-expenditure',
  'general-budget-basic',
  'gov-fund-expenditure',
  'state-capital-expenditure',
  'three-public',
  'procurement',
  'assets',
];
const SEED_002_SECTIONS = [
  'duties',
  'units',
  'overview',
  'revenue',
  'expenditure',
  'change',
  'operatingCosts',
  'threePublic',
  'performance',
  'overallGoal',
  'subGoals',
  'safeguards',
  'projectGoals',
  'procurement',
  'assets',
  'glossary',
  'other',
];

describe('seed 002 regenerated from its own figures', sharedOnly, () => {
  let original: CheckResult;
  let data: Dataset;
  before(async () => {
    original = await checkFile(seed(`${SEED.luquan}.docx`));
    data = { ...datasetFromDisclosure(original.document), reasons: REASONS };
  });

  test('the dataset holds the seed’s line items and passes the gate', () => {
    assert.equal(data.year, 2022);
    assert.equal(data.expenditure.length, 7);
    assert.equal(data.basicEconomic.length, 20);
    assert.equal(data.projects.length, 5);
    assert.equal(data.prior?.expenditureTotal.toFixed(2), '219.43'); // 302.27 − 82.84 as its 说明 states
    assert.deepEqual(gate(data).filter((f) => f.severity === 'error'), []);
  });

  for (const format of ['docx', 'xlsx', 'html', 'pdf'] as OutputFormat[]) {
    test(`.${format}: the seed's figures read back, no error`, format === 'pdf' ? pdfOnly : {}, async () => {
      const back = await generateAndRead(data, format, 'hebei-2022', `seed-002`);
      assert.deepEqual(errors(back.findings), []);
      assert.deepEqual(readSummary(back.document.summary), readSummary(original.document.summary));
      if (format !== 'docx') return;
      // Beside the original: every table it has, every part of its 说明.
      const kinds = new Set(back.document.tables.map((t) => t.kind));
      assert.deepEqual(SEED_002_TABLES.filter((k) => !kinds.has(k as never)), []);
      assert.deepEqual(SEED_002_TABLES.filter((k) => !original.document.tables.some((t) => t.kind === k)), [], 'the list is the original’s');
      const sections = (r: CheckResult) => new Set(r.document.paragraphs.map((p) => p.section));
      assert.deepEqual(SEED_002_SECTIONS.filter((s) => !sections(back).has(s)), []);
      assert.deepEqual(SEED_002_SECTIONS.filter((s) => !sections(original).has(s)), [], 'the list is the original’s');
      assert.equal(back.document.glossary.length, original.document.glossary.length);
      assert.deepEqual(back.document.units.map((u) => u.name), original.document.units.map((u) => u.name));
      assert.deepEqual(
        back.document.projects.map((p) => [p.name, p.indicators.length]),
        original.document.projects.map((p) => [p.name, p.indicators.length]),
      );
    });
  }
});

describe('seeds that publish only the 说明', sharedOnly, () => {
  for (const name of [SEED.xushui, SEED.luancheng]) {
    test(`${name}: no table by function, no line items — the gate blocks`, async () => {
      const d = datasetFromDisclosure((await checkFile(seed(`${name}.docx`))).document);
      assert.deepEqual(d.expenditure, []);
      assert.ok(gate(d).some((f) => f.rule === 'generate/no-expenditure' && f.severity === 'error'));
    });
  }
});
