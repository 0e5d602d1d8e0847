/**
 * Reviewers' verdicts on findings: confirm or dismiss one with a reason (kept with the document
 * version, shown to the next reviewer), withdraw it, and export them all.
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { VerdictError, type Store, type VerdictExportRow, type VerdictStatus } from '../../store/index.js';
import { HttpError } from '../errors.js';
import { errors, idParams, versionQuery } from '../schemas.js';

const statusSchema = z.enum(['confirmed', 'dismissed']);

const verdictSchema = z.object({
  index: z.number().int().describe('检查发现在该版本检查结果 findings 中的位置（从 0 起）'),
  rule: z.string(),
  message: z.string(),
  status: statusSchema,
  reason: z.string(),
  reviewer: z.string().nullable(),
  reviewedAt: z.iso.datetime(),
});

const exportRow = verdictSchema.extend({
  documentId: z.number().int(),
  version: z.number().int(),
  entity: z.string().nullable(),
  region: z.string().nullable(),
  year: z.number().int().nullable(),
  kind: z.string(),
  fileName: z.string(),
});

const indexParams = idParams.extend({ index: z.coerce.number().int().min(0).describe('检查发现的位置（从 0 起）') });

const EXPORT_COLUMNS = ['documentId', 'version', 'entity', 'region', 'year', 'kind', 'fileName', 'index', 'rule', 'message', 'status', 'reason', 'reviewer', 'reviewedAt'] as const;
const STATUS_NAMES: Record<VerdictStatus, string> = { confirmed: '确认', dismissed: '排除' };

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function verdictsCsv(rows: VerdictExportRow[]): string {
  const head = ['文件编号', '版本', '单位', '地区', '年度', '类型', '文件名', '发现序号', '规则', '检查发现', '审核结论', '理由', '审核人', '审核时间'];
  const lines = rows.map((r) =>
    EXPORT_COLUMNS.map((c) => csvCell(c === 'status' ? STATUS_NAMES[r.status] : c === 'index' ? r.index + 1 : r[c])).join(','),
  );
  // A BOM so Excel opens the Chinese text as UTF-8.
  return `\uFEFF${[head.join(','), ...lines].join('\r\n')}\r\n`;
}

function asHttp(e: unknown): never {
  if (e instanceof VerdictError) throw new HttpError(e.kind === 'not-found' ? 404 : 409, e.message);
  throw e;
}

/** CSV text as it is (Fastify serializes no string); the schema documents the JSON rows. */
function sendCsv(reply: FastifyReply, text: string) {
  return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="reviews.csv"').send(text);
}

export const verdictRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/documents/:id/reviews',
    {
      schema: {
        tags: ['documents'],
        summary: '该版本检查发现的审核结论（确认或排除，含理由、审核人、时间）',
        params: idParams,
        querystring: versionQuery,
        response: { 200: z.array(verdictSchema), ...errors(400, 404) },
      },
    },
    async (req) => {
      const { id } = req.params;
      const { version } = req.query;
      const list = await store.verdicts(id, version);
      if (!list) throw new HttpError(404, version === undefined ? `没有编号为 ${id} 的文件` : `文件 ${id} 没有第 ${version} 版`);
      return list;
    },
  );

  app.put(
    '/api/documents/:id/reviews/:index',
    {
      schema: {
        tags: ['documents'],
        summary: '确认或排除一条检查发现（理由必填），保存在该文件版本上',
        params: indexParams,
        querystring: versionQuery,
        body: z
          .object({
            status: statusSchema,
            reason: z.string().min(1).max(2000),
            reviewer: z.string().max(100).nullable().optional(),
            rule: z.string().min(1).max(100).describe('该发现的规则编号，用于核对位置无误'),
          })
          .strict(),
        response: { 200: verdictSchema, ...errors(400, 404, 409) },
      },
    },
    async (req) => {
      const { id, index } = req.params;
      const { version } = req.query;
      const body = req.body;
      if (!body.reason.trim()) throw new HttpError(400, '请填写理由');
      return store.setVerdict(id, index, { ...body, reason: body.reason.trim(), version }).catch(asHttp);
    },
  );

  app.delete(
    '/api/documents/:id/reviews/:index',
    {
      schema: {
        tags: ['documents'],
        summary: '撤销一条检查发现的审核结论',
        params: indexParams,
        querystring: versionQuery,
        response: { 204: z.undefined().describe('已撤销'), ...errors(400, 404) },
      },
    },
    async (req, reply) => {
      const { id, index } = req.params;
      const { version } = req.query;
      const removed = await store.clearVerdict(id, index, version).catch(asHttp);
      if (!removed) throw new HttpError(404, `文件 ${id} 的第 ${index + 1} 条检查发现没有审核结论`);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/reviews/export',
    {
      schema: {
        tags: ['export'],
        summary: '导出全部审核结论（CSV 或 JSON）',
        querystring: z.object({ format: z.enum(['csv', 'json']).default('csv'), documentId: z.coerce.number().int().min(1).optional() }).strict(),
        produces: ['text/csv', 'application/json'],
        response: { 200: z.array(exportRow).describe('CSV 或 JSON 数组'), ...errors(400) },
      },
    },
    async (req, reply) => {
      const { format, documentId } = req.query;
      const rows = await store.exportVerdicts({ documentId });
      if (format === 'json') return reply.header('content-disposition', 'attachment; filename="reviews.json"').send(rows);
      return sendCsv(reply, verdictsCsv(rows));
    },
  );
};
