/**
 * `check`'s code as one script with a V8 code cache. On the way to the first finding, much of
 * `check`'s time is V8 compiling each function as it is first called; Node 20 keeps no compiled
 * code between runs for ES modules. So the build bundles `check`'s path as one CommonJS script
 * (dist/cli-bundle/check.cjs), runs it once on the shipped samples, and saves what V8 compiled
 * meanwhile (check.cache, `createCachedData` after the run, so the functions compiled while running
 * are in it, not only the top level). A run then loads the script with that cache and skips the
 * compilation. V8 checks the cache against the script and its own version and flags: a cache from
 * another Node is refused and the script compiled as usual — slower, never wrong.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

export const SCRIPT = 'check.cjs';
export const CACHE = 'check.cache';

export interface CompiledCheck {
  module: typeof import('./check-entry.js');
  cache: LoadedScript<unknown>['cache'];
  script: vm.Script;
}

export interface LoadedScript<T> {
  exports: T;
  /** What V8 did with the cache: used, refused (another Node, another script), or there was none. */
  cache: 'accepted' | 'rejected' | 'absent';
  script: vm.Script;
}

/**
 * Runs a CommonJS script of the build with its code cache (the same name, .cache) when there is
 * one. The reading thread loads its script the same way, in the few lines of bounded-read.ts's BOOT.
 */
export function loadScript<T>(file: string): LoadedScript<T> {
  const cacheFile = file.replace(/\.cjs$/, '.cache');
  const cachedData = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  // No import() callback: code loaded from a code cache loses it on Node 20, so the scripts are built
  // without import() (scripts/build.mjs) and pdf.js, the one ES module they load, is imported for
  // them (engine.ts importPdfjsWith).
  // The build writes the script already wrapped, as Module.wrap would (scripts/build.mjs).
  const script = new vm.Script(readFileSync(file, 'utf8'), { filename: file, cachedData });
  const module = { exports: {} as T };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, cache: cachedData === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'accepted', script };
}

/** Loads the compiled check script of `dir`, with its cache when there is one; null when there is no script. */
export function loadCompiledCheck(dir: string): CompiledCheck | null {
  const file = join(dir, SCRIPT);
  if (!existsSync(file)) return null;
  const { exports, cache, script } = loadScript<CompiledCheck['module']>(file);
  exports.importPdfjsWith(() => import('unpdf/pdfjs'));
  return { module: exports, cache, script };
}

/**
 * For `check` run from the bundled command (launch.ts, once the reading thread is started): the
 * compiled script beside this bundle, loaded now. Null when there is none (the unbundled dist/,
 * the sources through tsx): the command then imports its modules as usual.
 */
export function loadForCheck(): CompiledCheck | null {
  if (!import.meta.url.startsWith('file:')) return null;
  try {
    return loadCompiledCheck(dirname(fileURLToPath(import.meta.url)));
  } catch {
    // A script that does not load (a damaged installation) leaves check to the modules, which
    // say what is wrong when they fail.
    return null;
  }
}

/**
 * The build's training runs, each in a fresh process: the compiled check script checks `samples`
 * (its JSON report thrown away), the reading thread's script reads them, and what V8 compiled
 * meanwhile is written as each script's cache.
 */
export async function writeCheckCache(dir: string, samples: string[]): Promise<void> {
  const compiled = loadCompiledCheck(dir);
  if (!compiled) throw new Error(`${join(dir, SCRIPT)} 不存在`);
  const code = await compiled.module.runCheck(samples, { format: 'json', output: '/dev/null', maxBytes: 30 * 1024 * 1024 });
  if (code > 1) throw new Error(`训练运行失败（退出码 ${code}）`);
  writeFileSync(join(dir, CACHE), compiled.script.createCachedData());
}

export async function writeReadCache(file: string, samples: string[]): Promise<void> {
  const { exports, script } = loadScript<typeof import('../workers/read-worker.js')>(file);
  exports.importPdfjsWith(() => import('unpdf/pdfjs'));
  for (const sample of samples) await exports.readDocumentFile(sample);
  writeFileSync(file.replace(/\.cjs$/, '.cache'), script.createCachedData());
}
