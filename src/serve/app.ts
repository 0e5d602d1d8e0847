/** The Fastify application: routes, schemas, OpenAPI and error handling, over a store. */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import helmet from '@fastify/helmet';
import { docsCsp, securityHeaders } from './security-headers.js';
import { createJsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import { MoneySchema } from '../model/disclosure.js';
import { DEFAULT_MAX_BYTES } from '../read/index.js';
import type { Store } from '../store/index.js';
import { createUploadChecker } from './checking.js';
import { HttpError, installErrorHandling } from './errors.js';
import { validatorCompiler } from './validation.js';
import { analysisRoutes } from './routes/analysis.js';
import { documentRoutes } from './routes/documents.js';
import { exportRoutes } from './routes/export.js';
import { generateRoutes } from './routes/generate.js';
import { regionRoutes } from './routes/region.js';
import { reviewRoutes } from './routes/review.js';
import { ruleRoutes } from './routes/rules.js';
import { treeRoutes } from './routes/tree.js';
import { reportRoutes } from './routes/report.js';
import { verdictRoutes } from './routes/verdicts.js';
import { webRoutes } from './routes/web.js';
import { installAuth } from './auth/index.js';
import { UNSAFE } from './auth/permissions.js';
import { authRoutes } from './routes/auth.js';
import { auditRoutes } from './routes/audit.js';
import { healthRoutes } from './routes/health.js';
import { jobRoutes } from './routes/jobs.js';
import { tableRoutes } from './routes/tables.js';

export interface AppOptions {
  store: Store;
  /** Largest upload accepted (default: the readers' limit, 30 MB). */
  maxUploadBytes?: number;
  /** Worker threads that check uploads (default 1; 0 checks in the request's thread). */
  workers?: number;
  /** Module exporting `checkBytes(bytes, name)`; default the pipeline. */
  checker?: string;
  /** Per-upload time limit. */
  timeoutMs?: number;
  /** Start the upload workers at once rather than at the first upload (startServer does). */
  warmWorkers?: boolean;
  logger?: FastifyServerOptions['logger'];
  /**
   * Accounts required: the server is reachable beyond this machine (startServer sets it for any
   * address but loopback). Without it a request with no credentials acts as the one local user.
   */
  requireAccounts?: boolean;
  /** With accounts required, still answer reads without an account (the data is published). */
  publicRead?: boolean;
  /** Session cookies marked Secure (HTTPS only); default: when accounts are required. */
  secureCookies?: boolean;
  /** Requests per account (or address) per minute when accounts are required: writes, reads, logins. */
  rateLimits?: { writes?: number; reads?: number; logins?: number };
}

export const API_VERSION = '0.1.0';

/**
 * Structured request logs (Fastify's pino logger), one JSON object a line: each request and its
 * answer's status and time, and 5xx errors with their stack (the answer itself says only
 * 服务器内部错误). Credentials are never written: pino's request serializer leaves headers out,
 * and they are redacted should a log call pass them.
 */
export function requestLogger(level = 'info', stream?: { write(line: string): void }): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', 'headers.authorization', 'headers.cookie'], censor: '***' },
    ...(stream ? { stream } : {}),
  };
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const maxUploadBytes = options.maxUploadBytes ?? DEFAULT_MAX_BYTES;
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024 });
  installErrorHandling(app, maxUploadBytes);
  // Secure cookies mean the server is reached over HTTPS (security-headers.ts).
  const https = options.secureCookies ?? options.requireAccounts ?? false;
  await app.register(helmet, securityHeaders(https));
  // Routes declare zod schemas (schemas.ts, the model's CheckResultSchema): they validate and
  // type requests, serialize replies and are turned into the OpenAPI document below.
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(multipart, {
    limits: { fileSize: maxUploadBytes, files: 1, fields: 5, parts: 6, fieldNameSize: 100, headerPairs: 100 },
    throwFileSizeLimit: true,
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'gongkai API',
        version: API_VERSION,
        description: '部门预算、决算公开和绩效自评文件：上传检查、查询检查结果与原件、全文检索、汇总与导出。金额单位为万元。',
      },
      tags: [
        { name: 'documents', description: '文件、版本、检查发现、原件' },
        { name: 'search', description: '全文检索' },
        { name: 'entities', description: '单位' },
        { name: 'aggregates', description: '汇总' },
        { name: 'export', description: '导出' },
        { name: 'ledger', description: '应公开单位台账与透明度得分' },
        { name: 'generate', description: '由数据生成公开文件' },
        { name: 'auth', description: '登录、会话与 API 令牌' },
        { name: 'audit', description: '审计日志' },
      ],
    },
    transform: openApiTransform,
    transformObject: (doc) => withUploadBody(('openapiObject' in doc ? doc.openapiObject : doc.swaggerObject) as OpenApiDoc) as never,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, transformStaticCSP: docsCsp(https) });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // Accounts, CSRF, roles and the audit log (auth/); then limits per account or address.
  const requireAccounts = options.requireAccounts ?? false;
  await app.register(cookie);
  installAuth(app, { store: options.store, requireAccounts, publicRead: options.publicRead });
  const limits = { writes: 120, reads: 1200, logins: 10, ...options.rateLimits };
  await app.register(rateLimit, {
    global: true,
    timeWindow: 60_000,
    max: (req) => (UNSAFE.has(req.method) ? limits.writes : limits.reads),
    keyGenerator: (req) => (req.identity?.userId != null ? `user:${req.identity.userId}` : `ip:${req.ip}`),
    // The embedded mode (loopback, one user) is not limited.
    allowList: () => !requireAccounts,
    errorResponseBuilder: (_req, ctx) => new HttpError(429, `请求过于频繁，请 ${Math.ceil(ctx.ttl / 1000)} 秒后再试`),
  });
  await app.register(healthRoutes);
  await app.register(authRoutes, { store: options.store, secureCookies: options.secureCookies ?? requireAccounts, loginPerMinute: limits.logins });
  await app.register(auditRoutes, { store: options.store });

  const checker = createUploadChecker({ checker: options.checker, workers: options.workers, timeoutMs: options.timeoutMs, warm: options.warmWorkers });
  app.addHook('onClose', () => checker.close());

  await app.register(documentRoutes, { store: options.store, checker });
  await app.register(analysisRoutes, { store: options.store });
  await app.register(exportRoutes, { store: options.store });
  await app.register(treeRoutes, { store: options.store });
  await app.register(reportRoutes, { store: options.store });
  await app.register(reviewRoutes, { store: options.store });
  await app.register(regionRoutes, { store: options.store });
  await app.register(verdictRoutes, { store: options.store });
  await app.register(jobRoutes, { store: options.store });
  await app.register(tableRoutes, { store: options.store });
  await app.register(ruleRoutes);
  await app.register(generateRoutes);
  // Last: the browser app answers every other GET outside /api.
  await app.register(webRoutes);
  return app;
}

