/**
 * The command's entry (bin/gongkai.js runs it): first starts `check`'s reading thread
 * (early-reader.ts), then loads the command line itself. Two steps, because a module's static
 * imports are all loaded before any of its code runs: had main.ts imported the early reader, the
 * thread would start only after the whole command line had loaded.
 */
import './early-reader.js';

await import('./main.js');
