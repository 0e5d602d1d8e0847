/**
 * Classification codes (政府收支分类科目): names as the catalog gives them for the document's year,
 * codes the catalog knows, well-formed codes, and the hierarchy (a 项 under its 款 and 类).
 */
import { Catalog, catalog, type Scheme } from '../../catalog/index.js';
import type { Disclosure, Row, StdTable } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { cellLocation, codeRows, CODED_KINDS, rowLabel, schemeOf, tableName, tablesOf } from '../lib/tables.js';
import { defineRule, type RuleContext } from '../types.js';

interface CodedRow {
  t: StdTable;
  r: Row;
  scheme: Scheme;
}

/** Every coded row of the standard tables (收支总表 类 rows included), with its scheme. */
function codedRows(doc: Disclosure): CodedRow[] {
  const out: CodedRow[] = [];
  for (const t of doc.tables) {
    for (const r of codeRows(t)) {
      const scheme = Catalog.schemeOfCode(r.code!);
      if (scheme) out.push({ t, r, scheme });
    }
  }
  return out;
}

function yearsOf(v: { from?: number; to?: number }): string {
  if (v.from && v.to) return v.from === v.to ? `${v.from}年` : `${v.from}–${v.to}年`;
  if (v.from) return `${v.from}年起`;
  if (v.to) return `${v.to}年及以前`;
  return '各年';
}

const SCHEME_NAMES: Record<Scheme, string> = { functional: '功能分类', economic: '部门经济分类', 'government-economic': '政府经济分类' };

export const nameMismatch = defineRule({
  meta: {
    id: 'classification/name-mismatch',
    title: '科目名称与当年科目表不一致',
    severity: 'warning',
    category: 'classification',
    basis: BASIS.classification,
    description: '表中科目编码对应的名称应与文件年度的《政府收支分类科目》一致（忽略序号、空格、括号全半角和末尾“支出”）。名称是其他年度的旧称或新称时，消息写明适用年度（如“医疗卫生与计划生育支出”是 2018 年及以前的名称）。目录未收录的编码不在此检查。',
    example: { bad: '2022 年文件：210 医疗卫生与计划生育支出', message: '《部门预算支出总表》科目 210 名称为“医疗卫生与计划生育支出”，2022年科目表为“卫生健康支出”（“医疗卫生与计划生育支出”是2018年及以前的名称）。' },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    const cat = catalog();
    for (const { t, r, scheme } of codedRows(doc)) {
      const info = cat.lookup(scheme, r.code!, doc.year);
      if (!info || !r.name.trim()) continue;
      if (Catalog.sameName(r.name, info.names)) continue;
      const other = info.versions.find((v) => Catalog.sameName(r.name, [v.name, ...(v.aliases ?? [])]));
      const name = r.name.replace(/\s+/g, '');
      ctx.report({
        message: `《${tableName(t)}》科目 ${r.code} 名称为“${name}”，${doc.year ? `${doc.year}年` : ''}科目表为“${info.names[0]}”${other ? `（“${other.name}”是${yearsOf(other)}的名称）` : ''}。`,
        location: cellLocation(t, r),
      });
    }
  },
});

export const unknownCode = defineRule({
  meta: {
    id: 'classification/unknown-code',
    title: '科目编码不在科目表中',
    severity: 'info',
    category: 'classification',
    basis: BASIS.classification,
    description: '科目编码在项目自带的科目目录中找不到，或只在其他年度存在（已停用或尚未设立）。目录尚不完整（尤其是“项”级），故默认为提示级；类级编码不存在时由 classification/malformed-code 报告。',
    example: { bad: '2017 年文件：2013704 信息安全事务', message: '《部门预算支出总表》科目 2013704 信息安全事务在2017年科目表中不存在（该编码用于2019年起）。' },
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
        message: versions.length
          ? `《${tableName(t)}》科目 ${rowLabel(r)}在${doc.year}年科目表中不存在（该编码用于${versions.map(yearsOf).join('、')}）。`
          : `《${tableName(t)}》科目 ${rowLabel(r)}不在科目目录中，请核对编码。`,
        location: cellLocation(t, r),
      });
    }
  },
});

