import type { Disclosure } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { LEVEL_NAMES } from '../lib/text-quality.js';
import { excerpt } from '../lib/texts.js';
import { defineRule } from '../types.js';

const FOREIGN_LEVELS: Record<NonNullable<Disclosure['entity']['level']>, RegExp> = {
  county: /省级|省直/,
  city: /省级|省直/,
  province: /(?:区|县)级(?:财政|部门|预算)/,
};

export const wrongLevelGlossary = defineRule({
  meta: {
    id: 'text-quality/wrong-level-glossary',
    title: '名词解释中的行政层级与本单位不符',
    severity: 'warning',
    category: 'text-quality',
    basis: BASIS.identities('14'),
    description: '区县、市级单位的名词解释中出现“省级”“省直”（或省级单位出现“区级/县级财政”），多为照抄上级模板。',
    example: { bad: '区级单位名词解释：“三公经费是指省级部门用财政拨款安排的……”', message: '名词解释““三公”经费”中出现“省级”，而本单位为区县级单位：“…是指省级部门用财政拨款安排的因公…”。' },
    messages: {
      wrongLevelGlossary: '名词解释“{{term}}”中出现“{{phrase}}”，而本单位为{{level}}单位：“{{excerpt}}”。',
    },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    const level = doc.entity.level;
    if (!level) return;
    const re = FOREIGN_LEVELS[level];
    for (const g of doc.glossary) {
      const text = `${g.term}：${g.definition}`;
      const m = re.exec(text);
      if (!m) continue;
      ctx.report({ messageId: 'wrongLevelGlossary', data: { term: g.term, phrase: m[0], level: LEVEL_NAMES[level], excerpt: excerpt(text, m.index) }, location: { ...g.loc, where: `名词解释“${g.term}”` } });
    }
  },
});
