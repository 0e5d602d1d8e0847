import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** ../shared beside the clone: real documents, read-only. CI has it; a bare clone may not. */
export const SHARED = resolve(ROOT, '../shared');
export const SEEDS = join(SHARED, 'seeds');
export const CORPUS = join(SHARED, 'corpus');

export const HAVE_SHARED = existsSync(SEEDS);

/**
 * Options for `test(name, sharedOnly, fn)`: skips, saying why, when ../shared is absent.
 */
export const sharedOnly = HAVE_SHARED
  ? {}
  : { skip: `../shared is absent (expected at ${SHARED}); tests over the real seeds and corpus are skipped` };

export function seed(name: string): string {
  return join(SEEDS, name);
}

export const SEED = {
  xushui: '000_fabf77fad77db0ac',
  luancheng: '001_d19d789290666450',
  luquan: '002_75c6a8d2f9ee37cf',
  yuanshi: '004_1324860de991dbe3',
} as const;
