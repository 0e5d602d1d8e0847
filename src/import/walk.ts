/**
 * Which files an import takes from the paths it is given: files as named, folders recursively.
 * In folders only the formats the readers handle are taken; everything else is listed as skipped
 * with the reason, so the user sees what was left out.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { EXTENSIONS } from '../read/registry.js';

/** Extensions the readers handle (from the reader registry, src/read/registry.ts). */
export const SUPPORTED_EXTENSIONS: ReadonlySet<string> = EXTENSIONS;

const OLD_OFFICE = new Set(['.doc', '.xls', '.wps', '.et']);

export interface Candidate {
  path: string;
  size: number;
}

export interface Skipped {
  path: string;
  reason: string;
}

export interface Walked {
  files: Candidate[];
  skipped: Skipped[];
}

export async function collectFiles(paths: string[]): Promise<Walked> {
  const out: Walked = { files: [], skipped: [] };
  const seen = new Set<string>();
  for (const p of paths) {
    let s;
    try {
      s = await stat(p);
    } catch {
      out.skipped.push({ path: p, reason: '文件或目录不存在或无法访问' });
      continue;
    }
    if (s.isDirectory()) await walk(p, out, seen);
    else if (s.isFile()) add(out, seen, p, s.size);
    else out.skipped.push({ path: p, reason: '不是普通文件' });
  }
  return out;
}

function add(out: Walked, seen: Set<string>, path: string, size: number): void {
  if (seen.has(path)) return;
  seen.add(path);
  out.files.push({ path, size });
}

async function walk(dir: string, out: Walked, seen: Set<string>): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    out.skipped.push({ path: dir, reason: '目录无法读取' });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = join(dir, e.name);
    // Symbolic links to folders are not followed: a link back up the tree would never end.
    if (e.isDirectory()) {
      if (!e.name.startsWith('.')) await walk(path, out, seen);
      continue;
    }
    const why = skipReason(path, e.isFile() || e.isSymbolicLink());
    if (why === null) {
      try {
        const s = await stat(path);
        if (s.isFile()) add(out, seen, path, s.size);
      } catch {
        out.skipped.push({ path, reason: '文件无法访问' });
      }
    } else if (why) {
      out.skipped.push({ path, reason: why });
    }
  }
}

/** null: take it; '': leave it out silently (system files); else the reason it is left out. */
function skipReason(path: string, isFile: boolean): string | null {
  const name = basename(path);
  if (!isFile) return '不是普通文件';
  if (name === '.DS_Store' || name === 'Thumbs.db' || name === 'desktop.ini') return '';
  if (name.startsWith('~$') || name.startsWith('.~lock.')) return 'Office 临时锁定文件';
  if (name.startsWith('.')) return '隐藏文件';
  const ext = extname(name).toLowerCase();
  if (SUPPORTED_EXTENSIONS.has(ext)) return null;
  if (OLD_OFFICE.has(ext)) return `旧版 Office 格式（${ext}）暂不支持，请另存为 .docx/.xlsx`;
  if (!ext) return '没有扩展名，无法判断是否为公开文件';
  return `不支持的文件类型（${ext}）`;
}
