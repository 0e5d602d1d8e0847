/**
 * What rules that compare figures may read: the disclosure without the tables whose reading the
 * recogniser could not confirm (recognize/verify.ts). An error is a public accusation; it is raised
 * only from figures read with certainty, so such a table is treated as if its figures were unknown,
 * and the headline amounts are taken again from what remains.
 */
import type { Disclosure } from '../../model/disclosure.js';
import { computeSummary } from '../../recognize/summary.js';
import type { Category } from '../types.js';

/** Categories whose rules compare figures read from tables. */
export const FIGURE_CATEGORIES: ReadonlySet<Category> = new Set(['arithmetic', 'cross-table', 'narrative', 'classification']);

export function trustedView(doc: Disclosure): Disclosure {
  if (!doc.tables.some((t) => t.reading?.status === 'uncertain')) return doc;
  const view: Disclosure = { ...doc, tables: doc.tables.filter((t) => t.reading?.status !== 'uncertain') };
  view.summary = computeSummary(view);
  return view;
}
