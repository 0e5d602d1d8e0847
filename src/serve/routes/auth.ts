/**
 * Logging in and out (a session cookie, HTTP-only, SameSite=Strict, Secure unless told), who am I,
 * and API tokens for programs. Accounts themselves are made with `gongkai user add`.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UNUSABLE_HASH, verifyPassword } from '../../accounts/passwords.js';
import { ROLES } from '../../accounts/roles.js';
import type { Store } from '../../store/index.js';
import { CSRF_COOKIE, identityOf } from '../auth/index.js';
import { newSecret, newToken, secretHash, SESSION_COOKIE, SESSION_HOURS } from '../auth/secrets.js';
import { HttpError } from '../errors.js';
import { errors } from '../schemas.js';

export interface AuthRoutesOptions {
  store: Store;
  /** Mark cookies Secure (sent over HTTPS only). Default true. */
  secureCookies?: boolean;
  /** Login attempts per address per minute. */
  loginPerMinute?: number;
}

const userSchema = z.object({
  name: z.string(),
  role: z.enum(ROLES),
  region: z.string().nullable().describe('审核人员负责的地区；空为不限'),
  entity: z.string().nullable().describe('部门填报人员所属单位'),
  via: z.enum(['session', 'token', 'local']).describe('local：绑定在本机地址、无需登录的单用户模式'),
});

const sessionSchema = z.object({ user: userSchema, csrfToken: z.string().nullable().describe('会话写入时放在请求头 X-CSRF-Token 中') });

const tokenSchema = z.object({
  id: z.number().int(),
  user: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revoked: z.boolean(),
});

export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, { store, secureCookies = true, loginPerMinute = 10 }) => {
  const accounts = store.accounts;
  const cookieOptions = { path: '/', sameSite: 'strict' as const, secure: secureCookies };

  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: loginPerMinute, timeWindow: 60_000, keyGenerator: (req) => `login:${req.ip}`, allowList: () => false } },
      schema: {
        tags: ['auth'],
        summary: '登录：成功后设置会话 Cookie，返回 CSRF 令牌',
        body: z.object({ name: z.string().min(1).max(100), password: z.string().min(1).max(1000) }).strict(),
        response: { 200: sessionSchema, ...errors(400, 401, 429) },
      },
    },
    async (req, reply) => {
      const { name, password } = req.body;
      req.audit = { userName: name };
      const row = await accounts.userRow(name);
      // A name without an account costs the same scrypt as a wrong password.
      const ok = await verifyPassword(password, row?.password_hash ?? UNUSABLE_HASH);
      if (!row || !ok || row.disabled) throw new HttpError(401, '账户或密码不对，或账户已停用');
      const secret = newSecret();
      const csrf = newSecret();
      const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
      await accounts.createSession({ idHash: secretHash(secret), userId: row.id, csrf, expiresAt });
      const user = (await accounts.users()).find((u) => u.id === row.id)!;
      req.identity = identityOf(user, 'session');
      reply.setCookie(SESSION_COOKIE, secret, { ...cookieOptions, httpOnly: true, expires: expiresAt });
      // Readable by the page, which sends it back as X-CSRF-Token; another site can neither read it nor set the header.
      reply.setCookie(CSRF_COOKIE, csrf, { ...cookieOptions, httpOnly: false, expires: expiresAt });
      reply.header('cache-control', 'no-store');
      return { user: publicUser(req.identity), csrfToken: csrf };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: '退出登录（结束当前会话）', response: { 204: z.undefined(), ...errors(401, 403) } } },
    async (req, reply) => {
      if (req.sessionHash) await accounts.endSession(req.sessionHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: '当前账户与会话的 CSRF 令牌', response: { 200: sessionSchema, ...errors(401) } } },
    async (req, reply) => {
      if (!req.identity) throw new HttpError(401, '未登录');
      reply.header('cache-control', 'no-store');
      return { user: publicUser(req.identity), csrfToken: req.csrf };
    },
  );

  app.get(
    '/api/tokens',
    { schema: { tags: ['auth'], summary: '当前账户的 API 令牌（管理员看到全部）', response: { 200: z.array(tokenSchema), ...errors(401) } } },
    async (req) => {
      const id = req.identity!;
      if (id.role === 'admin') return accounts.tokens();
      if (id.userId === null) return [];
      return accounts.tokens({ userId: id.userId });
    },
  );

  app.post(
    '/api/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: '为当前账户新建一个 API 令牌（令牌只显示这一次）',
        body: z.object({ name: z.string().min(1).max(100).describe('用途，例如“每日导入脚本”') }).strict(),
        response: { 201: tokenSchema.extend({ token: z.string().describe('请求头 Authorization: Bearer 加此令牌') }), ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const id = req.identity!;
      if (id.userId === null) throw new HttpError(400, '本机单用户模式没有账户：请先用 gongkai user add 创建账户再为其建令牌');
      const token = newToken();
      const info = await accounts.createToken({ userId: id.userId, name: req.body.name, tokenHash: secretHash(token) });
      req.audit = { detail: `令牌 ${info.id}（${info.name}）` };
      reply.header('cache-control', 'no-store');
      return reply.code(201).send({ ...info, token });
    },
  );

  app.delete(
    '/api/tokens/:id',
    {
      schema: {
        tags: ['auth'],
        summary: '撤销一个 API 令牌（自己的；管理员可撤销任何人的）',
        params: z.object({ id: z.coerce.number().int().min(1) }),
        response: { 204: z.undefined(), ...errors(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const id = req.identity!;
      req.audit = { detail: `令牌 ${req.params.id}` };
      const done = await accounts.revokeToken(req.params.id, id.role === 'admin' ? undefined : (id.userId ?? -1));
      if (!done) throw new HttpError(404, `没有可撤销的令牌 ${req.params.id}`);
      return reply.code(204).send();
    },
  );
};

function publicUser(id: NonNullable<import('fastify').FastifyRequest['identity']>) {
  return { name: id.name, role: id.role, region: id.region, entity: id.entity, via: id.via };
}
