/** Documents: upload, list, the stored check result, versions, findings and the original file. */
import { checkAcrossParts } from '../../import/across-parts.js';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ReadError } from '../../read/doc.js';
import { sniffFormat } from '../../read/index.js';
import type { Store } from '../../store/index.js';
import type { UploadChecker } from '../checking.js';
import { CONTENT_TYPES, attachment, extensionOf, nameForFormat, safeBaseName } from '../files.js';
import { HttpError } from '../errors.js';
import { checkUploadAllowed } from '../auth/index.js';
import {
  checkResultSchema,
  documentSummary,
  errors,
  filterShape,
  findingSchema,
  idParams,
  pageShape,
  uploadResponse,
  versionQuery,
  versionSchema,
} from '../schemas.js';
import { SeveritySchema } from '../../model/disclosure.js';

export interface DocumentRoutesOptions {
  store: Store;
  checker: UploadChecker;
}

/**
 * The upload response: id, version and duplicate in front of the stored check-result JSON (which
 * starts with `{` and a newline), in the same layout and without re-serialising it.
 */
function uploadJson(id: number, version: number, duplicate: boolean, resultJson: string): string {
  return `{\n  "id": ${id},\n  "version": ${version},\n  "duplicate": ${duplicate},\n${resultJson.slice(2)}`;
}

/**
 * JSON already serialized (as stored): sent as it is. Fastify does not serialize a string, so the
 * route's response schema documents it without re-checking it.
 */
function sendJsonText(reply: FastifyReply, text: string, code = 200) {
  return reply.code(code).type('application/json; charset=utf-8').send(text);
}

/** A stream sent as it is written (Fastify serializes no stream); the schema documents it. */
function sendStream(reply: FastifyReply, type: string, body: NodeJS.ReadableStream) {
  return reply.type(type).send(body);
}

/** Bytes sent as they are (Fastify serializes no Buffer); the schema documents what they are. */
function sendBytes(reply: FastifyReply, type: string, bytes: Buffer) {
  return reply.type(type).send(bytes);
}