export const malformedCode = defineRule({
  meta: {
    id: 'classification/malformed-code',
    title: '科目编码格式错误或类级科目不存在',
    severity: 'error',
    category: 'classification',
    basis: BASIS.classification,
    description: '功能分类编码为 3/5/7 位、以 2 开头；部门经济分类为 3/5 位、以 3 开头（政府经济分类以 5 开头）。位数不对、在功能分类表中出现经济分类编码（或相反）、或类级编码不存在时报告。',
    example: { bad: '支出总表中出现 20133011', message: '《部门预算支出总表》科目编码“20133011”格式不对：功能分类编码应为 3、5 或 7 位数字。' },
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
        ctx.report({ message: `《${tableName(t)}》科目编码“${code}”格式不对：${problem}。`, location: cellLocation(t, r) });
      }
    }
  },
});

function parentCode(code: string): string | null {
  return code.length > 3 ? code.slice(0, code.length - 2) : null;
}

export const orphanCode = defineRule({
  meta: {
    id: 'classification/orphan-code',
    title: '项、款缺少上级科目',
    severity: 'error',
    category: 'classification',
    basis: `${BASIS.budgetLaw}（功能分类列示到项）；domain.md §5.4`,
    description: '按科目列示的表中，列出了“项”（7 位）就应列出其“款”（5 位）和“类”（3 位），列出了“款”就应列出其“类”，上级金额才能核对。表中根本不列某一级（如只列类和项）是表样的做法，不按缺少上级报告；只列项目及其所用科目的项目清单（如陕西上年结转资金支出表，不列类级科目）不是科目层级表，不检查。',
    example: { bad: '支出总表列 2013301 行政运行，但没有 20133 宣传事务', message: '《部门预算支出总表》列有科目 2013301 行政运行，但未列其上级科目 20133。' },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    for (const t of CODED_KINDS.flatMap((k) => tablesOf(doc, k))) {
      const codes = new Set(codeRows(t).map((r) => r.code!));
      // A list of projects with the 项 each is paid from (陕西 上年结转资金支出表) is no hierarchy of codes.
      if (t.kind === 'project-expenditure' && ![...codes].some((c) => c.length === 3)) continue;
      // A table that prints no 款 at all (类 and 项 only, a regional layout) omits a level, not a parent.
      const depths = new Set([...codes].map((c) => c.length));
      const reported = new Set<string>();
      for (const r of codeRows(t)) {
        for (let p = parentCode(r.code!); p; p = parentCode(p)) {
          if (codes.has(p) || !depths.has(p.length) || reported.has(`${r.code}|${p}`)) continue;
          reported.add(`${r.code}|${p}`);
          ctx.report({ message: `《${tableName(t)}》列有科目 ${rowLabel(r)}，但未列其上级科目 ${p}。`, location: cellLocation(t, r) });
        }
      }
    }
  },
});

export const misplacedCode = defineRule({
  meta: {
    id: 'classification/misplaced-code',
    expectation: true,
    title: '科目列在别的上级科目之下',
    severity: 'warning',
    category: 'classification',
    basis: 'domain.md §5.4（子级编码以上级编码开头）',
    description: '表中按顺序列示时，每个款、项应排在其所属的类、款之下：紧邻的上一级行的编码应是它的前缀。排在别的类或款下面的科目容易被错加到别的上级。',
    example: { bad: '201 一般公共服务支出之后直接列 20805 行政事业单位养老支出', message: '《部门预算支出总表》科目 20805 行政事业单位养老支出列在 201 一般公共服务支出之下，而它的上级应为 208。' },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx: RuleContext) {
    for (const t of CODED_KINDS.flatMap((k) => tablesOf(doc, k))) {
      const codes = new Set(codeRows(t).map((r) => r.code!));
      let last: Record<number, Row | undefined> = {};
      for (const r of codeRows(t)) {
        const code = r.code!;
        const len = code.length;
        if (len === 3) last = { 3: r };
        else {
          const parentLen = len - 2;
          const parent = last[parentLen];
          // Only judge when the table does print the real parent (missing parents are orphan-code's).
          if (parent && !code.startsWith(parent.code!) && codes.has(code.slice(0, parentLen))) {
            ctx.report({
              message: `《${tableName(t)}》科目 ${rowLabel(r)}列在 ${rowLabel(parent)}之下，而它的上级应为 ${code.slice(0, parentLen)}。`,
              location: cellLocation(t, r),
            });
          }
          last[len] = r;
          for (const k of Object.keys(last).map(Number)) if (k > len) delete last[k];
        }
      }
    }
  },
});

