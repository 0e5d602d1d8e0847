/** Line items as one tidy table, CSV or JSON, streamed. */
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { csvChunks, jsonChunks, TIDY_COLUMNS, type LineItemFilter, type Store } from '../../store/index.js';
import { errors, filterProperties } from '../schemas.js';

export async function exportRoutes(app: FastifyInstance, { store }: { store: Store }): Promise<void> {
  app.get(
    '/api/export/line-items',
    {
      schema: {
        tags: ['export'],
        summary: '导出表格明细（最新版本）：每行一个金额',
        description: `列：${TIDY_COLUMNS.join(', ')}。table 为表的类型，table_title 为表的原标题，measure 为列（total、basic、project…），amount 为万元金额（十进制，精确）。CSV 以 UTF-8 BOM 开头，便于 Excel 打开。`,
        querystring: {
          type: 'object',
          properties: {
            format: { type: 'string', enum: ['csv', 'json'], default: 'csv' },
            ...filterProperties,
            table: { type: 'string', maxLength: 60 },
            classification: { type: 'string', enum: ['functional', 'economic'] },
            code: { type: 'string', pattern: '^[0-9A-Za-z]{1,12}$', description: '科目编码前缀' },
            measure: { type: 'string', maxLength: 60 },
          },
          additionalProperties: false,
        },
        produces: ['text/csv', 'application/json'],
        response: {
          200: {
            description: 'CSV 或 JSON 数组',
            type: 'array',
            items: {
              type: 'object',
              properties: {
                entity: { type: ['string', 'null'] },
                region: { type: ['string', 'null'] },
                year: { type: ['integer', 'null'] },
                kind: { type: 'string' },
                table: { type: 'string' },
                table_title: { type: 'string' },
                code: { type: ['string', 'null'] },
                name: { type: 'string' },
                measure: { type: 'string' },
                amount: { type: 'number' },
              },
            },
          },
          ...errors(400),
        },
      },
    },
    async (req, reply) => {
      const { format, ...filter } = req.query as LineItemFilter & { format: 'csv' | 'json' };
      const rows = store.lineItems(filter);
      if (format === 'json') {
        return reply
          .type('application/json; charset=utf-8')
          .header('content-disposition', 'attachment; filename="line-items.json"')
          .send(Readable.from(jsonChunks(rows)));
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="line-items.csv"')
        .send(Readable.from(csvChunks(rows)));
    },
  );
}
