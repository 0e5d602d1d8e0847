/**
 * One LibreOffice kept running between PDF conversions. Starting LibreOffice headless is most of
 * a conversion's time (seconds cold, far more on a loaded machine); a started office converts a
 * 20-page disclosure in a fraction of that. LibreOffice offers no way to hand a running office a
 * conversion from the command line (a forwarded `--convert-to` ends the office after it), so a
 * small Python program using Debian's python3-uno (LibreOffice's own scripting bridge) starts the
 * office, listens for requests on stdin, one JSON line each, and answers one JSON line each.
 *
 * The worker lives while conversions come and quits after an idle time (GONGKAI_SOFFICE_IDLE,
 * seconds, default 120); it never keeps Node running. When Node ends, its stdin closes and it
 * ends the office. Where python3-uno is missing the caller falls back to one soffice per file.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { keepProfile, seedProfile } from './office-profile.js';

/** Debian's interpreter: python3-uno is installed for it, not for a python3 a user put first on PATH. */
const PYTHON = process.env.GONGKAI_PYTHON ?? '/usr/bin/python3';
const IDLE_MS = (Number(process.env.GONGKAI_SOFFICE_IDLE) || 120) * 1000;

// The worker. Replies {"ok":true} or {"error":CODE,"detail":"…"}; the first line is {"ready":true}
// once the office accepts connections. Exits (ending the office) on EOF of stdin.
const WORKER_PY = String.raw`
import json, subprocess, sys, time
import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p

def say(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()

soffice, profile, pipe, start_timeout = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
url = "pipe,name=%s;urp;StarOffice.ComponentContext" % pipe
try:
    office = subprocess.Popen([soffice, "-env:UserInstallation=" + profile, "--headless", "--invisible",
        "--norestore", "--nologo", "--nodefault", "--nolockcheck", "--accept=" + url],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
except OSError:
    say({"error": "ENOENT"})
    sys.exit(1)
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + start_timeout
    ctx = None
    while ctx is None:
        try:
            ctx = resolver.resolve("uno:" + url)
        except NoConnectException:
            if office.poll() is not None:
                say({"error": "EXITED", "detail": str(office.returncode)})
                sys.exit(1)
            if time.time() > deadline:
                say({"error": "START_TIMEOUT", "detail": "%d" % start_timeout})
                sys.exit(1)
            time.sleep(0.05)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    say({"ready": True, "pid": office.pid})
    for line in sys.stdin:
        req = json.loads(line)
        stage = "LOAD"
        try:
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(req["in"]), "_blank", 0,
                (prop("Hidden", True), prop("ReadOnly", True)))
            if doc is None:
                raise RuntimeError("no document")
            stage = "STORE"
            try:
                doc.storeToURL(uno.systemPathToFileUrl(req["out"]), (prop("FilterName", "writer_pdf_Export"),))
            finally:
                doc.close(True)
            say({"ok": True})
        except Exception as e:
            say({"error": stage, "detail": str(e) or type(e).__name__})
    try:
        desktop.terminate()
    except Exception:
        pass
finally:
    try:
        office.wait(10)
    except Exception:
        office.kill()
`;

/** The worker's error codes in words (ENOENT is left to the caller: LibreOffice is not installed). */
const WORKER_ERRORS: Record<string, (detail: string) => string> = {
  EXITED: (d) => `LibreOffice 启动后即退出（退出码 ${d}）`,
  START_TIMEOUT: (d) => `LibreOffice 在 ${d} 秒内未启动`,
  LOAD: () => 'LibreOffice 无法打开生成的 Word 文件',
  STORE: () => 'LibreOffice 无法导出 PDF',
};

let available: boolean | undefined;
/** Whether Debian's python3 with python3-uno is there (asked once per process). */
export function workerAvailable(): boolean {
  if (process.env.GONGKAI_SOFFICE_WORKER === '0') return false;
  available ??= spawnSync(PYTHON, ['-c', 'import uno'], { stdio: 'ignore', timeout: 30_000 }).status === 0;
  return available;
}

interface Pending {
  resolve: () => void;
  reject: (e: Error) => void;
}

