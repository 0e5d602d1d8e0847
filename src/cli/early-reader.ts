/**
 * `gongkai check` reads its files in a worker thread (src/workers/bounded-read.ts), whose start-up
 * — a new V8 isolate and Node environment — takes some 55 ms before the reading can begin, on the
 * way to the first finding. launch.ts starts it before it loads anything else of the command (the
 * command line, some 80 KB bundled with commander; `check`'s compiled script), so the thread's
 * start-up overlaps that loading. The thread holds the process open only once a file is asked of
 * it: a usage error or `check --help` still ends the process at once.
 */
import { BoundedReader } from '../workers/bounded-read.js';

const HELP = new Set(['-h', '--help', '-V', '--version']);
let early: BoundedReader | null = null;

/** Starts the reader when the command is `check` (and not its help). */
export function startEarlyReader(argv: readonly string[]): void {
  if (argv[0] !== 'check' || argv.some((a) => HELP.has(a))) return;
  early = new BoundedReader();
  early.prepare();
}

/** The reader started at launch, once; null when none was (another command, or already taken). */
export function takeEarlyReader(): BoundedReader | null {
  const r = early;
  early = null;
  return r;
}
