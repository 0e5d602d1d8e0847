/**
 * A stored document's standard tables, a page of rows at a time (store/tables.ts): one huge table
 * never makes the API read or send the whole document.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Store } from '../../store/index.js';
import { HttpError } from '../errors.js';
import { errors, idParams, versionQuery } from '../schemas.js';

const tableSummary = z.object({
  index: z.number().int().describe('表格序号（检查结果 document.tables 中的位置）'),
  kind: z.string().describe('标准表格类型'),
  title: z.string(),
  classification: z.string().nullable().describe('功能分类、经济分类等'),
  rows: z.number().int().describe('有数字的行数'),
});

const tableRow = z.object({
  rowIndex: z.number().int().describe('行序号（document.tables[index].rows 中的位置）'),
  code: z.string().nullable(),
  name: z.string(),
  level: z.string().nullable().describe('类、款、项（class、section、item）'),
  role: z.string(),
  side: z.string().nullable(),
  values: z.record(z.string(), z.number()).describe('各列填写的数字（万元，除非该列为数量或百分比）'),
});

function notFound(id: number, version?: number): HttpError {
  return new HttpError(404, version === undefined ? `没有编号为 ${id} 的文件` : `文件 ${id} 没有第 ${version} 版`);
}

export const tableRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/documents/:id/tables',
    {
      schema: {
        tags: ['documents'],
        summary: '文件的标准表格：类型、标题和有数字的行数（逐行内容见 /tables/{index}，分页）',
        params: idParams,
        querystring: versionQuery,
        response: { 200: z.array(tableSummary), ...errors(400, 404) },
      },
    },
    async (req) => {
      const tables = await store.tables(req.params.id, req.query.version);
      if (!tables) throw notFound(req.params.id, req.query.version);
      return tables;
    },
  );

  app.get(
    '/api/documents/:id/tables/:index',
    {
      schema: {
        tags: ['documents'],
        summary: '一张标准表格的行（分页）：编码、名称、各列数字；没有任何数字的行不列出',
        description: '响应头 X-Total-Count 为有数字的行数。',
        params: idParams.extend({ index: z.coerce.number().int().min(0).describe('表格序号') }),
        querystring: versionQuery.extend({
          limit: z.coerce.number().int().min(1).max(5000).default(200),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.array(tableRow), ...errors(400, 404) },
      },
    },
    async (req, reply) => {
      const { id, index } = req.params;
      const { version, limit, offset } = req.query;
      const page = await store.tableRows(id, index, { version, limit, offset });
      if (!page) {
        if (!(await store.tables(id, version))) throw notFound(id, version);
        throw new HttpError(404, `文件 ${id} 没有第 ${index} 张表格（或该表没有数字）`);
      }
      reply.header('x-total-count', String(page.total));
      return page.items.map((r) => ({ ...r, values: Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, v.toNumber()])) }));
    },
  );
};
