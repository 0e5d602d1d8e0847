/**
 * Generating a disclosure from a posted dataset (issue 14): the same gate and writers as
 * `gongkai generate`. The body is the dataset JSON (schema/budget-dataset.schema.json); the query
 * chooses the format, the regional template and whether a watermarked 草稿 may be written. When
 * the dataset's own identities fail (or a change's reason is still missing) nothing is written:
 * the reply is 422 with the findings, so a form can show them beside the fields.
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DatasetError, DatasetSchema, FORMATS, generate, TEMPLATE_IDS, TemplateError } from '../../generate/index.js';
import { PdfEngineError } from '../../generate/write-pdf.js';
import { HttpError } from '../errors.js';
import { errors, findingSchema } from '../schemas.js';

export const GENERATE_MEDIA_TYPES: Record<(typeof FORMATS)[number], string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
};

const generateQuery = z
  .object({
    format: z.enum(FORMATS).default('docx').describe('输出格式：docx、xlsx、pdf、html'),
    template: z.enum(TEMPLATE_IDS as unknown as [string, ...string[]]).optional().describe('地区模板；省略时按数据的 kind 取默认模板'),
    draft: z
      .enum(['true', 'false', '1', '0'])
      .optional()
      .transform((v) => v === 'true' || v === '1')
      .describe('true：即使有错误也生成，文件加“草稿”水印，待填写处标出'),
  })
  .strict();

const blockedSchema = z
  .object({
    error: z.string(),
    findings: z.array(findingSchema).describe('数据自身的检查发现；error 级的阻止生成'),
  })
  .describe('数据未通过生成前检查：未生成文件');

export const generateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/generate',
    {
      schema: {
        tags: ['generate'],
        summary: '由数据生成部门预算（决算）公开文件：docx、xlsx、pdf 或 html',
        description: '请求体为数据 JSON（见 schema/budget-dataset.schema.json）。数据自身勾稽不符或增减原因未填写时返回 422 和检查发现，不生成文件（draft=true 时生成带“草稿”水印的文件）。',
        querystring: generateQuery,
        // Validated in the handler by the dataset's own parser: its Chinese messages name the field.
        body: z.looseObject({}).describe('数据（部门预算或决算），JSON'),
        produces: [...new Set(Object.values(GENERATE_MEDIA_TYPES))],
        response: {
          200: z.string().meta({ format: 'binary' }).describe('生成的文件（Content-Disposition 给出文件名）'),
          422: blockedSchema,
          ...errors(400, 503),
        },
      },
    },
    async (req, reply) => {
      const { format, template, draft } = req.query;
      let result;
      try {
        const data = DatasetSchema.safeParse(req.body);
        if (!data.success) {
          const lines = data.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '（根）'}：${i.message}`);
          throw new HttpError(400, `数据不符合格式：${lines.join('；')}`);
        }
        result = await generate(data.data, { format, template, draft });
        if (!result.bytes || !result.document) {
          const blocking = result.findings.filter((f) => f.severity === 'error');
          return reply.code(422).send({ error: `数据有 ${blocking.length} 处错误，未生成文件：${blocking[0]?.message ?? ''}`, findings: result.findings });
        }
      } catch (e) {
        if (e instanceof DatasetError || e instanceof TemplateError) throw new HttpError(400, e.message);
        if (e instanceof PdfEngineError) throw new HttpError(503, e.message);
        throw e;
      }
      const name = `${result.document.title}${draft ? '（草稿）' : ''}.${format}`;
      reply.header('content-disposition', `attachment; filename="disclosure.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`);
      // The generated HTML has no scripts; opened in the API's origin it still runs none.
      if (format === 'html') reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
      return sendFile(reply, GENERATE_MEDIA_TYPES[format], result.bytes);
    },
  );
};

/** The bytes as they are: the 200 schema documents the body, it does not serialise it. */
function sendFile(reply: FastifyReply, type: string, body: Buffer) {
  return reply.type(type).send(body);
}
