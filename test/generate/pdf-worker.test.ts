/**
 * The LibreOffice kept between PDF conversions (office-worker.ts): a file LibreOffice cannot open
 * is refused in one Chinese line, and the next conversion still works; stopping it leaves no
 * office running.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { generate, parseDataset } from '../../src/generate/index.js';
import { stopOfficeWorker, workerAvailable } from '../../src/generate/office-worker.js';
import { docxToPdf, PdfEngineError } from '../../src/generate/write-pdf.js';
import { ROOT } from '../helpers/shared.js';
import { HAVE_SOFFICE } from './readback.js';

const skip = !HAVE_SOFFICE ? 'LibreOffice (soffice) is not installed' : !workerAvailable() ? "Debian's python3-uno is not installed: each PDF starts its own LibreOffice" : false;

test('a file LibreOffice cannot open: one Chinese line, and the kept office converts the next', { skip }, async () => {
  await assert.rejects(docxToPdf(Buffer.from('PK\u0003\u0004 this is not a Word file')), (e: Error) => e instanceof PdfEngineError && /^LibreOffice 转换 PDF 失败：LibreOffice 无法打开生成的 Word 文件$/.test(e.message) && !e.message.includes('\n'));
  const data = parseDataset(JSON.parse(readFileSync(join(ROOT, 'examples/budget-dataset.json'), 'utf8')));
  const r = await generate(data, { format: 'pdf' });
  assert.equal(r.bytes!.subarray(0, 5).toString('latin1'), '%PDF-');
  stopOfficeWorker();
  // The office ends with its worker: soon none of this process's is left (pgrep exits 1 when none
  // match). The wait only bounds how long a loaded machine may take to end it.
  const running = () => {
    try {
      return execFileSync('pgrep', ['-f', `gongkai-${process.pid}-`], { encoding: 'utf8' });
    } catch {
      return '';
    }
  };
  let left = running();
  for (let i = 0; i < 120 && left.trim(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    left = running();
  }
  assert.equal(left.trim(), '');
});
