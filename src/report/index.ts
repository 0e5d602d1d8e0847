/**
 * The report formats of `check -o` and `GET /api/documents/:id/report`: one module each, loaded
 * when asked for (exceljs, pdf-lib and the browser only when their format is).
 */
import type { CheckResult } from '../pipeline.js';

export const REPORT_FORMATS = ['text', 'json', 'xlsx', 'html', 'pdf', 'annotated-pdf', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const MEDIA_TYPES: Record<ReportFormat, string> = {
  text: 'text/plain; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  'annotated-pdf': 'application/pdf',
  sarif: 'application/sarif+json; charset=utf-8',
};

export const EXTENSIONS: Record<ReportFormat, string> = { text: 'txt', json: 'json', xlsx: 'xlsx', html: 'html', pdf: 'pdf', 'annotated-pdf': 'pdf', sarif: 'sarif' };

/** Formats that are bytes, not text: never written to a terminal. */
export const BINARY: ReadonlySet<ReportFormat> = new Set(['xlsx', 'pdf', 'annotated-pdf']);

/** A report the caller cannot have (annotated-pdf of a Word file, no browser for PDF): one Chinese line. */
export class ReportError extends Error {}

export interface RenderOptions {
  /** The checked files' bytes, by source path: annotated-pdf draws on the original. */
  original?: (r: CheckResult) => Promise<Uint8Array>;
  /** gongkai's version, for SARIF's tool. */
  version?: string;
}

/** One report of all the results in one format. */
export async function renderReport(results: CheckResult[], format: ReportFormat, opts: RenderOptions = {}): Promise<string | Buffer> {
  switch (format) {
    case 'text': {
      const { formatText, summaryLine } = await import('./text.js');
      const body = results.map(formatText).join('\n');
      return results.length > 1 ? `${body}\n汇总：\n${results.map((r) => `  ${summaryLine(r)}`).join('\n')}\n` : body;
    }
    case 'json':
      return JSON.stringify(results.length === 1 ? results[0] : results, null, 2) + '\n';
    case 'xlsx':
      return (await import('./xlsx.js')).findingsWorkbook(results);
    case 'html':
      return (await import('./html.js')).renderHtml(results);
    case 'pdf': {
      const { renderHtml } = await import('./html.js');
      return pdfOrError(async () => (await import('./pdf.js')).htmlToPdf(renderHtml(results)));
    }
    case 'annotated-pdf': {
      if (results.length !== 1) throw new ReportError('annotated-pdf 每次只能标注一个 PDF 文件');
      const r = results[0];
      if (r.document.source.format !== 'pdf') throw new ReportError(`${r.document.source.path}：annotated-pdf 只适用于 PDF 文件（此文件为 ${r.document.source.format}），可改用 --format pdf 或 html`);
      if (!opts.original) throw new ReportError('annotated-pdf 需要原文件');
      const original = await opts.original(r);
      const { annotatePdf } = await import('./annotated-pdf.js');
      return pdfOrError(async () => (await annotatePdf(original, r)).pdf);
    }
    case 'sarif':
      return (await import('./sarif.js')).renderSarif(results, opts.version ?? '0.0.0');
  }
}

async function pdfOrError(make: () => Promise<Buffer>): Promise<Buffer> {
  const { PdfUnavailableError } = await import('./pdf.js');
  try {
    return await make();
  } catch (e) {
    if (e instanceof PdfUnavailableError) throw new ReportError(e.message);
    throw e;
  }
}