class Worker {
  readonly child: ChildProcessWithoutNullStreams;
  readonly profile: string;
  private readonly waiting: Pending[] = [];
  readonly ready: Promise<void>;
  private idle: NodeJS.Timeout | undefined;
  dead = false;
  /** The office started: a profile it made is worth keeping. */
  private everReady = false;
  /** The office's process group (its own session), so a stuck office can be ended with the worker. */
  officePid: number | undefined;

  constructor(soffice: string, startTimeoutMs: number) {
    this.profile = mkdtempSync(join(tmpdir(), 'gongkai-office-'));
    seedProfile(join(this.profile, 'profile'), soffice);
    const pipe = `gongkai-${process.pid}-${Date.now()}`;
    this.child = spawn(PYTHON, ['-c', WORKER_PY, soffice, pathToFileURL(join(this.profile, 'profile')).href, pipe, String(startTimeoutMs / 1000)], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    this.child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-2000)));
    let onReady!: Pending;
    this.ready = new Promise<void>((resolve, reject) => (onReady = { resolve, reject }));
    this.waiting.push(onReady);
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      const p = this.waiting.shift();
      if (!p) return;
      let msg: { ok?: boolean; ready?: boolean; pid?: number; error?: string; detail?: string };
      try {
        msg = JSON.parse(line);
      } catch {
        return p.reject(new Error(line));
      }
      if (msg.pid) this.officePid = msg.pid;
      if (msg.ready) this.everReady = true;
      if (msg.error) p.reject(new Error(WORKER_ERRORS[msg.error]?.(msg.detail ?? '') ?? msg.error));
      else p.resolve();
    });
    const fail = (why: string) => {
      this.dead = true;
      for (const p of this.waiting.splice(0)) p.reject(new Error(why));
      // The office has ended with its worker (the worker waits for it): its profile is whole.
      if (this.everReady) keepProfile(join(this.profile, 'profile'));
      rmSync(this.profile, { recursive: true, force: true });
    };
    this.child.on('error', (e) => fail(e.message));
    this.child.on('exit', (code) => fail(stderr.trim().split('\n').slice(-1)[0] || `worker exited (${code})`));
    this.hold();
  }

  /** While a request is out the worker keeps Node running; idle, it does not. */
  private hold() {
    clearTimeout(this.idle);
    this.child.ref();
    for (const s of [this.child.stdin, this.child.stdout, this.child.stderr]) (s as unknown as { ref?: () => void }).ref?.();
  }

  private release() {
    this.child.unref();
    for (const s of [this.child.stdin, this.child.stdout, this.child.stderr]) (s as unknown as { unref?: () => void }).unref?.();
    this.idle = setTimeout(() => this.stop(), IDLE_MS);
    this.idle.unref();
  }

  async convert(input: string, output: string): Promise<void> {
    this.hold();
    try {
      await this.ready;
      await new Promise<void>((resolve, reject) => {
        this.waiting.push({ resolve, reject });
        this.child.stdin.write(`${JSON.stringify({ in: input, out: output })}\n`);
      });
    } finally {
      if (!this.dead) this.release();
    }
  }

  kill() {
    if (this.officePid) {
      try {
        process.kill(-this.officePid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    this.child.kill('SIGKILL');
  }

  stop() {
    clearTimeout(this.idle);
    if (!this.dead) this.child.stdin.end();
  }
}

let worker: Worker | undefined;

/**
 * Converts `input` (.docx) to `output` (.pdf) in the kept office, starting it when none runs.
 * Calls must not overlap (the caller queues them). A failure ends that worker; the next call
 * starts a new one.
 */
export async function convertInWorker(soffice: string, input: string, output: string, timeoutMs: number): Promise<void> {
  if (!worker || worker.dead) worker = new Worker(soffice, timeoutMs);
  const w = worker;
  let timer: NodeJS.Timeout | undefined;
  try {
    // Starting is bounded by the worker itself (it exits after timeoutMs), the conversion here.
    await w.ready;
    await Promise.race([
      w.convert(input, output),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timeout after ${timeoutMs / 1000} s`)), timeoutMs);
      }),
    ]);
  } catch (e) {
    w.kill();
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/** Ends the kept office now (tests, a server shutting down). */
export function stopOfficeWorker(): void {
  worker?.stop();
  worker = undefined;
}
