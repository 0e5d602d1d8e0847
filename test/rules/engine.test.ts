/** The engine: profiles (switch, re-grade, extends, options, auto), rounding notes, robustness. */
import { READING_FINDINGS } from '../../src/findings/catalog.js';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { FindingSchema } from '../../src/model/disclosure.js';
import { listProfiles, ProfileError, RULES, runRule, runRules } from '../../src/rules/index.js';
import { resolveProfile } from '../../src/rules/profile.js';
import { defineRule } from '../../src/rules/types.js';
import { sampleBudget, sampleSelfEvaluation } from '../fixtures/rules/sample-budget.js';
import { budget, fig, twoSided } from './builder.js';
import { edit, setCell, setClaim } from './mutate.js';

const broken = () =>
  edit(sampleBudget, (d) => {
    // 1.00 moved from 30101 to 30108: the basic table still adds up, but 30108 no longer equals 2080505.
    setCell(d, 'general-budget-basic', '30101', 'total', '99.00');
    setCell(d, 'general-budget-basic', '30101', 'personnel', '99.00');
    setCell(d, 'general-budget-basic', '30108', 'total', '21.10'); // cross-table/pension-contribution (warning)
    setCell(d, 'general-budget-basic', '30108', 'personnel', '21.10');
    setClaim(d, 'procurement.total', '13.00'); // narrative/procurement-total (error)
  });

function tmpProfile(name: string, json: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-profile-'));
  const path = join(dir, `${name}.json`);
  writeFileSync(path, typeof json === 'string' ? json : JSON.stringify(json));
  return path;
}

