/**
 * The amounts a sentence states with what they are of ("其中：财政拨款收入181.20万元" →
 * 财政拨款收入 181.20), and names as prose varies them, so that a share's whole or a change's
 * base can be found where the text stated it.
 */
import { Money } from '../model/money.js';

export const NUM = String.raw`(\d+(?:,\d{3})*(?:\.\d+)?)`;

export interface StatedAmount {
  /** What the amount is of, as the clause before it names it. */
  name: string;
  value: Money;
  /** The number as printed. */
  raw: string;
  /** Where the figure (its number) starts and where its unit ends, in the text searched. */
  start: number;
  end: number;
}

const DELIMITER = /[，,。；;：:、（(]/;

/** Every "名称 + 金额 + 万元/元" of a text; the text is expected squashed and half-width. */
export function statedAmounts(text: string): StatedAmount[] {
  const out: StatedAmount[] = [];
  const re = new RegExp(String.raw`${NUM}\s*(万元|元|万(?![\u4e00-\u9fa5]))`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let from = m.index;
    // The name runs back to the clause's start; a parenthetical (境)/(类) stays in it.
    let depth = 0;
    while (from > 0) {
      const ch = text[from - 1];
      if (ch === '）' || ch === ')') depth++;
      else if ((ch === '（' || ch === '(') && depth > 0) depth--;
      else if (depth === 0 && DELIMITER.test(ch)) break;
      from--;
    }
    let value = new Money(m[1].replace(/,/g, ''));
    if (m[2] === '元') value = value.div(10000);
    out.push({ name: text.slice(from, m.index).replace(/^(其中|主要用于以下方面|主要是|包括)/, '').replace(/(为|是)$/, ''), value, raw: m[1], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * A name as prose varies it: no year, no 的/为, no 财政拨款 qualifier, no stage words
 * (支出决算, 决算数, 金额) at its end.
 */
export function looseName(name: string): string {
  return name
    .replace(/^.*?20\d{2}年度?/, '')
    .replace(/^(本年度|本馆|本单位|本部门|全年)/, '')
    .replace(/[“”"'‘’]/g, '')
    .replace(/财政拨款/g, '')
    // "本年支出预算合计" and "本年支出合计" are one total.
    .replace(/(收入|支出)预算/g, '$1')
    .replace(/的/g, '')
    .replace(/(支出决算数|支出决算|决算数|决算|金额|为|是)+$/, '');
}

/** Whether two names speak of one thing: equal, or one (of four characters or more) inside the other. */
export function sameThing(a: string, b: string): boolean {
  const x = looseName(a);
  const y = looseName(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  // "财政性资金（人员类和运转类中的公用经费项目支出除外）总额" is no 项目支出: what a bracket
  // excludes or explains is not what the name names.
  const part = unbracketed(short);
  return part.length >= 4 && unbracketed(long).includes(part);
}

function unbracketed(name: string): string {
  return name.replace(/[（(][^（）()]*[)）]/g, '');
}
