/**
 * The recogniser over the four real seeds, each read from its .txt and its .docx file: every
 * figure, table row, project and indicator against values typed from the documents
 * (test/fixtures/recognize/expected/<seed>.json), and the two files of one document give one model.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readDocumentFile } from '../../src/read/index.js';
import { recognize, type Recognized } from '../../src/recognize/index.js';
import { SEED, seed, sharedOnly } from '../helpers/shared.js';
import { comparable } from './expect.js';
import { expectedModel, modelTests } from './model-tests.js';

const models = new Map<string, Promise<Recognized>>();
/** Each file is read and recognised once, by the first test that needs it. */
function model(file: string): Promise<Recognized> {
  if (!models.has(file)) models.set(file, readDocumentFile(seed(file)).then(recognize));
  return models.get(file)!;
}

for (const name of Object.values(SEED)) {
  const e = expectedModel(name);
  describe(`seed ${name}`, sharedOnly, () => {
    for (const ext of ['txt', 'docx'] as const) {
      describe(`.${ext}`, () => modelTests(() => model(`${name}.${ext}`), e, { lines: ext === 'txt' }));
    }

    test('.txt and .docx give one model (locations, source and column labels aside)', async () => {
      const [txt, docx] = await Promise.all([model(`${name}.txt`), model(`${name}.docx`)]);
      assert.deepEqual(comparable(txt.disclosure), comparable(docx.disclosure));
    });
  });
}
