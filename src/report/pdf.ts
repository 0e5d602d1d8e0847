/**
 * HTML → PDF by the system's Chromium (`--headless --print-to-pdf`): Chinese text in the fonts the
 * system has (Debian: fonts-noto-cjk), embedded and subset by the browser. A fresh profile
 * directory per run, removed after; a time limit so a stuck browser never hangs the command.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Thrown when no browser can print: the CLI says it in one line. */
export class PdfUnavailableError extends Error {}

export function findChromium(): string | undefined {
  const env = process.env.GONGKAI_CHROMIUM;
  if (env) return existsSync(env) ? env : undefined;
  return CANDIDATES.find((p) => existsSync(p));
}

export async function htmlToPdf(html: string, { timeoutMs = 120_000 } = {}): Promise<Buffer> {
  const browser = findChromium();
  if (!browser) throw new PdfUnavailableError('未找到 Chromium 浏览器，无法生成 PDF（Debian：apt-get install chromium fonts-noto-cjk，或用 GONGKAI_CHROMIUM 指定路径）');
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-pdf-'));
  try {
    const page = join(dir, 'report.html');
    const out = join(dir, 'report.pdf');
    await writeFile(page, html);
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      `--user-data-dir=${join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${out}`,
      pathToFileURL(page).href,
    ];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(browser, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d) => (err = (err + d).slice(-2000)));
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new PdfUnavailableError(`Chromium 在 ${Math.round(timeoutMs / 1000)} 秒内未完成 PDF 打印`));
      }, timeoutMs);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(new PdfUnavailableError(`无法启动 Chromium：${e.message}`));
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        if (existsSync(out)) resolve();
        else reject(new PdfUnavailableError(`Chromium 未生成 PDF（退出码 ${code}）：${err.trim().split('\n').slice(-1)[0] ?? ''}`));
      });
    });
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
