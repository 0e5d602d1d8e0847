/**
 * Whitespace a text extractor may or may not keep: Word text puts a space where the author typed
 * one between Chinese characters ("多方面 高频次", "2022 年度"), a PDF's text layer usually drops
 * it. Words of the model drop it too, so every format gives the same text.
 */
const CJK = String.raw`[\u3000-\u303f\u4e00-\u9fa5\uff00-\uffef]`;
const AROUND_CJK = new RegExp(String.raw`(?<=${CJK})[ \t\u00a0\u3000]+|[ \t\u00a0\u3000]+(?=${CJK})`, 'g');

export function tidy(text: string): string {
  return text.replace(AROUND_CJK, '').trim();
}
