/** The reviewer's dashboard: documents with finding counts, filtered and sorted; the filters' values. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SeveritySchema } from '../../model/disclosure.js';
import { REVIEW_SORTS, type Store } from '../../store/index.js';
import { documentSummary, errors, filterShape, findingCounts, pageShape } from '../schemas.js';

const facetList = <K extends string, T extends z.ZodType>(key: K, type: T) => z.array(z.object({ [key]: type, documents: z.number().int() } as { [P in K]: T } & { documents: z.ZodNumber }));

export const reviewRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/review/documents',
    {
      schema: {
        tags: ['documents'],
        summary: '审核总览：各单位、年度、类型的文件（最新版本）及其错误、警告、提示数，可筛选、排序',
        querystring: z
          .object({
            ...filterShape,
            regionPrefix: z.string().min(1).max(100).optional().describe('地区以此开头（如“保定市”含其下各区县）'),
            rule: z.string().min(1).max(100).optional().describe('只列出有该规则检查发现的文件'),
            severity: SeveritySchema.optional().describe('只列出有该级别检查发现的文件'),
            sort: z.enum(REVIEW_SORTS).default('errors'),
            order: z.enum(['asc', 'desc']).optional(),
            ...pageShape,
          })
          .strict(),
        response: {
          200: z.object({ total: z.number().int(), findings: findingCounts, items: z.array(documentSummary) }),
          ...errors(400),
        },
      },
    },
    async (req) => {
      const { sort, order, limit, offset, ...filter } = req.query;
      return store.reviewList(filter, { by: sort, order }, { limit, offset });
    },
  );

  app.get(
    '/api/review/facets',
    {
      schema: {
        tags: ['documents'],
        summary: '审核总览的筛选项：地区、年度、类型、规则，各有多少份文件',
        response: {
          200: z.object({
            regions: facetList('region', z.string()),
            years: facetList('year', z.number().int()),
            kinds: facetList('kind', z.string()),
            rules: facetList('rule', z.string()),
          }),
        },
      },
    },
    async () => store.reviewFacets(),
  );
};
