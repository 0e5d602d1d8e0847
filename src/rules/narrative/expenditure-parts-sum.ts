import type { Claim, Disclosure } from '../../model/disclosure.js';
import { val } from '../lib/figures.js';
import { sumRule } from '../lib/sums.js';
import { tableOf, totalRow } from '../lib/tables.js';

const OTHER_PARTS = /预留|机动经费|经营支出|上缴上级|对附属单位/;

const OTHER_COLUMNS = ['operating', 'toSuperior', 'toSubsidiary', 'reserve'];

/**
 * Spending beyond 基本 and 项目: named in the paragraph of the statement, or in a column of the
 * 支出总表 that holds money. The text's total then includes a part no claim carries.
 */
function otherExpenditure(doc: Disclosure, head: Claim): boolean {
  // The statement and the few paragraphs its parts may follow in (the window statementGroups uses).
  const a = head.loc.block;
  const near = a === undefined ? [] : doc.paragraphs.filter((p) => p.loc.block !== undefined && p.loc.block >= a && p.loc.block <= a + 6);
  if (OTHER_PARTS.test(`${head.loc.sentence ?? ''}${near.map((p) => p.text).join('')}`)) return true;
  const t3 = tableOf(doc, 'expenditure');
  const total = t3 && totalRow(t3);
  return !!total && OTHER_COLUMNS.some((k) => {
    const v = val(total.values[k]);
    return v !== null && !v.isZero();
  });
}

export const expenditurePartsSum = sumRule(
  {
    id: 'narrative/expenditure-parts-sum',
    title: '支出说明中基本支出加项目支出等于支出总额',
    description: '支出说明中：支出总额 = 基本支出 + 项目支出（+ 其他支出，若有）。该段（及其后几段）还写有单位预留机动经费、经营支出、上缴上级、对附属单位补助等构成，或支出总表这些列有金额时不判断（这些构成尚无对应的说明数字）。',
    example: { bad: '“支出预算302.27万元，其中基本支出238.42万元……项目支出53.85万元”', message: '说明中支出预算 302.27 万元，所列各项之和为 292.27 万元（基本支出 238.42 + 项目支出 53.85），相差 10.00 万元。' },
    messages: {
      sumDiffers: '说明中支出预算 {{total}} 万元，所列各项之和为 {{sum}} 万元{{detail}}，相差 {{difference}} 万元。',
    },
  },
  'expenditure.total',
  ['expenditure.basic', 'expenditure.project', 'expenditure.other'],
  { messageId: 'sumDiffers', required: (has) => has('expenditure.basic') && has('expenditure.project'), unread: otherExpenditure, tableWhole: ['expenditureTotal', 'expenditureGrand'] },
);
