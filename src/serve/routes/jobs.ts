/**
 * Progress of imports through the job queue (`gongkai import --queue` and `gongkai worker`, src/queue/):
 * per batch, how many files wait, are being checked, were stored, were already there or failed, and
 * why those failed. File names only: where a file lay on the enqueuing machine is not told.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Store } from '../../store/index.js';
import { errors } from '../schemas.js';

const count = z.number().int().min(0);

const batch = z.object({
  batch: z.string().describe('批次名（gongkai import --queue 打印）'),
  createdAt: z.string().describe('排队时间（ISO，UTC）'),
  updatedAt: z.string().describe('最近一次变化的时间'),
  total: count,
  queued: count.describe('排队等待'),
  active: count.describe('工作进程处理中（进程中断的文件超时后交给其他工作进程）'),
  imported: count.describe('已存入'),
  duplicate: count.describe('内容相同的文件已在库中，未重复存储'),
  failed: count.describe('无法读取或检查，或多次中断后放弃'),
});

const failure = z.object({
  id: z.number().int(),
  batch: z.string(),
  fileName: z.string(),
  reason: z.string().describe('失败原因（中文，一行）'),
  attempts: z.number().int().describe('处理次数'),
});

export const jobRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/jobs',
    {
      schema: {
        tags: ['documents'],
        summary: '任务队列导入的进度：每批文件排队、处理中、已导入、已存在、失败的数量，及失败的文件和原因（PostgreSQL 上由 gongkai worker 处理）',
        querystring: z
          .object({
            batch: z.string().min(1).max(100).optional().describe('只看这一批'),
            limit: z.coerce.number().int().min(1).max(200).default(20).describe('批次数'),
            offset: z.coerce.number().int().min(0).default(0),
          })
          .strict(),
        response: { 200: z.object({ total: z.number().int().describe('批次总数'), batches: z.array(batch), failures: z.array(failure).describe('失败的文件（最多 100 个）') }), ...errors(400, 401) },
      },
    },
    async (req) => {
      const { batch: name, limit, offset } = req.query;
      const progress = await store.importJobs.progress({ batch: name }, { limit, offset });
      const failures = await store.importJobs.failures({ batch: name });
      return { ...progress, failures };
    },
  );
};
