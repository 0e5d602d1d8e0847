/**
 * Agreement between parts of the disclosure that are not standard tables: 机关运行经费 vs 公用经费,
 * empty tables vs money elsewhere, vehicles held vs their running cost, planned purchases vs 政府采购.
 */
import type { ClaimSubject, Disclosure, Figure } from '../../model/disclosure.js';
import { assetLines } from '../arithmetic/assets.js';
import { BASIS } from '../lib/basis.js';
import { claimFigure, claimsOf } from '../lib/claims.js';
import { checkAtMost, checkSame } from '../lib/compare.js';
import { amount, val } from '../lib/figures.js';
import { headline, headlines, type HeadlineKey } from '../lib/headline.js';
import { byCode, linesBeforeTotal, sideRows, tableName, tableOf, tablesOf } from '../lib/tables.js';
import { threePublicFigures } from '../lib/three-public.js';
import { defineRule } from '../types.js';

/** A table's figure, else the text's, else the summary's (which the text usually fed). */
function figureOf(doc: Disclosure, key: HeadlineKey, subject: ClaimSubject, desc: string): { figure: Figure; desc: string } | null {
  const [first, ...rest] = headlines(doc, key);
  if (first && !first.desc.startsWith('摘要')) return first;
  const c = claimsOf(doc, subject)[0];
  if (c) return { figure: claimFigure(c)!, desc };
  return first ?? rest[0] ?? null;
}

function operatingCostsFigure(doc: Disclosure): { figure: Figure; desc: string } | null {
  return figureOf(doc, 'operatingCosts', 'operatingCosts.total', '说明中机关运行经费');
}

function publicFigure(doc: Disclosure): { figure: Figure; desc: string } | null {
  return figureOf(doc, 'public', 'expenditure.public', '说明中公用经费');
}

export const operatingCostsPublic = defineRule({
  meta: {
    id: 'cross-table/operating-costs-public',
    title: '机关运行经费与公用经费相符',
    severity: 'warning',
    category: 'cross-table',
    basis: BASIS.practice('§5.13：机关运行经费 ≈ 行政/参公单位的公用经费'),
    description: '机关运行经费是行政单位（含参公事业单位）的公用经费：部门所属单位都是行政/参公单位时二者应相等；有其他事业单位时机关运行经费不超过公用经费。',
    example: { bad: '单位均为行政单位；机关运行经费 26.78，公用经费 28.78', message: '说明中机关运行经费 26.78 万元，与《部门预算一般公共预算财政拨款基本支出表》“合计”行“公用经费”列 28.78 万元不一致，相差 2.00 万元。' },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    const o = operatingCostsFigure(doc);
    const p = publicFigure(doc);
    if (!o || !p) return;
    const allAdministrative = doc.units.length > 0 && doc.units.every((u) => /行政|参公|参照/.test(u.nature ?? ''));
    const c = { a: { desc: o.desc, figure: o.figure }, b: { desc: p.desc, figure: p.figure }, location: { ...o.figure.loc, where: o.desc } };
    if (allAdministrative) checkSame(ctx, c);
    else checkAtMost(ctx, c);
  },
});

export const emptyTableHasMoney = defineRule({
  meta: {
    id: 'cross-table/empty-table-has-money',
    title: '空表与其他表所列金额矛盾',
    severity: 'error',
    category: 'cross-table',
    basis: BASIS.procedure,
    description: '政府性基金、国有资本经营预算支出表或三公经费表注明为空表，而收支总表/财政拨款收支总表列有该类资金，或说明写有三公经费金额。',
    example: { bad: '政府性基金支出表“注：无政府性基金预算，空表列示”，收支总表政府性基金预算拨款收入 10.00', message: '《部门预算政府性基金预算财政拨款支出表》为空表，但《部门预算收支总表》“二、政府性基金预算拨款收入”为 10.00 万元。' },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    const pairs: ['gov-fund-expenditure' | 'state-capital-expenditure', string][] = [
      ['gov-fund-expenditure', 'govFund'],
      ['state-capital-expenditure', 'stateCapital'],
    ];
    for (const [kind, key] of pairs) {
      for (const t of tablesOf(doc, kind)) {
        if (!t.empty) continue;
        for (const s of [...tablesOf(doc, 'revenue-expenditure-summary'), ...tablesOf(doc, 'fiscal-summary')]) {
          const r = linesBeforeTotal(s, 'revenue').find((x) => x.key === key);
          const f = r ? (r.values.amount ?? r.values.total ?? null) : null;
          if (r && val(f) && val(f)!.greaterThan(0)) {
            ctx.report({
              message: `《${tableName(t)}》为空表，但《${tableName(s)}》“${r.name.replace(/\s+/g, '')}”为 ${amount(val(f))} 万元。`,
              location: { ...t.loc, where: `《${tableName(t)}》` },
              actual: val(f),
            });
            break;
          }
          const e = sideRows(s, 'expenditure').find((x) => x.role === 'total');
          const fe = e?.values[key] ?? null;
          if (e && val(fe) && val(fe)!.greaterThan(0)) {
            ctx.report({
              message: `《${tableName(t)}》为空表，但《${tableName(s)}》本年支出合计中该类资金为 ${amount(val(fe))} 万元。`,
              location: { ...t.loc, where: `《${tableName(t)}》` },
              actual: val(fe),
            });
            break;
          }
        }
      }
    }
    for (const t of tablesOf(doc, 'three-public')) {
      if (!t.empty) continue;
      const c = claimsOf(doc, 'threePublic.total').find((x) => x.value!.greaterThan(0));
      if (c) {
        ctx.report({
          message: `《${tableName(t)}》为空表，但说明中“三公”经费为 ${amount(c.value)} 万元。`,
          location: { ...t.loc, where: `《${tableName(t)}》` },
          actual: c.value,
        });
      }
    }
  },
});

