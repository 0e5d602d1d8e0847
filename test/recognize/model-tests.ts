/**
 * The tests every recognised document gets against its expected model (typed from the document:
 * test/fixtures/recognize/expected/*.json): kind, year, entity, unit, summary, every table row,
 * the claims of the 说明, goals, projects and indicators, procurement, assets, glossary and the
 * self-evaluation. Registers the tests in the current describe block.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Disclosure, Summary } from '../../src/model/disclosure.js';
import { squash } from '../../src/read/doc.js';
import type { Recognized } from '../../src/recognize/index.js';
import {
  assertFigure,
  assertProject,
  assertSelfEvalProject,
  assertTable,
  figuresOf,
  money,
  startOf,
  valueOf,
  type ExpectedProject,
  type ExpectedSelfEvalProject,
  type ExpectedTable,
} from './expect.js';

/** The summary with its amounts as decimal strings. */
type SummaryStrings = { [K in Exclude<keyof Summary, 'threePublic'>]: string | null } & {
  threePublic: { [K in keyof Summary['threePublic']]: string | null };
};

export interface Expected {
  /** The file the expectations were typed from. */
  document: string;
  kind: Disclosure['kind'];
  year: number | null;
  title: string;
  entity: Disclosure['entity'];
  unit: Disclosure['unit'];
  summary: SummaryStrings;
  units: { name: string; nature: string | null; rank: string | null; funding: string | null }[];
  /** How each duty starts. */
  duties: string[];
  tables: ExpectedTable[];
  /** [subject, name, value (万元), direction]. */
  claims: [string, string | null, string, string | null][];
  performance: { overallGoal: string | null; subGoals: [string, string, string][]; safeguards: string[] };
  projects: ExpectedProject[];
  procurement: {
    unit: Disclosure['unit'] | null;
    items: {
      role: string;
      project: string | null;
      projectBudget: string | null;
      item: string;
      catalogCode: string | null;
      measure: string | null;
      quantity: string | null;
      unitPrice: string | null;
      amount: string | null;
      bySource: Record<string, string>;
    }[];
  };
  assets: { asOf: string | null; rows: [string, string, string | null, string | null][] };
  glossary: string[];
  selfEvaluation: null | {
    initialBudget: string;
    adjustedBudget: string;
    carryOver: string;
    spent: string;
    staff: Record<string, number>;
    totalScore: string;
    grade: string;
    conclusion: string;
    overallAchievement: string | null;
    projects: ExpectedSelfEvalProject[];
  };
}


function summaryStrings(s: Summary): SummaryStrings {
  const { threePublic, ...rest } = s;
  const strings = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, money(v)]));
  return { ...strings(rest), threePublic: strings(threePublic) } as SummaryStrings;
}

const claimKey = (c: [string, string | null, string, string | null]) => JSON.stringify(c);

export function expectedModel(name: string): Expected {
  return JSON.parse(readFileSync(new URL(`../fixtures/recognize/expected/${name}.json`, import.meta.url), 'utf8')) as Expected;
}

export interface ModelTestOptions {
  /** The format numbers its lines (plain text): every figure must say its line. */
  lines?: boolean;
}

