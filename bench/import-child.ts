/**
 * Runs one import in a process of its own, so its peak RSS is the import's alone and not the
 * benchmark process's: `node --import tsx bench/import-child.ts <folder> <db>`. Prints one JSON line.
 */
import { availableParallelism } from 'node:os';

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
  const [folder, db] = process.argv.slice(2);
  if (!folder || !db) {
    console.error('用法：node --import tsx bench/import-child.ts <文件夹> <数据库文件>');
    process.exit(2);
  }
  const { importPaths } = await import('../src/import/index.js');
  const { Store } = await import('../src/store/index.js');
  const workers = availableParallelism();
  const started = performance.now();
  const summary = await importPaths([folder], { db, workers });
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
