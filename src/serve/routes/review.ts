/** The reviewer's dashboard: documents with finding counts, filtered and sorted; the filters' values. */
import type { FastifyInstance } from 'fastify';
import { REVIEW_SORTS, type ReviewFilter, type ReviewSort, type Store } from '../../store/index.js';
import { documentSummary, errors, filterProperties, findingCounts, pageProperties, severities } from '../schemas.js';

const facetList = (key: string, type: string) => ({
  type: 'array',
  items: { type: 'object', properties: { [key]: { type }, documents: { type: 'integer' } } },
});

export async function reviewRoutes(app: FastifyInstance, { store }: { store: Store }): Promise<void> {
  app.get(
    '/api/review/documents',
    {
      schema: {
        tags: ['documents'],
        summary: '审核总览：各单位、年度、类型的文件（最新版本）及其错误、警告、提示数，可筛选、排序',
        querystring: {
          type: 'object',
          properties: {
            ...filterProperties,
            regionPrefix: { type: 'string', minLength: 1, maxLength: 100, description: '地区以此开头（如“保定市”含其下各区县）' },
            rule: { type: 'string', minLength: 1, maxLength: 100, description: '只列出有该规则检查发现的文件' },
            severity: { type: 'string', enum: severities, description: '只列出有该级别检查发现的文件' },
            sort: { type: 'string', enum: REVIEW_SORTS, default: 'errors' },
            order: { type: 'string', enum: ['asc', 'desc'] },
            ...pageProperties,
          },
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: { total: { type: 'integer' }, findings: findingCounts, items: { type: 'array', items: documentSummary } },
          },
          ...errors(400),
        },
      },
    },
    async (req) => {
      const { sort, order, limit, offset, ...filter } = req.query as ReviewFilter & {
        sort?: ReviewSort;
        order?: 'asc' | 'desc';
        limit?: number;
        offset?: number;
      };
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
          200: {
            type: 'object',
            properties: {
              regions: facetList('region', 'string'),
              years: facetList('year', 'integer'),
              kinds: facetList('kind', 'string'),
              rules: facetList('rule', 'string'),
            },
          },
        },
      },
    },
    async () => store.reviewFacets(),
  );
}
