#!/usr/bin/env node
// `npm run build` (also run by `npm ci` through `prepare`): compiles src/ to dist/ with tsc, copies
// the data files the code reads at run time, and removes compiled files whose source is gone, so
// a moved or deleted module never lingers in dist/ (tsc only ever adds files, and the build is
// incremental). Plain JavaScript: it runs before anything is compiled.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

// The bundled command and reading thread (see bundleCli, bundleReadWorker below): made whole on
// every build, not swept.
const CLI_BUNDLE = 'cli-bundle';
const WORKER_BUNDLE = 'worker-bundle';
// The CommonJS files' own address, which their code reads as import.meta.url (scriptOptions below).
const URL_OF_FILE = 'var __gongkaiUrl = require("node:url").pathToFileURL(__filename).href;';

// Data read through import.meta.url beside the code.
const ASSETS = ['catalog/data', 'region/data'];
for (const a of ASSETS) cpSync(join(src, a), join(dist, a), { recursive: true });

function sweep(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    const rel = relative(dist, path);
    if (e.isDirectory()) {
      if (ASSETS.includes(rel) || rel === 'web' || rel === CLI_BUNDLE || rel === WORKER_BUNDLE) continue;
      if (!existsSync(join(src, rel))) rmSync(path, { recursive: true, force: true });
      else sweep(path);
    } else if (/\.(d\.ts|js)$/.test(e.name)) {
      const base = rel.replace(/\.(d\.ts|js)$/, '');
      if (!existsSync(join(src, `${base}.ts`))) rmSync(path);
    }
  }
}
sweep(dist);

await bundleCli();
await bundleLaunch();
await bundleReadWorker();
await buildScripts();
await buildWeb();

// bin/gongkai.js compares this stamp with src/ to tell a stale build in a development checkout.
writeFileSync(join(dist, '.built'), `${new Date().toISOString()}\n`);

/**
 * The command as users run it, bundled (dist/cli-bundle/): one file for `--help` and a few chunks
 * loaded on demand, instead of some 350 modules (every rule a file, zod's ~100) each resolved,
 * read and compiled on every start — that cost was half of `gongkai check`'s CPU on a small file.
 * zod, decimal.js and commander are inlined (zod's list of every language it speaks is left out:
 * the code asks for zh-CN by its own path); other packages stay outside. The commands that open
 * the store (`import`, `serve`, `worker`, backup, the region and account commands) run from the unbundled dist/
 * (`store-commands`, `region`, `accounts` and `queue` are left external): their worker threads, the store and the
 * server's zod type provider must share one copy of each module with what they load. Worker
 * threads (the bounded reader's too) always load their entry from dist/workers/.
 */
async function bundleCli() {
  const out = join(dist, CLI_BUNDLE);
  rmSync(out, { recursive: true, force: true });
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    console.error('未安装 esbuild（开发依赖），命令行不打包，从 dist/cli/ 运行');
    return;
  }
  const INLINE = new Set(['zod', 'decimal.js', 'commander']);
  await esbuild.build({
    ...bundleOptions([join(dist, 'cli/main.js')], out),
    // commander is CommonJS: its require() calls need a require in the ES module.
    banner: { js: "import { createRequire as __gongkaiRequire } from 'node:module'; const require = __gongkaiRequire(import.meta.url);" },
    plugins: [
      {
        name: 'gongkai-edges',
        setup(b) {
          b.onLoad({ filter: /zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({ contents: 'export {};', loader: 'js' }));
          b.onResolve({ filter: /.*/ }, (a) => {
            if (a.kind === 'entry-point') return null;
            if (a.path.startsWith('.')) {
              const name = /^\.\/(store-commands|region|accounts|queue)\.js$/.exec(a.path)?.[1];
              return name && a.importer.endsWith('/cli/main.js') ? { path: `../cli/${name}.js`, external: true } : null;
            }
            if (a.path.startsWith('node:')) return { path: a.path, external: true };
            const pkg = a.path.split('/').slice(0, a.path.startsWith('@') ? 2 : 1).join('/');
            return INLINE.has(pkg) ? null : { path: a.path, external: true };
          });
        },
      },
    ],
  });
}

/**
 * The command's entry (src/cli/launch.ts) as one CommonJS file, dist/cli-bundle/launch.cjs, which
 * bin/gongkai.js requires: Node then runs the command without starting its ES module loader (some
 * 10 ms on the way to `check`'s reading thread). It holds what `check` needs before its compiled
 * script (the reading thread's client, check's command-line definition, commander); the whole
 * command line, dist/cli-bundle/main.js, and the modules check falls back to without a compiled
 * script, dist/cli/check.js, stay ES modules it imports.
 */
