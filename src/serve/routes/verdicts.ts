/**
 * Reviewers' verdicts on findings: confirm or dismiss one with a reason (kept with the document
 * version, shown to the next reviewer), withdraw it, and export them all.
 */
import type { FastifyInstance } from 'fastify';
import { VerdictError, type Store, type VerdictExportRow, type VerdictStatus } from '../../store/index.js';
import { HttpError } from '../errors.js';
import { errors, idParams, versionQuery } from '../schemas.js';

const verdictSchema = {
  type: 'object',
  properties: {
    index: { type: 'integer', description: '检查发现在该版本检查结果 findings 中的位置（从 0 起）' },
    rule: { type: 'string' },
    message: { type: 'string' },
    status: { type: 'string', enum: ['confirmed', 'dismissed'] },
    reason: { type: 'string' },
    reviewer: { type: ['string', 'null'] },
    reviewedAt: { type: 'string', format: 'date-time' },
  },
} as const;

const indexParams = {
  type: 'object',
  required: ['id', 'index'],
  properties: { ...idParams.properties, index: { type: 'integer', minimum: 0, description: '检查发现的位置（从 0 起）' } },
} as const;

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

export async function verdictRoutes(app: FastifyInstance, { store }: { store: Store }): Promise<void> {
  app.get(
    '/api/documents/:id/reviews',
    {
      schema: {
        tags: ['documents'],
        summary: '该版本检查发现的审核结论（确认或排除，含理由、审核人、时间）',
        params: idParams,
        querystring: versionQuery,
        response: { 200: { type: 'array', items: verdictSchema }, ...errors(400, 404) },
      },
    },
    async (req) => {
      const { id } = req.params as { id: number };
      const { version } = req.query as { version?: number };
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
        body: {
          type: 'object',
          required: ['status', 'reason', 'rule'],
          properties: {
            status: { type: 'string', enum: ['confirmed', 'dismissed'] },
            reason: { type: 'string', minLength: 1, maxLength: 2000 },
            reviewer: { type: ['string', 'null'], maxLength: 100 },
            rule: { type: 'string', minLength: 1, maxLength: 100, description: '该发现的规则编号，用于核对位置无误' },
          },
          additionalProperties: false,
        },
        response: { 200: verdictSchema, ...errors(400, 404, 409) },
      },
    },
    async (req) => {
      const { id, index } = req.params as { id: number; index: number };
      const { version } = req.query as { version?: number };
      const body = req.body as { status: VerdictStatus; reason: string; reviewer?: string | null; rule: string };
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
        response: { 204: { type: 'null', description: '已撤销' }, ...errors(400, 404) },
      },
    },
    async (req, reply) => {
      const { id, index } = req.params as { id: number; index: number };
      const { version } = req.query as { version?: number };
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
        querystring: {
          type: 'object',
          properties: { format: { type: 'string', enum: ['csv', 'json'], default: 'csv' }, documentId: { type: 'integer', minimum: 1 } },
          additionalProperties: false,
        },
        produces: ['text/csv', 'application/json'],
        response: { 200: { type: 'array', items: { type: 'object', additionalProperties: true } }, ...errors(400) },
      },
    },
    async (req, reply) => {
      const { format, documentId } = req.query as { format: 'csv' | 'json'; documentId?: number };
      const rows = await store.exportVerdicts({ documentId });
      if (format === 'json') return reply.header('content-disposition', 'attachment; filename="reviews.json"').send(rows);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="reviews.csv"')
        .send(verdictsCsv(rows));
    },
  );
}
