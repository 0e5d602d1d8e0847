/**
 * A stored document's report in any of `check`'s formats: the original is checked again (the
 * rules as they are now, the profile chosen as at upload) and rendered — text, JSON, the workbook,
 * the printable page, the PDF report, the original PDF annotated, SARIF.
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkBytes } from '../../pipeline.js';
import { ReadError } from '../../read/doc.js';
import { EXTENSIONS, MEDIA_TYPES, renderReport, REPORT_FORMATS, ReportError } from '../../report/index.js';
import type { Store } from '../../store/index.js';
import { API_VERSION } from '../app.js';
import { HttpError } from '../errors.js';
import { errors, idParams } from '../schemas.js';

const reportQuery = z
  .object({
    format: z.enum(REPORT_FORMATS).default('html').describe('报告格式'),
    version: z.coerce.number().int().min(1).optional().describe('版本号；省略时为最新版本'),
  })
  .strict();

export const reportRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/documents/:id/report',
    {
      schema: {
        tags: ['documents'],
        summary: '检查报告：text、json、xlsx、html、pdf、annotated-pdf（原 PDF 上框出每条发现并附批注）或 sarif',
        params: idParams,
        querystring: reportQuery,
        produces: [...new Set(Object.values(MEDIA_TYPES))],
        response: {
          200: z.string().meta({ format: 'binary' }).describe('所选格式的报告（文本或二进制；Content-Disposition 给出文件名）'),
          ...errors(400, 404, 422),
        },
      },
    },
    async (req, reply) => {
      const { id } = req.params;
      const { format, version } = req.query;
      const file = await store.original(id, version);
      if (!file) throw new HttpError(404, version === undefined ? `没有编号为 ${id} 的文件` : `文件 ${id} 没有第 ${version} 版`);
      const bytes = Buffer.from(file.bytes);
      let body: string | Buffer;
      try {
        const result = await checkBytes(bytes, file.fileName);
        body = await renderReport([result], format, { version: API_VERSION, original: async () => bytes });
      } catch (e) {
        if (e instanceof ReadError || e instanceof ReportError) throw new HttpError(422, e instanceof ReadError ? `${file.fileName}：${e.message}` : e.message);
        throw e;
      }
      const base = file.fileName.replace(/\.[^.]+$/, '');
      const name = `${base}-检查报告${format === 'annotated-pdf' ? '-批注' : ''}.${EXTENSIONS[format]}`;
      reply.header('content-disposition', `attachment; filename="report.${EXTENSIONS[format]}"; filename*=UTF-8''${encodeURIComponent(name)}`);
      // The generated HTML has no scripts; should a browser open it in the API's origin, it still runs none.
      if (format === 'html') reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
      return sendReport(reply, MEDIA_TYPES[format], body);
    },
  );
};

/** Text or bytes as they are: the 200 schema documents the body, it does not serialise it. */
function sendReport(reply: FastifyReply, type: string, body: string | Buffer) {
  return reply.type(type).send(body);
}
