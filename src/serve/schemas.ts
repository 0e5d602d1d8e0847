/**
 * JSON schemas of the API: they validate requests, shape responses and become the OpenAPI document.
 * Amounts are JSON numbers in 万元 (exact: they are written from decimals).
 */

export const errorSchema = {
  type: 'object',
  description: '出错时的说明（中文，一行）',
  required: ['error'],
  properties: { error: { type: 'string' } },
} as const;

export const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, errorSchema]));

const nullableString = { type: ['string', 'null'] } as const;
const nullableInteger = { type: ['integer', 'null'] } as const;
const amount = { type: ['number', 'null'], description: '万元' } as const;

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1, description: '文档编号' } },
} as const;

export const versionQuery = {
  type: 'object',
  properties: { version: { type: 'integer', minimum: 1, description: '版本号；省略时为最新版本' } },
  additionalProperties: false,
} as const;

export const kinds = ['budget', 'final-accounts', 'self-evaluation'] as const;
export const severities = ['error', 'warning', 'info'] as const;

/** Filters shared by listings, aggregates and export. */
export const filterProperties = {
  entity: { type: 'string', minLength: 1, maxLength: 200, description: '单位名称（包含即可）' },
  entityId: { type: 'integer', minimum: 1, description: '单位编号' },
  region: { type: 'string', minLength: 1, maxLength: 100, description: '地区（完全一致）' },
  year: { type: 'integer', minimum: 1990, maximum: 2100 },
  kind: { type: 'string', enum: kinds },
} as const;

export const pageProperties = {
  limit: { type: 'integer', minimum: 1, maximum: 1000, default: 50 },
  offset: { type: 'integer', minimum: 0, default: 0 },
} as const;

export const findingCounts = {
  type: 'object',
  properties: { error: { type: 'integer' }, warning: { type: 'integer' }, info: { type: 'integer' } },
} as const;

export const documentSummary = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    entity: nullableString,
    entityId: nullableInteger,
    region: nullableString,
    level: nullableString,
    year: nullableInteger,
    kind: { type: 'string' },
    title: nullableString,
    version: { type: 'integer' },
    versions: { type: 'integer' },
    versionId: { type: 'integer' },
    sha256: { type: 'string' },
    format: { type: 'string' },
    fileName: { type: 'string' },
    pages: nullableInteger,
    findings: findingCounts,
    importedAt: { type: 'string', format: 'date-time' },
  },
} as const;

export const findingSchema = {
  type: 'object',
  description: '一条检查发现（与 gongkai check --format json 相同）',
  required: ['rule', 'severity', 'message', 'location'],
  properties: {
    rule: { type: 'string' },
    severity: { type: 'string', enum: severities },
    message: { type: 'string' },
    location: { type: 'object', additionalProperties: true },
  },
  additionalProperties: true,
} as const;

/** The document JSON: the check result exactly as `gongkai check --format json` writes it. */
export const checkResultSchema = {
  type: 'object',
  description: '检查结果：document 为类型化的公开文件模型（见 schema/disclosure.schema.json），findings 为检查发现',
  required: ['document', 'findings'],
  properties: {
    document: { type: 'object', additionalProperties: true },
    findings: { type: 'array', items: findingSchema },
  },
} as const;

export const uploadResponse = {
  type: 'object',
  description: '上传结果：文档编号、版本，以及检查结果（document、findings）',
  required: ['id', 'version', 'duplicate', 'document', 'findings'],
  properties: {
    id: { type: 'integer' },
    version: { type: 'integer' },
    duplicate: { type: 'boolean', description: 'true：内容相同的文件已存在，未重复保存' },
    document: { type: 'object', additionalProperties: true },
    findings: { type: 'array', items: findingSchema },
  },
} as const;

export const versionSchema = {
  type: 'object',
  properties: {
    version: { type: 'integer' },
    versionId: { type: 'integer' },
    sha256: { type: 'string' },
    fileName: { type: 'string' },
    format: { type: 'string' },
    size: { type: 'integer' },
    pages: nullableInteger,
    importedAt: { type: 'string' },
    current: { type: 'boolean' },
    findings: findingCounts,
  },
} as const;

export const searchResponse = {
  type: 'object',
  properties: {
    query: { type: 'string' },
    total: { type: 'integer', description: '匹配的文件数，最多数到 1000' },
    totalExact: { type: 'boolean', description: 'false：匹配的文件超过 1000 份，total 只是下限' },
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          entity: nullableString,
          year: nullableInteger,
          kind: { type: 'string' },
          title: nullableString,
          matches: {
            type: 'array',
            items: { type: 'object', properties: { field: { type: 'string', enum: ['entity', 'title', 'project', 'paragraph'] }, snippet: { type: 'string' } } },
          },
        },
      },
    },
  },
} as const;

export const entitySchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    region: nullableString,
    level: nullableString,
    code: nullableString,
    documents: { type: 'integer' },
  },
} as const;

export const classRow = {
  type: 'object',
  properties: {
    kind: { type: 'string' },
    year: nullableInteger,
    code: { type: 'string' },
    name: { type: 'string' },
    amount,
    entities: { type: 'integer' },
    documents: { type: 'integer' },
  },
} as const;

export const threePublicRow = {
  type: 'object',
  properties: {
    kind: { type: 'string' },
    year: nullableInteger,
    documents: { type: 'integer', description: '列有三公合计的文件数' },
    total: amount,
    abroad: amount,
    vehicle: amount,
    vehiclePurchase: amount,
    vehicleOperation: amount,
    reception: amount,
  },
} as const;

export const basicProjectRow = {
  type: 'object',
  properties: {
    entityId: nullableInteger,
    entity: nullableString,
    region: nullableString,
    year: nullableInteger,
    kind: { type: 'string' },
    expenditureTotal: amount,
    basic: amount,
    personnel: amount,
    public: amount,
    project: amount,
  },
} as const;

export const timelineRow = {
  type: 'object',
  properties: {
    documentId: { type: 'integer' },
    year: nullableInteger,
    kind: { type: 'string' },
    version: { type: 'integer' },
    title: nullableString,
    findings: findingCounts,
    amounts: { type: 'object', additionalProperties: amount },
  },
} as const;
