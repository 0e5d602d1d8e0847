/**
 * Findings as a workbook for people who work in Excel: a summary sheet (one row per file) and a
 * findings sheet (one row per finding, severity first), amounts as numbers so they add and sort,
 * frozen header, filters.
 */
import ExcelJS from 'exceljs';
import type { Finding } from '../model/disclosure.js';
import type { Money } from '../model/money.js';
import type { CheckResult } from '../pipeline.js';
import { messageWithFix } from './fix.js';
import { locate, ruleTitle, SEVERITY_ORDER, SEVERITY_TEXT } from './group.js';
import { counts, KIND_TEXT } from './text.js';

/** A decimal as an Excel number (Excel holds 15 significant digits; amounts have far fewer). */
function num(v: Money | null | undefined): number | null {
  return v === null || v === undefined ? null : v.toNumber();
}

function header(ws: ExcelJS.Worksheet): void {
  const row = ws.getRow(1);
  row.font = { bold: true };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ws.columns.length } };
}

export async function findingsWorkbook(results: CheckResult[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'gongkai';
  const summary = wb.addWorksheet('汇总');
  summary.columns = [
    { header: '文件', key: 'file', width: 40 },
    { header: '单位', key: 'entity', width: 36 },
    { header: '年度', key: 'year', width: 8 },
    { header: '类型', key: 'kind', width: 14 },
    { header: '规则配置', key: 'profile', width: 14 },
    { header: '错误', key: 'errors', width: 8 },
    { header: '警告', key: 'warnings', width: 8 },
    { header: '提示', key: 'infos', width: 8 },
  ];
  for (const r of results) {
    const c = counts(r.findings);
    summary.addRow({
      file: r.document.source.path,
      entity: r.document.entity.name ?? '',
      year: r.document.year,
      kind: KIND_TEXT[r.document.kind],
      profile: r.profile,
      errors: c.error,
      warnings: c.warning,
      infos: c.info,
    });
  }
  header(summary);

  const ws = wb.addWorksheet('检查发现');
  ws.columns = [
    { header: '文件', key: 'file', width: 30 },
    { header: '级别', key: 'severity', width: 8 },
    { header: '规则', key: 'rule', width: 34 },
    { header: '规则名称', key: 'title', width: 28 },
    { header: '位置', key: 'where', width: 50 },
    { header: '页', key: 'page', width: 6 },
    { header: '问题说明', key: 'message', width: 90 },
    { header: '应为', key: 'expected', width: 14 },
    { header: '实为', key: 'actual', width: 14 },
    { header: '差额', key: 'difference', width: 14 },
  ];
  const rows: { r: CheckResult; f: Finding }[] = results.flatMap((r) => r.findings.map((f) => ({ r, f })));
  rows.sort((a, b) => SEVERITY_ORDER.indexOf(a.f.severity) - SEVERITY_ORDER.indexOf(b.f.severity));
  for (const { r, f } of rows) {
    const where = f.where ?? locate(f, r.document).where;
    ws.addRow({
      file: r.document.source.path,
      severity: SEVERITY_TEXT[f.severity],
      rule: f.rule,
      title: ruleTitle(f.rule),
      where,
      page: r.document.source.format === 'pdf' ? (f.location.page ?? null) : null,
      message: messageWithFix(f.message, f.severity === 'info' ? undefined : f.fix),
      expected: num(f.expected),
      actual: num(f.actual),
      difference: num(f.difference),
    });
  }
  for (const key of ['expected', 'actual', 'difference']) ws.getColumn(key).numFmt = '#,##0.00##';
  ws.getColumn('message').alignment = { wrapText: true, vertical: 'top' };
  ws.getColumn('where').alignment = { wrapText: true, vertical: 'top' };
  header(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
