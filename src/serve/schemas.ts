/**
 * The API's shapes as zod schemas: with the zod type provider (app.ts) they validate requests,
 * type each handler's `req.params` / `req.query` and its reply, and become the OpenAPI document.
 * The check result itself is not repeated here: it is the model's `CheckResultSchema`.
 * Amounts are JSON numbers in 万元 (exact: they are written from decimals).
 */
import { z } from 'zod';
import { DocumentKindSchema, FindingSchema, SeveritySchema } from '../model/disclosure.js';
import { CheckResultSchema } from '../model/json-schema.js';

export const errorSchema = z.object({ error: z.string() }).describe('出错时的说明（中文，一行）');

/** Error responses by status, all `{ "error": "…" }`. */
export const errors = (...codes: number[]): Record<number, typeof errorSchema> => Object.fromEntries(codes.map((c) => [c, errorSchema]));

/** A query or path integer: the URL carries text, the handler gets a number. */
const int = () => z.coerce.number().int();
const amount = z.number().nullable().describe('万元');

export const idParams = z.object({ id: int().min(1).describe('文档编号') });

export const versionQuery = z.object({ version: int().min(1).optional().describe('版本号；省略时为最新版本') }).strict();

export const kinds = DocumentKindSchema.options;
export const severities = SeveritySchema.options;

/** Filters shared by listings, aggregates and export. */
export const filterShape = {
  entity: z.string().min(1).max(200).optional().describe('单位名称（包含即可）'),
  entityId: int().min(1).optional().describe('单位编号'),
  region: z.string().min(1).max(100).optional().describe('地区，含其下各级（河北、石家庄市均含鹿泉区；行政区划目录不认识的名称按文件所印地区匹配）'),
  year: int().min(1990).max(2100).optional(),
  kind: DocumentKindSchema.optional(),
};

export const filterQuery = z.object(filterShape).strict();

export const pageShape = {
  limit: int().min(1).max(1000).default(50),
  offset: int().min(0).default(0),
};

export const findingCounts = z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() });

export const documentSummary = z.object({
  id: z.number().int(),
  entity: z.string().nullable(),
  entityId: z.number().int().nullable(),
  region: z.string().nullable(),
  level: z.string().nullable(),
  year: z.number().int().nullable(),
  kind: z.string(),
  title: z.string().nullable(),
  version: z.number().int(),
  versions: z.number().int(),
  versionId: z.number().int(),
  sha256: z.string(),
  format: z.string(),
  fileName: z.string(),
  pages: z.number().int().nullable(),
  findings: findingCounts,
  importedAt: z.iso.datetime(),
});

export const findingSchema = FindingSchema.describe('一条检查发现（与 gongkai check --format json 相同）');

/** The document JSON: the check result exactly as `gongkai check --format json` writes it. */
export const checkResultSchema = CheckResultSchema.describe(
  '检查结果：document 为类型化的公开文件模型（见 schema/check-result.schema.json），findings 为检查发现，profile 为所用规则配置',
);

export const uploadResponse = z
  .object({
    id: z.number().int(),
    version: z.number().int(),
    duplicate: z.boolean().describe('true：内容相同的文件已存在，未重复保存'),
  })
  .extend(CheckResultSchema.shape)
  .describe('上传结果：文档编号、版本，以及检查结果（document、findings、profile）');

export const versionSchema = z.object({
  version: z.number().int(),
  versionId: z.number().int(),
  sha256: z.string(),
  fileName: z.string(),
  format: z.string(),
  size: z.number().int(),
  pages: z.number().int().nullable(),
  importedAt: z.string(),
  current: z.boolean(),
  /** A check of several files together (the parts of one disclosure): the versions whose files it joins. */
  combines: z.array(z.number().int()).nullable().describe('合并检查的版本：同一公开分开发布的各部分（说明、表格）一起检查时，所合并文件的版本号'),
  findings: findingCounts,
});

const searchHit = z.object({
  id: z.number().int(),
  entityId: z.number().int().nullable(),
  entity: z.string().nullable(),
  year: z.number().int().nullable(),
  kind: z.string(),
  title: z.string().nullable(),
  matches: z.array(z.object({ field: z.enum(['entity', 'title', 'project', 'paragraph']), snippet: z.string() })),
});

export const searchResponse = z.object({
  query: z.string(),
  total: z.number().int().describe('匹配的文件数，最多数到 1000'),
  totalExact: z.boolean().describe('false：匹配的文件超过 1000 份，total 只是下限'),
  items: z.array(searchHit),
  groups: z.array(z.object({ entityId: z.number().int().nullable(), entity: z.string().nullable(), items: z.array(searchHit) })).describe('本页结果按单位分组'),
});

export const entitySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  region: z.string().nullable(),
  level: z.string().nullable(),
  code: z.string().nullable(),
  documents: z.number().int(),
});

export const classRow = z.object({
  kind: z.string(),
  year: z.number().int().nullable(),
  code: z.string(),
  name: z.string(),
  amount,
  entities: z.number().int(),
  documents: z.number().int(),
});

export const threePublicRow = z.object({
  kind: z.string(),
  year: z.number().int().nullable(),
  documents: z.number().int().describe('列有三公合计的文件数'),
  total: amount,
  abroad: amount,
  vehicle: amount,
  vehiclePurchase: amount,
  vehicleOperation: amount,
  reception: amount,
});

export const basicProjectRow = z.object({
  entityId: z.number().int().nullable(),
  entity: z.string().nullable(),
  region: z.string().nullable(),
  year: z.number().int().nullable(),
  kind: z.string(),
  expenditureTotal: amount,
  basic: amount,
  personnel: amount,
  public: amount,
  project: amount,
});

export const timelineRow = z.object({
  documentId: z.number().int(),
  year: z.number().int().nullable(),
  kind: z.string(),
  version: z.number().int(),
  title: z.string().nullable(),
  findings: findingCounts,
  amounts: z.record(z.string(), amount),
});
