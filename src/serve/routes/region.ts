/**
 * Region review over HTTP: entity aliases (list, merge, split), the coverage ledger (import the
 * list of units that must publish, report it as JSON, CSV or Excel) and the transparency ranking.
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DocumentKindSchema } from '../../model/disclosure.js';
import { LedgerInputError, ledgerRows } from '../../region/ledger-input.js';
import { loadTransparencyProfile, TransparencyProfileError } from '../../region/transparency.js';
import { LEDGER_COLUMNS, RANKING_COLUMNS } from '../../region/columns.js';
import { COMPARISON_COLUMNS, tidyComparison } from '../../region/compare.js';
import { csvText, xlsxBuffer, type TidyColumn } from '../../region/tidy.js';
import { CompareError, EntityEditError, type Store } from '../../store/index.js';
import { HttpError } from '../errors.js';
import { errors, filterShape } from '../schemas.js';

const int = () => z.coerce.number().int();
const entityParams = z.object({ id: int().min(1).describe('单位编号') });
const format = z.enum(['json', 'csv', 'xlsx']).default('json');
const idList = z
  .string()
  .regex(/^\d+(,\d+){0,19}$/, '逗号分隔的数字')
  .transform((s) => s.split(',').map(Number));

async function sendTable<R>(reply: FastifyReply, fmt: 'csv' | 'xlsx', name: string, columns: TidyColumn<R>[], rows: R[]) {
  const file = encodeURIComponent(`${name}.${fmt}`);
  reply.header('content-disposition', `attachment; filename*=UTF-8''${file}`);
  if (fmt === 'csv') return reply.type('text/csv; charset=utf-8').send(csvText(columns, rows));
  return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await xlsxBuffer(name, columns, rows));
}

function edit<T>(fn: () => Promise<T>): Promise<T> {
  return fn().catch((e) => {
    if (e instanceof EntityEditError) throw new HttpError(e.message.includes('不存在') ? 404 : 400, e.message);
    throw e;
  });
}

const ledgerRow = z.object({
  year: z.number().int(),
  region: z.string(),
  department: z.string(),
  unit: z.string(),
  level: z.string().nullable(),
  kind: z.string(),
  status: z.enum(['published', 'late', 'missing']),
  entityId: z.number().int().nullable(),
  documentId: z.number().int().nullable(),
  publishedOn: z.string().nullable(),
  publishedSource: z.enum(['ledger', 'document', 'import']).nullable(),
  approvedOn: z.string().nullable(),
  deadline: z.string().nullable(),
  daysLate: z.number().int().nullable(),
  note: z.string(),
});

const scoreRow = z.object({
  rank: z.number().int(),
  documentId: z.number().int(),
  entityId: z.number().int().nullable(),
  entity: z.string().nullable(),
  region: z.string().nullable(),
  year: z.number().int().nullable(),
  kind: z.string(),
  score: z.number(),
  earned: z.number(),
  max: z.number(),
  dimensions: z.record(z.string(), z.object({ name: z.string(), earned: z.number(), max: z.number() })),
  items: z.array(z.object({ id: z.string(), dimension: z.string(), name: z.string(), max: z.number(), score: z.number().nullable(), reasons: z.array(z.string()) })),
});

export const regionRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/entities/:id/aliases',
    {
      schema: {
        tags: ['entities'],
        summary: '单位的名称键（同一部门的各种写法归到此单位）',
        params: entityParams,
        response: { 200: z.array(z.object({ alias: z.string(), entityId: z.number().int(), source: z.string() })), ...errors(404) },
      },
    },
    async (req) => {
      if (!(await store.entity(req.params.id))) throw new HttpError(404, `单位 ${req.params.id} 不存在`);
      return store.aliases(req.params.id);
    },
  );

  app.post(
    '/api/entities/:id/merge',
    {
      schema: {
        tags: ['entities'],
        summary: '把此单位并入另一单位（两者是同一部门）：名称键和文件归入 into，同年同类的文件成为一份公开的各部分',
        params: entityParams,
        body: z.object({ into: z.number().int().min(1) }).strict(),
        response: { 200: z.object({ entityId: z.number().int() }), ...errors(400, 404) },
      },
    },
    async (req) => {
      await edit(() => store.mergeEntities(req.params.id, req.body.into));
      return { entityId: req.body.into };
    },
  );

  app.post(
    '/api/entities/:id/split',
    {
      schema: {
        tags: ['entities'],
        summary: '把一个名称从此单位拆出，成为单独的单位；只印这个名称的文件随之移出',
        params: entityParams,
        body: z.object({ name: z.string().min(1).max(200) }).strict(),
        response: { 200: z.object({ entityId: z.number().int() }), ...errors(400, 404) },
      },
    },
    async (req) => ({ entityId: await edit(() => store.splitEntity(req.params.id, req.body.name)) }),
  );

  app.post(
    '/api/ledger',
    {
      schema: {
        tags: ['ledger'],
        summary: '导入应公开单位名单：rows 为表格各行（第一行为表头：地区、部门、单位，可选 级次、年度、应公开、批复日期、公开日期）',
        body: z
          .object({
            name: z.string().min(1).max(200).default('名单').describe('名单名称，用于错误提示'),
            year: z.number().int().min(1990).max(2100).optional().describe('没有“年度”列时的年度'),
            rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))).min(1).max(100_000),
          })
          .strict(),
        response: { 200: z.object({ units: z.number().int() }), ...errors(400) },
      },
    },
    async (req) => {
      try {
        const units = ledgerRows(req.body.name, req.body.rows, req.body.year);
        return { units: await store.importLedger(units) };
      } catch (e) {
        if (e instanceof LedgerInputError) throw new HttpError(400, e.message);
        throw e;
      }
    },
  );

  app.get(
    '/api/ledger',
    {
      schema: {
        tags: ['ledger'],
        summary: '公开情况台账：每个应公开单位、年度、类型的状态（已公开、逾期公开——批复后 20 日、未公开）及原因',
        querystring: z.object({ year: int().min(1990).max(2100).optional(), region: z.string().min(1).max(100).optional(), format }).strict(),
        produces: ['application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: {
          200: z.object({
            counts: z.object({ units: z.number().int(), expected: z.number().int(), published: z.number().int(), late: z.number().int(), missing: z.number().int() }),
            rows: z.array(ledgerRow),
          }),
          ...errors(400),
        },
      },
    },
    async (req, reply) => {
      const { format: fmt, ...filter } = req.query;
      const report = await store.ledger(filter);
      if (fmt !== 'json') return sendTable(reply, fmt, '公开情况台账', LEDGER_COLUMNS, report.rows);
      return report;
    },
  );

  app.get(
    '/api/transparency',
    {
      schema: {
        tags: ['ledger'],
        summary: '透明度得分与排名：每份公开（说明和表格合为一份）按及时性、完整性、细化程度、准确性、公开形式评分，列出每项失分原因；regionScore 为平均分',
        querystring: z
          .object({
            ...filterShape,
            kind: DocumentKindSchema.optional(),
            profile: z.string().regex(/^[a-z0-9-]{1,40}$/).default('default').describe('profiles/transparency/ 下的评分配置'),
            format,
          })
          .strict(),
        produces: ['application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: z.object({ regionScore: z.number().nullable(), rows: z.array(scoreRow) }), ...errors(400) },
      },
    },
    async (req, reply) => {
      const { format: fmt, profile: name, ...filter } = req.query;
      let profile;
      try {
        profile = loadTransparencyProfile(name);
      } catch (e) {
        if (e instanceof TransparencyProfileError) throw new HttpError(400, e.message);
        throw e;
      }
      const ranking = await store.transparency(filter, profile);
      if (fmt !== 'json') return sendTable(reply, fmt, '透明度排名', RANKING_COLUMNS, ranking.rows);
      return ranking;
    },
  );

  app.get(
    '/api/compare',
    {
      schema: {
        tags: ['ledger'],
        summary: '对比：同一单位跨年度（entity + years）、同年预算与决算（entity + year）、部门并列（entities + year）或指定文档（documents）；按科目编码逐行匹配（编码改变而名称相同、名称改变而编码相同的也对应），列出各方金额、末项比首项的增减和增减率；CSV/Excel 为整洁表（每行一个科目一方）',
        querystring: z
          .object({
            documents: idList.optional().describe('文档编号，逗号分隔，按此顺序对比'),
            entity: int().min(1).optional().describe('单位编号'),
            entities: idList.optional().describe('单位编号，逗号分隔（部门并列）'),
            years: idList.optional().describe('年度，逗号分隔（跨年度）'),
            year: int().min(1990).max(2100).optional(),
            kind: DocumentKindSchema.optional(),
            table: z.string().regex(/^[a-z-]{1,40}$/).optional().describe('表格类型（默认一般公共预算财政拨款支出表，无则支出总表）'),
            measure: z.string().regex(/^[A-Za-z]{1,40}$/).optional().describe('列（默认 total 合计）'),
            format,
          })
          .strict(),
        produces: ['application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: {
          200: z.object({
            table: z.string(),
            measure: z.string(),
            sides: z.array(z.object({ label: z.string(), documentId: z.number().int(), entity: z.string().nullable(), year: z.number().int().nullable(), kind: z.string() })),
            rows: z.array(
              z.object({
                code: z.string().nullable(),
                name: z.string(),
                level: z.string().nullable(),
                link: z.enum(['code', 'renamed', 'recoded', 'replaced', 'name', 'only']),
                note: z.string(),
                codes: z.array(z.string().nullable()),
                amounts: z.array(z.string().nullable()).describe('万元，十进制文本'),
                change: z.string().nullable(),
                percent: z.string().nullable(),
              }),
            ),
          }),
          ...errors(400, 404),
        },
      },
    },
    async (req, reply) => {
      const { format: fmt, ...q } = req.query;
      let result;
      try {
        result = await store.compare(q);
      } catch (e) {
        if (e instanceof CompareError) throw new HttpError(e.notFound ? 404 : 400, e.message);
        throw e;
      }
      if (fmt !== 'json') return sendTable(reply, fmt, '对比', COMPARISON_COLUMNS, tidyComparison(result));
      return result;
    },
  );
};
