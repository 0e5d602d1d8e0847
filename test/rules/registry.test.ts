/**
 * One rule, one file: `src/rules/<category>/<name>.ts` holds exactly the rule `<category>/<name>`,
 * and every such file is registered in src/rules/registry.ts (and nothing else is). What a rule
 * says is in its meta.messages, and it reports exactly those messageIds; the shared helpers of
 * src/rules/lib say nothing of their own.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { RULES } from '../../src/rules/registry.js';
import type { Disclosure } from '../../src/model/disclosure.js';
import { resolveProfile, runRule } from '../../src/rules/index.js';
import { CATEGORIES, defineRule, placeholders, type ReportInput, type Rule, type RuleContext } from '../../src/rules/types.js';
import { checkSum } from '../../src/rules/lib/compare.js';
import { allCases } from './tester.js';

const RULES_DIR = new URL('../../src/rules/', import.meta.url);

function isRule(v: unknown): v is Rule {
  return typeof v === 'object' && v !== null && typeof (v as Rule).check === 'function' && typeof (v as Rule).meta?.id === 'string';
}

test('src/rules holds only the category folders and lib/ (shared helpers)', () => {
  const folders = readdirSync(RULES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  assert.deepEqual(folders, [...CATEGORIES, 'lib'].sort());
});

test('each rule file holds one rule whose id is its path, and is registered', async () => {
  const registered = new Set(RULES);
  let files = 0;
  for (const category of CATEGORIES) {
    for (const f of readdirSync(new URL(`${category}/`, RULES_DIR)).filter((n) => n.endsWith('.ts'))) {
      files++;
      const path = `${category}/${f.slice(0, -'.ts'.length)}`;
      const mod = (await import(new URL(`${category}/${f}`, RULES_DIR).href)) as Record<string, unknown>;
      const rules = Object.values(mod).filter(isRule);
      assert.equal(rules.length, 1, `src/rules/${path}.ts exports ${rules.length} rules; a rule file exports exactly one (helpers go to src/rules/lib)`);
      const rule = rules[0];
      assert.equal(rule.meta.id, path, `src/rules/${path}.ts holds the rule “${rule.meta.id}”: the file's path must be its id`);
      assert.equal(rule.meta.category, category, `${path}: category ${rule.meta.category} but filed under ${category}/`);
      assert.ok(registered.has(rule), `src/rules/${path}.ts is not listed in src/rules/registry.ts`);
    }
  }
  assert.equal(files, RULES.length, 'src/rules/registry.ts lists a rule that has no file of its own');
});

test('every registered rule has its own file', () => {
  for (const r of RULES) assert.ok(existsSync(new URL(`${r.meta.id}.ts`, RULES_DIR)), `no file src/rules/${r.meta.id}.ts`);
});

/** The messageIds a rule's source reports: in its own file and the src/rules/lib modules it imports. */
function reportedIds(id: string): Set<string> {
  const own = readFileSync(new URL(`${id}.ts`, RULES_DIR), 'utf8');
  const libs = [...own.matchAll(/from '\.\.\/lib\/([\w-]+)\.js'/g)].map((m) => readFileSync(new URL(`lib/${m[1]}.ts`, RULES_DIR), 'utf8'));
  const ids = new Set<string>();
  // `messageId: 'x'`, a choice between literals (`messageId: doubt ? 'x' : 'y'`), or an id handed to
  // a helper for one of its several messages (`missingMessageId: 'missingCode'`).
  for (const text of [own, ...libs]) for (const m of text.matchAll(/\w*[mM]essageId: ([^,\n}]+)/g)) for (const q of m[1]!.matchAll(/'(\w+)'/g)) ids.add(q[1]!);
  return ids;
}

test('every rule declares what it says in meta.messages', () => {
  const without = RULES.filter((r) => !r.meta.messages || !Object.keys(r.meta.messages).length).map((r) => r.meta.id);
  assert.deepEqual(without, [], `rules without meta.messages: ${without.join(', ')}`);
});

/** A source file without its comments (they may quote messages). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/** A template as a pattern: its text literally, each `{{placeholder}}` any text. */
function templatePattern(template: string): RegExp {
  const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${template.split(/\{\{\s*\w+\s*\}\}/).map(literal).join('[\\s\\S]*?')}$`);
}

test("a rule's documented example message is one of its messages, filled in", () => {
  for (const r of RULES) {
    const m = r.meta.example.message.replace(/（在四舍五入误差范围内）。$/, '。');
    assert.ok(
      Object.values(r.meta.messages).some((t) => templatePattern(t).test(m)),
      `${r.meta.id}: the example “${r.meta.example.message}” is none of meta.messages (${Object.values(r.meta.messages).join(' | ')})`,
    );
  }
});

test('the helpers of src/rules/lib hold no message: a rule hands them its messageId', () => {
  for (const f of readdirSync(new URL('lib/', RULES_DIR)).filter((n) => n.endsWith('.ts'))) {
    const text = code(readFileSync(new URL(`lib/${f}`, RULES_DIR), 'utf8'));
    assert.doesNotMatch(text, /\bmessage: /, `src/rules/lib/${f} reports a text of its own: the rule's meta.messages holds it`);
    const literal = /\w*[mM]essageId: '(\w+)'/.exec(text);
    assert.equal(literal, null, `src/rules/lib/${f} reports messageId “${literal?.[1]}” of its own: the id is the calling rule's to give`);
  }
});

