/**
 * The browser app (web/, built into dist/web/ by scripts/build.mjs) served beside the API: its files
 * as they are (gzipped twins sent to clients that take gzip), and index.html for any other path
 * outside /api so the app's routes survive a reload. /api stays the API's, with its JSON 404.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { acceptsGzip } from './documents.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
  '.md': 'text/markdown; charset=utf-8',
};

/** dist/web beside the compiled server; from src/ (tsx) the build's output in dist/. */
export function webRoot(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const dir of [resolve(here, '../../web'), resolve(here, '../../../dist/web')]) {
    if (existsSync(join(dir, 'index.html'))) return dir;
  }
  return null;
}

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>gongkai</title>
<p>网页界面尚未构建：请在项目目录运行 <code>npm run build</code>。接口仍可使用：<a href="/api/docs">/api/docs</a></p>`;

export async function webRoutes(app: FastifyInstance, { root = webRoot() }: { root?: string | null } = {}): Promise<void> {
  async function serve(req: FastifyRequest, reply: FastifyReply) {
    const path = decodeURIComponent(req.url.split('?')[0]);
    if (path === '/api' || path.startsWith('/api/')) {
      return reply.code(404).send({ error: `没有这个接口：${req.method} ${path}` });
    }
    if (!root) return reply.code(200).type(TYPES['.html']).send(NOT_BUILT);
    const file = fileUnder(root, path);
    // Hashed assets never change under their name; index.html must be asked for every time.
    if (file) {
      const hashed = path.startsWith('/assets/');
      return send(req, reply, file, hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    }
    // A missing asset is a 404, not the app: a stale page asking for an old chunk must fail loudly.
    if (extname(path) && !path.endsWith('.html')) return reply.code(404).type('text/plain; charset=utf-8').send('没有这个文件');
    return send(req, reply, join(root, 'index.html'), 'no-cache');
  }
  app.get('/', { schema: { hide: true } }, serve);
  app.get('/*', { schema: { hide: true } }, serve);
}

function fileUnder(root: string, path: string): string | null {
  const full = normalize(join(root, path));
  if (full !== root && !full.startsWith(root + sep)) return null;
  try {
    return statSync(full).isFile() ? full : null;
  } catch {
    return null;
  }
}

function send(req: FastifyRequest, reply: FastifyReply, file: string, cache: string) {
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  reply.header('cache-control', cache).header('vary', 'accept-encoding').type(type);
  if (existsSync(`${file}.gz`) && acceptsGzip(req.headers['accept-encoding'])) {
    return reply.header('content-encoding', 'gzip').send(createReadStream(`${file}.gz`));
  }
  return reply.send(createReadStream(file));
}
