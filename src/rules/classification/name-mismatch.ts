import { Catalog, catalog } from '../../catalog/index.js';
import { BASIS } from '../lib/basis.js';
import { codedRows, yearsOf } from '../lib/codes.js';
import { cellLocation, tableName } from '../lib/tables.js';
import { defineRule } from '../types.js';

export const nameMismatch = defineRule({
  meta: {
    id: 'classification/name-mismatch',
    title: '科目名称与当年科目表不一致',
    severity: 'warning',
    category: 'classification',
    basis: BASIS.classification,
    description: '表中科目编码对应的名称应与文件年度的《政府收支分类科目》一致（忽略序号、空格、括号全半角、末尾“支出”和名称后括注的所属款、类名称，如“行政运行（人力资源和社会保障管理事务）”）。名称是其他年度的旧称或新称时，消息写明适用年度（如“医疗卫生与计划生育支出”是 2018 年及以前的名称）。目录未收录的编码不在此检查。',
    example: { bad: '2022 年文件：210 医疗卫生与计划生育支出', message: '《部门预算支出总表》科目 210 名称为“医疗卫生与计划生育支出”，2022年科目表为“卫生健康支出”（“医疗卫生与计划生育支出”是2018年及以前的名称）。' },
    messages: {
      nameMismatch: '《{{table}}》科目 {{code}} 名称为“{{name}}”，{{year}}科目表为“{{catalogName}}”{{otherYears}}。',
    },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    const cat = catalog();
    for (const { t, r, scheme } of codedRows(doc)) {
      const info = cat.lookup(scheme, r.code!, doc.year);
      if (!info || !r.name.trim()) continue;
      if (Catalog.sameName(cat.withoutParentName(scheme, r.code!, r.name, doc.year), info.names)) continue;
      const other = info.versions.find((v) => Catalog.sameName(r.name, [v.name, ...(v.aliases ?? [])]));
      const name = r.name.replace(/\s+/g, '');
      ctx.report({
        messageId: 'nameMismatch', data: { table: tableName(t), code: r.code!, name, year: doc.year ? `${doc.year}年` : '', catalogName: info.names[0], otherYears: other ? `（“${other.name}”是${yearsOf(other)}的名称）` : '' },
        location: cellLocation(t, r),
      });
    }
  },
});
