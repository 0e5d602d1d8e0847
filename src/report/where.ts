/**
 * Where a finding is, in words a person can follow with the document open: the page (PDF), the
 * line (text file), the sheet and cell (Excel); then the table's name, the row's code and name and
 * the column's header for a table cell, or the section heading and the sentence for prose.
 * Built from the finding's structured location and the recognised document, so it says the same
 * whatever rule reported the finding; the rule's own place text is the fallback.
 */
import type { Disclosure, Finding, Row, StdTable } from '../model/disclosure.js';
import { partAt, type DocPart } from '../read/join.js';

/** The parts of a place, each as a person reads it (all Chinese or as printed). */
export interface Place {
  /** The file, when several files were checked as the parts of one disclosure. */
  file?: string;
  page?: number;
  line?: number;
  sheet?: string;
  /** Excel cell address, e.g. B12. */
  cell?: string;
  table?: string;
  row?: string;
  column?: string;
  section?: string;
  sentence?: string;
  /** The rule's own description, when nothing more precise was found. */
  detail?: string;
}

/** A heading of the 说明: 第一部分…, 一、…, （一）…, 1.…, or a short line without a full stop. */
const HEADING = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d{1,2}[、.．](?!\d))/;
/** Paragraph numbers and internal section keys that earlier rule texts put in their places. */
const PARAGRAPH_NO = /说明第\s*\d+\s*段(（[A-Za-z.]+）)?/;
const ENGLISH_KEY = /（[A-Za-z][A-Za-z.]*）/g;

const SENTENCE_MAX = 60;

interface Index {
  cells: Map<string, { t: StdTable; row: Row; key?: string }>;
  tables: Map<number, StdTable>;
  paragraphs: Map<number, number>;
}

const indexes = new WeakMap<Disclosure, Index>();

function index(doc: Disclosure): Index {
  let ix = indexes.get(doc);
  if (ix) return ix;
  ix = { cells: new Map(), tables: new Map(), paragraphs: new Map() };
  for (const t of doc.tables) {
    if (t.loc.table !== undefined && !ix.tables.has(t.loc.table)) ix.tables.set(t.loc.table, t);
    for (const row of t.rows) {
      if (row.loc.table !== undefined && row.loc.row !== undefined) {
        const k = `${row.loc.table}:${row.loc.row}`;
        if (!ix.cells.has(k)) ix.cells.set(k, { t, row });
        if (!ix.tables.has(row.loc.table)) ix.tables.set(row.loc.table, t);
      }
      for (const [key, f] of Object.entries(row.values)) {
        if (f && f.loc.table !== undefined && f.loc.row !== undefined && f.loc.col !== undefined) {
          ix.cells.set(`${f.loc.table}:${f.loc.row}:${f.loc.col}`, { t, row, key });
          const rk = `${f.loc.table}:${f.loc.row}`;
          if (!ix.cells.has(rk)) ix.cells.set(rk, { t, row });
        }
      }
    }
  }
  doc.paragraphs.forEach((p, i) => {
    if (p.loc.block !== undefined && !ix!.paragraphs.has(p.loc.block)) ix!.paragraphs.set(p.loc.block, i);
  });
  indexes.set(doc, ix);
  return ix;
}

function squeeze(s: string): string {
  return s.replace(/[\s\u3000]+/g, '');
}

