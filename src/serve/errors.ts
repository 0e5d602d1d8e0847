/**
 * Every error leaves the API as `{ "error": "…" }`: one Chinese line, the right status, no stack.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { validationMessage } from './validation.js';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function installErrorHandling(app: FastifyInstance, maxUploadBytes: number): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const { status, message } = describe(err, maxUploadBytes);
    if (status >= 500) req.log.error({ err }, 'request failed');
    return reply.code(status).type('application/json; charset=utf-8').send({ error: message });
  });
  app.setNotFoundHandler((req, reply) => {
    return reply.code(404).send({ error: `没有这个接口：${req.method} ${req.url.split('?')[0]}` });
  });
}

function describe(err: FastifyError, maxUploadBytes: number): { status: number; message: string } {
  if (err instanceof HttpError) return { status: err.statusCode, message: err.message };
  if (err.validation) return { status: 400, message: `请求参数不合法：${validationMessage(err.validation, err.validationContext)}` };
  switch (err.code) {
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, message: `文件过大（上限 ${size(maxUploadBytes)}）` };
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return { status: 413, message: '一次只能上传一个文件' };
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, message: '不支持的请求类型：上传请用 multipart/form-data' };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, message: '请求体不合法' };
  }
  const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
  if (status < 500) return { status, message: `请求无法处理：${err.message.split('\n')[0]}` };
  return { status, message: '服务器内部错误，请稍后重试' };
}

function size(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.round(n / 1024)} KB`;
}
