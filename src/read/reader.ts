import type { Block, ReaderWarning } from './doc.js';
import type { ReadBudget } from './limits.js';

/** What a format reader returns; `readDocument` adds the source description. */
export interface ReaderOutput {
  blocks: Block[];
  warnings: ReaderWarning[];
  /** Pages (PDF) or sheets (xlsx). */
  pages?: number;
}

/**
 * One format, described once: everything else (the command line's help, the import walker, the
 * upload checks, the model's `source.format`) takes its list of formats from the registry of these
 * (`registry.ts`). A descriptor module stays light — `read` loads the reader and its libraries on
 * the first file of the format, so checking a PDF never loads exceljs.
 */
export interface ReaderDescriptor<F extends string = string> {
  /** The name in `source.format` and in the JSON Schema. */
  format: F;
  /** How a person calls it in Chinese messages and the docs (`Word（.docx）`). */
  title: string;
  /** File name endings, lower case with the dot; the first is the one a saved copy is given. */
  extensions: readonly string[];
  /** Media types; the first is the one a download is served with. */
  mediaTypes: readonly string[];
  /**
   * Whether the bytes are this format. Binary formats answer from their signature; text formats
   * are asked only about bytes that are not binary, and may use the extension (`ext`, lower case
   * with the dot, '' when none). The registry asks in its order; the first yes wins.
   */
  sniff(bytes: Buffer, ext: string): boolean;
  /** Reads within `budget` (limits.ts): a reader measures what it inflates and expands as it goes. */
  read(bytes: Buffer, path: string, budget: ReadBudget): Promise<ReaderOutput>;
  /** Every warning code `read` can give: each is a catalog entry `read/<code>` (docs/rules.md). */
  findings: readonly ReaderFinding[];
}

/**
 * A kind of warning a reader gives. It becomes the finding `read/<code>` with this default
 * severity, which a rule profile can switch off or re-grade like any rule's.
 */
export interface ReaderFinding {
  code: string;
  /** Chinese, short. */
  title: string;
  severity: 'error' | 'warning' | 'info';
  /** When the reader gives it and what it means for the check. */
  description: string;
}
