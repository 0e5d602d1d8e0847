/**
 * GET /api/documents/:id/report?format=: the formats of `check`, over a stored original — the
 * workbook with numbers as numbers, the printable page, SARIF; a PDF-only format of a Word file and
 * an unknown document say why in Chinese.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/serve/index.js';
import type { Store } from '../../src/store/index.js';
import { SEED, seed, sharedOnly } from '../helpers/shared.js';
import { backends } from '../store/backends.js';
import { upload } from './multipart.js';

const sqlite = backends('apireport').find((b) => b.name === 'sqlite')!;

describe('reports through the API', { ...sharedOnly, skip: sharedOnly.skip ?? sqlite.skip }, () => {
  let store: Store;
  let app: FastifyInstance;
  let pdfId: number;
  let docxId: number;
  before(async () => {
    store = await sqlite.open();
    app = await buildApp({ store, workers: 0 });
    const name = `${SEED.xushui}.pdf`;
    const a = await app.inject({ method: 'POST', url: '/api/documents', ...upload(name, readFileSync(seed(name))) });
    pdfId = a.json().id;
    const b = await app.inject({ method: 'POST', url: '/api/documents', ...upload(`${SEED.luquan}.docx`, readFileSync(seed(`${SEED.luquan}.docx`))) });
    docxId = b.json().id;
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  test('xlsx: a workbook with the findings, amounts as numbers', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/documents/${pdfId}/report?format=xlsx` });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.match(String(res.headers['content-disposition']), /filename\*=UTF-8''.*%E6%A3%80%E6%9F%A5%E6%8A%A5%E5%91%8A\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('检查发现')!;
    const change = ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(3).value === 'narrative/change-sum')!;
    assert.equal(change.getCell(8).value, -21.69);
    assert.equal(change.getCell(8).type, ExcelJS.ValueType.Number);
  });

  test('html (the default) and sarif', async () => {
    const html = await app.inject({ method: 'GET', url: `/api/documents/${pdfId}/report` });
    assert.equal(html.statusCode, 200);
    assert.match(String(html.headers['content-type']), /^text\/html/);
    assert.match(html.body, /中共保定市徐水区委网络安全和信息化委员会办公室/);
    assert.match(html.body, /第 8 页 第 25 行，“第七部分：国有资产信息”下/);
    const sarif = await app.inject({ method: 'GET', url: `/api/documents/${pdfId}/report?format=sarif` });
    assert.equal(sarif.json().version, '2.1.0');
    assert.ok(sarif.json().runs[0].results.length > 0);
  });

  test('annotated-pdf of a Word file: 422 with the reason; unknown id 404; unknown format 400', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/documents/${docxId}/report?format=annotated-pdf` });
    assert.equal(res.statusCode, 422);
    assert.match(res.json().error, /annotated-pdf 只适用于 PDF 文件（此文件为 docx）/);
    assert.equal((await app.inject({ method: 'GET', url: '/api/documents/999999/report' })).statusCode, 404);
    assert.equal((await app.inject({ method: 'GET', url: `/api/documents/${pdfId}/report?format=docx` })).statusCode, 400);
  });
});
