import { writeFile } from 'node:fs/promises';
import { checkFile, type CheckResult } from '../pipeline.js';
import { ReadError } from '../read/doc.js';
import { formatText, summaryLine } from './format-text.js';

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
  const results: CheckResult[] = [];
  let unreadable = false;
  for (const file of files) {
    try {
      const r = await checkFile(file, { profile: opts.profile, maxBytes: opts.maxBytes });
      results.push(r);
      if (opts.format === 'text') {
        process.stdout.write(formatText(r));
        if (files.length > 1) process.stdout.write('\n');
      }
    } catch (e) {
      unreadable = true;
      const message = e instanceof ReadError ? `${e.file}: ${e.message}` : `${file}: 处理失败：${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
      console.error(`错误 ${message}`);
    }
  }
  if (opts.format === 'json') {
    const json = JSON.stringify(files.length === 1 && results.length === 1 ? results[0] : results, null, 2);
    if (opts.output) await writeFile(opts.output, json + '\n');
    else process.stdout.write(json + '\n');
  } else if (opts.format === 'xlsx') {
    const { writeFindingsXlsx } = await import('./format-xlsx.js');
    if (!opts.output) {
      console.error('错误 xlsx 格式需要用 -o 指定输出文件');
      return 2;
    }
    await writeFindingsXlsx(results, opts.output);
  } else if (files.length > 1) {
    process.stdout.write('汇总：\n' + results.map((r) => `  ${summaryLine(r)}`).join('\n') + '\n');
  }
  if (unreadable) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}
