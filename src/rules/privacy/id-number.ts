import { BASIS } from '../lib/basis.js';
import { scan } from '../lib/privacy.js';
import { defineRule } from '../types.js';

const ID = /(?<![0-9])\d{17}[\dXx](?![0-9])/g;

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

export const idNumber = defineRule({
  meta: {
    id: 'privacy/id-number',
    title: '公开文件中有居民身份证号码',
    severity: 'error',
    category: 'privacy',
    basis: BASIS.privacy,
    description: '说明或表格中出现 18 位居民身份证号码（出生日期合理且校验位正确，以免把 18 位的项目编码或统一社会信用代码误报）。消息中号码中间各位以 * 遮盖。',
    example: { bad: '名单中“110105194912310021”', message: '说明第 30 段中有居民身份证号码 110***********0021，公开文件不应包含身份证号码。' },
    messages: {
      idNumber: '{{where}}中有居民身份证号码 {{number}}，公开文件不应包含身份证号码。',
      idNumberWithPerson: '{{where}}中有居民身份证号码 {{number}}（与{{label}}姓名“{{name}}”一同公开），公开文件不应包含身份证号码。',
    },
    fix: '删除身份证号码',
  },
  check(doc, ctx) {
    scan(doc, ctx, ID, validResidentId, { messageId: 'idNumber', withPersonMessageId: 'idNumberWithPerson' });
  },
});