async function bundleLaunch() {
  if (!existsSync(join(dist, CLI_BUNDLE))) return;
  const esbuild = await import('esbuild');
  await esbuild.build({
    ...scriptOptions(join(dist, 'cli/launch.js'), join(dist, CLI_BUNDLE, 'launch.cjs')),
    banner: { js: URL_OF_FILE },
    plugins: [
      {
        name: 'gongkai-launch',
        setup(b) {
          b.onResolve({ filter: /.*/ }, (a) => {
            if (a.kind === 'entry-point') return null;
            const fromLaunch = a.importer.endsWith('/cli/launch.js');
            if (fromLaunch && a.path === './main.js') return { path: './main.js', external: true };
            // What the modules load on demand (a reader's code, check's modules) stays in dist/, loaded
            // from there when asked for, instead of being compiled with this file on every start.
            if (a.path.startsWith('.') && a.kind === 'dynamic-import' && (!fromLaunch || a.path === './check.js')) {
              return { path: relative(join(dist, CLI_BUNDLE), join(a.resolveDir, a.path)), external: true };
            }
            if (a.path.startsWith('.')) return null;
            if (a.path.startsWith('node:')) return { path: a.path, external: true };
            return a.path === 'commander' ? null : { path: a.path, external: true };
          });
        },
      },
    ],
  });
}

/**
 * `check`'s path on the main thread (dist/cli-bundle/check.cjs) and the reading thread's entry
 * (dist/worker-bundle/read-worker.cjs) as CommonJS scripts, each with V8's code cache of it (.cache),
 * written by a training run on the shipped samples in a fresh process (src/cli/compiled-check.ts
 * says why: ES modules get no code cache on Node 20, scripts do). Each script sits in its bundle's
 * folder, so the paths it builds from its own address (`import.meta.url`, set to the script's)
 * resolve as the bundle's do. When a training run fails the build goes on without that cache: the
 * command is then only slower.
 */