describe('runRules', () => {
  test('the consistent samples give no finding under any shipped profile', () => {
    for (const profile of listProfiles()) {
      assert.deepEqual(runRules(sampleBudget(), { profile }).map((f) => f.message), [], profile);
      // The sample self-evaluation uses the national weights; Hebei profiles expect 40/40 and say so, as info.
      const se = runRules(sampleSelfEvaluation(), { profile });
      assert.deepEqual([...new Set(se.map((f) => `${f.rule} ${f.severity}`))], profile.startsWith('hebei') ? ['indicator/standard-weights info'] : [], profile);
    }
  });

  test('findings carry the rule id and severity, and match the Finding schema', () => {
    const found = runRules(broken());
    assert.deepEqual(
      found.map((f) => [f.rule, f.severity]),
      [
        ['cross-table/pension-contribution', 'warning'],
        ['narrative/procurement-total', 'error'],
      ],
    );
    for (const f of found) assert.ok(FindingSchema.safeParse(f).success, f.message);
    const p = found[1];
    assert.equal(p.message, '说明中政府采购预算 13.00 万元，与政府采购预算表合计金额 12.00 万元不一致，相差 1.00 万元。');
    assert.equal(p.location.where, `说明：“${sampleBudget().paragraphs[10].text}”`);
    assert.equal(p.location.block, 10);
    assert.equal(p.expected!.toFixed(2), '12.00');
    assert.equal(p.actual!.toFixed(2), '13.00');
    assert.equal(p.difference!.toFixed(2), '1.00');
  });

  test('a profile object switches a rule off and re-grades another', () => {
    const found = runRules(broken(), { profile: { rules: { 'narrative/procurement-total': 'off', 'cross-table/pension-contribution': 'error' } } });
    assert.deepEqual(found.map((f) => [f.rule, f.severity]), [['cross-table/pension-contribution', 'error']]);
  });

  test('categories re-grade every rule of a category; a rule setting after it wins', () => {
    const found = runRules(broken(), { profile: { categories: { 'cross-table': 'info', narrative: 'off' }, rules: { 'narrative/procurement-total': 'warning' } } });
    assert.deepEqual(found.map((f) => [f.rule, f.severity]), [
      ['cross-table/pension-contribution', 'info'],
      ['narrative/procurement-total', 'warning'],
    ]);
  });

  test('a profile file extends another by name and by relative path', () => {
    const base = tmpProfile('base', { extends: 'default', rules: { 'narrative/procurement-total': 'off' } });
    const child = join(base, '..', 'child.json');
    writeFileSync(child, JSON.stringify({ extends: './base.json', rules: { 'cross-table/pension-contribution': 'off' } }));
    assert.deepEqual(runRules(broken(), { profile: child }), []);
    assert.equal(runRules(broken(), { profile: base }).length, 1);
  });

  test('only runs the rules named', () => {
    assert.deepEqual(runRules(broken(), { only: ['narrative/procurement-total'] }).map((f) => f.rule), ['narrative/procurement-total']);
  });

  test('rule options come from the profile (hebei-2022 self-evaluation weights)', () => {
    const d = edit(sampleSelfEvaluation, (x) => x.selfEvaluation!.projects.forEach((p) => (p.weights = { 产出指标: 40, 效益指标: 40, 满意度指标: 10 })));
    assert.equal(runRules(d, { only: ['indicator/standard-weights'] }).length, 3);
    assert.equal(runRules(d, { only: ['indicator/standard-weights'], profile: 'hebei-2022' }).length, 0);
  });

  test('auto picks the profile whose region and years fit', () => {
    const d = edit(sampleSelfEvaluation, (x) => {
      x.entity.region = '河北省石家庄市元氏县';
      x.selfEvaluation!.projects.forEach((p) => (p.weights = { 产出指标: 40, 效益指标: 40, 满意度指标: 10 }));
    });
    assert.equal(runRules(d, { profile: 'auto', only: ['indicator/standard-weights'] }).length, 0);
    const old = edit(sampleBudget, (x) => {
      x.entity.region = '河北省石家庄市栾城区';
      x.year = 2020;
      x.projects.forEach((p) => (p.indicators = p.indicators.filter((i) => i.level2 !== '成本指标')));
    });
    // Before the requirement's year the rule only hints, whatever the profile.
    const hints = runRules(old, { profile: 'auto', only: ['indicator/missing-cost'] });
    assert.ok(hints.length > 0 && hints.every((f) => f.severity === 'info'));
    const js = edit(sampleBudget, (x) => {
      x.entity = { name: '江苏省示例厅', code: null, level: 'province', region: null, scope: null, parent: null };
      x.tables = x.tables.filter((t) => t.kind !== 'state-capital-expenditure');
    });
    // Under `default` (a template nobody described) the missing table is a warning, under the
    // region's own template (auto → jiangsu) the table is not expected at all.
    const unknown = runRules(js, { profile: 'default', only: ['completeness/standard-tables'] });
    assert.equal(unknown.length, 1);
    assert.equal(unknown[0].severity, 'warning');
    const hebei = edit(sampleBudget, (x) => {
      x.entity.region = '河北省石家庄市栾城区';
      x.year = 2022;
      x.tables = x.tables.filter((t) => t.kind !== 'state-capital-expenditure');
    });
    const known = runRules(hebei, { profile: 'auto', only: ['completeness/standard-tables'] });
    assert.deepEqual(known.map((f) => f.severity), ['error'], 'a profile that describes its template holds the document to it');
    assert.deepEqual(runRules(js, { profile: 'auto', only: ['completeness/standard-tables'] }), []);
  });

  test('rounding differences are silent by default and info under roundingInfo', () => {
    const d = budget({
      tables: [
        twoSided('revenue-expenditure-summary', [
          { name: '一、一般公共预算拨款收入', values: { amount: '1.01' } },
          { name: '五、事业收入', values: { amount: '1.01' } },
          { name: '九、其他收入', values: { amount: '1.01' } },
          { name: '本年收入合计', role: 'total', values: { amount: '3.04' } },
        ], []),
      ],
    });
    assert.deepEqual(runRules(d, { only: ['arithmetic/t1-revenue-total'] }), []);
    const notes = runRules(d, { profile: 'strict', only: ['arithmetic/t1-revenue-total'] });
    assert.equal(notes.length, 1);
    assert.equal(notes[0].severity, 'info');
    assert.equal(notes[0].message, '《部门预算收支总表》本年收入合计 3.04 万元，各项收入之和（1.01 + 1.01 + 1.01）为 3.03 万元，相差 0.01 万元（在四舍五入误差范围内）。');
  });

  test('an advisory finding is info whatever level a profile gives the rule; off still silences it', () => {
    const hint = defineRule({
      meta: { id: 'indicator/hint', title: '测试规则', severity: 'warning', category: 'indicator', basis: '测试', description: '测试', example: { bad: '无', message: '无' }, messages: { notYet: '尚未强制的要求。', inForce: '已强制的要求。' } },
      check(_doc, ctx) {
        ctx.report({ messageId: 'notYet', advisory: true });
        ctx.report({ messageId: 'inForce' });
      },
    });
    const at = (level: 'error' | 'off') => runRule(hint, budget(), resolveProfile({ categories: { indicator: level } }, [hint])).map((f) => [f.severity, f.message]);
    assert.deepEqual(at('error'), [
      ['info', '尚未强制的要求。'],
      ['error', '已强制的要求。'],
    ]);
    assert.deepEqual(at('off'), []);
  });

  test('a profile file is read once per change: the same object until the file changes', () => {
    const path = tmpProfile('cached', { rules: { 'narrative/procurement-total': 'off' } });
    const a = resolveProfile(path, RULES);
    assert.equal(a.rules.get('narrative/procurement-total')!.enabled, false);
    writeFileSync(path, JSON.stringify({ rules: { 'narrative/procurement-total': 'warning', 'cross-table/pension-contribution': 'off' } }));
    const b = resolveProfile(path, RULES);
    assert.equal(b.rules.get('narrative/procurement-total')!.severity, 'warning');
    assert.equal(b.rules.get('cross-table/pension-contribution')!.enabled, false);
  });

  test('blank cells are not zero: a total with blank parts is not an error', () => {
    const d = budget({ tables: [twoSided('revenue-expenditure-summary', [{ name: '一、一般公共预算拨款收入', values: { amount: null } }, { name: '本年收入合计', role: 'total', values: { amount: '302.27' } }], [])] });
    assert.deepEqual(runRules(d, { profile: { categories: { completeness: 'off' } } }), []);
  });

  test('a rule that throws becomes a warning, not a crash', () => {
    const bad = defineRule({
      meta: { id: 'arithmetic/throws', title: '测试规则', severity: 'error', category: 'arithmetic', basis: '测试', description: '测试', example: { bad: '无', message: '无' }, messages: {} },
      check() {
        throw new Error('意外的表格结构');
      },
    });
    const found = runRule(bad, budget());
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'warning');
    assert.equal(found[0].message, '规则“测试规则”运行出错，未能完成检查：意外的表格结构');
  });

  test('rules survive a model with odd values', () => {
    const d = budget({
      tables: [twoSided('revenue-expenditure-summary', [{ name: '', values: { amount: '0' } }, { name: '本年收入合计', role: 'total', values: { amount: '0' } }], [{ name: '本年支出合计', role: 'total', values: { amount: null } }])],
    });
    d.tables[0].rows[0].values.amount = { raw: '——', value: null, loc: {} };
    d.procurement.items.push({ project: null, projectBudget: fig('0'), item: '', catalogCode: null, measure: null, quantity: fig('0'), unitPrice: null, amount: null, bySource: {}, role: 'line', loc: {} });
    const found = runRules(d);
    assert.ok(found.every((f) => !/运行出错/.test(f.message)), found.map((f) => f.message).join('\n'));
  });
});

