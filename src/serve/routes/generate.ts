/**
 * Generating a disclosure from a posted dataset (issue 14): the same gate and writers as
 * `gongkai generate`. The body is the dataset JSON (schema/budget-dataset.schema.json); the query
 * chooses the format, the regional template and whether a watermarked 草稿 may be written. When
 * the dataset's own identities fail (or a change's reason is still missing) nothing is written:
 * the reply is 422 with the findings, so a form can show them beside the fields. Beside it, what
 * the web form needs: the templates, the gate's findings while editing, and a dataset made from an
 * uploaded file (an input workbook, a budget system's workbook, JSON, or a published disclosure;
 * last year's disclosure applied to the dataset being edited).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DatasetError, DatasetSchema, FORMATS, gate, generate, templateList, TEMPLATE_IDS, TemplateError, type Dataset } from '../../generate/index.js';
import { FINAL_ONLY_REASONS, REASON_KEYS, REASON_LABELS, SOURCE_NAMES, SOURCES } from '../../generate/dataset.js';
import { datasetFromBytes, InputError, withPriorFrom } from '../../generate/inputs.js';
import { ReadError } from '../../read/doc.js';
import { sniffFormat } from '../../read/index.js';
import { nameForFormat, safeBaseName } from '../files.js';
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

const datasetReply = z.object({ dataset: z.looseObject({}).describe('数据 JSON（金额为万元，由十进制数写出）') });

/** A dataset as JSON: amounts written from their decimals (Money's JSON), which the schema reads back exactly. */
const asJson = (d: Dataset) => JSON.parse(JSON.stringify(d)) as Record<string, unknown>;

function parseBody(body: unknown): Dataset {
  const data = DatasetSchema.safeParse(body);
  if (data.success) return data.data;
  const lines = data.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '（根）'}：${i.message}`);
  throw new HttpError(400, `数据不符合格式：${lines.join('；')}`);
}

/** The uploaded file (multipart field file) and the other fields sent before it. */
async function upload(req: FastifyRequest): Promise<{ bytes: Buffer; name: string; fields: Record<string, string> }> {
  let part;
  try {
    part = await req.file();
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new HttpError(415, '请以 multipart/form-data 上传，文件放在字段 file 中');
    throw e;
  }
  if (!part) throw new HttpError(400, '请求中没有文件：请把文件放在 multipart 字段 file 中');
  if (part.fieldname !== 'file') throw new HttpError(400, `文件应放在字段 file 中，收到的是字段 ${safeBaseName(part.fieldname)}`);
  const bytes: Buffer = await part.toBuffer();
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(part.fields ?? {})) {
    const f = v as { type?: string; value?: unknown };
    if (f && f.type === 'field' && typeof f.value === 'string') fields[k] = f.value;
  }
  const base = safeBaseName(part.filename);
  if (/\.json$/i.test(base)) return { bytes, name: base, fields };
  try {
    return { bytes, name: nameForFormat(base, sniffFormat(bytes, base)), fields };
  } catch (e) {
    if (e instanceof ReadError) throw new HttpError(415, `${base}：${e.message}`);
    throw e;
  }
}

async function fromFile<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof InputError || e instanceof ReadError) throw new HttpError(422, `${name}：${e.message}`);
    throw e;
  }
}

export const generateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/generate/templates',
    {
      schema: {
        tags: ['generate'],
        summary: '可用的地区模板',
        description: '模板，以及表单所用的名称：资金来源（数据中的 source）与须由人填写的增减原因（reasons 的键；kinds 为适用的数据类型）。',
        response: {
          200: z.object({
            templates: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(['budget', 'final-accounts']) })),
            sources: z.array(z.object({ id: z.string(), name: z.string() })),
            reasons: z.array(z.object({ key: z.string(), label: z.string(), kinds: z.array(z.enum(['budget', 'final-accounts'])) })),
          }),
        },
      },
    },
    // The form's names come from here, so the page and the input workbook cannot disagree.
    async () => ({
      templates: templateList(),
      sources: SOURCES.map((id) => ({ id, name: SOURCE_NAMES[id] })),
      reasons: REASON_KEYS.map((key) => ({ key, label: REASON_LABELS[key], kinds: FINAL_ONLY_REASONS.includes(key) ? ['final-accounts' as const] : ['budget' as const, 'final-accounts' as const] })),
    }),
  );

  app.post(
    '/api/generate/check',
    {
      schema: {
        tags: ['generate'],
        summary: '生成前检查：数据自身的勾稽关系与待填写的原因（不生成文件）',
        body: z.looseObject({}).describe('数据（部门预算或决算），JSON'),
        response: { 200: z.object({ findings: z.array(findingSchema) }), ...errors(400) },
      },
    },
    async (req) => ({ findings: gate(parseBody(req.body)) }),
  );

  app.post(
    '/api/generate/dataset',
    {
      schema: {
        tags: ['generate'],
        summary: '由上传的文件得到数据：填报表、预算系统导出的工作簿、数据 JSON 或已公开的文件（multipart 字段 file）',
        consumes: ['multipart/form-data'],
        response: { 200: datasetReply, ...errors(400, 413, 415, 422) },
      },
    },
    async (req) => {
      const { bytes, name } = await upload(req);
      return { dataset: asJson(await fromFile(name, () => datasetFromBytes(bytes, name))) };
    },
  );

  app.post(
    '/api/generate/prior',
    {
      schema: {
        tags: ['generate'],
        summary: '用上年公开文件（multipart 字段 file）补全数据（字段 dataset，须在 file 之前）：上年数、职责、机构、名词解释',
        consumes: ['multipart/form-data'],
        response: { 200: datasetReply, ...errors(400, 413, 415, 422) },
      },
    },
    async (req) => {
      const { bytes, name, fields } = await upload(req);
      if (!fields.dataset) throw new HttpError(400, '缺少字段 dataset（本年数据 JSON，须放在文件之前）');
      let json: unknown;
      try {
        json = JSON.parse(fields.dataset);
      } catch {
        throw new HttpError(400, '字段 dataset 不是有效的 JSON');
      }
      const data = parseBody(json);
      return { dataset: asJson(await fromFile(name, () => withPriorFrom(data, bytes, name))) };
    },
  );

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
        result = await generate(parseBody(req.body), { format, template, draft });
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
