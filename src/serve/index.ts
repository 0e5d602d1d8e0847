/**
 * `gongkai serve`: the HTTP API over the store (`startServer({ port, db })`).
 */
import type { FastifyInstance } from 'fastify';
import { Store } from '../store/index.js';
import { buildApp, type AppOptions } from './app.js';
import { isLoopbackHost } from './auth/index.js';

export { buildApp, requestLogger, type AppOptions } from './app.js';

export interface ServerOptions extends Omit<AppOptions, 'store'> {
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1 (one local user, no login); any other address requires accounts. */
  host?: string;
  /** An open store, or what `--db` says (file path or postgres:// URL; default ./data/gongkai.db). */
  db?: Store | string;
}

export interface RunningServer {
  app: FastifyInstance;
  store: Store;
  url: string;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const own = !(options.db instanceof Store);
  const store = options.db instanceof Store ? options.db : await Store.open({ db: options.db });
  const { port = 8080, host = '127.0.0.1', db: _db, ...appOptions } = options;
  let app: FastifyInstance | undefined;
  try {
    // A running server has its upload workers ready before the first upload arrives.
    app = await buildApp({ requireAccounts: !isLoopbackHost(host), warmWorkers: true, ...appOptions, store });
    await app.listen({ port, host });
  } catch (e) {
    // The port taken: the app's upload workers, already started, must end with it, or the process never exits.
    await app?.close().catch(() => {});
    if (own) await store.close();
    throw e;
  }
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    app,
    store,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`,
    async close() {
      await app.close();
      if (own) await store.close();
    },
  };
}
