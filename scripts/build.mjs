#!/usr/bin/env node
// `npm run build` (also run by `npm ci` through `prepare`): compiles src/ to dist/ with tsc, copies
// the data files the code reads at run time, and removes compiled files whose source is gone, so
// a moved or deleted module never lingers in dist/ (tsc only ever adds files, and the build is
// incremental). Plain JavaScript: it runs before anything is compiled.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
try {
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
} catch {
  console.error('构建失败：TypeScript 编译出错（见上方）');
  process.exit(1);
}

// Data read through import.meta.url beside the code.
const ASSETS = ['catalog/data'];
for (const a of ASSETS) cpSync(join(src, a), join(dist, a), { recursive: true });

function sweep(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    const rel = relative(dist, path);
    if (e.isDirectory()) {
      if (ASSETS.includes(rel)) continue;
      if (!existsSync(join(src, rel))) rmSync(path, { recursive: true, force: true });
      else sweep(path);
    } else if (/\.(d\.ts|js)$/.test(e.name)) {
      const base = rel.replace(/\.(d\.ts|js)$/, '');
      if (!existsSync(join(src, `${base}.ts`))) rmSync(path);
    }
  }
}
sweep(dist);

// bin/gongkai.js compares this stamp with src/ to tell a stale build in a development checkout.
writeFileSync(join(dist, '.built'), `${new Date().toISOString()}\n`);
