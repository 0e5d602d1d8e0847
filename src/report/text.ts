/**
 * The report a person reads: what the document is, its headline figures, and the findings —
 * folded by rule and cause, ordered by severity then by place, each with where it is and what to
 * change — ending with a count per rule.
 */
import type { Finding } from '../model/disclosure.js';
import { fmt, type Money } from '../model/money.js';
import type { CheckResult } from '../pipeline.js';
import { messageWithFix } from './fix.js';
import { groupFindings, ruleCounts, SEVERITY_TEXT } from './group.js';

export const KIND_TEXT: Record<string, string> = { budget: '部门预算公开', 'final-accounts': '部门决算公开', 'self-evaluation': '绩效自评报告' };

function amount(v: Money | null): string {
  return v === null ? '未列明' : `${fmt(v, v.decimalPlaces() > 2 ? v.decimalPlaces() : 2)} 万元`;
}

export function counts(findings: Finding[]): Record<Finding['severity'], number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export function summaryLine(r: CheckResult): string {
  const d = r.document;
  const c = counts(r.findings);
  return `${d.source.path}：${d.entity.name ?? '（未识别单位）'} ${d.year ?? ''} ${KIND_TEXT[d.kind]}，错误 ${c.error}，警告 ${c.warning}，提示 ${c.info}`;
}

/** The document's identity and headline figures, one fact a line. */
export function headerLines(r: CheckResult): string[] {
  const d = r.document;
  const s = d.summary;
  const lines: string[] = [];
  lines.push(`文件：${d.source.path}`);
  lines.push(`单位：${d.entity.name ?? '（未识别）'}　年度：${d.year ?? '（未识别）'}　类型：${KIND_TEXT[d.kind]}　规则配置：${r.profile}`);
  if (d.kind !== 'self-evaluation') {
    lines.push(`收入合计 ${amount(s.revenueTotal)}；支出合计 ${amount(s.expenditureTotal)}；基本支出 ${amount(s.basicExpenditure)}（人员经费 ${amount(s.personnelExpenditure)}，公用经费 ${amount(s.publicExpenditure)}）；项目支出 ${amount(s.projectExpenditure)}`);
    lines.push(`机关运行经费 ${amount(s.operatingCosts)}；“三公”经费 ${amount(s.threePublic.total)}；政府采购 ${amount(s.procurementTotal)}；固定资产 ${amount(s.assetsTotal)}`);
    lines.push(`识别出 ${d.tables.length} 张表格、${d.projects.length} 个项目绩效目标表、${d.claims.length} 个文字中的数字`);
  } else {
    const se = d.selfEvaluation;
    lines.push(`自评项目 ${se?.projects.length ?? 0} 个；总得分 ${se?.totalScore?.raw ?? '未列明'}；等级 ${se?.grade ?? '未列明'}`);
  }
  return lines;
}

export function formatText(r: CheckResult): string {
  const lines = headerLines(r);
  const c = counts(r.findings);
  const groups = groupFindings(r.findings, r.document);
  const folded = r.findings.length - groups.length;
  lines.push(`检查结果：错误 ${c.error} 项，警告 ${c.warning} 项，提示 ${c.info} 项${folded > 0 ? `（同一规则同一原因的合并为一条，共 ${groups.length} 条）` : ''}`);
  groups.forEach((g, i) => {
    const n = g.items.length;
    lines.push(`${String(i + 1).padStart(3)}. ${SEVERITY_TEXT[g.severity]} ${g.title}（${g.rule}）${n > 1 ? `，共 ${n} 处` : ''}`);
    lines.push(`     ${messageWithFix(g.message, g.severity === 'info' ? undefined : g.fix)}`);
    if (n === 1) lines.push(`     位置：${g.items[0].where}`);
    else for (const [k, it] of g.items.entries()) lines.push(`     位置 ${k + 1}：${it.where}`);
  });
  if (groups.length) {
    lines.push('按规则统计：');
    for (const rc of ruleCounts(groups)) {
      lines.push(`  ${SEVERITY_TEXT[rc.severity]} ${rc.title}（${rc.rule}）：${rc.findings} 条${rc.places !== rc.findings ? `，${rc.places} 处` : ''}`);
    }
  }
  return lines.join('\n') + '\n';
}
