/**
 * Who is asking, and may they: identity from an API token (`Authorization: Bearer gk_…`) or a
 * session cookie; CSRF protection for cookie sessions (a token the page sends back in
 * `X-CSRF-Token`, plus a same-origin check of `Origin`); roles and a reviewer's region; and an
 * audit record of every write.
 *
 * A server bound to loopback keeps the embedded mode: a request without credentials acts as the
 * one local user (`local`, every right), as before accounts existed. Bound to any other address
 * (`requireAccounts`), a request without an account reads nothing (unless `publicRead`) and
 * writes nothing.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { atLeast, isRole, ROLE_NAMES, type Identity, type Role } from '../../accounts/roles.js';
import type { Store, User } from '../../store/index.js';
import { entityKey } from '../../region/names.js';
import type { DocumentRecord } from '../../store/record.js';
import { HttpError } from '../errors.js';
import { isPublic, UNSAFE, writeRule } from './permissions.js';
import { secretHash, SESSION_COOKIE, TOKEN_PREFIX } from './secrets.js';

export { SESSION_COOKIE } from './secrets.js';
export const CSRF_COOKIE = 'gongkai_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    identity: Identity | null;
    /** The session's CSRF token, when the request came with a session cookie. */
    csrf: string | null;
    sessionHash: string | null;
    /** What the write touched, for the audit log, when the route knows it better than its URL. */
    audit: { documentId?: number | null; entityId?: number | null; userName?: string; detail?: string } | null;
  }
}

export interface AuthOptions {
  store: Store;
  /** Accounts required (the server is bound beyond loopback). */
  requireAccounts: boolean;
  /** With accounts required: reads without an account are still answered (published data). */
  publicRead?: boolean;
}

export const LOCAL_IDENTITY: Identity = Object.freeze({ userId: null, name: 'local', role: 'admin', region: null, entity: null, via: 'local' });

export function identityOf(u: User, via: Identity['via']): Identity {
  const role: Role = isRole(u.role) ? u.role : 'viewer';
  return { userId: u.id, name: u.name, role, region: u.region, entity: u.entity, via };
}

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h) || h === '::ffff:127.0.0.1';
}

