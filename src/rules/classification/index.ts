import type { Rule } from '../types.js';
import { malformedCode, misplacedCode, nameMismatch, orphanCode, unknownCode } from './codes.js';

export const classificationRules: Rule[] = [nameMismatch, unknownCode, malformedCode, orphanCode, misplacedCode];
