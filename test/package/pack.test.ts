import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { ROOT } from '../helpers/shared.js';

/** What `npm pack` would put in the tarball (scripts off: the test suite has just built dist/). */
function packed(): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const [info] = JSON.parse(out) as { files: { path: string }[] }[];
  return info.files.map((f) => f.path).sort();
}

test('npm pack ships the compiled program, its data and docs, and nothing of development', () => {
  const files = packed();
  const allowed = /^(package\.json|README\.md|LICENSE|bin\/(gongkai\.js|package\.json)|dist\/.+\.(js|d\.ts|json)|dist\/(cli-bundle\/(check|launch)|worker-bundle\/read-worker)\.(cjs|cache)|dist\/web\/.+|profiles\/.+\.json|schema\/.+\.json|examples\/.+)$/;
  assert.deepEqual(files.filter((f) => !allowed.test(f)), [], 'files outside what a user needs');
  // What the command, the library and the workers load at run time.
  for (const f of [
    'bin/gongkai.js',
    // Makes the bin a CommonJS file: Node starts it without its ES module loader.
    'bin/package.json',
    'dist/cli/main.js',
    'dist/cli/launch.js',
    'dist/cli-bundle/launch.cjs',
    'dist/cli-bundle/main.js',
    // check's compiled script and its V8 code cache (src/cli/compiled-check.ts).
    'dist/cli-bundle/check.cjs',
    'dist/cli-bundle/check.cache',
    'dist/worker-bundle/read-worker.cjs',
    'dist/worker-bundle/read-worker.cache',
    'dist/worker-bundle/read-worker.js',
    'dist/workers/read-worker.js',
    'dist/pipeline.js',
    'dist/pipeline.d.ts',
    'dist/catalog/data/functional.json',
    'dist/catalog/data/economic.json',
    'profiles/default.json',
    'profiles/scoring/national.json',
    'schema/check-result.schema.json',
    'LICENSE',
    'README.md',
    // The browser app `gongkai serve` hands out.
    'dist/web/index.html',
  ]) {
    assert.ok(files.includes(f), `${f} is missing from the package`);
  }
  // No TypeScript sources, tests, benchmarks or build leftovers.
  assert.ok(!files.some((f) => /^(src|test|bench|scripts|docs|data|\.ci)\//.test(f)));
  assert.ok(!files.some((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts')));
  assert.ok(!files.some((f) => /tsbuildinfo|\.built$/.test(f)));
});
