import type { Disclosure } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { LEVEL_NAMES } from '../lib/text-quality.js';
import { excerpt } from '../lib/texts.js';
import { defineRule } from '../types.js';

const OWN_LEVEL_WORDS: Record<NonNullable<Disclosure['entity']['level']>, RegExp> = {
  county: /我省|本省/,
  city: /我省|本省/,
  province: /我区(?!域)|我县|本县/,
};

export const wrongLevelText = defineRule({
  meta: {
    id: 'text-quality/wrong-level-text',
    title: '说明中以别的行政层级自称',
    severity: 'info',
    category: 'text-quality',
    basis: BASIS.identities('14'),
    description: '区县、市级单位的说明里以“我省”“本省”自称（如“目前我省部门预算的编制实行综合预算管理”），多为照抄上级模板。只作提示，因为“我省”也可能是在引述上级政策。',
    example: { bad: '区级文件：“目前我省部门预算的编制实行综合预算管理”', message: '说明第 14 段以“我省”自称，而本单位为区县级单位：“…目前我省部门预算的编制实行综合预算管理…”。' },
    messages: {
      wrongLevelText: '说明第 {{paragraph}} 段以“{{phrase}}”自称，而本单位为{{level}}单位：“{{excerpt}}”。',
    },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    const level = doc.entity.level;
    if (!level) return;
    const re = OWN_LEVEL_WORDS[level];
    doc.paragraphs.forEach((p, i) => {
      const m = re.exec(p.text);
      if (!m) return;
      ctx.report({ messageId: 'wrongLevelText', data: { paragraph: i + 1, phrase: m[0], level: LEVEL_NAMES[level], excerpt: excerpt(p.text, m.index) }, location: { ...p.loc, where: `说明第 ${i + 1} 段` } });
    });
  },
});
