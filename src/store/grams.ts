/**
 * Index terms for search queries of one or two characters, which a trigram index cannot serve:
 * every character and every pair of adjacent characters of a text, tagged with the field it is
 * in. A query term of one or two characters then is one token, looked up exactly.
 *
 * Each character is written as four base-36 digits of its code point, so a token is plain ASCII
 * (`e` + 4 or 8 digits): no tokenizer splits or folds it, and SQLite's FTS5 and PostgreSQL's
 * tsvector take it as it is.
 */

export const SEARCH_FIELDS = ['entity', 'title', 'project', 'paragraph'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

const TAG: Record<SearchField, string> = { entity: 'e', title: 't', project: 'p', paragraph: 'x' };

/** Longest term the gram index answers; longer terms go to the trigram index. */
export const MAX_GRAM = 2;

/** Characters compared case-insensitively, as the trigram indexes do. */
function fold(c: string): string {
  const lower = c.toLowerCase();
  return lower.length === c.length ? lower : c;
}

function code(c: string): string {
  return c.codePointAt(0)!.toString(36).padStart(4, '0');
}

/** Code points of a term (`[...t]`), folded. */
export function gramChars(text: string): string[] {
  return [...text].map(fold);
}

/** The token a one- or two-character term has in a field. */
export function gramToken(field: SearchField, term: string): string {
  return TAG[field] + gramChars(term).map(code).join('');
}

/** All distinct tokens of the texts, space-separated. Whitespace separates: no gram spans it. */
export function gramsOf(texts: Iterable<{ field: SearchField; text: string }>): string {
  const out = new Set<string>();
  for (const { field, text } of texts) {
    const tag = TAG[field];
    for (const run of text.split(/\s+/)) {
      if (!run) continue;
      const codes = gramChars(run).map(code);
      for (let i = 0; i < codes.length; i++) {
        out.add(tag + codes[i]);
        if (i + 1 < codes.length) out.add(tag + codes[i] + codes[i + 1]);
      }
    }
  }
  return [...out].join(' ');
}

/**
 * What search compares: quotation marks and title brackets dropped, so 三公经费 finds “三公”经费 and
 * 预算法 finds 《预算法》. Applied to the stored texts and to the query alike (the query also splits
 * at other punctuation, full-width or not: see search.ts).
 */
export function searchFold(text: string): string {
  return text.replace(/["'“”‘’「」『』《》〈〉【】〔〕]/g, '');
}
