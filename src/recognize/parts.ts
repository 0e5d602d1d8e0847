/** Prose parts of the 说明: duties, the overall performance goal and sub-goals, safeguards, glossary. */
import type { Disclosure } from '../model/disclosure.js';
import { squash, type Block } from '../read/doc.js';
import { headingKey, type SectionKey } from './sections.js';
import { tidy } from './tidy.js';

const LABEL_ONLY = /^(部门职责|机构设置|主要职责|部门职能)[:：]?$/;
const NUMBERED_ITEM = /^[（(]?[0-9一二三四五六七八九十]+[)）、.．]\s*/;
const PROSE_SECTIONS = new Set<SectionKey | null>(['duties', 'overallGoal', 'subGoals', 'safeguards', 'glossary']);

export function readParts(d: Disclosure, blocks: Block[], sections: (SectionKey | null)[]): void {
  const overall: string[] = [];
  let subGoal: Disclosure['performance']['subGoals'][number] | null = null;
  blocks.forEach((b, i) => {
    const section = sections[i];
    // Only the sections below hold these parts: the rest of the 说明 (most of it) is not tidied.
    if (b.type !== 'paragraph' || !PROSE_SECTIONS.has(section)) return;
    const text = tidy(b.text);
    const t = squash(text);
    if (!t || headingKey(text)) return;
    switch (section) {
      case 'duties':
        if (!LABEL_ONLY.test(t)) d.duties.push(text.replace(NUMBERED_ITEM, ''));
        break;
      case 'overallGoal':
        overall.push(text);
        break;
      case 'subGoals': {
        const goal = /^绩效目标[:：](.*)$/.exec(text);
        const indicators = /^绩效指标[:：](.*)$/.exec(text);
        if (goal && subGoal) subGoal.goal = goal[1].trim();
        else if (indicators && subGoal) subGoal.indicators = indicators[1].trim();
        else if (NUMBERED_ITEM.test(text) && t.length <= 40) {
          subGoal = { name: text.replace(NUMBERED_ITEM, '').trim(), goal: null, indicators: null, loc: { ...b.loc } };
          d.performance.subGoals.push(subGoal);
        }
        break;
      }
      case 'safeguards':
        if (NUMBERED_ITEM.test(text)) d.performance.safeguards.push(text.replace(NUMBERED_ITEM, ''));
        else if (d.performance.safeguards.length) d.performance.safeguards[d.performance.safeguards.length - 1] += text;
        break;
      case 'glossary': {
        const m = /^(?:[0-9一二三四五六七八九十]+[、.．]\s*)?([^：:]{2,30})[:：](.+)$/.exec(text);
        if (m) d.glossary.push({ term: m[1].trim(), definition: m[2].trim(), loc: { ...b.loc } });
        break;
      }
      default:
        break;
    }
  });
  d.performance.overallGoal = overall.length ? overall.join('\n') : null;
}

