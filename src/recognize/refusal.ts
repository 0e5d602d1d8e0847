/**
 * Whether what was read is a disclosure at all. Crawlers save notices, application forms, bulletins
 * and portal pages under budget names; checking them as budgets only produces guesses. A document
 * is taken as a disclosure on any positive sign of one — a standard table, a 绩效目标表 or 自评表,
 * a 说明 that states budget figures, or a title naming a budget, 决算 or performance document over
 * text that speaks of money — and refused otherwise, in one line saying what it seems to be.
 */
import type { Disclosure } from '../model/disclosure.js';
import { squash, type Block } from '../read/doc.js';
import { BREADCRUMB } from './meta.js';

/** A title naming a disclosure, a 说明, a performance document or a budget table. */
const DISCLOSURE_TITLE = /(?:部门|单位)(?:综合)?(?:预算|决算)|(?:预算|决算)(?:信息)?公开|(?:预算|决算)(?:情况|编制)?说明|(?:预算|决算)表|绩效(?:自评|评价|目标|监控)|整体支出/;

/** An official notice, bulletin, form or chart: what a government site publishes besides budgets. */
const NOTICE_TITLE = /^关于.{2,80}(?:通知|通报|意见|函|批复|决定|公告|请示)$|(?:通知|通报|通告|公告|申请表|登记表|流程图|指南|目录)$|〔\d{4}〕\d+号$/;

/** A sentence about money: an amount next to a budget word. */
const MONEY = /\d\s*(?:万元|亿元|元)/;
const BUDGET_WORD = /预算|决算|支出|收入|资金|经费|拨款/;
const UNIT_LINE = /^(?:金额)?单位[:：](?:万元|元)$/;

/** The budget claims a 说明 needs before its figures alone make it a disclosure. */
const MIN_CLAIMS = 3;

/** Null for a disclosure; else why it is none, in one Chinese line. */
export function notADisclosure(d: Disclosure, blocks: Block[]): string | null {
  if (d.tables.length || d.projects.length || d.selfEvaluation?.projects.length) return null;
  if (d.claims.length >= MIN_CLAIMS) return null;
  const lines = blocks.flatMap((b) => (b.type === 'paragraph' ? [squash(b.text)] : [])).filter((t) => t && !BREADCRUMB.test(t));
  const opening = lines.slice(0, 15);
  const heading = opening.filter((t) => t.length <= 60);
  const notice = heading.some((t) => NOTICE_TITLE.test(t));
  const titled = [d.title ? squash(d.title) : '', ...heading].some((t) => DISCLOSURE_TITLE.test(t));
  // Figures under a unit line (金额单位：万元) or in a table count as much as a sentence about money.
  const money =
    lines.some((t) => (MONEY.test(t) && BUDGET_WORD.test(t)) || UNIT_LINE.test(t)) ||
    blocks.some((b) => b.type === 'table' && b.rows.some((r) => r.some((c) => /\d/.test(c.text))));
  if (titled && money && !notice) return null;
  // The opening line that says most: not a document number (包府办发〔2026〕11号) or a code.
  const start = opening.find((t) => t.length >= 6 && /[\u4e00-\u9fa5]{4}/.test(t) && !/〔\d{4}〕|^[A-Z0-9-]+$/.test(t)) ?? opening[0] ?? '';
  const what = notice ? '看来是一份公文、通知或表单' : '未找到标准表格、预算说明的收支数字或绩效表格';
  return `不是部门预算、决算公开或绩效文件：${what}${start ? `（开头为“${start.slice(0, 30)}${start.length > 30 ? '…' : ''}”）` : ''}，未作检查`;
}
