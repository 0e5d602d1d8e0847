/**
 * Personal data in a public document (domain.md §8): mobile numbers and resident ID numbers, in
 * prose and in table cells. Messages mask the middle digits so the report does not republish them.
 */
import type { Disclosure } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { allTexts, type Text } from '../lib/texts.js';
import { defineRule, type RuleContext } from '../types.js';

const MOBILE = /(?<![0-9.])1[3-9]\d{9}(?![0-9])/g;
const ID = /(?<![0-9])\d{17}[\dXx](?![0-9])/g;

export function maskNumber(s: string): string {
  return s.length <= 7 ? s : `${s.slice(0, 3)}${'*'.repeat(s.length - 7)}${s.slice(-4)}`;
}

/** GB 11643: weights 7,9,10,5,8,4,2,1,6,3 …; the check digit from the sum mod 11. */
export function validResidentId(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(id[i]) * weights[i];
  const check = '10X98765432'[s % 11];
  if (check !== id[17].toUpperCase()) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
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

function scan(doc: Disclosure, ctx: RuleContext, re: RegExp, accept: (s: string) => boolean, say: (masked: string, t: Text, person: string) => string): void {
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
      ctx.report({ message: say(maskNumber(m[0]), t, p ? `（与${p.label}姓名“${maskName(p.name)}”一同公开）` : ''), location: { ...t.loc, where: t.where } });
    }
  }
}

export const mobileNumber = defineRule({
  meta: {
    id: 'privacy/mobile-number',
    title: '公开文件中有手机号码',
    severity: 'error',
    category: 'privacy',
    basis: BASIS.privacy,
    description: '说明或表格中出现手机号码（1[3-9] 开头的 11 位数字，不是更长数字串的一部分），多为填报人联系方式，公开前应删除或改用办公电话。号码旁（同一处或其上三段内）有“填报人/联系人/经办人”及姓名时，消息一并指出。消息中号码中间几位、姓名除姓以外以 * 遮盖。',
    example: { bad: '自评表末尾“填报人：张三 联系电话：13912345678”', message: '项目“党建活动经费”绩效自评表存在问题中有手机号码 139****5678（与填报人姓名“张*”一同公开），公开文件不应包含个人手机号码。' },
  },
  check(doc, ctx) {
    scan(doc, ctx, MOBILE, () => true, (masked, t, person) => `${t.where}中有手机号码 ${masked}${person}，公开文件不应包含个人手机号码。`);
  },
});

export const idNumber = defineRule({
  meta: {
    id: 'privacy/id-number',
    title: '公开文件中有居民身份证号码',
    severity: 'error',
    category: 'privacy',
    basis: BASIS.privacy,
    description: '说明或表格中出现 18 位居民身份证号码（出生日期合理且校验位正确，以免把 18 位的项目编码或统一社会信用代码误报）。消息中号码中间各位以 * 遮盖。',
    example: { bad: '名单中“110105194912310021”', message: '说明第 30 段中有居民身份证号码 110***********0021，公开文件不应包含身份证号码。' },
  },
  check(doc, ctx) {
    scan(doc, ctx, ID, validResidentId, (masked, t, person) => `${t.where}中有居民身份证号码 ${masked}${person}，公开文件不应包含身份证号码。`);
  },
});
