/** Search, entities and aggregates. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Money } from '../../model/money.js';
import type { Store } from '../../store/index.js';
import { HttpError } from '../errors.js';
import {
  basicProjectRow,
  classRow,
  entitySchema,
  errors,
  filterQuery,
  filterShape,
  pageShape,
  searchResponse,
  threePublicRow,
  timelineRow,
} from '../schemas.js';

/** Amounts leave as JSON numbers; a decimal of up to 15 digits prints exactly. */
function num(m: Money | null): number | null {
  return m ? m.toNumber() : null;
}

export const analysisRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/search',
    {
      schema: {
        tags: ['search'],
        summary: '全文检索：单位名称、标题、项目名称和正文段落（中文按子串匹配，空格分隔的词须同时出现）',
        description:
          '一两个字的检索词也走索引。结果先列单位名称含全部检索词的文件，再列标题、项目名称、正文含全部检索词的，最后是检索词分散在不同位置的；同一类按文件编号排列。total 最多数到 1000（totalExact 为 false 时是下限）。',
        querystring: z
          .object({
            q: z.string().min(1).max(200).describe('检索词；引号、书名号不计（三公经费 可找到 “三公”经费）'),
            region: z.string().min(1).max(100).optional().describe('只检索该地区及其下级地区单位的文件'),
            ...pageShape,
            limit: pageShape.limit.removeDefault().default(20),
          })
          .strict(),
        response: { 200: searchResponse, ...errors(400) },
      },
    },
    async (req) => {
      const { q, region, limit, offset } = req.query;
      if (!q.trim()) throw new HttpError(400, '检索词不能为空');
      return store.search(q, { limit, offset }, { region });
    },
  );

  app.get(
    '/api/entities',
    {
      schema: {
        tags: ['entities'],
        summary: '单位列表',
        querystring: z.object({ q: z.string().min(1).max(200).optional().describe('名称包含'), region: filterShape.region, ...pageShape }).strict(),
        response: { 200: z.object({ total: z.number().int(), items: z.array(entitySchema) }), ...errors(400) },
      },
    },
    async (req) => {
      const { q, region, limit, offset } = req.query;
      return store.entities({ q, region }, { limit, offset });
    },
  );

  app.get(
    '/api/entities/:id/timeline',
    {
      schema: {
        tags: ['entities', 'aggregates'],
        summary: '一个单位历年的文件和主要金额（万元）',
        params: z.object({ id: z.coerce.number().int().min(1).describe('单位编号') }),
        response: {
          200: z.object({ entity: entitySchema.omit({ documents: true }), items: z.array(timelineRow) }),
          ...errors(400, 404),
        },
      },
    },
    async (req) => {
      const { id } = req.params;
      const entity = await store.entity(id);
      if (!entity) throw new HttpError(404, `没有编号为 ${id} 的单位`);
      const rows = await store.entityTimeline(id);
      return {
        entity,
        items: rows.map((r) => ({ ...r, amounts: Object.fromEntries(Object.entries(r.amounts).map(([k, v]) => [k, num(v)])) })),
      };
    },
  );

  app.get(
    '/api/aggregates/classes',
    {
      schema: {
        tags: ['aggregates'],
        summary: '按功能分类或经济分类的类（3 位科目）汇总金额，分年度、跨单位',
        description:
          '每份文件只取一张表，避免同一科目在多张表中重复计算：功能分类默认取部门支出总表（expenditure），经济分类默认取一般公共预算基本支出表（general-budget-basic）；measure 默认 total（合计列）。',
        querystring: z
          .object({
            classification: z.enum(['functional', 'economic']).default('functional'),
            table: z.string().max(60).optional().describe('表的类型，如 general-budget-expenditure'),
            measure: z.string().max(60).optional().describe('列，如 total、basic、project'),
            ...filterShape,
          })
          .strict(),
        response: { 200: z.array(classRow), ...errors(400) },
      },
    },
    async (req) => {
      const rows = await store.byClass(req.query);
      return rows.map((r) => ({ ...r, amount: num(r.amount) }));
    },
  );

  app.get(
    '/api/aggregates/three-public',
    {
      schema: {
        tags: ['aggregates'],
        summary: '“三公”经费按年度汇总（万元）',
        querystring: filterQuery,
        response: { 200: z.array(threePublicRow), ...errors(400) },
      },
    },
    async (req) => {
      const rows = await store.threePublicByYear(req.query);
      return rows.map((r) => ({
        ...r,
        total: num(r.total),
        abroad: num(r.abroad),
        vehicle: num(r.vehicle),
        vehiclePurchase: num(r.vehiclePurchase),
        vehicleOperation: num(r.vehicleOperation),
        reception: num(r.reception),
      }));
    },
  );

  app.get(
    '/api/aggregates/basic-project',
    {
      schema: {
        tags: ['aggregates'],
        summary: '基本支出与项目支出，按单位和年度（万元）',
        querystring: filterQuery,
        response: { 200: z.array(basicProjectRow), ...errors(400) },
      },
    },
    async (req) => {
      const rows = await store.basicVsProject(req.query);
      return rows.map((r) => ({
        ...r,
        expenditureTotal: num(r.expenditureTotal),
        basic: num(r.basic),
        personnel: num(r.personnel),
        public: num(r.public),
        project: num(r.project),
      }));
    },
  );
};
