/** Findings as a workbook, one row per finding, for people who work in Excel. */
import ExcelJS from 'exceljs';
import type { CheckResult } from '../pipeline.js';

const SEVERITY = { error: '错误', warning: '警告', info: '提示' } as const;

export async function writeFindingsXlsx(results: CheckResult[], path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('检查结果');
  ws.columns = [
    { header: '文件', key: 'file', width: 36 },
    { header: '单位', key: 'entity', width: 36 },
    { header: '年度', key: 'year', width: 8 },
    { header: '级别', key: 'severity', width: 8 },
    { header: '规则', key: 'rule', width: 34 },
    { header: '问题说明', key: 'message', width: 80 },
    { header: '位置', key: 'where', width: 40 },
    { header: '应为', key: 'expected', width: 14 },
    { header: '实为', key: 'actual', width: 14 },
    { header: '差额', key: 'difference', width: 14 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of results) {
    for (const f of r.findings) {
      const where = f.location.where ?? [f.location.page && `第${f.location.page}页`, f.location.line && `第${f.location.line}行`].filter(Boolean).join(' ');
      ws.addRow({
        file: r.document.source.path,
        entity: r.document.entity.name ?? '',
        year: r.document.year ?? '',
        severity: SEVERITY[f.severity],
        rule: f.rule,
        message: f.message,
        where,
        // Written as text so Excel shows the decimal exactly as computed.
        expected: f.expected?.toString() ?? '',
        actual: f.actual?.toString() ?? '',
        difference: f.difference?.toString() ?? '',
      });
    }
  }
  ws.autoFilter = { from: 'A1', to: 'J1' };
  await wb.xlsx.writeFile(path);
}
