/**
 * One department, one key, whatever variant of its name a document prints: 中共江苏省委办公厅,
 * 中国共产党江苏省委员会办公厅 and 江苏省委办公厅 are one department. The key is for matching only;
 * the entity keeps the name as a document printed it. What the key cannot know (a renamed
 * department, two names a reviewer says are one) the alias table says (see store/entities.ts).
 */

/**
 * Long forms and their short forms, applied in order (each on the result of the ones before).
 * Only forms that name the same body either way: 委员会/委 and 办公厅/办公室/办 are the same
 * office in every document that prints either.
 */
const REWRITES: [RegExp, string][] = [
  // Quotes, brackets and spaces are print, not name.
  [/[\s"'“”‘’「」『』《》〈〉]/g, ''],
  // The party prefix is dropped in speech: 中共江苏省委 = 江苏省委.
  [/^(中国共产党|中共)/, ''],
  [/中国人民政治协商会议(.*?)委员会/, '$1政协'],
  [/人民代表大会常务委员会/g, '人大常委会'],
  // 人大办公厅 and 人大常委会办公厅 are the one office of the standing committee.
  [/人大常委会/g, '人大'],
  [/人民代表大会/g, '人大'],
  [/常务委员会/g, '常委会'],
  [/委员会/g, '委'],
  [/办公厅|办公室/g, '办'],
  [/人民检察院/g, '检察院'],
  [/高级人民法院/g, '高级法院'],
  [/中级人民法院/g, '中级法院'],
  [/人民法院/g, '法院'],
  [/人民政府/g, '政府'],
];

/** A name with its full-width forms folded (ＡＢＣ, （）, 　) and without surrounding noise. */
export function foldWidth(s: string): string {
  return s.normalize('NFKC');
}

/**
 * The matching key of a department's name. 本级 and 汇总 budgets of one department belong to the
 * one entity; the document key keeps them apart (see `scopeKey`).
 */
export function entityKey(name: string): string {
  let k = foldWidth(name);
  // A scope printed in brackets after the name is the scope, not the name.
  k = k.replace(/[(（]\s*(本级|汇总|部门汇总|单位汇总)\s*[)）]\s*$/, '');
  for (const [re, to] of REWRITES) k = k.replace(re, to);
  return k;
}

/** The scope that splits budgets of one department: 本级 apart, everything else the department's. */
export function scopeKey(scope: string | null | undefined): 'own' | 'all' {
  return scope === 'own' ? 'own' : 'all';
}
