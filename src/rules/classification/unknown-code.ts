import { catalog } from '../../catalog/index.js';
import { BASIS } from '../lib/basis.js';
import { codedRows, yearsOf } from '../lib/codes.js';
import { cellLocation, rowLabel, tableName } from '../lib/tables.js';
import { defineRule } from '../types.js';

export const unknownCode = defineRule({
  meta: {
    id: 'classification/unknown-code',
    title: '科目编码不在科目表中',
    severity: 'info',
    category: 'classification',
    basis: BASIS.classification,
    description: '科目编码在项目自带的科目目录中找不到，或只在其他年度存在（已停用或尚未设立）。目录尚不完整（尤其是“项”级），故默认为提示级；类级编码不存在时由 classification/malformed-code 报告。',
    example: { bad: '2017 年文件：2013704 信息安全事务', message: '《部门预算支出总表》科目 2013704 信息安全事务在2017年科目表中不存在（该编码用于2019年起）。' },
    messages: {
      notInYear: '《{{table}}》科目 {{row}}在{{year}}年科目表中不存在（该编码用于{{years}}）。',
      notInCatalog: '《{{table}}》科目 {{row}}不在科目目录中，请核对编码。',
    },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    const cat = catalog();
    for (const { t, r, scheme } of codedRows(doc)) {
      if (r.code!.length === 3) continue;
      if (cat.lookup(scheme, r.code!, doc.year)) continue;
      const versions = cat.versions(scheme, r.code!);
      if (!versions.length && cat.size(scheme) === 0) continue;
      ctx.report({
        ...(versions.length
          ? { messageId: 'notInYear', data: { table: tableName(t), row: rowLabel(r), year: String(doc.year), years: versions.map(yearsOf).join('、') } }
          : { messageId: 'notInCatalog', data: { table: tableName(t), row: rowLabel(r) } }),
        location: cellLocation(t, r),
      });
    }
  },
});