export function modelTests(load: () => Promise<Recognized>, e: Expected, options: ModelTestOptions = {}): void {
  test('kind, year, title, entity and unit', async () => {
    const { disclosure: d } = await load();
    assert.equal(d.kind, e.kind);
    assert.equal(d.year, e.year);
    assert.equal(d.title, e.title);
    assert.deepEqual(d.entity, e.entity);
    assert.deepEqual(d.unit, e.unit);
  });

  test('summary figures', async () => {
    const { disclosure: d } = await load();
    assert.deepEqual(summaryStrings(d.summary), e.summary);
  });

  test('duties and the units table', async () => {
    const { disclosure: d } = await load();
    assert.deepEqual(
      d.duties.map((t, k) => startOf(t, e.duties[k] ?? '')),
      e.duties,
    );
    assert.deepEqual(
      d.units.map((u) => ({ name: u.name, nature: u.nature, rank: u.rank, funding: u.funding })),
      e.units,
    );
  });

  test(`standard tables: ${e.tables.map((t) => t.kind).join(', ') || 'none'}`, async () => {
    const { disclosure: d } = await load();
    assert.deepEqual(d.tables.map((t) => t.kind), e.tables.map((t) => t.kind), 'tables recognised, in order');
    e.tables.forEach((et, i) => assertTable(d.tables[i], et));
  });

  test('figures the 说明 states (claims), each with its sentence', async () => {
    const { disclosure: d } = await load();
    const got = d.claims.map((c) => [c.subject, c.name, String(c.value), c.direction] as [string, string | null, string, string | null]);
    assert.deepEqual(got.map(claimKey).sort(), e.claims.map(claimKey).sort());
    for (const c of d.claims) {
      assert.ok(c.loc.sentence && typeof c.loc.block === 'number', `${c.raw}: located`);
      assert.ok(squash(c.loc.sentence).includes(c.raw), `${c.raw} stands in its sentence`);
    }
  });

  test('部门整体绩效目标: overall goal, sub-goals, safeguards', async () => {
    const { disclosure: d } = await load();
    const p = d.performance;
    assert.equal(startOf(p.overallGoal, e.performance.overallGoal), e.performance.overallGoal);
    assert.deepEqual(
      p.subGoals.map((s, k) => {
        const [, goal, indicators] = e.performance.subGoals[k] ?? ['', '', ''];
        return [s.name, startOf(s.goal, goal), startOf(s.indicators, indicators)];
      }),
      e.performance.subGoals,
    );
    assert.deepEqual(
      p.safeguards.map((s, k) => startOf(s, e.performance.safeguards[k] ?? '')),
      e.performance.safeguards,
    );
  });

  test(`project 绩效目标表: ${e.projects.length}`, async () => {
    const { disclosure: d } = await load();
    assert.deepEqual(d.projects.map((p) => p.name), e.projects.map((p) => p.name));
    e.projects.forEach((ep, i) => assertProject(d.projects[i], ep, d.unit));
  });

  test('政府采购 items', async () => {
    const { disclosure: d } = await load();
    const scale = d.procurement.unit?.scale ?? '万元';
    assert.deepEqual(d.procurement.unit, e.procurement.unit);
    assert.equal(d.procurement.items.length, e.procurement.items.length);
    e.procurement.items.forEach((ei, k) => {
      const it = d.procurement.items[k];
      const at = `item ${k + 1}`;
      assert.deepEqual(
        [it.role, it.project, it.item, it.catalogCode, it.measure],
        [ei.role, ei.project, ei.item, ei.catalogCode, ei.measure],
        at,
      );
      assertFigure(it.projectBudget, ei.projectBudget, scale, `${at}: 预算资金`);
      assertFigure(it.quantity, ei.quantity, scale, `${at}: 数量`, true);
      assertFigure(it.unitPrice, ei.unitPrice, scale, `${at}: 单价`);
      assertFigure(it.amount, ei.amount, scale, `${at}: 合计`);
      assert.deepEqual(Object.keys(it.bySource), Object.keys(ei.bySource), `${at}: funding columns`);
      for (const [key, raw] of Object.entries(ei.bySource)) assertFigure(it.bySource[key], raw, scale, `${at}: ${key}`);
    });
  });

  test('固定资产 rows', async () => {
    const { disclosure: d } = await load();
    assert.equal(d.assets.asOf, e.assets.asOf);
    assert.deepEqual(
      d.assets.rows.map((r) => [r.key, r.name, r.quantity?.raw ?? null, r.value?.raw ?? null]),
      e.assets.rows,
    );
    for (const r of d.assets.rows) {
      assertFigure(r.quantity, r.quantity?.raw ?? null, '万元', `${r.name} 数量`, true);
      assertFigure(r.value, r.value?.raw ?? null, '万元', `${r.name} 价值`);
    }
  });

  test('名词解释 terms', async () => {
    const { disclosure: d } = await load();
    assert.deepEqual(d.glossary.map((g) => g.term), e.glossary);
    for (const g of d.glossary) assert.ok(g.definition.length > 4, `${g.term} has its definition`);
  });

  test('self-evaluation', async () => {
    const { disclosure: d } = await load();
    const se = d.selfEvaluation;
    if (!e.selfEvaluation) {
      assert.equal(se, null);
      return;
    }
    assert.ok(se);
    const x = e.selfEvaluation;
    assert.deepEqual(
      [se.initialBudget?.raw, se.adjustedBudget?.raw, se.carryOver?.raw, se.spent?.raw],
      [x.initialBudget, x.adjustedBudget, x.carryOver, x.spent],
    );
    assert.deepEqual(
      [se.initialBudget, se.adjustedBudget, se.carryOver, se.spent].map((f) => money(f?.value ?? null)),
      [x.initialBudget, x.adjustedBudget, x.carryOver, x.spent].map((raw) => valueOf(/(\d+(?:\.\d+)?)万元/.exec(raw)![1], '万元')),
    );
    assert.deepEqual(se.staff, x.staff);
    assert.equal(se.totalScore?.raw, x.totalScore);
    assert.equal(money(se.totalScore?.value ?? null), valueOf(/(\d+(?:\.\d+)?)分/.exec(x.totalScore)![1], '万元'));
    assert.equal(se.grade, x.grade);
    assert.equal(se.conclusion, x.conclusion);
    assert.equal(se.overallAchievement, x.overallAchievement, '总体绩效目标实现情况');
    assert.deepEqual(se.projects.map((p) => p.name), x.projects.map((p) => p.name));
    x.projects.forEach((ep, i) => assertSelfEvalProject(se.projects[i], ep));
  });

  test('every figure keeps its raw text and where it was read', async () => {
    const { disclosure: d } = await load();
    const figures = figuresOf(d);
    assert.ok(figures.length > 0);
    for (const [path, f] of figures) {
      assert.equal(typeof f.raw, 'string', path);
      assert.equal(typeof f.loc.block, 'number', `${path} (${f.raw}) has its block`);
      if (options.lines) assert.equal(typeof f.loc.line, 'number', `${path} (${f.raw}) has its line`);
    }
  });

  test('nothing is left unread (no findings from recognition)', async () => {
    const { findings } = await load();
    assert.deepEqual(findings.map((f) => `${f.rule}: ${f.message}`), []);
  });
}
