import { z } from 'zod';
import { DisclosureSchema, FindingSchema, MoneySchema } from './disclosure.js';

/** The output of `gongkai check --format json` for one file. */
export const CheckResultSchema = z.object({
  document: DisclosureSchema,
  findings: z.array(FindingSchema),
  profile: z.string().describe('The rule profile used: the one `auto` chose for the document’s region, year and level, or `default`'),
});

/** JSON Schema (draft 2020-12) of a check result; decimal amounts appear as JSON numbers. */
export function checkResultJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(CheckResultSchema, {
    unrepresentable: 'any',
    override: (ctx) => {
      if (ctx.zodSchema === MoneySchema) {
        ctx.jsonSchema.type = 'number';
        ctx.jsonSchema.description ??= 'A decimal amount (万元 unless stated), printed as a JSON number';
      }
    },
  });
  return { $id: 'https://gongkai.invalid/schema/check-result.schema.json', title: 'gongkai check result', ...schema };
}
