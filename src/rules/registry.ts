/** Every rule of the catalog, in the order docs/rules.md lists them. */
import { arithmeticRules } from './arithmetic/index.js';
import { classificationRules } from './classification/index.js';
import { completenessRules } from './completeness/index.js';
import { crossTableRules } from './cross-table/index.js';
import { finalAccountsRules } from './final-accounts/index.js';
import { indicatorRules } from './indicator/index.js';
import { narrativeRules } from './narrative/index.js';
import { privacyRules } from './privacy/index.js';
import { scoringRules } from './scoring/index.js';
import { textQualityRules } from './text-quality/index.js';
import type { Rule } from './types.js';

export const RULES: Rule[] = [
  ...arithmeticRules,
  ...crossTableRules,
  ...narrativeRules,
  ...classificationRules,
  ...completenessRules,
  ...indicatorRules,
  ...textQualityRules,
  ...privacyRules,
  ...scoringRules,
  ...finalAccountsRules,
];