/**
 * Zod schemas to OpenAPI 3.1: decimal amounts (`MoneySchema`, a custom type) are JSON numbers, as
 * in schema/check-result.schema.json; empty branches of unions (what zod makes of types it cannot
 * describe) are left out.
 */
const openApiTransform = createJsonSchemaTransform({
  zodToJsonConfig: {
    override: (ctx) => {
      if (ctx.zodSchema === MoneySchema) {
        ctx.jsonSchema.type = 'number';
        ctx.jsonSchema.description ??= '十进制金额（除另有说明外为万元），以 JSON 数字表示';
      }
      if (Array.isArray(ctx.jsonSchema.anyOf)) ctx.jsonSchema.anyOf = ctx.jsonSchema.anyOf.filter((b) => Object.keys(b).length > 0);
    },
  },
});

type OpenApiDoc = { paths?: Record<string, Record<string, Record<string, unknown>>> };

/**
 * The upload's body is documented here rather than in the route schema: the multipart plugin
 * streams the file, so there is no parsed body for Fastify to validate.
 */
function withUploadBody(doc: OpenApiDoc): OpenApiDoc {
  const post = doc.paths?.['/api/documents']?.post;
  if (post) {
    post.requestBody = {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: ['file'],
            properties: { file: { type: 'string', format: 'binary', description: 'PDF、docx、xlsx、html 或 txt 文件' } },
          },
        },
      },
    };
  }
  return doc;
}
