/** Writes schema/check-result.schema.json from the zod model: the documented JSON of `gongkai check --format json`. */
import { writeFileSync } from 'node:fs';
import { datasetJsonSchema } from '../src/generate/dataset.js';
import { checkResultJsonSchema } from '../src/model/json-schema.js';

writeFileSync(new URL('../schema/check-result.schema.json', import.meta.url), JSON.stringify(checkResultJsonSchema(), null, 2) + '\n');
console.log('schema/check-result.schema.json written');
writeFileSync(new URL('../schema/budget-dataset.schema.json', import.meta.url), JSON.stringify(datasetJsonSchema(), null, 2) + '\n');
console.log('schema/budget-dataset.schema.json written');
