/**
 * Generating a disclosure: dataset → gate (its own identities; errors block unless a draft) →
 * blocks (tables and 说明 from the figures, in the template's wording) → one writer per format.
 */
import type { Finding } from '../model/disclosure.js';
import type { GenDocument } from './blocks.js';
import { compose } from './compose.js';
import type { Dataset } from './dataset.js';
import { blocking, gate } from './gate.js';
import { writeDocx } from './write-docx.js';
import { writeHtml } from './write-html.js';

export const FORMATS = ['docx', 'xlsx', 'pdf', 'html'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export interface GenerateOptions {
  format: OutputFormat;
  template?: string;
  /** Write even when the gate finds errors: the output is watermarked 草稿. */
  draft?: boolean;
  /**
   * This process converts only this file (a one-off command): a PDF is converted by one soffice
   * call instead of starting an office kept for the conversions to come.
   */
  oneOff?: boolean;
}

export interface GenerateResult {
  /** Null when error-level findings blocked generation. */
  bytes: Buffer | null;
  findings: Finding[];
  document: GenDocument | null;
}

export async function render(doc: GenDocument, format: OutputFormat, opts: { oneOff?: boolean } = {}): Promise<Buffer> {
  switch (format) {
    case 'docx':
      return writeDocx(doc);
    case 'html':
      return writeHtml(doc);
    case 'xlsx':
      return (await import('./write-xlsx.js')).writeXlsx(doc);
    case 'pdf':
      return (await import('./write-pdf.js')).writePdf(doc, { once: opts.oneOff });
  }
}

export async function generate(data: Dataset, opts: GenerateOptions): Promise<GenerateResult> {
  const findings = gate(data);
  if (blocking(findings).length && !opts.draft) return { bytes: null, findings, document: null };
  const doc = compose(data, { template: opts.template, draft: opts.draft ?? false });
  return { bytes: await render(doc, opts.format, { oneOff: opts.oneOff }), findings, document: doc };
}

export { compose } from './compose.js';
export { DatasetError, DatasetSchema, datasetJsonSchema, parseDataset, type Dataset, type DatasetInput } from './dataset.js';
export { gate } from './gate.js';
export { templateList, TEMPLATE_IDS, TemplateError } from './templates/index.js';
