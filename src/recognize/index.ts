/**
 * From the neutral tree to the typed model: what kind of document, whose, which year; which
 * standard table each table is; the figures the prose states; projects, procurement, assets,
 * glossary; the self-evaluation tables. Nothing here knows a file format.
 */
import type { Disclosure, Finding, Loc, Project, SelfEvalProject, Unit } from '../model/disclosure.js';
import { emptyDisclosure } from '../model/empty.js';
import { squash, type Block, type Cell, type Doc, type Paragraph, type Table } from '../read/doc.js';
import { analyzeGrid } from './grid.js';
import { detectKind, detectTitle, detectYear, documentUnit, unitFrom } from './meta.js';
import { identifyEntity } from './identity.js';
import { notADisclosure } from './refusal.js';
import { claimsOf } from './narrative.js';
import { readParts } from './parts.js';
import { goalsListColumns, goalsListProjects, indicatorColumns, isProjectTitle, managedFundsHeading, opensProject, parseProjects } from './projects.js';
import { assignSections, type SectionKey } from './sections.js';
import { isSelfEvalTable, parseSelfEvalProject, parseSelfEvalProse } from './selfeval.js';
import { readStatements } from './statements.js';
import { giveEmptyTablesTheirNotes } from './empty-notes.js';
import { computeSummary } from './summary.js';
import { parseStdTable, TEXT_COLUMNS } from './tables.js';
import { unwrapLayoutTables } from './layout.js';
import { verifyTable } from './verify.js';
import { completeSectionCodes, dropColumnNumberRows } from './column-numbers.js';
import { metaAbove, notesBelow, precedingProjectTitle, tablesAfter, titleBefore } from './neighbours.js';
import { procurementItems, assetRows, orgUnits, isUnitsTable } from './parts-tables.js';

export interface Recognized {
  disclosure: Disclosure;
  /** What reading could not place or parse. */
  findings: Finding[];
  /** Why the document is no disclosure at all (a notice, a form, a portal page), or null. */
  refusal: string | null;
}

const SECTION_TABLE_TITLE: Partial<Record<SectionKey, string>> = {
  threePublic: '财政拨款“三公”经费表',
  procurement: '政府采购预算表',
  assets: '固定资产占用情况表',
  operatingCosts: '机关运行经费表',
};

export function recognize(doc: Doc): Recognized {
  const blocks = unwrapLayoutTables(doc.blocks);
  const sections = assignSections(blocks);
  const title = detectTitle(blocks);
  const tableMeta = blocks.flatMap((b, i) => (b.type === 'table' ? [...metaAbove(blocks, i), ...analyzeGrid(b).metaTexts] : []));
  const bodySample = blocks.slice(0, 400).map((b) => (b.type === 'paragraph' ? b.text : b.rows.flat().map((c) => c.text).join(' '))).join('\n');
  const kind = detectKind(title ?? '', bodySample);
  const year = detectYear(title ?? '', tableMeta, tableTitles(blocks));
  const defaultUnit: Unit = documentUnit(blocks, tableMeta);

  const d = emptyDisclosure(doc.source, kind);
  d.title = title;
  d.year = year;
  d.unit = defaultUnit;
  const findings: Finding[] = [];
  const ctx = { year, defaultUnit };
  const consumed = new Set<number>();
  const selfEvalProjects: SelfEvalProject[] = [];

  // Under a heading of 部门主管专项资金, the forms are of money the department manages for others.
  let managedFunds = false;
  const pushProject = (p: Project) => d.projects.push(managedFunds ? { ...p, managedFund: true } : p);
  blocks.forEach((b, i) => {
    if (consumed.has(i)) return;
    const section = sections[i];
    if (b.type === 'paragraph') {
      managedFunds = managedFundsHeading(b.text) ?? managedFunds;
      if (isProjectTitle(b.text) && kind !== 'self-evaluation') {
        const group = tablesAfter(blocks, i);
        group.forEach((k) => consumed.add(k));
        if (group.length) parseProjects(b.text, group.flatMap((k) => (blocks[k] as Table).rows), defaultUnit, { ...b.loc }).forEach(pushProject);
        return;
      }
      d.paragraphs.push({ text: b.text, section: section ?? null, loc: { ...b.loc } });
      if (kind !== 'self-evaluation') d.claims.push(...claimsOf(b, section, kind));
      return;
    }
    const rows = b.rows;
    if (isSelfEvalTable(rows)) {
      selfEvalProjects.push(parseSelfEvalProject(rows, defaultUnit, { ...b.loc }));
      return;
    }
    const projectTitle = rows[0]?.find((c) => isProjectTitle(c.text));
    if (projectTitle || rows.some((r) => indicatorColumns(r))) {
      const after = tablesAfter(blocks, i);
      // A table that opens another project's form ends this one.
      const next = after.findIndex((k) => opensProject((blocks[k] as Table).rows));
      const group = [i, ...(next < 0 ? after : after.slice(0, next))];
      group.forEach((k) => consumed.add(k));
      const name = projectTitle?.text ?? precedingProjectTitle(blocks, i);
      parseProjects(name, group.flatMap((k) => (blocks[k] as Table).rows), defaultUnit, { ...b.loc }).forEach(pushProject);
      return;
    }
    // A list of projects with their goals (项目支出绩效表, one row per project): the projects, without forms.
    const goalsList = goalsListColumns(rows);
    if (goalsList) {
      const unit = [...metaAbove(blocks, i), ...analyzeGrid(b).metaTexts].map(unitFrom).find((u) => u) ?? defaultUnit;
      goalsListProjects(rows, goalsList, unit).forEach(pushProject);
      return;
    }
    if (isUnitsTable(rows)) {
      d.units.push(...orgUnits(rows));
      return;
    }
    const tableTitle = titleBefore(blocks, i) ?? (section ? (SECTION_TABLE_TITLE[section] ?? null) : null);
    const parsed = parseStdTable(b, tableTitle, ctx, notesBelow(blocks, i), metaAbove(blocks, i));
    if (!parsed) {
      if (hasFigures(rows)) findings.push(unplacedTable(b, tableTitle));
      return;
    }
    d.tables.push(parsed.table);
    if (parsed.table.kind === 'procurement') {
      d.procurement.items.push(...procurementItems(parsed.table));
      d.procurement.unit = parsed.table.unit;
    }
    if (parsed.table.kind === 'assets') {
      d.assets.rows.push(...assetRows(parsed.table));
      d.assets.asOf ??= parsed.grid.metaTexts.map((t) => /截止(?:时间|日期)[:：]?\s*(.+)$/.exec(t)?.[1]).find((x) => x) ?? null;
    }
  });

  giveEmptyTablesTheirNotes(d, blocks);
  readParts(d, blocks, sections);
  if (kind !== 'self-evaluation') readStatements(d, blocks, sections);
  identifyEntity(d, blocks);
  if (kind === 'self-evaluation') {
    d.selfEvaluation = { ...parseSelfEvalProse(paragraphsOf(blocks)), projects: selfEvalProjects };
  }
  d.summary = computeSummary(d);
  findings.push(...unparsedFigures(d), ...verifyTables(d));
  return { disclosure: d, findings, refusal: notADisclosure(d, blocks) };
}

