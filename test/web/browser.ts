/**
 * The real thing for the web app's tests: `gongkai serve` on a free port over a fresh SQLite file,
 * and Debian's chromium (headless, a fresh profile) driven by playwright-core.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type RunningServer, type ServerOptions } from '../../src/serve/index.js';
import { ROOT } from '../helpers/shared.js';

export const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** node:test skip option: a reason when chromium or the built app is missing. */
export const browserOnly = !existsSync(CHROMIUM)
  ? { skip: `${CHROMIUM} is absent (apt-get install chromium fonts-noto-cjk); browser tests are skipped` }
  : !existsSync(join(ROOT, 'dist/web/index.html'))
    ? { skip: 'dist/web is not built (npm run build); browser tests are skipped' }
    : {};

export interface Session {
  server: RunningServer;
  context: BrowserContext;
  page: Page;
  /** Where this run's screenshots go (also copied to docs/screenshots/). */
  output: string;
  dir: string;
  /** What the browser refused under the app's content-security policy (close() fails on any). */
  cspViolations: string[];
  close(): Promise<void>;
}

export async function openSession(
  name: string,
  viewport = { width: 1280, height: 900 },
  /** More options of the server (a server that requires accounts, …). */
  serverOptions: Omit<ServerOptions, 'port' | 'db'> = {},
): Promise<Session> {
  const dir = mkdtempSync(join(tmpdir(), `gongkai-web-${name}-`));
  const output = join(ROOT, 'test/web/output', name);
  mkdirSync(output, { recursive: true });
  const server = await startServer({ port: 0, db: join(dir, 'gongkai.db'), workers: 1, ...serverOptions });
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport,
      locale: 'zh-CN',
      baseURL: server.url,
    });
  } catch (e) {
    await server.close();
    throw e;
  }
  // The app runs under its content-security policy (src/serve/security-headers.ts): whatever the
  // browser refuses under it — in any page of any test — fails the session when it closes.
  const cspViolations: string[] = [];
  await context.exposeBinding('__gongkaiCspViolation', (_source, text: string) => void cspViolations.push(text));
  await context.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) => window.__gongkaiCspViolation([e.violatedDirective, e.blockedURI, e.sourceFile + ':' + e.lineNumber].join(' ')));`,
  });
  context.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(60_000);
  return {
    server,
    context,
    page,
    output,
    dir,
    cspViolations,
    async close() {
      await context.close().catch(() => undefined);
      await server.close();
      rmSync(dir, { recursive: true, force: true });
      if (cspViolations.length) throw new Error(`content-security policy violations in ${name}:\n${cspViolations.join('\n')}`);
    },
  };
}

/**
 * Saves a screenshot under the test's output (test/web/output/). docs/screenshots/ (the guide's
 * pictures) gets it when it has none of that name, or when GONGKAI_UPDATE_SCREENSHOTS=1: a test run
 * does not rewrite committed pictures whose pixels differ only by a timestamp.
 */
export async function screenshot(s: Session, name: string, target?: { locator: string }): Promise<string> {
  const file = join(s.output, `${name}.png`);
  if (target) await s.page.locator(target.locator).first().screenshot({ path: file });
  else await s.page.screenshot({ path: file });
  const docs = join(ROOT, 'docs/screenshots');
  mkdirSync(docs, { recursive: true });
  const kept = join(docs, `${name}.png`);
  if (!existsSync(kept) || process.env.GONGKAI_UPDATE_SCREENSHOTS === '1') copyFileSync(file, kept);
  return file;
}
