/**
 * Request validation with the routes' zod schemas, in Chinese: zod's zh-CN messages, each issue
 * named by the parameter it is about. Replaces fastify-type-provider-zod's validator only for
 * the language; coercion, defaults and types are the schemas' own.
 */
import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import { z } from 'zod';

const zh = z.locales.zhCN().localeError;

export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = z.safeParse(schema, data, { error: zh });
    if (result.success) return { value: result.data };
    const issues: FastifySchemaValidationError[] = result.error.issues.map((issue) => ({
      keyword: issue.code,
      instancePath: issue.path.length ? `/${issue.path.join('/')}` : '',
      schemaPath: `#/${issue.path.join('/')}`,
      params: {},
      message: issue.message,
    }));
    return { error: issues };
  };

const PART: Record<string, string> = { querystring: '查询参数', params: '路径参数', body: '请求体', headers: '请求头' };

/** `查询参数 limit：数值过小：期望 number >=1` — one line for the first issue. */
export function validationMessage(validation: FastifySchemaValidationError[], context: string | undefined): string {
  const first = validation[0];
  const part = PART[context ?? ''] ?? '参数';
  const name = first?.instancePath?.replace(/^\//, '').replace(/\//g, '.');
  return `${part}${name ? ` ${name}` : ''}：${first?.message ?? '不合法'}`;
}
