import { checkFile, type CheckResult } from '../pipeline.js';
import { ReadError } from '../read/doc.js';
import { describeError } from '../system-error.js';
import { formatText, summaryLine } from '../report/text.js';
import { emit } from './output.js';

export interface CheckCommandOptions {
  format: 'text' | 'json' | 'xlsx';
  output?: string;
  profile?: string;
  maxBytes: number;
}

/**
 * Checks every file, one after another; a file that cannot be read is reported in one line and
 * the rest still go through. Exit status: 2 when a file could not be read, else 1 when there is
 * an error-level finding, else 0.
 */
export async function runCheck(files: string[], opts: CheckCommandOptions): Promise<number> {
  if (opts.format === 'xlsx' && !opts.output) {
    console.error('错误 xlsx 格式需要用 -o 指定输出文件');
    return 2;
  }
  const results: CheckResult[] = [];
  let unreadable = false;
  // Text goes to the terminal file by file as it is ready; to a file (-o) all at once at the end.
  let text = '';
  const say = (s: string) => (opts.output ? (text += s) : process.stdout.write(s));
  for (const file of files) {
    try {
      const r = await checkFile(file, { profile: opts.profile, maxBytes: opts.maxBytes });
      results.push(r);
      if (opts.format === 'text') {
        say(formatText(r));
        if (files.length > 1) say('\n');
      }
    } catch (e) {
      unreadable = true;
      const message = e instanceof ReadError ? `${e.file}: ${e.message}` : `${file}: 处理失败：${describeError(e)}`;
      console.error(`错误 ${message}`);
    }
  }
  let written = true;
  if (opts.format === 'json') {
    const json = JSON.stringify(files.length === 1 && results.length === 1 ? results[0] : results, null, 2);
    written = await emit(json + '\n', opts.output);
  } else if (opts.format === 'xlsx') {
    const { writeFindingsXlsx } = await import('../report/xlsx.js');
    try {
      await writeFindingsXlsx(results, opts.output!);
    } catch (e) {
      console.error(`错误 无法写入 ${describeError(e, opts.output)}`);
      written = false;
    }
  } else {
    if (files.length > 1) say('汇总：\n' + results.map((r) => `  ${summaryLine(r)}`).join('\n') + '\n');
    if (opts.output) written = await emit(text, opts.output);
  }
  if (!written) return 2;
  if (unreadable) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}
