import { cases } from './cases/completeness.js';
import { runCases } from './tester.js';

runCases(cases);
