/**
 * What the compiled check script (dist/cli-bundle/check.cjs, scripts/build.mjs) holds: `check`'s
 * whole path on this thread — the reading thread's client, recognition, the rules, the reports.
 * Loaded for `check`, it starts the reading thread as it loads (early-reader.ts).
 */
export { runCheck } from './check.js';
export { importPdfjsWith } from '../read/pdf/engine.js';
