/**
 * LibreOffice's user profile, made once and kept. An office started with an empty profile first
 * builds it (configuration, registries), which is part of every cold start's time; one started
 * from a copy of a profile an earlier run made skips that. Each office still gets a directory of
 * its own — a copy, never the kept one: two offices sharing a profile hand their work to each
 * other — and none touches a user's LibreOffice settings.
 *
 * Where: GONGKAI_SOFFICE_PROFILE_CACHE (a directory; "0" keeps nothing), else
 * $XDG_CACHE_HOME/gongkai/libreoffice-profile, else ~/.cache/gongkai/libreoffice-profile.
 */
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

export function profileCache(): string | null {
  const env = process.env.GONGKAI_SOFFICE_PROFILE_CACHE;
  if (env === '0') return null;
  if (env) return env;
  let home = '';
  try {
    home = homedir();
  } catch {
    // no home directory: the temporary one
  }
  return join(process.env.XDG_CACHE_HOME || (home ? join(home, '.cache') : tmpdir()), 'gongkai', 'libreoffice-profile');
}

/** A running office's lock is no part of a profile to copy. */
const notLock = (src: string) => basename(src) !== '.lock';

/** Starts `target` (an office's own profile directory) from the kept profile, when there is one. */
export function seedProfile(target: string): void {
  const cache = profileCache();
  if (!cache || !existsSync(join(cache, 'user'))) return;
  try {
    cpSync(cache, target, { recursive: true, filter: notLock });
  } catch {
    // A profile that cannot be copied is made anew by the office.
    rmSync(target, { recursive: true, force: true });
  }
}

/** Keeps the profile an office made (after it ended), when none is kept yet. */
export function keepProfile(source: string): void {
  const cache = profileCache();
  if (!cache || existsSync(cache) || !existsSync(join(source, 'user'))) return;
  const tmp = `${cache}.${process.pid}-${Date.now()}`;
  try {
    mkdirSync(dirname(cache), { recursive: true });
    cpSync(source, tmp, { recursive: true, filter: notLock });
    // Whole or not at all: another process may have kept one meanwhile.
    renameSync(tmp, cache);
  } catch {
    rmSync(tmp, { recursive: true, force: true });
  }
}
