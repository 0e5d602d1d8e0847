/**
 * The note that explains an empty table is not always under the table: 陕西 prints it in the
 * contents (报表 | 报表名称 | 是否空表 | 表格为空的理由: 是 | 不涉及), others as a sentence of the 说明
 * (“本部门无当年政府性基金预算收支，并已公开空表”). Both are found here and given to the empty
 * table they speak of.
 */
import type { Disclosure, StdTable, TableKind } from '../model/disclosure.js';
import { squash, type Block } from '../read/doc.js';

/** A table's title without its year, number and trailing parenthesis, to match it across places. */
function bare(title: string): string {
  return squash(title)
    .replace(/^表\d+[、.．]?/, '')
    .replace(/^(20\d{2})年度?/, '')
    .replace(/[（(][^（）()]*[)）]$/, '');
}

/** Rows of a contents table that mark a table empty: its title and the reason printed. */
function contentsEmpty(blocks: Block[]): { title: string; reason: string }[] {
  const out: { title: string; reason: string }[] = [];
  for (const b of blocks) {
    if (b.type !== 'table') continue;
    const headerAt = b.rows.findIndex((r) => r.some((c) => /是否空表|是否为空/.test(squash(c.text))));
    if (headerAt < 0) continue;
    const header = b.rows[headerAt].map((c) => squash(c.text));
    const flag = header.findIndex((h) => /是否空表|是否为空/.test(h));
    const reason = header.findIndex((h) => /理由|原因|说明/.test(h));
    const name = header.findIndex((h) => /名称|表名/.test(h));
    if (name < 0) continue;
    for (const r of b.rows.slice(headerAt + 1)) {
      const get = (i: number) => (i >= 0 ? squash(r[i]?.text ?? '') : '');
      if (!/^是$/.test(get(flag)) || !get(name)) continue;
      out.push({ title: get(name), reason: get(reason) || '空表' });
    }
  }
  return out;
}

/** The fund or item a sentence of the 说明 says the department has none of. */
const NONE_OF: [RegExp, TableKind][] = [
  [/无[^。；;，,]{0,12}政府性基金/, 'gov-fund-expenditure'],
  [/无[^。；;，,]{0,12}国有资本经营/, 'state-capital-expenditure'],
  [/无[^。；;，,]{0,12}[“"]?三公[”"]?经费/, 'three-public'],
];

function proseNote(d: Disclosure, t: StdTable): string | null {
  for (const p of d.paragraphs) {
    for (const sentence of p.text.split(/(?<=[。；;])/)) {
      // Only a sentence that speaks of the table (…并已公开空表, …本表为空): "本部门无政府性基金预算"
      // alone explains the money, not the table, and the table still owes its note.
      const s = squash(sentence);
      if (/空表|表为空|此表无数据|本表无数据/.test(s) && NONE_OF.some(([re, kind]) => kind === t.kind && re.test(s))) return sentence.trim();
    }
  }
  return null;
}

export function giveEmptyTablesTheirNotes(d: Disclosure, blocks: Block[]): void {
  const listed = contentsEmpty(blocks);
  for (const t of d.tables) {
    if (!t.empty || (t.note && t.note.trim())) continue;
    const title = bare(t.title);
    const row = title ? listed.find((x) => bare(x.title) === title || (bare(x.title).length >= 6 && (title.includes(bare(x.title)) || bare(x.title).includes(title)))) : undefined;
    const note = row ? `目录：${row.title}为空表（${row.reason}）` : proseNote(d, t);
    if (note) t.note = note;
  }
}
