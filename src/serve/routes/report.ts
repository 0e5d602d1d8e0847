/**
 * A stored document's report in any of `check`'s formats: the original is checked again (the
 * rules as they are now, the profile chosen as at upload) and rendered — text, JSON, the workbook,
 * the printable page, the PDF report, the original PDF annotated, SARIF.
 */
import type { FastifyInstance } from 'fastify';
import { checkBytes } from '../../pipeline.js';
import { ReadError } from '../../read/doc.js';
import { EXTENSIONS, MEDIA_TYPES, renderReport, REPORT_FORMATS, ReportError, type ReportFormat } from '../../report/index.js';
import type { Store } from '../../store/index.js';
import { API_VERSION } from '../app.js';
import { HttpError } from '../errors.js';
import { errors, idParams } from '../schemas.js';

export async function reportRoutes(app: FastifyInstance, { store }: { store: Store }): Promise<void> {
  app.get(
    '/api/documents/:id/report',
    {
      schema: {
        tags: ['documents'],
        summary: '检查报告：text、json、xlsx、html、pdf、annotated-pdf（原 PDF 上框出每条发现并附批注）或 sarif',
        params: idParams,
        querystring: {
          type: 'object',
          properties: {
            format: { type: 'string', enum: [...REPORT_FORMATS], default: 'html' },
            version: { type: 'integer', minimum: 1, description: '版本号；省略时为最新版本' },
          },
          additionalProperties: false,
        },
        produces: Object.values(MEDIA_TYPES),
        response: { 200: { description: '所选格式的报告（文本或二进制）' }, ...errors(400, 404, 422) },
      },
    },
    async (req, reply) => {
      const { id } = req.params as { id: number };
      const { format, version } = req.query as { format: ReportFormat; version?: number };
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
      return reply
        .type(MEDIA_TYPES[format])
        .header('content-disposition', `attachment; filename="report.${EXTENSIONS[format]}"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(body);
    },
  );
}