test('over every rule case, each report names a message its rule declares and fills all its placeholders', async () => {
  const cases = await allCases();
  const reported = new Map<string, Set<string>>();
  for (const rule of RULES) {
    const c = cases[rule.meta.id];
    if (!c) continue;
    const ids = new Set<string>();
    reported.set(rule.meta.id, ids);
    // The rule as it is, with each report's messageId and data looked at on the way to the engine.
    const watched = defineRule({
      meta: rule.meta,
      check(doc, ctx) {
        rule.check(doc, {
          doc: ctx.doc,
          options: ctx.options,
          report(r) {
            ids.add(r.messageId);
            const template = rule.meta.messages[r.messageId];
            assert.ok(template !== undefined, `${rule.meta.id} reports messageId “${r.messageId}”, which its meta.messages lacks`);
            for (const name of placeholders(template)) assert.ok(r.data?.[name] !== undefined, `${rule.meta.id}.${r.messageId}: no value for {{${name}}}`);
            ctx.report(r);
          },
        });
      },
    });
    for (const k of [...c.valid, ...c.invalid]) {
      const profile = resolveProfile({ roundingInfo: true, rules: k.options ? { [rule.meta.id]: { options: k.options } } : {} }, [watched]);
      for (const f of runRule(watched, k.doc, profile)) assert.doesNotMatch(f.message, /运行出错|\{\{/, `${rule.meta.id} (${k.name}): ${f.message}`);
    }
  }
  // Every rule with cases said something in them (its invalid cases report).
  const silent = [...reported].filter(([, ids]) => !ids.size).map(([id]) => id);
  assert.deepEqual(silent, []);
});

test("a rule's meta.messages and its reports agree: no messageId undeclared, none declared and never reported", () => {
  for (const r of RULES) {
    const reported = reportedIds(r.meta.id);
    if (!r.meta.messages) {
      assert.equal(reported.size, 0, `${r.meta.id} reports by messageId (${[...reported].join(', ')}) but its meta has no messages`);
      continue;
    }
    const declared = new Set(Object.keys(r.meta.messages));
    for (const id of reported) assert.ok(declared.has(id), `${r.meta.id} reports messageId “${id}”, which its meta.messages lacks`);
    for (const id of declared) assert.ok(reported.has(id), `${r.meta.id} declares message “${id}” but never reports it`);
    for (const [id, text] of Object.entries(r.meta.messages)) {
      assert.match(id, /^[a-z][A-Za-z0-9]*$/, `${r.meta.id}: messageId “${id}” is not camelCase`);
      assert.match(text, /[\u4e00-\u9fff]/, `${r.meta.id}.${id}: a message is Chinese`);
    }
  }
});

test('a report by messageId fills the template; an undeclared id, a missing value or a raw message is the rule failing', () => {
  const doc = {} as Disclosure;
  const make = (report: ReportInput): Rule =>
    defineRule({
      meta: { id: 'test/messages', title: '测试', severity: 'error', category: 'arithmetic', basis: '—', description: '—', example: { bad: '—', message: '—' }, messages: { sum: '合计 {{total}} 万元，应为 {{expected}} 万元。' } },
      check(_doc, ctx) {
        // As a rule in JavaScript would, past the compiler that holds TypeScript rules to their ids.
        (ctx as RuleContext).report(report);
      },
    });
  const ok = runRule(make({ messageId: 'sum', data: { total: '1.00', expected: 2 } }), doc);
  assert.deepEqual(ok.map((f) => [f.severity, f.message]), [['error', '合计 1.00 万元，应为 2 万元。']]);
  for (const [report, why] of [
    [{ messageId: 'other' }, /meta\.messages 中没有的 messageId “other”/],
    [{ messageId: 'sum', data: { total: '1.00' } }, /缺少占位值 \{\{expected\}\}/],
    // What a rule written in JavaScript could still pass: a text of its own instead of an id.
    [{ message: '合计不符。' } as unknown as ReportInput, /报告须用 meta\.messages 中的 messageId/],
  ] as const) {
    const [f] = runRule(make(report as ReportInput), doc);
    assert.equal(f!.severity, 'warning');
    assert.match(f!.message, /运行出错/);
    assert.match(f!.message, why);
  }
});

test('the compiler holds a rule to its declared messageIds (npm run typecheck fails otherwise); at run time the engine does', () => {
  const misspelt = defineRule({
    meta: { id: 'test/misspelt', title: '测试', severity: 'error', category: 'arithmetic', basis: '—', description: '—', example: { bad: '—', message: '—' }, messages: { sumDiffers: '合计不符。' } },
    check(_doc, ctx) {
      // @ts-expect-error — 'sumDifers' is not a key of meta.messages
      ctx.report({ messageId: 'sumDifers' });
      // @ts-expect-error — a helper takes only the rule's own ids
      checkSum(ctx, { messageId: 'sum', where: '', totalLabel: '', total: null, parts: [] });
    },
  });
  const [f] = runRule(misspelt, {} as Disclosure);
  assert.match(f!.message, /运行出错.*meta\.messages 中没有的 messageId “sumDifers”/);
});
