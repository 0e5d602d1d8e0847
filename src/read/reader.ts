import type { Block, ReaderWarning } from './doc.js';

/** What a format reader returns; `readDocument` adds the source description. */
export interface ReaderOutput {
  blocks: Block[];
  warnings: ReaderWarning[];
  /** Pages (PDF) or sheets (xlsx). */
  pages?: number;
}