/**
 * Each table's reading checked against its own identities; a table read with uncertainty is said
 * once, and the rules that compare figures leave it alone (rules/lib/trusted.ts).
 */
function verifyTables(d: Disclosure): Finding[] {
  const out: Finding[] = [];
  for (const t of d.tables) {
    dropColumnNumberRows(t);
    completeSectionCodes(t);
    t.reading = verifyTable(t);
    if (t.reading.status !== 'uncertain') continue;
    const name = t.title.replace(/\s+/g, '') || t.kind;
    out.push({
      rule: 'read/table-uncertain',
      severity: 'info',
      message: `《${name}》的读取无法由表内勾稽关系确认：${t.reading.reason}。该表的数字未参与核对`,
      location: { ...t.loc, where: `《${name}》` },
    });
  }
  return out;
}

/** The titles printed above the tables ("2019年政府采购预算表"). */
function tableTitles(blocks: Block[]): string[] {
  return blocks.flatMap((b, i) => (b.type === 'table' ? [titleBefore(blocks, i) ?? ''] : [])).filter(Boolean);
}

function paragraphTexts(blocks: Block[]): string[] {
  return blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
}

function paragraphsOf(blocks: Block[]): Paragraph[] {
  return blocks.filter((b): b is Paragraph => b.type === 'paragraph');
}

function hasFigures(rows: Cell[][]): boolean {
  return rows.some((r) => r.some((c) => /^\d[\d,]*\.\d{2}$/.test(squash(c.text))));
}

function unplacedTable(b: Table, title: string | null): Finding {
  return {
    rule: 'read/unplaced-table',
    severity: 'warning',
    message: `有一张表格${title ? `（${title}）` : ''}含有金额，但未能识别为任何标准表格，其数字未纳入检查`,
    location: { ...b.loc, where: title ?? `第 ${(b.loc.table ?? 0) + 1} 张表格` },
  };
}

const PERCENT = /^[+-]?\d+(?:\.\d+)?[%％]$/;

/**
 * A column the header gave an amount's name whose every cell is a percentage (a second 增减额 |
 * 增减(%) pair under a band the header did not place) holds no amount: nothing of it is lost.
 */
function percentColumn(t: Disclosure['tables'][number], key: string): boolean {
  let texts = 0;
  for (const r of t.rows) {
    if (r.values[key as keyof typeof r.values]) return false;
    const text = r.texts?.[key];
    if (text === undefined) continue;
    if (!PERCENT.test(text.replace(/\s+/g, ''))) return false;
    texts++;
  }
  return texts >= 2;
}

/** Figures in amount columns that are words: reported, so nothing is silently dropped. */
function unparsedFigures(d: Disclosure): Finding[] {
  const out: Finding[] = [];
  for (const t of d.tables) {
    for (const r of t.rows) {
      for (const [key, text] of Object.entries(r.texts ?? {})) {
        if (TEXT_COLUMNS.has(key) || percentColumn(t, key)) continue;
        const loc: Loc = { ...r.loc };
        out.push({
          rule: 'read/unparsed-figure',
          severity: 'warning',
          message: `${t.title || t.kind}「${r.name || r.code || ''}」行的“${t.columns.find((c) => c.key === key)?.label ?? key}”栏“${text}”不是数字，无法核对`,
          location: { ...loc, where: `${t.title} / ${r.name} / ${key}` },
        });
      }
    }
  }
  return out;
}
