/**
 * One document, one model: each seed exists as .txt, .docx and .pdf (both made from the .txt),
 * and all three give the same summary, tables, projects and the rest of the model — locations,
 * the source file and column labels aside, paragraphs compared without their whitespace (a PDF's
 * text layer keeps no spaces between Chinese characters).
 *
 * The one exception is the PDF of seed 004: LibreOffice drew each 项目支出绩效自评表 with its
 * funding rows and its indicator rows run together into a few cells ("数：0.5到位数：0.5执行数：
 * 0.5100", "产出指标（40）数量指标指标1：开展理论学习≥6次12次10" in one row of nine cells), so
 * the file itself no longer says which figure is which. For that PDF the self-evaluation projects
 * are compared by what it still prints apart (name, unit, total score, problems) and the run-together
 * cells are asserted, so the exception stays visible.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Disclosure } from '../../src/model/disclosure.js';
import { squash, type Doc } from '../../src/read/doc.js';
import { readDocumentFile } from '../../src/read/index.js';
import { recognize, type Recognized } from '../../src/recognize/index.js';
import { SEED, seed, sharedOnly } from '../helpers/shared.js';
import { comparable } from './expect.js';

const FORMATS = ['txt', 'docx', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

const docs = new Map<string, Promise<Doc>>();
function doc(file: string): Promise<Doc> {
  if (!docs.has(file)) docs.set(file, readDocumentFile(seed(file)));
  return docs.get(file)!;
}
const models = new Map<string, Promise<Recognized>>();
function model(file: string): Promise<Recognized> {
  if (!models.has(file)) models.set(file, doc(file).then(recognize));
  return models.get(file)!;
}

type Plain = Record<string, unknown>;
const plain = (d: Disclosure) => comparable(d) as Plain;

/** Self-evaluation projects by what seed 004's PDF still prints apart. */
function selfEvalApart(d: Disclosure): unknown {
  return d.selfEvaluation?.projects.map((p) => [p.name, p.unit, p.totalScore?.raw ?? null, p.problems]);
}

function exception(name: string, format: Format): boolean {
  return name === SEED.yuanshi && format === 'pdf';
}

for (const name of Object.values(SEED)) {
  describe(`seed ${name}: .txt, .docx and .pdf give one model`, sharedOnly, () => {
    const all = () => Promise.all(FORMATS.map((f) => model(`${name}.${f}`).then((r) => r.disclosure)));

    test('kind, year, title, entity, unit and summary', async () => {
      const [txt, ...others] = (await all()).map(plain);
      const head = (p: Plain) => ({ kind: p.kind, year: p.year, title: p.title, entity: p.entity, unit: p.unit, summary: p.summary });
      for (const o of others) assert.deepEqual(head(o), head(txt));
    });

    test('tables: kinds, rows, codes and values', async () => {
      const [txt, ...others] = (await all()).map(plain);
      assert.ok(Array.isArray(txt.tables));
      for (const o of others) assert.deepEqual(o.tables, txt.tables);
    });

    test('projects: names, codes, budgets, plans, goals and indicators', async () => {
      const [txt, ...others] = (await all()).map(plain);
      for (const o of others) assert.deepEqual(o.projects, txt.projects);
    });

    test('claims, statements, procurement, assets, glossary, duties, goals and self-evaluation', async () => {
      const [txt, docx, pdf] = await all();
      /** `apart`: the self-evaluation projects by what seed 004's PDF prints apart. */
      const rest = (d: Disclosure, apart: boolean) => {
        const { tables: _t, projects: _p, paragraphs, selfEvaluation, ...p } = plain(d) as Plain & { paragraphs: { text: string; section: string | null }[]; selfEvaluation: Plain | null };
        const se = selfEvaluation && apart ? { ...selfEvaluation, projects: selfEvalApart(d) } : selfEvaluation;
        return { ...p, selfEvaluation: se, paragraphs: paragraphs.map((x) => [squash(x.text), x.section]) };
      };
      assert.deepEqual(rest(docx, false), rest(txt, false), 'docx');
      const apart = exception(name, 'pdf');
      assert.deepEqual(rest(pdf, apart), rest(txt, apart), 'pdf');
    });

    if (name === SEED.yuanshi) {
      test('the exception: the PDF runs each 自评表’s funding and indicator rows together', async () => {
        const pdf = await doc(`${name}.pdf`);
        const cells = pdf.blocks.flatMap((b) => (b.type === 'table' ? b.rows.flat().map((c) => squash(c.text)) : []));
        assert.ok(cells.includes('数：0.5到位数：0.5执行数：0.5100'), 'funding figures in one cell');
        assert.ok(cells.includes('产出指标（40）数量指标指标'), 'indicator levels run together');
        assert.ok(cells.includes('1：开展理论学习≥6次12次10'), 'an indicator, its target, actual and score in one cell');
        const txt = (await model(`${name}.txt`)).disclosure;
        assert.equal(txt.selfEvaluation?.projects[0].indicators[0].target.raw, '≥6 次', 'the .txt keeps them apart');
      });
    }
  });
}
