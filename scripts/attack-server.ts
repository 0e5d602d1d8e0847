/**
 * `tsx scripts/attack-server.ts [--scale X] [--only NAME,…]`: the attacks of issue 16 against a
 * real server that requires accounts (SQLite in a temporary folder, the real pipeline in the upload
 * pool). For each attack: its answer and time, the slowest `/api/health` answer while it was
 * processed (polled every 100 ms) and the server process's peak RSS (worker threads included).
 * Then one Flate bomb with 20 ordinary uploads from 3 accounts in parallel: each upload's time.
 * Prints Markdown tables for docs/security.md. Figures, not a test: they depend on the machine.
 *
 * The server is the compiled package (dist/, `node scripts/build.mjs` first), as users run it: its
 * worker threads then load plain JavaScript, not TypeScript through tsx.
 */
import { existsSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { ATTACKS } from './fuzz/generators.js';

const DIST = new URL('../dist/', import.meta.url);
if (!existsSync(new URL('.built', DIST))) {
  console.error('先运行 node scripts/build.mjs：本脚本测量编译后的程序');
  process.exit(2);
}
const { hashPassword } = (await import(new URL('accounts/passwords.js', DIST).href)) as typeof import('../src/accounts/passwords.js');
const { newToken, secretHash } = (await import(new URL('serve/auth/secrets.js', DIST).href)) as typeof import('../src/serve/auth/secrets.js');
const { startServer } = (await import(new URL('serve/index.js', DIST).href)) as typeof import('../src/serve/index.js');
const { Store } = (await import(new URL('store/index.js', DIST).href)) as typeof import('../src/store/index.js');

const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' }, only: { type: 'string' } } });
const scale = Number(values.scale);
const only = values.only?.split(',');
const ROOT = new URL('..', import.meta.url).pathname;

const dir = mkdtempSync(join(tmpdir(), 'gongkai-attack-'));
const store = await Store.open({ db: join(dir, 'store.db') });
const tokens: string[] = [];
for (const name of ['reviewer-a', 'reviewer-b', 'reviewer-c']) {
  const u = await store.accounts.createUser({ name, passwordHash: await hashPassword('bench password'), role: 'reviewer' });
  const token = newToken();
  await store.accounts.createToken({ userId: u.id, name: 'bench', tokenHash: secretHash(token) });
  tokens.push(token);
}
const server = await startServer({ port: 0, db: store, requireAccounts: true });

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);

async function post(bytes: Buffer, name: string, token: string): Promise<{ status: number; error?: string; ms: number }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  const t0 = performance.now();
  const res = await fetch(`${server.url}/api/documents`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as { error?: string };
  return { status: res.status, error: body.error, ms: performance.now() - t0 };
}

/** Polls health until `done` settles; the slowest answer seen. */
async function healthDuring(done: Promise<unknown>): Promise<{ worst: number; count: number }> {
  let finished = false;
  void done.finally(() => (finished = true));
  let worst = 0;
  let count = 0;
  while (!finished) {
    const t0 = performance.now();
    await fetch(`${server.url}/api/health`);
    worst = Math.max(worst, performance.now() - t0);
    count++;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { worst, count };
}

// A server that has been running: its workers started and each has checked a file.
const warmSample = readFileSync(join(ROOT, 'examples/sample-budget.txt'));
await new Promise((r) => setTimeout(r, 3000));
await Promise.all([1, 2].map((i) => post(Buffer.concat([warmSample, Buffer.from(`\n预热 ${i} ${Date.now()}\n`)]), `warm-${i}.txt`, tokens[0])));

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

console.log(`load average at start: ${loadavg().map((l) => l.toFixed(1)).join(' ')}; scale ${scale}\n`);
console.log('| attack | file size | answer | time | slowest health answer meanwhile | peak RSS of the server |');
console.log('|---|---|---|---|---|---|');
for (const a of ATTACKS) {
  if (only && !only.includes(a.name)) continue;
  const bytes = await a.make(scale);
  if (global.gc) global.gc();
  peak = process.memoryUsage().rss;
  const upload = post(bytes, a.file, tokens[0]);
  const [r, h] = await Promise.all([upload, healthDuring(upload)]);
  const answer = r.status === 422 || r.status === 413 ? `${r.status} ${r.error?.split('：')[0]}` : `${r.status}${r.error ? ` ${r.error}` : ''}`;
  console.log(`| ${a.name} | ${bytes.length >= 1024 * 1024 ? mb(bytes.length) : `${Math.round(bytes.length / 1024)} KB`} | ${answer} | ${s(r.ms)} | ${Math.round(h.worst)} ms (${h.count} answers) | ${mb(peak)} |`);
}

// 20 uploads of distinct ordinary files from 3 accounts while one bomb is processed.
const sample = readFileSync(join(ROOT, 'examples/sample-budget.txt'));
const bomb = await ATTACKS.find((a) => a.name === 'pdf-flate-bomb')!.make(scale);
peak = process.memoryUsage().rss;
// CPU of the whole process (main thread and workers): what the run needs of the machine, whatever
// else the machine is doing meanwhile.
const cpu0 = process.cpuUsage();
const wall0 = performance.now();
const bombUpload = post(bomb, 'flate-bomb.pdf', tokens[0]);
await new Promise((r) => setTimeout(r, 200));
const uploads = await Promise.all(
  Array.from({ length: 20 }, (_, i) => post(Buffer.concat([sample, Buffer.from(`\n附注：第 ${i + 1} 份（${Date.now()}）\n`)]), `sample-${i + 1}.txt`, tokens[i % 3])),
);
const b = await bombUpload;
const cpu = process.cpuUsage(cpu0);
const cpuS = (cpu.user + cpu.system) / 1e6;
const wallS = (performance.now() - wall0) / 1000;
const times = uploads.map((u) => u.ms).sort((x, y) => x - y);
console.log(`\n20 parallel uploads from 3 accounts during a bomb (${b.status} after ${s(b.ms)}): statuses ${[...new Set(uploads.map((u) => u.status))].join(', ')}; ` +
  `median ${s(times[9])}, slowest ${s(times[19])}, ${times.filter((t) => t <= 3000).length} of 20 within 3 s; peak RSS ${mb(peak)}; load average ${loadavg()[0].toFixed(1)}; ` +
  `CPU used by the server ${cpuS.toFixed(1)} s in ${wallS.toFixed(1)} s (${(cpuS / wallS).toFixed(2)} cores)`);

clearInterval(sampler);
await server.close();
await store.close();
rmSync(dir, { recursive: true, force: true });