export function installAuth(app: FastifyInstance, options: AuthOptions): void {
  const { store, requireAccounts } = options;
  const accounts = store.accounts;
  app.decorateRequest('identity', null);
  app.decorateRequest('csrf', null);
  app.decorateRequest('sessionHash', null);
  app.decorateRequest('audit', null);

  app.addHook('onRequest', async (req) => {
    const route = req.routeOptions.url ?? req.url.split('?')[0];
    const method = req.method;
    await identify(req);
    if (UNSAFE.has(method)) {
      checkOrigin(req, requireAccounts);
      if (isPublic(method, route)) return;
      if (req.identity?.via === 'session' && req.headers[CSRF_HEADER] !== req.csrf) {
        throw new HttpError(403, '缺少或错误的 CSRF 令牌：请在请求头 X-CSRF-Token 中带上登录时得到的令牌');
      }
      if (!req.identity) throw new HttpError(401, '需要登录：本服务对外开放，写入须使用账户（会话或 API 令牌）');
      const rule = writeRule(method, route);
      if (!atLeast(req.identity.role, rule.role)) {
        throw new HttpError(403, `权限不足：此操作需要${ROLE_NAMES[rule.role]}或更高的角色，当前账户 ${req.identity.name} 是${ROLE_NAMES[req.identity.role]}`);
      }
    } else if (!req.identity && requireAccounts && !options.publicRead && !isPublic(method, route)) {
      throw new HttpError(401, '需要登录：本服务对外开放，查询须使用账户（会话或 API 令牌）');
    }
  });

  // After validation: params are numbers and the body is parsed.
  app.addHook('preHandler', async (req) => {
    const id = req.identity;
    if (!id || !UNSAFE.has(req.method) || !req.routeOptions.url) return;
    const rule = writeRule(req.method, req.routeOptions.url);
    const target = idOf(req.params);
    if (rule.scope === 'document' && target !== null) {
      const entityId = await accounts.documentEntity(target);
      req.audit = { ...req.audit, documentId: target, entityId: entityId ?? null };
      if (id.region && entityId !== undefined) await requireRegion(id, entityId);
    } else if (rule.scope === 'entity' && target !== null) {
      req.audit = { ...req.audit, entityId: target };
      if (id.region) {
        await requireRegion(id, target);
        const into = intoOf(req.body);
        if (into !== null) await requireRegion(id, into);
      }
    } else if (rule.action === 'ledger-import' && id.region) {
      throw new HttpError(403, `权限不足：账户 ${id.name} 只审核 ${id.region}，导入应公开单位台账需要不限地区的审核人员或管理员`);
    }
  });

  // Written before the answer leaves (onSend runs for errors too): once a client has its answer,
  // the write is in the log. The upload's answer names the document it stored: `{\n  "id": N, …`.
  app.addHook('onSend', async (req, reply, payload) => {
    const route = req.routeOptions.url;
    if (!UNSAFE.has(req.method) || !route || !route.startsWith('/api')) return payload;
    if (req.method === 'POST' && route === '/api/documents' && typeof payload === 'string' && reply.statusCode < 300) {
      const m = /^\{\s*"id":\s*(\d+)/.exec(payload);
      if (m) req.audit = { ...req.audit, documentId: Number(m[1]) };
    }
    await record(req, reply.statusCode);
    return payload;
  });

  async function record(req: FastifyRequest, status: number): Promise<void> {
    const route = req.routeOptions.url!;
    const isLogin = route === '/api/auth/login';
    const rule = writeRule(req.method, route);
    const id = req.identity;
    const upload = rule.action === 'upload' && status < 300;
    try {
      // A write refused before validation still names what it was aimed at.
      let documentId = req.audit?.documentId ?? null;
      let entityId = req.audit?.entityId ?? null;
      const target = idOf(req.params);
      if (target !== null) {
        if (rule.scope === 'document') documentId ??= target;
        if (rule.scope === 'entity') entityId ??= target;
      }
      if (documentId !== null && entityId === null) entityId = (await accounts.documentEntity(documentId)) ?? null;
      await accounts.audit({
        userId: id?.userId ?? null,
        userName: id?.name ?? req.audit?.userName ?? '匿名',
        via: id?.via ?? 'anonymous',
        // An upload that stored a new file (201) and one the store already had (200).
        action: isLogin ? 'login' : upload && status === 200 ? 'upload-duplicate' : rule.action,
        method: req.method,
        route,
        documentId,
        entityId,
        status,
        detail: req.audit?.detail ?? null,
        ip: req.ip,
      });
    } catch (err) {
      // The write has happened; a failed audit record must be seen by whoever runs the server.
      req.log.error({ err }, 'audit log write failed');
    }
  }

  async function identify(req: FastifyRequest): Promise<void> {
    const auth = req.headers.authorization;
    if (auth) {
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      if (!m || !m[1].startsWith(TOKEN_PREFIX)) throw new HttpError(401, 'Authorization 请求头应为 Bearer 加 API 令牌（gk_ 开头）');
      const user = await accounts.tokenUser(secretHash(m[1]));
      if (!user) throw new HttpError(401, 'API 令牌无效、已撤销或其账户已停用');
      req.identity = identityOf(user, 'token');
      return;
    }
    const cookie = req.cookies?.[SESSION_COOKIE];
    if (cookie) {
      const hash = secretHash(cookie);
      const s = await accounts.session(hash);
      if (s) {
        req.identity = identityOf(s.user, 'session');
        req.csrf = s.csrf;
        req.sessionHash = hash;
        return;
      }
    }
    if (!requireAccounts) req.identity = LOCAL_IDENTITY;
  }

  async function requireRegion(id: Identity, entityId: number | null): Promise<void> {
    if (!id.region) return;
    if (entityId === null || !(await accounts.entityInRegion(entityId, id.region))) {
      throw new HttpError(403, `权限不足：账户 ${id.name} 只审核 ${id.region} 的单位，此项不在其内`);
    }
  }
}

/** The `:id` of a route (a number after validation, text before it), or null. */
function idOf(params: unknown): number | null {
  const raw = typeof params === 'object' && params !== null && 'id' in params ? Number(params.id) : NaN;
  return Number.isSafeInteger(raw) && raw > 0 ? raw : null;
}

/** The entity a merge goes into, from its (validated) body. */
function intoOf(body: unknown): number | null {
  return typeof body === 'object' && body !== null && 'into' in body && typeof body.into === 'number' ? body.into : null;
}

/**
 * A browser sends `Origin` with every cross-site write. One from another site is refused, so a
 * page elsewhere cannot make a logged-in (or local) user's browser write here. Programs send none.
 */
function checkOrigin(req: FastifyRequest, requireAccounts: boolean): void {
  const origin = req.headers.origin;
  if (origin === undefined) return;
  let url: URL | null = null;
  try {
    url = new URL(origin);
  } catch {
    url = null;
  }
  if (url && url.host === req.headers.host) return;
  // The web app's development server (another port of this machine) proxies to a local server.
  if (url && !requireAccounts && isLoopbackHost(url.hostname)) return;
  throw new HttpError(403, `拒绝跨站写入：请求来自 ${origin.slice(0, 100)}，不是本服务的页面`);
}

/**
 * An editor uploads only its own entity's files: a file of another department (or of none that
 * can be told) is refused before it is stored, so it never becomes anyone's current version.
 */
export function checkUploadAllowed(identity: Identity | null, record: DocumentRecord): void {
  if (!identity || identity.role !== 'editor') return;
  const name = record.entity.name;
  if (!identity.entity) throw new HttpError(403, `账户 ${identity.name} 未指定所属单位，不能上传文件`);
  if (!name || entityKey(name) !== entityKey(identity.entity)) {
    throw new HttpError(403, `账户 ${identity.name} 只能上传 ${identity.entity} 的文件，此文件属于 ${name ?? '无法识别的单位'}`);
  }
}
