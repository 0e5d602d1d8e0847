/**
 * Runs one import in a process of its own — its peak RSS is the import's alone, and the checks
 * start cold, as in a `gongkai import` run — and times `importPaths` (the import and store modules
 * are loaded before the clock starts; the checker module is loaded by the import, as always):
 * `node --import tsx bench/import-child.ts <db> <workers> <path>…`. Prints one JSON line.
 */

export interface ChildReport {
  files: number;
  imported: number;
  duplicates: number;
  failed: number;
  firstFailure: string | null;
  pages: number;
  documentsInStore: number;
  elapsedMs: number;
  workers: number;
  /** Peak resident set size of the whole process (main thread and workers), bytes. */
  peakRssBytes: number;
}

async function main(): Promise<void> {
  const [db, workersArg, ...paths] = process.argv.slice(2);
  const workers = Number(workersArg);
  if (!db || !Number.isInteger(workers) || workers < 0 || paths.length === 0) {
    console.error('用法：node --import tsx bench/import-child.ts <数据库文件> <工作线程数> <文件或文件夹>…');
    process.exit(2);
  }
  // The compiled package, as `gongkai import` runs it (its workers load compiled modules too);
  // typed by the sources it is built from (dist/ may not exist when this file is type-checked).
  const dist = new URL('../dist/', import.meta.url).href;
  const { importPaths } = (await import(`${dist}import/index.js`)) as typeof import('../src/import/index.js');
  const { Store } = (await import(`${dist}store/index.js`)) as typeof import('../src/store/index.js');
  const started = performance.now();
  const summary = await importPaths(paths, { db, workers });
  const elapsedMs = performance.now() - started;
  const store = await Store.open({ db });
  const documentsInStore = (await store.listDocuments({}, { limit: 1 })).total;
  await store.close();
  const report: ChildReport = {
    files: summary.total,
    imported: summary.imported,
    duplicates: summary.duplicates,
    failed: summary.failed.length,
    firstFailure: summary.failed[0]?.reason ?? null,
    pages: summary.pages,
    documentsInStore,
    elapsedMs,
    workers,
    // resourceUsage reports kilobytes.
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((e) => {
  console.error(`导入子进程失败：${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  process.exit(1);
});
