/** The rule catalog, for clients that show a finding's rule by its title, category and basis. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RULES } from '../../rules/registry.js';
import { CATEGORY_TITLES } from '../../rules/types.js';

const ruleSchema = z.object({
  id: z.string(),
  title: z.string(),
  severity: z.string(),
  category: z.string(),
  categoryTitle: z.string(),
  basis: z.string(),
  description: z.string(),
});

export const ruleRoutes: FastifyPluginAsyncZod = async (app) => {
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
    { schema: { tags: ['documents'], summary: '检查规则目录：编号、标题、级别、类别、依据', response: { 200: z.array(ruleSchema) } } },
    async () => list,
  );
};
