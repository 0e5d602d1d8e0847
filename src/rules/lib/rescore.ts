/**
 * Re-scoring an imported self-evaluation (绩效自评): each project's execution rate, every
 * indicator's score, the project totals, the department's total and grade are recomputed under
 * a scoring profile (src/score) and compared with what the document states. What the
 * self-evaluation arithmetic rules already check from the stated figures alone (执行率得分,
 * 总分 = Σ 得分, 一级 ≤ 分值, 等级 vs 所填总分, 部门得分 = 所填项目得分的平均) is theirs; these
 * rules report what only re-scoring shows.
 */
import { Money } from '../../model/money.js';
import { BASIS } from './basis.js';
import { stepOf } from './figures.js';

export const printedHalf = (raw: string | null | undefined): Money => {
  const m = /\d+(?:[.．](\d+))?/.exec((raw ?? '').replace(/\s+/g, ''));
  return stepOf(m?.[1]?.length ?? 0).div(2);
};

export const APPLIES: ('self-evaluation' | 'final-accounts')[] = ['self-evaluation', 'final-accounts'];

export const SCORING_BASIS = `${BASIS.performance}（定量指标按完成比例计分，定性指标按达成、部分达成、未达成分档计分）；计分办法见 profiles/scoring/`;
