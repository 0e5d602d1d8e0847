/** The audit log: every write the API was asked for, newest first; JSON pages or a CSV export. Admins only. */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuditRow, Store } from '../../store/index.js';
import { HttpError } from '../errors.js';
import { errors } from '../schemas.js';

const auditRow = z.object({
  id: z.number().int(),
  at: z.string().describe('ISO 时间（UTC）'),
  userId: z.number().int().nullable(),
  userName: z.string().describe('账户名；local 为本机单用户；匿名为未登录'),
  via: z.string().describe('session、token、local 或 anonymous'),
  action: z.string().describe('upload、upload-duplicate、review、review-clear、entity-merge、entity-split、ledger-import、login、logout、token-create、token-revoke'),
  method: z.string(),
  route: z.string(),
  documentId: z.number().int().nullable(),
  entityId: z.number().int().nullable(),
  status: z.number().int().describe('应答状态码：2xx 为已执行，401/403 为被拒绝'),
  detail: z.string().nullable(),
  ip: z.string().nullable(),
});

const COLUMNS = ['id', 'at', 'userName', 'via', 'action', 'method', 'route', 'documentId', 'entityId', 'status', 'detail', 'ip'] as const;

function csv(rows: AuditRow[]): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    // A leading = + - @ would be a formula in a spreadsheet.
    const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return '\ufeff' + [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
}

/** CSV sent as it is (Fastify serializes no string); the schema documents the JSON form. */
function sendCsv(reply: FastifyReply, text: string) {
  return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="audit.csv"').send(text);
}

export const auditRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志：谁在何时做了哪项写入（上传、替换、审核、合并、拆分、台账、登录、令牌），可筛选、导出 CSV（仅管理员）',
        querystring: z
          .object({
            user: z.string().min(1).max(100).optional(),
            action: z.string().min(1).max(50).optional(),
            documentId: z.coerce.number().int().min(1).optional(),
            from: z.string().min(1).max(40).optional().describe('起始时间（ISO，含）'),
            to: z.string().min(1).max(40).optional().describe('截止时间（ISO，含）'),
            format: z.enum(['json', 'csv']).default('json'),
            limit: z.coerce.number().int().min(1).max(10000).default(100),
            offset: z.coerce.number().int().min(0).default(0),
          })
          .strict(),
        response: { 200: z.object({ total: z.number().int(), items: z.array(auditRow) }), ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => {
      if (req.identity?.role !== 'admin') throw new HttpError(403, '权限不足：审计日志只有管理员可以查看');
      const { format, limit, offset, ...filter } = req.query;
      const page = await store.accounts.auditLog(filter, { limit, offset });
      reply.header('x-total-count', String(page.total));
      if (format === 'csv') {
        return sendCsv(reply, csv(page.items));
      }
      return page;
    },
  );
};
