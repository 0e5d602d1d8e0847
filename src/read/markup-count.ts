/**
 * Counting a markup's start tags before it is parsed. A parser builds an object per element (and
 * per cell and row after it); a small file of millions of `<w:p/>` or `<tr>` costs seconds and
 * hundreds of MB before anything could be counted from the tree. One pass of a sticky-free regular
 * expression over the text costs milliseconds, so the readers refuse such a file before parsing.
 * Tags inside comments or CDATA are counted too: the count can only be too high, never too low.
 */

/**
 * Start tags whose local name (any namespace prefix) is one of `names`, e.g. `['tr']` counts
 * `<tr>`, `<TR class=…>`, `<w:tr>` and `<w:tr/>` but not `<track>`.
 */
export function countStartTags(text: string, names: readonly string[], caseInsensitive = false): number {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?(?:${names.join('|')})(?=[\\s/>])`, caseInsensitive ? 'gi' : 'g');
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}
