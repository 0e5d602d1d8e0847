/**
 * The whole disclosure as blocks: the template's sections in order, each part's paragraphs from
 * the narrative writer, the standard tables where the template prints them, the units table, one
 * 绩效目标表 per project, the procurement and assets tables in their parts.
 */
import { fmt } from '../model/money.js';
import { heading, para, type Block, type Cell, type GenDocument, type GenTable } from './blocks.js';
import type { Dataset, ProjectInput } from './dataset.js';
import { computeFigures, type Figures } from './figures.js';
import { partParagraphs } from './narrative.js';
import { standardTables } from './tables.js';
import { fill, template as templateById, TemplateError, type PartId, type Template } from './templates/index.js';

const t = (text: string, opts: Partial<Cell> = {}): Cell => ({ text, align: 'left', ...opts });
const label = (text: string, span = 1): Cell => ({ text, bold: true, align: 'center', span });

function unitsTable(d: Dataset): GenTable {
  return {
    kind: 'other',
    title: '部门机构设置情况',
    caption: ['', ''],
    header: [[{ text: '单位名称' }, { text: '单位性质' }, { text: '单位规格' }, { text: '经费保障形式' }]],
    body: d.units.map((u) => [t(u.name), t(u.nature, { align: 'center' }), t(u.rank, { align: 'center' }), t(u.funding, { align: 'center' })]),
    widths: [40, 14, 14, 18],
    wide: false,
  };
}

/** One project's 绩效目标表, in the layout the recognizer and the templates share. */
export function projectTable(d: Dataset, p: ProjectInput): GenTable {
  const fiscal = p.fiscalFunds ?? p.budget;
  const other = p.budget.minus(fiscal);
  const body: Cell[][] = [
    [label('项目名称'), t(p.name, { span: 5 })],
    [label('预算单位'), t(p.unit ?? d.entity.name, { span: 5 })],
    [label('预算数'), { amount: p.budget, align: 'right' }, label('其中：财政资金'), { amount: fiscal, align: 'right' }, label('其他资金'), { amount: other, align: 'right' }],
  ];
  if (p.purpose) body.push([label('资金用途'), t(p.purpose, { span: 5 })]);
  body.push([label('绩效目标'), t(p.goals.map((g, i) => `${i + 1}.${g}`).join('') || '—', { span: 5 })]);
  body.push(['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'].map((x) => label(x)));
  for (const i of p.indicators) body.push([t(i.level1), t(i.level2), t(i.level3), t(i.description ?? i.level3), t(i.target, { align: 'center' }), t(i.basis ?? '', { align: 'center' })]);
  return { kind: 'other', title: '', caption: ['', '单位：万元'], header: [], body, widths: [12, 14, 20, 22, 14, 14], wide: false };
}

function partBlocks(part: PartId, d: Dataset, f: Figures, tpl: Template, tables: ReturnType<typeof standardTables>): Block[] {
  const ctx = { d, f, t: tpl };
  switch (part) {
    case 'tables':
      return tpl.tableOrder.flatMap((id) => {
        const table = tables[id];
        return table ? [{ type: 'table', table } as Block] : [];
      });
    case 'duties':
      return [para(tpl.phrases.dutiesLead), ...d.duties.map((x) => para(x))];
    case 'units':
      return d.units.length ? [para(fill(tpl.phrases.unitsLead, { entity: d.entity.name, year: d.year, count: d.units.length })), { type: 'table', table: unitsTable(d) }] : [];
    case 'projects': {
      const out: Block[] = [];
      const withForms = d.projects.filter((p) => p.indicators.length);
      if (!withForms.length) return out;
      out.push(heading('项目绩效目标表', 2));
      withForms.forEach((p, i) => {
        out.push(heading(`${i + 1}、${d.year}年${p.name}绩效目标表`, 3));
        out.push({ type: 'table', table: projectTable(d, p) });
      });
      return out;
    }
    case 'procurement':
      return [...partParagraphs(part, ctx), { type: 'table', table: tables.procurement! }];
    case 'assets':
      return tables.assets ? [...partParagraphs(part, ctx), { type: 'table', table: tables.assets }] : partParagraphs(part, ctx);
    case 'glossary':
      return d.glossary.map((g, i) => para(`${i + 1}、${g.term}：${g.definition.replace(/^[：:]/, '')}`));
    default:
      return partParagraphs(part, ctx);
  }
}

export interface ComposeOptions {
  template?: string;
  draft?: boolean;
}

export function defaultTemplate(d: Dataset): string {
  return d.kind === 'final-accounts' ? 'national-final' : 'hebei-2022';
}

export function compose(d: Dataset, opts: ComposeOptions = {}): GenDocument {
  const tpl = templateById(opts.template ?? defaultTemplate(d));
  const KIND = { budget: '部门预算', 'final-accounts': '部门决算' };
  if (tpl.kind !== d.kind) throw new TemplateError(`模板“${tpl.id}”用于${KIND[tpl.kind]}，数据为${KIND[d.kind]}数据`);
  const f = computeFigures(d);
  const tables = standardTables({ d, f, t: tpl });
  const title = fill(tpl.title, { entity: d.entity.name, year: d.year });
  const blocks: Block[] = [{ type: 'title', text: title }];
  for (const s of tpl.sections) {
    blocks.push(heading(fill(s.heading, { year: d.year, entity: d.entity.name }), 1));
    for (const part of s.parts) {
      const id = typeof part === 'string' ? part : part.part;
      if (typeof part !== 'string') blocks.push(heading(part.heading, 2));
      blocks.push(...partBlocks(id, d, f, tpl, tables));
    }
  }
  return { title, blocks, draft: opts.draft ?? false };
}

export { fmt };
