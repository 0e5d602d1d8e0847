/**
 * The original PDF with each finding framed on its page — the box the reader recorded for the
 * figure, row or paragraph — and a note (a Square annotation whose text is the finding) attached,
 * numbered as in the findings list appended after the last page. Made with pdf-lib: the original's
 * pages, text layer and metadata are kept; the list pages are the HTML report printed by Chromium
 * (fonts-noto-cjk subset by the browser — pdf-lib's own subsetting of the CJK OpenType collection
 * gives fonts poppler cannot draw) and copied in.
 */
import { PDFDocument, PDFHexString, PDFName, PDFString, rgb, StandardFonts, type PDFPage } from 'pdf-lib';
import type { Finding, Severity } from '../model/disclosure.js';
import type { CheckResult } from '../pipeline.js';
import { messageWithFix } from './fix.js';
import { locate, ruleTitle, SEVERITY_ORDER, SEVERITY_TEXT } from './group.js';
import { renderFindingsListHtml } from './html.js';
import { htmlToPdf } from './pdf.js';

const COLOUR: Record<Severity, [number, number, number]> = { error: [0.78, 0.16, 0.16], warning: [0.9, 0.32, 0], info: [0.08, 0.4, 0.75] };

export interface Annotated {
  pdf: Buffer;
  /** Annotations added, per 1-based page. */
  perPage: Map<number, number>;
  /** The findings in the order they are numbered. */
  numbered: Finding[];
}

/** Findings in document order (page, then top of the box), errors first where they share a place. */
function ordered(findings: Finding[]): Finding[] {
  const inf = Number.MAX_SAFE_INTEGER;
  return [...findings].sort(
    (a, b) =>
      (a.location.page ?? inf) - (b.location.page ?? inf) ||
      (a.location.box?.[1] ?? inf) - (b.location.box?.[1] ?? inf) ||
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity),
  );
}

function noteText(n: number, f: Finding, where: string): string {
  const message = messageWithFix(f.message, f.severity === 'info' ? undefined : f.fix);
  return `[${n}] ${SEVERITY_TEXT[f.severity]}：${ruleTitle(f.rule)}（${f.rule}）\n${message}\n位置：${where}`;
}

export async function annotatePdf(original: Uint8Array, result: CheckResult): Promise<Annotated> {
  const pdf = await PDFDocument.load(original, { updateMetadata: false });
  const label = await pdf.embedFont(StandardFonts.HelveticaBold);
  const pages = pdf.getPages();
  const numbered = ordered(result.findings);
  const perPage = new Map<number, number>();
  const noteRow = new Map<number, number>();
  numbered.forEach((f, i) => {
    const n = i + 1;
    const pageNo = f.location.page;
    if (!pageNo || pageNo > pages.length) return;
    const page = pages[pageNo - 1];
    const where = f.where ?? locate(f, result.document).where;
    const rect = frame(page, f.location.box, noteRow, pageNo);
    const [r, g, b] = COLOUR[f.severity];
    page.drawRectangle({ x: rect[0], y: rect[1], width: rect[2] - rect[0], height: rect[3] - rect[1], borderColor: rgb(r, g, b), borderWidth: 1.2, opacity: 0, borderOpacity: 0.9 });
    const tag = String(n);
    const w = label.widthOfTextAtSize(tag, 7) + 4;
    page.drawRectangle({ x: rect[0], y: rect[3], width: w, height: 9, color: rgb(r, g, b) });
    page.drawText(tag, { x: rect[0] + 2, y: rect[3] + 2, size: 7, font: label, color: rgb(1, 1, 1) });
    const annot = pdf.context.obj({
      Type: 'Annot',
      Subtype: 'Square',
      Rect: rect,
      C: [r, g, b],
      BS: { W: 1.2, S: 'S' },
      F: 4,
      T: PDFHexString.fromText('gongkai'),
      NM: PDFString.of(`gongkai-${n}`),
      Subj: PDFHexString.fromText(`${SEVERITY_TEXT[f.severity]} ${f.rule}`),
      Contents: PDFHexString.fromText(noteText(n, f, where)),
    });
    page.node.addAnnot(pdf.context.register(annot));
    perPage.set(pageNo, (perPage.get(pageNo) ?? 0) + 1);
  });
  const list = await PDFDocument.load(await htmlToPdf(renderFindingsListHtml(result, numbered)));
  for (const p of await pdf.copyPages(list, list.getPageIndices())) pdf.addPage(p);
  pdf.setModificationDate(new Date());
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseNone'));
  return { pdf: Buffer.from(await pdf.save()), perPage, numbered };
}

/**
 * The frame in PDF user space (origin bottom-left). The reader's boxes are in points from the top
 * left of the page's visible area; a finding without a box gets a small frame in the left margin,
 * stacked down the page.
 */
function frame(page: PDFPage, box: [number, number, number, number] | undefined, noteRow: Map<number, number>, pageNo: number): [number, number, number, number] {
  const view = page.getCropBox();
  const top = view.y + view.height;
  if (box) {
    const pad = 1.5;
    return [view.x + box[0] - pad, top - box[3] - pad, view.x + box[2] + pad, top - box[1] + pad];
  }
  const k = noteRow.get(pageNo) ?? 0;
  noteRow.set(pageNo, k + 1);
  const y = top - 30 - k * 16;
  return [view.x + 6, y - 12, view.x + 18, y];
}
