import { excerpt, proseTexts } from '../lib/texts.js';
import { defineRule } from '../types.js';

const INSTRUCTIONS: RegExp[] = [
  /的[，,]?(?:请)?(?:填写|写)[：:]/,
  /(?:请|须|需)(?:据实|如实|根据实际情况?|按实际)?(?:填写|填报|填列)/,
  /(?:此处|本栏|该栏|本表)(?:填写|填列|列示)(?:[^。]{0,10})?(?:的|内容|情况)/,
  /(?:填写|填报|编写)(?:说明|要求|提示)[：:]/,
  /如(?:有|无)[^。；]{1,20}(?:请|则)(?:填写|说明|删除|注明)/,
  /(?:删除|去掉)(?:此|本)(?:行|段|句|括号)/,
  /[（(](?:参考|示例|模板|例)[：:][^)）]*[)）]/,
];

export const templateInstruction = defineRule({
  meta: {
    id: 'text-quality/template-instruction',
    title: '残留填写说明',
    severity: 'error',
    category: 'text-quality',
    basis: 'domain.md §8（模板说明文字未删除）；公开质量',
    description: '说明中残留写给填表人的模板指引，如“本年度无拟购置固定资产的写：……”“请据实填写……”“如无……请删除”。',
    example: { bad: '“本年度无拟购置固定资产的写：我部门本年度无国有资产购置计划，拟购置金额为0。”', message: '说明第 41 段残留模板填写说明：“本年度无拟购置固定资产的写：我部门本年度无国有资…”。' },
    messages: {
      templateInstruction: '{{where}}残留模板填写说明：“{{text}}”。',
    },
    fix: '删除写给填表人的模板说明文字，只保留本单位的实际情况',
  },
  check(doc, ctx) {
    for (const t of proseTexts(doc)) {
      for (const re of INSTRUCTIONS) {
        const m = re.exec(t.text);
        if (!m) continue;
        ctx.report({ messageId: 'templateInstruction', data: { where: t.where, text: excerpt(t.text, m.index) }, location: { ...t.loc, where: t.where } });
        break;
      }
    }
  },
});
