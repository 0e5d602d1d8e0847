/**
 * What the compiled check script (dist/cli-bundle/check.cjs, scripts/build.mjs) holds: `check`'s
 * whole path on this thread — the reading thread's client, recognition, the rules, the reports —
 * and how pdf.js is to be imported for it (compiled-check.ts says why).
 */
export { runCheck } from './check.js';
export { importPdfjsWith } from '../read/pdf/engine.js';
