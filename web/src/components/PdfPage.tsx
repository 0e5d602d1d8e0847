/**
 * One PDF page drawn by pdf.js with boxes framed on it. Boxes are the reader's: PDF points, origin
 * top-left, page rotation applied — the page's viewport at scale 1, so scaling maps them. A
 * sentence without a box is found in the page's text and its lines framed.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Spin, Typography } from 'antd';
import * as pdfjs from 'pdfjs-dist';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { foldChar, squashFold } from './TreeView';
import { apiFetch } from '../api';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

type Box = [number, number, number, number];

const docs = new Map<string, Promise<PDFDocumentProxy>>();
function openPdf(url: string): Promise<PDFDocumentProxy> {
  let d = docs.get(url);
  if (!d) {
    d = apiFetch(url)
      .then((r) => {
        if (!r.ok) throw new Error(`无法取得原件（${r.status}）`);
        return r.arrayBuffer();
      })
      .then((data) => pdfjs.getDocument({ data, cMapUrl: '/pdfjs/cmaps/', cMapPacked: true, standardFontDataUrl: '/pdfjs/standard_fonts/', isEvalSupported: false }).promise);
    docs.set(url, d);
    d.catch(() => docs.delete(url));
  }
  return d;
}

/** Boxes (scale-1 viewport) of the text lines that hold the sentence, whitespace ignored. */
async function sentenceBoxes(page: PDFPageProxy, sentence: string): Promise<Box[]> {
  const wanted = squashFold(sentence);
  if (!wanted) return [];
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const owners: number[] = [];
  const boxes: Box[] = [];
  let text = '';
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const [a, b, , , e, f] = pdfjs.Util.transform(viewport.transform, item.transform);
    const h = Math.hypot(a, b) || item.height;
    boxes.push([e, f - h, e + item.width, f]);
    for (const ch of item.str) {
      if (/[\s\u3000]/.test(ch)) continue;
      text += foldChar(ch);
      owners.push(boxes.length - 1);
    }
  }
  // The whole sentence; else its start (a sentence read across a page break or with a stray
  // character differs at its end), framed for the sentence's length.
  let at = text.indexOf(wanted);
  if (at < 0) at = text.indexOf(wanted.slice(0, 12));
  if (at < 0) return [];
  const used = new Set(owners.slice(at, Math.min(owners.length, at + wanted.length)));
  // One frame per line: items whose baselines agree are merged.
  const lines: Box[] = [];
  for (const i of [...used].sort((x, y) => x - y)) {
    const b = boxes[i];
    const line = lines.find((l) => Math.abs(l[3] - b[3]) < 3);
    if (line) {
      line[0] = Math.min(line[0], b[0]);
      line[2] = Math.max(line[2], b[2]);
      line[1] = Math.min(line[1], b[1]);
    } else lines.push([...b]);
  }
  return lines;
}

export default function PdfPage({ url, page, boxes, sentence }: { url: string; page: number; boxes: Box[]; sentence?: string }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ scale: number; frames: Box[]; pages: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    let task: { cancel(): void; promise: Promise<unknown> } | null = null;
    setState(null);
    setError(null);
    (async () => {
      const doc = await openPdf(url);
      if (page < 1 || page > doc.numPages) throw new Error(`文件只有 ${doc.numPages} 页，没有第 ${page} 页`);
      const p = await doc.getPage(page);
      const base = p.getViewport({ scale: 1 });
      const width = Math.max(320, (wrapRef.current?.parentElement?.clientWidth ?? 800) - 24);
      const scale = Math.min(2, width / base.width);
      const viewport = p.getViewport({ scale });
      const canvas = canvasRef.current;
      if (!canvas || !live) return;
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = `${Math.floor(viewport.width)}px`;
      canvas.style.height = `${Math.floor(viewport.height)}px`;
      task = p.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      await task.promise;
      const found = sentence ? await sentenceBoxes(p, sentence) : [];
      if (live) setState({ scale, frames: found.length ? found : boxes, pages: doc.numPages });
    })().catch((e: Error) => {
      if (live && e?.name !== 'RenderingCancelledException') setError(e.message || '无法显示 PDF 页面');
    });
    return () => {
      live = false;
      task?.cancel();
    };
  }, [url, page, JSON.stringify(boxes), sentence]);

  useEffect(() => {
    wrapRef.current?.querySelector('.gk-frame')?.scrollIntoView({ block: 'center' });
  }, [state]);

  if (error) return <Alert type="warning" showIcon title={error} />;
  return (
    <div>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
        第 {page} 页{state ? ` / 共 ${state.pages} 页` : ''}
        {state && state.frames.length === 0 ? '（这条发现没有记录页面上的位置，显示整页）' : ''}
      </Typography.Text>
      <div className="gk-pdf-scroll" tabIndex={0} aria-label={`原件第 ${page} 页`}>
        <div className="gk-page-wrap" ref={wrapRef} data-testid="pdf-page" data-rendered={state ? 'yes' : 'no'}>
          <canvas ref={canvasRef} />
          {state?.frames.map((b, i) => (
            <div
              key={i}
              className="gk-frame"
              data-testid="finding-frame"
              style={{ left: b[0] * state.scale - 3, top: b[1] * state.scale - 3, width: (b[2] - b[0]) * state.scale + 6, height: (b[3] - b[1]) * state.scale + 6 }}
            />
          ))}
          {!state && <Spin style={{ position: 'absolute', left: '50%', top: 40 }} />}
        </div>
      </div>
    </div>
  );
}
