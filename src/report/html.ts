/**
 * One self-contained, printable HTML page for one file or a batch: per file its identity and
 * counts, the findings (folded by rule and cause, each with its places and the fix), and the
 * document's tables as read, with the cells a finding points at highlighted and numbered.
 * No scripts, no external files: it opens from a mail attachment and prints as it shows.
 */
import type { Disclosure, Finding, Severity, StdTable } from '../model/disclosure.js';
import type { CheckResult } from '../pipeline.js';
import { messageWithFix } from './fix.js';
import { groupFindings, ruleCounts, ruleTitle, SEVERITY_TEXT, type FindingGroup } from './group.js';
import { counts, headerLines, KIND_TEXT } from './text.js';

const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const CSS = `
:root { --error: #c62828; --warning: #e65100; --info: #1565c0; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
  font-size: 10.5pt; line-height: 1.55; color: #222; margin: 0 auto; max-width: 1100px; padding: 16px 24px; }
h1 { font-size: 17pt; margin: 0 0 4px; } h2 { font-size: 13pt; margin: 18px 0 6px; border-bottom: 1px solid #ccc; }
h3 { font-size: 11pt; margin: 14px 0 4px; }
.meta { color: #555; margin: 0 0 2px; }
.counts span { display: inline-block; margin-right: 14px; font-weight: bold; }
.sev { display: inline-block; min-width: 2.6em; text-align: center; color: #fff; border-radius: 3px; padding: 0 4px; font-size: 9pt; }
.sev.error { background: var(--error); } .sev.warning { background: var(--warning); } .sev.info { background: var(--info); }
ol.findings { padding-left: 1.6em; } ol.findings > li { margin: 0 0 10px; page-break-inside: avoid; }
.rule { color: #666; font-size: 9pt; } .fix { font-weight: bold; }
.places { margin: 2px 0 0; padding-left: 1.2em; color: #333; font-size: 9.5pt; }
table.doc { border-collapse: collapse; width: 100%; margin: 4px 0 12px; font-size: 9pt; page-break-inside: auto; }
table.doc th, table.doc td { border: 1px solid #bbb; padding: 2px 4px; vertical-align: top; }
table.doc th { background: #f0f0f0; font-weight: normal; }
table.doc td.num { text-align: right; white-space: nowrap; }
td.hit { outline: 2px solid; outline-offset: -2px; } td.hit.error { outline-color: var(--error); background: #fdecea; }
td.hit.warning { outline-color: var(--warning); background: #fff3e0; } td.hit.info { outline-color: var(--info); background: #e3f2fd; }
sup.mark { color: #fff; background: #555; border-radius: 2px; padding: 0 2px; font-size: 7pt; margin-left: 2px; }
table.counts-by-rule { border-collapse: collapse; font-size: 9.5pt; } table.counts-by-rule td { padding: 1px 10px 1px 0; }
.file { page-break-before: always; } .file:first-of-type { page-break-before: auto; }
@page { size: A4; margin: 14mm 12mm; }
@media print { body { max-width: none; padding: 0; } a { color: inherit; text-decoration: none; } }
`;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Which standard-table cell (table index, row index, column key) each finding points at. */
function hits(doc: Disclosure, groups: FindingGroup[]): Map<string, { severity: Severity; marks: number[] }> {
  const out = new Map<string, { severity: Severity; marks: number[] }>();
  groups.forEach((g, gi) => {
    for (const { finding: f } of g.items) {
      const l = f.location;
      if (l.table === undefined || l.row === undefined) continue;
      doc.tables.forEach((t, ti) =>
        t.rows.forEach((r, ri) => {
          let key: string | undefined;
          for (const [k, v] of Object.entries(r.values)) if (v && v.loc.table === l.table && v.loc.row === l.row && (l.col === undefined || v.loc.col === l.col)) key = k;
          if (!key && !(r.loc.table === l.table && r.loc.row === l.row)) return;
          const id = `${ti}:${ri}:${key ?? '*'}`;
          const h = out.get(id) ?? { severity: f.severity, marks: [] };
          if (RANK[f.severity] < RANK[h.severity]) h.severity = f.severity;
          if (!h.marks.includes(gi + 1)) h.marks.push(gi + 1);
          out.set(id, h);
        }),
      );
    }
  });
  return out;
}

function tableHtml(t: StdTable, ti: number, marked: Map<string, { severity: Severity; marks: number[] }>): string {
  const cols = t.columns.filter((c) => c.key !== 'code' && c.key !== 'name');
  const head = `<tr><th>科目编码</th><th>名称</th>${cols.map((c) => `<th>${esc(c.label)}</th>`).join('')}</tr>`;
  const cell = (id: string, text: string, cls: string) => {
    const h = marked.get(id);
    if (!h) return `<td class="${cls}">${text}</td>`;
    return `<td class="${cls} hit ${h.severity}">${text}${h.marks.map((m) => `<sup class="mark">${m}</sup>`).join('')}</td>`;
  };
  const body = t.rows
    .map((r, ri) => {
      const values = cols.map((c) => {
        const f = r.values[c.key];
        return cell(`${ti}:${ri}:${c.key}`, esc(f?.raw ?? ''), 'num');
      });
      return `<tr>${cell(`${ti}:${ri}:*`, esc(r.code ?? ''), '')}<td>${esc(r.name)}</td>${values.join('')}</tr>`;
    })
    .join('\n');
  const status = t.reading?.status === 'uncertain' ? '（读取存疑，未用于核对）' : '';
  return `<h3>${esc(t.title)}<span class="meta"> ${esc(t.unit.raw)}${status}</span></h3>\n<table class="doc">${head}\n${body}</table>`;
}

