/**
 * Where the benchmarks find their inputs (../shared beside the clone) and baseline tools (PATH),
 * and what machine they ran on, for the report.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED = resolve(ROOT, '../shared');
export const SEEDS = join(SHARED, 'seeds');
export const CORPUS = join(SHARED, 'corpus');

export function missingShared(what: 'seeds' | 'corpus'): string | null {
  const dir = what === 'seeds' ? SEEDS : CORPUS;
  return existsSync(dir) ? null : `缺少 ../shared/${what}（应在 ${dir}），无法运行`;
}

/** Files in `dir` (recursively) whose name ends with `ext`, sorted so runs compare file for file. */
export function filesUnder(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.toLowerCase().endsWith(ext)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

export function seedFiles(ext: '.docx' | '.txt' | '.pdf'): string[] {
  return filesUnder(SEEDS, ext);
}

/** A path as shown in tables: relative to ../shared. */
export function shown(path: string): string {
  return relative(SHARED, path);
}

/** The first executable of these names on PATH. */
export function which(...names: string[]): string | null {
  for (const name of names) {
    for (const dir of (process.env.PATH ?? '').split(delimiter)) {
      if (!dir) continue;
      const p = join(dir, name);
      try {
        accessSync(p, constants.X_OK);
        return p;
      } catch {
        // not here
      }
    }
  }
  return null;
}

export interface Tool {
  name: string;
  path: string | null;
  version: string;
}

function firstLine(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 20_000 });
  if (r.error) return '';
  return `${r.stdout ?? ''}\n${r.stderr ?? ''}`.split('\n').map((l) => l.trim()).find(Boolean) ?? '';
}

const cache = new Map<string, Tool>();

function tool(key: string, names: string[], versionArgs: string[]): Tool {
  let t = cache.get(key);
  if (!t) {
    const path = which(...names);
    t = { name: key, path, version: path ? firstLine(path, versionArgs) || '(version unknown)' : 'not installed' };
    cache.set(key, t);
  }
  return t;
}

export const tools = {
  pandoc: () => tool('pandoc', ['pandoc'], ['--version']),
  pdftotext: () => tool('pdftotext', ['pdftotext'], ['-v']),
  // Debian's python3-pdfminer installs `pdf2txt`; pip installs `pdf2txt.py`.
  pdf2txt: () => tool('pdf2txt', ['pdf2txt', 'pdf2txt.py'], ['--version']),
};

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  platform: string;
}

export function machine(): Machine {
  const c = cpus();
  return {
    cpu: c[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown',
    cores: c.length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

/** 1-minute load average: on a shared machine this says how much else was running. */
export function load(): string {
  return loadavg()[0].toFixed(2);
}
