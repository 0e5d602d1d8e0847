/**
 * The `gongkai` program itself — its name, version and Chinese messages — and how a parse ends.
 * Shared by the whole command line (main.ts) and `check`'s quick start (launch.ts), which builds
 * the same program with only its own command.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { describeError } from '../system-error.js';
import { chinese } from './options.js';

export const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export function gongkaiProgram(): Command {
  return chinese(new Command(), version).name('gongkai').description('读取、检查、存储和比较部门预算/决算公开与绩效自评文件');
}

/** Runs the command the arguments name; every way it can end sets the exit status, none prints a stack. */
export async function runProgram(program: Command, argv: readonly string[] = process.argv): Promise<void> {
  try {
    await program.parseAsync([...argv]);
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version end with 0; a usage error (already printed, in Chinese) with 2.
      process.exitCode = e.exitCode === 0 ? 0 : 2;
      return;
    }
    // Anything unexpected still ends as one line, never a stack trace.
    console.error(`错误 ${describeError(e)}`);
    process.exitCode = 2;
  }
}
