import type { Disclosure, Finding } from '../model/disclosure.js';

export interface RunRulesOptions {
  /** Name or path of a profile (config) that switches rules on/off and re-grades them. */
  profile?: string;
}

/** Runs the rule catalog over a recognised disclosure. (The catalog is built in its own issue.) */
export function runRules(_doc: Disclosure, _options: RunRulesOptions = {}): Finding[] {
  return [];
}
