/**
 * The disclosure as one HTML page for a government site: headings in order, tables with
 * <caption>, <th scope> on header cells and merged headers as colspan/rowspan, amounts
 * right-aligned, unfilled fields as <mark>. No script, one inline stylesheet.
 */
import { cellText, inlineText, type Block, type GenDocument, type GenTable } from './blocks.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `body{font-family:"FangSong","仿宋","Noto Serif CJK SC",serif;max-width:62em;margin:2em auto;padding:0 1em;line-height:1.8;color:#111}
h1{text-align:center;font-size:1.6em}h2{font-family:"SimHei","黑体","Noto Sans CJK SC",sans-serif;font-size:1.2em}h3,h4{font-size:1.05em}
p{text-indent:2em;margin:.4em 0}table{border-collapse:collapse;margin:.5em 0 1.5em;width:100%}caption{font-weight:bold;font-size:1.1em;padding:.4em}
th,td{border:1px solid #333;padding:.2em .4em}th{background:#f2f2f2}td.n{text-align:right;font-variant-numeric:tabular-nums}
.meta{display:flex;justify-content:space-between;text-indent:0}.note{text-indent:0;font-size:.95em}mark{background:#ffeb3b}
.draft{position:fixed;top:40%;left:0;right:0;text-align:center;font-size:8em;color:rgba(200,0,0,.12);transform:rotate(-20deg);pointer-events:none}`;

function table(t: GenTable, id: number): string {
  const head = t.header.map((r) => `<tr>${r.map((h) => `<th scope="col"${h.span && h.span > 1 ? ` colspan="${h.span}"` : ''}${h.rowSpan && h.rowSpan > 1 ? ` rowspan="${h.rowSpan}"` : ''}>${esc(h.text)}</th>`).join('')}</tr>`).join('\n');
  const rows = t.body
    .map((r) => {
      const cells = r.map((c, k) => {
        const attrs = `${c.span && c.span > 1 ? ` colspan="${c.span}"` : ''}${c.amount !== undefined ? ' class="n"' : ''}`;
        // The first text cell of a row names it: a row header for screen readers.
        if (k === 0 && c.amount === undefined && !t.header.length && c.bold) return `<th scope="row"${attrs}>${esc(cellText(c))}</th>`;
        return `<td${attrs}>${esc(cellText(c))}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  const meta = t.caption[0] || t.caption[1] ? `<p class="meta"><span>${esc(t.caption[0])}</span><span>${esc(t.caption[1])}</span></p>\n` : '';
  return `${meta}<table id="t${id}">${t.title ? `<caption>${esc(t.title)}</caption>` : ''}\n${head ? `<thead>\n${head}\n</thead>\n` : ''}<tbody>\n${rows}\n</tbody></table>${t.note ? `\n<p class="note">${esc(t.note)}</p>` : ''}`;
}

function block(b: Block, i: number): string {
  switch (b.type) {
    case 'title':
      return `<h1>${esc(b.text)}</h1>`;
    case 'heading':
      return `<h${b.level + 1}>${esc(b.text)}</h${b.level + 1}>`;
    case 'para':
      return `<p>${b.inlines.map((x) => (typeof x === 'string' || x.text ? esc(inlineText(x)) : `<mark data-field="${esc(x.field)}">${esc(inlineText(x))}</mark>`)).join('')}</p>`;
    case 'table':
      return table(b.table, i);
    case 'pageBreak':
      return '';
  }
}

export function writeHtml(g: GenDocument): Buffer {
  const title = g.draft ? `${g.title}（草稿）` : g.title;
  const html = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="gongkai">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${g.draft ? '<div class="draft" aria-hidden="true">草稿</div>\n' : ''}<main>
${g.blocks.map(block).join('\n')}
</main>
</body>
</html>
`;
  return Buffer.from(html, 'utf8');
}
