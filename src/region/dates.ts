/**
 * The date a disclosure states as its own: a line that is only a date (the 落款 under the 说明,
 * "2024年2月5日") or a date labelled 公开/发布/印发日期. Read from the model's paragraphs and title;
 * the last such date counts (the 落款 closes the document). Null when none is printed.
 */
const ALONE = /^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$/;
const LABELLED = /(?:公开|发布|印发)(?:日期|时间)\s*[:：]?\s*(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})/;

export function statedDate(d: { paragraphs: { text: string }[]; title?: string | null }): string | null {
  let found: string | null = null;
  for (const p of d.paragraphs) {
    const m = ALONE.exec(p.text) ?? LABELLED.exec(p.text);
    if (m) found = iso(m[1], m[2], m[3]) ?? found;
  }
  return found;
}

function iso(y: string, m: string, d: string): string | null {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
  return date.toISOString().slice(0, 10);
}
