/**
 * What reading had to repair in a file's form (a table row the text export broke over blank lines)
 * reaches the user as information, not as a problem of the disclosure.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkFile } from '../../src/pipeline.js';
import { SEED, seed, sharedOnly } from '../helpers/shared.js';

test('seed 002 .txt: rows put back together are info findings with their lines', sharedOnly, async () => {
  const { findings } = await checkFile(seed(`${SEED.luquan}.txt`));
  const joined = findings.filter((f) => f.rule === 'read/txt-row-joined');
  assert.deepEqual(
    joined.map((f) => [f.severity, f.location.line]),
    [1586, 1608, 1616, 1661, 1790].map((line) => ['info', line]),
  );
  assert.match(joined[4].message, /^第 1790 行起的表格行被空行断成 3 段，已按表格列数 6 合为一行$/);
  assert.equal(findings.filter((f) => f.rule.startsWith('read/') && f.severity !== 'info').length, 0, 'nothing else from reading');
});