export const documentRoutes: FastifyPluginAsyncZod<DocumentRoutesOptions> = async (app, { store, checker }) => {
  let taskIds = 0;

  app.post(
    '/api/documents',
    {
      schema: {
        tags: ['documents'],
        summary: '上传一份公开文件（multipart 字段 file），读取、识别、检查并保存',
        description:
          '文件类型按内容识别（PDF、Word .docx、Excel .xlsx、HTML、文本），不看文件名。相同内容的文件只保存一次（200，duplicate 为 true）；同一单位、年度、类型的新文件保存为新版本。',
        consumes: ['multipart/form-data'],
        response: { 200: uploadResponse, 201: uploadResponse, ...errors(400, 413, 415, 422, 500) },
      },
    },
    async (req, reply) => {
      let part;
      try {
        part = await req.file();
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
          throw new HttpError(415, '请以 multipart/form-data 上传，文件放在字段 file 中');
        }
        throw e;
      }
      if (!part) throw new HttpError(400, '请求中没有文件：请把文件放在 multipart 字段 file 中');
      if (part.fieldname !== 'file') throw new HttpError(400, `文件应放在字段 file 中，收到的是字段 ${safeBaseName(part.fieldname)}`);
      const bytes = await part.toBuffer();

      const base = safeBaseName(part.filename);
      let format;
      try {
        format = sniffFormat(bytes, base);
      } catch (e) {
        if (e instanceof ReadError) throw new HttpError(415, e.message);
        throw e;
      }
      const name = nameForFormat(base, format);
      const sha256 = createHash('sha256').update(bytes).digest('hex');

      const known = await store.findBySha256(sha256);
      if (known) {
        const json = (await store.documentJson(known.documentId, known.version))!;
        return sendJsonText(reply, uploadJson(known.documentId, known.version, true, json));
      }
      const result = await checker.check({ id: ++taskIds, path: name, bytes, sha256 });
      if (!result.ok) throw new HttpError(result.unreadable ? 422 : 500, result.reason);
      checkUploadAllowed(req.identity, result.record);
      const saved = await store.save(result.record, bytes);
      // The other parts of this disclosure already stored: checked together with this one.
      if (saved.status === 'imported') await checkAcrossParts(store, saved.documentId, (task) => checker.check(task), ++taskIds);
      const json = (await store.documentJson(saved.documentId, saved.version))!;
      return sendJsonText(reply, uploadJson(saved.documentId, saved.version, saved.status === 'duplicate', json), saved.status === 'imported' ? 201 : 200);
    },
  );

  app.get(
    '/api/documents',
    {
      schema: {
        tags: ['documents'],
        summary: '列出文件（最新版本），可按单位、地区、年度、类型、问题级别筛选',
        querystring: z
          .object({ ...filterShape, severity: SeveritySchema.optional().describe('只列出有该级别检查发现的文件'), ...pageShape })
          .strict(),
        response: {
          200: z.object({ total: z.number().int(), items: z.array(documentSummary) }),
          ...errors(400),
        },
      },
    },
    async (req) => {
      const { limit, offset, ...filter } = req.query;
      return store.listDocuments(filter, { limit, offset });
    },
  );

  app.get(
    '/api/documents/:id',
    {
      schema: {
        tags: ['documents'],
        summary: '文件的检查结果，与 gongkai check --format json 的输出相同',
        params: idParams,
        querystring: versionQuery,
        response: { 200: checkResultSchema, ...errors(400, 404) },
      },
    },
    async (req, reply) => {
      const { id } = req.params;
      const { version } = req.query;
      const gz = await store.documentJsonGz(id, version);
      if (gz === null) throw notFound(id, version);
      reply.header('vary', 'accept-encoding');
      // Stored gzipped: a client that takes gzip gets the bytes as they are, without any work here.
      if (acceptsGzip(req.headers['accept-encoding'])) {
        return sendBytes(reply.header('content-encoding', 'gzip'), 'application/json; charset=utf-8', gz);
      }
      // Inflated as a stream (zlib works off the event loop): a huge result does not stall other requests.
      return sendStream(reply, 'application/json; charset=utf-8', Readable.from([gz]).pipe(createGunzip()));
    },
  );

  app.get(
    '/api/documents/:id/versions',
    {
      schema: {
        tags: ['documents'],
        summary: '文件的各个版本（旧版本保留）',
        params: idParams,
        response: { 200: z.array(versionSchema), ...errors(400, 404) },
      },
    },
    async (req) => {
      const { id } = req.params;
      const versions = await store.versions(id);
      if (!versions) throw notFound(id);
      return versions;
    },
  );

  app.get(
    '/api/documents/:id/findings',
    {
      schema: {
        tags: ['documents'],
        summary: '文件的检查发现',
        params: idParams,
        description: '省略 limit 时列出全部；给出 limit、offset 时分页。响应头 X-Total-Count 为（按 severity 筛选后）的总条数。',
        querystring: versionQuery.extend({
          severity: SeveritySchema.optional(),
          limit: z.coerce.number().int().min(1).max(10000).optional(),
          offset: z.coerce.number().int().min(0).optional(),
        }),
        response: { 200: z.array(findingSchema), ...errors(400, 404) },
      },
    },
    async (req, reply) => {
      const { id } = req.params;
      const { version, severity, limit, offset } = req.query;
      const findings = await store.findingsJson(id, { version, severity, limit, offset });
      if (!findings) throw notFound(id, version);
      reply.header('x-total-count', String(findings.total));
      return sendJsonText(reply, `[${findings.items.join(',')}]`);
    },
  );

  app.get(
    '/api/documents/:id/original',
    {
      schema: {
        tags: ['documents'],
        summary: '下载原始文件',
        params: idParams,
        querystring: versionQuery,
        produces: Object.values(CONTENT_TYPES),
        response: {
          200: z.string().meta({ format: 'binary' }).describe('原始文件（Content-Type 按文件格式，Content-Disposition 给出文件名）'),
          ...errors(400, 404),
        },
      },
    },
    async (req, reply) => {
      const { id } = req.params;
      const { version } = req.query;
      const file = await store.original(id, version);
      if (!file) throw notFound(id, version);
      reply
        .header('content-disposition', attachment(file.fileName, `document-${id}${extensionOf(file.format)}`))
        .header('x-content-type-options', 'nosniff')
        // An HTML original must not run in the API's origin if someone opens it in the browser.
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('etag', `"${file.sha256}"`);
      return sendBytes(reply, CONTENT_TYPES[file.format] ?? 'application/octet-stream', file.bytes);
    },
  );
};

/** True unless the client refuses gzip (q=0) or does not name it. */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

function notFound(id: number, version?: number): HttpError {
  return new HttpError(404, version === undefined ? `没有编号为 ${id} 的文件` : `文件 ${id} 没有第 ${version} 版`);
}
