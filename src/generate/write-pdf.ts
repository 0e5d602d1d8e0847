/**
 * The disclosure as PDF: the .docx converted by LibreOffice headless (Debian's
 * libreoffice-writer-nogui), which embeds the fonts it lays out with (fonts-noto-cjk for Chinese
 * when 仿宋/黑体 are not installed). Where Debian's python3-uno is installed one office is kept
 * running between conversions (office-worker.ts: starting LibreOffice is most of the time);
 * otherwise, and for a process's only conversion (`once`), one soffice call converts the file.
 * Either way the office has a profile directory of its own, started from a kept copy of the profile
 * an earlier office made (office-profile.ts), and never touches a user's LibreOffice settings.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { GenDocument } from './blocks.js';
import { keepProfile, seedProfile } from './office-profile.js';
import { convertInWorker, workerAvailable } from './office-worker.js';
import { writeDocx } from './write-docx.js';

export class PdfEngineError extends Error {}

const NOT_FOUND = '生成 PDF 需要 LibreOffice（Debian 软件包 libreoffice-writer-nogui），未找到 soffice 命令';

const SOFFICE = process.env.GONGKAI_SOFFICE ?? 'soffice';
/** A loaded machine can take minutes to start LibreOffice; GONGKAI_SOFFICE_TIMEOUT (seconds) overrides. */
const TIMEOUT_MS = (Number(process.env.GONGKAI_SOFFICE_TIMEOUT) || 300) * 1000;
/** One conversion at a time per process: LibreOffice instances side by side only slow each other. */
let queue: Promise<unknown> = Promise.resolve();

export interface PdfOptions {
  /**
   * The only conversion of this process (a one-off `gongkai generate`): one soffice call converts
   * it. Starting an office to keep (python3-uno, then the office, then connecting) costs more than
   * that call, and pays off only from the second file.
   */
  once?: boolean;
}

/** Converts a .docx to PDF; throws PdfEngineError (Chinese) when LibreOffice is missing or fails. */
export function docxToPdf(docx: Buffer, opts: PdfOptions = {}): Promise<Buffer> {
  const run = queue.then(() => convert(docx, opts));
  queue = run.catch(() => undefined);
  return run;
}

async function convert(docx: Buffer, opts: PdfOptions): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-pdf-'));
  try {
    const input = join(dir, 'disclosure.docx');
    await writeFile(input, docx);
    if (!opts.once && workerAvailable()) {
      try {
        await convertInWorker(SOFFICE, input, join(dir, 'disclosure.pdf'), TIMEOUT_MS);
      } catch (e) {
        const why = (e as Error).message;
        if (why === 'ENOENT') throw new PdfEngineError(NOT_FOUND);
        throw new PdfEngineError(`LibreOffice 转换 PDF 失败：${why}`);
      }
    } else await convertOnce(dir, input);
    try {
      return await readFile(join(dir, 'disclosure.pdf'));
    } catch {
      throw new PdfEngineError('LibreOffice 未生成 PDF 文件');
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One soffice process for this file: the way without python3-uno. */
function convertOnce(dir: string, input: string): Promise<void> {
  const profileDir = join(dir, 'profile');
  seedProfile(profileDir, SOFFICE);
  const profile = pathToFileURL(profileDir).href;
  return new Promise<void>((resolve, reject) => {
    execFile(
      SOFFICE,
      [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', dir, input],
      { timeout: TIMEOUT_MS },
      (err, _stdout, stderr) => {
        if (!err) {
          keepProfile(profileDir);
          return resolve();
        }
        const e = err as NodeJS.ErrnoException & { killed?: boolean };
        if (e.code === 'ENOENT') reject(new PdfEngineError(NOT_FOUND));
        else if (e.killed) reject(new PdfEngineError(`LibreOffice 转换 PDF 超时（${TIMEOUT_MS / 1000} 秒）`));
        else reject(new PdfEngineError(`LibreOffice 转换 PDF 失败：${String(stderr).trim().split('\n')[0] || e.message}`));
      },
    );
  });
}

export async function writePdf(g: GenDocument, opts: PdfOptions = {}): Promise<Buffer> {
  return docxToPdf(await writeDocx(g), opts);
}
