/**
 * The 决算 rules: their cases, and the rule catalog over the synthetic 决算 of test/fixtures/recognize
 * (consistent, then with one figure changed per rule — the recogniser's model, not one built by hand).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { readDocument } from '../../src/read/index.js';
import { recognize } from '../../src/recognize/index.js';
import { runRules } from '../../src/rules/index.js';
import { cases, shareDoc } from './cases/final-accounts.js';
import { findingsOf, runCases } from './tester.js';

runCases(cases);

const TEXT = readFileSync(new URL('../fixtures/recognize/final-accounts.txt', import.meta.url), 'utf8');

/** The fixture with one passage replaced (it must occur exactly once), recognised and checked. */
async function findings(from?: string, to?: string) {
  if (from !== undefined) assert.equal(TEXT.split(from).length, 2, `“${from}” occurs once in the fixture`);
  const text = from === undefined ? TEXT : TEXT.replace(from, to!);
  const { disclosure } = recognize(await readDocument(Buffer.from(text), 'final-accounts.txt'));
  return runRules(disclosure).filter((f) => f.severity !== 'info');
}

describe('the catalog over a recognised 决算', () => {
  test('consistent: nothing to report', async () => {
    assert.deepEqual((await findings()).map((f) => f.message), []);
  });

  const broken: [string, string, string, string, RegExp][] = [
    ['§5.18 收入总计 counts 使用非财政拨款结余', '使用非财政拨款结余\t6\t\t', '使用非财政拨款结余\t6\t2.00\t', 'arithmetic/t1-revenue-grand-total', /收入总计 192\.40 万元，本年收入合计、使用非财政拨款结余、年初结转和结余之和（182\.00 \+ 2\.00 \+ 10\.40）为 194\.40 万元/],
    ['§5.18 支出总计 counts 结余分配', '结余分配\t37\t\n', '结余分配\t37\t1.00\n', 'arithmetic/t1-expenditure-grand-total', /支出总计 192\.40 万元.*193\.40 万元/],
    ['a completion rate off', '完成年初预算的98.53%', '完成年初预算的95.53%', 'arithmetic/final-completion-rate', /应为 98\.53%/],
    ['大于 where 决算 < 预算', '决算数小于预算数的主要原因：压减日常公用开支', '决算数大于预算数的主要原因：压减日常公用开支', 'narrative/final-vs-budget-comparison', /写“决算数大于预算数”，但支出决算 114\.30 万元小于年初预算 116\.00 万元/],
    ['a difference without its reason', '决算数大于预算数的主要原因：追加库房改造经费。', '', 'narrative/final-vs-budget-reason', /档案馆”年初预算 24\.00 万元、支出决算 29\.80 万元，未说明/],
    ['an item against its row', '支出决算为29.80万元，完成年初预算的124.17%', '支出决算为28.80万元，完成年初预算的120.00%', 'narrative/final-vs-tables', /支出决算 28\.80 万元，与《一般公共预算财政拨款支出决算表》“2012604 档案馆”行“合计”列 29\.80 万元不一致/],
    ['a percentage change off', '增长6.89%', '增长7.89%', 'narrative/change-percent', /应为 6\.89%/],
    ['a share off (the shared rule)', '占81.22%', '占82.22%', 'narrative/share', /应为 81\.22%/],
    ['reception batches against the amount', '共接待6批次、32人次', '共接待0批次、0人次', 'narrative/three-public-counts', /公务接待批次为 0，但公务接待费 0\.40 万元/],
    ['vehicles by use', '其他用车0辆', '其他用车1辆', 'arithmetic/vehicles-by-use', /车辆总数 2 辆，各类用车之和（1 \+ 1 \+ 1）为 3 辆/],
    ['goods + works + services', '政府采购服务支出2.20万元', '政府采购服务支出3.20万元', 'arithmetic/procurement-split', /12\.50 万元，货物、工程、服务之和（4\.30 \+ 6\.00 \+ 3\.20）为 13\.50 万元/],
    ['SME above the total', '授予中小企业合同金额10.50万元，占政府采购支出总额的84.00%', '授予中小企业合同金额13.00万元，占政府采购支出总额的104.00%', 'arithmetic/procurement-sme', /授予中小企业合同金额 13\.00 万元，超过政府采购支出总额 12\.50 万元/],
    ['基本 = 人员 + 公用', '人员经费合计\t139.90', '人员经费合计\t138.90', 'arithmetic/final-basic-split', /相差 1\.00 万元/],
  ];
  for (const [what, from, to, rule, message] of broken) {
    test(`${what}: ${rule}`, async () => {
      const got = (await findings(from, to)).filter((f) => f.rule === rule);
      assert.equal(got.length, 1, `${rule}: ${got.map((f) => f.message).join(' | ') || 'no finding'}`);
      assert.match(got[0].message, message);
    });
  }
});

test('narrative/share reads the model’s shares of a 决算', () => {
  assert.deepEqual(findingsOf('narrative/share', shareDoc('81.22')), []);
  assert.match(findingsOf('narrative/share', shareDoc('80.22'))[0].message, /基本支出占本年支出合计的比例写作 80\.22%，按 154\.80 ÷ 190\.60 应为 81\.22%/);
});
