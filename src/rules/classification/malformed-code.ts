import { Catalog, catalog, type Scheme } from '../../catalog/index.js';
import { BASIS } from '../lib/basis.js';
import { cellLocation, CODED_KINDS, codeRows, schemeOf, tableName, tablesOf } from '../lib/tables.js';
import { defineRule } from '../types.js';

const SCHEME_NAMES: Record<Scheme, string> = { functional: '功能分类', economic: '部门经济分类', 'government-economic': '政府经济分类' };

export const malformedCode = defineRule({
  meta: {
    id: 'classification/malformed-code',
    title: '科目编码格式错误或类级科目不存在',
    severity: 'error',
    category: 'classification',
    basis: BASIS.classification,
    description: '功能分类编码为 3/5/7 位、以 2 开头；部门经济分类为 3/5 位、以 3 开头（政府经济分类以 5 开头）。位数不对、在功能分类表中出现经济分类编码（或相反）、或类级编码不存在时报告。',
    example: { bad: '支出总表中出现 20133011', message: '《部门预算支出总表》科目编码“20133011”格式不对：功能分类编码应为 3、5 或 7 位数字。' },
    messages: {
      malformedCode: '《{{table}}》科目编码“{{code}}”格式不对：{{problem}}。',
    },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    const cat = catalog();
    for (const t of CODED_KINDS.flatMap((k) => tablesOf(doc, k))) {
      const scheme = schemeOf(t);
      for (const r of codeRows(t)) {
        const code = r.code!;
        const s = Catalog.schemeOfCode(code);
        let problem: string | null = null;
        if (scheme === 'functional' && !/^2\d{2}(\d{2}){0,2}$/.test(code)) problem = /^[35]/.test(code) ? '按功能分类列示的表中出现经济分类编码' : '功能分类编码应为 3、5 或 7 位数字';
        else if (scheme === 'economic' && !/^[35]\d{2}(\d{2})?$/.test(code)) problem = /^2/.test(code) ? '按经济分类列示的表中出现功能分类编码' : '经济分类编码应为 3 或 5 位数字';
        else if (s && code.length === 3 && cat.size(s) && !cat.versions(s, code).length) problem = `${SCHEME_NAMES[s]}没有类级科目 ${code}`;
        if (!problem) continue;
        ctx.report({ messageId: 'malformedCode', data: { table: tableName(t), code, problem }, location: cellLocation(t, r) });
      }
    }
  },
});
