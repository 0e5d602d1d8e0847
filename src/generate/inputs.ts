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
  const bytes = await bytesOf(path);
  let data: Dataset;
  const ext = extname(path).toLowerCase();
  try {
    if (ext === '.json') {
      let json: unknown;
      try {
        json = JSON.parse(bytes.toString('utf8'));
      } catch (e) {
        throw new InputError(`不是有效的 JSON：${(e as Error).message.split('\n')[0]}`);
      }
      data = parseDataset(json);
    } else if (ext === '.xlsx') {
      const { readInputWorkbook } = await import('./read-workbook.js');
      const fromWorkbook = await readInputWorkbook(bytes);
      if (fromWorkbook) data = fromWorkbook;
      else {
        const { datasetFromDisclosure } = await import('./from-disclosure.js');
        data = datasetFromDisclosure(await disclosureOf(path, bytes));
      }
    } else {
      const { datasetFromDisclosure } = await import('./from-disclosure.js');
      data = datasetFromDisclosure(await disclosureOf(path, bytes));
    }
  } catch (e) {
    if (e instanceof DatasetError) throw new InputError(e.message);
    throw e;
  }
  if (opts.prior) {
    const { withPriorYear } = await import('./from-disclosure.js');
    let last;
    try {
      last = await disclosureOf(opts.prior, await bytesOf(opts.prior));
    } catch (e) {
      throw new InputError(`上年公开文件 ${opts.prior}：${(e as Error).message}`);
    }
    data = withPriorYear(data, last);
  }
  return data;
}
