/**
 * The disclosure as Word: 黑体 headings, 仿宋 body, tables with merged headers (docx-kit's grid),
 * wide tables on landscape pages (a section of their own), page numbers in the footer, and for a
 * draft a 草稿 watermark in the header. Unfilled fields are highlighted.
 */
import { AlignmentType, Document, Footer, Header, Packer, PageNumber, PageOrientation, Paragraph, TextRun, type Table } from 'docx';
import { BODY_FONT, SIZE, body, c, gridTable, heading, title, type GridCell } from '../render/docx-kit.js';

const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
/** Tables that stand in the text (units, project forms, procurement, assets) do not start a page. */
const IN_TEXT = new Set(['other', 'procurement', 'assets']);
import { cellText, type Block, type GenDocument, type GenTable } from './blocks.js';

const PORTRAIT_WIDTH = 9026; // A4 minus 2.54 cm margins, in twips
const LANDSCAPE_WIDTH = 13958;

function inlineRuns(b: Extract<Block, { type: 'para' }>): TextRun[] {
  return b.inlines.map((i) =>
    typeof i === 'string'
      ? new TextRun({ text: i, size: SIZE.body, font: BODY_FONT })
      : i.text
        ? new TextRun({ text: i.text, size: SIZE.body, font: BODY_FONT })
        : new TextRun({ text: `【待填写：${i.label}】`, size: SIZE.body, font: BODY_FONT, highlight: 'yellow' }),
  );
}

/** A standard table starts a page, as published tables do: its title never parts from it. */
function tableTitle(text: string, newPage: boolean): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, pageBreakBefore: newPage, keepNext: true, spacing: { after: 120 }, children: [new TextRun({ text, bold: true, size: SIZE.title, font: TITLE_FONT })] });
}

function tableBlocks(t: GenTable, newPage: boolean): (Paragraph | Table)[] {
  const width = t.wide ? LANDSCAPE_WIDTH : PORTRAIT_WIDTH;
  const total = t.widths.reduce((a, b) => a + b, 0);
  const widths = t.widths.map((x) => Math.floor((x / total) * width));
  const rows: GridCell[][] = [
    ...t.header.map((r) => r.map((h) => c(h.text, { span: h.span, rowSpan: h.rowSpan, bold: true }))),
    ...t.body.map((r) => r.map((cell) => c(cellText(cell), { span: cell.span, bold: cell.bold, align: cell.align ?? 'left' }))),
  ];
  const out: (Paragraph | Table)[] = [];
  if (t.title) out.push(tableTitle(t.title, newPage));
  // 五号 like the table: a caption in the title's size would read as the title's second line.
  const small = (text: string, alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) => new Paragraph({ alignment, keepNext: true, children: [new TextRun({ text, size: SIZE.table, font: BODY_FONT })] });
  if (t.caption[0]) out.push(small(t.caption[0], AlignmentType.LEFT));
  if (t.caption[1]) out.push(small(t.caption[1], AlignmentType.RIGHT));
  out.push(gridTable(widths, rows));
  if (t.note) out.push(body(t.note, { indent: false }));
  return out;
}

function footer(): Footer {
  return new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28, font: BODY_FONT })] })],
  });
}

function header(draft: boolean): Header | undefined {
  if (!draft) return undefined;
  return new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '草稿', size: 96, bold: true, color: 'C0C0C0', font: BODY_FONT })] })] });
}

export function docxDocument(g: GenDocument): Document {
  type Sec = { landscape: boolean; children: (Paragraph | Table)[] };
  const sections: Sec[] = [{ landscape: false, children: [] }];
  const current = () => sections[sections.length - 1];
  for (const b of g.blocks) {
    let fresh = false;
    if (b.type === 'table' && b.table.wide !== current().landscape) {
      sections.push({ landscape: b.table.wide, children: [] });
      fresh = true;
    } else if (b.type !== 'table' && current().landscape) sections.push({ landscape: false, children: [] });
    const add = (...x: (Paragraph | Table)[]) => current().children.push(...x);
    switch (b.type) {
      case 'title':
        add(title(g.draft ? `${b.text}（草稿）` : b.text));
        break;
      case 'heading':
        add(heading(b.text, b.level));
        break;
      case 'para':
        add(new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 360 }, alignment: AlignmentType.JUSTIFIED, children: inlineRuns(b) }));
        break;
      case 'table':
        add(...tableBlocks(b.table, !fresh && !IN_TEXT.has(b.table.kind)));
        break;
      case 'pageBreak':
        add(new Paragraph({ pageBreakBefore: true, children: [] }));
        break;
    }
  }
  return new Document({
    creator: 'gongkai',
    title: g.title,
    styles: { default: { document: { run: { font: BODY_FONT, size: SIZE.body } } } },
    sections: sections
      .filter((s) => s.children.length)
      .map((s) => ({
        properties: {
          page: {
            size: { orientation: s.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT, width: 11906, height: 16838 },
            margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 },
          },
        },
        headers: header(g.draft) ? { default: header(g.draft)! } : undefined,
        footers: { default: footer() },
        children: s.children,
      })),
  });
}

export async function writeDocx(g: GenDocument): Promise<Buffer> {
  return Packer.toBuffer(docxDocument(g));
}
