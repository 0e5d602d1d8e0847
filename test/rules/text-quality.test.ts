import { cases } from './cases/text-quality.js';
import { runCases } from './tester.js';

runCases(cases);
