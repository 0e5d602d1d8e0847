/**
 * The command's entry (bin/gongkai.js runs it): first starts `check`'s reading thread, then loads
 * the command line itself. Two steps, because a module's static imports are all loaded before any
 * of its code runs: had main.ts imported the reader, the thread would start only after the whole
 * command line had loaded. Bundled, `check` then loads its compiled script with its code cache
 * (compiled-check.ts).
 */
import { loadForCheck } from './compiled-check.js';
import { startEarlyReader } from './early-reader.js';

if (process.argv[2] === 'check') {
  startEarlyReader(process.argv.slice(2));
  loadForCheck();
}

await import('./main.js');
