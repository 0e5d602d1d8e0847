import type { Rule } from '../types.js';
import { idNumber, mobileNumber } from './privacy.js';

export const privacyRules: Rule[] = [mobileNumber, idNumber];