export const vehicleRunningCost = defineRule({
  meta: {
    id: 'cross-table/vehicle-running-cost',
    title: '有公务用车而运行维护费为零',
    severity: 'warning',
    category: 'cross-table',
    basis: BASIS.identities('17'),
    description: '固定资产表列有车辆（数量大于 0），而三公经费中公务用车运行维护费明确为 0（表、说明或摘要），基本支出表也无 30231 公务用车运行维护费：车辆的运行费用去向不明。运行费未填写时不判断。',
    example: { bad: '资产表车辆 1 辆，三公表公务用车运行费 0', message: '固定资产占用情况表列有车辆 1 辆，但公务用车运行维护费为 0，基本支出表也无 30231 公务用车运行维护费。' },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    const vehicle = assetLines(doc).find((l) => l.key === 'vehicle');
    const count = doc.assets.rows.find((r) => r.key === 'vehicle')?.quantity ?? tablesOf(doc, 'assets').flatMap((t) => t.rows).find((r) => r.key === 'vehicle')?.values.quantity ?? null;
    if (!vehicle || !val(count) || !val(count)!.greaterThan(0)) return;
    const tp = threePublicFigures(doc);
    const claims = claimsOf(doc, 'threePublic.vehicleOperation');
    const stated = tp.vehicleOperation?.figure ?? (claims.length ? claimFigure(claims[0]) : null) ?? tp.vehicle?.figure ?? null;
    if (!stated || !val(stated)!.isZero()) return;
    const t6 = tableOf(doc, 'general-budget-basic');
    const r = t6 && byCode(t6).get('30231');
    if (r && val(r.values.total) && val(r.values.total)!.greaterThan(0)) return;
    ctx.report({
      message: `固定资产占用情况表列有车辆 ${val(count)!.toString()} 辆，但公务用车运行维护费为 0，基本支出表也无 30231 公务用车运行维护费。`,
      location: { ...vehicle.loc, where: '固定资产占用情况表车辆' },
      figures: { 车辆数量: val(count), 运行维护费: val(stated) },
    });
  },
});

export const plannedPurchasesProcurement = defineRule({
  meta: {
    id: 'cross-table/planned-purchases-procurement',
    title: '拟购置资产应列入政府采购预算',
    severity: 'warning',
    category: 'cross-table',
    basis: BASIS.identities('17'),
    description: '说明写本年拟购置固定资产金额大于 0 时，政府采购预算中应有货物类（目录编码 A 开头）采购；政府采购预算为 0 或没有货物类明细时报告。',
    example: { bad: '“本年度拟购置固定资产总额为12.00万元，已列入政府采购预算”，采购表只有 C0401 服务', message: '说明中拟购置固定资产 12.00 万元，但政府采购预算中没有货物类（A 类）采购。' },
    appliesTo: ['budget'],
  },
  check(doc, ctx) {
    const planned = claimsOf(doc, 'assets.planned').find((c) => c.value!.greaterThan(0));
    if (!planned) return;
    const lines = doc.procurement.items.filter((i) => i.role === 'line');
    const goods = lines.some((i) => /^A/i.test(i.catalogCode ?? ''));
    if (goods) return;
    const total = headline(doc, 'procurementTotal') ?? (claimsOf(doc, 'procurement.total')[0] ? { figure: claimFigure(claimsOf(doc, 'procurement.total')[0])! } : null);
    if (!lines.length && !total) return;
    ctx.report({
      message: `说明中拟购置固定资产 ${amount(planned.value)} 万元，但政府采购预算中没有货物类（A 类）采购。`,
      location: { ...planned.loc, where: planned.loc.sentence ? `说明：“${planned.loc.sentence}”` : '说明' },
      actual: planned.value,
    });
  },
});
