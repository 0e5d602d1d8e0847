/**
 * Personal data in a public document (domain.md §8): mobile numbers and resident ID numbers, in
 * prose and in table cells. Messages mask the middle digits so the report does not republish them.
 */
import type { Disclosure } from '../../model/disclosure.js';
import { type RuleContext } from '../types.js';
import { allTexts, type Text } from './texts.js';

export function maskNumber(s: string): string {
  return s.length <= 7 ? s : `${s.slice(0, 3)}${'*'.repeat(s.length - 7)}${s.slice(-4)}`;
}

/** "填报人：张三", "联系人 李四": the label, and the name when the same text gives it. */
const PERSON = /(填报人|联系人|经办人)\s*[:：]?\s*([\u4e00-\u9fa5]{2,4}?)?(?=[\s，,;；。]|联系|电话|手机|$)/;

export function maskName(name: string): string {
  return `${name[0]}${'*'.repeat(name.length - 1)}`;
}

/**
 * The person a number belongs to, as the form prints them: a label with a name before the number
 * in the same text, or in the few paragraphs above it (a name may stand alone under its label).
 */
function personNear(doc: Disclosure, t: Text, at: number, paraIndex: Map<unknown, number>): { label: string; name: string } | null {
  const same = PERSON.exec(t.text.slice(0, at));
  if (same?.[2]) return { label: same[1], name: same[2] };
  const i = paraIndex.get(t.loc);
  if (i === undefined) return null;
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const m = PERSON.exec(doc.paragraphs[k].text.trim());
    if (!m) continue;
    if (m[2]) return { label: m[1], name: m[2] };
    const next = doc.paragraphs[k + 1]?.text.trim() ?? '';
    return /^[\u4e00-\u9fa5]{2,4}$/.test(next) && k + 1 < i ? { label: m[1], name: next } : null;
  }
  return null;
}

/**
 * Reports each accepted match of `re` once per place. The ids name the calling rule's messages:
 * `messageId` for a number alone, filled with `{{where}}` (the text's place) and `{{number}}`
 * (masked); `withPersonMessageId` for a number printed with a person's name, which also gets
 * `{{label}}` (填报人, 联系人 …) and `{{name}}` (masked).
 */
export function scan<Id extends string>(doc: Disclosure, ctx: RuleContext<Id>, re: RegExp, accept: (s: string) => boolean, said: { messageId: NoInfer<Id>; withPersonMessageId: NoInfer<Id> }): void {
  const seen = new Set<string>();
  const paraIndex = new Map<unknown, number>(doc.paragraphs.map((p, i) => [p.loc, i]));
  for (const t of allTexts(doc)) {
    re.lastIndex = 0;
    for (let m = re.exec(t.text); m; m = re.exec(t.text)) {
      if (!accept(m[0])) continue;
      const key = `${m[0]}|${t.where}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const p = personNear(doc, t, m.index, paraIndex);
      const data = { where: t.where, number: maskNumber(m[0]) };
      ctx.report({
        ...(p ? { messageId: said.withPersonMessageId, data: { ...data, label: p.label, name: maskName(p.name) } } : { messageId: said.messageId, data }),
        location: { ...t.loc, where: t.where },
      });
    }
  }
}
