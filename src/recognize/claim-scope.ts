/**
 * Whose figure a 说明 amount is. The department's 人员经费 is one figure; "对事业单位经常性补助（505）
 * 2945.22万元，其中：人员经费1903.54万元；公用经费75.66万元" states the 人员/公用经费 of one economic
 * class, and "XX中心人员经费…", "本级基本支出…" those of one unit. Such a figure is a part of a
 * narrower whole: held against the department's total of the same name it would be a false error.
 */
import { catalog } from '../catalog/index.js';

/** A classification code printed in brackets after a name: （505）, (2080101). */
const BRACKETED_CODE = /[(（][235]\d{2}(?:\d{2}){0,2}[)）]/;
/** A name marked as a level of the functional classification: 行政运行（项）. */
const LEVEL_MARK = /[(（](类|款|项)[)）]/;
/** Words that name a unit of the department rather than the department itself. */
const UNIT_WORDS = /(本级|所属|下属|直属|二级单位)/;
/** A unit's own name ("西安市就业服务中心"); 本… (本单位, 本中心) is the document's own entity. */
const UNIT_NAME = /^(?!本)[\u4e00-\u9fa5]{2,}(中心|站|所|院|队|学校|馆|处)$/;

/**
 * The narrower whole the amount at `at` of `sentence` (one sentence to its 。, squashed and
 * half-width) is part of — an economic or functional class, a unit — or null when it is the
 * department's. Looks at the clause naming the figure, and at the head of a 其中 list the figure
 * stands in (a list runs on over ；to the sentence's end).
 */
export function narrowerWhole(sentence: string, at: number): string | null {
  const clause = sentence.slice(0, at).split(/[,，;；:：。]/).pop() ?? '';
  if (UNIT_WORDS.test(clause) || UNIT_NAME.test(clause)) return clause;
  const list = sentence.lastIndexOf('其中', at);
  if (list < 0) return null;
  const before = sentence.slice(0, list);
  const start = Math.max(before.lastIndexOf('其中') >= 0 ? before.lastIndexOf('其中') + 2 : 0, before.search(/[;；。][^;；。]*$/) + 1);
  const head = before.slice(start).replace(/^[:：,，]/, '');
  // The head names what the list breaks down: the words before its first amount.
  const amount = /\d+(?:,\d{3})*(?:\.\d+)?(?:万元|元)/.exec(head);
  const name = amount ? head.slice(0, amount.index).replace(/[,，:：为是]+$/, '') : '';
  if (!name) return null;
  return isNarrower(name) ? name : null;
}

function isNarrower(name: string): boolean {
  if (BRACKETED_CODE.test(name) || LEVEL_MARK.test(name)) return true;
  if (UNIT_WORDS.test(name) || UNIT_NAME.test(name)) return true;
  // An economic class named without its code: 商品和服务支出, 对个人和家庭的补助.
  const c = catalog();
  return !!(c.classByName('economic', name) ?? c.classByName('government-economic', name));
}
