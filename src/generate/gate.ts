/**
 * Before anything is written, the dataset's own identities: what a document generated from it
 * would state wrong, or could not state at all. Error-level findings block generation (a draft,
 * watermarked 草稿, can still be written); the reasons for changes are errors until a person
 * writes them.
 */
import { catalog } from '../catalog/index.js';
import type { Finding } from '../model/disclosure.js';
import { Money, sum } from '../model/money.js';
import type { Dataset } from './dataset.js';
import { budgetVsFinalItems, computeFigures, generalBudgetBasic, isZero } from './figures.js';

const w = (m: Money) => m.toFixed(2);

export function gate(d: Dataset): Finding[] {
  const out: Finding[] = [];
  const f = computeFigures(d);
  const add = (rule: string, severity: Finding['severity'], message: string, where: string, extra: Partial<Finding> = {}) =>
    out.push({ rule: `generate/${rule}`, severity, message, location: { where }, ...extra });

  if (!d.expenditure.length) add('no-expenditure', 'error', '数据中没有支出明细（expenditure），无法生成收支表。', 'expenditure');

  for (const [i, e] of d.expenditure.entries()) {
    if (e.basic.isNegative() || e.project.isNegative()) add('negative-amount', 'error', `支出明细 ${e.code} 的金额为负数。`, `expenditure[${i}]`);
    if (!e.name && !catalog().lookup('functional', e.code, d.year)) add('unknown-code', 'warning', `支出功能分类科目 ${e.code} 不在 ${d.year} 年分类目录中，请填写科目名称（name）。`, `expenditure[${i}]`);
  }
  for (const [i, e] of d.basicEconomic.entries()) {
    if (!e.name && !catalog().lookup('economic', e.code, d.year)) add('unknown-code', 'warning', `经济分类科目 ${e.code} 不在分类目录中，请填写科目名称（name）。`, `basicEconomic[${i}]`);
  }

  // T6 合计 (人员 + 公用 by economic class) is T5's 基本支出: the same money by two classifications.
  const gbBasic = generalBudgetBasic(f);
  const econ = f.personnel.plus(f.public);
  if (!econ.equals(gbBasic) && (d.basicEconomic.length || !gbBasic.isZero())) {
    add('basic-by-class', 'error', `一般公共预算基本支出按经济分类合计 ${w(econ)} 万元，与按功能分类的一般公共预算基本支出 ${w(gbBasic)} 万元不一致。`, 'basicEconomic', {
      expected: gbBasic,
      actual: econ,
      difference: econ.minus(gbBasic),
    });
  }

  const projects = sum(d.projects.map((p) => p.budget));
  if (projects.greaterThan(f.project)) {
    add('projects-over', 'error', `项目绩效目标的预算合计 ${w(projects)} 万元，超过项目支出 ${w(f.project)} 万元。`, 'projects', { expected: f.project, actual: projects, difference: projects.minus(f.project) });
  }
  for (const [i, p] of d.projects.entries()) {
    if (p.fiscalFunds && p.fiscalFunds.greaterThan(p.budget)) add('project-funds', 'error', `项目“${p.name}”的财政资金 ${w(p.fiscalFunds)} 万元大于预算数 ${w(p.budget)} 万元。`, `projects[${i}]`);
  }

  for (const [i, p] of d.procurement.entries()) {
    if (p.unitPrice) {
      const product = p.unitPrice.times(p.quantity);
      if (product.minus(p.amount).abs().greaterThan(new Money('0.005').times(Math.max(1, p.quantity)))) {
        add('procurement-amount', 'error', `采购“${p.item}”数量 ${p.quantity} × 单价 ${w(p.unitPrice)} = ${w(product)} 万元，与金额 ${w(p.amount)} 万元不一致。`, `procurement[${i}]`, { expected: product, actual: p.amount });
      }
    }
    if (p.projectBudget && p.amount.greaterThan(p.projectBudget)) add('procurement-over-project', 'error', `采购“${p.item}”金额 ${w(p.amount)} 万元超过其项目预算 ${w(p.projectBudget)} 万元。`, `procurement[${i}]`);
  }

  const a = d.assets;
  if (a && !isZero(a.planned) && isZero(f.procurement.goods)) {
    add('planned-not-procured', 'warning', `本年度拟购置固定资产 ${w(a.planned)} 万元，但政府采购预算中没有货物类（A）采购。`, 'assets.planned');
  }

  // The national 决算 三公 table prints each item's 年初预算 beside its 决算数.
  if (d.kind === 'final-accounts' && d.threePublic && !d.threePublic.budget) add('no-budget', 'warning', '缺少“三公”经费年初预算数（threePublic.budget）：决算表的预算数列将为空，说明中无法写明完成预算情况。', 'threePublic.budget');
  const tpb = f.threePublicBudget;
  if (d.kind === 'final-accounts' && tpb && f.threePublic && !tpb.total.equals(f.threePublic.total) && !d.reasons.threePublicBudget) {
    add('reason-missing', 'error', `“三公”经费决算数 ${w(f.threePublic.total)} 万元与年初预算数 ${w(tpb.total)} 万元不同，原因尚未填写（reasons.threePublicBudget）：原因须由人填写。`, 'reasons.threePublicBudget');
  }
  if (d.threePublic && !d.threePublic.prior) add('no-prior', 'warning', '缺少上年“三公”经费预算数（threePublic.prior），说明中将只写本年数，无法说明增减变化。', 'threePublic.prior');

  // The reasons are the person's to write: every change that needs one and has none blocks publication.
  const needs: [string, boolean, keyof Dataset['reasons']][] = [];
  if (d.prior) needs.push(['收支预算比上年增减', !f.revenueTotal.equals(d.prior.expenditureTotal), 'total']);
  else add('no-prior', 'error', '缺少上年数（prior.expenditureTotal）：说明必须写明比上年增减情况。', 'prior');
  const tp = f.threePublic;
  const tpp = f.threePublicPrior;
  if (tp && tpp) {
    needs.push(['因公出国（境）费增减', !tp.abroad.equals(tpp.abroad), 'abroad'], ['公务用车购置及运行费增减', !tp.vehicle.equals(tpp.vehicle), 'vehicle'], ['公务接待费增减', !tp.reception.equals(tpp.reception), 'reception']);
  }
  if (d.operatingCosts?.prior) needs.push(['机关运行经费增减', !d.operatingCosts.current.equals(d.operatingCosts.prior), 'operatingCosts']);
  for (const [what, changed, key] of needs) {
    if (changed && !d.reasons[key]) add('reason-missing', 'error', `${what}的原因尚未填写（reasons.${key}）：原因须由人填写，填写后才能正式生成。`, `reasons.${key}`);
  }
  // Final accounts: every 项 whose 决算 differs from its 年初预算 needs its reason, as the 说明 states it.
  if (d.kind === 'final-accounts') {
    for (const it of budgetVsFinalItems(d, f)) {
      if (!it.budget.equals(it.final) && !d.itemReasons[it.code]) {
        add('reason-missing', 'error', `${it.code} ${it.path[2]}（项）决算数 ${w(it.final)} 万元与年初预算数 ${w(it.budget)} 万元不同，原因尚未填写（itemReasons.${it.code}）：原因须由人填写。`, `itemReasons.${it.code}`);
      }
    }
  }
  return out;
}

export const blocking = (findings: Finding[]) => findings.filter((x) => x.severity === 'error');
