#!/usr/bin/env -S node --v8-pool-size=0
// The gongkai command: runs the compiled program in dist/ (built by `npm run build`, which `npm ci`
// runs). `--v8-pool-size=0` sizes V8's background threads (garbage collection, optimising
// compilation) to the machine's cores instead of Node's fixed four: on a 2-core machine the four
// competed with the command's own two threads (docs/benchmarks.md, "Packaging": check of a 33-page
// PDF 660 → 590 ms, import of 29 PDFs faster too). Run as `node bin/gongkai.js`, Node's default applies.
// A CommonJS file (bin/package.json): it requires the bundled entry, dist/cli-bundle/launch.cjs,
// so that Node starts the command without its ES module loader.
// In a development checkout whose src/ is newer than the last build (or never built), the sources
// are run through tsx instead, so a command run after editing src/ never shows what the code did
// before the edit.
'use strict';
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

// Node 22 keeps the compiled code of the modules between runs (no-op where it is missing, as on 20).
require('node:module').enableCompileCache?.();

const root = join(__dirname, '..');
const src = join(root, 'src');
const stamp = join(root, 'dist', '.built');

// Directories count too: deleting or renaming a module changes only its folder's time.
function newestUnder(dir) {
  let newest = statSync(dir).mtimeMs;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestUnder(p) : statSync(p).mtimeMs);
  }
  return newest;
}

// A published package has no src/: only the compiled program.
const fromSource = existsSync(src) && (!existsSync(stamp) || newestUnder(src) > statSync(stamp).mtimeMs);
if (fromSource) {
  import('tsx/esm/api').then(
    ({ register }) => {
      register();
      return import('../src/cli/launch.ts');
    },
    () => {
      console.error('gongkai: 尚未构建，请先运行 npm run build（npm ci 会自动构建）');
      process.exit(2);
    },
  );
} else if (existsSync(join(root, 'dist', 'cli-bundle', 'launch.cjs'))) {
  // The bundled command (scripts/build.mjs): a few files to load instead of some 350 modules.
  require('../dist/cli-bundle/launch.cjs');
} else {
  import('../dist/cli/launch.js');
}
