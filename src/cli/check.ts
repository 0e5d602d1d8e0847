import { readFile } from 'node:fs/promises';
import type { CheckResult } from '../pipeline.js';
import type { Doc } from '../read/doc.js';
import { BoundedReader } from '../workers/bounded-read.js';
import { isReadError } from '../read/doc.js';
import { BINARY, renderReport, ReportError, type ReportFormat } from '../report/index.js';
import { describeError } from '../system-error.js';
import { emit } from './output.js';

export interface CheckCommandOptions {
  format: ReportFormat;
  output?: string;
  profile?: string;
  maxBytes: number;
  /** gongkai's version (SARIF names the tool with it). */
  version?: string;
  /** Print the stack of an internal fault (exit status 3). */
  debug?: boolean;
  /** The files are the parts of one disclosure: checked as one document (pipeline.ts `checkDocs`). */
  parts?: boolean;
  /** A reader started before (launch.ts), else one is started here. A reader passed in is the caller's to close. */
  reader?: BoundedReader;
}

/**
 * Checks every file, one after another; a file that cannot be read (a scan, a truncated file) is
 * reported in one line and the rest still go through — in every format. Each file is read in a
 * worker thread under the reading limits (src/read/limits.ts), ended at its time or memory limit.
 * Exit status, one meaning each: 3 when something failed on our side (an internal fault: one line,
 * the stack only with --debug), else 2 when a file could not be read (or was past a limit) or the
 * report could not be made, else 1 when there is an error-level finding, else 0.
 */
export async function runCheck(files: string[], opts: CheckCommandOptions): Promise<number> {
  if (BINARY.has(opts.format) && !opts.output) {
    console.error(`错误 ${opts.format} 格式需要用 -o 指定输出文件`);
    return 2;
  }
  // The annotated PDF frames findings on one original's pages; joined parts have several originals.
  if (opts.parts && opts.format === 'annotated-pdf') {
    console.error('错误 annotated-pdf 格式只能批注一个 PDF 文件，不能与 --parts 同用');
    return 2;
  }
  // The reading thread starts first (when launched as the command, before anything else loads:
  // launch.ts, which has already sent it the first file), and is handed the first file at once:
  // its start-up and the reading then run on the other core while this one loads recognition, the
  // rules and the report, instead of after them (docs/benchmarks.md, "Packaging").
  const own = !opts.reader;
  const reader = opts.reader ?? new BoundedReader();
  if (files.length > 0) reader.prefetch(files[0], { maxBytes: opts.maxBytes });
  try {
    const [pipeline, { RULES }, { ProfileError, resolveProfile }] = await Promise.all([
      import('../pipeline.js'),
      import('../rules/registry.js'),
      import('../rules/profile.js'),
    ]);
    // A profile the user named is read before any file: a missing or invalid one is the user's
    // mistake (one line, exit 2), not a fault of gongkai reported once per file.
    if (opts.profile && opts.profile !== 'auto') {
      try {
        resolveProfile(opts.profile, RULES);
      } catch (e) {
        if (!(e instanceof ProfileError)) throw e;
        console.error(`错误 ${e.message}`);
        return 2;
      }
    }
    // Text goes to the terminal file by file as it is ready; every other format (and -o) at the end.
    const text = opts.format === 'text' && !opts.output ? await import('../report/text.js') : null;
    return await checkFiles(files, opts, reader, own, pipeline, text);
  } finally {
    if (own) await reader.close();
  }
}

async function checkFiles(
  files: string[],
  opts: CheckCommandOptions,
  reader: BoundedReader,
  own: boolean,
  { checkDoc, checkDocs }: typeof import('../pipeline.js'),
  streaming: typeof import('../report/text.js') | null,
): Promise<number> {
  const results: CheckResult[] = [];
  let unreadable = false;
  let fault = false;
  // With --parts every file is read first and the parts are checked once, as one document; a
  // part that cannot be read stops the check (the rest alone would report it missing).
  const docs: Doc[] = [];
  const jobs = opts.parts ? [...files.map((f) => ({ file: f, last: false })).slice(0, -1), { file: files[files.length - 1], last: true }] : files.map((f) => ({ file: f, last: true }));
  try {
    for (const { file, last } of jobs) {
      try {
        const doc = await reader.read(file, { maxBytes: opts.maxBytes });
        if (!last) {
          docs.push(doc);
          continue;
        }
        const r = opts.parts ? checkDocs([...docs, doc], { profile: opts.profile }) : checkDoc(doc, { profile: opts.profile });
        results.push(r);
        if (streaming) process.stdout.write(streaming.formatText(r) + (files.length > 1 && !opts.parts ? '\n' : ''));
      } catch (e) {
        if (opts.parts) jobs.length = 0;
        // By name: a reader started at launch may come from another copy of the module than this
        // code (the compiled check script, compiled-check.ts), whose ReadError is another class.
        if (isReadError(e)) {
          unreadable = true;
          console.error(`错误 ${e.file}: ${e.message}`);
        } else {
          fault = true;
          console.error(`错误 ${file}: 内部错误：${describeError(e)}（这是 gongkai 的问题，不是文件的问题；加 --debug 可看详细信息）`);
          if (opts.debug) console.error((e as { detail?: string }).detail ?? (e instanceof Error ? e.stack : String(e)));
        }
      }
    }
  } finally {
    // Its thread is not needed for the report (a reader of the caller's is the caller's to end).
    if (own) await reader.close();
  }
  let written = true;
  if (streaming) {
    if (files.length > 1 && !opts.parts) process.stdout.write('汇总：\n' + results.map((r) => `  ${streaming.summaryLine(r)}`).join('\n') + '\n');
  } else if (results.length || opts.format === 'json' || opts.format === 'sarif') {
    // A file that could not be read gives no report of guesses; the others are reported.
    try {
      const body =
        opts.format === 'json' && files.length > 1 && !opts.parts ? JSON.stringify(results, null, 2) + '\n' : await renderReport(results, opts.format, { version: opts.version, original: (r) => readFile(r.document.source.path) });
      written = await emit(body, opts.output);
    } catch (e) {
      console.error(`错误 ${e instanceof ReportError ? e.message : `无法生成报告：${describeError(e, opts.output)}`}`);
      written = false;
    }
  }
  if (fault) return 3;
  if (!written) return 2;
  if (unreadable) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}