describe('profiles', () => {
  test('shipped profiles resolve', () => {
    assert.ok(listProfiles().includes('default'));
    // Every rule, and the reading findings of the catalog (read/…), which profiles grade too.
    for (const p of listProfiles()) assert.ok(resolveProfile(p, RULES).rules.size === RULES.length + READING_FINDINGS.length, p);
  });

  test('an unknown rule id is a clear error', () => {
    assert.throws(() => runRules(budget(), { profile: { rules: { 'arithmetic/no-such-rule': 'off' } } }), (e: unknown) => e instanceof ProfileError && /规则“arithmetic\/no-such-rule”不存在/.test((e as Error).message));
  });

  test('a missing profile, bad JSON, a bad field and a cycle are clear errors', () => {
    assert.throws(() => runRules(budget(), { profile: 'no-such-profile' }), /找不到规则配置“no-such-profile”/);
    assert.throws(() => runRules(budget(), { profile: tmpProfile('bad', '{ rules: ') }), /不是有效的 JSON/);
    assert.throws(() => runRules(budget(), { profile: tmpProfile('field', { rules: { 'arithmetic/t1-balance': 'fatal' } }) }), /格式有误：rules\.arithmetic\/t1-balance/);
    const a = tmpProfile('a', {});
    writeFileSync(a, JSON.stringify({ extends: './b.json' }));
    writeFileSync(join(a, '..', 'b.json'), JSON.stringify({ extends: './a.json' }));
    assert.throws(() => runRules(budget(), { profile: a }), /循环继承/);
  });
});
