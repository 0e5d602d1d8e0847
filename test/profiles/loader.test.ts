/**
 * One loader for rule profiles and scoring profiles: found by name or path, validated, extended,
 * matched for `auto`, and every problem one Chinese line naming the profile — the same for both kinds.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ProfileError } from '../../src/profiles/loader.js';
import { listProfiles, resolveProfile, RULES } from '../../src/rules/index.js';
import { autoProfile, ruleProfiles } from '../../src/rules/profile.js';
import { loadScoringProfile, ScoringProfileError, scoringProfiles } from '../../src/score/profile.js';
import { budget } from '../rules/builder.js';
import { ROOT, SEED, seed, sharedOnly } from '../helpers/shared.js';

function dir(files: Record<string, unknown>): string {
  const d = mkdtempSync(join(tmpdir(), 'gongkai-profiles-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(d, name), typeof content === 'string' ? content : JSON.stringify(content));
  return d;
}

function message(fn: () => unknown, kind: typeof ProfileError = ProfileError): string {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof kind, `expected ${kind.name}, got ${String(e)}`);
    assert.ok(!(e as Error).message.includes('\n'), 'one line');
    return (e as Error).message;
  }
  assert.fail('no error');
}

test('both kinds say what is missing, unreadable or malformed the same way, naming their kind', () => {
  const d = dir({ 'broken.json': '{ "name": ', 'wrong.json': { name: 'w', roundingInfo: 'yes' }, 'wrong-scoring.json': { decimals: 9 } });
  assert.match(message(() => resolveProfile('no-such-profile', RULES)), /^找不到规则配置“no-such-profile”（.*profiles\/no-such-profile\.json）。$/);
  assert.match(message(() => loadScoringProfile('no-such-profile'), ScoringProfileError), /^找不到计分办法“no-such-profile”（.*profiles\/scoring\/no-such-profile\.json）。$/);
  assert.match(message(() => resolveProfile(join(d, 'broken.json'), RULES)), /^规则配置“.*broken\.json”不是有效的 JSON：/);
  assert.match(message(() => loadScoringProfile(join(d, 'broken.json')), ScoringProfileError), /^计分办法“.*broken\.json”不是有效的 JSON：/);
  // zod's words in Chinese, after the field's path.
  assert.match(message(() => resolveProfile(join(d, 'wrong.json'), RULES)), /^规则配置“.*wrong\.json”格式有误：roundingInfo 无效输入：期望 boolean/);
  assert.match(message(() => loadScoringProfile(join(d, 'wrong-scoring.json')), ScoringProfileError), /^计分办法“.*wrong-scoring\.json”格式有误：decimals 数值过大/);
});

test('a scoring profile error is a profile error: one catch serves both', () => {
  assert.ok(new ScoringProfileError('x') instanceof ProfileError);
});

test('extends: bases are read from the profile’s own folder, and a cycle is named', () => {
  const d = dir({
    'a.json': { extends: './b.json' },
    'b.json': { extends: 'a.json' },
    'child.json': { extends: ['./base.json'], rules: { 'arithmetic/t1-balance': 'warning' } },
    'base.json': { extends: 'default', rules: { 'arithmetic/t1-balance': 'off', 'arithmetic/t1-revenue-total': 'info' } },
  });
  assert.match(message(() => resolveProfile(join(d, 'a.json'), RULES)), /^规则配置循环继承：.*a\.json → .*b\.json → .*a\.json$/);
  const p = resolveProfile(join(d, 'child.json'), RULES);
  assert.equal(p.rules.get('arithmetic/t1-balance')!.severity, 'warning');
  assert.equal(p.rules.get('arithmetic/t1-revenue-total')!.severity, 'info');
  const s = dir({ 'x.json': { extends: './y.json' }, 'y.json': { extends: './x.json' } });
  assert.match(message(() => loadScoringProfile(join(s, 'x.json')), ScoringProfileError), /^计分办法循环继承：/);
});

test('the folders list their profiles, and a re-read of an unchanged file is the cached one', () => {
  assert.ok(listProfiles().includes('default'));
  assert.deepEqual(listProfiles(), ruleProfiles.list());
  assert.ok(scoringProfiles.list().includes('national'));
  assert.equal(ruleProfiles.read('default').profile, ruleProfiles.read('default').profile);
});

test('auto picks the narrowest matching profile, default (national) when none fits', () => {
  const doc = budget();
  doc.entity.region = '火星';
  doc.entity.name = '某局';
  doc.title = '某局部门预算';
  assert.equal(autoProfile(doc), 'default');
  assert.equal(scoringProfiles.auto(doc, (p) => p.match, 'national'), 'national');
  const hebei = ruleProfiles.read('hebei-2022').profile.match!;
  doc.entity.region = hebei.regions![0];
  doc.year = hebei.years ? hebei.years[0] : 2022;
  doc.entity.level = hebei.levels?.[0] ?? doc.entity.level;
  const chosen = autoProfile(doc);
  assert.notEqual(chosen, 'default');
  assert.ok(ruleProfiles.read(chosen).profile.match!.regions!.some((r) => doc.entity.region!.includes(r)));
});

test('the command line reports a bad profile in one Chinese line and fails', sharedOnly, () => {
  const d = dir({ 'p.json': { name: '我的配置', rules: { 'text-quality/foreign-topic': { options: { repeats: 0 } } } } });
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/gongkai.js'), 'check', seed(`${SEED.xushui}.txt`), '--profile', join(d, 'p.json')], { encoding: 'utf8' });
  // The user's mistake, not gongkai's: exit 2, and no talk of an internal fault.
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0], /^错误 规则配置“我的配置”中规则“text-quality\/foreign-topic”的参数有误：options\.repeats /);
  assert.doesNotMatch(lines[0], /内部错误/);
});
