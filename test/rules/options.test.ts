/**
 * Rule options: each rule declares them as a zod schema in its meta; a profile's options are
 * checked against it, and a wrong one is one Chinese line naming the profile, the rule and the option.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ProfileError, resolveProfile, RULES } from '../../src/rules/index.js';
import { defaultOptions } from '../../src/rules/types.js';

function profileError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ProfileError, `expected a ProfileError, got ${String(e)}`);
    assert.ok(!e.message.includes('\n'), `one line: ${e.message}`);
    return e.message;
  }
  assert.fail('no error');
}

test('rules without a profile run with their schema defaults', () => {
  const rule = RULES.find((r) => r.meta.id === 'text-quality/goal-restates-duties')!;
  assert.deepEqual(defaultOptions(rule), { threshold: 0.8 });
  const resolved = resolveProfile({}, RULES);
  assert.deepEqual(resolved.rules.get('text-quality/goal-restates-duties')!.options, { threshold: 0.8 });
  assert.deepEqual(resolved.rules.get('arithmetic/three-public-total')!.options, {});
});

test("a profile's options are merged over the defaults and parsed", () => {
  const resolved = resolveProfile({ rules: { 'arithmetic/rescored-grade': { options: { scoringProfile: 'hebei-2022' } }, 'text-quality/goal-restates-duties': { severity: 'info', options: { threshold: 0.5 } } } }, RULES);
  assert.deepEqual(resolved.rules.get('arithmetic/rescored-grade')!.options, { scoringProfile: 'hebei-2022' });
  const cfg = resolved.rules.get('text-quality/goal-restates-duties')!;
  assert.deepEqual(cfg.options, { threshold: 0.5 });
  assert.equal(cfg.severity, 'info');
});

test('an option of the wrong type names the profile, the rule and the option, in Chinese', () => {
  const msg = profileError(() => resolveProfile({ name: '测试配置', rules: { 'text-quality/goal-restates-duties': { options: { threshold: '高' } } } }, RULES));
  assert.match(msg, /规则配置“测试配置”中规则“text-quality\/goal-restates-duties”的参数有误：options\.threshold /);
  assert.match(msg, /数字/);
});

test('an option out of range, an unknown option and a nested wrong value are errors', () => {
  assert.match(profileError(() => resolveProfile({ rules: { 'text-quality/goal-restates-duties': { options: { threshold: 2 } } } }, RULES)), /“（内联配置）”.*options\.threshold/);
  assert.match(profileError(() => resolveProfile({ rules: { 'text-quality/foreign-topic': { options: { repeat: 3 } } } }, RULES)), /text-quality\/foreign-topic.*repeat/);
  assert.match(profileError(() => resolveProfile({ rules: { 'indicator/standard-weights': { options: { weights: { 产出指标: '四十' } } } } }, RULES)), /options\.weights\.产出指标/);
});

test('options for a rule that takes none are an error', () => {
  assert.match(profileError(() => resolveProfile({ name: 'p', rules: { 'arithmetic/t1-balance': { options: { x: 1 } } } }, RULES)), /规则配置“p”为规则“arithmetic\/t1-balance”设置了参数（options），但这条规则没有可配置的参数。/);
});

test("a template's table list is the standard-tables option, checked the same way", () => {
  const ok = resolveProfile({ template: { tables: ['revenue', 'three-public'] } }, RULES);
  assert.deepEqual(ok.rules.get('completeness/standard-tables')!.options, { required: ['revenue', 'three-public'] });
  assert.match(profileError(() => resolveProfile({ name: 't', template: { tables: ['revenue', 'no-such-table'] } }, RULES)), /规则配置“t”中规则“completeness\/standard-tables”的参数有误：template\.tables\.1 /);
});

test('a profile file with a wrong option is named by its file when it has no name', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-options-'));
  const path = join(dir, 'my-region.json');
  writeFileSync(path, JSON.stringify({ extends: 'default', rules: { 'indicator/missing-cost': { options: { fromYear: 2021.5 } } } }));
  assert.match(profileError(() => resolveProfile(path, RULES)), /规则配置“my-region”中规则“indicator\/missing-cost”的参数有误：options\.fromYear /);
});

test('every rule with options has defaults its own schema accepts', () => {
  const withOptions = RULES.filter((r) => r.meta.options);
  assert.ok(withOptions.length >= 5);
  for (const r of withOptions) assert.ok(r.meta.options!.safeParse(defaultOptions(r)).success, r.meta.id);
});
