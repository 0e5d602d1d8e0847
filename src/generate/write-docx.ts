/**
 * The disclosure as Word: 黑体 headings, 仿宋 body, tables with merged headers (docx-kit's grid),
 * wide tables on landscape pages (a section of their own), page numbers in the footer, and for a
 * draft a 草稿 watermark in the header. Unfilled fields are highlighted.
 */
import { AlignmentType, Document, Footer, Header, Packer, PageNumber, PageOrientation, Paragraph, TextRun, type Table } from 'docx';
import { BODY_FONT, SIZE, body, c, gridTable, heading, title, type GridCell } from '../render/docx-kit.js';
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

function tableBlocks(t: GenTable): (Paragraph | Table)[] {
  const width = t.wide ? LANDSCAPE_WIDTH : PORTRAIT_WIDTH;
  const total = t.widths.reduce((a, b) => a + b, 0);
  const widths = t.widths.map((x) => Math.floor((x / total) * width));
  const rows: GridCell[][] = [
    ...t.header.map((r) => r.map((h) => c(h.text, { span: h.span, rowSpan: h.rowSpan, bold: true }))),
    ...t.body.map((r) => r.map((cell) => c(cellText(cell), { span: cell.span, bold: cell.bold, align: cell.align ?? 'left' }))),
  ];
  const out: (Paragraph | Table)[] = [];
  if (t.title) out.push(title(t.title));
  if (t.caption[0] || t.caption[1]) out.push(body(t.caption[0], { indent: false }));
  if (t.caption[1]) out.push(body(t.caption[1], { align: 'right' }));
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
    if (b.type === 'table' && b.table.wide !== current().landscape) sections.push({ landscape: b.table.wide, children: [] });
    else if (b.type !== 'table' && current().landscape) sections.push({ landscape: false, children: [] });
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
        add(...tableBlocks(b.table));
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