function findingHtml(g: FindingGroup, i: number): string {
  const message = esc(messageWithFix(g.message, g.severity === 'info' ? undefined : g.fix)).replace(/改正：(.*?)。$/, '<span class="fix">改正：$1。</span>');
  const places = g.items.map((it) => `<li>${esc(it.where)}</li>`).join('');
  return `<li id="f${i + 1}"><span class="sev ${g.severity}">${SEVERITY_TEXT[g.severity]}</span> <b>${esc(g.title)}</b> <span class="rule">${esc(g.rule)}${g.items.length > 1 ? `，共 ${g.items.length} 处` : ''}</span><br>${message}<ul class="places">${places}</ul></li>`;
}

function fileHtml(r: CheckResult): string {
  const d = r.document;
  const groups = groupFindings(r.findings, d);
  const c = counts(r.findings);
  const marked = hits(d, groups);
  const parts: string[] = [];
  parts.push(`<section class="file"><h1>${esc(d.entity.name ?? '（未识别单位）')} ${esc(d.year ?? '')} ${esc(KIND_TEXT[d.kind])}</h1>`);
  for (const line of headerLines(r)) parts.push(`<p class="meta">${esc(line)}</p>`);
  parts.push(`<p class="counts"><span style="color:var(--error)">错误 ${c.error}</span><span style="color:var(--warning)">警告 ${c.warning}</span><span style="color:var(--info)">提示 ${c.info}</span></p>`);
  parts.push(`<h2>检查发现（${groups.length} 条${groups.length < r.findings.length ? `，同一规则同一原因的已合并，共 ${r.findings.length} 处` : ''}）</h2>`);
  parts.push(groups.length ? `<ol class="findings">${groups.map(findingHtml).join('\n')}</ol>` : '<p>未发现问题。</p>');
  if (groups.length) {
    parts.push('<h3>按规则统计</h3><table class="counts-by-rule">');
    for (const rc of ruleCounts(groups)) parts.push(`<tr><td><span class="sev ${rc.severity}">${SEVERITY_TEXT[rc.severity]}</span></td><td>${esc(rc.title)}</td><td class="rule">${esc(rc.rule)}</td><td>${rc.findings} 条${rc.places !== rc.findings ? `，${rc.places} 处` : ''}</td></tr>`);
    parts.push('</table>');
  }
  if (d.tables.length) {
    parts.push(`<h2>文件中的表格（${d.tables.length} 张，检查发现所指的单元格已标出）</h2>`);
    d.tables.forEach((t, ti) => parts.push(tableHtml(t, ti, marked)));
  }
  parts.push('</section>');
  return parts.join('\n');
}

/** The report as one HTML document. */
export function renderHtml(results: CheckResult[]): string {
  const title = results.length === 1 ? `检查报告：${results[0].document.entity.name ?? results[0].document.source.path}` : `检查报告：${results.length} 个文件`;
  const batch =
    results.length > 1
      ? `<section><h1>${esc(title)}</h1><table class="doc"><tr><th>文件</th><th>单位</th><th>年度</th><th>类型</th><th>错误</th><th>警告</th><th>提示</th></tr>${results
          .map((r) => {
            const c = counts(r.findings);
            return `<tr><td>${esc(r.document.source.path)}</td><td>${esc(r.document.entity.name ?? '')}</td><td>${esc(r.document.year ?? '')}</td><td>${esc(KIND_TEXT[r.document.kind])}</td><td class="num">${c.error}</td><td class="num">${c.warning}</td><td class="num">${c.info}</td></tr>`;
          })
          .join('')}</table></section>`
      : '';
  return `<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${CSS}</style></head>\n<body>${batch}\n${results.map(fileHtml).join('\n')}\n</body></html>\n`;
}

/** The findings list appended to an annotated PDF, numbered as its frames (no tables). */
export function renderFindingsListHtml(r: CheckResult, numbered: Finding[]): string {
  const items = numbered
    .map((f) => {
      const message = messageWithFix(f.message, f.severity === 'info' ? undefined : f.fix);
      return `<li><span class="sev ${f.severity}">${SEVERITY_TEXT[f.severity]}</span> <b>${esc(ruleTitle(f.rule))}</b> <span class="rule">${esc(f.rule)}</span><br>${esc(message)}<ul class="places"><li>${esc(f.where ?? '')}</li></ul></li>`;
    })
    .join('\n');
  return `<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>检查发现</title><style>${CSS}</style></head><body><h1>检查发现（编号与页面上的框一致）</h1>${headerLines(r)
    .map((l) => `<p class="meta">${esc(l)}</p>`)
    .join('')}<ol class="findings">${items}</ol></body></html>\n`;
}
