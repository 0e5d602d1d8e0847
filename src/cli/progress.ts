/**
 * Showing an import's progress: a bar on a terminal (files, pages, rate, time left), one plain
 * line per file otherwise (logs, CI, pipes). `gongkai import` passes `reporter.onProgress` to importPaths.
 */
import cliProgress from 'cli-progress';
import type { ImportEvent, ImportSummary } from '../import/index.js';

export interface ReporterOptions {
  /** Default process.stderr, so stdout stays free for results. */
  stream?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Force the bar (true) or plain lines (false); default: the bar when the stream is a TTY. */
  tty?: boolean;
}

export interface ProgressReporter {
  onProgress(e: ImportEvent): void;
}

const STATUS: Record<string, string> = { imported: '已导入', duplicate: '已存在', failed: '失败', skipped: '跳过' };

export function createProgressReporter(options: ReporterOptions = {}): ProgressReporter {
  const stream = options.stream ?? process.stderr;
  const tty = options.tty ?? !!stream.isTTY;
  return tty ? barReporter(stream) : lineReporter(stream);
}

function lineReporter(stream: NodeJS.WritableStream): ProgressReporter {
  return {
    onProgress(e) {
      if (e.type === 'start') stream.write(`开始导入：${e.total} 个文件，${e.workers} 个工作线程\n`);
      else if (e.type === 'file') stream.write(`[${e.done}/${e.total}] ${fileLine(e)}\n`);
      else stream.write(summaryLine(e.summary) + '\n');
    },
  };
}

function barReporter(stream: NodeJS.WritableStream): ProgressReporter {
  const multi = new cliProgress.MultiBar(
    {
      stream: stream as NodeJS.WriteStream,
      format: '导入 [{bar}] {value}/{total} 个文件 | {pages} 页 | {rate} 个/秒 | 剩余 {eta_formatted}',
      barCompleteChar: '█',
      barIncompleteChar: '░',
      hideCursor: true,
      etaBuffer: 20,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let bar: cliProgress.SingleBar | null = null;
  return {
    onProgress(e) {
      if (e.type === 'start') {
        bar = multi.create(e.total, 0, { pages: 0, rate: '0.0' });
      } else if (e.type === 'file') {
        // Only what needs attention is printed above the bar; the bar counts the rest.
        if (e.status === 'failed' || e.status === 'skipped') multi.log(`${fileLine(e)}\n`);
        const rate = e.elapsedMs > 0 ? ((e.done * 1000) / e.elapsedMs).toFixed(1) : '0.0';
        bar?.update(e.done, { pages: e.pagesDone, rate });
        // Logged lines are written on the next redraw, which may never come if this was the last file.
        if (e.status === 'failed' || e.status === 'skipped') multi.update();
      } else {
        multi.stop();
        stream.write(summaryLine(e.summary) + '\n');
      }
    },
  };
}

function fileLine(e: Extract<ImportEvent, { type: 'file' }>): string {
  const status = STATUS[e.status];
  if (e.status === 'imported') {
    const pages = e.pages ? `，${e.pages} 页` : '';
    return `${status} ${e.path}（文档 ${e.documentId} 第 ${e.version} 版${pages}）`;
  }
  if (e.status === 'duplicate') return `${status} ${e.path}（内容相同，已是文档 ${e.documentId} 第 ${e.version} 版）`;
  return `${status} ${e.path}：${e.reason ?? ''}`;
}

export function summaryLine(s: ImportSummary): string {
  const secs = (s.elapsedMs / 1000).toFixed(1);
  const head = s.interrupted ? '导入已中断' : '导入完成';
  return `${head}：新导入 ${s.imported}，已存在 ${s.duplicates}，失败 ${s.failed.length}，跳过 ${s.skipped.length}，共 ${s.pages} 页，用时 ${secs} 秒`;
}
