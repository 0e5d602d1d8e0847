/** Line items as one tidy table, CSV or JSON, streamed. */
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csvChunks, jsonChunks, TIDY_COLUMNS, type Store } from '../../store/index.js';
import { errors, filterShape } from '../schemas.js';

const tidyRow = z.object({
  entity: z.string().nullable(),
  region: z.string().nullable(),
  year: z.number().int().nullable(),
  kind: z.string(),
  table: z.string(),
  table_title: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  measure: z.string(),
  amount: z.number(),
});

/** A stream goes out as it is written (Fastify serializes no stream); the schema documents its rows. */
function sendStream(reply: FastifyReply, type: string, fileName: string, body: Readable) {
  return reply.type(type).header('content-disposition', `attachment; filename="${fileName}"`).send(body);
}

export const exportRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/export/line-items',
    {
      schema: {
        tags: ['export'],
        summary: '导出表格明细（最新版本）：每行一个金额',
        description: `列：${TIDY_COLUMNS.join(', ')}。table 为表的类型，table_title 为表的原标题，measure 为列（total、basic、project…），amount 为万元金额（十进制，精确）。CSV 以 UTF-8 BOM 开头，便于 Excel 打开。`,
        querystring: z
          .object({
            format: z.enum(['csv', 'json']).default('csv'),
            ...filterShape,
            table: z.string().max(60).optional(),
            classification: z.enum(['functional', 'economic']).optional(),
            code: z.string().regex(/^[0-9A-Za-z]{1,12}$/).optional().describe('科目编码前缀'),
            measure: z.string().max(60).optional(),
          })
          .strict(),
        produces: ['text/csv', 'application/json'],
        response: { 200: z.array(tidyRow).describe('CSV 或 JSON 数组'), ...errors(400) },
      },
    },
    async (req, reply) => {
      const { format, ...filter } = req.query;
      const rows = store.lineItems(filter);
      if (format === 'json') return sendStream(reply, 'application/json; charset=utf-8', 'line-items.json', Readable.from(jsonChunks(rows)));
      return sendStream(reply, 'text/csv; charset=utf-8', 'line-items.csv', Readable.from(csvChunks(rows)));
    },
  );
};