function clip(s: string, max = SENTENCE_MAX): string {
  const t = s.trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

/** Excel's column letters for a 1-based column number (1 → A, 27 → AA). */
export function columnLetters(n: number): string {
  let s = '';
  for (let v = n; v > 0; v = Math.floor((v - 1) / 26)) s = String.fromCharCode(65 + ((v - 1) % 26)) + s;
  return s;
}

function rowText(row: Row): string {
  const name = squeeze(row.name);
  return row.code ? `${row.code} ${name}`.trim() : name;
}

function columnText(t: StdTable, col: number | undefined, key: string | undefined): string | undefined {
  const c = (col !== undefined ? t.columns.find((x) => x.col === col) : undefined) ?? (key ? t.columns.find((x) => x.key === key) : undefined);
  const label = c ? squeeze(c.label) : undefined;
  return label || undefined;
}

/** The heading the paragraph stands under: the nearest heading line before it (or itself). */
function headingOf(doc: Disclosure, at: number): string | undefined {
  for (let i = at; i >= 0 && i >= at - 60; i--) {
    const text = doc.paragraphs[i].text.trim();
    if (text.length <= 40 && HEADING.test(text) && !/[。；]$/.test(text)) return squeeze(text);
  }
  return undefined;
}

/** Sentences of a paragraph, each with its closing mark. */
function sentences(text: string): string[] {
  return text.match(/[^。；！？!?]+[。；！？!?]?/g)?.map((s) => s.trim()).filter(Boolean) ?? [];
}

/** The sentence of a paragraph the finding is about: the one holding a phrase the message quotes or a figure it names. */
function sentenceFor(text: string, message: string): string {
  const all = sentences(text);
  if (all.length <= 1) return text.trim();
  const hints = [...message.matchAll(/“([^”]{2,})”/g)].map((m) => squeeze(m[1]).replace(/\*+/g, ''));
  for (const m of message.matchAll(/\d[\d*]{5,}\d/g)) hints.push(...m[0].split(/\*+/).filter((p) => p.length >= 3));
  for (const s of all) {
    const sq = squeeze(s);
    if (hints.some((h) => h.length >= 2 && sq.includes(h.slice(0, 12)))) return s;
  }
  return all[0];
}

/** The place of one finding in the document. */
export function placeOf(f: Finding, doc: Disclosure): Place {
  const parts = doc.source.parts;
  if (!parts?.length) return placeIn(f, doc, doc.source.format);
  // Parts of one disclosure checked together: the file the finding stands in, and its own page or line.
  const at = partOfFinding(f, doc, parts);
  const place = placeIn(f, doc, at?.part.format ?? doc.source.format);
  const own = place.page !== undefined ? partAt(parts, { page: place.page }) : place.line !== undefined && !place.sheet ? partAt(parts, { line: place.line }) : at;
  if (!own) return place;
  return { file: baseName(own.part.path), ...place, ...(own.page !== undefined && place.page !== undefined ? { page: own.page } : {}), ...(own.line !== undefined && place.line !== undefined ? { line: own.line } : {}) };
}

/** The part of a joined document a finding's location points into: by its page or line, else by its table's or paragraph's. */
function partOfFinding(f: Finding, doc: Disclosure, parts: readonly DocPart[]): ReturnType<typeof partAt> {
  const loc = f.location;
  const ix = index(doc);
  const table = loc.table !== undefined ? ix.tables.get(loc.table) : undefined;
  const para = loc.block !== undefined ? ix.paragraphs.get(loc.block) : undefined;
  const from = [loc, table?.loc, para !== undefined ? doc.paragraphs[para].loc : undefined];
  for (const l of from) {
    if (!l) continue;
    const hit = partAt(parts, { page: l.page, line: l.page === undefined ? l.line : undefined });
    if (hit) return hit;
  }
  return undefined;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function placeIn(f: Finding, doc: Disclosure, format: Disclosure['source']['format']): Place {
  const loc = f.location;
  const ix = index(doc);
  const place: Place = {};
  if (format === 'pdf' && loc.page) place.page = loc.page;
  // A PDF's line is counted on its page (the reader's printed lines); a text file's in the file.
  if ((format === 'txt' || format === 'pdf') && loc.line) place.line = loc.line;
  if (format === 'xlsx') {
    if (loc.sheet) place.sheet = loc.sheet;
    if (loc.cell) place.cell = loc.cell;
    else if (loc.line) place.line = loc.line;
  }
  const hit =
    loc.table !== undefined && loc.row !== undefined
      ? (loc.col !== undefined ? ix.cells.get(`${loc.table}:${loc.row}:${loc.col}`) : undefined) ?? ix.cells.get(`${loc.table}:${loc.row}`)
      : undefined;
  if (hit) {
    place.table = squeeze(hit.t.title) || undefined;
    const r = rowText(hit.row);
    if (r) place.row = r;
    const c = columnText(hit.t, loc.col, hit.key);
    if (c && loc.col !== undefined) place.column = c;
  } else if (loc.table !== undefined && ix.tables.has(loc.table) && !ruleWhereIsPrecise(loc.where)) {
    place.table = squeeze(ix.tables.get(loc.table)!.title) || undefined;
  }
  const numbered = loc.where ? PARAGRAPH_NO.exec(loc.where) : null;
  // A finding about a part of the text that a rule could not point at (部门整体绩效目标): the paragraph its message quotes.
  const quoted = loc.block === undefined && loc.table === undefined && loc.line === undefined && !numbered ? (partParagraph(loc.where, doc) ?? quotedParagraph(f.message, doc)) : undefined;
  if (quoted !== undefined) {
    const p = doc.paragraphs[quoted];
    if (format === 'pdf' && p.loc.page) place.page = p.loc.page;
    if (format === 'txt' && p.loc.line) place.line = p.loc.line;
    if (format === 'xlsx' && p.loc.sheet) place.sheet = p.loc.sheet;
  }
  // A rule's `说明第 N 段` counts the document's paragraphs: exact where a block holds several (a Word layout table).
  const para = (numbered ? paragraphNumber(numbered[0], doc) : undefined) ?? (loc.block !== undefined ? ix.paragraphs.get(loc.block) : undefined) ?? quoted;
  if (!hit && para !== undefined && (!loc.where || PARAGRAPH_NO.test(loc.where) || loc.sentence || isGeneric(loc.where))) {
    const p = doc.paragraphs[para];
    if (format === 'pdf' && !place.page && p.loc.page) place.page = p.loc.page;
    if (format === 'txt' && !place.line && p.loc.line) place.line = p.loc.line;
    const heading = headingOf(doc, para);
    if (heading && squeeze(p.text) !== heading) place.section = heading;
    const sentence = loc.sentence ?? sentenceFor(p.text, f.message);
    const printed = format === 'pdf' ? printedLine(p, sentence) : undefined;
    if (printed) [place.page, place.line] = printed;
    place.sentence = clip(sentence);
    if (loc.where && !PARAGRAPH_NO.test(loc.where) && !loc.where.startsWith('说明：') && isGeneric(loc.where) && !place.section) place.detail = cleanDetail(loc.where);
    return place;
  }
  if (!hit && loc.sentence) place.sentence = clip(loc.sentence);
  if (!hit && loc.where && !place.sentence) place.detail = withoutTable(cleanDetail(loc.where), place.table);
  else if (hit && loc.where && !place.table) place.detail = cleanDetail(loc.where);
  if (hit && loc.where && /绩效(目标|自评)表/.test(loc.where)) {
    // An indicator form is no standard table: the rule's text (project, indicator, column) is the place.
    return { ...pick(place), detail: cleanDetail(loc.where) };
  }
  return place;
}

/** The page and line on it where a sentence of a PDF paragraph begins (the paragraph's first line when the sentence is not found in it). */
function printedLine(p: Disclosure['paragraphs'][number], sentence: string): [number, number] | undefined {
  const lines = p.loc.lines;
  if (!lines?.length) return undefined;
  const at = Math.max(0, p.text.indexOf(sentence.trim()));
  let hit = lines[0];
  for (const l of lines) if (l[0] <= at) hit = l;
  return [hit[1], hit[2]];
}

/** The paragraph where a part a rule names without a place (部门整体绩效目标, 工作保障措施, 自评结论) begins. */
function partParagraph(where: string | undefined, doc: Disclosure): number | undefined {
  const text =
    where === '部门整体绩效目标' ? doc.performance.overallGoal : where === '工作保障措施' ? doc.performance.safeguards[0] : where === '自评结论' ? doc.selfEvaluation?.conclusion : null;
  const q = text ? squeeze(text).slice(0, 24) : '';
  if (q.length < 4) return undefined;
  const key = where === '部门整体绩效目标' ? 'overallGoal' : where === '工作保障措施' ? 'safeguards' : null;
  const hits = doc.paragraphs.flatMap((p, i) => (squeeze(p.text).includes(q) ? [i] : []));
  // The same words may stand in the duties too: the paragraph of the part itself comes first.
  return hits.find((i) => doc.paragraphs[i].section === key) ?? hits.at(-1);
}

/** The paragraph holding a passage (eight characters or more) the message quotes. */
function quotedParagraph(message: string, doc: Disclosure): number | undefined {
  for (const m of message.matchAll(/“([^“”]{8,})”/g)) {
    const q = squeeze(m[1].replace(/^…|…$/g, '')).slice(0, 24);
    if (q.length < 8) continue;
    const i = doc.paragraphs.findIndex((p) => squeeze(p.text).includes(q));
    if (i >= 0) return i;
  }
  return undefined;
}

/** `说明第 N 段` as earlier rule texts count: the N-th paragraph of the document's prose. */
function paragraphNumber(text: string, doc: Disclosure): number | undefined {
  const n = Number(/\d+/.exec(text)?.[0]);
  return n >= 1 && n <= doc.paragraphs.length ? n - 1 : undefined;
}

/** A place never repeats what a finding about personal data hides: mobile and ID numbers are masked. */
export function maskPersonal(s: string): string {
  return s
    .replace(/(?<!\d)(\d{6})(\d{8})(\d{3}[\dXx])(?!\d)/g, '$1********$3')
    .replace(/(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g, '$1****$3');
}

function pick(p: Place): Place {
  const { page, line, sheet, cell } = p;
  const out: Place = {};
  if (page) out.page = page;
  if (line) out.line = line;
  if (sheet) out.sheet = sheet;
  if (cell) out.cell = cell;
  return out;
}

/** Texts a rule gives when it knows only the part of the document (`说明`, `分项绩效目标`). */
function isGeneric(where: string): boolean {
  return /^(说明|分项绩效目标|部门整体绩效目标|工作保障措施|预算说明|全文|评价结论和评价等级)$/.test(where) || PARAGRAPH_NO.test(where);
}

/** The rule's own place text already names a project form, an indicator or a glossary entry. */
function ruleWhereIsPrecise(where: string | undefined): boolean {
  return !!where && /“.+”/.test(where) && !PARAGRAPH_NO.test(where);
}

/** A rule's place text that names the table the place already names: the rest of it (nothing when that is all). */
function withoutTable(detail: string, table: string | undefined): string | undefined {
  if (!table) return detail;
  const rest = squeeze(detail).replace(`《${table}》`, '').replace(/^[，,]/, '');
  return rest === squeeze(detail) ? detail : rest || undefined;
}

function cleanDetail(where: string): string {
  return where.replace(PARAGRAPH_NO, '说明').replace(ENGLISH_KEY, '').replace(/^说明：/, '');
}

/** The place as one line: 第 8 页，《政府采购预算表》“合计”行“金额”列. */
export function placeText(p: Place): string {
  const anchor: string[] = [];
  if (p.file) anchor.push(`文件“${p.file}”`);
  if (p.sheet) anchor.push(`工作表“${p.sheet}”`);
  if (p.cell) anchor.push(`${p.cell} 单元格`);
  if (p.page) anchor.push(`第 ${p.page} 页`);
  if (p.line) anchor.push(`第 ${p.line} 行`);
  let what = '';
  if (p.table) what += `《${p.table}》`;
  if (p.row) what += `“${p.row}”行`;
  if (p.column) what += `“${p.column}”列`;
  if (p.detail) what += p.detail;
  if (p.section) what += `${what ? '，' : ''}“${p.section}”下`;
  if (p.sentence) what += `“${maskPersonal(p.sentence)}”`;
  if (!what && !anchor.length) return '全文';
  return [anchor.join(' '), what].filter(Boolean).join('，');
}

/** The finding's place in words (what `where` says in JSON and every report). */
export function whereText(f: Finding, doc: Disclosure): string {
  return placeText(placeOf(f, doc));
}