async function buildScripts() {
  if (!existsSync(join(dist, CLI_BUNDLE)) || !existsSync(join(dist, WORKER_BUNDLE))) return;
  const checkScript = join(dist, CLI_BUNDLE, 'check.cjs');
  const readScript = join(dist, WORKER_BUNDLE, 'read-worker.cjs');
  await bundleScript(join(dist, 'cli/check-entry.js'), checkScript);
  await bundleScript(join(dist, 'workers/read-worker.js'), readScript);
  const samples = JSON.stringify(['examples/sample-budget.pdf', 'examples/sample-budget.txt'].map((f) => join(root, f)));
  const loader = JSON.stringify(pathToFileURL(join(dist, 'cli/compiled-check.js')).href);
  for (const [what, call] of [
    ['check', `writeCheckCache(${JSON.stringify(join(dist, CLI_BUNDLE))}, ${samples})`],
    ['读取线程', `writeReadCache(${JSON.stringify(readScript)}, ${samples})`],
  ]) {
    try {
      execFileSync(process.execPath, ['-e', `import(${loader}).then((m) => m.${call})`], { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (e) {
      console.error(`${what}的代码缓存未生成（命令仍可用，只是首次运行较慢）：${String(e.stderr ?? e).split('\n').find((l) => l.trim()) ?? ''}`);
    }
  }
}

async function bundleScript(entry, outfile) {
  const esbuild = await import('esbuild');
  await esbuild.build({
    ...scriptOptions(entry, outfile),
    // No import() in a script (src/cli/compiled-check.ts): a package's import() becomes require(),
    // and pdf.js, an ES module only, is imported for the script by its loader.
    supported: { 'dynamic-import': false },
    // Written as the function Node's CommonJS loader would wrap it in (Module.wrap): its loader
    // compiles the file as it reads it, without a copy of this megabyte for the wrapper.
    banner: { js: `(function (exports, require, module, __filename, __dirname) { ${URL_OF_FILE}` },
    footer: { js: '\n});' },
    plugins: [
      {
        name: 'gongkai-inline',
        setup(b) {
          b.onLoad({ filter: /zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({ contents: 'export {};', loader: 'js' }));
          b.onResolve({ filter: /.*/ }, (a) => {
            if (a.kind === 'entry-point' || a.path.startsWith('.')) return null;
            if (a.path.startsWith('node:')) return { path: a.path, external: true };
            const pkg = a.path.split('/').slice(0, a.path.startsWith('@') ? 2 : 1).join('/');
            return pkg === 'zod' || pkg === 'decimal.js' ? null : { path: a.path, external: true };
          });
        },
      },
    ],
  });
  // Code that V8 loaded from a code cache cannot import() on Node 20: a script left with an import of
  // a module would fail only where it reaches it. (The reading thread's start-up code, a string in
  // bounded-read.ts, imports by variables, and runs as code of its own.)
  if (/\bimport\("/.test(readFileSync(outfile, 'utf8'))) throw new Error(`${outfile} 中仍有 import()`);
}

/**
 * The bounded reader's thread (src/workers/read-worker.ts), bundled into dist/worker-bundle/: every
 * check starts one, and its start-up is on the way to the first finding. One file with the reader
 * registry and the PDF reader instead of some 30 modules; the other formats' readers are chunks
 * loaded when a file of theirs comes (as in dist/, each through its descriptor's import()), and
 * every package stays outside (pdf.js, exceljs … are loaded only by the readers that need them).
 * The thread shares no module with whoever starts it (it gets paths and sends the tree back), so
 * import, serve and check all run it; src/workers/bounded-read.ts falls back to dist/workers/ when
 * this folder is missing.
 */
async function bundleReadWorker() {
  const out = join(dist, WORKER_BUNDLE);
  rmSync(out, { recursive: true, force: true });
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return;
  }
  await esbuild.build({
    ...bundleOptions(join(dist, 'workers/read-worker.js'), out),
    plugins: [
      {
        name: 'gongkai-packages-outside',
        setup(b) {
          b.onResolve({ filter: /.*/ }, (a) => (a.kind === 'entry-point' || a.path.startsWith('.') ? null : { path: a.path, external: true }));
        },
      },
    ],
  });
}

/** What the CommonJS files share (launch.cjs and the code-cached scripts): one file each, minified. */
function scriptOptions(entry, outfile) {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
    define: { 'import.meta.url': '__gongkaiUrl' },
    // import.meta.resolve is only reached when running the TypeScript sources (bounded-read.ts).
    logOverride: { 'empty-import-meta': 'silent' },
  };
}

/** What both bundles share: ES module entries for Node 20, chunks loaded on demand, minified. */
function bundleOptions(entries, outdir) {
  return {
    entryPoints: [entries].flat(),
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minifyWhitespace: true,
    minifySyntax: true,
    chunkNames: 'chunk-[hash]',
    logLevel: 'warning',
  };
}

/**
 * The browser app: web/ → dist/web/ with Vite, when its sources changed since the last build.
 * Beside it: pdf.js's character maps and fonts (for pages whose Chinese fonts are not embedded),
 * the user guide with its screenshots, and a gzipped twin of every text file for `gongkai serve`.
 */
async function buildWeb() {
  const web = join(root, 'web');
  const out = join(dist, 'web');
  const stamp = join(out, '.built');
  const newest = Math.max(newestMtime(web), statSync(join(root, 'package-lock.json')).mtimeMs);
  if (!existsSync(stamp) || Number(readFileSync(stamp, 'utf8')) < newest) {
    let vite;
    try {
      vite = await import('vite');
    } catch {
      console.error('未安装 Vite（开发依赖），跳过网页界面的构建');
      return;
    }
    try {
      await vite.build({ configFile: join(web, 'vite.config.ts'), logLevel: 'warn' });
    } catch (e) {
      console.error(`构建失败：网页界面（web/）无法构建：${e instanceof Error ? e.message.split('\n')[0] : e}`);
      process.exit(1);
    }
    const pdfjs = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    cpSync(join(pdfjs, 'cmaps'), join(out, 'pdfjs/cmaps'), { recursive: true });
    cpSync(join(pdfjs, 'standard_fonts'), join(out, 'pdfjs/standard_fonts'), { recursive: true });
    gzipTree(out);
    writeFileSync(stamp, String(Date.now()));
  }
  // The guide changes with the tests' screenshots, not with web/: copied every time.
  const guide = join(root, 'docs', '使用指南.md');
  if (existsSync(guide)) cpSync(guide, join(out, 'guide', 'guide.md'));
  if (existsSync(join(root, 'docs', 'screenshots'))) cpSync(join(root, 'docs', 'screenshots'), join(out, 'guide', 'screenshots'), { recursive: true });
}

function newestMtime(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function gzipTree(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) gzipTree(p);
    else if (/\.(js|mjs|css|html|json|svg)$/.test(e.name)) writeFileSync(`${p}.gz`, gzipSync(readFileSync(p), { level: 9 }));
  }
}
