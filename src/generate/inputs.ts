/**
 * Where a dataset comes from: a JSON file (the schema), gongkai's own input workbook (`gongkai
 * template budget`), a workbook a budget system exports (its sheets found by titles and headers),
 * or a published disclosure gongkai reads (its figures as this year's). Last year's disclosure,
 * given apart, supplies the 上年 figures and the starting text.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { describeError } from '../system-error.js';
import { DatasetError, parseDataset, type Dataset } from './dataset.js';

export class InputError extends Error {}

async function bytesOf(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    throw new InputError(describeError(e));
  }
}

/** Reads a published disclosure through the whole pipeline (read → recognise). */
async function disclosureOf(path: string, bytes: Buffer) {
  const { checkBytes } = await import('../pipeline.js');
  const { ReadError } = await import('../read/doc.js');
  try {
    return (await checkBytes(bytes, path)).document;
  } catch (e) {
    if (e instanceof ReadError) throw new InputError(e.message);
    throw e;
  }
}

export async function loadDataset(path: string, opts: { prior?: string } = {}): Promise<Dataset> {
  let data = await datasetFromBytes(await bytesOf(path), path);
  if (opts.prior) data = await withPriorFrom(data, await bytesOf(opts.prior), opts.prior);
  return data;
}

/**
 * A dataset from a file's bytes, its kind told by the name's extension: JSON, an input or
 * budget-system workbook (.xlsx), or any disclosure gongkai reads. Throws InputError (Chinese).
 */
export async function datasetFromBytes(bytes: Buffer, name: string): Promise<Dataset> {
  const ext = extname(name).toLowerCase();
  try {
    if (ext === '.json') {
      let json: unknown;
      try {
        json = JSON.parse(bytes.toString('utf8'));
      } catch (e) {
        throw new InputError(`不是有效的 JSON：${(e as Error).message.split('\n')[0]}`);
      }
      return parseDataset(json);
    }
    if (ext === '.xlsx') {
      const { readInputWorkbook } = await import('./read-workbook.js');
      const fromWorkbook = await readInputWorkbook(bytes);
      if (fromWorkbook) return fromWorkbook;
    }
    const { datasetFromDisclosure } = await import('./from-disclosure.js');
    return datasetFromDisclosure(await disclosureOf(name, bytes));
  } catch (e) {
    if (e instanceof DatasetError) throw new InputError(e.message);
    throw e;
  }
}

/** Last year's published disclosure (its bytes) applied: 上年 figures, duties, units, glossary. */
export async function withPriorFrom(data: Dataset, bytes: Buffer, name: string): Promise<Dataset> {
  const { withPriorYear } = await import('./from-disclosure.js');
  let last;
  try {
    last = await disclosureOf(name, bytes);
  } catch (e) {
    throw new InputError(`上年公开文件 ${name}：${(e as Error).message}`);
  }
  return withPriorYear(data, last);
}
