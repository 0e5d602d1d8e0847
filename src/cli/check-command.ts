/**
 * `gongkai check`'s arguments and options, defined once for both ways the command starts: the whole
 * command line (main.ts) and check's quick start (launch.ts), which parses them before the rest of
 * the program loads so that the first file goes to the reading thread at once.
 */
import { Option, type Command } from 'commander';
import { extensionList } from '../read/registry.js';
import { REPORT_FORMATS } from '../report/index.js';
import type { CheckCommandOptions } from './check.js';
import { parseMegabytes } from './options.js';
import { version } from './program.js';

/** What the command line says of a check, as runCheck takes it (less the reader). */
export type CheckRequest = Omit<CheckCommandOptions, 'reader'>;

/** Adds `check` to the program; `run` checks the files and gives the exit status. */
export function addCheckCommand(program: Command, run: (files: string[], request: CheckRequest) => Promise<number>): Command {
  return program
    .command('check')
    .description(`检查一个或多个公开文件（${extensionList()}），报告发现的问题`)
    .argument('<files...>', '要检查的文件')
    .addOption(new Option('-f, --format <format>', '输出格式').choices([...REPORT_FORMATS]).default('text'))
    .option('-o, --output <file>', '输出写入文件（xlsx、pdf、annotated-pdf 格式必需）')
    .option('-p, --profile <name>', '规则配置（profiles/ 下的名称或文件路径）')
    .option('--max-size <MB>', '单个文件大小上限（MB）', parseMegabytes, 30)
    .option('--debug', '内部错误时打印详细信息（调用栈）')
    .option('--parts', '这些文件是同一份公开的各部分（如说明与表格分开发布）：合并为一份检查，说明与表格之间的核对也进行；把含标题和说明的文件放在最前')
    .action(async (files: string[], opts) => {
      process.exitCode = await run(files, {
        format: opts.format,
        output: opts.output,
        profile: opts.profile,
        maxBytes: opts.maxSize * 1024 * 1024,
        version,
        debug: opts.debug,
        parts: opts.parts,
      });
    });
}
