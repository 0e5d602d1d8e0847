import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkResultJsonSchema } from '../../src/model/json-schema.js';
import { ROOT } from '../helpers/shared.js';

test('schema/check-result.schema.json is generated from the model (npm run schema)', () => {
  const committed = JSON.parse(readFileSync(join(ROOT, 'schema/check-result.schema.json'), 'utf8'));
  assert.deepEqual(committed, JSON.parse(JSON.stringify(checkResultJsonSchema())));
});

test('decimal amounts are documented as JSON numbers', () => {
  const s = checkResultJsonSchema() as { properties: { document: { properties: { summary: { properties: Record<string, { anyOf: { type: string }[] }> } } } } };
  const revenue = s.properties.document.properties.summary.properties.revenueTotal;
  assert.deepEqual(revenue.anyOf.map((x) => x.type), ['number', 'null']);
});
