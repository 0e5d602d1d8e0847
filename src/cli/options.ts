/**
 * The command line speaks Chinese: option values checked with a one-line reason, commander's
 * own messages (missing argument, unknown option, …) and help headings translated.
 */
import { InvalidArgumentError, type Command, type Help, type Option, type Argument } from 'commander';

/** `--workers`: how many worker threads; 0 checks in the main thread. */
export function parseWorkers(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('应为不小于 0 的整数');
  return n;
}

/** A count or a number of seconds: an integer of at least 1. */
export function parsePositiveInt(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('应为不小于 1 的整数');
  return n;
}

/** `--port`: 0 (any free port) to 65535. */
export function parsePort(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || n > 65535) throw new InvalidArgumentError('应为 0 到 65535 之间的整数');
  return n;
}

/** `--max-size`: megabytes, more than 0. */
export function parseMegabytes(v: string): number {
  const n = Number(v);
  if (!v.trim() || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('应为大于 0 的数（单位 MB）');
  return n;
}

const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Arguments:': '参数：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Global Options:': '全局选项：',
};

function extras(choices: readonly string[] | undefined, defaultValue: unknown, defaultDescription: string | undefined): string[] {
  const out: string[] = [];
  if (choices) out.push(`可选：${choices.join('、')}`);
  if (defaultValue !== undefined && defaultValue !== false) out.push(`默认：${defaultDescription ?? String(defaultValue)}`);
  return out;
}

function withExtras(description: string, more: string[]): string {
  return more.length ? `${description}（${more.join('；')}）` : description;
}

/** Help in Chinese: headings, defaults and choices. */
export const HELP: Partial<Help> = {
  styleTitle: (title: string) => TITLES[title] ?? title,
  optionDescription: (o: Option) => withExtras(o.description, extras(o.argChoices, o.defaultValue, o.defaultValueDescription)),
  argumentDescription: (a: Argument) => withExtras(a.description, extras(a.argChoices, a.defaultValue, a.defaultValueDescription)),
};

const MESSAGES: [RegExp, (...m: string[]) => string][] = [
  [/^error: missing required argument '(.+)'/, (name) => `缺少必需的参数 <${name}>`],
  [/^error: option '(.+)' argument missing/, (flags) => `选项 ${flags} 缺少取值`],
  [/^error: option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\./, (flags, v, choices) => `选项 ${flags} 的取值“${v}”无效：可选 ${choices.split(', ').join('、')}`],
  [/^error: option '(.+)' argument '(.*)' is invalid\. (.*)/, (flags, v, why) => `选项 ${flags} 的取值“${v}”无效：${why}`],
  [/^error: command-argument value '(.*)' is invalid for argument '(.+)'\. (.*)/, (v, name, why) => `参数 <${name}> 的取值“${v}”无效：${why}`],
  [/^error: required option '(.+)' not specified/, (flags) => `缺少必需的选项 ${flags}`],
  [/^error: unknown option '([^']+)'(?:\s*\(Did you mean (.+)\?\))?/, (flag, hint) => `未知选项 ${flag}${hint ? `（是否想用 ${hint.replace(/^one of /, '').split(', ').join(' 或 ')}？）` : ''}`],
  [/^error: unknown command '([^']+)'(?:\s*\(Did you mean (.+)\?\))?/, (cmd, hint) => `未知命令 ${cmd}${hint ? `（是否想用 ${hint.replace(/^one of /, '').split(', ').join(' 或 ')}？）` : ''}`],
  [/^error: too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\./, (cmd, want, got) => `${cmd ? `命令 ${cmd} 的` : ''}参数过多：应为 ${want} 个，收到 ${got} 个`],
];

/** commander's English error line → `错误 …` in Chinese (unknown messages keep their text). */
export function translateError(text: string): string {
  const t = text.trim();
  for (const [re, say] of MESSAGES) {
    const m = re.exec(t);
    if (m) return `错误 ${say(...m.slice(1))}\n`;
  }
  return `错误 ${t.replace(/^error:\s*/, '')}\n`;
}

/** Everything a command needs to speak Chinese; set on the program before its commands are added (they inherit it). */
export function chinese(program: Command, version: string): Command {
  return program
    .configureHelp(HELP)
    .configureOutput({ outputError: (str, write) => write(translateError(str)) })
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    .version(version, '-V, --version', '显示版本号')
    .showHelpAfterError('（用 --help 查看用法）')
    .showSuggestionAfterError(true)
    .exitOverride();
}
