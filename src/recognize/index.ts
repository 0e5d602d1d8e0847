import type { Doc } from '../read/doc.js';
import type { Disclosure, Finding } from '../model/disclosure.js';
import { emptyDisclosure } from '../model/empty.js';

export interface Recognized {
  disclosure: Disclosure;
  /** What reading could not place or parse. */
  findings: Finding[];
}

export function recognize(doc: Doc): Recognized {
  return { disclosure: emptyDisclosure(doc.source), findings: [] };
}
