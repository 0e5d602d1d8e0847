/** The rule catalog, for clients that show a finding's rule by its title, category and basis. */
import type { FastifyInstance } from 'fastify';
import { RULES } from '../../rules/registry.js';
import { CATEGORY_TITLES } from '../../rules/types.js';

const ruleSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    severity: { type: 'string' },
    category: { type: 'string' },
    categoryTitle: { type: 'string' },
    basis: { type: 'string' },
    description: { type: 'string' },
  },
} as const;

export async function ruleRoutes(app: FastifyInstance): Promise<void> {
  const list = RULES.map(({ meta: m }) => ({
    id: m.id,
    title: m.title,
    severity: m.severity,
    category: m.category,
    categoryTitle: CATEGORY_TITLES[m.category],
    basis: m.basis,
    description: m.description,
  }));
  app.get(
    '/api/rules',
    { schema: { tags: ['documents'], summary: '检查规则目录：编号、标题、级别、类别、依据', response: { 200: { type: 'array', items: ruleSchema } } } },
    async () => list,
  );
}
