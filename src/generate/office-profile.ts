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
import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, delimiter, dirname, isAbsolute, join } from 'node:path';

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

/**
 * Starts `target` (an office's own profile directory) from the kept profile, when there is one,
 * and records in it that this office's version has been seen (see markVersionSeen).
 */
export function seedProfile(target: string, soffice: string): void {
  const cache = profileCache();
  if (cache && existsSync(join(cache, 'user'))) {
    try {
      cpSync(cache, target, { recursive: true, filter: notLock });
    } catch {
      // A profile that cannot be copied is made anew by the office.
      rmSync(target, { recursive: true, force: true });
    }
  }
  markVersionSeen(target, soffice);
}

const LAST_VERSION = /<item oor:path="\/org\.openoffice\.Setup\/Product"><prop oor:name="ooSetupLastVersion"[^]*?<\/item>\n?/g;

/**
 * An office whose profile does not record its version as seen (Setup/Product/ooSetupLastVersion)
 * takes every start for the first after an upgrade and runs its graphics render tests, about
 * 3 s of a 5 s start here. A headless office never records it (the first-start dialog does), so
 * the profile is told the installed version before the office starts. The version is the
 * installation's own (its share/registry/main.xcd); where it cannot be found nothing is written
 * and the office only starts slower. After an upgrade the newer version is written again.
 */
export function markVersionSeen(profileDir: string, soffice: string): void {
  const version = officeVersion(soffice);
  if (!version) return;
  const file = join(profileDir, 'user', 'registrymodifications.xcu');
  try {
    const old = existsSync(file)
      ? readFileSync(file, 'utf8')
      : '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n</oor:items>\n';
    if (!old.includes('</oor:items>')) return;
    const item = `<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse"><value>${version}</value></prop></item>\n`;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, old.replace(LAST_VERSION, '').replace('</oor:items>', `${item}</oor:items>`));
  } catch {
    // An unwritable profile: the office starts as it would have.
  }
}

const versions = new Map<string, string | null>();

/** "7.4" for LibreOffice 7.4.x: the installation's ooSetupVersion, read once per process. */
export function officeVersion(soffice: string): string | null {
  let v = versions.get(soffice);
  if (v !== undefined) return v;
  v = null;
  try {
    const program = dirname(realpathSync(onPath(soffice)));
    const xcd = readFileSync(join(program, '..', 'share', 'registry', 'main.xcd'), 'utf8');
    v = /oor:name="ooSetupVersion">\s*<value>(\d+\.\d+)<\/value>/.exec(xcd)?.[1] ?? null;
  } catch {
    // not installed, or laid out otherwise
  }
  versions.set(soffice, v);
  return v;
}

function onPath(cmd: string): string {
  if (cmd.includes('/')) return isAbsolute(cmd) ? cmd : join(process.cwd(), cmd);
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, cmd))) return join(dir, cmd);
  }
  return cmd;
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
