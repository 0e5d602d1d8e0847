/**
 * Migrations are frozen in time: each file in src/store/migrations/ describes the store as it was
 * when it was written, so it imports no application code (a later change to the code would
 * silently change what an old migration does to a store that has not run it yet). Packages
 * (kysely, decimal.js) and node: modules are fine; relative imports are not, except the index
 * listing its own folder's files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { migrations } from '../../src/store/migrations/index.js';

const DIR = fileURLToPath(new URL('../../src/store/migrations/', import.meta.url));
const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));
const migrationFiles = files.filter((f) => f !== 'index.ts');

function importsOf(file: string): string[] {
  return ts.preProcessFile(readFileSync(DIR + file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
}

test('no migration file imports anything but packages and node: modules', () => {
  assert.ok(migrationFiles.length >= 2);
  for (const f of migrationFiles) {
    for (const spec of importsOf(f)) {
      assert.ok(!spec.startsWith('.') && !spec.startsWith('/') && !/^(gongkai|src)\b/.test(spec), `${f} imports ${spec}: a migration is frozen and imports no application code`);
    }
  }
});

test('the index imports only the migration files beside it', () => {
  for (const spec of importsOf('index.ts')) {
    if (spec === 'kysely') continue;
    assert.match(spec, /^\.\/[^/]+\.js$/, `index.ts imports ${spec}, outside the migrations folder`);
    assert.ok(migrationFiles.includes(spec.slice(2).replace(/\.js$/, '.ts')), `index.ts imports ${spec}, which is not a migration file`);
  }
});

test('every migration file is listed under its own name, named 0001_init, 0002_current_tables or YYYYMMDDHHMM_<topic>', () => {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const names = Object.keys(migrations(dialect));
    assert.deepEqual(names.sort(), migrationFiles.map((f) => f.replace(/\.ts$/, '')).sort());
    for (const n of names) assert.match(n, /^(0001_init|0002_current_tables|20\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])([01]\d|2[0-3])[0-5]\d_[a-z0-9_]+)$/, n);
  }
});
