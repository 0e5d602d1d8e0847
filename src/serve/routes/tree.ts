/**
 * The neutral tree of a stored original (paragraphs and tables with their places), so a client can
 * show a finding where it stands: the cell or sentence in the document as read, or its box on a
 * PDF page. Read again from the stored bytes (the store keeps the check result, not the tree);
 * the last few trees are kept in memory, as a reviewer opens finding after finding of one file.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readDocument, type Doc } from '../../read/index.js';
import type { Block } from '../../read/doc.js';
import type { Store } from '../../store/index.js';
import { HttpError } from '../errors.js';
import { errors, idParams, versionQuery } from '../schemas.js';

const KEEP = 6;

export const treeRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  const cache = new Map<string, Promise<Doc>>();

  app.get(
    '/api/documents/:id/tree',
    {
      schema: {
        tags: ['documents'],
        summary: '原件读取出的文档树：段落与表格（单元格），每个节点带位置（页、表、行、列，PDF 另有页面坐标框）',
        params: idParams,
        querystring: versionQuery,
        response: {
          200: z.object({ format: z.string(), pages: z.number().int().nullable(), blocks: z.array(z.custom<Block>((b) => typeof b === 'object' && b !== null).describe('段落或表格，带位置')) }).describe('文档树：format、pages 与 blocks（段落、表格）'),
          ...errors(400, 404, 422),
        },
      },
    },
    async (req, reply) => {
      const { id } = req.params;
      const { version } = req.query;
      const file = await store.original(id, version);
      if (!file) throw new HttpError(404, version === undefined ? `没有编号为 ${id} 的文件` : `文件 ${id} 没有第 ${version} 版`);
      let doc = cache.get(file.sha256);
      if (!doc) {
        doc = readDocument(Buffer.from(file.bytes), file.fileName);
        cache.set(file.sha256, doc);
        doc.catch(() => cache.delete(file.sha256));
        if (cache.size > KEEP) cache.delete(cache.keys().next().value!);
      }
      let tree: Doc;
      try {
        tree = await doc;
      } catch (e) {
        throw new HttpError(422, `${file.fileName}：${e instanceof Error ? e.message : String(e)}`);
      }
      reply.header('cache-control', 'private, max-age=3600');
      return { format: tree.source.format, pages: tree.source.pages ?? null, blocks: tree.blocks };
    },
  );
};
